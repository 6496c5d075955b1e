"""How a clause finds the agent its words name away from the subject: a passive's
"by" phrase, a relative clause acting through the noun before it, a cleft's focus
(`unblame.language.clause` asks these while it reads each clause).

Split from `clause` to keep each file readable.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .agents import (
    _PRONOUNS,
    GROUP,
    OTHER,
    SELF,
    SYSTEM,
    WORK,
    Word,
    _agent,
    _person_word,
)
from .clause_subject import _CLAUSE_WORDS, _VERB_KINDS, _is_verb, _verb_kind
from .verb_words import _SLIP_ADVERBS, BE_FORMS, IRREGULAR_PARTICIPLES, NEGLECT_PARTICIPLES

if TYPE_CHECKING:
    from .clause import Clause

_THAT_WHICH = frozenset({"that", "which"})

# "am" never reaches here: "I am told by …" has the writer as its subject, not a thing.
_PASSIVE_AUX = BE_FORMS | {"got"}


def _passive_agent(words: tuple[Word, ...], verb: int) -> tuple[str, int] | None:
    """The person, or a person's work ("by your commit"), a passive predicate names
    after "by", with where that phrase starts.

    Only a passive at the predicate's start ("was [adverb] modified by …", "was shut down
    by …"), and only a person or their work: "was caught by the linter" keeps the linter
    a thing.
    """
    k = verb
    if k >= len(words) or words[k].low not in _PASSIVE_AUX:
        return None
    k += 1
    while k < len(words) and words[k].low.endswith("ly"):
        k += 1
    if k + 1 >= len(words) or not (_participle(words[k].low)):
        return None
    by = k + 2 if words[k + 1].low in _PARTICLES else k + 1
    if by >= len(words) or words[by].low != "by":
        return None
    if words[k].low in _NEGLECTED:
        return None  # "was overlooked by the team": a neglect told in the passive (UB307)
    phrase = words[by + 1 : by + 7]
    cut = next((j for j, w in enumerate(phrase) if w.low in _PHRASE_ENDS), len(phrase))
    phrase = phrase[:cut]
    if not phrase:
        return None
    kind = _agent(phrase, first=False)
    return (kind, phrase[0].start) if kind in (OTHER, SELF, GROUP, WORK) else None


# A particle the participle may carry before "by": "was shut down by a worker".
_PARTICLES = frozenset({"down", "off", "up", "out", "over", "away", "open", "offline"})


# Words that end the noun phrase after "by": "by the on-call and restarted …", "by Dana, who …".
_PHRASE_ENDS = frozenset(
    {",", ".", ";", ":", "and", "but", "who", "which", "that", "when", "while", "by"}
)


# Participles that say something was left undone: the passive keeps its own reading.
_NEGLECTED = frozenset(NEGLECT_PARTICIPLES) | {"unnoticed", "unread"}


def _participle(low: str) -> bool:
    return low.endswith(("ed", "en")) or low in _IRREGULAR_PARTICIPLES


_IRREGULAR_PARTICIPLES = frozenset(IRREGULAR_PARTICIPLES)


def _next_verb(words: tuple[Word, ...], k: int) -> int | None:
    """Index of the first word from `k` on that is a verb where it stands."""
    for j in range(k, len(words)):
        if _is_verb(words[j], words[j - 1]):
            return j
    return None


def _verbless(words: tuple[Word, ...], i: int) -> bool:
    """No word of `words[i:]` can be a verb: a fragment ("YAML front matter"), not a chat
    line with its subject left out ("Restarted the wrong pod, sorry")."""
    for word in words[i:]:
        kind = _VERB_KINDS.get(word.low)
        if kind is None:
            kind = _verb_kind(word.low)
        # Any word that can be a verb in some place: an -ed or -ly word, a present act.
        if kind or word.low.endswith("ed"):
            return False
    return i < len(words)


def _subject_relative(words: tuple[Word, ...], i: int, previous: Clause | None) -> bool:
    """A relative clause whose subject is the noun before it: "… an operator who
    pressed …", "the team that owns billing shipped …" ("that" after a person,
    followed at once by a verb; "the config that Dana pushed" has its own subject)."""
    low = words[i].low
    if low == "who":
        return True
    if low != "that" or previous is None or i + 1 >= len(words):
        return False
    head = previous.words[-1]
    if _cleft_focus(previous) is not None:
        # "It was X that emptied …": the verb reads as if it followed X.
        return _is_verb(words[i + 1], head) and words[i + 1].low not in _PRONOUNS
    verb = _is_verb(words[i + 1], words[i]) or words[i + 1].low.endswith("s")
    return _person_word(head, first=False) and verb and words[i + 1].low not in _PRONOUNS


def _thing_slipped(words: tuple[Word, ...], i: int, previous: Clause | None) -> bool:
    """ "… a script that accidentally pushed": a relative clause after a thing, its verb
    opened by an adverb of accident, tells what the thing did (not "the config that
    Dana accidentally pushed", which has a subject of its own)."""
    if words[i].low not in _THAT_WHICH or previous is None or i + 1 >= len(words):
        return False
    head = previous.words[-1]
    return words[i + 1].low in _SLIP_ADVERBS and not _person_word(head, first=False)


def _thing_before_relative(words: tuple[Word, ...], opened: int, previous: Clause) -> str | None:
    """The agent of a relative clause that acts through a thing the clause before
    names as a circumstance: "… disciplined for an accident that cut power" tells what
    the accident did, not what the person the clause was about did.

    Only "that" or "which" with no comma before it, after a noun governed by a
    preposition ("for an accident", "after the storm"). A direct object stays the
    agent's doing ("merges the schema change that breaks every report": the person's
    work), as does a report ("said that …") or a person ("the engineer that …").
    None where no such thing stands.
    """
    if opened >= len(words) or words[opened].low not in _THAT_WHICH:
        return None
    # The clause before may be the prepositional phrase alone: "… praised", "after the storm".
    tail = previous.words
    head = tail[-1] if tail else None
    if head is None or not head.low.isalpha() or _person_word(head, first=False):
        return None
    k = len(tail) - 2
    while k >= 0 and k >= len(tail) - 5 and tail[k].low not in _GOVERNING_PREPOSITIONS:
        if tail[k].low in _CLAUSE_WORDS or _is_verb(tail[k], tail[k - 1] if k else None):
            return None
        k -= 1
    if k < 0 or tail[k].low not in _GOVERNING_PREPOSITIONS:
        return None
    phrase = tail[k + 1 :]
    if any(w.low in _OWNERS or w.low.endswith(("'s", "’s")) for w in phrase):
        return None  # "after the one of his that took reporting down": a person's work
    return SYSTEM if _agent(phrase, first=False) == SYSTEM else None


_OWNERS = frozenset({"my", "your", "his", "her", "their", "our", "mine", "yours", "hers", "theirs"})
# Prepositions whose object is a circumstance of the clause, not what its agent made.
_GOVERNING_PREPOSITIONS = frozenset(
    {"for", "after", "before", "during", "over", "about", "from", "despite", "amid", "following"}
)


_CLEFT_OPENERS = frozenset({"it", "this", "that"})
_CLEFT_COPULAS = frozenset({"was", "is"})


def _cleft_focus(previous: Clause) -> tuple[Word, ...] | None:
    """The focus of a cleft ("It was Oyelaran's cron change" before "that …"):
    the relative clause that follows acts through it, not through its last noun."""
    lows = [w.low for w in previous.words[:2]]
    if len(lows) < 2 or lows[0] not in _CLEFT_OPENERS:
        return None
    if lows[1] in _CLEFT_COPULAS:
        focus = previous.words[2:]
    elif lows[0] in {"it's", "it’s"}:
        focus = previous.words[1:]
    else:
        return None
    return focus if 0 < len(focus) <= 6 else None
