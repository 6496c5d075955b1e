"""The review document, the analyzer beside the writer, and personal debriefs.

One review per incident, made of sections copied from a template; every save
of a section is a numbered version, and a save made against an older version
than the stored one is refused rather than written over it. Debriefs are each
responder's own account, private until their author shares part of it.
"""
