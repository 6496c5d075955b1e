"""Rules for the writer blaming themself (UB2xx).

Self-blame is met with kindness: these suggestions help the writer describe
their part factually and turn to the system. They never reprimand.
"""

from __future__ import annotations

from ..finding import Category, Severity
from ..rule import Rule

JANOFF_BULMAN = (
    "Janoff-Bulman (1979), characterological vs behavioural self-blame; "
    "Neff (2003) and Breines & Chen (2012) on self-compassion after mistakes"
)
SECOND_VICTIM = "Wu (2000) and Scott et al. (2009) on the 'second victim'; Allspaw (2012)"

KIND_SUGGESTION = (
    "Thank you for being open about your part. Try describing it as it happened: what "
    "were you trying to do, what were you seeing at that moment, and what made the next "
    "step make sense? Would anyone on the rotation have made the same call with the same "
    "information? The review is looking for the gap in the system, not for a culprit."
)

# Marks an action as a slip: "accidentally", "without realising", "misread".
SLIP_MARKERS = r"""
    accidentally | mistakenly | inadvertently | unintentionally | carelessly | stupidly
    | foolishly | wrongly | by\s+(?:accident|mistake) | for\s+whatever\s+reason
    | without\s+(?:realizing|realising|noticing|checking|thinking|testing|looking|reading)
"""

SLIP_VERBS = r"""
    misread | misjudged | misconfigured | mistyped | misclicked | misunderstood
    | overlooked | neglected | forgot(?!\s+to\s+(?:mention|say|add\s+that|tell|ask|reply|respond
      |attach|link|cc|include\s+the\s+link|post|share))
    | broke(?!(?:\s+\w+){0,3}\s+(?:down|up|out|into|apart|even)\b)
    | managed\s+to\s+(?:break|push|delete|take|bring|drop|wipe|nuke|lock)
    | (?:didn't|did\s+not|didnt|failed\s+to|never)\s+(?:\w+\s+)?
      (?:notice|realize|realise|check|test|think\s+to|bother|catch|see\s+that|double-check
      |verify|read|wait|run\s+(?:it|the\s+tests))
    | was\s+too\s+(?:fast|quick|hasty|eager|impatient|careless|sloppy|slow|tired)
    | pushed\s+broken | merged\s+(?:it\s+|this\s+)?too\s+early
    | (?:merged|pushed|deployed|released|shipped|approved)\s+(?:\w+\s+){0,3}?(?:without|before)\s+
      (?:\w+\s+){0,4}?(?:tests?|reviews?|ci|checks?|approval|canary|waiting|testing|looking)\b
"""

RULES = (
    Rule(
        code="UB201",
        name="self-fault-admission",
        category=Category.SELF_BLAME,
        severity=Severity.WARNING,
        message="You take the blame on yourself here.",
        rationale=(
            "'My fault' and 'I screwed up' put the outcome on one person, the writer. "
            "It reads as honest, but it closes the question of what in the system made "
            "the slip possible, and it teaches others that owning up means taking blame."
        ),
        source=SECOND_VICTIM,
        suggestion=KIND_SUGGESTION,
        bad=(
            "Sorry all, this one is my fault.",
            "My bad, I ran it against the wrong cluster.",
            "I really screwed up the failover yesterday.",
            "It's all on me, I approved the change.",
        ),
        good=(
            "It was not my fault or anyone's; the config loader ignored the flag.",
            "The fault tolerance of the queue held up well.",
            "I ran the migration against prod at 14:02.",
            "My alert fired at 14:10 and I acknowledged it.",
        ),
        pattern=r"""
            (?P<span>
              \bmy\s+(?:own\s+|big\s+|huge\s+|stupid\s+)?(?:fault|bad|mistake|screw-?\s?up
                |fuck-?\s?up|blunder|stupidity|carelessness|negligence|doing)\b
            | \b(?:it'?s|it’s|it\s+(?:is|was)|that'?s|that’s|that\s+(?:is|was)|this\s+(?:is|was)
                |this\s+one\s+is|this\s+one's|all)\s+(?:all\s+|entirely\s+|totally\s+)?on\s+me\b
            | \bi(?:'m|’m|\s+am|\s+was)\s+(?:the\s+one\s+)?to\s+blame\b
            | \bblame\s+(?:it\s+(?:all\s+)?on\s+)?me\b | \byell\s+at\s+me\b | \bmea\s+culpa\b
            | \bi\W{1,3}(?:\w+\s+)?(?:screwed|messed|fucked|effed|goofed|mucked)(?:\s+\w+)?\s+up\b
            | \bi\s+(?:really\s+|totally\s+|completely\s+)?(?:blew\s+it|dropped\s+the\s+ball)\b
            )
        """,
        unless=r"\bmy\s+doing\s+(?:the|a|this|so)\b",
    ),
    Rule(
        code="UB202",
        name="self-deprecation",
        category=Category.SELF_BLAME,
        severity=Severity.WARNING,
        message="You describe yourself, not what happened.",
        rationale=(
            "Calling yourself stupid or unfit is characterological self-blame: it is about "
            "who you are, which cannot be fixed, instead of what happened, which can. It "
            "also discourages the next person from speaking up."
        ),
        source=JANOFF_BULMAN,
        suggestion=KIND_SUGGESTION,
        bad=(
            "I'm such an idiot, I pointed it at production.",
            "I was too quick deleting the old branch.",
            "I shouldn't be allowed near prod.",
            "I always break something on release day.",
        ),
        good=(
            "I was too far from a laptop to respond within five minutes.",
            "I am the on-call for the search cluster this week.",
            "I always run the smoke tests before a release.",
            "The runbook step was too quick to misread.",
        ),
        pattern=r"""
            (?P<span>
              \bi(?:'m|’m|\s+am|\s+was|\s+feel|\s+felt|\s+must\s+be)\s+(?:just\s+)?
                (?:such\s+an?\s+|an?\s+(?:complete\s+|total\s+)?|so\s+|really\s+|completely\s+|totally\s+)?
                (?:idiot|stupid|dumb|useless|incompetent|moron|clown|fool|careless|sloppy
                |hopeless|terrible\s+at|the\s+worst|an\s+idiot|not\s+cut\s+out)\b
            | \bi\s+was\s+(?:way\s+|much\s+)?too\s+(?:fast|quick|hasty|eager|impatient|careless
                |sloppy|confident|cocky|lazy)\b
            | \b(?:i|me)\s+(?:\w+\s+)?(?:should(?:n't|\s+not)?|must(?:n't|\s+not)?)\s+(?:ever\s+|never\s+)?be
                \s+(?:allowed|trusted|let)\s+(?:near|to\s+touch|with|anywhere)
            | \bi\s+always\s+(?:break|mess\s+up|screw\s+up|ruin|forget)\b
            | \bwhat\s+an?\s+(?:idiot|fool|moron|clown)\b
            | \bi\s+(?:feel|felt)\s+(?:so\s+|really\s+)?(?:stupid|dumb|terrible|awful|ashamed|guilty)\b
            )
        """,
    ),
    Rule(
        code="UB203",
        name="repeated-apology",
        category=Category.SELF_BLAME,
        severity=Severity.INFO,
        message="A strong or repeated personal apology.",
        rationale=(
            "A short 'sorry' is courtesy. An intense or repeated apology from the person "
            "closest to the change signals guilt, and in a review it keeps the spotlight "
            "on that person rather than on the conditions."
        ),
        source=SECOND_VICTIM,
        suggestion=(
            "No apology is needed in the review. If it helps, thank the responders instead "
            "and describe your part as it happened; the review is about the system."
        ),
        bad=(
            "I'm so, so sorry for the mess this caused.",
            "Really sorry everyone, I apologize for all the trouble.",
            "Sorry for wasting everyone's time tonight.",
            "I apologise for the outage, it won't happen again.",
        ),
        good=(
            "Sorry, I was on mute.",
            "We are sorry for the impact on our customers.",
            "We're truly sorry for the disruption this caused to your teams.",
            "Sorry for the late reply, I was in another call.",
        ),
        pattern=r"""
            (?P<span>
              \b(?:so|really|very|truly|terribly|deeply|extremely|incredibly|super|awfully)
                (?:,?\s+(?:so|very|really))?,?\s+sorry\b
            | \bsorry\b[^.!?\n]{0,60}\b(?:sorry|apologi[sz]e|apologies)\b
            | \bi\s+(?:\w+\s+)?apologi[sz]e\s+(?:again\s+)?(?:for|to)\s+(?:all|the\s+(?:outage|incident
                |mess|trouble|issues?|problems?|breakage|downtime|disruption|distraction|damage)
                |this|everything|breaking|causing)
            | \bsorry\s+(?:for|about)\s+(?:wasting|all\s+the|the\s+mess|breaking|causing|this\s+mess
                |the\s+trouble|the\s+outage|the\s+breakage|this\s+distraction)
            | \bmy\s+(?:sincere\s+|deepest\s+)?apologies\b
            )
        """,
        unless=r"""
            \bwe(?:'re|’re|\s+are|\s+were)?\s+(?:\w+\s+){0,3}(?:sorry|apologi[sz]e)
            | \bsorry,?\s+(?:i\s+was\s+on\s+mute|for\s+the\s+(?:late|slow|delayed)\s+(?:reply|response))
        """,
    ),
    Rule(
        code="UB204",
        name="self-counterfactual",
        category=Category.SELF_BLAME,
        severity=Severity.WARNING,
        message="You judge your own earlier choice with hindsight.",
        rationale=(
            "'I should have…' measures your past self against knowledge you only gained "
            "from the outcome. What you knew then, and why the choice made sense, is what "
            "the review can learn from."
        ),
        source="Dekker, Field Guide, ch. 5 (counterfactuals); " + JANOFF_BULMAN,
        suggestion=KIND_SUGGESTION,
        bad=(
            "I should have checked the dashboard before merging.",
            "Sorry, shouldn't have restarted that pod.",
            "If only I had waited for the canary.",
            "I could have caught this if I had read the diff twice.",
        ),
        good=(
            "I should have the fix ready by Friday.",
            "I could have lost the whole volume, but the snapshot held.",
            "How could I have known about the hidden dependency from the docs we had?",
            "The check should have caught this before it reached me.",
        ),
        pattern=r"""
            (?P<span>
              \bi\s+(?:really\s+|definitely\s+|probably\s+|totally\s+)?
                (?:should(?:n't|\s+not|n’t)?\s*(?:have|'ve|’ve)|should've|could(?:n't|\s+not)?\s+have
                |ought\s+to\s+have)\s+{PARTICIPLE}
            | \bi\s+would\s+have\s+(?:caught|noticed|seen)\s+(?:it|this)\s+if\b
            | \bsorry\W+(?:i\s+)?should(?:n't|\s+not|n’t)?\s*(?:have|'ve|’ve)\b
            | (?:(?<=\n)|(?<=\.\ )|(?<=\A))\s*should(?:n't|\s+not|n’t)?\s+have\s+\w+
            | \bif\s+only\s+i\b | \bif\s+i\s+(?:had|'d)(?:n't|\s+not)?\s+(?:just\s+|only\s+)?\w+(?:ed|en)\b
            )
        """,
        unless=r"""
            \bi\s+(?:should|could)\s+have\s+(?:the|a|it|this|that|some|more|an?)\b(?!\s*\w+ed\b)
            | \bcould(?:n't|\s+not)?\s+have\s+(?:lost|been\s+(?:much\s+|a\s+lot\s+|far\s+)?worse|gone\s+worse
                |caused|corrupted|deleted)\b
            | \bhow\s+(?:could|would|should)\s+i\b
        """,
    ),
    Rule(
        code="UB205",
        name="self-slip-narrated",
        category=Category.SELF_BLAME,
        severity=Severity.INFO,
        message="You narrate your own action as a slip.",
        rationale=(
            "Describing what you did is valuable. Wrapping it in 'accidentally', 'I broke' "
            "or 'I didn't notice' turns the account into a confession and leaves out what "
            "you were seeing, which is the part others can learn from."
        ),
        source=JANOFF_BULMAN,
        suggestion=KIND_SUGGESTION,
        bad=(
            "I merged the PR before the tests had finished.",
            "I accidentally pushed the branch to production.",
            "I misread the ticket and scaled the wrong pool.",
            "I didn't notice the PR was still a draft.",
            "I broke the build with a one-line change.",
        ),
        good=(
            "I merged the PR after the tests and the canary passed.",
            "I ran the script against prod at 09:14.",
            "I broke the migration down into three steps.",
            "I noticed the PR was still a draft and pinged the author.",
            "I forgot to mention that the dashboard moved.",
        ),
        pattern=rf"""
            (?P<span>\bi\s+(?:\w+\s+){{0,2}}?(?:{SLIP_MARKERS}|{SLIP_VERBS}))
        """,
        unless=r"""
            \bi\s+(?:\w+\s+){0,2}?(?:didn't|did\s+not)\s+(?:\w+\s+)?(?:see\s+that|check)\s+(?:the\s+)?
                (?:box|option|setting)\s+because
        """,
    ),
)
