"""Style guidance: single root causes (UB6xx) and hindsight wording (UB7xx).

These are reported as advice; they do not count as blame.
"""

from __future__ import annotations

from ..finding import Category, Severity
from ..rule import Rule

COOK = "Cook, 'How Complex Systems Fail' (1998), #7: post-accident attribution to a root cause is wrong"
FISCHHOFF = "Fischhoff (1975), 'Hindsight ≠ foresight'; Dekker, Field Guide, ch. 2"

RULES = (
    Rule(
        code="UB601",
        name="single-root-cause",
        category=Category.ROOT_CAUSE,
        severity=Severity.INFO,
        message="One cause is presented as the explanation.",
        rationale=(
            "Outages in complex systems need several conditions at once; each is necessary "
            "and only together sufficient. Naming one root cause stops the search for the "
            "others, which are often the cheaper fixes."
        ),
        source=COOK + "; Allspaw, 'Each necessary, but only jointly sufficient' (2012)",
        suggestion=(
            "Write 'contributing factors' and list what else had to be true for this to "
            "happen: the trigger, the missing safeguard, the detection gap."
        ),
        bad=(
            "A stale DNS record was the root cause.",
            "The root cause was an expired certificate.",
            "The real cause of the outage is the retry storm.",
            "It all comes down to the missing index.",
        ),
        good=(
            "Nobody thinks one record was the only thing that mattered; we list contributing factors.",
            "Hyun-woo proposed the restart as soon as the cause was clear.",
            "We ran a root cause analysis workshop with three teams.",
            "Contributing factors included the expired certificate and the silent alert.",
            "The root user owns the backup files.",
        ),
        triggers=("cause", "down to"),
        pattern=r"""
            (?P<span>
              \b(?:the|a|one|single|sole)\s+(?:single\s+|sole\s+|real\s+|true\s+|actual\s+|primary\s+
                |main\s+|underlying\s+|ultimate\s+|only\s+)*(?:root\s+)?cause
                (?:\s+(?:of|for)\s+(?:the|this|our)\s+\w+)?\s*(?:\b(?:was|is)\b|:)
            | \broot\s+cause\s*(?:\b(?:was|is)\b|:)
            | \bit\s+all\s+(?:comes|came|boils|boiled)\s+down\s+to\b
            | \b(?:was|is|were|remains)\s+the\s+(?:single\s+|sole\s+|real\s+|true\s+|actual\s+|primary\s+|main\s+
                |underlying\s+|ultimate\s+|only\s+)*root\s+cause\b(?!\s+analys)
            )
        """,
        unless=r"""
            \broot\s+cause\s+analys\w+ | \brca\b | \bcontributing\b | \broot\s+causes\b
            | \bno\s+(?:single\s+)?root\s+cause | \bfactors\b | \bcause\s+(?:is|was|remains)\s+(?:\w+\s+)?(?:unknown|unclear|not|under)
            | \bcause\s+(?:is|was|became)\s+(?:\w+\s+)?(?:clear|known|found|identified|confirmed|understood|obvious
                |validated|verified|determined|fixed|addressed)
        """,
    ),
    Rule(
        code="UB701",
        name="obvious-in-hindsight",
        category=Category.HINDSIGHT,
        severity=Severity.INFO,
        message="The situation is described as obvious, which it rarely was at the time.",
        rationale=(
            "Knowing the outcome makes the path to it look clear. Calling it obvious implies "
            "the people involved should have seen it, and hides what made it hard to see."
        ),
        source=FISCHHOFF,
        suggestion=(
            "Ask whether it was obvious to everyone at the time, with the information they "
            "had. If not, describe what made it hard to see."
        ),
        bad=(
            "It should have been obvious that the disk was full.",
            "Anyone could have seen the error rate climbing.",
            "Obviously the engineer needed to check the replica lag.",
        ),
        good=(
            "The error in the logs was obvious only after we knew where to look.",
            "It is obvious from the graph that the cache warmed up at 10:02.",
            "Simply put, the queue filled faster than it drained.",
        ),
        triggers=(
            "anyone",
            "anybody",
            "any ",
            "everyone",
            "obvious",
            "clear",
            "evident",
            "apparent",
            "of course",
            "easy",
            "trivial",
        ),
        pattern=r"""
            (?P<span>
              \b(?:anyone|anybody|everyone|any\s+(?:\w+\s+)?(?:engineer|developer|sre|operator))\s+
                (?:could|would|should)\s+have\s+(?:seen|known|noticed|spotted|caught|predicted|realized
                |realised|guessed|figured)
            | \b(?:should|would)\s+have\s+been\s+(?:\w+\s+)?(?:obvious|clear|evident|apparent)\b
            | \bit\s+was\s+(?:so\s+|very\s+|pretty\s+|really\s+|perfectly\s+)?(?:obvious|clear)\s+that\b
            | \b(?:obviously|clearly|of\s+course)\W+(?:\w+\s+){0,2}?{PERSON}\s+(?:\w+\s+)?
                (?:should|could|needed|had|forgot|failed|missed|didn't|did\s+not|was)\b
            | \b(?:easy|trivial)\s+to\s+(?:see|spot|avoid|prevent|catch|notice|predict)\b
            )
        """,
        unless=r"\bonly\s+(?:after|in\s+hindsight|once)\b|\bnot\s+(?:obvious|clear|easy)\b",
    ),
    Rule(
        code="UB702",
        name="just-simply-minimising",
        category=Category.HINDSIGHT,
        severity=Severity.INFO,
        message="'Just' or 'simply' makes someone's task sound easy after the fact.",
        rationale=(
            "'They just had to restart it' shrinks a decision made under uncertainty into a "
            "trivial step, which reads as blame. The difficulty at the time is the data."
        ),
        source=FISCHHOFF,
        suggestion="Drop 'just' or 'simply' and describe what made the step hard to know or take.",
        bad=(
            "The on-call just had to restart the worker.",
            "We simply needed to look at the logs.",
            "She could simply have rolled back.",
        ),
        good=(
            "The alert just fired again.",
            "We just deployed the fix to all regions.",
            "We practise a just culture after incidents.",
        ),
        triggers=("just", "simply", "merely", "only"),
        pattern=r"""
            (?P<span>{PERSON}\s+(?:\w+\s+)?(?:just|simply|merely|only)\s+
              (?:had\s+to|needed\s+to|have\s+to|has\s+to|need\s+to|needs\s+to|forgot|ignored|missed
              |didn't|did\s+not|should|could|have\s+(?:\w+ed|\w+en))\b)
        """,
    ),
)
