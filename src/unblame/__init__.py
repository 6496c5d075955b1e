"""unblame: self-hosted blameless incident reviews.

`unblame.language` is the analyzer and imports nothing from Django; the web
application lives in the other subpackages and needs the `server` extra.
"""

__version__ = "0.1.0"
