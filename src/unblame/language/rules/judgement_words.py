"""Words that judge a person rather than describe an act, shared by the rules of blame aimed
at another person (UB1xx): one list, so the patterns and their exceptions never drift apart."""

from __future__ import annotations

# Words that judge a person's character or care rather than describe an action.
JUDGEMENT = r"""
    careless(?:ly|ness)? | sloppy | sloppily | sloppiness | negligen(?:t|tly|ce) | reckless(?:ly|ness)?
    # Conduct judged as an employer or a regulator judges it.
    | misconduct | dereliction\s+of\s+(?:duty|duties)
    | amateurism | amateur\s+hour
    # "What were you thinking?" (not "they": often whoever set things up).
    | what\s+(?:the\s+(?:hell|heck)\s+)?(?:was|were)\s+(?:you|@[\w-]+|(?-i:[A-Z][a-z]+))\s+thinking
    | incompeten(?:t|ce) | clueless | irresponsib(?:le|ly|ility) | hasty | hastily
    # "inept" alone is a word of character, UB103's when a person wears it.
    | ineptitude | unforgivabl[ey] | inexcusabl[ey]
    # A folly pinned on someone: "that was stupid of him" (the writer's own is UB202's).
    | (?:stupid|dumb|idiotic|brain-?dead|boneheaded|silly)\s+(?:\w+\s+)?of\s+(?:him|her|them|you|@[\w-]+
      |(?-i:[A-Zꙮ][a-z]+))\b
    | bungl(?:ing|ed|er|ers|es) | ham-?fisted
    | lazy(?!\s+(?:load\w*|eval\w*|init\w*|import\w*|fetch\w*|binding|propert\w*|static|val\w*))
    | laziness | idiotic | idiots? | morons? | boneheaded | dim-?witted | amateurish
    # A person's craft judged: "poor airmanship", "it was just poor flying", "poor lookout"
    # (not "poor navigation", as often a website's).
    | (?:poor|bad)\s+(?:judg(?:e)?ment|decision-?making|airmanship|seamanship|flying|driving|piloting
      |workmanship|watchkeeping|look-?out)
    | lack\s+of\s+(?:judg(?:e)?ment|competence)
    | cowboy(?:\s+\w+)?
    # The verb said of a person; "a fat-fingered value" names the slip itself (UB402).
    | (?<!\ba\s)(?<!\bone\s)fat[-\s]?finger(?:ed|ing|s)?(?!\s+(?:keystroke|value|entry|command|input|edit|on|in)\b)
    | rookie\s+(?:mistake|error|move)
    | bonehead\s+(?:mistake|move) | unprofessional | slapdash | half-?(?:baked|assed|arsed)
    | asleep\s+at\s+the\s+wheel | out\s+of\s+(?:his|her|their|your|its)\s+depth | (?:some|that|this|our)\s+genius
    | (?:a\s+bunch\s+of\s+|bunch\s+of\s+)?amateurs | personal\s+(?:sandbox|playground) | nitwits? | buffoons?
    | (?:is|are|was|were)\s+(?:a\s+|such\s+a\s+|total\s+|complete\s+)*(?:clowns?|cowboys|muppets?|jokers?|hacks)
    | (?:poorly|inadequately|badly|insufficiently)\s+(?:motivated|trained|prepared|qualified|skilled|supervised)
      \s+(?:\w+\s+){0,2}?(?:recruits|staff|engineers|operators|employees|workers|people|hires|devs|developers|team)
    | (?:dumb|stupid|idiotic|boneheaded|moronic)\s+(?:things|stuff|moves?|decisions?|choices?|ideas?)
    | (?:a|an|any)\s+(?:seasoned|competent|experienced|real|decent|half-decent|proper|better|more\s+(?:careful
      |experienced|attentive|senior|competent|diligent))\s+(?:{ROLE})
      (?:\s+(?:or|and)\s+(?:{ROLE}))?\s+(?:would(?:n't|\s+not|\s+never|\s+have)|wouldn't)
    | no\s+(?:seasoned|competent|experienced|real|decent|sane|self-respecting)\s+(?:[\w-]+\s+)?(?:{ROLE})
      (?:\s+(?:or|and)\s+(?:{ROLE}))?\s+would\s+(?:ever\s+)?(?:have\s+)?(?:make|made|do|done|run|push|pushed|deploy|deployed|merge|merged|ship|shipped
      |reboot|rebooted|restart|restarted|delete|deleted|drop|dropped|wipe|wiped)\b
    | stupidity | shoddy | shoddily | (?:cut|cutting|cuts)\s+corners | corner-cutting
    # A sneer by comparison: "about as useful as a chocolate teapot".
    | as\s+(?:useful|useless|clueless|incompetent)\s+as\s+(?:a|an)\s+\w+ | as\s+much\s+use\s+as\s+(?:a|an)\s+\w+
    | (?:couldn['’]t|could\s+not|can['’]t|cannot)\s+be\s+trusted\s+(?:with|to|near|around|anywhere)
    | (?:which|what)\s+genius | (?:has|had)\s+no\s+idea\s+how\s+(?:\w+\s+){0,3}?works?
    | (?:couldn['’]t|could\s+not|can['’]t)\s+be\s+bothered | no\s+business\s+\w+ing
    | (?:didn't|did\s+not|doesn't|does\s+not)\s+know\s+what\s+(?:he|she|they)\s+(?:was|were|is|are)\s+doing
    | thinks?\s+(?:code\s+)?reviews?\s+(?:is|are)\s+optional | (?:dropped|drops)\s+the\s+ball
    | made\s+a\s+(?:\w+\s+)?mess\s+of | without\s+(?:even\s+)?thinking(?:\s+it)?\s+through
    | rubber-?stamp\w* | shipped\s+(?:\w+\s+)?(?:garbage|trash|junk|crap)
    | (?:garbage|crap|trash|junk)\s+(?:code|changes?|prs?|configs?|deploys?|work)
    | (?:evidently|clearly|obviously|apparently)\s+(?:did\s+not|didn't|doesn't|does\s+not|don't|do\s+not)\s+(?:understand|know|read|care)
    | what\s+kind\s+of\s+(?:\w+\s+)?(?:engineer|developer|person|admin|sre|dev)\s+(?:forgets|does|would|doesn't|runs|deploys|merges|pushes)
    | shame\s+on\s+(?:you|him|her|them|@[\w-]+|(?-i:[A-Zꙮ])\w+) | to\s+save\s+face | cover(?:ing)?\s+(?:their|his|her|your)\s+(?:own\s+)?(?:backs?|asses?|arses?|butts?)
    | (?:more|most)\s+concern(?:ed)?\s+(?:with|about)\s+(?:the\s+)?(?:appearances?|optics|looking\s+good|their\s+image)
"""

# What a repeat names as done again: "has taken down", "has broken".
REPEAT_HARM = "broken|broke|taken|brought|wiped|deleted|crashed|nuked|killed|dropped|trashed"

# A person rated as a worker, or a decision of theirs judged: "she is a terrible engineer",
# "he wasn't a strong developer", "the SRE made a poor decision to fail over".
RATING = r"""
    (?:is|was|are|were|['’]s)\s+(?:such\s+|really\s+|just\s+|simply\s+)?(?:a|an)\s+(?:\w+\s+)?(?:terrible|awful|bad
      |poor|lousy|weak|mediocre|horrible|incompetent|useless|careless|sloppy|lazy|reckless)\s+(?:[\w-]+\s+)?(?:{ROLE})\b
    | (?:isn['’]t|wasn['’]t|is\s+not|was\s+not|aren['’]t|weren['’]t|are\s+not|were\s+not|am\s+not|['’](?:s|re|m)\s+not|not)\s+(?:a|an)\s+(?:very\s+
      |particularly\s+|especially\s+|terribly\s+)?(?:good|strong|great|competent|capable|careful|decent|reliable|solid)
      \s+(?:[\w-]+\s+)?(?:{ROLE})\b
    | (?:made|makes|making|make)\s+(?:a|an|some|the|that|this|several)\s+(?:\w+\s+)?(?:poor|bad|terrible|awful
      |questionable|reckless|careless|dumb|stupid|boneheaded)\s+(?:decisions?|calls?|choices?)
    # The job rated: "the vendor did a terrible job with the migration", "the maintainers are
    # not doing a great job at keeping compatibility" (not "did a great job").
    | (?:did|does|do|done|doing)\s+(?:such\s+|really\s+|just\s+)?(?:a|an)\s+(?:\w+\s+)?(?:terrible|awful|bad
      |poor|lousy|horrible|shoddy|sloppy|crappy|shitty|half-assed|mediocre|careless)\s+job\b
    | (?:didn['’]t|did\s+not|doesn['’]t|does\s+not|don['’]t|do\s+not|(?:is|are|was|were)(?:n['’]t|\s+not)
      |['’](?:s|re)\s+not)\s+(?:do|doing)\s+(?:a|an)\s+(?:very\s+|particularly\s+)?(?:good|great|decent|proper
      |careful|thorough)\s+job\b
"""

# Words every match of RATING holds one of (its rules' trigger words).
RATING_TRIGGERS = (
    *("a terrible", "an awful", "a bad", "a poor", "a lousy", "a weak", "a mediocre"),
    *("a horrible", "an incompetent", "a useless", "a careless", "a sloppy", "a lazy"),
    *("a reckless", "a good", "a strong", "a great", "a competent", "a capable"),
    *("a careful", "a decent", "a reliable", "a solid", "decision", "choice", " call"),
    *("particularly", "especially"),
    *("a shoddy", "a crappy", "a shitty", "a half-assed", "a proper", "a thorough"),
)
