"""Vigilance asked of people as the remedy (UB504): "double-check before merging",
"pay attention", "remind everyone to …", "make sure you …".

Split from `try_harder` (UB501-UB503, UB505) to keep each file readable; it shares
that module's suggestion, source and the test of what makes a plea no plea.
"""

from __future__ import annotations

from ..agents import AGENTS
from ..cues import frame
from ..finding import Category, Severity
from ..rule import Check, Rule
from .try_harder import NOT_ASKED_OF_PEOPLE, RCA2, SUGGESTION

RULES = (
    Rule(
        code="UB504",
        name="vigilance-instruction",
        category=Category.TRY_HARDER,
        severity=Severity.WARNING,
        message="The remedy tells people to remember or ensure something by hand.",
        rationale=(
            "'Make sure to…', 'remember to…' and 'do not do this again' leave the safeguard "
            "in people's memory, the very thing that failed. Unless the sentence also names "
            "a check, default or automation, the gap stays open."
        ),
        source=RCA2,
        suggestion=SUGGESTION,
        bad=(
            "Training is the first line of defence against a wrong valve.",
            "It is imperative that each operator verify the valve position before the test.",
            "This is why you don't just push to the release branch on a Friday.",
            "Review the access procedures daily.",
            "Don't get distracted while you are on call.",
            "Alarms must never be ignored.",
            "Kindly use a pull request for every change to the chart.",
            "Please *at least* make sure the build passes.",
            "Tags on the release branch must never be rewritten.",
            "Schema changes should be carefully reviewed before merging.",
            "You might want to run the linter locally before pushing.",
            "Can we make sure everyone re-reads the runbook before deploying?",
            "Please refrain from tagging releases by hand.",
            "Guys, please stop force-pushing to the release branches.",
            "Can you please follow semver from now on?",
            "Learn to read a stack trace before filing a bug.",
            "It's crucial to ensure that every migration gets a second pair of eyes.",
            "It would be nice if you tested the upgrade path before tagging.",
            "Integration tests must be run locally before a PR is opened.",
            "People need to stop merging without review.",
            "Ensure all staff are aware of the correct procedure for renewal.",
            "we need people to actually read the alerts",
            "Make sure you're on the right branch before you push.",
            "Ensure on-call engineers remember to hand over open incidents.",
            "Next time, slow down and read the diff.",
            "Just pay attention to which cluster your shell points at.",
            "Pairing on prod changes is a practice that should be followed by everyone.",
            "Add a requirement that migrations must be checked manually before each release.",
            "Camila will read every cron expression twice from now on.",
            "We need to ensure that every merge gets deployed the same day.",
            "Please check all links before sending the announcement.",
            "Make sure to drain the queue before restarting.",
            "Going forward I'll do my best to double-check the release notes.",
            "You must not tag a release while the nightly build is red.",
            "ALWAYS take a snapshot before touching the replica by hand.",
            "Please do not push to the release branch in the future.",
            "Perform a final check prior to release to ensure nothing is missing.",
            "Contributors must not merge their own changes to the release branch.",
            "Verify the bucket name twice before deleting anything.",
            "Next time ping the database team before a schema change.",
            "We have reminded the team of the importance of the change window.",
            "Verify the target account before you run the cleanup job.",
            "Please, always use the incident template.",
            "Carefully check the recipient list before sending.",
            "Do not work on production when you're tired.",
            "I won't make the same mistake twice.",
            "Make sure every test passes before merging.",
        ),
        good=(
            "Follow the procedure below to restore the volume.",
            "Deprecation warnings should not be ignored by the build.",
            "Please use the v2 endpoint for new integrations.",
            "Check out the release branch before you build the image.",
            "Make sure the new alert pages the database on-call.",
            "@rui, you should know that the nightly is red again.",
            "We hold a retro after each incident to learn from our mistakes.",
            "Can we add a merge queue before the next release?",
            "Each image should be verified by the signing job before publishing.",
            "You might want to restart the pod before deploying.",
            "The cache should never be rebuilt during peak hours.",
            "Please check the attached trace for the full stack.",
            "Please look at the status page for updates.",
            "The retry bug is fixed, so this timeout should never occur again.",
            "You can learn how to configure the exporter in the docs.",
            "Could you follow the steps in the README and send me the output?",
            "Folks, the deploy is done and the flags are back on.",
            "It is important to test the restore path in CI every week.",
            "It would be nice if you could add an IPv6 option.",
            "Integration tests must be run in CI before merging.",
            "Please review this PR when you have a minute.",
            "Just check the logs for the request ID and paste it here.",
            "The retention rule will be followed by the archiver on its next run.",
            "Add a requirement that CI must pass before the merge button unlocks.",
            "The queue needs to stop accepting writes when the disk is full.",
            "We were not aware of the rate limit until the vendor told us.",
            "Make sure the pipeline blocks merges without a green canary.",
            "We will rotate the keys automatically from now on.",
            "Add a CI job to make sure every merge gets deployed the same day.",
            "The retry logic ensures that requests are idempotent.",
            "Write end-to-end tests and make sure they gate the deploy.",
            "Remember, incidents are opportunities to learn!",
            "We will add a presubmit check so nobody has to remember the version bump.",
            "You should see a 200 from the health endpoint after the restart.",
            "You should now be able to pull the new image.",
            "Nobody should feel bad about this one.",
            "The team should decide by Friday whether to keep the gate.",
            "Read the migration notes in docs/upgrade.md for the new flags.",
            "Can you please check that the replica caught up before I fail over?",
            "You should protect the release branch so that force-pushes are refused.",
            "I tightened the branch protection rules, this shouldn't happen again.",
        ),
        triggers=(),
        pattern=(
            Check(
                triggers=("remind", "communicat", "emphasi", "reiterat", "brief", "asked"),
                pattern=r"""
            (?P<span>\b(?:remind\w*|re-?communicat\w+|re-?emphasi[sz]\w+|reiterat\w+|re-?brief\w*)\s+(?:\w+\s+){0,3}?
                (?:{ROLE}|everyone|everybody|people|staff|employees|contributors|team|org|organi[sz]ation|all)\b
            | \basked\s+(?:all\s+|our\s+|the\s+)?(?:{ROLE}|everyone|people|staff|employees|contributors)\s+to\s+
                (?:take|be|follow|double|check|read|pay|think|slow|stop|avoid)\b)
        """,
            ),
            Check(
                triggers=(
                    "sure",
                    "remember",
                    "verify",
                    "confirm",
                    "forget",
                    "ensure",
                    "ignore",
                    "skip",
                ),
                pattern=r"""
            (?P<span>(?:{PERSON}|everyone|engineers?)\s+(?:\w+\s+)?(?:need|needs|must|should|have|has|ought|will\s+need)
                \s+(?:to\s+)?(?:always\s+)?(?:make\s+sure|ensure|remember\s+to|verify|confirm|be\s+sure
                |not\s+forget|never\s+forget)\b
            | (?:(?<=\n)|(?<=\.\ )|(?<=\A)|(?<=:\ ))\s*(?:always\s+)?(?:make\s+sure\s+(?:that\s+)?(?:to\b|{PERSON})
                |remember\s+to
                |don't\s+forget\s+to|do\s+not\s+forget\s+to|never\s+forget\s+to|be\s+sure\s+to
                |never\s+(?:ignore|skip))\b
            | (?:(?<=\n)|(?<=\.\ )|(?<=\A)|(?<=:\ ))\s*ensure\s+(?:that\s+)?(?:all\s+|every\s+)?(?:[\w-]+\s+)?{PERSON}
            | \bnever\s+ignore\s+(?:any\s+)?(?:errors?|warnings?|alerts?)\b
            # People made to do it by hand: "Managers will ensure their teams read the runbook".
            | \b(?:ensure|make\s+sure)\s+(?:that\s+)?(?:their|the|all|our|every)\s+(?:[\w-]+\s+)?(?:teams?|staff
                |engineers|employees|people|reports|members|operators|developers|nurses|drivers|crews?)\s+(?:read
                |follow|know|understand|check|review|attend|complete|remember|re-?read)\b)
        """,
            ),
            Check(
                triggers=("please", "pls", "plz"),
                pattern=r"""
            (?P<span>\b(?:please|pls|plz),?\s+(?:\w+,\s+)?(?:always\s+)?(?:make\s+sure|ensure|remember|verify|confirm
                |double-check|don't\s+forget|do\s+not\s+forget|be\s+sure
                # Not a pointer to what is at hand: "please check the attached log", "please
                # read the thread above", "please look at the status page for updates".
                |{READING}(?!{POINTER_AT_HAND}))\b)
        """,
            ),
            Check(
                triggers=("again", "future", "from now", "going forward", "next time"),
                pattern=r"""
            # Not "so this issue should never occur again": an event foretold, no act asked.
            (?P<span>\b(?:please\s+)?(?:do\s+not|don't|never)\s+(?!(?:occur|happen|recur|repeat)\w*\s+again\b)
                (?:[\w-]+\s+){1,6}?(?:again|in\s+the\s+future
                |from\s+now\s+on|going\s+forward|next\s+time)\b
            | {PERSON}\s+(?:will|'ll|’ll|promises?\s+to)\s+(?:[\w-]+\s+){1,8}?(?:from\s+now\s+on
                |going\s+forward|in\s+(?:the\s+)?future|next\s+time)\b
            | \bnext\s+time,?\s+(?:\w+\s+){0,2}?(?:read|check|slow|be|look|think|verify|remember|make\s+sure
                |ask|wait)\b)
        """,
            ),
            Check(
                triggers=(
                    *("awareness", "zero-tolerance", "zero tolerance", "personally", "asked to"),
                    *("multitask", "focus fully", "certif", "re-pass", "competence", "from duty"),
                    *("enrol", "sign above", "poster", "sticker", "a sign"),
                ),
                pattern=r"""
            # Awareness, policy and certification as the fix: "heightened awareness among
            # operators", "a zero-tolerance policy", "must personally verify every script",
            # "re-certified before returning to shift", "enrol the rota in the course".
            # (Awareness as the remedy, among people or asked for; not "the heightened awareness
            # of the deploying developer … contributed to the fix", which describes.)
            (?P<span>\b(?:heighten(?:ed)?|rais(?:e|ed|ing)|increas(?:e|ed|ing))\s+(?:the\s+)?awareness\s+(?:among|across
                |amongst|in|within)\b
            | (?:(?<=\n)|(?<=\A)|(?<=:\s)|(?<=\bto\s)|(?<=\bwill\s)|(?<=\bmust\s)|(?<=\bshould\s))\s*(?:raise|heighten
                |increase)\s+(?:the\s+)?awareness\b
            | \bzero[-\s]tolerance\b
            | \b(?:must|will|should|shall)\s+personally\s+(?:verify|check|review|approve|sign|confirm)\b
            | \b(?:are|is|were|was|be|been)\s+asked\s+to\s+(?:pause|slow\s+down|take\s+(?:a|their|his|her)|double
                |focus|be\s+(?:more\s+)?(?:careful|mindful|vigilant))\b
            | \bfocus\s+fully\b|\bno\s+multitasking\b
            | \bre-?certif\w+|\bre-?pass(?:es|ed)?\s+(?:the|a|an|her|his|their)\b|\bcompetence\s+(?:re-?)?assessment
            | \bwithdrawn\s+from\s+duty\b|\b(?:access|rights)\s+(?:is|are)\s+paused\b
            | \benrol{1,2}(?:ed|ing)?\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?(?:in|on)\s+(?:a|the)\s+(?:[\w-]+\s+){0,3}?(?:course
                |training|class|workshop)\b
            | \b(?:put|place|hang|stick)\s+(?:up\s+)?(?:a|an)\s+(?:[\w-]+\s+){0,2}?(?:sign|poster|sticker)\s+(?:above|on
                |next\s+to|by|near|over)\b)
        """,
            ),
            Check(
                triggers=("vigilant", "alert", "attentive", "diligent", "cautious", "careful"),
                pattern=r"""
            # Vigilance promised as the fix: "The team commits to staying vigilant".
            (?P<span>\b(?:commit\w*\s+to|promis\w*\s+to|pledg\w*\s+to|vow\w*\s+to)\s+(?:stay|staying|remain
                |remaining|be|being)\s+(?:more\s+|extra\s+|especially\s+|particularly\s+)?(?:vigilant|alert
                |attentive|diligent|cautious|careful)\b)
        """,
            ),
            Check(
                triggers=("ignored", "overlooked", "skipped", "disregarded", "dismissed"),
                pattern=r"""
            # Heed asked of whoever receives a warning, the person left out by the passive:
            # "alarms must never be ignored", "warning signs should not be overlooked"
            # (not "… ignored by the parser", a tool's behaviour).
            (?P<span>\b(?:alerts?|alarms?|warnings?|warning\s+signs?|signs?|signals?|pages?|notifications?
                |checklists?|procedures?|rules|steps?)\s+(?:should|must|shall|can)(?:\s+not|\s+never|n['’]t)
                \s+be\s+(?:\w+ly\s+)?(?:ignored|overlooked|skipped|disregarded|dismissed)\b
                (?!\s+by\b))
        """,
            ),
            Check(
                triggers=("everyone's", "everyone’s"),
                pattern=r"""
            (?P<span>\beveryone['’]s\s+(?:job|responsibility)\b)
        """,
            ),
            Check(
                triggers=("need", "stop", "quit"),
                pattern=r"""
            (?P<span>\b(?:people|everyone|everybody|engineers|devs|developers|folks|you|the\s+team)\s+(?:need|needs|must|should|have)\s+to\s+(?:stop|quit)\s+\w+ing\b
            | \bneed\s+(?:people|everyone|engineers|folks|devs|the\s+team|you|staff)\s+to\s+(?:actually\s+|really\s+)?
                (?:read|check|look|pay|follow|think|be|remember)\b)
        """,
            ),
            Check(
                triggers=("aware",),
                pattern=r"""
            (?P<span>\b(?:are|is|be|been|being|stay|remain|were)\s+(?:made\s+|fully\s+)?aware\s+of\s+(?:the\s+)?(?:\w+\s+){0,2}?
                (?:procedures?|process|policy|policies|rules?|runbooks?|steps?|risks?)\b)
        """,
            ),
            Check(
                triggers=("perform",),
                pattern=r"""
            (?P<span>\bperform\s+(?:a|an)\s+(?:final|manual|careful|thorough|extra|second)\s+(?:check|review
                |verification|inspection)\b)
        """,
            ),
            Check(
                triggers=("write down",),
                pattern=r"""
            (?P<span>\bwrite\s+down\s+(?:the\s+)?(?:responsibilities|rules?|lessons?|expectations)\b)
        """,
            ),
            Check(
                triggers=("better", "best", "wiser", "advisable"),
                pattern=r"""
            (?P<span>\bit(?:'s|’s|\s+is|\s+was)\s+(?:probably\s+|usually\s+|always\s+)?(?:better|best|wiser|advisable)
                \s+to\s+(?:wait|double|check|ask|hold\s+off|not\s+merge|avoid\s+merging)\b)
        """,
            ),
            # Promises, directives to people and habits named as the fix, however worded.
            frame(AGENTS, "plea"),
        ),
        unless=NOT_ASKED_OF_PEOPLE,
        negatable=False,
    ),
)
