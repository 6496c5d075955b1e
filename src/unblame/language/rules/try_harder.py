"""Rules for remedies that rely on people trying harder (UB5xx).

After the RCA² action hierarchy: training, reminders, warnings, policies and
manual double checks are weak actions; forcing functions, automation and
simplification are strong ones. A remedy that also names a strong action
(the STRONG slot) is not flagged.
"""

from __future__ import annotations

from ..finding import Category, Severity
from ..lexicon import CARELESS, CARELESS_TRIGGERS
from ..rule import Check, Rule

RCA2 = (
    "RCA² action hierarchy (NPSF 2015; VA National Center for Patient Safety); "
    "Lunney, Lueder & Beyer, ';login:' Spring 2017"
)

SUGGESTION = (
    "Propose a change to the system instead: an automated check, a safer default, a "
    "confirmation step, an alert or a limit. For example, 'make sure the engineer checks "
    "the schema' becomes 'add an automated presubmit check for schema changes'."
)

PEOPLE = r"""
    (?:(?:[\w-]+\s+)?(?:{ROLE})|everyone|everybody|people|folks|staff|devs|the\s+person(?:\s+\w+ing)?|all\s+(?:\w+\s+)?(?:{ROLE})
    |(?:the|our|all)\s+(?:\w+\s+){0,2}?(?:{ROLE})|them|him|her|us|you)
"""

# What makes a plea for care no plea (UB501 and UB504 alike): a system change named beside
# it, the weak remedy turned down, a how-to step, or help asked for now.
NOT_ASKED_OF_PEOPLE = r"{STRONG} | {REJECTED_REMEDY} | {HOW_TO} | {LIVE_REQUEST}"

RULES = (
    Rule(
        code="UB501",
        name="be-more-careful-remedy",
        category=Category.TRY_HARDER,
        severity=Severity.WARNING,
        message="The remedy asks people to be more careful.",
        rationale=(
            "Vigilance is the weakest remedy: people were already trying to be careful. "
            "It fades within weeks and does nothing for the next person in the same spot."
        ),
        source=RCA2,
        suggestion=SUGGESTION,
        bad=(
            "Lesson: always double-check before you deploy.",
            "Anyone touching billing code should triple-check their math.",
            "Lesson learned: read the diff twice before you approve.",
            "Reviewers should look more closely at infrastructure diffs.",
            "Mei will manually cross-check the invoice totals each month.",
            "Action item: stay focused during deploys and avoid multitasking.",
            "Two engineers must eyeball every production change.",
            "We need to be more careful when editing the load balancer config.",
            "I'll pay more attention to the canary next time.",
            "Engineers should double-check the region before running the script.",
            "Everyone should think twice before force-pushing.",
            "Double-checking the amount with a colleague would add another safety net.",
            "Careful manual testing on a canary host is the minimum required for such changes.",
            "Don't get sloppy with the feature flags on release day.",
        ),
        good=(
            "Who has access to the DNS console? I'd like a second set of eyes on this record.",
            "The reconciliation job cross-checks the invoice totals each month.",
            "We looked closely at the heap dump and found the leak.",
            "The deploy script double-checks the region before it runs.",
            "Add a presubmit check so the canary result blocks the merge.",
            "The alert now pays attention to p99 latency as well as errors.",
            "Be careful: this endpoint deletes data.",
            "The job's double-checking of totals would have caught this earlier.",
            "Careful testing found the race before it shipped.",
            "Don't be lazy-loading the whole config on every request; load it once.",
            "Asking engineers to be more careful is what we tried after the last outage.",
        ),
        triggers=(),
        pattern=(
            Check(
                triggers=(
                    "careful",
                    "vigilant",
                    "cautious",
                    "attentive",
                    "diligent",
                    "mindful",
                    "disciplined",
                    "rigorous",
                    "care",
                    "attention",
                    *CARELESS_TRIGGERS,
                ),
                pattern=rf"""
            # Carelessness forbidden is care asked for: "don't be sloppy with the flags".
            (?P<span>\b(?:don['’]t|do\s+not|never|stop|quit)\s+(?:be|being|get|getting)\s+(?:so\s+|too\s+)?{CARELESS}
            | \bbe\s+less\s+{CARELESS}
            | \b(?:be|being|been|stay|remain)\s+(?:\w+\s+)?(?:more|extra|very|really|super|especially
                |doubly|a\s+(?:bit|lot)\s+more)\s+(?:careful|vigilant|cautious|attentive|diligent|mindful
                |disciplined|rigorous)\b
            | \b(?:be|being)\s+(?:careful|vigilant|cautious)\s+(?:next\s+time|in\s+(?:the\s+)?future
                |from\s+now\s+on|going\s+forward)
            | \bpay\s+(?:more\s+|closer\s+|extra\s+|better\s+|special\s+)attention\b
            | \btake\s+(?:more\s+|extra\s+|better\s+|special\s+|greater\s+)care\b
            | \btake\s+care\s+(?:next\s+time|in\s+(?:the\s+)?future|from\s+now|going\s+forward)
            | \battention\s+to\s+detail\b)
        """,
            ),
            Check(
                triggers=(
                    "twice",
                    "harder",
                    "stay ",
                    "multitask",
                    "slow down",
                    "eyeball",
                    "always",
                    "manually",
                ),
                pattern=r"""
            (?P<span>\bthink\s+twice\b
            | \btry\s+harder\b
            | \bstay\s+(?:alert|focused|sharp)\b
            | \bavoid\s+multi-?tasking\b
            | \bslow\s+down\s+and\b
            | \bmanually\s+(?:[\w-]+\s+)?(?:verify|check|cross-check|review|inspect|confirm|compare
                |validate|approve)\b
            | \beyeball\w*\b
            | \b(?:read|check|review|look\s+at)\s+(?:\w+\s+){0,3}?twice\b
            | \balways\s+(?:double-)?check\s+which\b)
        """,
            ),
            Check(
                triggers=("double", "triple"),
                pattern=r"""
            (?P<span>{PERSON}\s+(?:[\w-]+\s+){0,3}?(?:should|must|need\s+to|needs\s+to|will|'ll|have\s+to|to)\s+
                (?:always\s+)?(?:manually\s+)?(?:(?:double|triple)\s+and\s+)?{RECHECK}
            | (?:(?<=\n)|(?<=\.\ )|(?<=\A)|(?<=:\ )|\bplease\s+)\s*(?:always\s+)?{RECHECK}\b)
        """,
            ),
            Check(
                triggers=("closely", "carefully", "properly", "thoroughly"),
                pattern=r"""
            (?P<span>\b(?:should|must|need\s+to|needs\s+to|will|to)\s+(?:\w+\s+){0,2}?(?:look|read|review|check
                |inspect|scrutini[sz]e|watch|monitor)\s+(?:[\w-]+\s+){0,4}?(?:more\s+)?(?:closely|carefully|properly
                |thoroughly)\b)
        """,
            ),
            # Care itself named as the safeguard: "double-checking with a colleague
            # would add a sense check", "careful testing is the minimum required".
            Check(
                triggers=("checking", "careful"),
                pattern=r"""
            (?P<span>\b{RECHECK}ing\b(?:[^.;:!?]{0,100}?)\b(?:may|might|would|will|could|should
                |can)\s+(?:\w+\s+)?(?:provide|help|add|prevent|avoid|reduce|catch|give|ensure)\b
            | \bcareful(?:ly)?\s+(?:\w+\s+){0,2}?(?:testing|review(?:ing)?|checking|verification)\b
                (?:[^.;:!?]{0,100}?)\b(?:is|are|remains?)\s+(?:the\s+|a\s+)?(?:bare\s+)?(?:minimum|required|needed
                |essential|key|must|mandatory|expected)\b)
        """,
            ),
        ),
        unless=NOT_ASKED_OF_PEOPLE,
    ),
    Rule(
        code="UB502",
        name="training-or-reminder-remedy",
        category=Category.TRY_HARDER,
        severity=Severity.WARNING,
        message="The remedy relies on training or reminding people.",
        rationale=(
            "Training and reminders treat the gap as missing knowledge in people. They are "
            "weak actions: they fade, and new people arrive without them. A reminder sent "
            "by a system at the right moment is a different, stronger thing."
        ),
        source=RCA2,
        suggestion=SUGGESTION,
        bad=(
            "Corrective action: counsel the operator on proper procedure.",
            "The wider team was reminded to follow procedure.",
            "All dispatchers received a written reminder of the call-back protocol.",
            "The night operator was retrained on the isolation procedure.",
            "The trust will ensure all ward staff receive refresher training.",
            "Encourage new contributors to run the linters before pushing.",
            "- [ ] Retrain support staff on the escalation matrix",
            "Sofia to be retrained on the billing admin tool.",
            "Everyone on the rotation must re-read the incident response handbook.",
            "Chidi to attend the secure coding refresher course.",
            "Action: emphasise the importance of following the runbook to all SREs.",
            "Remind engineers to drain the node before patching.",
            "Retrain the on-call staff on the failover runbook.",
            "More training for new hires on the deploy process.",
            "Add an action item to remind the person releasing to update the changelog.",
            "The fix is to make it very clear to release managers that this step is mandatory.",
        ),
        good=(
            "The review bot reminds the author when the checklist is incomplete.",
            "We will review the alert thresholds in the next sprint.",
            "Retrain the model with last week's labelled data.",
            "The release bot reminds the author to update the changelog.",
            "I was reminded of the 2019 outage when the same alert fired.",
            "The fraud model was retrained on last month's traffic.",
            "I was trained as a nurse in 2009.",
            "Add a pre-deploy hook that drains the node automatically.",
            "The new banner makes it obvious to reviewers which files are generated.",
        ),
        triggers=(),
        pattern=(
            Check(
                triggers=(
                    "remind",
                    "warning",
                    *("advise", "encourage", "urge"),
                    *("memo", "letter", "ltr ", "notice", "bulletin", "circular"),
                    "train",
                    "educat",
                    "coach",
                    "instruct",
                    "tell",
                    "brief",
                    "awareness",
                    "send",
                    "re-read",
                    "reread",
                    "familiar",
                    "review",
                    "course",
                    "workshop",
                    "class",
                    "refresher",
                    "module",
                    "learning",
                    "shadow",
                    "quiz",
                    "emphasi",
                    "stress",
                    "reinforce",
                    "reiterate",
                    "underline",
                    "highlight",
                    "lesson",
                    "counsel",
                    "drilled",
                    "instructed",
                    "told",
                    "asked not",
                    "ordered not",
                    "clear",
                    "obvious",
                    "known",
                    "visible",
                    *(
                        "advised",
                        "encouraged",
                        "re-stat",
                        "restat",
                        "responsib",
                        "up to each",
                        "up to every",
                    ),
                    "up to the individual",
                ),
                pattern=rf"""
            (?P<span>
              \b(?:remind|reminding|retrain|re-train|train|educate|educating|coach|instruct|tell|brief|counsel)\s+
                {PEOPLE}\b
            | \b(?:more|additional|better|extra|mandatory|refresher|further)\s+training\b
            | \btraining\s+(?:for|on)\s+(?:the\s+)?(?:{{ROLE}}|everyone|all|new\s+hires?)
            | \bawareness\s+(?:training|campaign|session|email)s?\b
            | \bsend\s+(?:a\s+|an\s+)?(?:reminder|announcement|email|memo)\s+(?:\w+\s+){{0,2}}?
                (?:to\s+)?(?:all|everyone|the\s+team|engineers)\b
            # The same told as done: "Letter distributed to all maintenance personnel".
            | \b(?:memo|letter|ltr|notice|bulletin|reminder|circular)s?\s+(?:was\s+|were\s+|has\s+been
                |have\s+been|will\s+be\s+)?(?:distributed|sent|issued|circulated|given)\s+to\s+(?:all|every|each)\s+
                (?:[\w-]+\s+)?(?:staff|personnel|employees?|engineers?|operators?|workers?|technicians?|nurses?|drivers?
                |crews?|members?|teams?|hands)\b
            | \b(?:be|get|been|being|are|is)\s+(?:re-?)?(?:trained|reminded|retrained|educated|coached|briefed|instructed|counsell?ed
                # "counselled and drilled so this never happens again" (a failover is drilled,
                # but only people "are drilled").
                |drilled)\b
            # Told as done in a report: "the operator was retrained", "the aide was educated
            # by the director on fall prevention" (not "I was trained as a nurse in 2009").
            | {PEOPLE}\s+(?:was|were)\s+(?:\w+ly\s+)?(?:retrained|re-trained|re-?educated|counsell?ed|re-?briefed)\b
            | {PEOPLE}\s+(?:was|were)\s+(?:\w+ly\s+)?(?:educated|trained|coached|instructed)\s+(?:by\s+(?:the\s+|a\s+|an\s+)?
                (?:[\w-]+\s+){{1,3}}?)?(?:on|about|regarding)\b
            # Training to be had by all: "ensure existing staff have appropriate training".
            | \bensure\s+(?:that\s+)?(?:all\s+|existing\s+|its\s+|their\s+|relevant\s+)*(?:staff|employees|personnel
                |engineers|operators|workers|members)\s+(?:have|receive|complete|undertake|attend)\s+(?:\w+\s+){{0,4}}?
                (?:training|module|course|e-?learning|refresher)\b
            # People urged to take care: "encourage new contributors to run the tests", "we
            # advise you to always follow up".
            | \b(?:encourage|advise|urge)\s+{PEOPLE}\s+to\b
            # Told as done, of a rule: "all staff were reminded of the protocol", "staff
            # received a written reminder of the policy" (not "I was reminded of 2019").
            | \b(?:were|was|got|received|have\s+received|has\s+received|were\s+(?:given|sent))\s+(?:a\s+|an\s+)?
                (?:\w+\s+)?(?:reminded|reminders?|warnings?|memos?)\s+(?:of|about|on|regarding)\s+(?:the\s+|our\s+|their\s+)?
                (?:[\w-]+\s+)?(?:protocols?|polic(?:y|ies)|procedures?|process|rules?|runbooks?|checklists?|guidelines?
                |importance|requirements?|need)\b
            | \b(?:reminded|retrained|instructed|told|counsell?ed|advised|encouraged)\s+to\s+(?:always\s+|never\s+)?
                (?:follow|use|check|read|be|watch|look|double-check|test|verify|review|confirm|run|wait|slow|pay|take)\b
            # A prohibition for people as the remedy: "operators were told not to touch the panel"
            # (one person barred from deploying is a sanction, UB503's).
            | \b(?:were|are|have\s+been)\s+(?:\w+ly\s+)?(?:told|instructed|ordered|asked)\s+not\s+to\s+
                (?:touch|run|deploy|push|change|use|merge|restart|edit|modify|open|unplug|do)\b
            | \bre-?(?:read|familiari[sz]e|familiari[sz]ing|review)\s+(?:\w+\s+){{0,3}}?(?:the\s+)?(?:\w+\s+){{0,3}}?
                (?:runbooks?|handbooks?|docs|documentation|guides?|policy|policies|procedures?)\b
            | \b(?:attend|take|complete|do)\s+(?:the\s+|a\s+|an\s+)?(?:[\w"“”-]+\s+){{0,4}}?(?:course|training
                |workshop|class|refresher|module|e-?learning)\b
            | \bshadow\s+(?:\w+\s+)?(?:deploys?|deployments?|shifts?|on-?call|rotations?|releases?)\b
            | \bquizz?ed\b
            | \b(?:emphasi[sz]e|stress|reinforce|reiterate|underline|highlight)\s+(?:\w+\s+){{0,4}}?
                (?:importance|that\s+(?:\w+\s+){{0,4}}?(?:means|is|are|must))
            | \b(?:reinforce|emphasi[sz]e|stress)\s+(?:with|to)\s+{PEOPLE}
            # Told again, in any tense, of a practice of care: "we have re-emphasised the
            # importance of following the checklist" (not "the outage highlighted the
            # importance of monitoring", a lesson about the system).
            | \b(?:re-?emphasi[sz]\w*|emphasi[sz](?:ed|ing)|stress(?:ed|ing)|reinforc(?:ed|ing)|reiterat\w+
                |re-?stat\w+)\s+(?:\w+\s+){{0,4}}?importance\s+of\s+(?:\w+ly\s+)?(?:following|checking|double-checking
                |being|paying|reading|verifying|reviewing|communicating|taking|adhering|sticking)\b
            # Care put on each person: "it is the responsibility of each engineer to verify their
            # changes", "up to every developer to test".
            | \b(?:responsibility\s+of\s+(?:each|every|the\s+individual|the)\s+(?:[\w-]+\s+)?(?:{{ROLE}}|person
                |individual)|(?:each|every)\s+(?:[\w-]+\s+)?(?:{{ROLE}})['’]s\s+responsibility|up\s+to\s+(?:each|every
                |the\s+individual)\s+(?:[\w-]+\s+)?(?:{{ROLE}}|person|individual)?)\s*to\s+(?:verify|check|test|ensure
                |make\s+sure|review|confirm|double-check|follow|read)\b
            | \bmake\s+(?:it|this|that)\s+(?:\w+\s+)?(?:clear|obvious|known|visible)\s+(?:to|for)\s+
                (?:our\s+|the\s+|all\s+)?(?:[\w-]+\s+)?(?:{{ROLE}}|everyone|everybody|people|staff|engineers
                |reviewers|managers)
            | \blessons?-learned\s+session\b
            )
        """,
            ),
            # Training named as the action item itself: "Staff retraining on the new console."
            # A check of its own: it reads from a line or sentence start, so only sentences
            # with the word ask it.
            Check(
                triggers=("training", "re-education", "reeducation"),
                pattern=r"""
            (?P<span>{SENTENCE_START}\W*(?:additional\s+|mandatory\s+|refresher\s+)?(?:staff|employee|operator
                |engineer|team|user|crew|nurse|driver)s?\s+(?:re-?training|training|re-?education)\b
                (?=\s*(?:[.,;:!)]|$)|\s+(?:on|for|in|about|around|and|to|with|covering)\b))
        """,
            ),
        ),
        unless=r"""
            \b(?:bots?|tools?|scripts?|system|cron|pipelines?|hooks?|jobs?|workflows?)\s+(?:\w+\s+)?
              (?:reminds|sends|posts|pings|nudges|notifies|asks)\b
            | \bautomat\w* | \bscheduled\b | {REJECTED_REMEDY}
        """,
    ),
    Rule(
        code="UB503",
        name="punitive-remedy",
        category=Category.TRY_HARDER,
        severity=Severity.ERROR,
        message="The remedy punishes a person.",
        rationale=(
            "Punishment teaches people to hide mistakes, so the next review learns less. It "
            "changes nothing in the system that let the action through."
        ),
        source=RCA2 + "; Allspaw (2012)",
        suggestion=(
            "Drop the sanction and name the safeguard the system lacked: a permission "
            "boundary, a confirmation step, a second approval enforced by tooling."
        ),
        bad=(
            "The engineer responsible has been spoken to.",
            "The contractor's account has been disabled.",
            "Take away Yusuf's admin rights on the billing account.",
            "Lars has been asked not to deploy without a buddy.",
            "Going forward, Kwame needs sign-off from his lead before any prod change.",
            "Issue a written warning to the engineer involved.",
            "Revoke Sam's production access for a month.",
            "We need to hold someone responsible for this.",
            "The contractor involved has been removed from the project.",
            "Appropriate action has been taken against the operator.",
        ),
        good=(
            "The engineer responsible for the runbook has been thanked.",
            "The old cron host has been removed from the inventory.",
            "The service account was disabled after the key rotation.",
            "Remove the stale deploy key and its access to the registry.",
            "Changes to the firewall need approval from the network owners group, enforced by the pipeline.",
            "Revoke the leaked token and rotate the keys.",
            "Production access now expires after eight hours by default.",
            "The service owner is responsible for the runbook.",
            "The token involved has been revoked and reissued.",
            "No one needs to be punished for a gap in the pipeline.",
            "Engineers hide near misses for fear of being disciplined.",
        ),
        triggers=(),
        pattern=(
            Check(
                triggers=("involved", "responsible", "at fault", "in question"),
                pattern=r"""
            (?P<span>\b(?:{ROLE}|person|individual|staff\s+member|colleague)\s+(?:involved|responsible|at\s+fault
                |in\s+question)\s+(?:\w+\s+){0,3}?(?:is\s+no\s+longer|has\s+been|have\s+been|was|were|will)\s+
                (?:\w+\s+){0,2}?(?:with\s+the\s+company|removed|reassigned|let\s+go|disciplined|coach\w*|retrain\w*
                |written\s+up|suspended|terminated|fired|dismissed|receiv\w+|warned)\b)
        """,
            ),
            Check(
                triggers=(
                    "warning",
                    "disciplin",
                    "fire him",
                    "fire her",
                    "fire them",
                    "fire the",
                    "improvement plan",
                    " pip",
                    "sham",
                    "punish",
                    "consequences",
                    "asked not",
                    "being trusted",
                    "reprimand",
                    "sanctioned",
                    "written up",
                    "stern",
                    "spoken",
                    "talked",
                    "words with",
                    "word with",
                    *("taken against", "removed from", "taken off", "stood down", "barred from"),
                    *("banned from", "suspended from"),
                ),
                pattern=r"""
            (?P<span>\b(?:written|verbal|formal|final)\s+warnings?\b
            # "We have spoken to the individuals concerned", "has had words with the engineer".
            | \b(?:spoken|talked)\s+(?:to|with)\s+the\s+(?:individuals?|people|person|engineers?|staff|employees?
                |operators?|developers?)\s+(?:concerned|involved|responsible|at\s+fault)\b
            | \bhad\s+(?:a\s+)?(?:words|word)\s+with\b
            # "has had a stern conversation with their manager".
            | \bstern\s+(?:conversation|talk|word|words|chat|discussion|email|reminder)\b
            | \bdisciplinary\b
            | \bdiscipline\s+(?:the|him|her|them)\b
            | \bfire\s+(?:him|her|them|the\s+(?:\w+\s+)?(?:{ROLE}))\b
            | \bperformance\s+improvement\s+plan\b
            | \bput\s+(?:\w+\s+)?on\s+a\s+pip\b
            | \bnam(?:e|ing)\s+and\s+sham(?:e|ing)\b
            | \bpunish\w*\b
            | \bconsequences\s+for\s+(?:\w+\s+)?(?:{ROLE}|people|anyone|whoever)\b
            | \b(?:been\s+)?asked\s+not\s+to\s+(?:deploy|merge|push|touch|run)\b
            | \bbefore\s+being\s+trusted\b
            # "Appropriate action has been taken against the staff member".
            | \baction\s+(?:has\s+been|have\s+been|was|were|will\s+be|is\s+being)\s+taken\s+against\b
            # Taken off the work: "the contractor has been removed from the account".
            | \b(?:{ROLE}|person|individual|staff\s+member|employee)s?\s+(?:has|have|had)\s+been\s+(?:removed|taken\s+off
                |stood\s+down|suspended|barred|banned)\s+from\b
            # "Anyone caught … will be reprimanded": a sanction promised.
            | \b(?:will|shall|would|is\s+going\s+to|are\s+going\s+to)\s+be\s+(?:\w+ly\s+)?(?:reprimanded|disciplined
                |sanctioned|written\s+up)\b)
        """,
            ),
            Check(
                triggers=("access", "permission", "rights", "privilege", "credential"),
                pattern=r"""
            (?P<span>\b(?:revoke|revoking|remove|removing|suspend|suspending|pull|pulling|take\s+away|taking\s+away
                |strip|stripping|(?<!would\s)(?<!could\s)(?<!might\s)(?<!may\s)(?:lose|loses|losing))\s+
                (?:(?-i:[A-Zꙮ][a-z]+)['’]s\s+|his\s+|her\s+|their\s+|the\s+(?:\w+\s+)?(?:{ROLE})['’]s\s+)?(?:\w+\s+)?
                (?:access|permissions?|rights|privileges|credentials|commit\s+rights)\b
            # The same told in the passive: "Jonas's deploy rights are suspended for a month".
            | (?:(?-i:\b[A-Zꙮ][a-z]+)['’]s|\bhis|\bher|\btheir|\bthe\s+(?:\w+\s+)?(?:{ROLE})['’]s)\s+(?:[\w-]+\s+)?
                (?:access|permissions?|rights|privileges|commit\s+rights)\s+(?:are|were|is|was|have\s+been|has\s+been
                |will\s+be)\s+(?:\w+ly\s+)?(?:suspended|revoked|removed|pulled|withdrawn|restricted|taken\s+away)\b)
        """,
            ),
            Check(
                triggers=("responsible", "accountable"),
                pattern=r"""
            (?P<span>\b(?:hold|held|holding)\s+(?:someone|somebody|people|him|her|them|the\s+\w+|\w+)\s+
                (?:personally\s+)?(?:responsible|accountable)\b
            # Accountable for a misstep, not for a goal: "will be held accountable for any
            # future breach" (not "teams are held accountable for their SLOs").
            | \b(?:be|been|being|are|is|were)\s+held\s+(?:personally\s+)?(?:responsible|accountable)\s+(?:for\s+(?:any\s+)?
                (?:future\s+|further\s+)?(?:breach\w*|mistakes?|errors?|incidents?|outages?|violations?|lapses?)|if|when)\b
            | \b(?:anyone|anybody|whoever|those|staff)\s+who\b[^.!?\n]{0,60}?\b(?:will|shall)\s+be\s+held\s+(?:personally\s+)?
                (?:responsible|accountable)\b)
        """,
            ),
            Check(
                triggers=(
                    "sign-off",
                    "signoff",
                    "approval",
                    "signature",
                    "responsible",
                    "involved",
                    "at fault",
                ),
                pattern=r"""
            (?P<span>\b(?:sign-?off|approval)\s+from\s+(?:his|her|their)\s+(?:lead|manager|supervisor|boss)\b
            | \b(?:manager|lead|supervisor)['’]s\s+(?:signature|sign-?off|approval)\b
            | \b(?:{ROLE}|person|people|individuals?)\s+(?:responsible|involved|at\s+fault)\s+(?:has|have|was|were|will\s+be)\s+(?:been\s+)?(?:spoken\s+to|talked\s+to|dealt\s+with|disciplined|reprimanded|let\s+go|written\s+up))
        """,
            ),
            # A person sanctioned as the response: "the two technicians were suspended pending
            # an investigation", "management suspended the operator", "Dana was fired".
            Check(
                triggers=(
                    *("fired", "sacked", "suspended", "dismissed", "terminated", "let go"),
                    *("demoted", "disciplined", "reprimanded"),
                ),
                pattern=r"""
            (?P<span>(?:{PERSON}|{NAMELIKE}|\b(?:both|all|two|three|several)\s+(?:of\s+them|\w+s))
                (?:\s+[\w-]+)?(?:\s+(?:and|or)\s+(?:the\s+)?(?:{ROLE}))?\s+(?:were|was|has\s+been|have\s+been|had\s+been|got|get|gets
                |will\s+be|are\s+being|is\s+being)\s+(?:both\s+|all\s+|\w+ly\s+|since\s+|then\s+)?
                (?:fired|sacked|suspended|dismissed|terminated|let\s+go|demoted|disciplined|reprimanded)\b
                (?!\s+(?:as\b|(?:from\s+)?(?:the\s+)?(?:queue|pool|cluster|rotation|process|job|thread|service)\b))
            | \b(?:fired|sacked|suspended|dismissed|demoted|disciplined|reprimanded)\s+(?:the\s+|both\s+|two\s+|all\s+)?
                (?:\w+\s+)?(?:{ROLE})\b)
        """,
            ),
            Check(
                triggers=("account",),
                pattern=r"""
            (?P<span>(?:{OTHER}|\bthe\s+(?:\w+\s+)?(?:{ROLE}))['’]s\s+(?:\w+\s+)?account\s+(?:has\s+been|was|will\s+be|is)\s+
                (?:disabled|suspended|locked|revoked|removed|deactivated)(?!\s+by\b))
        """,
            ),
        ),
        # A sanction ruled out is the blameless stance itself: "No one needs to be punished".
        unless=r"""
            \b(?:no\s+one|nobody|noone|not|never|n['’]t|without)\s+(?:\w+\s+){0,4}?(?:punish\w*|fired
            |disciplin\w*|reprimand\w*|sanction\w*|written\s+up)\b
            # Or turned down for another way: "rather than punish anyone, …", "instead of
            # firing somebody for the mistake, …".
            | \b(?:rather\s+than|instead\s+of)\s+(?:\w+\s+){0,2}?(?:punish\w*|fir(?:e|ing)|disciplin\w*
            |reprimand\w*|sanction\w*|blam\w*)\b
            # Or named as what people fear, the culture that punishment makes: "staff hide
            # errors for fear of being punished", "a culture of blame and discipline".
            | \b(?:for\s+fear\s+of|(?:afraid|scared|fearful)\s+of|culture\s+of|threat\s+of|worried\s+about)
              \s+(?:\w+\s+){0,2}?(?:punish\w*|fired|firing|disciplin\w*|reprimand\w*|sanction\w*|blam\w*
              |retaliation|retribution)\b
        """,
    ),
    Rule(
        code="UB505",
        name="manual-checklist-remedy",
        category=Category.TRY_HARDER,
        severity=Severity.INFO,
        message="A manual checklist or written policy as the remedy.",
        rationale=(
            "Checklists and written procedures help, but they still rely on a person "
            "following them under pressure. The RCA² hierarchy ranks them below forcing "
            "functions and automation; pair them with a check the system enforces."
        ),
        source=RCA2,
        suggestion=(
            "Keep the checklist if it helps, and add the step the system can enforce: a "
            "required check, a default, or a tool that performs the item itself."
        ),
        bad=(
            "Remediation: stricter enforcement of the existing checklist, with manager sign-off.",
            "Add a big red warning banner to the wiki page about the prod database.",
            "Establish deployment checklists to minimise mistakes.",
            "Create a written policy for database changes.",
            "Add a manual sign-off step before each release.",
        ),
        good=(
            "Add a note to the changelog about the new flag.",
            "Turn the release checklist into a pipeline stage that runs each item.",
            "The checklist generator reads the service catalogue.",
            "Document how the failover works in the architecture page.",
        ),
        triggers=(
            "checklist",
            "policy",
            "policies",
            "procedure",
            "sign-off",
            "signoff",
            "sign off",
            "approval",
            "review",
            "verification",
            "warning",
            "caution",
            "note",
            "reminder",
            "banner",
            "manager",
            "stricter",
        ),
        pattern=r"""
            (?P<span>
              \b(?:establish|create|introduce|write|add|follow|draft|adopt)\s+(?:a\s+|an\s+|new\s+)?
                (?:\w+\s+){0,2}?(?:checklists?|written\s+(?:policy|policies|procedures?)|policy\s+documents?
                |manual\s+(?:sign-?off|approval|review|verification)\s*(?:steps?)?)\b
            | \b(?:with|require|requires|needs?)\s+(?:a\s+)?manager(?:['’]s)?\s+(?:sign-?off|approval|signature)\b
            | \bstricter\s+(?:enforcement|adherence|compliance)\b
            | \b(?:add|put|place|pin)\s+(?:a\s+|an\s+)?(?:[\w-]+\s+){0,3}?(?:warning|caution|note|reminder|banner)s?
                \s+(?:\w+\s+){0,2}?(?:to|in|on|at\s+the\s+top\s+of)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?
                (?:wiki|runbooks?|docs?|page|readme|confluence|handbook)\b
            )
        """,
        unless=r"{STRONG}",
    ),
)
