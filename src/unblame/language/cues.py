"""Cues over the sentence model: how each clause's act is framed.

`unblame.language.clause` reads a sentence into clauses and finds each one's
agent; the functions here say whether a clause's act carries a cue (a slip, an
omission of care, harm that followed, a plea for people to try harder ...) and
where. A rule's `Frame` check names the agents and the cue it needs; `find_in`
runs it over one sentence of a document.

This module is the registry (`CUES`, the prechecks, `find`); the cues live in
`cues_acts` (the act: slips, harm, hindsight), `cues_care` (care left undone), `cues_people`
(verdicts on people and culprits), `cues_questions` (questions with an edge),
`cues_remedy` (pleas to try harder), on the helpers of `cue_base`, with their trigger words
in `cue_triggers`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import cache, lru_cache, partial

from . import (
    cue_base,
    cues_acts,
    cues_care,
    cues_people,
    cues_questions,
    cues_remedy,
    cues_slips,
    regex_cache,
)
from .agents import ELIDED, OTHER, SELF
from .clause import Clause, Sentence, _Lazy, read
from .clause_subject import _skip_openers
from .cue_base import _WRONG_OBJECT_RE, SET_ASIDE_WITH_PRONOUN
from .cue_triggers import CUE_TRIGGERS
from .cues_acts import (
    _BLUNDER_PHRASE_RE,
    _DAMAGE_RE,
    _FLAWED_OBJECT_RE,
    _HARM_RE,
    _HINDSIGHT_RE,
    _NOT_DONE_RIGHT_RE,
    _RIGHT_THING_MISSED_RE,
    _WRECK_RE,
    accident,
    blunder,
    damage,
    harm,
    hindsight,
    oops,
    slip,
    wreck,
    wrong_choice,
)
from .cues_care import (
    _BARE_NEGLECT_RE,
    _HABIT_NOT_RE,
    _NEGLECT_RE,
    _NOT_DETECTED_RE,
    _OMISSION_RE,
    _STEP_OWED_BEFORE_RE,
    _WITHOUT_STEP_RE,
    LATE_STEP_RE,
    neglect,
    omission,
)
from .cues_people import (
    _APOLOGY_RE,
    _CLEFT_RE,
    _DEFYING_RE,
    _HABIT_RE,
    _INCOMPETENCE_RE,
    _INSULT_RE,
    _INTENSIFIED_NOUN_RE,
    _SHAME_RE,
    _SINCE_WORK_RE,
    authored,
    cause,
    culprit,
    disregard,
    habit,
    incompetence,
    insult,
    owned,
    shame,
    since,
)
from .cues_questions import _EDGE_RE, _RHETORICAL_RE, _WHAT_DOING_RE, accusation
from .cues_remedy import _EMPHASIS_RE, _IMPERATIVE_RE, _PLEA_RE, plea
from .cues_slips import _AHEAD_OF_CHECK_RE, _PRECHECKED, _REACHING, _SHAPES
from .rule import Frame
from .verb_words import (
    _MIS_IRREGULAR,
    _SLIP_ADVERBS,
    _SLIP_VERBS,
    ACCIDENT_ADVERBS,
)

# A cue reads one clause of a sentence: where its act carries the cue, or None.
Cue = Callable[[Sentence, Clause], "tuple[int, int] | None"]

CUES: dict[str, Cue] = {
    "slip": slip,
    "blunder": blunder,
    "wrong_choice": wrong_choice,
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
    "habit": habit,
    "owned": owned,
    "authored_self": partial(authored, by=SELF),
    "authored_other": partial(authored, by=OTHER),
    "since": since,
}

# Cues that read the sentence's chat line, not the sentence alone.
LINE_CUES = frozenset({"owned"})


# The modules that hold the cues and their patterns.
CUE_MODULES = (cue_base, cues_acts, cues_care, cues_people, cues_questions, cues_remedy, cues_slips)


def prepare() -> None:
    """Compile every cue's pattern now (see `_Lazy`)."""
    for module in CUE_MODULES:
        for value in list(vars(module).values()):
            if isinstance(value, _Lazy):
                _ = value.regex
    for precheck in PRECHECKS.values():
        _exists(precheck)


def frame(agents: frozenset[str], cue: str) -> Frame:
    """A Frame check for `agents` and `cue`, with the cue's trigger words."""
    return Frame(CUE_TRIGGERS[cue], agents, cue, line_wide=cue in LINE_CUES)


def _alternatives(*patterns: _Lazy | str) -> _Lazy:
    """One search for any of `patterns`, each of which starts at a word."""
    parts = [p.pattern if isinstance(p, _Lazy) else p for p in patterns]
    # The leading word boundary spares every alternative at most positions.
    return _Lazy(r"\b(?=\w)(?:" + "|".join(f"(?:{p})" for p in parts) + ")", re.IGNORECASE)


def _starting_with(first: str, cue_pattern: _Lazy, core: str | None = None) -> _Lazy:
    """A precheck for `cue_pattern` (or its `core`, the same without a leading part
    that search would try at every position) that rejects, at once, every position
    whose character cannot start a match: `first` is that test ("\\b(?=\\w)")."""
    return _Lazy(first + "(?:" + (core or cue_pattern.pattern) + ")", cue_pattern.flags)


# Longest first, then alphabetical: a set's order follows the hash seed, and the pattern
# store finds a compiled program by its pattern's text, so the text must not vary by run.
_SLIP_WORDS = "|".join(
    sorted(_SLIP_ADVERBS | _SLIP_VERBS | _MIS_IRREGULAR, key=lambda w: (-len(w), w))
)


# Whether a sentence can carry a cue at all, found at C speed before the
# sentence is read into clauses: most sentences with a trigger word carry none,
# and reading is what costs. Each matches wherever its cue could. Damage and
# wreck search their own pattern: their trigger words are stems ("delet", "wipe")
# that most sentences holding them carry no wreck with ("deleted the stale pods").
PRECHECKS = {
    "slip": _alternatives(
        _RIGHT_THING_MISSED_RE,
        rf"\b(?:{_SLIP_WORDS})\b|\bmis[a-z]{{3,}}d\b|\bmis[a-z]{{2,}}ing\b",
        _BLUNDER_PHRASE_RE,
        _WRONG_OBJECT_RE,
        _FLAWED_OBJECT_RE,
        _NOT_DONE_RIGHT_RE,
        r"\b(?:wrong|incorrect|erroneous|errant|mistaken|faulty|untested|unreviewed)\b",
        *_SHAPES,
        *_REACHING,
        *_PRECHECKED,
    ),
    "accident": _Lazy(
        r"\b(?:accident\w*|inadvert\w*|" + "|".join(ACCIDENT_ADVERBS) + r"|by\s+mistake)\b",
        re.IGNORECASE,
    ),
    "omission": _alternatives(
        _OMISSION_RE,
        _STEP_OWED_BEFORE_RE,
        _HABIT_NOT_RE,
        _NOT_DETECTED_RE,
        r"\b(?:none|neither|nobody|noone|no\s+one|not\s+one|not\s+a\s+single)\b",
    ),
    "harm": _HARM_RE,
    "hindsight": _starting_with(r"\b(?=\w)", _HINDSIGHT_RE),
    "neglect": _alternatives(_NEGLECT_RE, _BARE_NEGLECT_RE, LATE_STEP_RE, _WITHOUT_STEP_RE),
    "plea": _alternatives(
        _PLEA_RE,
        _IMPERATIVE_RE,
        _EMPHASIS_RE,
        r"\b(?:must|should|shall|has\s+to|have\s+to|needs?\s+to|ought\s+to|expected\s+to|required\s+to)\b",
    ),
    # The edge ", again?" starts at a comma, not a word.
    "accusation": _starting_with(
        r"(?=[\w,])",
        _EDGE_RE,
        "|".join(
            (_EDGE_RE.pattern, _WHAT_DOING_RE.pattern.removeprefix(r"\W*"), _RHETORICAL_RE.pattern)
        ),
    ),
    "incompetence": _starting_with(r"\b(?=\w)", _INCOMPETENCE_RE),
    "habit": _HABIT_RE,
    "insult": _starting_with(
        r"(?=[\w'’])", _INSULT_RE, _INSULT_RE.pattern + "|" + _INTENSIFIED_NOUN_RE.pattern
    ),
    "oops": _Lazy(
        r"\b(?:w?oops\w*|whoops|d'oh|doh|facepalm|argh|welp|ugh|dammit|damnit|crap)\b",
        re.IGNORECASE,
    ),
    "culprit": _Lazy(
        r"\b(?:reason|cause|culprit|problem)s?\b|\bdid\s+(?:this|that|it)\b|\bapology\b"
        r"|\b(?:is|was)\s+(?:\w+ly\s+)?why\b",
        re.IGNORECASE,
    ),
    "shame": _alternatives(_SHAME_RE, _APOLOGY_RE),
    "cause": _Lazy(
        # "who" only in a cleft ("It was Tom who …"): alone it is in every other line.
        r"\b(?:because|when)\b|\b"
        + _CLEFT_RE.pattern.removeprefix(r"\W*")
        + r"|\b(?:cause|issue|problem|reason|trigger)\s+(?:was|is)\s+that\b",
        re.IGNORECASE,
    ),
    "disregard": _Lazy(
        r"\b(?:ignored|disregarded|skipped|bypassed|circumvented|overrode|dismissed|brushed\s+off"
        r"|waved\s+off|(?:deviated|departed|strayed)\s+from|"
        + SET_ASIDE_WITH_PRONOUN
        + r"|(?:chose|decided|opted|elected)\s+(?:\w+ly\s+)?to|took\s+it\s+upon|proceeded"
        r"|went\s+ahead|pressed\s+on"
        r"|carried\s+on|pushed\s+ahead|continued|(?:went|got|worked)\s+a?round|anyway|nonetheless|regardless"
        r"|all\s+the\s+same|even\s+(?:after|though|when|as))\b|" + _DEFYING_RE.pattern,
        re.IGNORECASE,
    ),
}
PRECHECKS["blunder"] = PRECHECKS["slip"]
PRECHECKS["wrong_choice"] = _alternatives(_WRONG_OBJECT_RE, _FLAWED_OBJECT_RE, _AHEAD_OF_CHECK_RE)
PRECHECKS["damage"] = _DAMAGE_RE
PRECHECKS["wreck"] = _WRECK_RE
# "… was me", "… was my load test", "… was Harlan's doing".
PRECHECKS["since"] = _SINCE_WORK_RE
PRECHECKS["authored_self"] = _Lazy(r"\b(?:was|is|were)\s+(?:\w+\s+)?(?:me|my)\b", re.IGNORECASE)
PRECHECKS["authored_other"] = _Lazy(
    r"\b(?:was|is|were)\s+(?:\w+\s+)?@?[\w.-]+['’]s\s", re.IGNORECASE
)


def find_in(
    masked: str, lo: int, hi: int, agents: frozenset[str], cue: str
) -> Iterator[tuple[int, int]]:
    """`find` over the sentence `masked[lo:hi]`, read only when it can carry `cue`."""
    if not may_carry(masked, lo, hi, cue):
        return iter(())
    return find(read(masked, lo, hi), agents, cue)


def may_carry(masked: str, lo: int, hi: int, cue: str) -> bool:
    """Whether the sentence `masked[lo:hi]` can carry `cue` at all (its precheck)."""
    # Cues that share a precheck share its cached answer (slip and blunder ask as one).
    return _may_carry(masked, lo, hi, _PRECHECK_OF.get(cue, cue))


# Derived from PRECHECKS, so a cue given another's precheck shares it without a list here.
_PRECHECK_OF = {
    cue: min(other for other, same in PRECHECKS.items() if same is check)
    for cue, check in PRECHECKS.items()
}


@lru_cache(maxsize=2048)
def _may_carry(masked: str, lo: int, hi: int, cue: str) -> bool:
    # Cached: several frames ask the same of one sentence (slip and blunder
    # share a precheck; two rules read care left undone).
    precheck = PRECHECKS.get(cue)
    return precheck is None or _exists(precheck).search(masked, lo, hi) is not None


@cache
def _exists(precheck: _Lazy) -> re.Pattern[str]:
    """The precheck's program for "is there a match?": without its optional start
    ("(?:\\w+ly\\s+)?" before the damage and wreck verbs), the engine skips ahead."""
    return regex_cache.compile_exists(precheck.pattern, precheck.flags)


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
