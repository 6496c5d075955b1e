"""UB101's checks for a person named as the cause in the shapes of review comments,
complaints, news and second-language writing, each with its own trigger words so
that its pattern reads only the sentences that hold them.

Kept apart from `blame_other` to keep each file readable; UB101 lists them.
"""

from __future__ import annotations

from ..rule import Check

CAUSE_SHAPES = (
    Check(
        triggers=(
            "what",
            "reason",
            "why",
            "cause",
            "culprit",
            "takes down",
            "took down",
            "brings down",
            "brought down",
            "breaks",
            "broke",
            "crash",
            "kill",
            "corrupt",
        ),
        pattern=r"""
    # Another's work named as the cause, in review comments: "the nil check you
    # removed is the reason prod panics", "the regex you added takes down the parser".
    \bthe\s+(?:[\w./-]+\s+){1,3}?(?:that\s+)?(?:you|he|she|@[\w-]+|(?-i:[A-Zꙮ][a-z]+))\s+(?:\w+ly\s+)?
        (?:added|introduced|removed|hard-?coded|changed|wrote|merged|pushed|deployed|set|committed
        |deleted|dropped|enabled|disabled|bumped|tweaked|turned\s+off|commented\s+out)\b
        (?:\s+(?!(?:is|was|are|were|has|what|which|that|and|but)\b)[\w./-]+){0,4}?\s+
        (?:(?:is|was|has\s+been|are|were)\s+(?:exactly\s+|precisely\s+)?
            (?:what\s+(?:has\s+been\s+|is\s+|was\s+)?(?:killing|breaking|crashing|corrupting|taking
            |broke|took|crashed|caused|killed|exposed|leaked|brought|wiped|locked|flooded)
            |(?:the\s+(?:\w+\s+)?(?:reason|cause|culprit)|why)\b(?=[^.;!?]{0,60}?\b(?:panic\w*|crash\w*
            |fail\w*|down|broke\w*|errors?|outage|killing|throwing|timeouts?|timing\s+out|5\d\d|red|corrupt\w*
            |lost|leak\w*|wip\w*|dead|dying)\b)(?![^.;!?]{0,60}?\b(?:stopped|fixed|resolved
            |recovered|faster|works)\b))
        |(?:takes|took|brings|brought)\s+(?:[\w-]+\s+){0,3}?down|breaks|broke|crashes|crashed|kills
        |killed|corrupts|corrupted)\b
""",
    ),
    Check(
        triggers=(
            "reason",
            "what",
        ),
        pattern=r"""
    # The reason for a harm given as a person doing something: "The whole reason the
    # cache stampeded was Maelis turning off the jitter", "what took billing down
    # was Dariusz deleting the wrong partition".
    \b(?:the\s+(?:whole\s+|only\s+|real\s+|main\s+)?reason|what)\s+(?:[\w'’-]+\s+){0,8}?
        (?:stampeded|crashed|broke|went\s+down|failed|died|fell\s+over|took\s+(?:[\w-]+\s+){0,3}?down
        |(?:was|were)\s+(?:down|lost|wiped|corrupted|deleted)|corrupted|lost|melted|exposed|leaked)\b
        [^.;!?]{0,40}?\b(?:was|is)\s+(?:all\s+|just\s+|simply\s+)?(?:{OTHER}|@[\w-]+
        |(?-i:(?!It\b|This\b|That\b|The\b|A\b|An\b)[A-Zꙮ][a-z]+))\s+(?:\w+ly\s+)?[a-z]+ing\b
""",
    ),
    Check(
        triggers=(
            "outage",
            "incident",
            "failure",
            "downtime",
            "mess",
            "breakage",
            "delay",
            "data loss",
            "slipped",
            "failed",
            "botched",
            "broken",
            "missed",
            "lost",
            "cancel",
        ),
        pattern=r"""
    # The outage itself said to be a person doing something: "yesterday's outage was
    # the contractor unplugging the wrong rack", "the delays are down to Ysolde
    # sitting on every review".
    \b(?:outage|incident|failure|downtime|mess|breakage|delays?|data\s+loss|(?:slipped|failed|botched|broken
        |delayed|missed|lost|cancell?ed)\s+[\w-]+)\b[^.;!?]{0,30}?\b(?:was|is|are
        |were)\s+(?:all\s+|just\s+|simply\s+|entirely\s+)?(?:down\s+to\s+)?(?:{OTHER}|@[\w-]+
        |(?-i:(?!It\b|This\b|That\b|The\b|A\b|An\b)[A-Zꙮ][a-z]+))(?:\s+(?:from|at|on|in)(?:\s+[\w-]+){1,3}?)?
        \s+(?:\w+ly\s+)?[a-z]{2,}ing\b(?<!\bthing)(?<!\bsomething)
""",
    ),
    Check(
        triggers=(
            "mess",
            "outage",
            "incident",
            "breakage",
            "damage",
            "failure",
            "downtime",
            "carnage",
            "chaos",
        ),
        pattern=r"""
    # A relative clause with the person as the author of the harm: "the mess
    # Bartholomew left in the ledger tables", "the incident that Ksenia caused".
    \bthe\s+(?:mess|outage|incident|breakage|damage|failure|downtime|carnage|chaos)\s+(?:that\s+)?{SOMEONE}\s+(?:\w+ly\s+)?(?:left
        |made|caused|created|started|triggered)\b
""",
    ),
    Check(
        triggers=(
            "undo",
            "revert",
            "clean",
            "mopping",
        ),
        pattern=r"""
    # Others' work undone after them: "undoing what Quillon merges in the afternoon".
    \b(?:undo|undoing|reverting|clean(?:ing)?\s+up|mopping\s+up)\s+(?:what|whatever|everything)\s+
        (?:{OTHER}|@[\w-]+|(?-i:[A-Zꙮ][a-z]+))\s+(?:\w+ly\s+)?(?:merges|merged|pushes|pushed|ships|shipped
        |deploys|deployed|breaks|broke|does|did|touches|touched)\b
""",
    ),
    Check(
        triggers=(
            "comes from",
            "came from",
            "come from",
            "pr of",
            "commit of",
            "change of",
            "patch of",
            "merge of",
            "update of",
            "script of",
            "push of",
        ),
        pattern=r"""
    # The problem traced to a person, as writers in a second language put it: "The
    # problem comes from Sanjiv", "This crash is introduce by the PR of Wanjiru".
    # (A role is left out: "came from the storage driver" names a program.)
    \b(?:problem|issue|crash|bug|error|outage|breakage|regression)\s+(?:comes?|came)\s+from\s+(?:him|her|you
        |@[\w-]+|(?-i:(?!It\b|This\b|That\b|The\b)[A-Zꙮ][a-z]+))(?!\s*['’]s)\b(?!\s+(?:team|service
        |side|library|package|api|sdk|module|region|cluster)\b)
    | \b(?:introduced?|caused?|created?|made|broken?)\s+by\s+(?:the|a)\s+(?:pr|commit|change|patch|merge|update
        |script|push)\s+of\s+(?:{OTHER}|@[\w-]+|(?-i:[A-Zꙮ][a-z]+))
""",
    ),
    Check(
        triggers=(
            "lost",
            "sent twice",
            "rebooted",
            "exposed",
            "overwritten",
            "deleted",
            "wiped",
            "corrupted",
            "broken",
            "dropped",
            "duplicated",
            "leaked",
            "locked",
            "erased",
            "truncated",
            "purged",
        ),
        pattern=r"""
    # The harm told in the passive with the person inside a possessive: "Three days of
    # orders were lost in Marisol's migration", "rebooted through X's misfired run",
    # "exposed on X's watch".
    \b(?:lost|sent\s+twice|rebooted|exposed|overwritten|deleted|wiped|corrupted|broken|dropped|duplicated
        |leaked|locked|erased|truncated|purged)\b[^.;!?\n]{0,30}?\b(?:in|under|through|during|on|with|via|by)\s+
        (?:@[\w-]+|(?-i:(?!It\b|This\b|That\b|The\b|A\b|An\b|We\b|I\b)[A-Zꙮ][a-z]+))['’]s\s+(?:[\w'‘’-]+\s+){0,3}?(?:migration|change|deploy|script|run|logic|rehearsal|test
        |watch|commit|patch|push|rollout|update|config|refactor|backfill|job|cleanup|experiment)\b
""",
    ),
    Check(
        triggers=(
            "broken",
            "broke",
            "went dark",
            "went down",
            "lost",
            "storm",
            "outage",
            "down",
            "failed",
            "crashed",
            "wiped",
            "corrupted",
            "leaked",
        ),
        pattern=r"""
    # A harm from a thing a person made: "broken by the migration that Padraig ran",
    # "because of a mapping change that Tamsin pushed", "a threshold that the new SRE,
    # Lysander, dropped to zero".
    \b(?:broken|broke|went\s+(?:dark|down)|lost|storm|outage|down|failed|crashed|wiped|corrupted|leaked)\b
        (?:(?!\b(?:fix\w*|restor\w*|resolv\w*|mitigat\w*|recover\w*|stopp\w*|ended|saved|prevent\w*)\b)[^.;!?\n])
        {0,40}?\b(?:by|because\s+of|due\s+to|from|to|after)\s+(?:a|an|the)\s+(?:[\w'‘’-]+\s+){0,3}?
        (?:that|which)\s+(?:the\s+(?:[\w-]+\s+)?(?:{ROLE}),\s+)?{SOMEONE},?\s+(?:\w+ly\s+)?
        (?:ran|pushed|set|dropped|wrote|merged|deployed|changed|added|removed|applied|left|hard-?coded|flipped)\b
""",
    ),
    Check(
        triggers=(
            "unplugged",
            "wiped",
            "deleted",
            "pulled",
            "erased",
            "leaked",
            "switched off",
            "turned off",
            "traced",
        ),
        pattern=r"""
    # Headlines drop the article: "staff member unplugged core switch", "after contractor
    # wiped server", "traced to single employee's file upload".
    (?:^|(?<=\n)|(?<=:\s)|(?<=\bafter\s)|(?<=\bas\s)|(?<=\bwhen\s)|(?<=,\s)|(?<=—\s))(?:single\s+|lone\s+)?
        (?:staff\s+member|employee|contractor|official|worker|technician
        |intern|engineer)\s+(?:unplugged|wiped
        |deleted|pulled|erased|leaked|switched\s+off|turned\s+off)\b
    | \btraced\s+(?:back\s+)?to\s+(?:a\s+|one\s+|the\s+)?(?:single\s+|one\s+|lone\s+)?(?:employee|staff\s+member
        |engineer|contractor|worker|person|official|technician|intern)['’]s?\b
""",
    ),
    Check(
        triggers=(
            "wrecked",
            "trashed",
            "nuked",
            "borked",
            "mangled",
            "broken",
            "clobbered",
        ),
        pattern=r"""
    # Passive without its auxiliary: "another release branch wrecked by the Lattice team".
    \b(?:wrecked|trashed|nuked|borked|mangled|broken|clobbered)\s+by\s+(?:{OTHER}|@[\w-]+|the\s+(?:[\w-]+\s+)?team
        |(?-i:[A-Zꙮ][a-z]+)\b(?!\s*['’]s))

""",
    ),
)
