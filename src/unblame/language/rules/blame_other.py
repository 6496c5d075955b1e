"""Rules for blame aimed at another person, role or team (UB1xx)."""

from __future__ import annotations

from ..agents import AGENTS as AGENTS_ALL
from ..agents import NOBODY, OTHER, SYSTEM, WORK
from ..cues import frame
from ..finding import Category, Severity
from ..lexicon import WORK_VERDICT_TRIGGERS
from ..rule import Check, Rule
from .cause_shapes import CAUSE_SHAPES
from .judgement_words import JUDGEMENT, RATING, RATING_TRIGGERS, REPEAT_HARM

ALLSPAW = "Allspaw, 'Blameless PostMortems and a Just Culture' (Etsy, 2012)"
DEKKER = "Dekker, The Field Guide to Understanding 'Human Error', ch. 1-2"

RULES = (
    Rule(
        code="UB101",
        name="person-as-cause",
        category=Category.BLAME_OTHER,
        severity=Severity.ERROR,
        message="A person is named as the cause of the outcome.",
        rationale=(
            "Naming a person as the agent of the failure ends the inquiry at the person. "
            "The same action was possible because the system allowed it; that is where "
            "the lesson and the fix are."
        ),
        source=ALLSPAW,
        suggestion=(
            "Describe the action and its context instead: what the person saw and expected, "
            "and what in the system let the action lead to the outage."
        ),
        bad=(
            "11:02 Ysolde botches the cutover and the replica stays behind.",
            "Three dashboards were broken by your refactor.",
            "The platform team is definitely to blame for the outage.",
            "The electrician killed all power to the second floor.",
            "Root cause: engineer pushed untested code to production.",
            "Tariq ran the wrong script, and that's why customers were charged twice.",
            "The outage was caused by the new contractor.",
            "Diego is responsible for the data loss.",
            "This whole mess is down to @sam and the refactor.",
            "Our new SRE broke production on Tuesday night.",
            "The intern took down the billing cluster.",
            "@marco caused the outage by merging early.",
            "Honestly, the release team only has themselves to blame for this one.",
            "The platform team is to blame for the missing alert.",
            "A contractor resized the volume, leading to two hours of read errors.",
            "Vorsk applied the firewall template to every region, which took the API offline.",
            "Your migration wiped the sessions table, @dara.",
            "Pellworth broke the nightly build with a dependency bump.",
            "Leadership let go of the engineer responsible for the outage.",
            "The outage happened because an engineer on the storage team lowered the quota.",
            "The root cause was that a developer merged the retry change on Friday.",
            "Because of Tamsin's refactor, the export job timed out all night.",
            "Blame the platform team for that one.",
        ),
        good=(
            "Dana killed the stuck process at 10:02.",
            "Grafana crashed on startup after the upgrade.",
            "Quillan took the API down for planned maintenance at 02:00.",
            "Refactor of the session cache broke the nightly build.",
            "Root cause: the retry loop had no backoff.",
            "Sorry folks, I broke the staging build this morning.",
            "We rolled back at 14:05, and that's what stopped the errors.",
            "The outage was caused by the config change.",
            "The 502s were caused by our hosting provider's load balancers dropping connections.",
            "Diego is responsible for the billing service.",
            "The engineer responsible for the billing service paged the vendor.",
            "The regression was introduced by PR 4411.",
            "The payments service caused the checkout errors.",
            "Priya rolled back the release at 14:05.",
            "It was not the intern who broke the build; the cache did.",
            "The migration broke the login flow for SSO users.",
            "Odalys restarted the consumers, which brought the backlog down within minutes.",
            "The config push removed the route, which caused the 502s.",
            "Your PR introduced a new retry option for the uploader.",
            "Pellworth broke the migration into three smaller steps.",
            "The outage happened because the quota was lowered by a cleanup job.",
            "The incident was declared when the on-call noticed the error rate.",
            "We rolled back because Odalys saw the latency climb.",
            "Thanks to Tamsin's refactor, the export job now finishes in minutes.",
            "Don't blame the platform team for that one.",
        ),
        triggers=(),
        pattern=(
            Check(
                triggers=(
                    "broke",
                    "caused",
                    "took",
                    "brought",
                    "crashed",
                    "nuked",
                    "trashed",
                    "wiped",
                    "messed",
                    "screwed",
                    "fucked",
                    "botched",
                    "borked",
                    "bricked",
                    *(
                        "massacred",
                        "butchered",
                        "mangled",
                        "obliterated",
                        "hosed",
                        "torched",
                        "demolished",
                    ),
                    "knocked",
                    "through",
                    "slip",
                    "blame",
                    "responsible",
                    "reason",
                    "the one who",
                ),
                pattern=r"""
            # A verb of saying next starts a reported clause with a subject of its own:
            # "the vendor claimed operator error caused the outage".
            (?P<span>{OTHER}[\s,"“”‘’']+(?!(?:said|says|claimed|claims|admitted|admits|reported|stated|argued|argues
                |suggested|insisted|believed|believes|thought|thinks|noted|confirmed|explained)\b)
                (?:(?!(?:i|we)\b)[\w-]+[\s,"“”‘’']+){0,3}?
                (?:broke | caused | took\s+(?:\w+\s+){0,3}?(?:down|offline|out) | brought\s+down
                | crashed | nuked | trashed | wiped\s+out | messed\s+up | screwed\s+up | fucked\s+up
                | botched | borked | bricked | knocked\s+over
                | massacred | butchered | mangled | obliterated | hosed | torched | demolished
                | let\s+(?:it|this|that|the\s+\w+|an?\s+\w+(?:\s+\w+)?)\s+(?:through|slip)
                | (?:is|was|are|were)\s+{DEGREE}(?:to\s+blame
                  |the\s+(?:reason|cause)\s+(?:for\s+|why\s+|that\s+|of\s+)?(?:the\s+|our\s+|this\s+)?
                    (?:\w+\s+){0,3}?(?:{BAD_OUTCOME}|(?:was|were|is|are|went|got)\s+(?:\w+\s+)?(?:broken|down
                    |unusable|lost|corrupted|failing|late|wrong|missed))\b
                  |responsible\s+for\s+(?:the|this|our)\s+{BAD_OUTCOME}))
            # The blame turned back on its target: "you only have yourself to blame".
            | (?:\bthey|{OTHER})\s+(?:only\s+|really\s+|just\s+)?ha(?:ve|s|d)\s+(?:only\s+)?(?:(?:no\s*one|nobody)
                \s+(?:else\s+)?to\s+blame\s+but\s+(?:yourself|yourselves|himself|herself|themselves)
                |(?:yourself|yourselves|himself|herself|themselves)\s+to\s+blame)\b
            # Attributive: "fired the engineer responsible for the outage".
            | (?:(?-i:\b(?!Nobody\b|No\b|None\b|It\b|This\b|That\b|What\b|Who\b|Everyone\b|Nothing\b|Noone\b)
                [A-Zꙮ][a-z]+)|\b(?:the|our|their|a)\s+(?:[\w-]+\s+){0,2}?{WORKER}s?)\s+(?:is|was|are|were)\s+(?:the\s+one\s+)?{DEGREE}to\s+blame\b
            | (?:{OTHER}|(?-i:\b[A-Zꙮ@][\w'’-]+))\s+(?:is|was)\s+the\s+one\s+who\s+(?:\w+\s+)?(?:broke|wiped|deleted
                |leaked|dropped|took|crashed|nuked|force-pushed|rewrote|corrupted|emptied)\b
            | (?:{OTHER}|(?-i:\b[A-Zꙮ][a-z]+))\s+(?:bears?|bore)\s+(?:the\s+)?(?:blame|responsibility)\s+for\b
            | (?-i:\b(?!It\b|This\b|That\b|Nobody\b|No\b)[A-Zꙮ][a-z]+)\s+(?:is|was)\s+(?:solely\s+|directly\s+)?responsible
                \s+for\s+(?:the|this|our|that)\s+{BAD_OUTCOME}
            | (?:{OTHER}|(?-i:\b[A-Zꙮ][a-z]+))\s+(?:is|was)\s+responsible\s+for\s+(?:breaking|taking\s+down|wiping
                |deleting|leaking|corrupting|losing)\b
            | {OTHER}\s+(?:who\s+(?:was|were|is)\s+)?(?:(?:directly|solely|ultimately)\s+)?responsible\s+for
                \s+(?:the|this|that|our|[\w-]+['’]s)\s+{BAD_OUTCOME})
        """,
            ),
            *CAUSE_SHAPES,
            Check(
                triggers=(
                    *("despise", "resent", "loathe", "hate ", "forgive"),
                    "caused",
                    "introduced",
                    "botched",
                    "broken",
                    "triggered",
                    "started",
                    "created",
                    "down to",
                    "root cause",
                    "blamed on",
                    "pinned on",
                    "blamed for",
                    "blamed as",
                    "blamed over",
                    "blamed after",
                    "blames",
                    "blamed an",
                    "blamed the",
                    "blamed a ",
                    "blamed one",
                    "the wrong",
                    *("made by", "pushed by", "applied by", "deployed by", "run by", "entered by"),
                    *("cause:", "cause :", "cause of", "cause was", "cause is"),
                    "blame ",
                    "courtesy of",
                    *("because of", "thanks to", "owing to", "due to"),
                    *(
                        "down by",
                        "out by",
                        "offline by",
                        "over by",
                        "deleted by",
                        "wiped by",
                        "flooded by",
                    ),
                    *("overloaded by", "swamped by", "hammered by"),
                    *("dropped by", "leaked by", "corrupted by", "crashed by", "broken by"),
                    *("destroyed by", "erased by", "overwritten by", "blackholed by", "trashed by"),
                    *("nuked by", "emptied by", "felled by"),
                ),
                pattern=r"""
            (?P<span>\b(?:caused|introduced|botched|broken|triggered|started|created)\s+by\s+{OTHER}
                (?![\w-]*\s+(?:service|api|job|script|bot|deploy|pipeline|config|change|commit|pr
                  # "caused by an operator mistake": the slip as the cause is UB402's.
                  |mistake|error|typo|slip|misconfiguration|oversight
                  # "caused by a kernel driver bug": the defect, not a person.
                  |bug|issue|fault|failure|crash|update|patch|release|version|firmware)s?\b
                  # "caused by our cloud provider's load balancers": a firm's thing failing is
                  # the system's fault, not a person's slip (a slip is UB402's).
                  |{FIRMS_THING})
            | \b(?:is|was)\s+(?:all\s+)?down\s+to\s+{OTHER}
            # Harm told in the passive, its author after "by": "checkout was taken down by
            # Bramwell", "the list was leaked by an account manager who …", "felled by
            # night-shift admin's botched patch" (a headline), "caused by a decorator who …"
            # ("who" makes any noun a person).
            | \b(?:(?:was|were|been|got|get|gets)\s+(?:\w+ly\s+)?(?:taken\s+(?:down|offline|out)
                |knocked\s+(?:out|offline|over)|brought\s+down|deleted|wiped(?:\s+out)?|dropped|leaked|corrupted|flooded
                |overloaded|swamped|hammered
                |crashed|broken|destroyed|erased|overwritten|blackholed|trashed|nuked|emptied)|felled|caused)
                \s+by\s+(?:(?:a|an|the|one|our|their)\s+(?:[\w-]+\s+){0,2}?[\w-]+\s+who\b
                  |(?:[\w-]+\s+){0,2}?(?:{ROLE})(?<!provider)(?<!vendor)(?<!supplier)(?<!partner)['’]s\b|(?-i:[A-Zꙮ@][\w-]+)['’]s\b|some(?:one|body)\b
                  |{OTHER}(?![\w-]*\s+(?:service|api|job|script|bot|pipeline|config|change|commit|pr|tool
                    |process|policy|rule|update|patch|release|version|firmware|mistake|error|typo|slip
                    |misconfiguration|oversight|bug|issue|fault|failure|crash)s?\b
                    |{FIRMS_THING})
                  |(?-i:[A-Zꙮ][a-z]+)(?=\s*(?:[,.;:!?)]|$)|\s+(?:during|while|when|after|at|in|on|who|and)\b|\s+\w+ing\b))
            # A slip in the passive, its author after "by": "the emails were sent to the wrong
            # list by someone in marketing", "an unauthorised change made by one employee".
            | \b(?:was|were)\s+\w+\s+(?:to|into|on|onto|at)\s+the\s+wrong\s+[\w-]+\s+by\s+(?:{OTHER}|someone|somebody)
            | \b(?:unauthori[sz]ed|unapproved|untested|unreviewed)\s+(?:[\w-]+\s+)?(?:change|update|push|deploy|edit
                |command|fix|rule)s?\s+(?:made|pushed|applied|deployed|run|entered)\s+by\s+(?:{OTHER}|someone|somebody)
            # Headlines: "Contractor blamed for weekend blackout", "… pinned on maintenance
            # worker who pulled wrong plug".
            | (?:^|(?<=\n))\W*(?:[\w-]+\s+){0,2}?(?:{ROLE}|{WORKER})s?\s+blamed
                \s+(?:for|as|over|after)\b
            | (?<!n't\s)(?<!not\s)(?<!never\s)\bblame[sd]?\s+(?:an?\s+|the\s+|one\s+|a\s+single\s+)?(?:[\w-]+\s+){0,2}?
                (?:{ROLE}|{WORKER})s?\s+for\b
            | \bpinned\s+on\s+(?:a\s+|an\s+|the\s+)?(?:[\w-]+\s+){0,2}?[\w-]+\s+who\b
            # Headlines drop the article: "shutdown caused by contractor who …".
            | \b(?:caused|triggered|blamed|pinned)\s+(?:by|on)\s+(?:(?!(?:a|an|the|our|their|his|her|this|that)\b)[\w-]+\s+)?
                (?:{ROLE})(?![\w-])
                (?=\s*(?:[,.;:!?)]|$)|\s+(?:who|that|and|after|when|during|while|at|in)\b)
            | \broot\s+cause\s*:\s*(?:the\s+|an?\s+|our\s+)?(?:{ROLE}|{OTHER})\b
            # "Root cause: Isembard.", "the root cause of this outage was Jolyon running the
            # wrong playbook", "primary cause of the incident: the release captain's decision".
            | \b(?:root\s+)?cause\s*:\s*(?-i:[A-Zꙮ][a-z]+)(?=\s*(?:[.!]|$))
            | \b(?:root\s+)?cause\s+(?:of\s+(?:[\w-]+\s+){1,3}?)?(?:was|is)\s+(?:{OTHER}|(?-i:[A-Zꙮ][a-z]+))
                \s+(?:\w+ly\s+)?\w+ing\b
            | \b(?:root\s+|primary\s+|main\s+)?cause\b(?:\s+(?:of\s+)?(?:[\w-]+\s+){1,3}?)?\s*:\s*(?:the\s+|a\s+|an\s+)?
                (?:[\w-]+\s+)?(?:{ROLE})['’]s\s+(?:\w+\s+)?(?:decision|choice|call|change|mistake|error|slip|push)\b
            # A person as the reason, not their work: "we lost the whole Saturday because of
            # Aurelio", "thanks to Bramwell, nobody has had email since Tuesday". Credit
            # ("thanks to Dana we caught it early") has no loss beside it, or a saving one.
            # (A capitalised name unknown to the roster counts after "thanks to" and "courtesy
            # of" only: "because of Kubernetes" is as often a product.)
            | \b(?:because\s+of|thanks\s+to|courtesy\s+of|owing\s+to|due\s+to)\s+(?:{OTHER}
                |(?:(?<=thanks\sto\s)|(?<=courtesy\sof\s))(?-i:[A-Zꙮ][a-z]+))(?![\w'’-])(?!\s*['’]s)
                (?={INSENT}*?\b(?:lost(?!\s+(?:nothing|no\b|none))|outage|downtime|garbage|blank|cancell?ed|sat\s+idle|stranded
                  |spent\s+(?:the\s+|all\s+|our\s+)?(?:night|weekend|whole|evening|morning|[a-z]+day)
                  |(?:had|has|have)\s+(?:had\s+)?no|(?:is|are|was|were)\s+(?:now\s+)?(?:red|down|broken|empty|offline)
                  |out\s+of\s+sync|no\s+longer\s+exists?
                  |(?:nobody|no\s+one)\s+(?:[\w-]+\s+){0,5}?(?:has|had|could|can)|went\s+(?:dark|down|offline))\b)
                (?!{INSENT}*?\b(?:caught|saved|prevented|avoided|recovered|early|quickly|in\s+time)\b)
            | \b(?:lost(?!\s+(?:nothing|no\b|none))|outage|downtime|garbage|blank|cancell?ed|sat\s+idle|stranded
                  |spent\s+(?:the\s+|all\s+|our\s+)?(?:night|weekend|whole|evening|morning|[a-z]+day)
                  |(?:had|has|have)\s+(?:had\s+)?no|(?:is|are|was|were)\s+(?:now\s+)?(?:red|down|broken|empty|offline)
                  |out\s+of\s+sync|no\s+longer\s+exists?
                  |(?:nobody|no\s+one)\s+(?:[\w-]+\s+){0,5}?(?:has|had|could|can)|went\s+(?:dark|down|offline))\b{INSENT}*?
                \b(?:because\s+of|thanks\s+to|courtesy\s+of|owing\s+to|due\s+to)\s+(?:{OTHER}
                |(?:(?<=thanks\sto\s)|(?<=courtesy\sof\s))(?-i:[A-Zꙮ][a-z]+))(?![\w'’-])(?!\s*['’]s)
                (?!{INSENT}*?\b(?:caught|saved|prevented|avoided|recovered|early|quickly|in\s+time)\b)
            # Harm delivered "courtesy of" a person: "another outage courtesy of the platform team".
            | (?:{BAD_OUTCOME}|\bdown|\bbroken)\b[^.!?\n]{0,60}?\bcourtesy\s+of\s+{OTHER}
            | \bcourtesy\s+of\s+{OTHER}(?={INSENT}*?\b(?:down|broken|outage|failing|errors?|offline)\b)
            # The writer's verdict: "Blame the platform team for that one.", "I blame Dana."
            # (not "don't blame …", which is the point of the review).
            | (?:^|(?<=\n)|\bi\s+(?:\w+ly\s+)?)blame\s+(?:{OTHER}|(?-i:[A-Zꙮ@][\w'’.-]+))
                (?=\s+(?:\w+\s+){0,2}?for\b|\s*[.!]|\s*$)
            # Contempt for what they did or left undone: "I despise you for not testing your code".
            | \bi\s+(?:\w+ly\s+|also\s+|still\s+)?(?:despise|hate|resent|loathe|can['’]t\s+forgive)\s+(?:you|him|her|them
                |{OTHER}|@[\w-]+|(?-i:[A-Zꙮ][\w'’-]+))\s+for\s+(?:not\s+|never\s+)?\w+ing\b)
        """,
            ),
            Check(
                triggers=(
                    "that's what",
                    "that's why",
                    "that’s what",
                    "that’s why",
                    "that is what",
                    "that is why",
                ),
                pattern=r"""
            (?P<span>{OTHER}\s+[^.!?\n]{3,80}?,?\s+and\s+that(?:'s|’s|\s+is|\s+was)\s+(?:what|why)\s+
                (?:\w+\s+){0,3}?(?:took|caused|broke|crashed|turned|led|made|brought|corrupted|charged|failed
                |went\s+(?:down|dark|silent|offline|quiet)|stopped|lost|froze|overheated))
        """,
            ),
            # "An engineer applied an update that caused ...": a plain act tied to the harm.
            frame(frozenset({OTHER, WORK}), "harm"),
            # "It happened because an engineer changed the quota": a plain act as the cause.
            frame(frozenset({OTHER}), "cause"),
            # "Your PR broke the Windows build": a person's work as the agent.
            frame(frozenset({WORK}), "damage"),
            # "Pascoe broke the build": any name in subject position, known or not.
            frame(frozenset({OTHER}), "wreck"),
            # "Dana was the reason the queue backed up".
            frame(frozenset({OTHER, WORK}), "culprit"),
            # The mishap as the subject, a person as its author: "the outage was Harlan's doing".
            frame(frozenset({SYSTEM}), "authored_other"),
            # Things went bad since a person's act: "ci has been red ever since @brun's commit".
            frame(AGENTS_ALL, "since"),
        ),
        # "human and process error were to blame": the label, left to UB401.
        unless=r"broke\s+(?:it\s+)?(?:down|up|out|into|apart)\b"
        # "an engineer's mistake took the database offline": the slip as the cause is UB402's.
        r"|\b[\w-]+['’]s\s+(?:\w+\s+)?(?:mistake|error|typo|slip|blunder|misconfiguration|oversight)\s+"
        r"(?:\w+\s+){0,3}?(?:caused|took|brought|broke|deleted|wiped|led|triggered|resulted|knocked)\b"
        r"|\bhuman\s+(?:(?:and|or|&)\s+[\w-]+\s+)?(?:errors?|mistakes?|slips?|failures?)\b"
        # Planned work: "Dana took the API down for planned maintenance".
        r"|\bfor\s+(?:the\s+)?(?:planned|scheduled|routine|announced)?\s*(?:maintenance|upgrade|migration"
        r"|cut-?over)\b|\bas\s+(?:planned|scheduled|announced)\b",
    ),
    Rule(
        code="UB102",
        name="person-mistake-narrated",
        category=Category.BLAME_OTHER,
        severity=Severity.WARNING,
        message="Another person's action is narrated as a mistake.",
        rationale=(
            "Words such as 'accidentally' or 'mistakenly' turn a neutral account of what "
            "someone did into a verdict on them. The review needs the action and what made "
            "it look right at the time."
        ),
        source=DEKKER,
        suggestion=(
            "State the action plainly and add what the person was seeing: which cue, "
            "prompt or default made this the sensible next step?"
        ),
        bad=(
            "The fitter unknowingly isolated the wrong feeder.",
            "Rafferty published the chart before CI had passed.",
            "Tamsin pushed some stray files to the release branch.",
            "The admin entered incorrect addresses into the allow-list.",
            "It turned out the intern had deleted the table by mistake.",
            "An engineer unintentionally deleted the staging namespace.",
            "Later that night, a contractor inadvertently cut the power to the dispatch floor.",
            "A paving contractor drilled through the fibre trunk behind the exchange.",
            "The on-call mistakenly restarted the primary database.",
            "@kim accidentally pushed the config to every region.",
            "Quillan typoed the hostname in the load balancer pool.",
            "The release engineer used the wrong tag for the hotfix build.",
            "Before the change window closed, one of our DBAs misconfigured the replica set.",
            "A facilities worker mistakenly switched off the chiller in hall B.",
            "The contractor somehow managed to unplug the wrong rack.",
            "Tamsin keeps pushing untested migrations to the main branch.",
            "An operator entered an erroneous command on the edge router.",
            "The previous admin left the backup bucket world-readable.",
            "The duty engineer reacted too late to the replication alarms.",
            "The night operator let the log volume fill up.",
            "The release manager tagged the build while CI was still red.",
        ),
        good=(
            "A new hire could accidentally delete the bucket, so deletes now need two approvals.",
            "The parser produced wrong offsets for dates with leap seconds.",
            "I guessed wrong about the cause at first.",
            "The confirmation prompt keeps anyone from accidentally dropping the table.",
            "The cron job deleted the table by mistake.",
            "The cleanup job deleted the staging namespace.",
            "The engineer restarted the primary database at 03:10.",
            "The deploy tool accidentally matched every region because the glob was too wide.",
            "The release script used the wrong tag for the hotfix build.",
            "Quillan tagged the hotfix build at 10:02.",
            "The ingest worker mistakenly retried the poisoned message.",
            "Tamsin rolled back the faulty config at 14:05.",
            "The release manager pasted the new token into the vault before the rotation.",
            "The autoscaler reacted too slowly to the traffic spike.",
            "Sometimes a developer accidentally commits a key, so the hook scans every push.",
            "The on-call engineer reverted the untested change and traffic recovered.",
        ),
        pattern=(
            Check(
                triggers=(
                    "accident",
                    "unintention",
                    "unknowingly",
                    "unwittingly",
                    "mistaken",
                    "inadvertent",
                    "careless",
                    "wrongly",
                    "erroneous",
                    "stupid",
                    "foolish",
                    "blindly",
                    "by mistake",
                    "incorrect",
                ),
                pattern=r"""
            # Not "@kim I accidentally …": the writer's own slip, told to a handle.
            # Not "a new hire could accidentally delete the bucket": a risk, no act told.
            (?P<span>{OTHER}\s+(?:(?!(?:i|we|can|could|may|might|cannot|can't|can’t)\s)\w+\s+){0,1}?
              (?:accidentally | unintentionally | mistakenly | inadvertently | carelessly
              | wrongly | erroneously | stupidly | foolishly | blindly | unknowingly | unwittingly)
            | {OTHER}\s+(?:had\s+|has\s+)?[\w-]+ed\b{INSENT}{0,50}?\bby\s+(?:mistake|accident)
            | \bby\s+(?:{OTHER}|someone|somebody)\s+\w+ing\s+(?:\w+\s+)?(?:incorrectly|wrongly|mistakenly
              |accidentally|carelessly)
            )\b
        """,
            ),
            # The slip in the verb or its object: "typoed the hostname", "used the wrong tag".
            frame(frozenset({OTHER, NOBODY}), "slip"),
        ),
        # A safeguard against the slip: "the guard rail stops anyone from accidentally …".
        unless=r"""
            \b(?:stops?|stopped|stopping|prevents?|prevented|preventing|keeps?|kept|blocks?|blocked
              |protects?|protected|guards?|saves?|saved)\s+(?:\w+\s+){0,2}?(?:anyone|anybody|someone
              |somebody|people|users|engineers|operators|you|us|them|the\s+\w+)\s+from\s+(?:\w+ly\s+)?
              \w+ing\b
        """,
    ),
    Rule(
        code="UB103",
        name="judgement-of-person",
        category=Category.BLAME_OTHER,
        severity=Severity.ERROR,
        message="A judgemental word describes a person or their work.",
        rationale=(
            "Words like careless, sloppy or reckless judge character, not the situation. "
            "They make people defensive and hide the conditions that made the action likely."
        ),
        source=ALLSPAW,
        suggestion=(
            "Replace the judgement with the facts: what was done, under what time pressure, "
            "with what information and tooling."
        ),
        bad=(
            "Put simply, it was poor flying on the approach.",
            "The crew's poor airmanship led to the runway excursion.",
            "ur so bad at reviewing, honestly.",
            "they're so bad at cutting releases.",
            "Letting the backups lapse was gross misconduct by the DBA team.",
            "And you call yourself a release engineer?",
            "The storage shelf was unplugged by a clumsy night-shift technician.",
            "Whoever rubber-stamped that PR never read it.",
            "The change came from an engineer who evidently did not understand the retry logic.",
            "He pushed the change without thinking it through.",
            "Frankly the SRE on shift was asleep at the wheel.",
            "Honestly the incident commander made a mess of the comms.",
            "It was a careless change to the firewall rules.",
            "No sane operator would ever have rebooted both routers at once.",
            "Local paper: 'Idiot' Globex technician unplugs the exchange.",
            "Honestly the review of that PR was sloppy.",
            "Another cowboy deploy on a Friday afternoon.",
            "Someone fat-fingered the replica count.",
            "Another round of dumb decisions from the platform team.",
            "Any competent DBA would have seen that coming.",
            "The vendor kept quiet about the outage to save face.",
            "Support was more concerned with the optics than with the customers.",
            "Those were slips that an experienced SRE or DBA wouldn't make.",
            "Frankly the vendor's admin doesn't understand how replication works.",
            "Whoever wrote the cron entry should be kept well away from the scheduler.",
            "The reviewer had absolutely no clue what he was doing.",
            "Honestly the new contractor is a liability on this rotation.",
            "That vendor's DBA is completely useless.",
            "The storage team strikes again.",
            "Of course it was the contractors again.",
            "Can we please stop letting Vasquez near the billing cluster?",
            "@orrin I don't understand how this is even possible.",
            "Oh, Vasquez is the expert on these outages, having caused most of them.",
            "That's the fourth time Lindqvist has broken the nightly this quarter.",
            "Ottoline's hotfix was rushed and broke checkout.",
            "The contractor's migration was sloppy.",
            "The vendor did a shoddy job with the cable labelling.",
            "Frankly the maintainers are not doing a great job at keeping compatibility.",
            "Whoever wrote this migration is a complete slob.",
            "The hosting company's ineptitude cost us a day.",
            "Deleting the backups first was stupid of him.",
            "The vendor's support team doesn't care at all.",
            "The same contractor kept deleting the staging database.",
        ),
        good=(
            "What do you call yourself on the on-call rota?",
            "The new SRE is a real expert on Postgres replication.",
            "The scheduler doesn't care about the order of the jobs.",
            "The scheduler kept deleting rows older than a week.",
            "A clumsy workaround kept the queue alive until Monday.",
            "The rubber gasket on the rack door was replaced.",
            "The hasty-merge label is applied by a bot.",
            "No experienced engineer would have caught this from the dashboards we had.",
            "The runbook calls this step 'careless mode', and nobody reads that label.",
            "Dynamo-style sloppy quorum accepted the writes during the partition.",
            "We enabled lazy loading for the image grid.",
            "The change to the firewall rules removed the health-check port.",
            "Careless-looking defaults in the template made the mistake easy.",
            "The review tool hid the second file of the diff.",
            "The poorly trained model flagged every login as fraud.",
            "This is the third time the disk has filled up this month.",
            "Typical latency on the read path is 40 ms.",
            "Of course it was the DNS cache again.",
            "It's always the same query that times out first.",
            "Of course it was Vasquez who spotted the leak first.",
            "I don't understand how this is possible: the lock should have held.",
            "Vasquez, having restarted the primary, watched the replicas catch up.",
            "Dumb terminals on the trading floor showed stale prices.",
            "Everyone is careless at times, which is why the deploy tool asks for confirmation.",
            "Templated commands remove the risk of fat-fingered hostnames.",
            "The on-call didn't know the flag was shared by every tenant.",
            "If the operator doesn't know how to roll back, the runbook should say.",
            "The parser doesn't understand the new header format.",
            "The old failover script was a disaster waiting to happen.",
            "The load balancer's config was wrong for the new subnet.",
            "Ottoline's hotfix is wrong for ARM hosts; the fix is in review.",
            "We posted updates every 30 minutes, which kept the optics honest.",
            "Dana did a great job with the rollback.",
            "The importer did a poor job of parsing dates with offsets.",
        ),
        pattern=(
            Check(
                triggers=(
                    *("shoddy", "shoddily", "corners", "corner-cutting", "as useful as"),
                    *("no idea how", "no business"),
                    *("as much use as", "be trusted"),
                    "careless",
                    "slopp",
                    "negligen",
                    *("misconduct", "dereliction"),
                    "reckless",
                    "competen",
                    "clueless",
                    *("ineptitude", "unforgivab", "inexcusab", " of him", " of her", " of them"),
                    *(" of you", " of @"),
                    "irresponsib",
                    "hast",
                    "lazy",
                    "lazi",
                    "idiot",
                    "moron",
                    "bonehead",
                    "witted",
                    "amateur",
                    "judg",
                    *("decision-making", "decision making", "airmanship", "seamanship"),
                    *("flying", "driving", "piloting", "workmanship", "watchkeeping", "lookout"),
                    "look-out",
                    *("as useful", "as useless", "as clueless", "as incompetent", "as much use"),
                    "cowboy",
                    "finger",
                    "rookie",
                    "unprofessional",
                    "slapdash",
                    "half",
                    "asleep",
                    "bothered",
                    "poorly",
                    "inadequately",
                    "badly",
                    "insufficiently",
                    "dumb",
                    "stupid",
                    "boneheaded",
                    "moronic",
                    "seasoned",
                    "competent",
                    "experienced",
                    "decent",
                    "proper",
                    "sane",
                    "self-respecting",
                    "depth",
                    "genius",
                    "amateurs",
                    "sandbox",
                    "playground",
                    "nitwit",
                    "buffoon",
                    "clown",
                    "muppet",
                    "joker",
                    "hacks",
                    "thinking",
                    "business",
                    "know what",
                    "optional",
                    "ball",
                    "mess",
                    "rubber",
                    "garbage",
                    "trash",
                    "junk",
                    "crap",
                    "evidently",
                    "clearly",
                    "obviously",
                    "apparently",
                    "what kind",
                    "save face",
                    "shame on",
                    *("better ", "more careful", "more attentive", "more senior", "more diligent"),
                    "cover",
                    "concern",
                    *("bungl", "ham-fisted", "hamfisted"),
                ),
                pattern=rf"""(?P<span>\b(?:{JUDGEMENT})\b)""",
            ),
            # A word of character put on a person, where the same word of a thing is
            # none ("a clumsy workaround"): "cut by a clumsy contractor", "the hapless intern".
            Check(
                triggers=(
                    *("clumsy", "inept", "inattentive", "thoughtless", "foolish", "ignorant"),
                    *("absent-minded", "absentminded", "hapless", "bumbling", "dozy", "dopey"),
                    *("overconfident", "arrogant", "incapable", "useless", "dimwitted", "gormless"),
                ),
                pattern=r"""
            (?P<span>\b(?:clumsy|inept|inattentive|thoughtless|foolish|ignorant|absent-?minded|hapless
                |bumbling|dozy|dopey|overconfident|arrogant|incapable|useless|dimwitted|gormless)
                \s+(?:(?:young|new|junior|senior|night|day|shift|duty|field|site|\w+-shift)\s+)?
                (?:{ROLE}|{WORKER})s?\b)
        """,
            ),
            # A person rated as a worker, or a decision of theirs judged, whatever the word
            # for the rating: "she is a terrible engineer", "he wasn't a strong developer".
            Check(
                triggers=RATING_TRIGGERS,
                pattern=rf"""(?P<span>(?:{{SOMEONE}})(?:\s+(?:\w+\s+)?|(?=['’]))(?:{RATING}))""",
            ),
            # Another person's work judged: "Kevin's merge was a mistake", "the contractor's
            # migration was sloppy" (the writer's own is UB201's).
            Check(
                triggers=WORK_VERDICT_TRIGGERS,
                pattern=r"""
            (?P<span>(?:\b(?:your|his|her)|(?:{OTHER})['’]s|(?<![\w@ꙮ'’-])(?:ꙮ|@|(?-i:[A-Z]))[\w-]*['’]s)
                \s+(?:[\w-]+\s+)?(?:{WORK}){WORK_TOLD_AS_DONE}\s+{WORK_VERDICT})
        """,
            ),
            # A verdict on what someone can do, however it is worded: "doesn't know how
            # DNS works", "had no idea what he was doing", "should be kept away from prod".
            frame(frozenset({OTHER}), "incompetence"),
            # "The contractor is a liability", "that DBA is useless": the names the
            # writer would be asked not to call themself (UB202), said of another.
            frame(frozenset({OTHER}), "insult"),
            # "Once again the network team shipped without telling anyone": a habit judged.
            frame(frozenset({OTHER}), "habit"),
            # A person's mishap told as a repeat or a type: "the DBA strikes again",
            # "Typical ops team, …", "the third time Ibarra has broken …", "always the
            # same person", "of course it was the contractors", "stop letting Harper near prod".
            Check(
                triggers=(
                    *("strikes again", "struck again", "at it again", "typical", "th time"),
                    *("nd time", "rd time", "st time", "always the same", "of course", "naturally"),
                    *("stop letting", "quit letting", "bad @", "bad ꙮ", "naughty @", "naughty ꙮ"),
                    *("t let", "not let", "never let", "so-called", "so called", "keep", "kept"),
                    *("managed to", "only", "whoever"),
                    *("up after", "mess", "tired of", "whenever", "touches", "loose", "undoing"),
                    *(
                        "every time",
                        "habit of",
                        "to clean",
                        "to revert",
                        "to fix",
                        "to mop",
                        "after him",
                    ),
                    *("after her", "after them", "to pick up", "to deal", "to sort"),
                    *("understand how", "believe how", "fathom how", "comprehend how", "see how"),
                    *("possible", "having", "what you get", "what he get", "what she get"),
                    *("what they get", "get for", "gets for", "serves"),
                ),
                pattern=rf"""
            (?:{{OTHER}}|\b(?:the\s+)?(?-i:[A-Z])[\w'’-]+(?:\s+team)?)\s+(?:strikes|struck|is\s+at\s+it
                |are\s+at\s+it|was\s+at\s+it)\s+again\b
            | (?:^|(?<=\n))\W*typical\s+(?:{{ROLE}}|[\w-]+\s+(?:team|folks|people|guys|devs|engineers))\s*[,:—–-]
            | \balways\s+the\s+same\s+(?:person|guy|people|team|engineer|dev|developer|folks|one)\b
            | \b(?:of\s+course|naturally)\s*,?\s+it\s+(?:was|is|['’]s)\s+(?:{{OTHER}}|(?-i:[A-Z])[\w'’-]+)\b
                (?!\s+(?:who|that)\s+(?:\w+\s+)?(?:fixed|saved|caught|found|spotted|restored|noticed))
            | (?:\b(?:stop|quit)\s+letting|\b(?:don['’]?t|do\s+not|never|shouldn['’]?t|should\s+not)\s+let)
                \s+(?:{{OTHER}}|(?-i:[A-Z])[\w'’-]+)\s+(?:near|touch|anywhere|deploy|push
                |merge|run|have\s+access)\b
            # Scolded like a pet: "bad @david." (a known name or handle: "bad news." is none)
            | (?:^|(?<=\n))\W*(?:bad|naughty)\s+(?:@[\w-]+|ꙮ[\w'’-]*)\s*[.!]
            # Incredulity addressed to the person: "@x I don't understand how this is possible."
            | (?:^|(?<=\n))\W*(?:@[\w-]+|ꙮ[\w'’-]*)\s*[,:]?\s+(?:i\s+(?:don['’]?t|do\s+not|can['’]?t|cannot)\s+(?:understand
                |believe|fathom|comprehend|see)\s+how|how\s+(?:on\s+earth\s+)?(?:is|was)\s+(?:this|that|it)
                \s+(?:even\s+)?possible)\b
            # The cause pinned on in passing: "the expert in these incidents, having caused them".
            | (?:{{OTHER}}|ꙮ[\w'’-]*|(?-i:[A-Z][a-z])[\w'’-]*)[^.!?\n]{{0,80}}?,\s*having\s+(?:\w+\s+)?
                (?:caused|broken|started|triggered|created|introduced)\s+(?:them|it|this|that|the\s+\w+
                |(?:most|all|some|half|many|several|both)\s+of\s+them)\b
            # A reproach told as a lesson the person earned: "That's what you get for
            # deploying on a Friday", "serves him right for skipping the canary".
            | \b(?:that['’]?s|that\s+is|this\s+is)\s+what\s+(?:you|he|she|they|{{OTHER}}|(?-i:[A-Zꙮ@][\w'’-]+))
                \s+gets?\s+for\s+(?:\w+\s+)?\w+ing\b
            | \bserves\s+(?:you|him|her|them|{{OTHER}}|(?-i:[A-Zꙮ@][\w'’-]+))\s+right\b
            # An outcome told as an achievement: "the contractor managed to delete the
            # backups too", "only Dale could break prod with a README change".
            | (?:{{OTHER}}|(?-i:[A-Zꙮ@])[\w'’-]+)\s+(?:\w+\s+)?managed\s+to\s+(?:\w+ly\s+)?(?:delete|drop
                |wipe|break|crash|nuke|lose|lock|take|brick|corrupt|overwrite|kill|destroy|trash)\b
            | \bonly\s+(?:{{OTHER}}|(?-i:[A-Zꙮ@])[\w'’-]+)\s+(?:could|would|can)\s+(?:manage\s+to\s+)?(?:delete
                |drop|wipe|break|crash|nuke|lose|take|brick|corrupt|kill|destroy)\b
            # Praise for someone nobody can name: "Well done, whoever deployed this on a Friday".
            | \b(?:well\s+done|nice\s+(?:one|job|work)|great\s+(?:job|work)|good\s+job|bravo)\s*,?
                \s+whoever\b(?=[^.!?\n]{{0,60}}?\b(?:broke|deleted|dropped|wiped|crashed|nuked
                |took\s+(?:\w+\s+)?down|on\s+a\s+friday|without|before\s+(?:the\s+)?(?:tests?|ci|review)))
            # Left to others to clean up: "spent the weekend cleaning up after Maria's deploy",
            # "this is your mess", "tired of fixing whatever the mobile team breaks".
            | \bclean(?:ing|ed|s)?\s+up\s+after\s+(?:{{OTHER}}|(?-i:[A-Zꙮ@][\w'’-]+))
            | \b(?:this|that|it)(?:['’]s|\s+is|\s+was)\s+(?:all\s+)?(?:your|his|her|their)\s+(?:own\s+)?mess\b
            | \bclean\s+up\s+(?:his|her|their|your)\s+(?:own\s+)?mess\b
            | \bundoing\s+(?:whatever|what|everything)\s+(?:{{OTHER}}|(?-i:[A-Zꙮ@][\w'’-]+))\s+did\b
            | \btired\s+of\s+(?:fixing|cleaning\s+up)\s+(?:whatever|everything|what)\s+(?:{{OTHER}}|(?-i:[A-Zꙮ@][\w'’-]+))
            # A type told by its pattern: "whenever Sam is on call, something falls over",
            # "every release Priya touches ends up rolled back", "who let @bea loose on the dns console".
            | \bwhenever\s+(?:{{OTHER}}|(?-i:[A-Zꙮ@][\w'’-]+))\s+(?:(?:is|gets|goes)\s+(?:on\s+call|on\s+shift|in\s+charge
                |near|anywhere\s+near)|touches|deploys|merges|pushes)\b
            # "Ignatius has a habit of pushing breaking changes on a Friday".
            | (?:{{OTHER}}|(?-i:\b[A-Zꙮ@][\w'’-]+))\s+has\s+a\s+(?:bad\s+|nasty\s+)?habit\s+of\s+\w+ing\b
            # Others left to clean up: "… and leaves the rest of us to revert it", "still
            # cleaning up Yusra's mess", "cleaning up after him".
            | \b(?:left|leaves|leaving)\s+(?:the\s+rest\s+of\s+us|us|everyone(?:\s+else)?|the\s+team|the\s+on-?call)
                \s+to\s+(?:clean|revert|fix|mop|pick\s+up|deal|sort)\b
            | \bclean(?:ing|ed|s)?\s+up\s+(?-i:[A-Zꙮ@][\w'’-]+)['’]s\s+(?:\w+\s+)?mess\b
            | \bclean(?:ing|ed|s)?\s+up\s+after\s+(?:him|her|them)\b
            | \bevery\s+(?:\w+\s+)?(?:release|deploy|change|pr|migration|rollout|build|time)\s+(?:{{OTHER}}|(?-i:[A-Zꙮ@][\w'’-]+))
                \s+(?:touches|deploys|merges|pushes|is\s+on\s+call)\b
            | \blet\s+(?:{{OTHER}}|(?-i:[A-Zꙮ@][\w'’-]+))\s+loose\s+(?:on|with|in)\b
            # A sneer at the title: "our so-called senior engineer".
            | \bso[-\s]called\s+(?:[\w-]+\s+)?(?:{{ROLE}}|experts?|professionals?|geniuses)\b
            # Harm as a habit of the person: "the offshore vendor keeps breaking our builds".
            | (?:{{OTHER}}|\bthe\s+(?:[\w-]+\s+)?(?:shift|crew|team)s?
                |(?!(?-i:The|This|That|These|Those|Its|It|A|An|Our|Their)\b)(?-i:[A-Zꙮ@])[\w'’-]+)
                \s+(?:[\w'’-]+\s+){{0,3}}?(?:keeps?|kept)\s+(?:on\s+)?(?:breaking|crashing|deleting
                |wiping|nuking|killing|taking\s+(?:\w+\s+)?down|knocking\s+(?:\w+\s+){{0,3}}?(?:offline|over|out))\b
            | \b(?:second|third|fourth|fifth|sixth|tenth|\d+(?:st|nd|rd|th)|umpteenth|nth)\s+time
                \s+(?:this\s+\w+\s+|today\s+|in\s+a\s+row\s+)?(?:that\s+)?(?:{{OTHER}}|(?-i:[A-Z])[\w'’-]+)
                \s+(?:has|have|had)\s+(?:\w+\s+)?(?:{REPEAT_HARM})\b
            # A tally told to the person: "this is the 3rd time you merged your own PRs".
            | \b(?:this|that|it)(?:['’]s|\s+is|\s+was)\s+(?:now\s+|already\s+)?the\s+(?:second|third|fourth
                |fifth|sixth|tenth|\d+(?:st|nd|rd|th)|umpteenth|nth)\s+time\s+(?:that\s+)?(?:you|he|she|they
                |{{OTHER}}|(?-i:[A-Zꙮ@])[\w'’-]+)\s+(?:have\s+|has\s+|['’]ve\s+)?(?:\w+ly\s+)?(?:\w+ed|broke|took
                |ran|did|made|left|forgot|shipped)\b
        """,
            ),
        ),
        unless=rf"""
            (?:\bi\s+(?:was|am|felt|feel|got|get|became)|\bi'm|\bi’m|\bim|\bmy)\s+(?:\w+\s+){{0,2}}(?:{JUDGEMENT})
            | (?:\bi(?:'ve|’ve|\s+have|'d|’d|\s+had)\s+been|\bme\s+being|\bi\s+keep\s+(?:making|doing))
              \s+(?:\w+\s+){{0,3}}(?:{JUDGEMENT})
            | \bi(?:['’]ve|\s+have)?\s+(?:really\s+|totally\s+)?(?:dropped|made\s+a)
            # The writer's own team, UB201's and UB202's: "we dropped the ball", "we were idiots".
            | \bwe(?:['’]ve|\s+have)?\s+(?:really\s+|totally\s+)?(?:dropped|made\s+a)
            | \bwe(?:['’]re|\s+are|\s+were|\s+got|\s+became)\s+(?:\w+\s+){{0,3}}(?:{JUDGEMENT})
            # "Classic rookie move, I forgot the WHERE clause": the writer's own, UB206's.
            | (?:{JUDGEMENT})\s*[,:;—–-]\s*i\b
            # "… and I still made a rookie move": the writer's own, UB202's.
            | \bi\b[^.!?\n]{{0,60}}?\b(?:made|make|making)\s+(?:a|such\s+a|another)\s+(?:\w+\s+)?(?:{JUDGEMENT})
            | (?:{JUDGEMENT})-\w | \bnot\s+(?:about\s+)?(?:being\s+)?(?:{JUDGEMENT})
            # The writer's own: "a careless merge on my end", "I clearly have no business …".
            | (?:{JUDGEMENT})\s+(?:[\w-]+\s+){{0,2}}?(?:on\s+my\s+(?:part|end|side)|of\s+mine|by\s+me)\b
            | \bi\s+(?:\w+ly\s+)?(?:have|had)\s+no\s+business
            | \bsloppy\s+quorum
            # The words talked about, not used: "we avoid words like careless and sloppy".
            | \b(?:words?|terms?|phrases?|labels?|language)\s+(?:like|such\s+as)\b
            # Said of everyone, it is human nature, not a verdict on someone.
            | \b(?:everyone|everybody|all\s+of\s+us|we\s+all|humans|people)\b[^.!?]{{0,60}}?
                \b(?:at\s+times|sometimes|occasionally|from\s+time\s+to\s+time|eventually|at\s+some\s+point)\b
            # A risk the design removes: "without the risk of fat fingers".
            | \b(?:risk|chance|possibility|danger|likelihood)\s+of\s+(?:\w+\s+)?fat[-\s]?finger
        """,
    ),
)
