"""Word lists the rules share, as regular-expression fragments.

Each slot is expanded into rule patterns once, when the rules compile. The
lists encode the guide's animacy principle: most blame needs a human agent,
so the rules ask for one of these before they fire.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

# Roles people hold in incident work. "team" counts: blaming a team is still
# blaming people, while a service acting as a system is never on this list.
ROLE_NOUNS = r"""
    engineers? | developers? | devs? | programmers? | coders? | on-?call(?:ers?)? | operators?
    | admins? | administrators? | sysadmins? | sres? | dbas? | interns? | contractors?
    | new\ hires? | juniors? | seniors? | (?:release\ )?managers? | leads? | ctos? | ceos?
    | vps? | reviewers? | committers? | maintainers? | authors? | employees? | staff(?:ers?)?
    | colleagues? | co-?workers? | teammates? | team | folks | guys? | person | people
    | individuals? | responders? | commanders? | someone | somebody | (?:an|the)\ ic
    | human | humans | ops\ (?:person|guy|team) | (?:\w+\ )?team | employee
"""

PERSON_PRONOUNS = r"he | she | they | you | we | him | her | them | us"

# "I" alone must stay upper- or lower-case "i", never a letter inside a word.
SELF = r"(?:\bi\b|\bi'm\b|\bi've\b|\bi'd\b|\bi'll\b|\bme\b|\bmyself\b)"
SELF_POSSESSIVE = r"\bmy\b"

DETERMINERS = r"(?:the|a|an|our|their|your|his|her|one\ of\ (?:the|our)|that|this|some)"

# A person mention: a pronoun, an @handle, a role noun behind a determiner, or
# a roster name. Names are added per configuration in `person_pattern`.
_PERSON_BASE = (
    rf"(?:\b(?:{PERSON_PRONOUNS})\b"
    r"|@[\w-]+"
    rf"|\b{DETERMINERS}\s+(?:[\w-]+\s+){{0,2}}?(?:{ROLE_NOUNS})\b"
    r"|\b(?:someone|somebody|nobody)\b)"
)


def person_pattern(names: Iterable[str]) -> str:
    """The PERSON slot, extended with the configured names (matched case-sensitively)."""
    roster = sorted({n.strip() for n in names if n and n.strip()}, key=len, reverse=True)
    if not roster:
        return _PERSON_BASE
    alternatives = "|".join(re.escape(n) for n in roster)
    return rf"(?:{_PERSON_BASE[3:-1]}|(?-i:\b(?:{alternatives})\b))"


SLOTS = {
    "SELF": SELF,
    "MY": SELF_POSSESSIVE,
    "ROLE": rf"(?:{ROLE_NOUNS})",
    "DET": DETERMINERS,
}

# Another person than the writer: blame of others, not of oneself or of "we".
OTHER = (
    r"(?:\b(?:he|she|you)\b|@[\w-]+"
    rf"|\b{DETERMINERS}\s+(?:[\w-]+\s+){{0,2}}?(?:{ROLE_NOUNS})\b)"
)

# Strong actions in the RCA² hierarchy: a remedy that names one of these
# changes the system, so it is not a "try harder" remedy even when it also
# says "make sure".
STRONG_ACTION = r"""
    \b(?:automat\w* | scripts? | ci | pipelines? | pre-?commit | pre-?submit | presubmit
    | lint\w* | bots? | alert\w* | monitor\w* | guardrails? | enforc\w* | validat\w*
    | tests? | e2e | end-to-end | tooling | tools? | feature\ flags? | canar\w* | rate\ limits?
    | branch\ protection | protected\ branch\w* | required\ (?:checks?|reviews?|status)
    | hooks? | gates? | interlocks? | forcing\ functions? | dashboards? | safeguards?
    | checks?\ in\ ci | schema\ checks? | dry-?runs? | rollback\ button | two-person\ rule
    | confirmation\ (?:prompt|dialog|step) | default\w*)\b
"""

SLOTS["OTHER"] = OTHER
SLOTS["STRONG"] = STRONG_ACTION
