"""Cues over the sentence model: how each clause's act is framed.

`unblame.language.clause` reads a sentence into clauses and finds each one's
agent; the functions here say whether a clause's act carries a cue (a slip, an
omission of care, harm that followed, a plea for people to try harder ...) and
where. A rule's `Frame` check names the agents and the cue it needs; `find_in`
runs it over one sentence of a document.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from .clause import (
    _ARTICLES,
    _AUX,
    _CLAUSE_WORDS,
    _DETERMINERS,
    _EVENT_VERBS,
    _IRREGULAR_PAST,
    _MIS_IRREGULAR,
    _MIS_RE,
    _PRESENT_ACTS,
    _PRONOUNS,
    _SLIP_ADVERBS,
    _SLIP_VERBS,
    ELIDED,
    GROUP,
    NOBODY,
    OTHER,
    SELF,
    Clause,
    Sentence,
    Word,
    _Lazy,
    _prefixed_irregular_past,
    _skip_openers,
    agent_of,
    read,
)
from .cue_triggers import _CANNOT_VERBS, CUE_TRIGGERS
from .lexicon import DEPRECATING_ADJECTIVES, DEPRECATING_NOUNS, NAME_MARK, STRONG_ACTION
from .rule import Frame

_BLUNDER_PHRASE_RE = _Lazy(
    r"\bby\s+(?:mistake|accident)\b|\bin\s+error\b"
    r"|\b(?:made|make|makes|making)\s+(?:a|an|the|that|this|such\s+an?)\s+(?:\w+\s+){0,2}?(?:mistake|error|typo"
    r"|blunder|misstep|goof)\b"
    r"|\bslipped\s+(?:up|on\s+(?:the|a|his|her|their|my|our)\s+keyboards?)\b"
    r"|\b(?:merged|shipped|deployed|released|pushed|published|tagged|acted)\s+(?:\w+\s+){0,3}?(?:way\s+|far\s+|much\s+)?"
    r"too\s+(?:soon|early|hastily|quickly|fast)\b"
    r"|\b(?:did|done|got|get)\s+(?:\w+\s+){0,3}?wrong(?:ly)?\b|\bwithout\s+(?:even\s+)?(?:realizing"
    r"|realising|noticing|thinking|being\s+thorough)\b",
    re.IGNORECASE,
)
_WRONG_OBJECT_RE = _Lazy(
    # Headlines drop the article: "emailed the file to wrong address".
    r"\b(?:the|a|to|at|into|onto)\s+wrong\b|\b(?:an?|the)\s+incorrect\b|\binstead\s+of\b|\brather\s+than\s+the\b"
    # A thing left in an unsafe state: "left the bucket public", "left port 22 open to the world".
    r"|\bleft\s+(?:[\w-]+\s+){1,4}?(?:public|publicly\s+\w+|world-readable|unlocked|unencrypted"
    r"|unprotected|exposed|open\s+to\s+(?:the\s+)?(?:world|internet|public))\b"
    r"|\bbackwards\b|\b(?:mixed|muddled)\s+up\b|\btransposed\b"
    # "wired both feeds to the same UPS": redundancy undone by the act.
    r"|\bboth\s+(?:[\w-]+\s+){1,5}?(?:to|on|into|onto|in)\s+the\s+same\b"
    # A secret put where others can read it, a lure taken: "committed the API key",
    # "clicked the phishing link".
    # Not "missed the hard-coded secret": there the participle describes the thing.
    r"|(?<!\bthe\s)(?<!\ban\s)(?<!\ba\s)(?<!\bthis\s)\b(?:committed|pushed|posted|pasted|hard-?coded|leaked"
    r"|uploaded|checked\s+in|emailed|shared|copied)\s+"
    r"(?:\w+\s+){0,3}?(?:api\s+keys?|secrets?|passwords?|tokens?|credentials|private\s+keys?)\b"
    r"(?!\s+(?:store|manager|vault|rotation|scanner))"
    r"|\b(?:clicked|opened|followed|downloaded)\s+(?:on\s+)?(?:\w+\s+){0,2}?(?:phishing|malicious|fake|spoofed"
    r"|suspicious|fraudulent)\b"
    r"|\btoo\s+(?:broadly|widely|early|soon|aggressively|hastily)\b",
    re.IGNORECASE,
)
# The object carries the slip when the act put it in place: "pushed untested
# code", "entered an erroneous command". Rolling back or finding the faulty
# config is the response, not the slip, so the verb must be one that applies.
# Verbs that put something in place: the act the slip rides on.
_APPLYING = (
    r"(?:push|deploy|merg|ship|enter|ran\b|run|typ|appl|issu|execut|commit|upload|releas|install"
    r"|submitt?|introduc|wrote|writ|sen[dt]|us(?:e|ed|ing)\b|rolled\s+out|roll\w*\s+out|tagg?)"
)
_FLAWED_OBJECT_RE = _Lazy(
    _APPLYING + r"\w*\s+"
    r"(?:[\w-]+\s+){0,2}?(?:(?:untested|unreviewed|unvetted|unapproved)\b"
    r"|(?:bad|broken|buggy)\s+(?:config\w*|commit|migration|release|change|value|patch|update|rule|query"
    r"|script|tag|image|build|data|dns\s+record|record|route|template)s?\b"
    r"|(?:erroneous|errant|mistaken|faulty)\s+(?:[\w-]+\s+)?(?:command|input|value|query|entry"
    r"|entries|parameter|argument|setting|flag|rule|config\w*|change|cable|script|update|patch"
    r"|release|build|version|firmware|package|commit|file)s?\b)",
    re.IGNORECASE,
)
# Words that make an act hypothetical, prevented or denied.
_CONDITIONS = frozenset({"if", "unless", "whether", "lest"})
_UNREAL = frozenset(
    {"can", "can't", "can’t", "cannot", "could", "couldn't", "would", "wouldn't", "might"}
    | {"may", "will", "won't", "nothing", "anything", "not", "never", "if", "avoid"}
    | {"don't", "doesn't", "didn't", "didn’t", "don’t", "prevent", "unless", "whether"}
    | {"prevents", "prevented", "preventing"}
)

# Deliberate acts of attention and care: what "did not" and "failed to" judge.
_CARE_VERBS = (
    r"notice|check|test|verify|validate|review|read|look|follow|tell|inform|notify|announce"
    r"|communicate|coordinate|consult|ask|wait|escalate|update|confirm|consider|reali[sz]e"
    r"|think|connect|document|double-check|catch|see|monitor|respond|plan|prepare|speak"
    r"|raise|report|bother|ensure|remember|warn|provide|spot|investigate|run|take|perform"
)
_CARE_ADVERBS = r"(?:properly|correctly|adequately|fully|carefully|thoroughly|sufficiently)"
_OMISSION_RE = _Lazy(
    rf"\b(?:did\s+not|didn[’']?t|never|had\s+not|hadn[’']?t|have\s+not|haven[’']?t)"
    rf"\s+(?:\w+ly\s+|even\s+|actually\s+)?(?:{_CARE_VERBS})(?:ed|d)?\b"
    # "didn't properly hand over the pager": the adverb of care makes any act one.
    rf"|\b(?:did\s+not|didn[’']?t|never|had\s+not|hadn[’']?t|failed\s+to)\s+{_CARE_ADVERBS}\s+\w+"
    # Forgetting is always an omission, save forgetting to mention something.
    r"|\b(?:i|we|he|she|they)?['’]?d\s+forgotten\b|\bhad\s+forgotten\b"
    rf"|\bfailed\s+to\s+(?:\w+ly\s+)?(?:{_CARE_VERBS}|renew|mention|include|share|rotate|back\s+up|do)\b"
    r"|\bmissed\s+(?:the|a|an|this|that|his|her|their|our|your|several|two|both|all)\s+(?:[\w'’-]+\s+){0,2}?"
    r"(?:alerts?|warnings?|comments?|pages?|messages?|emails?|steps?|signs?|signals?|notifications?"
    r"|errors?|bugs?|typos?|changes?|reviews?|notes?)\b"
    r"|\blet\s+(?:[\w-]+\s+){1,4}?slide\b"
    r"|\bmiss(?:ed|ing)\s+(?:the|an?|our|every|any)\s+(?:\w+\s+)?(?:opportunity|chance|window)\b"
    r"|\bwithout\s+(?:anyone|anybody|someone|a\s+human)\s+\w+ing\b"
    r"|\b(?:forgot(?:ten)?|neglected)\s+to\s+(?!mention|say|tell|ask|reply|respond|attach|link|cc|post|share)\w+"
    rf"|\b(?:forgot|forgotten)\s+(?:that|about)\b"
    r"|\bwithout\s+(?:\w+ly\s+|ever\s+|even\s+|first\s+)?(?:validating|checking|testing|verifying|reviewing|telling|running|opening"
    r"|ensuring|making\s+sure|waiting\s+for"
    r"|notifying|informing|consulting|asking|waiting|reading|looking|confirming|double-checking"
    r"|coordinating|being\s+thorough|(?:a|any)\s+(?:\w+\s+)?review)\b"
    r"|\btake\s+the\s+time\s+to\b|\bslept\s+through\b"
    rf"|\b(?:was|were)\s+(?:too\s+|very\s+|really\s+)?slow\s+to\s+(?:{_CARE_VERBS}|act|react|page)\b"
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
_NEGATED_AGENT = frozenset({"none", "nobody", "no", "noone", "not"})
_CARE_PAST_RE = _Lazy(
    r"picked|noticed|caught|checked|spotted|saw|reali[sz]ed|verified|tested|reviewed|read|thought"
    r"|looked|asked|questioned|flagged|objected|remembered|bothered|acted|responded|reacted"
    r"|intervened|escalated|followed"
)
# The work itself did damage: "your PR broke the Windows build".
_DAMAGE_RE = _Lazy(
    r"(?:(?:is|was)\s+what\s+)?(?:(?:may|might|must|probably|has|have|had)\s+(?:have\s+)?)?(?:\w+ly\s+)?"
    r"(?:broke|broken|caused|crashed|wiped|emptied|dropped|deleted|erased|destroyed|overwr(?:ote|itten)"
    r"|purged|truncated|flattened|filled|flooded|saturated|overwhelmed|blocked|locked\s+(?:\w+\s+){0,3}?out"
    r"|corrupted|took\s+(?:\w+\s+){0,3}?(?:down|offline|out)|brought\s+(?:\w+\s+){0,3}?down"
    r"|introduced\s+(?:the|a|an)\s+(?:[\w-]+\s+)?(?:bug|regression|crash|leak|outage|race|deadlock|error"
    r"|null|loop)|triggered\s+(?:the|an?)\s+(?:\w+\s+)?(?:outage|incident|failure|crash)|knocked|hammered"
    r"|overloaded|exhausted|cut\s+(?:\w+\s+)?(?:service|power|access|traffic|connectivity))\b",
    re.IGNORECASE,
)
# Verbs that say the act wrecked something, whoever did it: "Pascoe broke the build".
_WRECK_RE = _Lazy(
    r"(?:\w+ly\s+)?(?:broke(?!\s+(?:\w+\s+){0,3}?(?:down|up|out|into|apart|even)\b)|crashed|corrupted|nuked|trashed|borked|bricked|hosed|clobbered"
    r"|destroyed|flattened|introduced\s+(?:the|a|this|that)\s+(?:[\w-]+\s+)?(?:bug|regression)"
    r"|took\s+(?:\w+\s+){0,3}?(?:down|offline)|brought\s+(?:\w+\s+){0,3}?down"
    r"|knocked\s+(?:\w+\s+){0,3}?(?:over|out|offline)|wiped\s+out"
    r"|caused\s+(?:the|an?|this|that)\s+(?:\w+\s+)?(?:outage|incident|failure|crash|breakage|downtime|errors?))\b",
    re.IGNORECASE,
)
# Hindsight about a person's choice: "Tarquin should have checked the config".
_HINDSIGHT_RE = _Lazy(
    r"(?:\w+ly\s+)?(?:should|shouldn['’]t|should\s+not|ought\s+to|could)\s*(?:have|['’]ve)\s+"
    r"(?:\w+ly\s+|just\s+|at\s+least\s+)?(?:known|seen|done|run|read|caught|taken|written|told"
    r"|asked|kept|made|thought|left|\w+ed"
    # Writers drop the participle ("should have bump the major"): a hand act in
    # its plain form says the same.
    # Not the verbs that also name a permission or a kind ("write access",
    # "push rights", "test coverage").
    r"|bump|check|verify|wait|ask|tell|update|fix|revert|increase|restart|notify|inform|warn"
    r"|follow)\b"
    # A reproach in the present: "you could at least write LGTM and wait".
    r"|could\s+at\s+least\s+(?!(?:in|on|at|for|by|a|an|the|some|one|two|be)\b)\w+"
    r"|should\s+(?:have\s+known|know)\s+better\b",
    re.IGNORECASE,
)
# A deliberate act of care left undone, told in the passive: "the warning was
# missed", "the runbook step was skipped", "the change was made without review".
_CARE_PARTICIPLES = (
    r"followed|escalated|acted\s+(?:on|upon)|looked\s+at|checked|tested|reviewed|verified|validated"
    r"|done|carried\s+out|obtained|written|read|noticed|caught|communicated|announced|reported"
    r"|raised|acknowledged|considered|consulted|updated|performed|heeded|addressed|investigated"
    r"|monitored|followed\s+up|picked\s+up|documented|peer[- ]reviewed|completed|signed\s+off"
    r"|filled\s+(?:in|out)"
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
    r"|aborted|frozen"
)
_NEGLECT_RE = _Lazy(
    rf"should(?:n['’]t|\s+not)?\s+have\s+been\s+(?:\w+ly\s+)?(?:{_CARE_PARTICIPLES}|{_ACT_PARTICIPLES})\b"
    # "could have been aborted": a step someone could have taken. "Could have been
    # noticed earlier" is a guess about attention, usually explained beside it.
    rf"|could\s+have\s+been\s+(?:\w+ly\s+)?(?:{_ACT_PARTICIPLES}|aborted|halted|paused|escalated)\b"
    rf"|(?:wasn['’]t|weren['’]t)\s+(?:\w+ly\s+)?(?:{_CARE_PARTICIPLES})\b"
    r"|(?:was|were|wasn['’]t|weren['’]t|(?:had|has|have)\s+been|been)\s+(?:\w+ly\s+|just\s+|then\s+)?"
    rf"(?:(?:not|never)\s+(?:\w+ly\s+)?(?:{_CARE_PARTICIPLES})\b"
    r"|(?:missed|ignored|disregarded|overlooked|skipped|skimmed|neglected|forgotten|dismissed"
    r"|brushed\s+off|waved\s+off|shrugged\s+off)\b"
    r"|left\s+un\w+ed\b"
    r"|(?:went|gone|shipped|rolled)\s+out\s+without\s+(?:anyone|anybody|a\s+human|a\s+person)\s+\w+ing\b"
    r"|\w+\s+(?:[\w-]+\s+){0,6}?without\s+(?:(?:validat|check|test|review|verify|confirm|ask"
    r"|tell|notify|inform|consult|wait|read|look|warn)ing\b|(?:the\s+)?required\b"
    r"|(?:anyone|anybody|someone|a\s+human|a\s+person)\s+\w+ing\b"
    r"|(?:a|any)\s+(?:\w+\s+)?(?:review|approval|check|sign-?off)\b))"
    # "went ahead without a rollback plan".
    r"|(?:went\s+ahead|proceeded|went\s+out|shipped|rolled\s+out)\s+without\s+(?:a|an|any)\s+(?:[\w-]+\s+)?"
    r"(?:plan|review|approval|tests?|check|sign-?off|canary|backup|dry[- ]run)\b"
    r"|(?:went\s+ahead|went\s+out|shipped|rolled\s+out)\s+without\s+(?:anyone|anybody|a\s+human)\s+\w+ing\b"
    # "the rollout was allowed to continue despite the error rate".
    r"|(?:was|were)\s+allowed\s+to\s+(?:continue|proceed|go\s+ahead|run|carry\s+on)\s+(?:\w+\s+){0,3}?"
    r"(?:despite|in\s+spite\s+of|regardless\s+of)\b"
    # "was acknowledged and then forgotten", "was flagged twice and never followed up".
    r"|(?:was|were)\s+\w+ed\s+(?:\w+\s+){0,3}?(?:and|but)\s+(?:then\s+)?(?:forgotten|ignored|dropped"
    rf"|(?:never|not)\s+(?:{_CARE_PARTICIPLES}))\b"
    # "the rollback was delayed too long".
    r"|(?:was|were)\s+(?:\w+ly\s+)?(?:delayed|postponed|left|kept|held|put\s+off)\s+(?:\w+\s+){0,2}?too"
    r"\s+long\b"
    # "went out without validating it", "the pages went unanswered".
    r"|(?:went|gone|shipped|rolled)\s+out\s+without\s+(?:\w+ly\s+|first\s+)?(?:validat|check|test|review"
    r"|verify|confirm)ing\b"
    # Not "went unnoticed": an outage that nobody's monitoring saw is a gap in
    # detection, while a warning "went unread" was in front of someone.
    r"|(?:went|go|goes|gone)\s+un(?:read|answered|acknowledged|heeded|reviewed|tested|addressed)\b"
    r"|should\s+have\s+(?:resulted\s+in|led\s+to|prompted|triggered)\s+(?:a|an)\s+(?:\w+\s+)?"
    r"(?:rollback|roll-back|escalation|incident|page|review|revert|investigation|declaration)\b",
    re.IGNORECASE,
)
# Things that run by themselves: "the job was skipped" reports the scheduler.
_RUN_NOUNS = frozenset(
    {"job", "jobs", "run", "runs", "cron", "build", "builds", "heartbeat", "heartbeats", "batch"}
    | {"batches", "task", "tasks", "event", "events", "request", "requests", "packet", "packets"}
    | {"tick", "ticks", "tests", "test", "retry", "retries", "message", "messages", "deadline"}
    | {"slo", "sla", "target", "window"}
)
# An act tied to a bad outcome that followed from it.
_HARM_RE = _Lazy(
    r"(?:,\s*|\b(?:which|that|and)\s+)(?:\w+\s+)?(?:lead\w*\s+to|led\s+to|result\w*\s+in"
    r"|caus\w+|took\s+(?:[\w'’-]+\s+){0,3}?(?:down|offline|out)|brought\s+(?:[\w'’-]+\s+){0,3}?down"
    r"|broke|triggered|knock\w*\s+(?:[\w'’-]+\s+){0,3}?(?:out|over|offline)"
    r"|taking\s+(?:[\w'’-]+\s+){0,3}?(?:down|offline)|bringing\s+(?:[\w'’-]+\s+){0,3}?down"
    r"|cut(?:ting)?\s+(?:[\w'’-]+\s+){0,3}?off|render\w*|left\s+(?:\w+\s+){0,2}?unable"
    r"|(?:dropp|lock|crash|empti|corrupt|fill|hammer|overload|kill|exhaust|saturat|flood|stall|break"
    r"|wip|eras|destroy|purg|truncat|flatten|block|clobber)(?:ed|ing)"
    r"|overwr(?:ote|itten|iting)"
    r"|(?:it|the\s+(?:[\w-]+\s+){0,2}[\w-]+)\s+(?:fell\s+over|went\s+(?:down|red|dark|un\w+ed)|crashed|broke|died"
    r"|(?:was|were)\s+lost|stuck\s+around))\b",
    re.IGNORECASE,
)
_GOOD_OUTCOME_RE = _Lazy(
    r"\b(?:recover\w*|resol\w+|restor\w+|fix\w*|mitigat\w+|stabili[sz]\w+|stopp?\w*|end\w*|correctly"
    r"|again|recreat\w+|work(?:ing|ed)?\s+(?:again|normally)"
    r"|improv\w+|faster|success\w*|green|healthy|normal)\b",
    re.IGNORECASE,
)

_STRONG_RE = _Lazy(STRONG_ACTION, re.IGNORECASE | re.VERBOSE)


# --- Cues over a clause -----------------------------------------------------------------


def _predicate_start(clause: Clause) -> int:
    """Offset where the clause's predicate starts (its end when it has none)."""
    if clause.predicate >= len(clause.words):
        return clause.end
    return clause.words[clause.predicate].start


def _predicate(sentence: Sentence, clause: Clause) -> tuple[int, str]:
    """Offset and text of the clause from its predicate on."""
    start = _predicate_start(clause)
    return start, _clause_text(sentence, clause, start)


def _clause_text(sentence: Sentence, clause: Clause, start: int) -> str:
    return sentence.text[start - sentence.offset : clause.end - sentence.offset]


def _unreal(clause: Clause, before: int) -> bool:
    """True when the act before offset `before` did not happen as told.

    A condition ("if I had mistakenly ..."), a modal ("so that I can't
    accidentally push") or a denial ("did nothing wrong") speaks of an act
    that did not happen, which judges nobody.
    """
    if clause.words[0].low in _CONDITIONS:
        return True
    return any(w.low in _UNREAL for w in clause.words if w.start < before)


def blunder(sentence: Sentence, clause: Clause) -> tuple[int, int] | None:
    """Where the act itself is called a slip: an adverb, a mis- verb, 'made a mistake'."""
    words = clause.words
    for k in range(clause.predicate, len(words)):
        low = words[k].low
        after_determiner = k > 0 and words[k - 1].low in _DETERMINERS
        if (
            low in _SLIP_ADVERBS
            or low in _SLIP_VERBS
            or low in _MIS_IRREGULAR
            or (_MIS_RE.match(low) and low != "mistaken" and not after_determiner)
        ):
            found = words[k].start, words[k].end
        else:
            continue
        return None if _unreal(clause, found[1]) or _by_chance(clause, k) else found
    return _phrase(sentence, clause, _BLUNDER_PHRASE_RE) or _right_thing_missed(sentence, clause)


# The right value not used is the wrong one used: "I was not setting the correct
# variable", "he didn't pick the right cluster". Having ("didn't have the right
# access") is a condition, not an act, so only acts of choosing count.
_RIGHT_THING_MISSED_RE = _Lazy(
    r"(?:\bnot|n['’]t|\bnever)\s+(?:\w+ly\s+)?(?:set|use|pass|pick|select|choose|enter|type|run|apply"
    r"|specify)(?:s|ting|ing|ning|ed)?\s+the\s+(?:correct|right|proper)\b",
    re.IGNORECASE,
)


def _right_thing_missed(sentence: Sentence, clause: Clause) -> tuple[int, int] | None:
    if clause.words[0].low in _CONDITIONS:
        return None
    start, text = _predicate(sentence, clause)
    match = _RIGHT_THING_MISSED_RE.search(text)
    return (start + match.start(), start + match.end()) if match else None


_ACCIDENT_ADVERBS = frozenset(
    {"accidentally", "accidently", "accidentaly", "mistakenly", "inadvertently", "inadvertantly"}
    | {"unintentionally", "erroneously"}
)


# Finding something by chance is luck, not a slip: "accidentally discovered a bug".
_DISCOVERIES = frozenset(
    {"discovered", "found", "learned", "learnt", "stumbled", "noticed", "spotted", "realized"}
    | {"realised", "uncovered", "caught", "fixed", "solved", "came"}
)


def _by_chance(clause: Clause, adverb: int) -> bool:
    """The adverb at index `adverb` tells of a lucky find, not a slip."""
    following = clause.words[adverb + 1] if adverb + 1 < len(clause.words) else None
    return following is not None and following.low in _DISCOVERIES


def accident(sentence: Sentence, clause: Clause) -> tuple[int, int] | None:
    """An act told as unintended: "accidentally removed", "mistakenly thought".

    Narrower than `blunder`: a group's "overlooked" is an omission and its
    "blindly" usually sits in a plea, so only the adverbs of accident count.
    """
    for k in range(clause.predicate, len(clause.words)):
        word = clause.words[k]
        if word.low in _ACCIDENT_ADVERBS:
            if _unreal(clause, word.end) or _by_chance(clause, k):
                return None
            return word.start, word.end
    return None


# Interjections of dismay that tell the line reports a slip: "Oops, I published …".
_OOPS = frozenset(
    {"oops", "whoops", "woops", "oopsie", "d'oh", "doh", "facepalm", "argh", "welp", "ugh"}
    | {"dammit", "damnit", "crap"}
)


def oops(sentence: Sentence, clause: Clause) -> tuple[int, int] | None:
    """A line opened by "oops" and then the writer's act: a slip told in chat.

    "Oops, I published …" and "whoops, pushed to the wrong branch" (the subject
    left out); "Oops, Dana pushed …" and "Oops, wrong channel" are not the
    writer's act. Checked once, on the first clause.
    """
    words = sentence.words
    if not words or words[0].low not in _OOPS or clause is not sentence.clauses[0]:
        return None
    k = 1
    # Punctuation and emoji between: "oops 🙈 I deleted …".
    while k < len(words) and (words[k].low in _OOPS or not any(c.isalnum() for c in words[k].low)):
        k += 1
    if k < len(words) and words[k].low in {"i", "we", "i've", "i’ve", "we've", "we’ve"}:
        k += 1
    while k < len(words) and (words[k].low in _AUX or words[k].low.endswith("ly")):
        k += 1
    if k >= len(words) or words[k].low in _UNREAL:
        return None
    low = words[k].low
    acted = low in _IRREGULAR_PAST or (low.endswith("ed") and len(low) > 3)
    if low in _DISCOVERIES:
        return None  # "Ugh, we found another broken shard" reacts to news
    return (words[0].start, words[k].end) if acted else None


def slip(sentence: Sentence, clause: Clause) -> tuple[int, int] | None:
    """A blunder, or an act on the wrong object: "used the wrong tag", "too broadly".

    "They" in technical writing is as often tools as people ("together they give us
    weeks of warning instead of minutes"), so for it only a blunder counts.
    """
    found = blunder(sentence, clause)
    subject = {w.low for w in clause.words[: clause.predicate]}
    if found is not None or subject & {"they", "it"} or _responds(clause):
        return found
    return (
        _phrase(sentence, clause, _WRONG_OBJECT_RE)
        or _phrase(sentence, clause, _FLAWED_OBJECT_RE)
        or _applied_flawed_thing(sentence, clause)
    )


# Verbs of finding and fixing: "found the wrong value" is the response to a slip.
_RESPONSES = frozenset(
    {"found", "spotted", "noticed", "saw", "identified", "discovered", "caught", "detected"}
    | {"flagged", "traced", "fixed", "corrected", "repaired", "finds", "spots", "notices", "fixes"}
    | {"corrects"}
)
# Not "replaced", "reverted" or "removed": "reverted the wrong commit" is a slip.


def _responds(clause: Clause) -> bool:
    """The clause's verb finds or fixes something rather than puts it in place."""
    verb = _first_verb(clause)
    return verb is not None and verb.low in _RESPONSES


# "… errant input that the engineers entered": the flawed thing is named first
# and a relative clause says who put it in place.
_FLAWED_THING_BEFORE_RE = _Lazy(
    r"\b(?:wrong|incorrect|erroneous|errant|mistaken|faulty|untested|unreviewed)"
    r"\s+(?:[\w-]+\s+)?[\w-]+\s*$",
    re.IGNORECASE,
)
_APPLYING_RE = _Lazy(_APPLYING, re.IGNORECASE)


def _applied_flawed_thing(sentence: Sentence, clause: Clause) -> tuple[int, int] | None:
    """The clause is "that/which <person> <applied>" after a flawed thing.

    Responding to the flawed thing ("the faulty disk that the technician
    replaced") is no slip, so the verb must put something in place.
    """
    words = clause.words
    if words[0].low not in {"that", "which"} or clause.predicate >= len(words):
        return None
    verb = words[clause.predicate]
    if not _APPLYING_RE.match(verb.low) or _unreal(clause, verb.end):
        return None
    before = sentence.text[: words[0].start - sentence.offset]
    flawed = _FLAWED_THING_BEFORE_RE.search(before)
    return None if flawed is None else (sentence.offset + flawed.start(), verb.end)


def _phrase(sentence: Sentence, clause: Clause, regex: _Lazy) -> tuple[int, int] | None:
    start, text = _predicate(sentence, clause)
    match = regex.search(text)
    if match is None or _unreal(clause, start + match.end()):
        return None
    return start + match.start(), start + match.end()


def omission(sentence: Sentence, clause: Clause) -> tuple[int, int] | None:
    """Where the clause dwells on a deliberate act of care that was not done."""
    start, text = _predicate(sentence, clause)
    subject = clause.words[: clause.predicate]
    # "No alert was configured, so nobody noticed" and "nobody noticed because
    # the page went to an old channel" give the system's part: no verdict.
    explained = clause.words[0].low == "so" or _reason_follows(sentence, clause, _BECAUSE)
    if explained and clause.agent in (NOBODY, GROUP):
        return None
    if clause.words[0].low == "what":
        # "What we didn't realise was that …" introduces what was unknown: the
        # writer explains the situation rather than judging the omission.
        return None
    if clause.agent in (NOBODY, GROUP) and any(w.low in _NEGATED_AGENT for w in subject):
        # "None of us noticed ...": the negation sits in the agent, the care verb is plain.
        verb = clause.words[clause.predicate] if clause.predicate < len(clause.words) else None
        if verb is not None and _CARE_PAST_RE.fullmatch(verb.low):
            return verb.start, verb.end
    match = _OMISSION_RE.search(text)
    if match is None or (clause.agent == OTHER and _DISREGARD_RE.match(text, match.start())):
        # Another person's "ignored the warning" is a verdict (`disregard`), not hindsight.
        return None
    return start + match.start(), start + match.end()


# Acts that set a warning or a step aside on purpose: said of another person,
# a verdict on their will, where "missed" and "forgot" are hindsight.
_DISREGARD_RE = _Lazy(
    r"(?:(?:had|has|have|just|simply|then|\w+ly)\s+){0,2}(?:ignored|disregarded|skipped|bypassed"
    r"|circumvented|overrode|dismissed|brushed\s+off|waved\s+off"
    # A choice to set it aside: "chose to skip the load test".
    r"|(?:chose|decided|opted|elected)\s+to\s+(?:ignore|disregard|skip|bypass|circumvent|override))\s+(?:\w+\s+)?(?:the|a|an|this|that|these|those|it|them|his|her|their|our|all"
    r"|every|several|two|three|four|five|\d+|multiple|repeated|both|any|each|numerous|some"
    r"|many)\b",
    re.IGNORECASE,
)


# A verdict on what a person can do, as a standing trait: "doesn't know how DNS
# works", "had no idea what he was doing", "should be kept away from prod".
# What someone did not know at the time ("didn't know the flag was shared") is
# the local rationality a review wants, so past "didn't know" is no verdict.
_INCOMPETENCE_RE = _Lazy(
    r"(?:doesn['’]t|does\s+not|don['’]t|do\s+not)\s+(?:\w+ly\s+|even\s+)?(?:know|understand|get)"
    r"\s+(?:how|what|the\s+(?:basics|first\s+thing|difference))\b"
    # "no clue how this happened" is puzzlement about an event, not a verdict.
    r"|(?:has|have)\s+(?:absolutely\s+)?no\s+(?:idea|clue|understanding)\b"
    r"(?!\s+(?:how|why|where|when|whether|if|what)\b)"
    r"|(?:had|has|have)\s+(?:absolutely\s+)?no\s+(?:idea|clue)\s+what\s+(?:he|she|they|you|i|we)"
    r"(?:\s+(?:was|were|is|are|am)|['’](?:m|s|re))\s+doing\b"
    r"|(?:didn['’]t|did\s+not|doesn['’]t|does\s+not)\s+have\s+(?:a|the\s+(?:slightest|faintest|first))"
    r"\s+(?:clue|idea)\b"
    r"|(?:shouldn['’]t|should\s+not|should\s+never|must\s+not|must\s+never)\s+be\s+(?:allowed|let"
    r"|trusted)\s+(?:near|anywhere|to\s+touch|with)\b"
    r"|should\s+(?:be\s+kept|stay)\s+(?:well\s+)?away\s+from\b"
    r"|(?:is|are|was|were)\s+(?:not|n['’]t)\s+(?:qualified|competent|fit)\s+(?:to|for)\b"
    rf"|(?:can['’]t|cannot)\s+(?:even\s+)?(?:{'|'.join(_CANNOT_VERBS)})\b"
    # An attitude pinned on people: "the maintainers clearly don't care about …".
    r"|(?:doesn['’]t|does\s+not|don['’]t|do\s+not|didn['’]t|did\s+not)\s+(?:\w+ly\s+|even\s+)?care"
    r"\s+(?:about|if|whether)\b"
    # Thought denied: "whoever configured this was clearly not thinking".
    r"|(?:was|were|is|are)\s+(?:\w+ly\s+)?not\s+thinking\b(?!\s+(?:about|of)\b)"
    # Composure judged: "the junior engineer panicked", "lost his head".
    r"|(?<!feeling\s)(?<!felt\s)(?<!was\s)(?<!were\s)(?<!got\s)(?<!being\s)(?:\w+ly\s+)?(?:panicked"
    r"|freaked\s+out|lost\s+(?:his|her|their|your)\s+(?:head|cool|nerve))\b",
    re.IGNORECASE,
)


# Said of oneself, not knowing how something works is honesty; only the idioms
# of self-deprecation count.
_SELF_DEPRECATING_RE = _Lazy(
    r"what\s+(?:i|we)(?:\s+(?:am|was|were|are)|['’](?:m|re))\s+doing|\beven\b",
    re.IGNORECASE,
)


# A person called names: "the contractor is a liability", "that DBA is useless".
_INSULT_RE = _Lazy(
    rf"""(?:is|was|are|were|['’]s|['’]re|seems|seemed)\s+
        (?:(?:\w+ly|just|such|so|a|an|the|absolute|complete|total|real|proper|bit\s+of)\s+){{0,3}}
        (?:{DEPRECATING_NOUNS}|{DEPRECATING_ADJECTIVES})\b""",
    re.IGNORECASE | re.VERBOSE,
)


def insult(sentence: Sentence, clause: Clause) -> tuple[int, int] | None:
    """Where the predicate calls the person names, not what they did."""
    return _from_predicate(sentence, clause, _INSULT_RE)


def incompetence(sentence: Sentence, clause: Clause) -> tuple[int, int] | None:
    """Where the predicate passes a verdict on what the person is able to do."""
    if clause.words[0].low in _CONDITIONS:
        return None
    start, text = _predicate(sentence, clause)
    match = _INCOMPETENCE_RE.search(text)
    if match is None:
        return None
    said = text[match.start() : match.end() + 20]
    if clause.agent == SELF and not _SELF_DEPRECATING_RE.search(said):
        return None
    found = start + match.start(), start + match.end()
    # "@dana lol, I have no idea …": a pronoun in between is the real subject.
    between = (w for w in clause.words[clause.predicate :] if w.start < found[0])
    return None if any(w.low in _PRONOUNS for w in between) else found


_WENT_AHEAD_RE = _Lazy(
    r"(?:\w+ly\s+)?(?:proceeded|went\s+ahead|pressed\s+on|carried\s+on|pushed\s+ahead|continued)\b",
    re.IGNORECASE,
)
_AGAINST_WARNINGS_RE = _Lazy(
    r"\b(?:despite|in\s+spite\s+of|regardless\s+of|anyway|even\s+though)\b", re.IGNORECASE
)


# An act done in the face of a warning or a rule: "pushed the build despite the
# red dashboard", "merged with failing checks", "rolled out against the runbook".
_DEFYING_RE = _Lazy(
    r"\b(?:despite|in\s+spite\s+of|against|contrary\s+to|ignoring|regardless\s+of)\s+(?:the\s+|a\s+|an\s+"
    r"|our\s+|their\s+|his\s+|her\s+|all\s+|several\s+|multiple\s+|repeated\s+|\w+\s+of\s+the\s+|\d+\s+)?"
    r"(?:[\w-]+\s+){0,2}?(?:warnings?|red|failing|advice|runbook|policy|policies|freeze|objections?"
    r"|concerns?|guidance|rules?|procedures?|recommendations?|instructions?|pages?|alerts?)\b"
    r"|\bwith\s+(?:\w+\s+)?(?:failing|red|broken)\s+(?:checks?|tests?|ci|builds?|pipelines?)\b"
    # Ahead of the safeguard: "shipped before the load test finished".
    r"|\bbefore\s+(?:the\s+|any\s+|a\s+)?(?:[\w-]+\s+)?(?:review|approval|tests?|checks?|ci|canary|load\s+test"
    r"|build|suite|soak)\s+(?:had\s+)?(?:finished|completed|passed|ran|came\s+back|was\s+done"
    r"|were\s+done|went\s+green)\b"
    # At the riskiest time: "dropped the index during peak traffic".
    r"|\b(?:during|at|in\s+the\s+middle\s+of)\s+(?:the\s+)?(?:peak|busiest|rush)\b"
    r"|\bon\s+a\s+friday\s+(?:afternoon|evening|night)\b",
    re.IGNORECASE,
)
# "… and skipped the review": a second act of the clause sets the step aside.
_AND_DISREGARD_RE = _Lazy(r"\band\s+(?:then\s+)?" + _DISREGARD_RE.pattern, re.IGNORECASE)


def disregard(sentence: Sentence, clause: Clause) -> tuple[int, int] | None:
    """Where the act sets a warning or a step aside: "ignored three pages", "skipped step 4",
    "despite the warnings, the team proceeded", "went ahead with the purge anyway".

    A reason given beside it ("ignored the alert because it had fired falsely for
    weeks", "skipped it by design") is the local rationality a review wants.
    """
    found = _from_predicate(sentence, clause, _DISREGARD_RE)
    if found is None and _AGAINST_WARNINGS_RE.search(sentence.text):
        found = _from_predicate(sentence, clause, _WENT_AHEAD_RE)
    if found is None and _acts(clause):
        found = _phrase(sentence, clause, _AND_DISREGARD_RE)
    if found is None and _past_verb(clause):
        found = _defying(sentence, clause)
    if found is None or _explained(sentence, clause):
        return None
    return found


def _past_verb(clause: Clause) -> bool:
    """The clause's verb is a past form ("dropped the index"), events included."""
    verb = _first_verb(clause)
    if verb is None or verb.low in _AUX:
        return False
    return (
        verb.low.endswith("ed") or verb.low in _IRREGULAR_PAST or _prefixed_irregular_past(verb.low)
    )


def _defying(sentence: Sentence, clause: Clause) -> tuple[int, int] | None:
    """An act done against a warning, ahead of a safeguard or at the riskiest time;
    "before the tests passed" stands in a clause of its own, so the rest of the
    sentence is read, up to a clause with a subject of its own."""
    start = _predicate_start(clause)
    end = _own_subject_after(sentence, clause)
    text = sentence.text[start - sentence.offset : end - sentence.offset]
    match = _DEFYING_RE.search(text)
    if match is None or _unreal(clause, start + match.end()):
        return None
    if any(w.low in _HINDSIGHT_MODALS for w in clause.words[: clause.predicate + 3]):
        return None  # "He shouldn't have merged before the tests finished" is hindsight
    return start + match.start(), start + match.end()


_HINDSIGHT_MODALS = frozenset(
    {"should", "shouldn't", "shouldn’t", "ought", "must", "mustn't", "could", "couldn't"}
)


def _own_subject_after(sentence: Sentence, clause: Clause) -> int:
    """Where the first later clause led by a person starts (the sentence end if none)."""
    later = [c for c in sentence.clauses if c.start > clause.start]
    for other in later:
        if other.agent in (OTHER, SELF, GROUP) and other.words[0].low not in {"before", "during"}:
            return other.start
    return sentence.offset + len(sentence.text)


_ON_PURPOSE_RE = _Lazy(
    r"\b(?:by\s+design|as\s+(?:designed|planned|intended|agreed)|on\s+purpose|intentionally"
    r"|deliberately|per\s+(?:the\s+)?(?:runbook|policy|plan))\b",
    re.IGNORECASE,
)


def _explained(sentence: Sentence, clause: Clause) -> bool:
    """A later clause gives the reason ("because", "since", "as the runbook asked"),
    or the act is said to be on purpose."""
    if _reason_follows(sentence, clause, _BECAUSE | {"as"}):
        return True
    return _ON_PURPOSE_RE.search(sentence.text, clause.start - sentence.offset) is not None


_BECAUSE = frozenset({"because", "since"})


def _reason_follows(sentence: Sentence, clause: Clause, openers: frozenset[str]) -> bool:
    """A clause after `clause` opens with one of `openers`: the writer gives a reason."""
    return any(c.words[0].low in openers for c in sentence.clauses if c.start > clause.start)


# What a "because", "when" or "that" clause is given as the cause of.
_OUTCOME_BEFORE_RE = _Lazy(
    r"(?:\b(?:outage|incident|failure|problem|issue|downtime|breakage|errors?|it|this|that)\b"
    r"[^,;:]{0,40}?\b(?:was|is|happened|occurred|started|began|broke|failed|went\s+down"
    r"|came\s+about|(?:was\s+)?triggered|(?:was\s+)?caused)(?:\s+\w+){0,2}"
    r"|\b(?:root\s+)?(?:cause|issue|problem|reason|trigger)\s+(?:was|is))\s*$",
    re.IGNORECASE,
)
_OPENS_CAUSE = frozenset({"because", "when", "that"})
# After "when", only a verb of causing makes the clause a cause rather than a time.
_CAUSED_WHEN_RE = _Lazy(r"\b(?:triggered|caused|broke|went\s+down)\b", re.IGNORECASE)
# "The issue was that …": only a noun naming the cause makes "that" open one.
_NAMES_A_CAUSE_RE = _Lazy(r"\b(?:cause|issue|problem|reason|trigger)\s+(?:was|is)\b", re.IGNORECASE)
# Seeing and answering are what people do about a failure, not what causes it.
_NOT_CAUSES = _RESPONSES | {"saw", "noticed", "checked", "looked", "asked", "paged", "called"}


_CHANGING_ACTS = frozenset(
    {"turned", "disabled", "removed", "deleted", "changed", "approved", "restarted", "dropped"}
    | {"skipped", "ignored", "set", "edited", "modified", "killed", "stopped", "silenced", "muted"}
    | {"unplugged", "rebooted", "switched", "flipped", "toggled", "overrode", "bypassed"}
    | {"pushed", "deployed", "merged", "shipped", "ran", "applied", "committed", "released"}
)
_CLEFT_RE = _Lazy(
    r"\W*(?:it|this|that)(?:\s+(?:was|is)|['’]s)\s+(?:[\w@.'’-]+\s+){1,3}?who\b", re.IGNORECASE
)


_CANNOT_RE = _Lazy(r"\b(?:can['’]?t|cannot|could\s*n['’]?t|unable|no\s+longer)\b", re.IGNORECASE)


def cause(sentence: Sentence, clause: Clause) -> tuple[int, int] | None:
    """A person's plain act given as the cause: "It happened because an engineer changed the quota".

    Told of a thing the same sentence is the review's job ("because the quota
    changed"); told of a person it ends the inquiry at them.
    """
    opener = clause.words[0].low
    if opener == "who" and _CLEFT_RE.match(sentence.text):
        return _singled_out(sentence, clause)
    if opener not in _OPENS_CAUSE or not _acts(clause):
        return None
    verb = _first_verb(clause)
    if verb is None or verb.low in _NOT_CAUSES or _unreal(clause, verb.end):
        return None
    before = sentence.text[: clause.start - sentence.offset]
    if opener == "because" and clause is sentence.clauses[0]:
        # "Because Brisco truncated the audit table, we can't reconstruct …".
        after = sentence.text[clause.end - sentence.offset :]
        went_wrong = _WENT_WRONG_RE.search(after) or _CANNOT_RE.search(after)
        return (clause.agent_start, verb.end) if went_wrong else None
    outcome = _OUTCOME_BEFORE_RE.search(before)
    if outcome is None and opener == "because" and _WENT_WRONG_RE.search(before):
        # "The build is broken because Ana merged …": any state gone wrong.
        return clause.agent_start, verb.end
    if outcome is None or (opener == "that" and not _NAMES_A_CAUSE_RE.search(outcome.group())):
        return None
    if opener == "when" and not _CAUSED_WHEN_RE.search(outcome.group()):
        return None  # "The incident began when the on-call deployed 4.2" tells the time
    return clause.agent_start, verb.end


def _singled_out(sentence: Sentence, clause: Clause) -> tuple[int, int] | None:
    """ "It was Tom who turned off the alerts": the cleft singles the person out.

    Only acts that change the system count: "It was Priya who noticed" or "who
    restored the service" is credit.
    """
    verb = _first_verb(clause)
    if verb is None or verb.low not in _CHANGING_ACTS or _unreal(clause, verb.end):
        return None
    if _GOOD_OUTCOME_RE.search(_clause_text(sentence, clause, clause.start)):
        return None
    return clause.agent_start, verb.end


def _first_verb(clause: Clause) -> Word | None:
    """The clause's verb after any auxiliaries and adverbs."""
    words, k = clause.words, clause.predicate
    while k < len(words) and (words[k].low in _AUX or words[k].low.endswith("ly")):
        k += 1
    return words[k] if k < len(words) else None


def harm(sentence: Sentence, clause: Clause) -> tuple[int, int] | None:
    """Where the act is tied to a bad outcome that followed ("..., leading to ...")."""
    # The outcome may stand in a later clause, so the rest of the sentence is read.
    start = _predicate_start(clause)
    rest = sentence.text[start - sentence.offset :]
    # A relative or complement clause ("clues that they'd switched hubs,
    # leading to ...") tells what someone saw; the main clause carries the claim.
    if clause.words[0].low in _CLAUSE_WORDS or not _acts(clause):
        return None
    match = _HARM_RE.search(rest)
    if match is None or _GOOD_OUTCOME_RE.search(rest, match.end(), match.end() + 40):
        return None
    return start + match.start(), start + match.end()


# --- Remedies that ask people to behave better ---------------------------------------------

# Attitudes and habits: what a promise or a plea asks of people.
_HABIT = (
    r"(?:try|do\s+(?:my|our|your|their)\s+(?:very\s+)?best|be\s+(?:(?:\w+ly|more|extra|a\s+bit\s+more"
    r"|\d[\d,.]*\s*%|100\s+percent)\s+)?"
    r"(?:careful|vigilant|mindful|aware|cautious|diligent|thorough|sure|attentive|alert)"
    r"|make\s+sure|(?:double|triple)[- ]?check|remember\s+to"
    r"|keep\s+(?:this|that|it|these|those)\s+in\s+mind"
    r"|don['’]t\s+rush|take\s+(?:your|their|our|a)\s+(?:time|moment)|think\s+before|improve\s+diligence"
    r"|pay\s+(?:more\s+|closer\s+|close\s+)?attention|take\s+(?:more\s+|extra\s+|better\s+)?care"
    r"|think\s+twice|slow\s+down|work\s+harder|try\s+harder|learn\s+from|not\s+(?:do|let|make)"
    r"|never\s+(?:do|let|make)|make\s+(?:more\s+)?announcements|communicate\s+(?:more|better|earlier)"
    r"|declare|follow\s+(?:the\s+|our\s+|established\s+)?(?:procedures?|process|runbooks?|steps|it)"
    r"|use\s+(?:a\s+)?checklists?|work\s+with\s+a\s+checklist|be\s+more\s+\w+)\b"
)
# Acts a person does by hand; asked of people ("you must bump the version"), a remedy of effort.
_MANUAL = (
    rf"(?:{_HABIT[3:-3]}|merge|push|deploy|release|run|increase|bump|check|verify|confirm|test"
    r"|review|read|wait|tag|notify|announce|tell|inform|allow|let|always|never|ensure|know|look"
    # Asking first, not asking for help: "please ask first".
    r"|watch|coordinate|escalate|communicate|avoid|stop|pause|ask\s+first)\b"
)
_PLEA_RE = _Lazy(
    # Every alternative starts at a word; checked first, that spares the rest.
    r"\b(?=\w)(?:"
    # A promise: "I'll do my best to ...", "going forward we will work harder to ...".
    rf"\b(?:i|we)(?:['’]ll|\s+will|\s+shall|\s+(?:am|are)\s+going\s+to|['’](?:m|re)\s+going\s+to)"
    rf"\s+(?:\w+ly\s+|also\s+|all\s+|try\s+to\s+)?{_HABIT}"
    # A directive to people: "you shouldn't merge when ...", "engineers must ...".
    rf"|\b(?:you|people|everyone|everybody|engineers|developers|devs|operators|staff|folks"
    rf"|reviewers|maintainers|sres)\s+(?:\w+ly\s+)?(?:must|should|need\s+to|have\s+to|ought\s+to"
    rf"|could\s+at\s+least|can['’]?t|cannot)(?:\s+not|n['’]t)?\s+(?:\w+ly\s+)?{_MANUAL}"
    rf"|\bwe\s+(?:\w+ly\s+)?(?:must|should|need\s+to|have\s+to|ought\s+to)(?:\s+not|n['’]t)?"
    rf"\s+(?:\w+ly\s+|all\s+|always\s+)?{_HABIT}"
    # Habits named as the lesson.
    r"|\b(?:reinforce|continuous|more|additional|refresher|mandatory|further|better|ongoing)"
    r"\s+(?:\w+\s+)?training\b|\btraining\s+(?:of|for)\s+(?:all\s+)?(?:\w+\s+){0,2}?(?:staff"
    r"|employees|employee['’]s|engineers|developers|operators|teams?|people|personnel)\b"
    r"|\bpeer[- ]review\s+(?:process\s+)?(?:for|of)\s+(?:the\s+)?commands\b"
    r"|\bcovered\s+(?:in|during|at)\s+(?:the\s+|our\s+|a\s+)?(?:[\w-]+\s+){0,3}?training\b"
    # Eyes on by hand: "a second engineer to watch over the shoulder".
    r"|\bwatch\s+over\s+(?:[\w'’-]+\s+)?shoulders?\b"
    # A pledge of care: "our team is committed to paying closer attention".
    r"|\b(?:is|are|am|remain|remains)\s+(?:fully\s+)?committed\s+to\s+(?:paying|being|taking|following"
    r"|double-checking|checking|reviewing)\b"
    # A habit stated as the rule: "you never push directly to main".
    r"|\byou\s+(?:always|never)\s+(?:push|merge|deploy|run|skip|force-push|commit|release|touch)\b"
    r"|\blearn\s+from\s+(?:our|my|their|your)\s+mistakes\b"
    r"|\b(?:not|never)\s+(?:do|let|make)\s+(?:it|this|that|the\s+same\s+\w+)\s+(?:\w+\s+)?again\b"
    r"|\bcomplacency\b|\bmental\s+check\b|\b(?:work|try)\s+harder\b"
    # Virtues asked for as the fix: "the fix is better discipline around releases".
    r"|\b(?:better|more|stricter|greater|improved|increased|renewed)\s+(?:discipline|diligence|rigou?r"
    r"|carefulness|vigilance|attention\s+to\s+detail)\b"
    # Four eyes by hand: "changes must be double-checked by a second person".
    r"|\b(?:must|should|will|shall|need\s+to|needs\s+to|has\s+to|have\s+to)\s+be\s+(?:manually\s+)?"
    r"(?:double[- ]?checked|checked|verified|reviewed|confirmed)\s+by\s+"
    r"(?:a\s+(?:second|another|different)|another|two|someone|a\s+human|a\s+person|a\s+colleague"
    r"|a\s+peer)\b"
    r"|\bkeep\s+(?:this|that|it)\s+in\s+mind\b|\b(?:been|be|was|were)\s+(?:\w+ly\s+)?reassigned\b"
    r"|\bcloud\s+(?:your|their|our|his|her)\s+judg(?:e)?ment\b"
    r"|\bin\s+(?:your|our|their|my)\s+(?:brain|head|mind)s?\b"
    r"|\b(?:something|things|one\s+thing|lessons?)\s+to\s+(?:keep\s+in\s+mind|remember|bear\s+in\s+mind)\b"
    # Asides in parentheses ("after a production (or staging) release") are words too.
    r"|\b(?:should|must|need\s+to|have\s+to)\s+(?:[\w()’'-]+\s+){1,16}?every\s+(?:single\s+)?time"
    r"\s+(?:we|you|they|someone|anyone)\b"
    # Compliance every time as the remedy: "… and follow it every time we deploy".
    r"|\bfollow\s+(?:it|this|them|these|that|the\s+(?:\w+\s+)?(?:list|checklist|steps|process"
    r"|procedure|runbook))\s+(?:\w+\s+){0,2}?(?:every|each)\s+(?:single\s+)?time\b"
    # People's effort named as the fix: "the fix is for reviewers to actually read the diff".
    r"|\b(?:fix|remedy|solution|lesson|answer|takeaway)\s+(?:here\s+)?(?:is|was|will\s+be)\s+for\s+"
    r"(?:people|reviewers|engineers|developers|operators|everyone|us|them|the\s+team|the\s+on-?call"
    r"|staff|ops)\s+to\b"
    # People's compliance as the remedy: "… needed to ensure we follow all proper steps".
    r"|\b(?:ensure|make\s+sure)\s+(?:that\s+)?(?:we|you|people|everyone|everybody|engineers|staff|they"
    r"|the\s+team|teams|developers|operators)\s+(?:always\s+|all\s+)?(?:follow|adhere|comply|stick)\b"
    # Checking again by hand proposed as the safeguard: "double-checking the dose with
    # the vet may provide another check".
    r"|\b(?:double|triple)[- ]?checking\b[^.!?]{0,160}?\b(?:may|might|would|could|will|should|can)"
    r"\s+(?:\w+\s+)?(?:provide|help|prevent|catch|avoid|reduce|add|ensure)\b"
    r"|\b(?:important|essential|crucial|vital|wise|best|better|key)\s+to\s+(?:always\s+)?"
    r"(?:double[- ]?check|check|verify|be\s+careful|pay\s+attention|read|think|pause|slow\s+down"
    r"|review|remember)\b"
    r"|\b(?:recommend|suggest)(?:s|ed)?\s+(?:that\s+)?(?:doing|performing|running|checking|verifying"
    r"|reviewing|double-checking|confirming|testing|manually)\b)",
    re.IGNORECASE,
)
# Chat spells "please" short.
_PLEASE = r"(?:please|pls|plz|plse|pleeease)"
# An imperative at the start of a clause that asks for a habit: "ALWAYS work
# with a checklist", "Please bump the major version next time", "pause".
_IMPERATIVE_RE = _Lazy(
    rf"(?:{_PLEASE}\s+)?(?:always|never)[,!]?\s+(?:(?:always|never)[,!]?\s+)?\w+"
    rf"|(?:{_PLEASE}\s+)?(?:do\s+not|don['’]t)\s+(?:\w+ly\s+)?(?:do\b|{_MANUAL})"
    rf"|{_PLEASE}\s+(?:\w+ly\s+)?{_MANUAL}"
    rf"|(?:know|learn)\s+(?:all\s+)?(?:your|the)\b|(?:pause|slow\s+down)\b"
    rf"|(?:be|stay)\s+(?:more\s+|extra\s+)?(?:careful|vigilant|mindful|cautious)\b"
    # A habit as the instruction: "Lesson: communicate better ...", "Pay attention to ...".
    r"|(?:pay\s+(?:more\s+|closer\s+|close\s+)?attention|take\s+(?:more\s+|extra\s+|better\s+)?care"
    r"|think\s+twice|think\s+before|work\s+harder|try\s+harder|communicate\s+(?:more|better|earlier)"
    r"|don['’]t\s+rush|take\s+(?:your|their|a)\s+(?:time|moment)|improve\s+diligence"
    r"|(?:double|triple)[- ]?check\s+(?!that\s+you\s+have\b)\w+"
    # The lesson re-sent to people: "Re-communicate the deploy policy", "Reiterate …".
    r"|re-?communicate|re-?circulate|re-?iterate|re-?emphasi[sz]e|re-?educate)\b"
    # "Next time ping #infra first", "In future, take a moment ...": a remedy in time.
    r"|(?:next\s+time|in\s+(?:the\s+)?future|from\s+now\s+on|(?:going|moving)\s+forward)\s*,?\s+"
    rf"(?:{_PLEASE}\s+)?(?!we\b|i\b|you\b|the\b|our\b|it\b|this\b|all\b)[a-z]+\b",
    re.IGNORECASE,
)
# An imperative that carries its own emphasis on care anywhere in the sentence:
# "Read your PR before asking for review, please", "Verify the ID twice".
_EMPHASIS_RE = _Lazy(
    rf"\b{_PLEASE}\b|\btwice\b|\b(?:every|each)\s+(?:single\s+)?time\b|\balways\b|\bexactly\b"
    r"|\bcarefully\b|\bthoroughly\b|\bresponsibly\b|\bdiligently\b",
    re.IGNORECASE,
)
_IMPERATIVE_VERBS = frozenset(
    {
        "read",
        "check",
        "verify",
        "confirm",
        "review",
        "test",
        "look",
        "watch",
        "ask",
        "ping",
        "follow",
    }
    | {"think", "pause", "remember", "ensure", "avoid", "stop", "wait", "communicate", "coordinate"}
    | {"re-read", "reread", "double-check", "triple-check", "inspect", "validate", "use"}
)
# A directive to people: "contributors must not merge their own PRs", "nobody
# should be running migrations by hand", "operators to follow the runbook".
_DIRECTIVE_RE = _Lazy(
    r"(?:\w+ly\s+)?(?:must|should|shall|has\s+to|have\s+to|needs?\s+to|ought\s+to|(?:is|are)\s+(?:expected"
    r"|required)\s+to)(?:\s+not|n['’]t)?+\s+(?:(?:always|never|ever|now|then|also|still"
    r"|just|already)\s+)?+(?:be\s+(?!\w+ed\b)(?=\w+ing\b))?"
    # "should have rolled back" judges the past; "must have write access" is design.
    r"(?!be\b|have\b|get\s+\w+ed\b|see\b|return|receive|feel|worry"
    r"|hesitate|panic|blame|decide|agree|discuss|consider|evaluate|investigate|meet|talk|account|design"
    r"|expect|know\b)[a-z-]+\b",
    re.IGNORECASE,
)
_BUILDING_VERBS = frozenset(
    {
        "add",
        "build",
        "automate",
        "implement",
        "create",
        "introduce",
        "configure",
        "enable",
        "install",
    }
    | {"set", "write", "fix", "deploy", "migrate", "upgrade", "move", "replace", "remove", "rotate"}
)


def plea(sentence: Sentence, clause: Clause) -> tuple[int, int] | None:
    """Where a remedy asks people to be more careful: a promise, a directive, a habit."""
    found = _pleading(sentence, clause)
    if found is None or _STRONG_RE.search(sentence.text):
        return None
    return found


def _pleading(sentence: Sentence, clause: Clause) -> tuple[int, int] | None:
    text = _clause_text(sentence, clause, clause.start)
    match = _PLEA_RE.search(text)
    if match is not None:
        return clause.start + match.start(), clause.start + match.end()
    begin = _skip_openers(clause.words)
    # "@robin please bump ...": a vocative before the imperative.
    last = len(clause.words) - 1
    while begin < last and clause.words[begin].text.startswith(("@", NAME_MARK)):
        begin += 1
    if begin < len(clause.words) and clause.words[begin].low == ",":
        begin += 1
    if begin >= len(clause.words):
        return None
    match = _IMPERATIVE_RE.match(text, clause.words[begin].start - clause.start)
    if match is None and clause.words[begin].low in _IMPERATIVE_VERBS:
        # A verb of care that stresses itself: "Verify the ID twice", "... please";
        # a first clause reads on to the sentence end ("Read your PR before asking
        # for review, please").
        if clause is sentence.clauses[0]:
            text = sentence.text[clause.start - sentence.offset :]
        match = _EMPHASIS_RE.search(text)
    if match is not None:
        return clause.start + match.start(), clause.start + match.end()
    return _directive(sentence, clause)


def _directive(sentence: Sentence, clause: Clause) -> tuple[int, int] | None:
    """A modal directive whose agent is a person or nobody, asking for a manual act."""
    if clause.agent not in (OTHER, NOBODY):
        return None
    start, text = _predicate(sentence, clause)
    match = _DIRECTIVE_RE.match(text)
    if match is None or match.group().split()[-1].lower() in _BUILDING_VERBS:
        return None
    return start + match.start(), start + match.end()


def _from_predicate(sentence: Sentence, clause: Clause, regex: _Lazy) -> tuple[int, int] | None:
    """Where `regex` matches at the start of the clause's predicate."""
    start, text = _predicate(sentence, clause)
    match = regex.match(text)
    return (start + match.start(), start + match.end()) if match else None


def damage(sentence: Sentence, clause: Clause) -> tuple[int, int] | None:
    """Where the clause's verb itself does damage ("broke the build", "wiped the table")."""
    return _from_predicate(sentence, clause, _DAMAGE_RE)


def wreck(sentence: Sentence, clause: Clause) -> tuple[int, int] | None:
    """Where the clause's verb says the act wrecked something ("took the API down")."""
    return _from_predicate(sentence, clause, _WRECK_RE)


def hindsight(sentence: Sentence, clause: Clause) -> tuple[int, int] | None:
    """Where the predicate judges a choice with hindsight ("should have checked")."""
    return _from_predicate(sentence, clause, _HINDSIGHT_RE)


def neglect(sentence: Sentence, clause: Clause) -> tuple[int, int] | None:
    """Where a thing's passive tells of care left undone ("the warning was missed")."""
    head = clause.words[clause.predicate - 1] if clause.predicate > 0 else None
    if head is None or head.low in _RUN_NOUNS or _asks_which(sentence):
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
    regex = _BARE_NEGLECT_RE if shared else _NEGLECT_RE
    match = regex.search(text, 0, min(len(text), 60))
    if match is None or match.start() > 20 or _caught_by_a_safeguard(text, match):
        return None
    if _ON_PURPOSE_RE.search(text, match.end(), match.end() + 40):
        return None  # "The step was skipped by design for hotfixes"
    return start + match.start(), start + match.end()


_WH_WORDS = frozenset({"which", "what", "whether", "how", "why", "when", "where"})


def _asks_which(sentence: Sentence) -> bool:
    """An open question ("Which deploy went out without a canary, and why …?") inquires."""
    return bool(sentence.words) and sentence.words[0].low in _WH_WORDS and "?" in sentence.text


def _caught_by_a_safeguard(text: str, match: re.Match[str]) -> bool:
    """True when a detection verb names the safeguard that was missing.

    "Should have been caught by our tests" is the guide's system-focused
    counterfactual, which is what a review wants, not a verdict on people.
    """
    detected = match.group().lower().endswith(("caught", "noticed", "detected", "spotted"))
    return detected and _BY_A_SAFEGUARD_RE.match(text, match.end()) is not None


_BY_A_SAFEGUARD_RE = _Lazy(
    r"\s+(?:by|in|during|at)\s+(?:the\s+|our\s+|an?\s+|any\s+|their\s+|its\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:tests?|testing|ci|linter|lint|checks?|monitoring|monitors?|alerts?|alerting|pipeline|staging"
    r"|canary|canaries|validation|validator|schema|type\s+checker|compiler|scanner|tooling|automation"
    r"|dashboards?|probes?|health\s?checks?|guardrails?|safeguards?|policy|policies|gates?)\b",
    re.IGNORECASE,
)


# A question aimed at a person: it asks who or why of a slip, or with an edge
# ("did anyone even test it?", "merged without a review?", "... with CI red, again?").
_EDGE_RE = _Lazy(
    # Disbelief: "how on earth", "who the hell", "how did nobody notice".
    r"\b(?:on\s+earth|the\s+(?:hell|heck|fuck))\b"
    r"|\b(?:how|why)\s+(?:did|could|would|was|were|has|had)\s+(?:nobody|no\s+one|noone|none\s+of)\b"
    # "Did you actually read it?" (not "did you actually get a page?", which asks for facts).
    r"|\bactually\s+(?:test|read|check|look|review|run|open|try|verify)\w*"
    r"|\b(?:even|seriously|asleep|twice|thinking)\b|,\s*again\s*\?|\bwithout\s+(?:a|any|the)\s+"
    r"(?:single\s+)?(?:review|test|tests|approval|canary|check|word|warning|heads-up)\b"
    r"|\bwithout\s+(?:telling|asking|testing|checking|reviewing|running)\b|\bthe\s+wrong\b",
    re.IGNORECASE,
)
_ADDRESSEE_RE = _Lazy(
    r"\b(?:you|your|he|she|someone|somebody|anyone|anybody|whoever|nobody|no\s+one|noone|who)\b|@\w",
    re.IGNORECASE,
)
# "Do you even run CI?": a habit questioned with an edge, in any tense.
_DO_YOU_EVEN_RE = _Lazy(
    r"\b(?:do|does|did)\s+(?:you|they|he|she|anyone|anybody|y['’]all|@[\w-]+)\s+(?:\w+\s+)?even\s+"
    # Only acts of care: "Do you even need a lock here?" is a real question.
    r"(?:test|read|check|look|review|run|know|understand|care|bother|try|open|bump)\w*\b",
    re.IGNORECASE,
)
# "What was the on-call doing for forty minutes?": the doing asked of a person.
_WHAT_DOING_RE = _Lazy(
    r"\W*what\s+(?:the\s+(?:hell|heck)\s+)?(?:was|were|is|are)\s+((?:[\w@.'’-]+\s+){1,3}?)doing\b",
    re.IGNORECASE,
)


def accusation(sentence: Sentence, clause: Clause) -> tuple[int, int] | None:
    """A question with an edge about what a person did (checked once, on the first clause)."""
    text = sentence.text.rstrip()
    if clause is not sentence.clauses[0] or not text.endswith("?"):
        return None
    if _asks_what_a_person_was_doing(text) or _DO_YOU_EVEN_RE.search(text):
        return sentence.offset, sentence.offset + len(text)
    edge = _EDGE_RE.search(text)
    if edge is None or not _past_act(sentence):
        return None
    people = {c.agent for c in sentence.clauses} & {OTHER, ELIDED}
    if sentence.words[0].low in _AUX:
        # "Did the retry actually fire?": the subject follows the auxiliary, and a
        # question that opens with one has not left it out.
        people.discard(ELIDED)
    if not people and _ADDRESSEE_RE.search(text) is None:
        return None
    return sentence.offset, sentence.offset + len(text)


def _asks_what_a_person_was_doing(text: str) -> bool:
    match = _WHAT_DOING_RE.match(text)
    return match is not None and agent_of(match.group(1)) == OTHER


def _past_act(sentence: Sentence) -> bool:
    # A habit in the present counts too: "who approves a PR with 40 failing tests?"
    return any(
        w.low in _IRREGULAR_PAST
        or w.low in _PRESENT_ACTS
        or w.low in {"did", "didn't", "didn’t"}
        # "need", "speed" and "feed" are no past tense.
        or (w.low.endswith("ed") and not w.low.endswith("eed"))
        for w in sentence.words
    )


def _acts(clause: Clause) -> bool:
    """True when the clause's verb is a deliberate act, not a state or an event."""
    words, k = clause.words, clause.predicate
    while k < len(words) and (words[k].low in _SLIP_ADVERBS or words[k].low.endswith("ly")):
        k += 1
    if k >= len(words):
        return False
    low = words[k].low
    if low in _EVENT_VERBS and k + 1 < len(words) and words[k + 1].low in _ARTICLES:
        return True  # "dropped the audit table": with an object, an event verb is an act
    if low in _AUX or low in _EVENT_VERBS:
        return False
    return (
        low in _IRREGULAR_PAST
        or _prefixed_irregular_past(low)
        or low in _PRESENT_ACTS
        or low.endswith("ed")
    )


# A person named as what made the outcome happen: "Dana was the reason the
# queue backed up", "I'm the cause of the checkout errors".
_CULPRIT_RE = _Lazy(
    r"(?:(?:is|was|are|were|am)\s+)?(?:(?:really|probably|definitely|honestly|clearly|partly|solely"
    r"|entirely|directly|basically|literally)\s+)?(?:the|a|an|one\s+of\s+the)\s+(?:(?:main|real|root"
    r"|whole|only|sole|direct|primary|actual|likely|probable)\s+)?(?P<noun>reason|cause|culprit|problem)s?\b",
    re.IGNORECASE,
)
# What the person caused went wrong: an event of failure or a bad state.
_WENT_WRONG_RE = _Lazy(
    r"\b(?:outage|incident|failure|breakage|mess|downtime|loss|regression|corruption|delay|errors?"
    r"|bugs?|damage|disaster|broke|broken|down|froze|frozen|stalled|stuck|backed\s+up|lost|leaked"
    r"|crash\w*|fail\w*|hung|timed\s+out|slow\w*|degraded|paged|woken|woke|spiked|filled|overflowed"
    r"|unavailable|unreachable|offline|late|wrong|missed|postmortem|post-mortem|sev\s?\d|red)\b",
    re.IGNORECASE,
)
_COPULA_CONTRACTIONS = ("'m", "’m", "'s", "’s", "'re", "’re")


# Whoever it was is no one in particular: "… rebukes whoever did it".
_ANYONE = frozenset({"whoever", "who", "anyone", "anybody", "everyone", "everybody", "someone"})
# "An intern did this.": the act left unnamed, only its author.
# "Whoever decided … owes the support team an apology": the debt names a culprit.
_OWES_RE = _Lazy(r"owes\s+(?:[\w-]+\s+){0,4}?an?\s+(?:big\s+|huge\s+)?apology\b", re.IGNORECASE)
_DID_THIS_RE = _Lazy(
    r"did\s+(?:this|that|it)(?:\s+to\s+(?:us|me|them|you|the\s+[\w-]+))?\s*[.!]*\s*$", re.IGNORECASE
)


def culprit(sentence: Sentence, clause: Clause) -> tuple[int, int] | None:
    """The person is said to be the reason or cause of something that went wrong,
    or the author of an act left unnamed ("An intern did this.").

    The copula may sit in the subject's contraction ("I'm the reason …"); the
    outcome must be a failure, not a credit ("Dana is the reason the migration
    went smoothly").
    """
    start, text = _predicate(sentence, clause)
    did = _DID_THIS_RE.match(text)
    subject_end = clause.words[clause.predicate - 1].low if clause.predicate else ""
    if did is not None and clause is sentence.clauses[-1] and subject_end not in _ANYONE:
        return start, start + did.end()
    owes = _OWES_RE.search(text)
    if owes is not None and not _unreal(clause, start + owes.end()):
        return start + owes.start(), start + owes.end()
    match = _CULPRIT_RE.match(text)
    if match is None:
        return None
    copula = match.group().split(None, 1)[0].lower() in {"is", "was", "are", "were", "am"}
    if not copula and not subject_end.endswith(_COPULA_CONTRACTIONS):
        return None
    rest = sentence.text[start - sentence.offset + match.end() :]
    # A culprit or "the problem" needs no outcome beside it: the noun is the verdict.
    outcome = match.group("noun").lower() in {"culprit", "problem"} or _WENT_WRONG_RE.search(rest)
    if not outcome or _unreal(clause, start + match.end()):
        return None
    return start + match.start(), start + match.end()


# Shame said beside the writer's own act: "Embarrassing: I pushed the keys …",
# "Not my finest hour: I restarted the primary". The word stands on its own
# (followed by a mark), not before a noun ("an embarrassing bug in the parser").
_SHAME_RE = _Lazy(
    r"\b(?:(?:so\s+|really\s+|deeply\s+|very\s+)?(?:embarrass(?:ing|ed)|mortif(?:ying|ied)|ashamed"
    r"|humiliat(?:ing|ed)|shameful|cringe(?:worthy)?|guilty)|not\s+my\s+(?:finest|proudest|best|brightest)"
    r"\s+(?:hour|moment|day|work)|what\s+an?\s+(?:idiot|fool|moron|muppet|clown)\s+i\s+am)"
    r"(?:\s+(?:one|moment|bit|admission|update))?\s*[:,.!;—–-]"
    # Disbelief at one's own act: "I can't believe I did that, I deleted …".
    r"|\bi\s+(?:can['’]?t|cannot|could\s*n['’]?t)\s+believe\s+i\b",
    re.IGNORECASE,
)


_APOLOGY_RE = _Lazy(
    r"\b(?:sorry|apologi[sz]e|apologies|forgive|my\s+bad|mea\s+culpa)\b", re.IGNORECASE
)


def shame(sentence: Sentence, clause: Clause) -> tuple[int, int] | None:
    """The line carries shame, and this clause tells the writer's own act; or it
    apologises, and the act went to the wrong thing ("Apologies, I tagged v2 on
    the wrong commit"): alone, that is the behavioural report the guide keeps."""
    if clause.agent not in (SELF, ELIDED) or not _acts(clause) or _responds(clause):
        return None
    if _APOLOGY_RE.search(sentence.text) and _phrase(sentence, clause, _WRONG_OBJECT_RE):
        return _phrase(sentence, clause, _WRONG_OBJECT_RE)
    found = _SHAME_RE.search(sentence.text)
    verb = clause.words[clause.predicate] if clause.predicate < len(clause.words) else None
    if found is None or verb is None or _unreal(clause, verb.end):
        return None
    return sentence.offset + found.start(), verb.end


CUES = {
    "slip": slip,
    "blunder": blunder,
    "accident": accident,
    "oops": oops,
    "omission": omission,
    "harm": harm,
    "damage": damage,
    "wreck": wreck,
    "hindsight": hindsight,
    "neglect": neglect,
    "plea": plea,
    "accusation": accusation,
    "disregard": disregard,
    "incompetence": incompetence,
    "insult": insult,
    "cause": cause,
    "culprit": culprit,
    "shame": shame,
}


def prepare() -> None:
    """Compile every cue's pattern now (see `_Lazy`)."""
    for value in list(globals().values()):
        if isinstance(value, _Lazy):
            _ = value.regex


def frame(agents: frozenset[str], cue: str) -> Frame:
    """A Frame check for `agents` and `cue`, with the cue's trigger words."""
    return Frame(CUE_TRIGGERS[cue], agents, cue)


def _alternatives(*patterns: _Lazy | str) -> _Lazy:
    """One search for any of `patterns`, each of which starts at a word."""
    parts = [p.pattern if isinstance(p, _Lazy) else p for p in patterns]
    # The leading word boundary spares every alternative at most positions.
    return _Lazy(r"\b(?=\w)(?:" + "|".join(f"(?:{p})" for p in parts) + ")", re.IGNORECASE)


_SLIP_WORDS = "|".join(sorted(_SLIP_ADVERBS | _SLIP_VERBS | _MIS_IRREGULAR, key=len, reverse=True))
# Whether a sentence can carry a cue at all, found at C speed before the
# sentence is read into clauses: most sentences with a trigger word carry none,
# and reading is what costs. Each matches wherever its cue could. Damage and
# wreck have none: their verbs are their trigger words, so the sentences
# chosen for them already pass.
PRECHECKS = {
    "slip": _alternatives(
        _RIGHT_THING_MISSED_RE,
        rf"\b(?:{_SLIP_WORDS})\b|\bmis[a-z]{{3,}}d\b",
        _BLUNDER_PHRASE_RE,
        _WRONG_OBJECT_RE,
        _FLAWED_OBJECT_RE,
        r"\b(?:wrong|incorrect|erroneous|errant|mistaken|faulty|untested|unreviewed)\b",
    ),
    "accident": _Lazy(
        r"\b(?:accident\w*|mistakenly|inadvert\w*|unintentionally|erroneously)\b", re.IGNORECASE
    ),
    "omission": _alternatives(_OMISSION_RE, r"\b(?:none|nobody|noone|no\s+one|not\s+one)\b"),
    "harm": _HARM_RE,
    "hindsight": _HINDSIGHT_RE,
    "neglect": _alternatives(_NEGLECT_RE, _BARE_NEGLECT_RE),
    "plea": _alternatives(
        _PLEA_RE,
        _IMPERATIVE_RE,
        _EMPHASIS_RE,
        r"\b(?:must|should|shall|has\s+to|have\s+to|needs?\s+to|ought\s+to|expected\s+to|required\s+to)\b",
    ),
    # Not `_alternatives`: the edge ", again?" starts at a comma, not a word.
    "accusation": _Lazy(f"{_EDGE_RE.pattern}|{_WHAT_DOING_RE.pattern}", re.IGNORECASE),
    "incompetence": _INCOMPETENCE_RE,
    "insult": _INSULT_RE,
    "oops": _Lazy(
        r"\b(?:w?oops\w*|whoops|d'oh|doh|facepalm|argh|welp|ugh|dammit|damnit|crap)\b",
        re.IGNORECASE,
    ),
    "culprit": _Lazy(
        r"\b(?:reason|cause|culprit|problem)s?\b|\bdid\s+(?:this|that|it)\b|\bapology\b",
        re.IGNORECASE,
    ),
    "shame": _alternatives(_SHAME_RE, _APOLOGY_RE),
    "cause": _Lazy(
        r"\b(?:because|when|who)\b|\b(?:cause|issue|problem|reason|trigger)\s+(?:was|is)\s+that\b",
        re.IGNORECASE,
    ),
    "disregard": _Lazy(
        r"\b(?:ignored|disregarded|skipped|bypassed|circumvented|overrode|dismissed|brushed\s+off"
        r"|waved\s+off|(?:chose|decided|opted|elected)\s+to|proceeded|went\s+ahead|pressed\s+on"
        r"|carried\s+on|pushed\s+ahead|continued)\b|" + _DEFYING_RE.pattern,
        re.IGNORECASE,
    ),
}
PRECHECKS["blunder"] = PRECHECKS["slip"]


def find_in(
    masked: str, lo: int, hi: int, agents: frozenset[str], cue: str
) -> Iterator[tuple[int, int]]:
    """`find` over the sentence `masked[lo:hi]`, read only when it can carry `cue`."""
    if not _may_carry(masked, lo, hi, cue):
        return iter(())
    return find(read(masked, lo, hi), agents, cue)


@lru_cache(maxsize=2048)
def _may_carry(masked: str, lo: int, hi: int, cue: str) -> bool:
    # Cached: several frames ask the same of one sentence (slip and blunder
    # share a precheck; two rules read care left undone).
    precheck = PRECHECKS.get(cue)
    return precheck is None or precheck.search(masked, lo, hi) is not None


def find(sentence: Sentence, agents: frozenset[str], cue: str) -> Iterator[tuple[int, int]]:
    """Spans, agent to cue, of clauses whose agent is one of `agents` and that carry `cue`."""
    test = CUES[cue]
    for clause in sentence.clauses:
        if clause.agent not in agents:
            continue
        found = test(sentence, clause)
        # A chat line with no subject counts as a self-report only when it leads
        # with the slip; imperatives and questions have no subject by nature.
        if found is None or (
            clause.agent == ELIDED
            and cue in {"blunder", "wreck"}
            and found[0] > _elided_reach(clause)
        ):
            continue
        if clause.agent == ELIDED and cue == "wreck" and clause is not sentence.clauses[0]:
            # "And broke the build." leads its line; "(broke, caused, …)" lists verbs.
            continue
        yield min(clause.agent_start, found[0]), found[1]


def _elided_reach(clause: Clause) -> int:
    """How far an elided subject's cue may stand: chat leads with it ("Accidentally
    pushed ...", "Pushed to main by mistake" is a phrase of its own)."""
    begin = _skip_openers(clause.words)
    last = min(len(clause.words) - 1, begin + 1)
    return clause.words[last].end if last >= 0 else 0
