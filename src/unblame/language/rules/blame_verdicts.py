"""Rules for fault placed on another person: assigned, asked, or given as a verdict (UB104-UB106).

The narrating rules (UB101-UB103) are in `blame_other`; this module was split from it to keep
each file readable, and both feed the one registry.
"""

from __future__ import annotations

from ..agents import ELIDED, NOBODY, OTHER, SYSTEM
from ..cues import frame
from ..finding import Category, Severity
from ..rule import Check, Rule
from .blame_other import ALLSPAW

# The parts of a verdict given by someone who judges (UB104): who is judged ("the two
# pilots", "a field technician"), the verb of judging, and the verdict itself.
_JUDGED = r"(?:{OTHER}|\b(?:the|a|an|one|two|both)\s+(?:[\w-]+\s+){0,2}?(?:{ROLE}|{WORKER})s?)"
_JUDGING = r"(?:found|held|deemed|judged|ruled|declared|considered)"
_AT_FAULT = r"{DEGREE}at\s+fault\b"

RULES = (
    Rule(
        code="UB104",
        name="fault-assigned-to-person",
        category=Category.BLAME_OTHER,
        severity=Severity.ERROR,
        message="Fault or blame is assigned to a person.",
        rationale=(
            "'X's fault' and 'the one to blame' close the question the review should open: "
            "how did the system make this outcome possible for anyone in X's place?"
        ),
        source=ALLSPAW,
        suggestion=(
            "Drop the verdict and describe the decision: what X knew, what the tools "
            "showed, and which safeguard was missing."
        ),
        bad=(
            "The derailment was caused by inaction on the part of the conductor.",
            "Honestly it's the devs fault, again.",
            "The night supervisor is more at fault than the trainee.",
            "The blunder he did that night cost us the replica.",
            "The onus of cleaning up the tags is on you.",
            "Management concluded the outage was the fault of a single administrator.",
            "The blackout was blamed on a technician who unplugged the wrong strip.",
            "Blame for the missed SLA sits squarely with the data team.",
            "It's on Chidi, he disabled the alert.",
            "Frankly, that one is squarely on the vendor's field engineer.",
            "It's not my fault they shipped it without telling anyone.",
            "This one is entirely Omar's fault.",
            "Spare a thought for the contractor whose fault it was.",
            "The person to blame is the release manager.",
            "Honestly the blame lies with the SRE team.",
            "The inquiry placed most of the blame on the signal maintainers.",
            "Billing outage blamed on contractor running the wrong script",
            "Responsibility for the outage rests with the night-shift supervisor.",
            "It was the DBA's mistake, plain and simple.",
            "The operator only noticed their mistake after the second reboot.",
            "The review board found the night-shift operator at fault.",
        ),
        good=(
            "A lapse on the part of the load balancer dropped the sessions.",
            "The developers fault-injection suite passed.",
            "The onus is on us to make the pipeline refuse it.",
            "The outage was blamed on a faulty power supply.",
            "The inquiry placed the blame on the signalling firmware.",
            "It was not Omar's fault; the pipeline skipped the check.",
            "We use git blame to find when the line changed.",
            "The disk's fault counter rose before the crash.",
            "Responsibility for certificate renewal lies with the platform team.",
            "We decided not to blame anyone for the outage.",
            "Their error budget was spent by Tuesday.",
            "Several things failed at once, none of which were the fault of the on-call engineer.",
            "The inquiry found the relay firmware at fault, and the crew not at fault.",
        ),
        triggers=(),
        pattern=(
            Check(
                triggers=(
                    "fault",
                    "mistake",
                    "slip",
                    "doing",
                    "feet of",
                    "responsibility",
                    "screw",
                    "fuck",
                    "blunder",
                    "error",
                    "negligence",
                    "carelessness",
                    "incompetence",
                    "the part of",
                    *(
                        "oversight",
                        "typo",
                        "goof",
                        "gaffe",
                        "misstep",
                        "fumble",
                        "boo",
                        "fart",
                        "cock-",
                    ),
                    "blame",
                    *("burden", "onus"),
                    "'s on",
                    "’s on",
                    "is on",
                    "was on",
                    "entirely on",
                    "all on",
                    "squarely on",
                    "totally on",
                ),
                pattern=r"""
            (?P<span>
              (?:{NAMELIKE}|{OTHER})
                # In scare quotes too: "the operator's “mistake”".
                ['’]s\s+[“"‘]?(?:own\s+|big\s+|huge\s+)?(?:fault|mistake|screw-?\s?up|fuck-?\s?up
                |blunder|negligence|carelessness|incompetence|slip)
                # "an engineer's mistake took the database offline": the slip as the cause (UB402).
                (?!\s+(?:\w+\s+){0,3}?(?:caused|took|brought|broke|deleted|wiped|led\s+to|triggered
                  |resulted|knocked))
            # The possessive written without its apostrophe, or a plural's: "the devs fault",
            # "QAs fault", "the reviewers' mistake".
            | (?:\b(?:{ROLE})s['’]?\s+(?:own\s+)?(?:fault|mistake) | (?-i:\b[A-Z]{2,5})s\s+(?:own\s+)?fault)\b
              # Not a kind of fault: "the developers fault-injection suite".
              (?![\s-]+(?:{FAULT_KINDS}|models?|counters?))
            # A doer's fault, the doer named by what they do: "the prescribers' fault", "the
            # installer's mistake" (not a machine's: "the router's fault").
            | \bthe\s+(?:[\w-]+\s+)?(?!(?:{MACHINE_DOERS}|driver)s?['’])[a-z]+(?:er|ist|ian|or)(?:s['’]|['’]s)\s+
                [“"‘]?(?:own\s+)?(?:fault|mistake|negligence|carelessness|screw-?up|blunder)\b
            # Someone's slip with words between, or the owner after it: "Dana's silly typo",
            # "a mistake on Dana's part", "the stupid mistake @kiv made".
            | (?:{NAMELIKE}|{OTHER}|@[\w-]+)['’]s\s+
                (?:[\w-]+\s+){1,2}?{SLIP}\b
                (?!\s+(?:\w+\s+){0,3}?(?:caused|took|brought|broke|deleted|wiped|led\s+to|triggered
                  |resulted|knocked))
            | \b{SLIP}\s+(?:[\w-]+\s+)?on\s+(?:the\s+part\s+of\s+{SOMEONE}|{SOMEONE}['’]s\s+(?:part|end|side))
            # A failing of care or attention on someone's part, as formal reports word it:
            # "inaction on the part of the conductor", "bad look-out on the part of the crew"
            # (not "on the part of the vendor's system", a thing).
            | \b(?:inaction|lapses?|negligence|carelessness|inattention|look-?out|complacency|misjudge?ments?
                |omissions?|errors?\s+of\s+judge?ment|failures?\s+to\s+\w+)\s+(?:[\w-]+\s+){0,3}?on\s+the\s+part
                \s+of\s+(?:{SOMEONE}
                # Or whoever is named by what they do ("the conductor", "the quartermaster").
                | the\s+(?:[\w-]+\s+){0,2}?(?!(?:{MACHINE_DOERS}|computer|balancer|scanner|checker|runner|poller
                  |watcher|timer|trigger|filter|resolver|exporter|importer|updater|uploader|downloader)s?\b)
                  [a-z]+(?:or|er|ist|ian|man|men)s?\b)(?!['’]s)
            | \b{SLIP}\s+(?:that\s+)?{SOMEONE}\s+(?:\w+ly\s+|just\s+)?(?:made|introduced|committed|did(?!\s+not\b|n['’]t))\b
            | \b(?:guy|person|one|people|man|woman|folks|team|engineer)\s+(?:who\s+is\s+|who\s+was\s+)?to\s+blame
            # "Two days of degraded search, and all of it is Jarrah's doing".
            | \b(?:is|was)\s+(?:all\s+|entirely\s+)?(?-i:[A-Zꙮ@][\w'’-]+)['’]s\s+doing\b
            # The weight of it put on someone: "the burden of fixing that bug is on you".
            | \b(?:(?:blame|fault|burden|onus)\s+(?:(?:for|of)\s+(?:[\w-]+\s+){1,4}?)?(?:lies|rests|falls|goes|belongs|sits|is
              |was)
              # Or put there by someone: "placed the blame for the crash squarely on the pilots".
              | \b(?:put|puts|putting|placed|places|placing|laid|lays|laying|pinned|pins|pinning)\s+(?:the\s+|all\s+the\s+)?
                blame\s+(?:for\s+(?:[\w-]+\s+){1,4}?)?)\s*(?:squarely\s+|entirely\s+|solely\s+|firmly\s+)?(?:with|on|to)
              (?=\s+(?:{OTHER}|him\b|her\b|whoever|one\s+person|(?-i:[A-Zꙮ][a-z]+)\b|(?:the|our|their|a)\s+(?:[\w-]+\s+){0,2}?
                (?:{ROLE}|supervisors?|controllers?|dispatchers?|workers?|agents?|guards?)\b))
            | \bresponsibility\s+(?:for\s+(?:[\w-]+\s+){1,4}?)?(?:lies|rests|sits)\s+(?:squarely\s+)?with\s+one\s+person\b
            # The responsibility for what went wrong, not for a task ("responsibility for
            # key rotation lies with the platform team" says who owns the work).
            | \bresponsibility\s+(?:for\s+(?:the\s+|this\s+|that\s+|today['’]s\s+)?(?:[\w-]+\s+)?(?:outage|incident|failure
              |breach|crash|mess|downtime|disruption|loss|leak|this|that|it)\s+)?(?:lies|rests|falls|sits|is|was)
              \s+(?:squarely\s+|entirely\s+|solely\s+)?(?:with|on)
              (?=\s+(?:{OTHER}|him\b|her\b|whoever|(?-i:[A-Zꙮ][a-z]+)\b|(?:the|our|their|a)\s+(?:[\w-]+\s+){0,2}?
                (?:{ROLE}|supervisors?|controllers?|dispatchers?|workers?|agents?|guards?)\b))
              # "… lies with the on-call to page the vendor": a duty, not a verdict.
              (?![^.;!?]{0,40}?\bto\s+(?!blame\b)[a-z]+)
            | \bat\s+the\s+feet\s+of\s+(?:{OTHER}|whoever|(?-i:[A-Zꙮ][a-z]+)\b|(?:the|our|their|a)\s+(?:[\w-]+\s+){0,2}?
                (?:{ROLE}|supervisors?|controllers?|dispatchers?|workers?|agents?|guards?)\b)
            | (?:{OTHER}|{NAMELIKE})
                \s+(?:is|was|were|are)\s+(?:the\s+one\s+)?{DEGREE}at\s+fault\b
            | \bfault\s+(?:here\s+)?lies\s+with\s+(?-i:[A-Zꙮ][a-z]+)\b
            | \b(?:(?:this|that|the)\s+(?:outage|incident|failure|breakage|downtime|mess|problem|regression)
                |this|that|it)(?:\s+one)?(?:'s|’s|\s+is|\s+was)\s+(?:all\s+|entirely\s+|squarely\s+|totally\s+)?on\s+
                (?:him|her|them|{OTHER}|(?:the|our|their|a)\s+(?:[\w-]+['’]s\s+)?(?:[\w-]+\s+)?(?:{ROLE})\b)
            | \bnot\s+my\s+fault\s+(?:that\s+)?(?:they|he|she|you|@[\w-]+|the\s+\w+\s+team)\b
            # The fault given to a person in a relative clause: "the engineer whose fault it was".
            | (?:{OTHER}|{NAMELIKE})\s*,?\s+whose\s+(?:own\s+)?(?:fault|mistake|error|blunder|screw-?up)\s+
                (?:it|this|that)\s+(?:was|is)\b
            | \b(?:your|his|her|their)\s+(?:own\s+)?fault\b
            | \b(?:his|her|their)\s+(?:own\s+|big\s+|huge\s+|silly\s+|stupid\s+|dumb\s+)?(?:error|mistake|blunder|screw-?up)s?
              (?!\s+(?:rate|budget|code|message|handling|log|count|path|page|state|response)s?\b)
            | \bthe\s+fault\s+of\s+(?:{OTHER}|(?:a|an|one|the)\s+(?:single\s+|lone\s+)?(?:\w+\s+)?(?:{ROLE}|{WORKER}))
            # Headlines drop the article: "… blamed on technician flipping the wrong breaker".
            | \b(?:blamed|(?:placed|put|laid|pinned|pins|puts|places|lays)\s+(?:much\s+of\s+|most\s+of\s+|some\s+of\s+
                |all\s+of\s+)?the\s+blame(?:\s+for\s+(?:[\w'’-]+\s+){1,5}?)?)\s+(?:it\s+)?(?:squarely\s+|firmly\s+)?on\s+
                (?:{OTHER}|(?:(?:a|an|one|the)\s+)?(?:[\w'’-]+\s+){0,2}?(?:{ROLE})\b)
              # "blamed on staff shortages": the people are the context, not the culprit.
              (?![\w-]*\s+(?:shortages?|cuts|turnover|levels|numbers|changes|rotas?|scheduling)\b)
            | \b(?:this|that)\s+one(?:'s|’s|\s+is|\s+was)\s+on\s+{OTHER}
            # "A blunder by the duty planner left 40,000 homes without water".
            | \b(?:blunder|screw-?up|negligence|carelessness|incompetence)\s+(?:made\s+|committed\s+)?by\s+(?:{OTHER}
                |(?:the|a|an|one)\s+(?:[\w-]+\s+){0,2}?{WORKER})
            | \b(?:is|was)\s+(?:all\s+|entirely\s+|squarely\s+)?on\s+(?:@[\w-]+|ꙮ[\w'’-]*)(?=\s*(?:[,.;!]|$))
            | \b(?:outage|incident|failure|loss|breakage|mess|corruption|downtime)\s+(?:is|was)\s+(?:all\s+|entirely\s+
                |squarely\s+)?on\s+(?:him|her|them|{OTHER})(?=\s*(?:[,.;!]|$))
            | \bresponsibility\s+for\s+(?:the|this)\s+(?:[\w-]+\s+)?(?:mess|outage|loss|corrupt\w*|lost|broken|missing)
                [\w\s-]{0,30}?\s+(?:lies|rests|sits)\s+(?:squarely\s+|solely\s+)?with\b
            # … or a capitalised name, not a day or a month: "This one is on Cosima, not on the tooling".
            | \b(?:this|that|it)\s+(?:[\w-]+\s+){0,2}?(?:'s|’s|is|was)\s+(?:all\s+|entirely\s+|squarely\s+)?on\s+
                {NAMELIKE}
                (?=\s*(?:[,.;!]|$))
            )
        """,
            ),
            # The news tells it in the passive: "a single electrician has been blamed for the
            # blackout", "the outage is being attributed to one utility employee". Checks of
            # their own: only sentences with these words ask them.
            Check(
                triggers=("blamed for",),
                pattern=r"""
            (?P<span>(?:{OTHER}|\b(?:a|an|one|the)\s+(?:single\s+|lone\s+)?(?:[\w-]+\s+){0,2}?{WORKER}s?|\b{WORKER}s)
                (?:\s+[\w-]+){0,4}?
                \s+(?:has\s+been|have\s+been|had\s+been|is\s+being|are\s+being|was|were)\s+(?:\w+ly\s+)?blamed
                \s+for\b)
        """,
            ),
            # A verdict given by someone who judges: "the board found the driver at fault",
            # "the crew was held at fault", "determined the operators are at fault".
            Check(
                triggers=("at fault",),
                pattern=rf"""
            (?P<span>\b(?:{_JUDGING}|determined|concluded)\s+(?:that\s+)?{_JUDGED}
                \s+(?:(?:is|was|were|are|to\s+be)\s+)?{_AT_FAULT}
            | {_JUDGED}\s+(?:is|was|were|are|has\s+been|have\s+been)\s+{_JUDGING}
                \s+(?:to\s+be\s+)?{_AT_FAULT})
        """,
            ),
            Check(
                triggers=("attributed to", "traced to", "traced back to", "pinned on"),
                pattern=r"""
            (?P<span>\b(?:attributed|traced|pinned)\s+(?:back\s+)?(?:to|on)\s+(?:a|an|one)\s+(?:single\s+|lone\s+)
                (?:[\w-]+\s+){0,2}?(?:{ROLE}|{WORKER}|person|individual|employee)s?\b)
        """,
            ),
        ),
        unless=r"""
            \b(?:system|disk|process|service|node|server|job|script|device|drive|cache)['’]s\s+fault
            | \bfault\s+(?:counter|tolerance|injection|domain|line|code|isolation)
            | \b(?:nobody|no\s+one|noone|anyone|anybody|it|this|that)['’]s\s+(?:\w+\s+)?(?:fault|mistake)
        """,
    ),
    Rule(
        code="UB105",
        name="accusing-question",
        category=Category.BLAME_OTHER,
        severity=Severity.WARNING,
        message="A question is aimed at a person rather than at the system.",
        rationale=(
            "'Why did you…?' and 'who approved this?' ask for a culprit. Asking how the "
            "system let the change through gets the same facts without the defence."
        ),
        source="Etsy Debriefing Facilitation Guide (2016); Allspaw (2012)",
        suggestion=(
            "Ask about the situation instead: 'What did the pipeline show at that point?' or "
            "'What would have told us the tests had not run?'"
        ),
        bad=(
            "Why won't the night crew follow the checklist?",
            "Whose bright idea was that?",
            "Why did the shift operator let the backlog grow past an hour?",
            "Did the release captain not check the canary before the second wave?",
            "Didn't anybody test this on a real device?",
            "Do you even run the test suite before tagging?",
            "@ravi did you actually open the runbook before the failover?",
            "who the hell set the TTL to 0",
            "Can you explain why you thought skipping the canary was acceptable?",
            "lol who pushed to main without running tests",
            "Why did you deploy without waiting for the canary?",
            "Who approved this migration?",
            "@lena how could this even be merged with red tests?",
            "How was this even possible?",
            "Shipped the schema change without a single review?",
            "Did anybody on the data team even open the runbook before the failover?",
            "How did no one on the rota spot the expiry banner?",
            "What were the two reviewers doing all afternoon?",
            "Seriously, who merges a schema change at 5pm on a Friday?",
            "Why didn't the release captain check the canary before the second wave?",
            "Why was this even tagged?",
            "How did this get merged in the first place?",
            "How hard is it to run the linter before pushing?",
            "I'm just curious why you removed the deprecation period in a minor release.",
            "Why were they making DNS changes in production on a Friday?",
            "Why you deleted the 2.0 tag?",
            "Why were you debugging directly on prod?",
            "Does anyone here ever test the restore scripts?",
        ),
        good=(
            "Why did the scheduler let the job run twice?",
            "Did the canary not catch the regression before the second wave?",
            "Did the nightly tests not run on this branch?",
            "Why didn't the canary catch the regression before the second wave?",
            "Why was the job restarted at noon?",
            "Did the retry actually fire after the timeout?",
            "Who pushed the fix? Thanks, it worked.",
            "Which deploy went out without a canary, and why did the pipeline allow it?",
            "Who is on call for the search cluster this week?",
            "Why did the canary not catch the error spike?",
            "Any idea how we missed this in staging?",
            "How could the pipeline be changed to block this?",
            "Did anyone see the second alert fire?",
            "Is anyone even using the old export endpoint?",
            "Has anyone ever restored from the cold backups?",
            "What was the replica doing during the failover?",
            "Why did no alert fire when the disk filled?",
            "I understand why you made that call with the dashboards showing green.",
            "I wonder why the scheduler skipped the Tuesday run.",
            "Why do the tests pass locally but fail in production?",
            "Why were they seeing timeouts in production after the upgrade?",
        ),
        pattern=(
            Check(
                triggers=(
                    "?",
                    "without",
                    "who the",
                    *(
                        "why did you",
                        "why'd you",
                        "why’d you",
                        "which of you",
                        "which one of you",
                        "who on earth",
                        "who force",
                    ),
                    *(
                        "who wiped",
                        "who broke",
                        "who deleted",
                        "who dropped",
                        "who nuked",
                        "who rewrote",
                        "who thought",
                        "who decided",
                        "who figured",
                    ),
                    *(
                        "why are",
                        "why were",
                        "why is",
                        "curious why",
                        "wonder",
                        "explain why",
                        "why was",
                    ),
                    *("why has", "why have", "why you", "why he", "why she"),
                ),
                pattern=r"""
            # Not a FAQ the authors pose to themselves and answer: "Q: Why did you not …?"
            (?<!q:\s)(?<!q:)
            (?P<span>
              \bwhy(?:\s+on\s+earth|\s+the\s+hell)?(?:['’]d|\s+(?:did|would|didn't|wouldn't|do|don't|have|haven't))
                \s+(?:you|he|she|anyone|anybody|@[\w-]+)\b{INSENT}*\?
            # The auxiliary left out, as learners of English ask: "Why you deleted the tag?"
            | \bwhy\s+(?:you|he|she)\s+(?:\w+ly\s+)?(?:[a-z-]+(?<!e)ed|did|made|broke|wrote|took|put|ran|let|left|threw|hid)
                \b{INSENT}*\?
            | \bwhy\s+(?:\w+\s+){0,3}?(?:thought|think|figured|decided)\b{INSENT}*
                \b(?:acceptable|ok|okay|fine|a\s+good\s+idea|safe|sensible)\b{INSENT}*\?
            | \bwho\s+(?:the\s+(?:hell|heck|fuck)\s+\w+|(?:merged|approved|pushed|deployed|broke|wrote|let|committed
                |signed\s+off|reviewed|ok'?d|okayed|thought)\b{INSENT}*\?)
            | \bwho\s+(?:merged|approved|pushed|deployed|committed)\b{INSENT}*\bwithout\b
            # "How did this get merged in the first place?"
            | \bhow\s+(?:did|does|could|do|can)\s+(?:this|that|it|these|those)\s+(?:\w+\s+)?(?:get|end\s+up)\s+
                (?:merged|released|approved|published|pushed|deployed|shipped|tagged)\b
                (?:{INSENT}*\?|\s+in\s+the\s+first\s+place)
            # The act questioned in the passive: "Why was this merged?", "why was it even released?"
            # (not "why was the job restarted?", asked of a thing's run).
            | \bwhy\s+(?:on\s+earth\s+|the\s+hell\s+)?(?:was|were|has|have)\s+(?:this|that|it|these|those)\s+
                (?:(?:even|ever|already|just)\s+)?(?:been\s+)?(?:merged|released|published|approved|pushed|deployed
                |tagged|shipped|accepted|force-pushed)\b{INSENT}*\?
            # The same question embedded: "I'm curious why you introduced breaking changes in a
            # patch release" (not "I understand why you made that call", which takes their view).
            | \b(?:curious|wonder|wondering|wondered|explain)\s+why\s+(?:on\s+earth\s+)?(?:you|he|she|@[\w-]+)\s+
                (?:\w+ly\s+|just\s+|even\s+|would\s+|chose\s+to\s+|decided\s+to\s+)?(?:introduced|broke|pushed|merged
                |deleted|removed|released|published|tagged|shipped|deployed|skipped|ignored|disabled|dropped|changed
                |made|put|rewrote|force-pushed|introduce|break|push|merge|delete|remove|release|publish|tag|ship
                |deploy|skip|ignore|disable|drop|rewrite)\b
            # Chat drops the question mark: "why did you delete the v2 tag, half our mirrors
            # are broken", "ok which of you wiped the flags table", "who on earth deleted …".
            | (?:^|(?<=\n)|(?<=\s))(?:@[\w-]+\s+)?why(?:\s+did|['’]d)\s+you\s+(?:\w+\s+)?(?:delete|rewrite|merge|push|force-push
                |drop|wipe|remove|deploy|tag|publish|release|revert|disable|rename|yank|unpublish|overwrite
                |nuke|break|kill)\b
            # The act asked about as it goes on: "why are you pushing this?", "why are you
            # leaking your token" (not "why are you seeing a 404?", which asks for facts).
            | \bwhy(?:\s+on\s+earth|\s+the\s+hell)?\s+(?:are|were|is)\s+(?:you|you\s+guys|he|she|@[\w-]+)\s+
                (?:\w+ly\s+|still\s+|even\s+|just\s+)?(?:pushing|merging|deleting|leaking|committing|deploying
                |force-pushing|breaking|ignoring|skipping|removing|disabling|rewriting|overwriting|dropping
                |reverting|publishing|yanking|nuking|wiping)\b
            | \bwhich\s+(?:one\s+)?of\s+you\s+(?:\w+\s+)?(?:wiped|broke|deleted|dropped|pushed|merged|took|force-pushed
                |nuked|removed|disabled)\b
            | \bwho\s+(?:on\s+earth|the\s+(?:hell|heck))\s+(?:deleted|wiped|dropped|broke|pushed|merged|removed|nuked
                |force-pushed|disabled|renamed)\b
            | \bwho\s+(?:force-pushed|wiped|nuked|rewrote)\b{INSENT}*\?
            | \bwho\s+(?:broke|wiped|deleted|dropped|nuked)\b[^?\n]{0,40}?\bagain\b
            | \bwho\s+(?:thought|decided|figured)\s+(?:it\s+was\s+|it['’]s\s+)?(?:fine|ok|okay|smart|wise|safe)\s+to\b
            | (?:@[\w-]+\W+(?:\w+\W+){0,4}?)\bhow\s+(?:could|did|was|were|is|are|can)\s+
                (?:you|this|that|it|sth|something|such\s+\w+)\b{INSENT}*\?
            | \bhow\s+(?:could|did|was|were|is|are)\s+(?:you|this|that|it|sth|something)
                \s+(?:\w+\s+)?even\b{INSENT}*\?
            | \bhow\s+could\s+you\b{INSENT}*\?
            )
        """,
            ),
            # Any question with an edge about what a person did, however it opens.
            frame(frozenset({OTHER, ELIDED, NOBODY, SYSTEM}), "accusation"),
        ),
        unless=r"""
            \bwho\s+(?:is|was|'s)\s+(?:on\s+call|on-call|around|available|online)
            | \bwho\s+\w+\s+(?:the\s+|that\s+|this\s+)?(?:fix|patch|rollback|revert|hotfix|mitigation)
            # A FAQ the authors pose to themselves and answer: "Q: Why did you not …?"
            | (?:^|[\s_*])q\s*:\s*(?:why|how|what|who|did|were|was)\b
        """,
    ),
    Rule(
        code="UB106",
        name="verdict-on-colleague-action",
        category=Category.BLAME_OTHER,
        severity=Severity.WARNING,
        message="A colleague's action is met with a verdict.",
        rationale=(
            "Calling an action 'disappointing' or 'bad practice' rebukes whoever did it. "
            "The useful question is what made merging or deploying look fine at that moment."
        ),
        source=ALLSPAW,
        suggestion=(
            "Name the gap instead: which check was missing or easy to bypass, and what "
            "would make the safe path the default?"
        ),
        bad=(
            "The crew deviated from the pre-start checklist.",
            "Great job nuking the shared runners.",
            "The release team saw the disk warning and still brushed it off.",
            "You had one job: watch the canary.",
            "Was it really too much to ask for QA to test the upgrade path?",
            "Someone on the data team decided a cascade drop was a fine idea.",
            "Ops escalated late, as usual.",
            "Tell me who reviewed it so I can yell at them.",
            "Really disappointing that this was merged with failing tests.",
            "It is bad practice to deploy straight to production.",
            "Unacceptable that the migration was pushed without a review.",
            "Halloran had been warned several times about editing the zone file by hand.",
            "We asked @ines-k at least four times to stop deploying from a laptop.",
            "Anywhere else you'd get fired for a push like that.",
            "The DBA ignored the disk-space warning on the replica.",
            "Pemberton skipped the load test to make the Friday cut-off.",
            "Management chose to bypass the change freeze for the launch.",
            "Despite two warnings from the DBA, the vendor went ahead with the resize.",
            "Thanks for breaking staging right before the demo.",
            "Thanks a lot, @orrin, for wiping the shared runners.",
            "Great job, you deleted the billing replica.",
        ),
        good=(
            "The route deviated from the planned path after the fibre cut.",
            "Nice work deleting the stale branches, the list is tidy now.",
            "Thanks for dropping the old index; queries are faster.",
            "We decided a staged rollout was a good idea for the schema change.",
            "The nightly job ran late, as usual on month end.",
            "The pager kept yelling at us all night.",
            "The pipeline allowed a merge with failing tests.",
            "Deploying straight to production was possible because the gate was optional.",
            "The disappointing latency came from the cold cache.",
            "The pager warned us three times before the disk filled.",
            "We were told twice by the vendor that the API would change.",
            "The contractor was let go in a restructuring last spring.",
            "Dana was told by many colleagues that the old runbook still worked.",
            "The scheduler skipped the run because the lock was held.",
            "Pemberton could not have ignored the page: it never reached her phone.",
            "Despite the packet loss, the job continued and finished on time.",
            "Thanks for taking the old cluster down so neatly after the migration.",
            "Thanks to Lindqvist's patch, the queue drained in minutes.",
            "Great job on the rollback; the errors stopped at once.",
        ),
        pattern=(
            Check(
                triggers=(
                    "disappoint",
                    "unacceptable",
                    "inexcusable",
                    "embarrass",
                    "shameful",
                    "unprofessional",
                    "irresponsible",
                    "practice",
                    "yell",
                    "shout",
                    "scream",
                    "rage",
                    "too much",
                    "idea",
                    "as usual",
                    "as always",
                    "yet again",
                    "per usual",
                    "like always",
                ),
                pattern=r"""
            (?P<span>
              \b(?:disappointing|unacceptable|inexcusable|embarrassing|shameful|unprofessional
                |irresponsible)\s+(?:\w+\s+){0,3}?(?:that\s+|to\s+see\s+|how\s+)?
                (?:this|it|that|the\s+\w+|\w+)\s+(?:was|were|got|has\s+been|had\s+been)\s+
                (?:merged|pushed|deployed|approved|released|shipped|committed|ignored|skipped)
            | \b(?:bad|poor|terrible|awful|horrible)\s+(?:engineering\s+)?practice\s+to\b
            | \b(?:yell|shout|scream|rage)\s+at\s+(?:him|her|them|you|@[\w-]+|the\s+\w+)\b
            | \btoo\s+much\s+to\s+ask\b
            | (?:{OTHER}|\bsomeone|\bsomebody|\bwhoever)\s+(?:[\w-]+\s+){0,4}?(?:decided|thought|figured)\s+(?:that\s+)?[^.!?\n]{1,60}?\b(?:was|is|would\s+be)\s+(?:a\s+)?(?:fine|good|great|brilliant|clever)\s+idea\b
            | {OTHER}\b[^.!?\n]{3,80}?,?\s+(?:as\s+usual|as\s+always|yet\s+again|per\s+usual|like\s+always)\b
            )
        """,
            ),
            Check(
                triggers=(
                    "told",
                    "warned",
                    "asked",
                    "reminded",
                    "banned",
                    "fired",
                    "sacked",
                    "let go",
                    "canned",
                    "disciplined",
                    "reprimanded",
                    "written up",
                    "punished",
                    "demoted",
                    "trouble",
                    *("heads", "desk", "walked out", "job", "ticket out", "the door", "the sack"),
                    *("the boot", "the axe", "the chop"),
                    "off lightly",
                    "off easy",
                    "off so",
                    "want to be",
                    "future",
                ),
                pattern=r"""
            (?P<span>
              \b(?:was|were|had\s+been|has\s+been|have\s+been|been)\s+(?:told|warned|asked|reminded)\s+
                # "told by many people" says who told, not how often.
                (?!by\b)(?:\w+\s+){0,2}?(?:many|multiple|several|numerous|countless|repeatedly|again\s+and\s+again
                |over\s+and\s+over|(?:at\s+least\s+)?\w+\s+times)\b
            | \b(?:told|warned|asked|reminded)\s+(?:{OTHER}|(?-i:[A-Zꙮ][\w-]+))\s+(?:\w+\s+){0,3}?
                (?:many|multiple|several|numerous|countless|repeatedly|(?:at\s+least\s+)?\w+\s+times)\b
            | \bbanned\s+from\s+touching\b
            | \b(?:would|['’]d)\s+(?:get|be|have\s+been)\s+(?:fired|sacked|let\s+go|canned)\b
            # Consequences foretold: "someone is getting fired over this", "somebody's in
            # trouble", "I doubt they'll get off lightly", "I wouldn't want to be the DBA who …".
            | (?:{OTHER}|\bsomeone|\bsomebody)(?:['’]s|\s+is|\s+are|\s+will\s+be|\s+(?:is|are)\s+going\s+to\s+be)
                \s+(?:getting\s+|gonna\s+get\s+|going\s+to\s+get\s+)?(?:fired|sacked|canned
                |in\s+(?:big\s+|so\s+much\s+|a\s+lot\s+of\s+|serious\s+)?trouble(?=\s*(?:[.!]|$)|\s+(?:over
                |for|after|because)\b))
            | \bget(?:ting)?\s+off\s+(?:so\s+)?(?:lightly|easy|easily)\b
            | \bwouldn['’]?t\s+want\s+to\s+be\s+(?:in\s+(?:his|her|their)\s+shoes|{OTHER}\s+(?:who|that)\b)
            | (?:{OTHER}|\bsomeone|\bsomebody)\s+(?:\w+\s+){0,2}?(?:doesn['’]?t|does\s+not|won['’]?t)\s+have
                \s+(?:a|such\s+a|much\s+of\s+a)\s+(?:bright\s+|long\s+)?future(?:\s+here|\s+at\s+[\w-]+
                |\s+with\s+us)?(?=\s*(?:[.!?]|$))
            # Punishment in idiom: "heads should roll", "clearing out his desk", "walked out of
            # the building", "deserves to lose his job", "a one-way ticket out of this company".
            | \bheads\s+(?:should|will|must|need\s+to|are\s+going\s+to|ought\s+to)\s+roll\b
            | \b(?:clear|clearing|clean|cleaning|pack|packing)\s+(?:out\s+|up\s+)?(?:his|her|their)\s+desk\b
            | \bwalked\s+out\s+of\s+the\s+(?:building|office)\b
            | \b(?:lose|losing|lost)\s+(?:his|her|their)\s+jobs?\b(?=[^.!?\n]{0,40}?(?:for|over|after)\b)
            | \bdeserves?\s+to\s+lose\s+(?:his|her|their)\s+jobs?\b
            | \b(?:one-way\s+)?ticket\s+out\s+of\s+(?:this|the|our)\s+(?:company|team|job|building)\b
            | \bshown\s+the\s+door\b | \bout\s+of\s+(?:a|his|her|their)\s+job\b(?=[^.!?\n]{0,40}?\bfor\b) | \b(?:get|gets|got|be|been)\s+the\s+(?:sack|boot|axe|chop)\b
            # Punishment called for: "whoever set up this cron job should be fired".
            | (?:{OTHER}|\bwhoever\b)[^.!?\n]{0,60}?\b(?:should|ought\s+to|needs?\s+to|must|deserves?\s+to)
                \s+(?:be|get)\s+(?:fired|sacked|let\s+go|canned|disciplined|reprimanded|written\s+up
                |punished|demoted)\b
            )
        """,
            ),
            Check(
                # A person named by a word for the guilty, an idiom of authorship, a tally,
                # a demand to answer for it, or a world where someone else was at the helm.
                triggers=(
                    *("culprit", "offender", "guilty party", "patient zero", "perpetrator"),
                    *("all over it", "handiwork", "name on it", "times it was", "every time it"),
                    *("explain himself", "explain herself", "explain themselves", "in my office"),
                    *("answer for", "named publicly", "anyone but", "anybody but", "hands off"),
                    *("instead of", "bisect"),
                ),
                pattern=r"""
            (?P<span>
            # "The culprit behind Tuesday's outage turned out to be our own release manager",
            # "the guilty party is... Zuzanna, who flipped …", "Repeat offender alert: Cosmin
            # has wiped …". A capitalised word no list knows must read as a person after it
            # (", who", "; his", "from <team>", "has wiped"): "the culprit was Redis" is not.
              \b(?:culprit|offender|guilty\s+party|patient\s+zero|perpetrator)s?\b[^.!?\n]{0,50}?(?:\b(?:is|was|turned
                \s+out\s+to\s+be|identified|here\s+is)\b|:|—)[\s.,:…]*(?:it['’]s\s+)?(?:{OTHER}|@[\w-]+|ꙮ[\w'’-]*
                |(?:our|their|the)\s+own\s+(?:[\w-]+\s+){0,2}?(?:{ROLE})
                |(?-i:(?!It\b|This\b|That\b|The\b|A\b|An\b|We\b|I\b)[A-Zꙮ][a-z]+)(?=,?\s+who\b|\s*[;,]\s*(?:his|her|their)\b|\s+from\s+|\s+(?:has|had)\s+[a-z]+ed\b))
            # Authorship idioms: "has Lorcan's fingerprints all over it", "has Tibor written all
            # over it", "is Maren's handiwork", "has Fenwick's name on it".
            | (?:{BAD_OUTCOME}|broken|corrupted|deleted|wiped|failed|botched|mangled|dropped|lost|leaked|down)\b[^.!?\n]{0,30}?
                (?:\b(?:has|had|with)\s+{SOMEONE}(?:['’]s)?\s+(?:(?:name|fingerprints|prints|hallmarks)\s+
                (?:written\s+)?all\s+over\s+it|written\s+all\s+over\s+it)\b
                |\b(?:is|was|are|were)\s+(?:all\s+)?{SOMEONE}['’]s\s+handiwork\b)
            # (Only a harm "has X's name on it": "the fix has Mirela's name on it" is credit.)
            | {BAD_OUTCOME}\b[^.!?\n]{0,30}?\bhas\s+(?:{OTHER}|@[\w-]+|(?-i:[A-Zꙮ][a-z]+))['’]s\s+name\s+on\s+it\b
            # A tally: "Three outages this quarter, three times it was Vasco".
            | \b(?:two|three|four|five|six|\d+)\s+times\s+it\s+was\s+{SOMEONE}\b(?!\s+who\s+(?:found|fixed|saved|caught|spotted|rescued|noticed|resolved|restored))
            | \bevery\s+(?:single\s+)?time\s+it(?:['’]s|\s+is|\s+was)\s+{SOMEONE}\b
            # The bisect as the pointing finger: "The bisect points straight at Mirela".
            | \bbisect\w*\s+(?:points?|pointed|lands?|landed)\s+(?:straight\s+|squarely\s+|right\s+)?(?:at|to)\s+{SOMEONE}\b(?!['’]s\s+(?:fix|revert))
            # Made to answer for it: "I expect the engineer who dropped the table to explain
            # himself to the board", "I want whoever signed off on it in my office".
            | \bexplain\s+(?:himself|herself|themselves|themself)\b
            | \b(?:want|need|expect)\s+(?:whoever|the\s+(?:[\w-]+\s+)?(?:{ROLE})\s+who)\b[^.!?\n]{0,60}?\bin\s+my\s+office\b
            | \b(?:someone|somebody|whoever|they|he|she)\s+(?:needs?|has|have|must|will|should)\s+(?:to\s+)?answer\s+for
                \s+(?:this|that|it)\b
            | \b(?:want|demand)\s+(?:them|him|her|the\s+\w+)\s+named\s+publicly\b
            # A world with someone else at the helm: "With anyone but Malachy at the console,
            # this would have been a blip", "if Sunniva were running it instead of Jory, …",
            # "Had Viveka kept her hands off the load balancer, …".
            | \b(?:anyone|anybody)\s+(?:but|other\s+than|except)\s+{SOMEONE}\b[^.!?\n]{0,80}?\b(?:would|we['’]d)\b
            | \binstead\s+of\s+{SOMEONE}\s*,?\s+(?:we['’]d|we\s+would|it\s+would|this\s+would
                |the\s+[\w-]+\s+would)\b
            | \b(?:had|if)\s+{SOMEONE}\s+(?:had\s+)?(?:kept|stayed|left)\s+(?:his|her|their)\s+(?:hands|fingers)
                \s+off\b
            )
        """,
            ),
            Check(
                # Sarcasm and rhetoric that name the person without a verb of harm.
                triggers=(
                    *(
                        "enough to",
                        " of you to",
                        " of him to",
                        " of her to",
                        " of them to",
                        "only took",
                        "only broke",
                    ),
                    *(
                        "impressive",
                        "lovely",
                        "superb",
                        "wonderful",
                        "excellent",
                        "slow clap",
                        "bravo",
                    ),
                    *("how many more", "right mind", "funny how", "strange how", "odd how"),
                    *("coincidence", "nothing says", "the moment", "the minute", "the second"),
                    *("one job", "1 job"),
                ),
                pattern=r"""
            (?P<span>
            # The taunt that one duty was all anyone asked: "You had one job."
              (?:\byou|\b(?:he|she|they)|@[\w-]+|(?-i:\b[A-Zꙮ][a-z]+)|\bthe\s+(?:[\w-]+\s+)?(?:{ROLE}))\s+(?:literally\s+)?
                had\s+(?:one|1|a\s+single)\s+(?:job|task)\b
            |
            # "nice of you to drop the index right before the demo" (not "to drop by").
              (?:\b(?:nice|kind|good|thoughtful|considerate|sweet|lovely)\s+of\s+(?:you|him|her|them|@[\w-]+
                |(?-i:[A-Zꙮ][a-z]+))
              # "they were nice enough to delete all the resumes I had stored".
              | \b(?:was|were|is|are)\s+(?:\w+\s+)?(?:nice|kind|good|thoughtful|considerate)\s+enough)\s+to\s+(?:\w+ly\s+)?(?:drop(?!\s+(?:by|in|me|us|a\s+line|a\s+note)\b)|delete|wipe
                |break|nuke|kill|take\s+(?:\w+\s+){0,3}?down|trash|truncate|purge|force-push|rewrite|disable|reboot
                |restart)\b
            # Praise with the damage after it: "Lovely job on the migration, Teodoro, it only
            # took out payroll", "Impressive, Zephyrine: one commit and both data centres are down".
            | \b(?:lovely|impressive|superb|wonderful|excellent|great|nice|brilliant|stellar|fantastic|amazing
                |bravo|slow\s+clap)\b(?:\s+(?:job|work|one|stuff))?(?:\s+on\s+(?:the|that|this|your)\s+[\w-]+)?
                \s*[,:!]\s*(?:{OTHER}|@[\w-]+|(?-i:[A-Zꙮ][a-z]+))\s*[,:!]\s*[^.!?\n]{0,60}?
                \b(?:only\s+(?:took|broke|wiped|killed|cost)|(?:is|are|was|were)\s+(?:now\s+)?(?:down|dead|offline
                |broken|gone|on\s+fire|red))\b
            | \bbravo\s+to\s+whoever\s+(?:[\w-]+ed|set|put|let|cut)\b[^.!?\n]{0,80}?\b(?:dead|down|broken|outage
                |on\s+fire|offline|red)\b
            # Rhetoric: "How many more outages is Hollis going to cause", "Who in their right
            # mind runs a DROP on production", "Funny how the cache only falls over on the days
            # Makana is on call", "I'm sure it's a coincidence that … the same hour Gwilym …",
            # "Nothing says 'I tested this' like Thibault's patch …".
            | \bhow\s+many\s+more\s+(?:outages|incidents|times|pages|weekends|nights|rollbacks)\s+(?:is|are|will
                |does|do|has|have|must)\s+(?:{OTHER}|@[\w-]+|(?-i:[A-Zꙮ][a-z]+))\b
            | \bwho\s+in\s+(?:their|his|her|your)\s+right\s+mind\b
            | \b(?:funny|strange|odd|interesting|curious)\s+how\b[^.!?\n]{0,80}?\b(?:only|always|every\s+time
                |whenever)\b[^.!?\n]{0,60}?(?:{OTHER}|@[\w-]+|(?-i:\b[A-Zꙮ][a-z]+))\s+(?:is|was|touches|touched
                |deploys|deployed|merges|merged|pushes|pushed|gets)\b
            | \b(?:i['’]m|i\s+am)\s+sure\s+it(?:['’]s|\s+is|\s+was)\s+(?:just\s+|pure\s+|a\s+)*coincidence\s+that\b
            | \bnothing\s+says\s+['"“‘][^.!?\n]{1,40}?['"”’]\s+like\s+(?:{OTHER}|@[\w-]+|(?-i:[A-Zꙮ][a-z]+))
            # The harm the moment a person touched it: "the export died the moment Thibault
            # touched the mapping file".
            | \b(?:died|broke|crashed|fell\s+over|went\s+down|stopped\s+working|blew\s+up)\s+the\s+(?:moment|minute
                |second|instant|day)\s+(?:{OTHER}|@[\w-]+|(?-i:[A-Zꙮ][a-z]+))\s+(?:touched|deployed|merged|pushed
                |changed|logged\s+in|got\s+near|went\s+near|started)\b
            )
        """,
            ),
            Check(
                # Sarcasm: thanks or praise for the damage itself.
                triggers=(
                    *("bravo", "kudos", "hats off", "congrat", "geniuses", "rocket scientists"),
                    *("brain trust", "wizards", "masterminds", "well done", "gg", "ty ", "thx"),
                    "thank",
                    "great",
                    "nice",
                    "good job",
                    "good work",
                    "awesome",
                    "brilliant",
                    "appreciate",
                    "flawless",
                    "stellar",
                    "fantastic",
                    "amazing",
                    "perfect",
                    "kind of",
                    "thoughtful",
                    "considerate",
                ),
                pattern=r"""
            (?P<span>
              \b(?:thanks|thank\s+you|ty|thx)(?:\s+(?:a\s+lot|a\s+bunch|so\s+much|again|\w+))?\s*
                # The person thanked may stand between: "Thanks a lot, @juno, for wiping …".
                (?:,?\s*(?:{OTHER}|(?-i:[A-Zꙮ@][\w'’-]+))\s*,?\s*)?for\s+(?:\w+ly\s+)?{HARM_GERUND}\b
            # Mock praise for the harm itself: "great job deleting the staging database".
            | \b(?:great|nice|good|awesome|brilliant|well)\s+(?:job|work|one|done)\s*,?\s+(?:on\s+)?(?:\w+ly\s+)?
                {HARM_GERUND}\b
            | \b(?:great|nice|good|awesome|brilliant)\s+(?:job|work|going|one)\b[^.!?\n]{0,40}?
                \b(?:you|@[\w-]+|they|he|she)\s+(?:\w+\s+)?(?:broke|deleted|wiped|took\s+(?:\w+\s+)?down
                |crashed|nuked|killed|dropped|trashed)\b
            # "really appreciate you nuking staging right before the demo".
            | \b(?:appreciate|thanks?)\s+(?:you|@[\w-]+|(?-i:[A-Zꙮ][a-z]+))\s+(?:\w+\s+){0,2}?{HARM_GERUND}\b
            # Praise for a deploy that broke things: "another flawless deploy from the
            # platform crew, only three regions down", "great job @x, … a dropped table 🙃".
            | (?:\b(?:great|nice|awesome|brilliant|stellar|flawless|fantastic|amazing|perfect)\s+(?:job|work|one
                |deploy|release|rollout|migration|change)|(?:^|(?<=\n)|(?<=\s))gg)\b[^.!?\n]{0,60}?(?<!nothing\s)(?<!\bno\s)(?<!zero\s)
                \b(?:down|dropped|broken|outage|wiped
                |deleted|crashed|dead|5\d\ds|5xx|errors|toast|nobody\s+can|no\s+one\s+can|offline
                |can['’]?t\s+log\s+in|cannot\s+log\s+in|is\s+red)\b(?![^.!?\n]{0,30}\b(?:resolved|restored|fixed|recovered
                |mitigated|back\s+up|stopped|gone|cleared)\b)
            # "Bravo to the networking crew for turning a ten-minute change into a six-hour outage".
            | \b(?:bravo|kudos|hats\s+off|congrats|congratulations)\s+(?:to\s+)?[^.!?\n]{1,60}?\bfor\s+
                (?:breaking|taking\s+(?:[\w-]+\s+)?down|wiping|deleting|nuking|crashing|turning\s+(?:[\w-]+\s+){0,6}?
                into\s+(?:an?\s+)?(?:[\w-]+\s+)?(?:outage|disaster|mess|incident|fire))\b
            | \b(?:bravo|kudos|hats\s+off|well\s+done)\s+(?:to\s+)?whoever\s+(?:decided|thought|figured)\b
            # "Another stellar deploy from the geniuses on the fourth floor".
            | \bthe\s+(?:geniuses|rocket\s+scientists|brain\s+trust|wizards|masterminds)\s+(?:on|in|at|from|over|behind)\b
            # "Nice of the platform team to tell us … after it broke everything."
            | \b(?:nice|good|kind|thoughtful|considerate)\s+of\s+(?:[\w@-]+\s+){1,3}?to\s+(?:\w+\s+){1,8}?
                (?:after|once|only\s+after)\s+it\s+(?:had\s+)?(?:broke|broken|went\s+down|failed|crashed)\b
            )
        """,
            ),
            # "The on-call ignored three pages", "Ines skipped the staging soak": setting
            # a warning or a step aside is told as a choice against the rules.
            frame(frozenset({OTHER}), "disregard"),
        ),
    ),
)
