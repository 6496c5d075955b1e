"""A small model of a sentence: who acts, what they did, and how it is framed.

Blame is a person *plus* a verdict on what they did (Allspaw 2012), so a list
of phrasings misses most of it: real writing puts the slip in the verb ("typoed
a hostmask"), in the object ("used the wrong tag") or in what followed ("omitted
it, leading to ..."), and names the person with any role, handle or name. This
module reads one sentence into clauses, finds each clause's agent (its subject)
and the cues in what the agent did; `Frame` checks of the rules then ask for an
agent kind and a cue, so one check covers every way of saying the same thing.

No tagger: the agent is the noun phrase before the clause's first verb, told
apart by small closed word lists (pronouns, role nouns, system nouns) and by
shape (an @handle, a capitalised name). It is cheap enough to run on every
sentence that contains one of a frame's trigger words.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import NamedTuple

from .lexicon import NAME_MARK, ROLE_WORDS, STRONG_ACTION
from .rule import Frame


class _Lazy:
    """A regular expression compiled on first use.

    `unblame lint` on one small file should not pay for compiling every cue's
    pattern (a third of the module's import time); most files need few of them.
    """

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern, self.flags = pattern, flags

    @cached_property
    def regex(self) -> re.Pattern[str]:
        return re.compile(self.pattern, self.flags)

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self.regex.search(text, pos, endpos)

    def match(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self.regex.match(text, pos, endpos)

    def fullmatch(self, text: str) -> re.Match[str] | None:
        return self.regex.fullmatch(text)


WORD_RE = re.compile(r"@[\w.-]*\w|\d+(?::\d+)+|[\w’'](?:[\w’'-]*\w)?|[^\w\s]")

# --- Who acts -----------------------------------------------------------------------------

SELF = "self"  # the writer: I, me, my
GROUP = "group"  # the writer's group: we, us, none of us
OTHER = "other"  # another person, role, team, @handle or name
NOBODY = "nobody"  # nobody, no one: a judgement about everyone at once
ELIDED = "elided"  # chat with the subject left out: "Accidentally pushed to main"
WORK = "work"  # another person's work: "your PR", "Lachlan's hotfix"
SYSTEM = "system"  # anything else: a job, a config, a service
AGENTS = frozenset({SELF, GROUP, OTHER, NOBODY, ELIDED, WORK, SYSTEM})

_SELF_WORDS = frozenset({"i", "i'm", "i’m", "i've", "i’ve", "i'd", "i’d", "i'll", "i’ll", "me"})
_GROUP_WORDS = frozenset({"we", "we've", "we’ve", "we'd", "we’d", "we'll", "we’ll", "us"})
_OTHER_WORDS = frozenset(
    {"he", "she", "they", "you", "he'd", "she'd", "they'd", "you'd", "whoever", "someone"}
    | {"somebody", "everyone", "everybody", "anyone", "anybody"}
)
_NOBODY_WORDS = frozenset({"nobody", "noone"})
_PRONOUNS = _SELF_WORDS | _GROUP_WORDS | _OTHER_WORDS | _NOBODY_WORDS
_ROLES = frozenset(w.lower() for w in ROLE_WORDS)
# Heads that are never people, even capitalised at the start of a sentence.
_THING_SUFFIXES = ("ing", "tion", "ment", "ness", "ity", "ure", "ance", "ence", "age", "ism")
_DETERMINERS = frozenset(
    {"the", "a", "an", "this", "that", "these", "those", "our", "their", "his", "her", "its"}
    | {"my", "your", "some", "one", "two", "three", "several", "many", "all", "every", "each"}
    | {"another", "other", "no", "any"}
)
_FUNCTION_CAPITALS = frozenset(
    {"the", "a", "an", "this", "that", "it", "its", "there", "here", "then", "these", "those"}
    | {"what", "when", "where", "why", "how", "which", "who", "if", "so", "but", "and", "or"}
    | {"yes", "no", "ok", "okay", "well", "also", "after", "before", "during", "since", "while"}
    | {"because", "as", "once", "today", "yesterday", "tomorrow", "now", "later", "please"}
    | {"sorry", "thanks", "hi", "hey", "fyi", "note", "update", "edit", "root", "cause"}
)

# --- What is done -------------------------------------------------------------------------

_AUX = frozenset(
    {"is", "was", "were", "are", "am", "be", "been", "being", "has", "had", "have", "did", "do"}
    | {"does", "can", "could", "will", "would", "shall", "should", "must", "may", "might"}
    | {"didn't", "didn’t", "wasn't", "wasn’t", "hasn't", "hadn't", "don't", "doesn't", "won't"}
    | {"can't", "cannot", "couldn't", "shouldn't", "wouldn't", "mustn't", "'d", "’d", "'ll"}
    | {"never", "just", "then", "also", "really", "actually", "apparently", "probably"}
)
_IRREGULAR_PAST = frozenset(
    [
        "ran",
        "took",
        "made",
        "broke",
        "cut",
        "put",
        "set",
        "left",
        "sent",
        "hit",
        "kept",
        "lost",
        "told",
        "wrote",
        "gave",
        "got",
        "went",
        "did",
        "forgot",
        "brought",
        "began",
        "chose",
        "drew",
        "drove",
        "fell",
        "found",
        "held",
        "knew",
        "led",
        "let",
        "meant",
        "met",
        "paid",
        "read",
        "said",
        "saw",
        "shut",
        "spent",
        "stood",
        "struck",
        "threw",
        "thought",
        "understood",
        "withdrew",
        "overwrote",
        "mistook",
        "misread",
        "misunderstood",
        "undertook",
        "upheld",
        "won",
        "tore",
        "wiped",
        "reset",
        "quit",
        "spread",
    ]
)
# A capitalised word before one of these reads as a name in subject position.
_PRESENT_ACTS = frozenset(
    [
        "reverts",
        "clones",
        "pushes",
        "merges",
        "deploys",
        "deletes",
        "drops",
        "runs",
        "applies",
        "changes",
        "removes",
        "tags",
        "types",
        "enters",
        "updates",
        "restarts",
        "disables",
        "enables",
        "moves",
        "creates",
        "sets",
        "releases",
        "pulls",
        "plugs",
        "unplugs",
        "cuts",
        "edits",
        "copies",
        "renames",
        "overwrites",
        "kills",
        "reboots",
        "publishes",
        "approves",
        "commits",
        "uploads",
        "wipes",
        "breaks",
        "takes",
        "uses",
        "forgets",
        "ignores",
        "skips",
        "misses",
    ]
)

# Things that happen to systems; a clause with one of these reports an event.
_EVENT_VERBS = frozenset(
    [
        "failed",
        "crashed",
        "died",
        "stopped",
        "expired",
        "timed",
        "fell",
        "hung",
        "went",
        "happened",
        "occurred",
        "started",
        "ended",
        "spiked",
        "dropped",
        "rose",
        "grew",
        "filled",
        "overloaded",
        "degraded",
    ]
)

# Adverbs and phrases that present an act as a slip.
_SLIP_ADVERBS = frozenset(
    [
        "accidentally",
        "accidently",
        "accidentaly",
        "mistakenly",
        "inadvertently",
        "inadvertantly",
        "unintentionally",
        "erroneously",
        "incorrectly",
        "wrongly",
        "carelessly",
        "blindly",
        "stupidly",
        "foolishly",
        "recklessly",
        "sloppily",
        "improperly",
        "hastily",
    ]
)
_SLIP_VERBS = frozenset(
    [
        "typoed",
        "typo'd",
        "typo’d",
        "fat-fingered",
        "fatfingered",
        "botched",
        "borked",
        "goofed",
        "bungled",
        "fumbled",
        "overfilled",
        "overreacted",
        "vaporized",
        "vaporised",
        "nuked",
        "trashed",
        "bricked",
        "clobbered",
        "messed",
        "screwed",
        "fucked",
        "overlooked",
    ]
)
_MIS_RE = re.compile(r"mis(?!s|sion|t\b|ter|chie|matched|aligned|sing)[a-z]{3,}(?:ed|d)$")
_MIS_IRREGULAR = frozenset({"misread", "misunderstood", "mistook", "misheard", "mistyped"})
_BLUNDER_PHRASE_RE = _Lazy(
    r"\bby\s+(?:mistake|accident)\b|\bin\s+error\b"
    r"|\bmade\s+(?:a|an|the)\s+(?:\w+\s+)?(?:mistake|error|typo|blunder|misstep|goof)\b"
    r"|\b(?:did|done)\s+(?:\w+\s+){0,2}?wrong(?:ly)?\b|\bwithout\s+(?:even\s+)?(?:realizing"
    r"|realising|noticing|thinking|being\s+thorough)\b",
    re.IGNORECASE,
)
_WRONG_OBJECT_RE = _Lazy(
    r"\b(?:the|a)\s+wrong\b|\b(?:an?|the)\s+incorrect\b|\binstead\s+of\b|\brather\s+than\s+the\b"
    r"|\bbackwards\b"
    r"|\btoo\s+(?:broadly|widely|early|soon|aggressively|hastily)\b",
    re.IGNORECASE,
)
# Words that make an act hypothetical, prevented or denied.
_CONDITIONS = frozenset({"if", "unless", "whether", "lest"})
_UNREAL = frozenset(
    {"can", "can't", "can’t", "cannot", "could", "couldn't", "would", "wouldn't", "might"}
    | {"may", "will", "won't", "nothing", "anything", "not", "never", "if", "avoid"}
    | {"don't", "doesn't", "didn't", "didn’t", "don’t", "prevent", "unless", "whether"}
)

# Deliberate acts of attention and care: what "did not" and "failed to" judge.
_CARE_VERBS = (
    r"notice|check|test|verify|validate|review|read|look|follow|tell|inform|notify|announce"
    r"|communicate|coordinate|consult|ask|wait|escalate|update|confirm|consider|reali[sz]e"
    r"|think|connect|document|double-check|catch|see|monitor|respond|plan|prepare|speak"
    r"|raise|report|bother|ensure|remember|warn|provide|spot|investigate|run|take"
)
_OMISSION_RE = _Lazy(
    rf"\b(?:did\s+not|didn[’']?t|never|had\s+not|hadn[’']?t|have\s+not|haven[’']?t)"
    rf"\s+(?:\w+ly\s+|even\s+|actually\s+)?(?:{_CARE_VERBS})(?:ed|d)?\b"
    # Forgetting is always an omission, save forgetting to mention something.
    r"|\b(?:i|we|he|she|they)?['’]?d\s+forgotten\b|\bhad\s+forgotten\b"
    rf"|\bfailed\s+to\s+(?:\w+ly\s+)?(?:{_CARE_VERBS}|renew|mention|include|share|rotate|back\s+up|do)\b"
    r"|\bmissed\s+(?:the|a|an|this|that|his|her|their|our|your|several|two|both|all)\s+(?:[\w'’-]+\s+){0,2}?"
    r"(?:alerts?|warnings?|comments?|pages?|messages?|emails?|steps?|signs?|signals?|notifications?"
    r"|errors?|bugs?|typos?|changes?|reviews?|notes?)\b"
    r"|\blet\s+(?:\w+\s+){1,4}?slide\b"
    r"|\bmiss(?:ed|ing)\s+(?:the|an?|our|every|any)\s+(?:\w+\s+)?(?:opportunity|chance|window)\b"
    r"|\bwithout\s+(?:anyone|anybody|someone|a\s+human)\s+\w+ing\b"
    r"|\b(?:forgot(?:ten)?|neglected)\s+to\s+(?!mention|say|tell|ask|reply|respond|attach|link|cc|post|share)\w+"
    rf"|\b(?:forgot|forgotten)\s+(?:that|about)\b"
    r"|\bwithout\s+(?:\w+ly\s+)?(?:validating|checking|testing|verifying|reviewing|telling|running"
    r"|ensuring|making\s+sure|waiting\s+for"
    r"|notifying|informing|consulting|asking|waiting|reading|looking|confirming|double-checking"
    r"|coordinating|being\s+thorough|(?:a|any)\s+(?:\w+\s+)?review)\b"
    r"|\btake\s+the\s+time\s+to\b"
    r"|\b(?:carefully|closely|thoroughly|loud|loudly|quickly|clearly|hard)\s+enough\b"
    r"|\b(?:don['’]?t|doesn['’]?t|didn['’]?t|do\s+not|does\s+not|did\s+not)\s+even\s+(?:bother\s+to\s+)?\w+"
    r"|\b(?:skipped|omitted)\s+(?:\w+\s+)?(?:step|steps|check|checks|review|approval|tests?|canary|stage)\b"
    r"|\b(?:overlooked|ignored|disregarded|omitted|skipped)\s+(?:the|a|an|this|that|it|his|her"
    r"|their|our|several|two|both|all)\b",
    re.IGNORECASE,
)
_NEGATED_AGENT = frozenset({"none", "nobody", "no", "noone", "not"})
_CARE_PAST_RE = _Lazy(
    r"picked|noticed|caught|checked|spotted|saw|reali[sz]ed|verified|tested|reviewed|read|thought"
    r"|looked|asked|questioned|flagged|objected|remembered|bothered"
)
# The work itself did damage: "your PR broke the Windows build".
_DAMAGE_RE = _Lazy(
    r"(?:(?:is|was)\s+what\s+)?(?:(?:may|might|must|probably|has|have|had)\s+(?:have\s+)?)?(?:\w+ly\s+)?"
    r"(?:broke|broken|caused|crashed|wiped|emptied|dropped|deleted"
    r"|corrupted|took\s+(?:\w+\s+){0,3}?(?:down|offline|out)|brought\s+(?:\w+\s+){0,3}?down"
    r"|introduced\s+(?:the|a|an)\s+(?:[\w-]+\s+)?(?:bug|regression|crash|leak|outage|race|deadlock|error"
    r"|null|loop)|triggered\s+(?:the|an?)\s+(?:\w+\s+)?(?:outage|incident|failure|crash)|knocked|hammered"
    r"|overloaded|exhausted)\b",
    re.IGNORECASE,
)
# Verbs that say the act wrecked something, whoever did it: "Pascoe broke the build".
_WRECK_RE = _Lazy(
    r"(?:\w+ly\s+)?(?:broke(?!\s+(?:\w+\s+){0,3}?(?:down|up|out|into|apart|even)\b)|crashed|corrupted|nuked|trashed|borked|bricked|hosed|clobbered"
    r"|took\s+(?:\w+\s+){0,3}?(?:down|offline)|brought\s+(?:\w+\s+){0,3}?down"
    r"|knocked\s+(?:\w+\s+){0,3}?(?:over|out|offline)|wiped\s+out"
    r"|caused\s+(?:the|an?|this|that)\s+(?:\w+\s+)?(?:outage|incident|failure|crash|breakage|downtime|errors?))\b",
    re.IGNORECASE,
)
# Hindsight about a person's choice: "Tarquin should have checked the config".
_HINDSIGHT_RE = _Lazy(
    r"(?:\w+ly\s+)?(?:should|shouldn['’]t|should\s+not|ought\s+to|could)\s*(?:have|['’]ve)\s+"
    r"(?:\w+ly\s+|just\s+|at\s+least\s+)?(?:known|seen|done|run|read|caught|taken|written|told"
    r"|asked|kept|made|thought|left|\w+ed)\b",
    re.IGNORECASE,
)
# A deliberate act of care left undone, told in the passive: "the warning was
# missed", "the runbook step was skipped", "the change was made without review".
_CARE_PARTICIPLES = (
    r"followed|escalated|acted\s+(?:on|upon)|looked\s+at|checked|tested|reviewed|verified|validated"
    r"|done|carried\s+out|obtained|written|read|noticed|caught|communicated|announced|reported"
    r"|raised|acknowledged|considered|consulted|updated|performed|heeded|addressed|investigated"
    r"|monitored|followed\s+up|picked\s+up|documented|peer[- ]reviewed"
)
# "... acknowledged but not acted on": a clause that shares its subject starts at "not".
_BARE_NEGLECT_RE = _Lazy(rf"(?:not|never)\s+(?:\w+ly\s+)?(?:{_CARE_PARTICIPLES})\b", re.IGNORECASE)
_NEGLECT_RE = _Lazy(
    rf"should(?:n['’]t|\s+not)?\s+have\s+been\s+(?:\w+ly\s+)?(?:{_CARE_PARTICIPLES})\b"
    rf"|(?:wasn['’]t|weren['’]t)\s+(?:\w+ly\s+)?(?:{_CARE_PARTICIPLES})\b"
    r"|(?:was|were|wasn['’]t|weren['’]t|(?:had|has|have)\s+been|been)\s+(?:\w+ly\s+|just\s+|then\s+)?"
    rf"(?:(?:not|never)\s+(?:\w+ly\s+)?(?:{_CARE_PARTICIPLES})\b"
    r"|(?:missed|ignored|disregarded|overlooked|skipped|skimmed|neglected|forgotten|dismissed"
    r"|brushed\s+off|waved\s+off|shrugged\s+off)\b"
    r"|left\s+un\w+ed\b"
    r"|\w+\s+(?:[\w-]+\s+){0,6}?without\s+(?:(?:validat|check|test|review|verify|confirm|ask"
    r"|tell|notify|inform|consult|wait|read|look|warn)ing\b|(?:the\s+)?required\b"
    r"|(?:a|any)\s+(?:\w+\s+)?(?:review|approval|check|sign-?off)\b))"
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
    r"|caus\w+|took\s+(?:\w+\s+){0,3}?(?:down|offline|out)|brought\s+(?:\w+\s+){0,3}?down"
    r"|broke|triggered|knock\w*\s+(?:\w+\s+){0,3}?(?:out|over|offline)|taking\s+(?:\w+\s+){0,3}?down"
    r"|bringing\s+(?:\w+\s+){0,3}?down|render\w*|(?:dropp|lock|crash|empti|corrupt|fill"
    r"|hammer|overload|kill|exhaust|saturat|flood|stall|break)(?:ed|ing)"
    r"|(?:it|the\s+\w+(?:\s+\w+)?)\s+(?:fell\s+over|went\s+(?:down|red|dark|un\w+ed)|crashed|broke|died"
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

# --- Where a clause ends ------------------------------------------------------------------

_CLAUSE_WORDS = frozenset(
    {"because", "after", "when", "since", "while", "although", "though", "but", "so", "until"}
    | {"that", "which", "whereas", "once", "as", "if", "unless", "before", "who"}
)
_CLAUSE_PUNCT = frozenset({";", ":", "—", "–", "(", ")", '"', "“", "”"})
_OPENERS = frozenset(
    {"so", "well", "yes", "no", "ok", "okay", "fyi", "sadly", "unfortunately", "apparently"}
    | {"basically", "honestly", "then", "also", "anyway", "today", "yesterday", "later"}
    | {"meanwhile", "however", "and", "but", "oh", "oops", "whoops", "hi", "hey", "lol", "ugh"}
    | {"first", "finally", "again", "sorry", "errr", "err", "um", "hmm", "frankly", "clearly"}
)
_PREPOSITIONS = frozenset(
    {"on", "at", "in", "during", "after", "before", "while", "when", "around", "by", "about", "per"}
    | {"according"}
    | {"following", "as", "with", "for", "from", "over", "within", "despite", "being", "having"}
)


class Word(NamedTuple):
    # A tuple rather than a dataclass: a sentence makes dozens, and a tuple is
    # about three times cheaper to build.
    text: str
    low: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Clause:
    """One clause: its agent, where the agent stands, and the words that follow it."""

    words: tuple[Word, ...]
    agent: str
    agent_start: int
    predicate: int  # index in `words` of the first word after the subject

    @property
    def start(self) -> int:
        return self.words[0].start

    @property
    def end(self) -> int:
        return self.words[-1].end


@dataclass(frozen=True, slots=True)
class Sentence:
    text: str  # the masked sentence
    offset: int  # where `text` starts in the document
    words: tuple[Word, ...]
    clauses: tuple[Clause, ...]


def words_of(text: str, offset: int = 0) -> tuple[Word, ...]:
    """The words and punctuation of `text`, with offsets shifted by `offset`."""
    return tuple(
        Word(m.group(), m.group().lower(), m.start() + offset, m.end() + offset)
        for m in WORD_RE.finditer(text)
    )


def read(masked: str, lo: int, hi: int) -> Sentence:
    """The sentence model of `masked[lo:hi]`."""
    return _read(masked[lo:hi], lo)


@lru_cache(maxsize=512)
def _read(text: str, offset: int) -> Sentence:
    words = words_of(text, offset)
    return Sentence(text, offset, words, tuple(_clauses(words)))


def _clauses(words: tuple[Word, ...]) -> Iterator[Clause]:
    begin = 0
    previous: Clause | None = None
    # An aside in parentheses does not interrupt the clause around it: after
    # ")" the sentence goes on with the agent it had before "(".
    before_aside: Clause | None = None
    for i, word in enumerate(words):
        if word.low in _CLAUSE_PUNCT or word.low in _CLAUSE_WORDS:
            if i > begin:
                previous = _clause(words[begin:i], previous)
                yield previous
            if word.low == "(":
                before_aside = previous
            elif word.low == ")" and before_aside is not None:
                previous, before_aside = before_aside, None
            begin = i + 1 if word.low in _CLAUSE_PUNCT else i
    if begin < len(words):
        yield _clause(words[begin:], previous)


def _clause(words: tuple[Word, ...], previous: Clause | None) -> Clause:
    """The clause of `words`; one with no subject of its own ("..., but clones the
    wrong branch") shares the agent of the clause before it."""
    i = _skip_openers(words)
    if i < len(words) and words[i].low == "who" and previous is not None:
        # "... blamed on an IT worker who pressed the wrong button": the
        # relative clause acts through the noun just before "who".
        antecedent = _agent(_before_preposition(previous.words[-1:]), first=False)
        return Clause(words, antecedent, words[i].start, _subject_end(words, i + 1))
    if i < len(words) and words[i].low in _CLAUSE_WORDS:
        i += 1
    end = _subject_end(words, i)
    start = words[i].start if i < len(words) else 0
    if end == i and previous is not None:
        return Clause(words, previous.agent, previous.agent_start, end)
    agent = _agent(words[i:end], first=previous is None and i == _skip_openers(words))
    return Clause(words, agent, start, end)


def _skip_openers(words: tuple[Word, ...]) -> int:
    """Skip timestamps, list markers, interjections and a leading phrase up to its comma."""
    i = 0
    while i < len(words):
        low = words[i].low
        if low in _OPENERS or low in ",.!-*#>" or low[0].isdigit() or low in {"utc", "pm", "am"}:
            i += 1
        elif low.endswith("ly") and i + 1 < len(words) and words[i + 1].low == ",":
            i += 2  # "Seriously, ...", "Frankly, ..."
        elif low in _PREPOSITIONS:
            comma = next((j for j in range(i, min(len(words), i + 25)) if words[j].low == ","), -1)
            if comma < 0:
                return i
            i = comma + 1
        else:
            return i
    return i


def _is_verb(word: Word, previous: Word | None) -> bool:
    low = word.low
    if low in _AUX or low in _IRREGULAR_PAST or low in _SLIP_ADVERBS or low in _SLIP_VERBS:
        return True
    if low in _PRESENT_ACTS or low in _MIS_IRREGULAR or _MIS_RE.match(low):
        return True
    after_noun = previous is not None and previous.low not in _DETERMINERS
    return after_noun and (low.endswith("ed") or low.endswith("ly")) and len(low) > 3


def _subject_end(words: tuple[Word, ...], i: int) -> int:
    """Index of the first verb-like word after `i` (the subject is what comes before)."""
    for j in range(i, min(len(words), i + 20)):
        if words[j].low in _PRONOUNS:
            return j + 1
        if _is_verb(words[j], words[j - 1] if j > i else None) or words[j].low == ",":
            return j
        # "an engineer performing maintenance" ends the subject at "performing";
        # "the warning" and "the morning" are nouns.
        ing = words[j].low.endswith("ing") and words[j].low not in _ROLES
        if j > i and ing and _person_word(words[j - 1], first=j - 1 == i):
            return j
    return i


def _person_word(word: Word, *, first: bool) -> bool:
    """A role, handle, name or (not first in its clause) capitalised word."""
    text = word.text
    if word.low in _ROLES or text.startswith(("@", NAME_MARK)):
        return True
    return not first and text[:1].isupper() and word.low not in _FUNCTION_CAPITALS


def _agent(subject: tuple[Word, ...], *, first: bool) -> str:
    if not subject:
        return ELIDED if first else SYSTEM
    if len(subject) > 1 and subject[-1].low in _PRONOUNS:
        # "Turns out I'd forgotten ...": the pronoun that ends the subject acts.
        subject = subject[-1:]
    lows = [w.low for w in subject]
    if lows[0] in _SELF_WORDS or (lows[:1] == ["my"] and len(lows) == 2 and lows[1] in _ROLES):
        return SELF
    if lows[0] in _NOBODY_WORDS or lows[:2] in (["no", "one"], ["none", "of"], ["not", "one"]):
        return GROUP if lows[:3] == ["none", "of", "us"] else NOBODY
    if lows[0] in _GROUP_WORDS:
        return GROUP
    if lows[0] in _OTHER_WORDS:
        return OTHER
    subject = _before_preposition(subject)
    if _possessed_work(subject):
        return WORK
    head = subject[-1]
    if head.text.startswith("@") or head.text.startswith(NAME_MARK) or head.low in _ROLES:
        return OTHER
    if any(w.text.startswith(("@", NAME_MARK)) for w in subject) and "of" not in lows:
        return OTHER
    if head.text[:1].isupper() and any(w.low in _ROLES for w in subject[:-1]):
        return OTHER  # "staff member Brain", "engineer Dana"
    if _name_shaped(subject):
        return OTHER
    return SYSTEM


_QUANTIFIERS = frozenset({"one", "some", "none", "all", "many", "several", "two", "each", "any"})
_PLACE_PREPOSITIONS = frozenset({"at", "in", "on", "from", "of", "for", "with", "behind", "inside"})
_WORK_NOUNS = frozenset(
    {"pr", "prs", "change", "changes", "commit", "commits", "hotfix", "fix", "code", "script"}
    | {"migration", "deploy", "deployment", "config", "patch", "merge", "release", "upgrade"}
    | {"update", "edit", "query", "cron", "refactor", "diff", "branch", "push"}
)


def _before_preposition(subject: tuple[Word, ...]) -> tuple[Word, ...]:
    """The subject up to its first prepositional phrase ("a field engineer at the colo")."""
    for k in range(1, len(subject)):
        low = subject[k].low
        if low in _PLACE_PREPOSITIONS and not (low == "of" and subject[k - 1].low in _QUANTIFIERS):
            return subject[:k]
    return subject


def _possessed_work(subject: tuple[Word, ...]) -> bool:
    """A person's work as the subject: "your PR", "his change", "Lachlan's hotfix #12"."""
    if len(subject) < 2 or not any(w.low in _WORK_NOUNS for w in subject[1:3]):
        return False
    owner = subject[0]
    if owner.low in {"your", "his", "her", "their"}:
        return True
    possessive = owner.low.endswith(("'s", "’s"))
    return possessive and (owner.text[:1].isupper() or owner.text.startswith(("@", NAME_MARK)))


def _name_shaped(subject: tuple[Word, ...]) -> bool:
    """One or two capitalised words, not a function word or a noun by its ending."""
    # A name takes no article: "The API" and "This Worker" are things.
    if len(subject) > 3 or subject[0].low in _DETERMINERS:
        return False
    core = [w for w in subject if w.low not in {"staff", "member", "user"}]
    if not core or not all(w.text[:1].isupper() for w in core):
        return False
    head = core[-1]
    if head.low in _FUNCTION_CAPITALS or head.low.endswith(_THING_SUFFIXES):
        return False
    # "Validators", "Deploys": a capitalised plural is a thing more often than a
    # name; "Hollis" and "Marcus" are names.
    plural = head.low.endswith("s") and not head.low.endswith(("is", "us", "as", "os"))
    return not (plural and not any(c.isdigit() for c in head.text))


# --- Cues over a clause -----------------------------------------------------------------


def _predicate_text(sentence: Sentence, clause: Clause) -> tuple[int, str]:
    """Offset and text from the clause's predicate to the end of the sentence."""
    if clause.predicate >= len(clause.words):
        return clause.end, ""
    start = clause.words[clause.predicate].start
    return start, sentence.text[start - sentence.offset :]


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
        return None if _unreal(clause, found[1]) else found
    return _phrase(sentence, clause, _BLUNDER_PHRASE_RE)


def slip(sentence: Sentence, clause: Clause) -> tuple[int, int] | None:
    """A blunder, or an act on the wrong object: "used the wrong tag", "too broadly".

    "They" in technical writing is as often tools as people ("together they give us
    weeks of warning instead of minutes"), so for it only a blunder counts.
    """
    found = blunder(sentence, clause)
    subject = {w.low for w in clause.words[: clause.predicate]}
    if found is not None or subject & {"they", "it"}:
        return found
    return _phrase(sentence, clause, _WRONG_OBJECT_RE)


def _phrase(sentence: Sentence, clause: Clause, regex: _Lazy) -> tuple[int, int] | None:
    start, _ = _predicate_text(sentence, clause)
    match = regex.search(_clause_text(sentence, clause, start))
    if match is None or _unreal(clause, start + match.end()):
        return None
    return start + match.start(), start + match.end()


def omission(sentence: Sentence, clause: Clause) -> tuple[int, int] | None:
    """Where the clause dwells on a deliberate act of care that was not done."""
    start, _ = _predicate_text(sentence, clause)
    subject = clause.words[: clause.predicate]
    # "No alert was configured, so nobody noticed" and "nobody noticed because
    # the page went to an old channel" give the system's part: no verdict.
    explained = clause.words[0].low == "so" or any(
        c.words[0].low in {"because", "since"} for c in sentence.clauses if c.start > clause.start
    )
    if explained and clause.agent in (NOBODY, GROUP):
        return None
    if clause.agent in (NOBODY, GROUP) and any(w.low in _NEGATED_AGENT for w in subject):
        # "None of us noticed ...": the negation sits in the agent, the care verb is plain.
        verb = clause.words[clause.predicate] if clause.predicate < len(clause.words) else None
        if verb is not None and _CARE_PAST_RE.fullmatch(verb.low):
            return verb.start, verb.end
    match = _OMISSION_RE.search(_clause_text(sentence, clause, start))
    return (start + match.start(), start + match.end()) if match else None


def harm(sentence: Sentence, clause: Clause) -> tuple[int, int] | None:
    """Where the act is tied to a bad outcome that followed ("..., leading to ...")."""
    start, rest = _predicate_text(sentence, clause)
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
    r"(?:try|do\s+(?:my|our|your|their)\s+(?:very\s+)?best|be\s+(?:(?:\w+ly|more|extra|a\s+bit\s+more)\s+)?"
    r"(?:careful|vigilant|mindful|aware|cautious|diligent|thorough|sure|attentive|alert)"
    r"|make\s+sure|double[- ]?check|remember|keep\s+(?:this|that|it|these|those)\s+in\s+mind"
    r"|pay\s+(?:more\s+|closer\s+|close\s+)?attention|take\s+(?:more\s+|extra\s+|better\s+)?care"
    r"|think\s+twice|slow\s+down|work\s+harder|try\s+harder|learn\s+from|not\s+(?:do|let|make)"
    r"|never\s+(?:do|let|make)|make\s+(?:more\s+)?announcements|communicate\s+(?:more|better|earlier)"
    r"|declare|follow\s+(?:the\s+|our\s+|established\s+)?(?:procedures?|process|runbooks?|steps|it)"
    r"|use\s+(?:a\s+)?checklists?|work\s+with\s+a\s+checklist|be\s+more\s+\w+)\b"
)
# Acts a person does by hand; asked of people ("you must bump the version"), a remedy of effort.
_MANUAL = (
    rf"(?:{_HABIT[3:-3]}|merge|push|deploy|release|run|increase|bump|check|verify|confirm|test"
    r"|review|read|wait|tag|notify|announce|tell|inform|allow|let|always|never|ensure|know|look|write"
    r"|watch|coordinate|escalate|communicate|avoid|stop|pause)\b"
)
_PLEA_RE = _Lazy(
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
    r"|\blearn\s+from\s+(?:our|my|their|your)\s+mistakes\b"
    r"|\b(?:not|never)\s+(?:do|let|make)\s+(?:it|this|that|the\s+same\s+\w+)\s+(?:\w+\s+)?again\b"
    r"|\bcomplacency\b|\bmental\s+check\b|\b(?:work|try)\s+harder\b"
    r"|\bkeep\s+(?:this|that|it)\s+in\s+mind\b|\b(?:been|be|was|were)\s+(?:\w+ly\s+)?reassigned\b"
    r"|\bcloud\s+(?:your|their|our|his|her)\s+judg(?:e)?ment\b"
    r"|\bin\s+(?:your|our|their|my)\s+(?:brain|head|mind)s?\b"
    r"|\b(?:something|things|one\s+thing|lessons?)\s+to\s+(?:keep\s+in\s+mind|remember|bear\s+in\s+mind)\b"
    r"|\b(?:should|must|need\s+to|have\s+to)\s+(?:\w+\s+){1,12}?every\s+(?:single\s+)?time\s+(?:we|you|they"
    r"|someone|anyone)\b"
    r"|\b(?:important|essential|crucial|vital|wise|best|better|key)\s+to\s+(?:always\s+)?"
    r"(?:double[- ]?check|check|verify|be\s+careful|pay\s+attention|read|think|pause|slow\s+down"
    r"|review|remember)\b"
    r"|\b(?:recommend|suggest)(?:s|ed)?\s+(?:that\s+)?(?:doing|performing|running|checking|verifying"
    r"|reviewing|double-checking|confirming|testing|manually)\b",
    re.IGNORECASE,
)
# An imperative at the start of a clause that asks for a habit: "ALWAYS work
# with a checklist", "Please bump the major version next time", "pause".
_IMPERATIVE_RE = _Lazy(
    rf"(?:please\s+)?(?:always|never)\s+\w+"
    rf"|(?:please\s+)?(?:do\s+not|don['’]t)\s+(?:\w+ly\s+)?(?:do\b|{_MANUAL})"
    rf"|please\s+(?:\w+ly\s+)?{_MANUAL}"
    rf"|(?:know|learn)\s+(?:all\s+)?(?:your|the)\b|(?:pause|slow\s+down)\b"
    rf"|(?:be|stay)\s+(?:more\s+|extra\s+)?(?:careful|vigilant|mindful|cautious)\b",
    re.IGNORECASE,
)


def plea(sentence: Sentence, clause: Clause) -> tuple[int, int] | None:
    """Where a remedy asks people to be more careful: a promise, a directive, a habit."""
    text = _clause_text(sentence, clause, clause.start)
    match = _PLEA_RE.search(text)
    if match is None:
        begin = _skip_openers(clause.words)
        # "@robin please bump ...": a vocative before the imperative.
        last = len(clause.words) - 1
        while begin < last and clause.words[begin].text.startswith(("@", NAME_MARK)):
            begin += 1
        if begin < len(clause.words) and clause.words[begin].low == ",":
            begin += 1
        if begin >= len(clause.words):
            return None
        start = clause.words[begin].start
        match = _IMPERATIVE_RE.match(text, start - clause.start)
    if match is None or _STRONG_RE.search(sentence.text):
        return None
    return clause.start + match.start(), clause.start + match.end()


def _from_predicate(sentence: Sentence, clause: Clause, regex: _Lazy) -> tuple[int, int] | None:
    """Where `regex` matches at the start of the clause's predicate."""
    start, _ = _predicate_text(sentence, clause)
    match = regex.match(_clause_text(sentence, clause, start))
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
    if head is None or head.low in _RUN_NOUNS:
        return None
    # Near the start of the predicate, past a participle that ends the subject
    # ("the instructions provided were not followed").
    start, _ = _predicate_text(sentence, clause)
    text = _clause_text(sentence, clause, start)
    shared = clause.words[0].low in {"but", "yet"} and clause.predicate <= 1
    regex = _BARE_NEGLECT_RE if shared else _NEGLECT_RE
    match = regex.search(text, 0, min(len(text), 60))
    if match is None or match.start() > 20:
        return None
    return start + match.start(), start + match.end()


# A question aimed at a person: it asks who or why of a slip, or with an edge
# ("did anyone even test it?", "merged without a review?", "... with CI red, again?").
_EDGE_RE = _Lazy(
    r"\b(?:even|seriously|asleep|twice|thinking)\b|,\s*again\s*\?|\bwithout\s+(?:a|any|the)\s+"
    r"(?:single\s+)?(?:review|test|tests|approval|canary|check|word|warning|heads-up)\b"
    r"|\bwithout\s+(?:telling|asking|testing|checking|reviewing|running)\b|\bthe\s+wrong\b",
    re.IGNORECASE,
)
_ADDRESSEE_RE = _Lazy(
    r"\b(?:you|your|he|she|someone|somebody|anyone|anybody|whoever)\b|@\w", re.IGNORECASE
)


def accusation(sentence: Sentence, clause: Clause) -> tuple[int, int] | None:
    """A question with an edge about what a person did (checked once, on the first clause)."""
    text = sentence.text.rstrip()
    if clause is not sentence.clauses[0] or not text.endswith("?"):
        return None
    edge = _EDGE_RE.search(text)
    if edge is None or not _past_act(sentence):
        return None
    people = {c.agent for c in sentence.clauses} & {OTHER, ELIDED}
    if not people and _ADDRESSEE_RE.search(text) is None:
        return None
    return sentence.offset, sentence.offset + len(text)


def _past_act(sentence: Sentence) -> bool:
    return any(
        w.low in _IRREGULAR_PAST or w.low in {"did", "didn't", "didn’t"} or w.low.endswith("ed")
        for w in sentence.words
    )


def _acts(clause: Clause) -> bool:
    """True when the clause's verb is a deliberate act, not a state or an event."""
    if clause.predicate >= len(clause.words):
        return False
    verb = clause.words[clause.predicate]
    while verb.low in _SLIP_ADVERBS or verb.low.endswith("ly"):
        k = clause.words.index(verb) + 1
        if k >= len(clause.words):
            return False
        verb = clause.words[k]
    low = verb.low
    if low in _AUX or low in _EVENT_VERBS:
        return False
    return low in _IRREGULAR_PAST or low in _PRESENT_ACTS or low.endswith("ed")


CUES = {
    "slip": slip,
    "blunder": blunder,
    "omission": omission,
    "harm": harm,
    "damage": damage,
    "wreck": wreck,
    "hindsight": hindsight,
    "neglect": neglect,
    "plea": plea,
    "accusation": accusation,
}

# Lower-case substrings of which every cue contains one; a Frame check uses
# them as its trigger words (a test proves they never change the findings).
_BLUNDER_TRIGGERS = (
    *sorted(_SLIP_ADVERBS | _SLIP_VERBS),
    "mis",
    "mistake",
    "accident",
    "in error",
    "wrong",
    "error",
    "typo",
    "blunder",
    "goof",
    "without",
)
CUE_TRIGGERS = {
    "blunder": _BLUNDER_TRIGGERS,
    "slip": (*_BLUNDER_TRIGGERS, "incorrect", "too ", "instead", "rather than", "backwards"),
    "omission": (
        "none",
        "nobody",
        "no one",
        "not one",
        "missed",
        "slide",
        "opportunity",
        "chance",
        "window",
        "noone",
        "did not",
        "didn",
        "never",
        "failed to",
        "neglected",
        "forgot",
        "without",
        "take the time",
        "carefully enough",
        "loud enough",
        "loudly enough",
        "quickly enough",
        "clearly enough",
        "hard enough",
        " even ",
        "closely enough",
        "thoroughly enough",
        "overlooked",
        "ignored",
        "disregarded",
        "omitted",
        "skipped",
        "had not",
        "hadn",
        "have not",
        "haven",
        "forgotten",
    ),
    "plea": (
        "'ll",
        "’ll",
        "i will",
        "we will",
        "shall",
        "going to",
        "must",
        "should",
        "need to",
        "needs to",
        "have to",
        "has to",
        "ought",
        "could at least",
        "can't",
        "can’t",
        "cannot",
        "training",
        "peer",
        "mistakes",
        "again",
        "complacen",
        "mental",
        "harder",
        "in mind",
        "reassigned",
        "judg",
        "important to",
        "essential to",
        "crucial to",
        "vital to",
        "wise to",
        "do my best",
        "do our best",
        "do your best",
        "best to",
        "better to",
        "key to",
        "recommend",
        "suggest",
        "always",
        "never",
        "do not",
        "don't",
        "don’t",
        "please",
        "know your",
        "know the",
        "know all",
        "learn",
        "pause",
        "slow",
        "brain",
        "head",
        "mind",
        "remember",
        "every time",
        "careful",
        "vigilant",
        "mindful",
        "cautious",
    ),
    "damage": (
        "broke",
        "caused",
        "crashed",
        "wiped",
        "emptied",
        "dropped",
        "deleted",
        "corrupted",
        "took",
        "brought",
        "introduced",
        "triggered",
        "knocked",
        "hammered",
        "overloaded",
        "exhausted",
    ),
    "wreck": (
        "broke",
        "crashed",
        "corrupted",
        "nuked",
        "trashed",
        "borked",
        "bricked",
        "hosed",
        "clobbered",
        "took",
        "brought",
        "knocked",
        "wiped out",
        "caused",
    ),
    "hindsight": ("should", "ought", "could"),
    "accusation": ("?",),
    "neglect": (
        " not ",
        "not ",
        "dismissed",
        "brushed off",
        "waved off",
        "shrugged off",
        "never",
        "n't",
        "n’t",
        "missed",
        "ignored",
        "disregarded",
        "overlooked",
        "skipped",
        "skimmed",
        "neglected",
        "forgotten",
        "left un",
        "without",
        "should have",
    ),
    "harm": (
        "leading",
        "lead to",
        "leads to",
        "led to",
        "result",
        "caused",
        "causing",
        "causes",
        "took",
        "brought",
        "broke",
        "trigger",
        "knock",
        "taking",
        "bringing",
        "render",
        "dropp",
        "lock",
        "crash",
        "empti",
        "corrupt",
        "fill",
        "hammer",
        "overload",
        "kill",
        "exhaust",
        "saturat",
        "flood",
        "stall",
        "break",
        "fell over",
        "went down",
        "went un",
        "lost",
        "stuck around",
        "went red",
        "went dark",
        "died",
    ),
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
    parts = [p.pattern if isinstance(p, _Lazy) else p for p in patterns]
    return _Lazy("|".join(f"(?:{p})" for p in parts), re.IGNORECASE)


_SLIP_WORDS = "|".join(sorted(_SLIP_ADVERBS | _SLIP_VERBS | _MIS_IRREGULAR, key=len, reverse=True))
# Whether a sentence can carry a cue at all, found at C speed before the
# sentence is read into clauses: most sentences with a trigger word carry none,
# and reading is what costs. Each matches wherever its cue could. Damage and
# wreck have none: their verbs are their trigger words, so the sentences
# chosen for them already pass.
PRECHECKS = {
    "slip": _alternatives(
        rf"\b(?:{_SLIP_WORDS})\b|\bmis[a-z]{{3,}}d\b",
        _BLUNDER_PHRASE_RE,
        _WRONG_OBJECT_RE,
    ),
    "omission": _alternatives(_OMISSION_RE, r"\b(?:none|nobody|noone|no\s+one|not\s+one)\b"),
    "harm": _HARM_RE,
    "hindsight": _HINDSIGHT_RE,
    "neglect": _alternatives(_NEGLECT_RE, _BARE_NEGLECT_RE),
    "plea": _alternatives(_PLEA_RE, _IMPERATIVE_RE),
    "accusation": _EDGE_RE,
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
        if found is None or (
            clause.agent == ELIDED and cue != "accusation" and found[0] > _elided_reach(clause)
        ):
            continue
        yield min(clause.agent_start, found[0]), found[1]


def _elided_reach(clause: Clause) -> int:
    """How far an elided subject's cue may stand: chat leads with it ("Accidentally
    pushed ...", "Pushed to main by mistake" is a phrase of its own)."""
    begin = _skip_openers(clause.words)
    last = min(len(clause.words) - 1, begin + 1)
    return clause.words[last].end if last >= 0 else 0
