"""Cues over care left undone (`unblame.language.cues`): a check, step or watch a person
owed and did not give, said as an omission, as neglect or as a habit."""

from __future__ import annotations

import re

from .agents import ELIDED, GROUP, NOBODY, OTHER, SELF, Word
from .clause import Clause, Sentence, _Lazy
from .clause_subject import _skip_openers
from .cue_base import (
    _BECAUSE,
    _DISREGARD_RE,
    _NEGATIONS,
    _ON_PURPOSE_RE,
    _clause_text,
    _predicate,
    _reason_follows,
)
from .lexicon import RECHECK
from .verb_words import (
    _MODALS,
    NEGLECT_PARTICIPLES,
    past_form,
)

# Acts of attention only a person performs: "a failure to verify" is someone's, where
# "a failure to connect" or "to respond" is a machine's.
_ATTENTION_VERBS = (
    r"notice|check|test|verify|validate|review|read|follow|tell|inform|notify|communicate"
    r"|coordinate|consult|ask|wait|escalate|confirm|consider|reali[sz]e|recogni[sz]e|catch|spot|investigate"
    r"|inspect|examine|monitor|heed|acknowledge"
    r"|warn|remember|ensure|" + RECHECK
)

# The steps a change owes before it lands: "didn't compile before merging", "merged
# without rebasing" (the stems take "-ing").
_STEPS_OWED_VERBS = ("compile", "rebase", "lint")
_STEPS_OWED = "|".join(verb.removesuffix("e") for verb in _STEPS_OWED_VERBS)

# The steps of care a person's act can go "without": "merged without running the tests",
# "was shipped without checking the target". Read alike for a person's act and for a
# thing's passive ("running" as a step, not "running out of" disk).
_STEP_SKIPPED = (
    r"(?:validating|checking|testing|verifying|reviewing|telling|running(?!\s+out\b)|opening|building"
    r"|compiling|ensuring|making\s+sure|waiting|notifying|informing|consulting|asking|reading|looking"
    r"|confirming|following|coordinating|being\s+thorough|"
    + RECHECK
    + r"ing|(?:"
    + _STEPS_OWED
    + r")ing)"
)

# "without first draining it", "without draining connections first": "first" marks any
# act as the precaution it was.
_WITHOUT_FIRST = r"\bwithout\s+(?:first\s+\w+ing|\w+ing\s+(?:[\w'’-]+\s+){0,3}?first)\b"

# Deliberate acts of attention and care: what "did not" and "failed to" judge.
_CARE_VERBS = (
    _ATTENTION_VERBS + r"|look|announce|update|think|connect|document|see|monitor|respond|plan"
    r"|prepare|speak|raise|report|bother|provide|run|take|perform|adhere|comply|"
    + "|".join(_STEPS_OWED_VERBS)
)


_CARE_ADVERBS = (
    r"(?:properly|correctly|adequately|fully|carefully|thoroughly|sufficiently|accurately|appropriately"
    r"|effectively|visually|promptly)"
)


# A safeguard an act went without: "without a backup", "without review", "without a
# rollback plan". Its absence, told of a person's act, is care left undone.
_SAFEGUARD_NOUNS = (
    r"(?:(?:a|an|any|proper|prior|the\s+required)\s+)?"
    # Care graded short: "without a thorough round of regression testing".
    r"(?:(?:thorough|adequate|sufficient|careful|real|serious)\s+(?:(?:round|level|amount)\s+of\s+)?)?"
    r"(?:[\w-]+\s+)?(?:reviews?|approvals?|checks?"
    r"|sign-?offs?|plan|tests?|testing|validation|verification|canary|backups?|dry[- ]run|ticket|ci"
    # Not a bare "without warning", which says how suddenly something happened.
    r"|change\s+request|notice|warning(?<!without\swarning)|heads-?up|announcement"
    # Leave that was not given: "disabled two relays without authorization".
    r"|authori[sz]ation|permission|clearance|consent|permits?)"
)


# A safeguard carried out, the verb plain: "run the migration check", "use the
# available procedure". Left undone ("did not use the checklist", "his failure to follow
# the runbook"), it is care owed; "use" and "apply" alone are too plain to be care.
_SAFEGUARD_VERBS = r"(?:run|perform|complete|use|do|carry\s+out|follow|apply)"
_SAFEGUARD_CARRIED_OUT = (
    # Two verbs may share the safeguard: "failure to use and follow the procedures".
    rf"(?:{_SAFEGUARD_VERBS}\s+(?:and|or)\s+)?"
    # The article may go: "did not apply standard recovery procedures".
    rf"{_SAFEGUARD_VERBS}\s+(?:(?:the|a|an|any|its|their|his|her|available)\s+)?"
    r"(?:[\w-]+\s+){0,3}?(?:checks?|checklists?|tests?|reviews?|procedures?|protocols?|runbooks?"
    r"|dry[\s-]runs?)\b"
)


_WITHOUT_SAFEGUARD_RE = _Lazy(rf"\bwithout\s+{_SAFEGUARD_NOUNS}\b", re.IGNORECASE)


# Longer than it should have taken: "took way too long to notice", "the failover took far
# too long".
_TOO_LONG = r"(?:far\s+|way\s+|much\s+|a\s+bit\s+)?too\s+long"


_OMISSION_RE = _Lazy(
    rf"\b(?:did\s+not|didn[’']?t|never|had\s+not|hadn[’']?t|have\s+not|haven[’']?t)"
    rf"\s+(?:\w+ly\s+|even\s+|actually\s+)?(?:re-?)?(?:{_CARE_VERBS})(?:ed|d)?\b"
    # Care refused: "what you refused to check before shipping".
    rf"|\brefuse[sd]?\s+to\s+(?:{_CARE_VERBS}|fix)\b"
    # Care turned down by choice: "decided not to revert the breaking change".
    rf"|\b(?:decided|chose|opted|elected|refused)\s+not\s+to\s+(?:{_CARE_VERBS}|revert|roll\s+back|fix|warn"
    r"|announce|wait)\b"
    # "didn't properly hand over the pager": the adverb of care makes any act one.
    rf"|\b(?:did\s+not|didn[’']?t|never|had\s+not|hadn[’']?t|failed\s+to)\s+{_CARE_ADVERBS}\s+\w+"
    # Forgetting is always an omission, save forgetting to mention something.
    r"|\b(?:i|we|he|she|they)?['’]?d\s+forgotten\b|\bhad\s+forgotten\b"
    rf"|\bfail(?:ed|ing)\s+to\s+(?:\w+ly\s+)?(?:{_CARE_VERBS}|renew|mention|include|share|rotate|back\s+up|do|act"
    r"|intervene)\b"
    # What a check would have caught, missed: "missed a few edge cases", "missed the unit test".
    r"|\bmiss(?:ed|es)\s+(?:the|a|an|this|that|these|those|his|her|their|our|your|my|several|some|a\s+few|two|both"
    r"|all)\s+(?:[\w'’-]+\s+){0,2}?"
    r"(?:alerts?|warnings?|comments?|pages?|messages?|emails?|steps?|signs?|signals?|notifications?"
    r"|errors?|bugs?|typos?|changes?|reviews?|notes?|cases?|tests?|checks?|regressions?)\b"
    # Not a time or an event named by the noun: "missed the test window", "the review call".
    r"(?!\s+(?:windows?|meetings?|slots?|deadlines?|dates?|calls?|sessions?|days?)\b)"
    # Something left out of a piece of work: "missed this host in the last change".
    r"|\bmissed\s+(?:the|a|an|this|that|these|those|one|two|some)\s+(?:[\w'’.-]+\s+){1,3}?(?:in|during|from)"
    r"\s+(?:the|my|our|his|her|their|your|that|this)\s+(?:last|first|original|initial|previous)?\s*(?:[\w-]+\s+)?"
    r"(?:change|pr|pull\s+request|review|commit|patch|diff|migration|update|upgrade|rollout|config|script"
    r"|audit|list)s?\b"
    # A pronoun's thing missed in the work of checking: "missed it in review", "reviewed
    # it and missed it" (not "missed it", a meeting or a train as likely).
    r"|\bmissed\s+(?:it|that|this|them|those)\s+(?:too\s+|as\s+well\s+)?(?:in|during|when|while)\s+"
    r"(?:(?:my|the|his|her|their|your|our|a)\s+)?(?:[\w-]+\s+)?(?:review\w*|testing|tests?|prs?|pull\s+requests?"
    r"|checks?|checking|qa|audit|approv\w+)\b"
    r"|\b(?:reviewed|approved|checked|tested|read)\s+(?:it|this|that|them|the\s+[\w-]+)\s+and\s+(?:still\s+|also\s+)?missed\b"
    r"|\blet\s+(?:[\w-]+\s+){1,4}?slide\b"
    # "omitted to add the envelope": forgetting told in the register of a report.
    r"|\bomitted\s+to\s+\w+"
    # "missed updating the schema file": a step of the work left out.
    r"|\bmissed\s+(?:\w+ly\s+)?(?:updating|adding|running|bumping|changing|removing|including|testing"
    r"|checking|renaming|committing|pushing|tagging|rebuilding|building)\s+(?:the|a|an|my|our|this|that|it|its|his"
    r"|her|their)\b"
    # A step the rules required, not done: "did not complete the required checks".
    # … or a safeguard left unused: "did not use the checklist".
    r"|\b(?:did\s+not|didn[’']?t|had\s+not|hadn[’']?t|never)\s+(?:(?:complete|perform|conduct|carry\s+out|do"
    r"|obtain|document|record|submit)\s+(?:the\s+|a\s+|any\s+)?(?:required|mandatory|necessary|needed"
    rf"|scheduled|documented)\b|(?:\w+ly\s+)?{_SAFEGUARD_CARRIED_OUT})"
    r"|\bmiss(?:ed|ing)\s+(?:the|an?|our|every|any)\s+(?:\w+\s+)?(?:opportunity|chance|window)\b"
    r"|\bwithout\s+(?:anyone|anybody|someone|a\s+human)\s+\w+ing\b"
    # "forgot which step he was on": the place in the work lost.
    r"|\bforgot\s+(?:what|which|where)\s+(?:step|stage|host|server|machine|terminal|window|branch|environment)\b"
    r"|\b(?:forgot(?:ten)?|forgetting|neglected|neglecting)\s+to\s+(?!mention|say|tell|ask|reply|respond|attach|link|cc"
    r"|post|share)\w+"
    rf"|\b(?:forgot|forgotten)\s+(?:that|about)\b"
    rf"|{_WITHOUT_FIRST}"
    rf"|\bwithout\s+(?:(?:\w+ly|ever|even|first|once)\s+){{0,2}}(?:{_STEP_SKIPPED}|{_SAFEGUARD_NOUNS})\b"
    # Time not taken ("didn't take the time to read it"), not offered ("we would like to
    # take the time to apologise").
    r"|\b(?:not|never|n['’]t|failed\s+to|without)\s+(?:\w+\s+){0,2}?(?:take|taking|took|taken)\s+the\s+time\s+to\b"
    r"|\bslept\s+through\b"
    # Work kept from the check it owed: "did not subject the code to regression tests", "did
    # not have a second technician review the deployment".
    r"|\b(?:did\s+not|didn[’']?t|never|had\s+not|hadn[’']?t)\s+(?:\w+ly\s+)?(?:subject(?:ed)?|submit(?:ted)?|put|send|sent)\s+"
    r"(?:[\w'’-]+\s+){1,6}?(?:to|through|for)\s+(?:[\w'’-]+\s+){0,4}?(?:tests?|testing|reviews?|checks?|qa"
    r"|validation|approval|sign-?off)\b"
    r"|\b(?:did\s+not|didn[’']?t|never|had\s+not|hadn[’']?t)\s+have\s+(?:a|an|any|another|the|someone|anyone"
    r"|somebody)\s+(?:[\w-]+\s+){0,2}?(?:review|check|test|verify|approve|look\s+(?:at|over))\b"
    # A safety option left off: "didn't pass the dry-run flag", "never set a WHERE clause".
    r"|\b(?:did\s+not|didn[’']?t|never|had\s+not|hadn[’']?t)\s+(?:\w+ly\s+)?(?:pass|set|add|include"
    r"|specify|use|enable|turn\s+on)\s+(?:the|a|an|any)\s+(?:[\w-]+\s+){0,2}?(?:flag|option|switch"
    r"|dry-?run|where\s+clause|safety|safeguard|limit|filter|lock|guard|confirmation|--[\w-]+)\b"
    rf"|\b(?:was|were)\s+(?:too\s+|very\s+|really\s+|far\s+too\s+|way\s+too\s+)?slow\s+to\s+(?:{_CARE_VERBS}|act"
    r"|react|page|roll\s+back|revert|fail\s+over|restore|mitigate)\b"
    # "They took way too long to notice the queue".
    rf"|\btook\s+{_TOO_LONG}\s+to\s+(?:{_CARE_VERBS}|act|react|roll\s+back"
    r"|revert|escalate)\b"
    r"|\b(?:carefully|closely|thoroughly|loud|loudly|quickly|clearly|hard)\s+enough\b"
    # "has not reviewed too closely": care said to fall short without "enough".
    r"|\b(?:not|never|n['’]t)\s+(?:\w+\s+){0,2}?(?:too|very|that|so|all\s+that)\s+(?:closely|carefully"
    r"|thoroughly)\b"
    r"|\b(?:don['’]?t|doesn['’]?t|didn['’]?t|do\s+not|does\s+not|did\s+not)\s+even\s+(?:bother\s+to\s+)?\w+"
    r"|\b(?:skipped|omitted)\s+(?:\w+\s+)?(?:step|steps|check|checks|review|approval|tests?|canary|stage)\b"
    r"|\b(?:overlooked|ignored|disregarded|omitted|skipped)\s+(?:the|a|an|this|that|it|his|her"
    r"|their|our|several|two|both|all)\b",
    re.IGNORECASE,
)


_NEGATED_AGENT = frozenset({"none", "nobody", "no", "noone", "not", "neither"})


# What a negated agent ("nobody", "none of us") did not do, as a plain past verb: a check
# run ("ran the test suite", "ran the linter", "did a dry run") or anything done about a
# warning ("did anything about the warning"; not "did anything wrong").
_CHECK_RUN_RE = _Lazy(
    r"did\s+anything\s+(?:about|to\s+(?:stop|fix|prevent|address))\b|"
    r"(?:ran|run|executed|did|done|tried)\s+(?:the|a|an|any|their|our|its)\s+(?:[\w-]+\s+){0,2}?(?:tests?|test\s+suite"
    r"|suite|linter|lint|checks?|ci|build|dry[- ]run|smoke\s+tests?|canary|pre-?commit|validation"
    r"|migrations?\s+(?:locally|on\s+staging|first))\b",
    re.IGNORECASE,
)


_CARE_PAST_RE = _Lazy(
    r"picked|noticed|caught|checked|spotted|saw|reali[sz]ed|verified|tested|reviewed|read|thought"
    r"|looked|asked|questioned|flagged|objected|remembered|bothered|acted|responded|reacted"
    r"|intervened|escalated|followed|mentioned|raised|warned|investigated|considered|confirmed"
    r"|validated|double-checked|cared|acknowledged|answered|heeded|triaged"
    # Upkeep nobody did: "a flag that nobody removed", "nobody updated the runbook" (not
    # "nobody deleted anything", which denies a harm).
    r"|removed|updated|renewed|rotated|patched|documented|fixed|cleaned|migrated|bumped|revoked"
    # Watch kept and ground mapped: "neither operator monitored the queue", "nobody had
    # mapped the dependencies".
    r"|monitored|tracked|watched|maintained|mapped|audited"
)


# A deliberate act of care left undone, told in the passive: "the warning was
# missed", "the runbook step was skipped", "the change was made without review".
_CARE_PARTICIPLES = (
    r"followed|escalated|acted\s+(?:on|upon)|looked\s+at|checked|tested|reviewed|verified|validated"
    # Code or a drill never exercised: "the new path was never run before it shipped".
    r"|run|executed|exercised"
    r"|done|carried\s+out|obtained|written|read|noticed|caught|communicated|announced|reported"
    r"|raised|acknowledged|considered|consulted|updated|performed|heeded|addressed|investigated"
    r"|monitored|followed\s+up|picked\s+up|documented|peer[- ]reviewed|completed|signed\s+off"
    r"|renewed|mentioned|disclosed"
    # A release step whose absence is a lapse: "the version was not bumped", "the timer was
    # disabled while debugging and never re-enabled".
    r"|bumped|re-enabled|re-run|rerun|re-tested|retested"
    r"|filled\s+(?:in|out)"
)


# What finding a fault is called, past the care verbs: "the bug should have been spotted
# in staging". Only after "should have been": "the file was not found" tells of no one.
_FOUND_PARTICIPLES = r"spotted|detected|uncovered|flagged|identified|discovered|found|seen"

# The steps a passive grades: "could have been handled better".
_HANDLED_PARTICIPLES = (
    r"handled|done|managed|run|executed|communicated|coordinated|planned|tested|reviewed|approached"
)

_WATCHING_RE = _Lazy(
    r"(?:was|were)\s+(?:\w+ly\s+|really\s+|even\s+)?(?:watching|tracking|monitoring|checking|looking"
    r"|paying\s+attention|keeping\s+(?:an\s+eye|track|tabs))\b",
    re.IGNORECASE,
)
_ASKED_WHY_RE = _Lazy(
    r"\b(?:wonder(?:s|ed|ing)?|curious)\s+(?:why|how|whether|if)\b", re.IGNORECASE
)
_NOT_DETECTED_RE = _Lazy(
    r"\b(?:did\s+not|didn['’]t|never|had\s+not|hadn['’]t)\s+(?:\w+ly\s+)?detect\b", re.IGNORECASE
)

# "... acknowledged but not acted on": a clause that shares its subject starts at "not".
_BARE_NEGLECT_RE = _Lazy(rf"(?:not|never)\s+(?:\w+ly\s+)?(?:{_CARE_PARTICIPLES})\b", re.IGNORECASE)


# Acts a person performs, judged in a passive with hindsight: "the migration
# should not have been merged on a Friday", "the flag should have been removed".
_ACT_PARTICIPLES = (
    r"merged|deployed|shipped|released|pushed|approved|removed|deleted|dropped|applied|run"
    r"|rolled\s+(?:back|out)|reverted|restarted|disabled|enabled|rotated|renewed|declared|paged"
    r"|cancell?ed|postponed|delayed|migrated|upgraded|installed|configured|changed|started|stopped"
    r"|kept|left|turned\s+(?:on|off)|switched\s+(?:on|off)|split|pinned|bumped|tagged|paused|halted"
    r"|aborted|frozen|rebased|compiled|linted|backed\s+up|double-checked|load-tested|canaried"
)


# A neglect named as a noun, the agent left out as a passive leaves it: "the cause was the
# failure to thoroughly verify the upgrades" (not "a failure to connect": a machine's).
_FAILURE_TO_CARE = (
    r"(?:the|a|an|our|their|his|her|this)\s+(?:\w+\s+)?failure\s+to\s+(?:\w+ly\s+)?"
    rf"(?:(?:{_ATTENTION_VERBS})\b"
    # Or to carry out a safeguard: "his failure to run the migration check".
    rf"|{_SAFEGUARD_CARRIED_OUT})"
)

# A person's step, its timing judged: "the rollback should have happened sooner" (not "the
# page should have come sooner", a threshold's doing). The step is the subject's head.
_TIMED_STEPS = frozenset(
    {"rollback", "roll-back", "revert", "escalation", "failover", "fail-over", "decision"}
    | {"announcement", "communication", "response", "call"}
)
LATE_STEP_RE = _Lazy(
    r"should\s+have\s+(?:happened|come|started|begun|occurred|been\s+made)\s+(?:much\s+|a\s+lot\s+)?"
    rf"(?:sooner|earlier)\b|took\s+{_TOO_LONG}\b",
    re.IGNORECASE,
)

_NEGLECT_RE = _Lazy(
    _FAILURE_TO_CARE + "|"
    rf"should(?:n['’]t|\s+not|\s+never)?\s+have\s+been\s+(?:\w+ly\s+)?(?:{_CARE_PARTICIPLES}|{_ACT_PARTICIPLES}"
    rf"|{_FOUND_PARTICIPLES})\b"
    # A step graded as done worse than it could have been: "the migration could have been
    # handled better", "the comms should have been done differently".
    rf"|(?:could|should)\s+have\s+been\s+(?:\w+ly\s+)?(?:{_HANDLED_PARTICIPLES})\s+(?:much\s+|far\s+|a\s+lot\s+)?"
    r"(?:better|differently|more\s+(?:carefully|thoroughly|cautiously|quickly))\b"
    r"(?![^.!?\n]{0,40}?\b(?:by|with|through|if|had|via|using|once)\b)"
    # "could have been aborted": a step someone could have taken. "Could have been
    # noticed earlier" is a guess about attention, usually explained beside it.
    rf"|could\s+have\s+been\s+(?:\w+ly\s+)?(?:{_ACT_PARTICIPLES}|aborted|halted|paused|escalated)\b"
    # "This could easily have been avoided" (not "… avoided with a presubmit check", which
    # names what the system lacked).
    # "… could have been avoided by first reading the documentation": a step of care.
    r"|(?:could|would|should)\s+(?:\w+ly\s+)?have\s+been\s+(?:avoided|prevented|caught)\s+by\s+(?:(?:first|simply"
    r"|just|carefully|actually)\s+)?(?:reading|checking|testing|reviewing|looking\s+at|asking|verifying"
    r"|double-checking|following)\b"
    r"|(?:(?:could|should)\s+(?:\w+ly\s+)?have\s+been\s+(?:\w+ly\s+)?(?:avoided|prevented)"
    r"|(?:was|were)\s+(?:\w+ly\s+)?(?:preventable|avoidable))\b(?!\s+(?:by|with|through|if|had|via|using|once)\b)"
    rf"|(?:wasn['’]t|weren['’]t)\s+(?:\w+ly\s+)?(?:{_CARE_PARTICIPLES})\b"
    # The past perfect, negated before "been", tells of a step missed before the outage:
    # "the version had not been bumped" (not "the runbook hasn't been updated since …", a
    # present state).
    rf"|had(?:\s+not|n['’]t|\s+never)\s+been\s+(?:\w+ly\s+)?(?:{_CARE_PARTICIPLES})\b"
    # Avoidable by care graded short: "could have been avoided by a thorough reading of the
    # release notes" (not "… by a canary stage", the safeguard the system lacked).
    r"|(?:could|would|should)\s+(?:\w+ly\s+)?have\s+been\s+(?:avoided|prevented|caught)\s+(?:by|with|through)\s+"
    r"(?:a\s+|an\s+|some\s+)?(?:more\s+)?(?:thorough|careful|proper|closer|simple|basic|quick)\s+(?:[\w-]+\s+)?"
    r"(?:reading|read|review|look|check|checking|testing|test|attention|inspection|proofreading|glance)\b"
    # A choice of form judged after the fact: "this should've been a pull request", "that
    # should have been a major release" (not "a warning, not an error", a design).
    r"|should(?:['’]ve|\s+have)\s+been\s+(?:a|an)\s+(?:separate\s+|new\s+|proper\s+)?(?:pull\s+request|pr"
    r"|major(?:\s+version)?(?:\s+(?:release|bump))?|minor\s+(?:release|bump)|semver[- ]major|draft"
    r"|breaking\s+(?:release|change|version)"
    r"|separate\s+(?:commit|release))\b"
    r"|(?:was|were|got|gotten|wasn['’]t|weren['’]t|(?:had|has|have)\s+been|been)\s+(?:\w+ly\s+|just\s+|then\s+)?"
    rf"(?:(?:not|never)\s+(?:\w+ly\s+)?(?:{_CARE_PARTICIPLES})\b"
    # Not "was sorely missed": missed as longed for.
    r"|(?<!sorely\s)(?<!much\s)(?<!greatly\s)(?:"
    + "|".join(NEGLECT_PARTICIPLES)
    + r"|brushed\s+off|waved\s+off|shrugged\s+off)\b"
    r"|left\s+un\w+ed\b"
    r"|(?:went|gone|shipped|rolled)\s+out\s+without\s+(?:anyone|anybody|a\s+human|a\s+person)\s+\w+ing\b"
    rf"|\w+\s+(?:[\w-]+\s+){{0,6}}?without\s+(?:{_STEP_SKIPPED}\b|(?:the\s+)?required\b"
    r"|(?:anyone|anybody|someone|a\s+human|a\s+person)\s+\w+ing\b"
    rf"|{_SAFEGUARD_NOUNS}\b))"
    # "went ahead without a rollback plan".
    rf"|(?:went\s+ahead|proceeded|went\s+out|shipped|rolled\s+out)\s+without\s+{_SAFEGUARD_NOUNS}\b"
    r"|(?:went\s+ahead|went\s+out|shipped|rolled\s+out)\s+without\s+(?:anyone|anybody|a\s+human)\s+\w+ing\b"
    # "the deploy went ahead despite failing tests": the evidence set aside, whoever did.
    # Not "despite the holiday": the thing set aside is a warning or the evidence.
    r"|(?:(?:went|pushed|pressed|carried)\s+(?:ahead|on)|proceeded)\s+(?:anyway\s+)?despite\s+(?:the\s+|a\s+|an\s+"
    r"|all\s+|several\s+|multiple\s+|repeated\s+|two\s+|three\s+)?(?:[\w-]+\s+)?(?:warnings?|alerts?|alarms?"
    r"|errors?|failures?|failing|objections?|concerns?|tests?|canary|canaries|signs?|evidence|freeze|policy"
    r"|rules?|red)\b"
    # "the rollout was allowed to continue despite the error rate".
    r"|(?:was|were)\s+allowed\s+to\s+(?:continue|proceed|go\s+ahead|run|carry\s+on)\s+(?:\w+\s+){0,3}?"
    r"(?:despite|in\s+spite\s+of|regardless\s+of)\b"
    # "was acknowledged and then forgotten", "was flagged twice and never followed up".
    r"|(?:was|were)\s+\w+ed\s+(?:\w+\s+){0,5}?(?:and|but)\s+(?:then\s+)?(?:forgotten|ignored|dropped"
    rf"|(?:never|not)\s+(?:{_CARE_PARTICIPLES}))\b"
    # A person's step told as late, in the passive: "mitigating actions were taken late",
    # "the incident was declared too late" (not "the alert fired late", a threshold's).
    r"|(?:was|were)\s+(?:\w+ly\s+)?(?:taken|started|made|declared|escalated|rolled\s+back|initiated|begun"
    r"|called|paged|reverted|raised|communicated|announced|posted|updated)\s+(?:(?:far|way|much|a\s+bit)\s+)?"
    # Not a time of day: "updated late in the evening", "paged late last night".
    r"(?:too\s+)?late\b(?!\s+(?:in|at|on|that|this|last|into|night|evening|afternoon|morning)\b)"
    # "the rollback was delayed too long".
    r"|(?:was|were)\s+(?:\w+ly\s+)?(?:delayed|postponed|left|kept|held|put\s+off)\s+(?:\w+\s+){0,2}?too"
    r"\s+long\b"
    # "went out without validating it", "the pages went unanswered".
    r"|(?:went|gone|shipped|rolled)\s+out\s+without\s+(?:\w+ly\s+|first\s+)?(?:validat|check|test|review"
    r"|verify|confirm)ing\b"
    # Not "went unnoticed": an outage that nobody's monitoring saw is a gap in
    # detection, while a warning "went unread" was in front of someone.
    r"|(?:went|go|goes|gone)\s+un(?:read|answered|acknowledged|heeded|reviewed|tested|addressed)\b"
    # A step people take that the evidence called for: "should have resulted in a major
    # version bump", "should have prompted an escalation".
    r"|should\s+have\s+(?:resulted\s+in|led\s+to|prompted|triggered)\s+(?:a|an)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:rollback|roll-back|escalation|incident|page|review|revert|investigation|declaration"
    r"|(?:version\s+)?bump|major\s+(?:version\s+)?(?:change|release)|hotfix|postmortem|post-mortem)\b",
    re.IGNORECASE,
)


# Things that run by themselves: "the job was skipped" reports the scheduler.
_RUN_NOUNS = frozenset(
    {"job", "jobs", "run", "runs", "cron", "build", "builds", "heartbeat", "heartbeats", "batch"}
    | {"batches", "task", "tasks", "event", "events", "request", "requests", "packet", "packets"}
    | {"tick", "ticks", "tests", "test", "retry", "retries", "message", "messages", "deadline"}
    | {"slo", "sla", "target", "window"}
)


# The present progressive of the clause's own verb: "am merging", "'re skipping".
_DOING_NOW_RE = _Lazy(r"(?:am|are|['’]m|['’]re)\s+(?:\w+ly\s+)?\w+ing\b", re.IGNORECASE)


# Who may do what, a rule of the system: "should not be allowed to push …", "must be
# able to merge …".
_PERMISSION_RE = _Lazy(
    r"(?:should|must|shall|ought\s+to)(?:n['’]t|\s+not|\s+never)?\s+(?:\w+\s+)?be\s+(?:allowed|able"
    r"|permitted|possible)\s+to\b",
    re.IGNORECASE,
)
_CANNOT_RE = _Lazy(r"(?:can['’]?t|cannot|can\s+not|can\s+no\s+longer)\b", re.IGNORECASE)


# Between "nobody" and the verb it denies: "nobody had tested", "no one ever checked"
# ("that nobody has read" tells the state of things now, not a step left out then).
_PERFECT_OR_EVER = frozenset({"had", "ever", "actually", "even", "really"})


def omission(sentence: Sentence, clause: Clause) -> tuple[int, int] | None:
    """Where the clause dwells on a deliberate act of care that was not done."""
    fronted = _fronted_omission(sentence, clause)
    if fronted is not None:
        return fronted
    start, text = _predicate(sentence, clause)
    subject = clause.words[: clause.predicate]
    # "No alert was configured, so nobody noticed" and "nobody noticed because
    # the page went to an old channel" give the system's part: no verdict.
    explained = clause.words[0].low == "so" or _reason_follows(sentence, clause, _BECAUSE)
    if explained and clause.agent in (NOBODY, GROUP):
        return None
    if explained and clause.agent == SELF and _WITHOUT_SAFEGUARD_RE.search(text):
        # "I pushed it without a canary because the window was closing": the writer's
        # act, with the reason it made sense then, is the self-report the guide keeps.
        return None
    if clause.agent in (SELF, GROUP) and _DOING_NOW_RE.match(text):
        # "I am merging this without a review as we deploy tomorrow": a choice announced
        # as it is made, not hindsight on a step left out.
        return None
    if _CANNOT_RE.match(text) or _PERMISSION_RE.match(text):
        # "you can't push to main without the tests passing", "nobody should be able to
        # merge without an approval": a rule the system holds or ought to hold.
        return None
    if clause.words[0].low == "what":
        # "What we didn't realise was that …" introduces what was unknown: the
        # writer explains the situation rather than judging the omission.
        return None
    if clause.agent in (NOBODY, GROUP) and any(w.low in _NEGATED_AGENT for w in subject):
        # "None of us noticed ...": the negation sits in the agent, the care verb is plain;
        # "nobody had tested", "no one ever checked" tell the same in another tense.
        at = clause.predicate
        # Past "had", "ever" and adverbs: "neither operator adequately monitored it".
        while at < len(clause.words) - 1 and (
            clause.words[at].low in _PERFECT_OR_EVER or clause.words[at].low.endswith("ly")
        ):
            at += 1
        verb = clause.words[at] if at < len(clause.words) else None
        if verb is not None and _CARE_PAST_RE.fullmatch(verb.low):
            return verb.start, verb.end
        if verb is not None and clause.agent == NOBODY:
            # "None of the alerts were acknowledged": the passive of the same verdict.
            heeded = _NONE_HEEDED_RE.match(sentence.text, verb.start - sentence.offset)
            # "None of the failures were caught by the tests" names the missing safeguard.
            if heeded is not None and not _BY_A_SAFEGUARD_RE.match(sentence.text, heeded.end()):
                return sentence.offset + heeded.start(), sentence.offset + heeded.end()
        if verb is not None and clause.agent == NOBODY:
            # "… because nobody was watching", "a certificate that nobody was tracking".
            watching = _WATCHING_RE.match(sentence.text, verb.start - sentence.offset)
            if watching is not None:
                return sentence.offset + watching.start(), sentence.offset + watching.end()
        # "Nobody ran the test suite first": running a check is an act of care too.
        check_run = (
            _CHECK_RUN_RE.match(sentence.text, verb.start - sentence.offset) if verb else None
        )
        if check_run is not None:
            return sentence.offset + check_run.start(), sentence.offset + check_run.end()
    if clause.agent == OTHER:
        # A habit of care denied to others: "reviewers don't actually read the diffs", "the
        # QA team never tests anything" (not "… never read the notes, so the banner now …").
        habit = _HABIT_NOT_RE.match(text)
        if habit is not None and explained:
            # "On-call engineers never see these alerts because they route to an old
            # channel": a habit with its reason tells how the system works.
            return None
        if habit is not None and not _HABIT_EXPLAINED_RE.search(text, habit.end()):
            return start + habit.start(), start + habit.end()
    if clause.agent == GROUP:
        # "We didn't detect the breaking change": a tool's verb, owned by the team as a miss
        # ("Terraform didn't detect the drift" tells what a tool did).
        detect = _NOT_DETECTED_RE.search(text)
        if detect is not None:
            return start + detect.start(), start + detect.end()
    owed = _STEP_OWED_BEFORE_RE.match(sentence.text, start - sentence.offset)
    if owed is not None:
        return sentence.offset + owed.start(), sentence.offset + owed.end()
    match = _OMISSION_RE.search(text)
    if match is not None and _ASKED_WHY_RE.search(text, 0, match.start()):
        # "I wonder why the scheduler skipped the run": the step is asked about, and it is
        # another clause's, not the asker's.
        return None
    if match is None or (clause.agent == OTHER and _DISREGARD_RE.match(text, match.start())):
        # Another person's "ignored the warning" is a verdict (`disregard`), not hindsight.
        return None
    if clause.agent == ELIDED and (_imperative_never(match.group()) or "?" in sentence.text):
        # "Never run a destructive command without …" asks; it tells of no past step.
        # "Merged it without a review?" asks someone else what they did.
        return None
    if _PERCEIVED_RE.search(match.group()) and _NOTHING_THERE_RE.match(text, match.end()):
        # "I didn't see any errors after the deploy" reports that there was nothing to
        # see; "didn't see your message until now" answers a colleague late.
        return None
    return start + match.start(), start + match.end()


def _imperative_never(said: str) -> bool:
    """ "Never run …", "never skip …": "never" before a verb that is no past form."""
    words = said.lower().split()
    return len(words) >= 2 and words[0] == "never" and not past_form(words[-1])


_PERCEIVED_RE = _Lazy(
    r"\b(?:see|saw|seen|notice|noticed|spot|spotted|observe|observed|hear|heard)$"
)
_NOTHING_THERE_RE = _Lazy(
    r"\s+(?:any(?:thing|one|body)?\b(?!\s+of\b)|nothing\b)"
    r"|\s+your\s+(?:\w+\s+)?(?:message|ping|dm|reply|comment|question|email|mention|note)s?\b",
    re.IGNORECASE,
)


# A step owed before the act, left undone: "did not drain the line before opening it",
# "did not block the trip prior to reaching the setpoint". Read on past the clause's
# end, where "before" opens a clause of its own.
_STEP_OWED_BEFORE_RE = _Lazy(
    r"(?:did\s+not|didn[’']?t|had\s+not|hadn[’']?t)\s+(?:\w+ly\s+)?[a-z]+\s+(?:[\w'’-]+\s+){0,5}?"
    r"(?:before|prior\s+to)\s+\w+ing\b",
    re.IGNORECASE,
)


def _fronted_omission(sentence: Sentence, clause: Clause) -> tuple[int, int] | None:
    """Care left undone in a phrase before a person's clause: "Without checking, he ran
    the command", "After failing to verify the label, the nurse started …"."""
    if clause.agent not in (OTHER, SELF, GROUP) or clause is not sentence.clauses[0]:
        return None
    opened = _skip_openers(clause.words)
    if opened == 0 or clause.words[opened - 1].low != ",":
        return None
    at = next((k for k in range(opened) if clause.words[k].low in _FRONTING), None)
    if at is None:
        return None
    # An act told by its gerund ("Without checking,") or a safeguard gone without
    # ("Without review,"), before an act: "Without a backup, we could not restore it"
    # explains what the main clause could not do.
    verb = clause.words[clause.predicate] if clause.predicate < len(clause.words) else None
    if verb is None or verb.low in _NEGATIONS or _modal_stem(verb.low) in _MODALS:
        return None
    first = clause.words[at]
    phrase = sentence.text[
        first.start - sentence.offset : clause.words[opened - 1].start - sentence.offset
    ]
    match = _OMISSION_RE.search(phrase)
    if match is None:
        return None
    return first.start + match.start(), first.start + match.end()


def _modal_stem(word: str) -> str:
    """The modal a negated form is made from ("couldn't" is "could", "can't" and "cannot"
    are "can", "won't" is "will"); any other word comes back as it is."""
    stem = _MODAL_STEM_RE.sub("", word)
    return _IRREGULAR_MODAL_STEMS.get(stem, stem)


# A contracted negation off a modal: "couldn't" is "could".
_MODAL_STEM_RE = re.compile(r"n['’]t$|not$")
# Stems the contraction changed: "can't" drops an n, "won't" and "shan't" change vowels.
_IRREGULAR_MODAL_STEMS = {"ca": "can", "wo": "will", "sha": "shall"}

# The prepositions that front a phrase of care left undone.
_FRONTING = frozenset({"without", "after", "before", "by"})


# What a warning or a change asks of people, told in the passive after "none (of the
# alerts)": not "none of the files were read", which a program does.
_NONE_HEEDED_RE = _Lazy(
    r"(?:was|were|got)\s+(?:ever\s+|actually\s+|even\s+|really\s+)?(?:acknowledged|investigated"
    r"|acted\s+(?:on|upon)|heeded|addressed|reviewed|checked(?!\s+(?:in|out)\b)|tested|verified"
    r"|validated|noticed|caught|escalated|followed\s+up|picked\s+up|looked\s+at|answered|triaged)\b",
    re.IGNORECASE,
)


# The acts of care a person can be asked about, or complained of, as left undone, as
# bare stems: "did the reviewer not check …?", "they never test anything". The habit and
# question cues both read this one list; "failed to" and "did not" judge the wider
# _CARE_VERBS, and the passive its participles.
# DELIBERATE_CARE_STEMS leaves out what is perceived and kept running, for a question
# that must not ask about a panel ("why doesn't the operator see the alarm?").
DELIBERATE_CARE_STEMS = r"test|read|proofread|check|review|verify|validate|bother|think|" + RECHECK
CARE_STEMS = DELIBERATE_CARE_STEMS + r"|look|notice|see|catch|spot|run|keep\s+tabs"
# The care a habit owes, in the present: "don't read", "never tests", "aren't testing";
# not a past ("never checked", "never seen"), which other cues weigh as hindsight.
_HABIT_CARE = rf"(?:{CARE_STEMS})(?!(?:\w*ed|n)\b)\w*"
_NOT_NOW = r"(?:do(?:es)?n['’]t|do(?:es)?\s+not|(?:are|is)n['’]t|(?:are|is)\s+not)"
# Told as a complaint, not a schedule ("Dana doesn't review PRs on Fridays"): "never", an
# edge ("even", "actually", "bother to") or a sweep after the object ("anything", "properly").
# Not "don't care", a verdict on attitude (UB103) rather than a step left out.
# An adverb may stand before it: "the QA team still doesn't test anything".
_HABIT_NOT_RE = _Lazy(
    r"(?:(?:still|just|simply|usually|often|clearly|obviously)\s+)?"
    rf"(?:(?:{_NOT_NOW}\s+(?:even|actually|really|ever|bother\s+to)"
    rf"|never(?:\s+(?:even|actually|really|bother(?:s)?\s+to))?)\s+{_HABIT_CARE}\b"
    rf"|{_NOT_NOW}\s+{_HABIT_CARE}(?=\s+(?:anything|a\s+thing|properly|at\s+all|carefully|thoroughly)\b"
    # Their own work left unchecked: "Nex doesn't test their code" (not "doesn't review PRs
    # on Fridays", a schedule).
    r"|\s+(?:their|his|her|its|your)\s+(?:own\s+)?(?:code|changes?|work|prs?|patches|releases?|commits?"
    r"|builds?|updates?)\b)"
    rf"|never\s+bother(?:s)?\s+to\b|{_NOT_NOW}\s+(?:even\s+)?bother\b)",
    re.IGNORECASE,
)
# A habit told as the reason for a change made: "… don't even read the notes, so the
# upgrade now waits for an acknowledgement" (not "…, so the release broke").
_HABIT_EXPLAINED_RE = _Lazy(r"\bnow\b", re.IGNORECASE)


def neglect(sentence: Sentence, clause: Clause) -> tuple[int, int] | None:
    """Where a thing's passive tells of care left undone ("the warning was missed"), or
    a gerund subject names an act done without its step ("Deploying without running
    the migration broke the wiki")."""
    skipped = _act_without_its_step(sentence, clause)
    if skipped is not None:
        return skipped
    head = clause.words[clause.predicate - 1] if clause.predicate > 0 else None
    if head is None or _asks_which(sentence):
        return None
    if head.low in _RUN_NOUNS and not _pull_request(clause.words, clause.predicate - 1):
        return None
    # Near the start of the predicate, past a participle that ends the subject
    # ("the instructions provided were not followed").
    start, text = _predicate(sentence, clause)
    words = clause.words
    shared = words[0].low in {"but", "yet"} and (
        clause.predicate <= 1 or words[1].low in {"not", "never"}
    )
    if shared and len(words) > 1:
        # "… acknowledged but not acted on": the clause shares its subject from "not".
        start, text = words[1].start, _clause_text(sentence, clause, words[1].start)
    if head.low in _TIMED_STEPS:
        late = LATE_STEP_RE.match(text)
        if late is not None:
            return start + late.start(), start + late.end()
    regex = _BARE_NEGLECT_RE if shared else _NEGLECT_RE
    match = regex.search(text, 0, min(len(text), 60))
    if match is None or match.start() > 20 or _caught_by_a_safeguard(text, match):
        return None
    if _ON_PURPOSE_RE.search(text, match.end(), match.end() + 40):
        return None  # "The step was skipped by design for hotfixes"
    return start + match.start(), start + match.end()


def _act_without_its_step(sentence: Sentence, clause: Clause) -> tuple[int, int] | None:
    """A subject that is an act told by its gerund, done without a step of care:
    "Merging without running the tests broke main". Someone merged; the sentence
    judges the step they left out (not "Nothing without a review ships")."""
    words = clause.words
    if clause.predicate < 3 or not _ACT_GERUND_RE.fullmatch(words[0].low):
        return None
    subject_end = words[clause.predicate - 1].end - sentence.offset
    text = sentence.text[words[0].start - sentence.offset : subject_end]
    match = _WITHOUT_STEP_RE.search(text)
    if match is None:
        return None
    return words[0].start, words[0].start + match.end()


# A person's act as a gerund: "-ing", and not a thing named so ("nothing", "morning").
_ACT_GERUND_RE = _Lazy(r"(?!(?:no|some|any|every)thing$|morning$|evening$|during$)[a-z-]{3,}ing")
_WITHOUT_STEP_RE = _Lazy(
    rf"\bwithout\s+(?:(?:\w+ly|first)\s+)?(?:{_STEP_SKIPPED}|{_SAFEGUARD_NOUNS})\b"
    r"|" + _WITHOUT_FIRST,
    re.IGNORECASE,
)


_WH_WORDS = frozenset({"which", "what", "whether", "how", "why", "when", "where"})


def _pull_request(words: tuple[Word, ...], k: int) -> bool:
    """ "pull request(s)", "merge request(s)": a person's work, not a request that ran."""
    return words[k].low.startswith("request") and k > 0 and words[k - 1].low in {"pull", "merge"}


def _asks_which(sentence: Sentence) -> bool:
    """An open question ("Which deploy went out without a canary, and why …?") inquires."""
    return bool(sentence.words) and sentence.words[0].low in _WH_WORDS and "?" in sentence.text


def _caught_by_a_safeguard(text: str, match: re.Match[str]) -> bool:
    """True when a detection verb names the safeguard that was missing.

    "Should have been caught by our tests" is the guide's system-focused
    counterfactual, which is what a review wants, not a verdict on people.
    """
    after = _BY_A_SAFEGUARD_RE.match(text, match.end())
    if after is not None and after.group().lstrip().lower().startswith("by"):
        return True  # "had never been executed by any test": the safeguard is the agent
    detected = _DETECTED_RE.search(match.group()) is not None
    return detected and after is not None


# The verbs of finding a fault: those a passive hindsight grades, and two more
# ("caught", "noticed") that it reads as care.
_DETECTED_RE = _Lazy(rf"\b(?:caught|noticed|{_FOUND_PARTICIPLES})$", re.IGNORECASE)

_BY_A_SAFEGUARD_RE = _Lazy(
    r"\s+(?:by|in|during|at)\s+(?:the\s+|our\s+|an?\s+|any\s+|their\s+|its\s+)?(?:[\w/-]+\s+){0,2}?"
    r"(?:tests?|testing|suites?|ci|linter|lint|checks?|monitoring|monitors?|alerts?|alerting|pipeline|staging"
    r"|canary|canaries|validation|validator|schema|type\s+checker|compiler|scanner|tooling|automation"
    r"|dashboards?|probes?|health\s?checks?|guardrails?|safeguards?|policy|policies|gates?)\b"
    # A second person's review is the four-eyes safeguard: "was not reviewed by another
    # developer" names the check that was missing, not who failed.
    r"|\s+by\s+(?:another|a\s+second|a\s+2nd)\s+(?:[\w-]+\s+)?(?:developer|engineer|person|reviewer|maintainer"
    r"|member|human|pair\s+of\s+eyes|set\s+of\s+eyes)\b",
    re.IGNORECASE,
)
