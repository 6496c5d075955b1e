"""A small model of a sentence: its clauses and who acts in each.

Blame is a person *plus* a verdict on what they did (Allspaw 2012), so a list
of phrasings misses most of it: real writing puts the slip in the verb ("typoed
a hostmask"), in the object ("used the wrong tag") or in what followed ("omitted
it, leading to ..."), and names the person with any role, handle or name. This
module reads one sentence into clauses and finds each clause's agent (its
subject); `unblame.language.cues` says how the act is framed, and the rules'
`Frame` checks ask for an agent kind and a cue, so one check covers every way of
saying the same thing. docs/analyzer.md describes both.

No tagger: the agent is the noun phrase before the clause's first verb, told
apart by small closed word lists (pronouns, role nouns, system nouns) and by
shape (an @handle, a capitalised name).
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property, lru_cache

from . import regex_cache
from .agents import (
    _DETERMINERS,
    _NOBODY_WORDS,
    _PRONOUNS,
    ELIDED,
    GENERIC,
    OTHER,
    SELF,
    SYSTEM,
    WORK,
    Word,
    _agent,
    _before_preposition,
    _person_word,
    generic_people,
    words_of,
)
from .clause_relative import (
    _THAT_WHICH,
    _cleft_focus,
    _next_verb,
    _passive_agent,
    _subject_relative,
    _thing_before_relative,
    _thing_slipped,
    _verbless,
)
from .clause_subject import (
    _ASIDE_WORDS,
    _BE_CONTRACTIONS,
    _CLAUSE_PUNCT,
    _CLAUSE_WORDS,
    _FINITE_AUX,
    _OPENERS,
    _PERSONAL,
    _PREPOSITIONS,
    _SUBORDINATORS,
    _holds_no_verb,
    _is_verb,
    _short_aside,
    _skip_openers,
    _subject_end,
)
from .lexicon import LOWER_GIVEN_NAMES, NAME_MARK
from .verb_words import (
    _AUX,
    _IRREGULAR_PAST,
    _MODALS,
    BE_FORMS,
)


class _Lazy:
    """A regular expression compiled on first use.

    `unblame lint` on one small file should not pay for compiling every cue's
    pattern (a third of the module's import time); most files need few of them.
    """

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern, self.flags = pattern, flags

    @cached_property
    def regex(self) -> re.Pattern[str]:
        return regex_cache.compile(self.pattern, self.flags)

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self.regex.search(text, pos, endpos)

    def match(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self.regex.match(text, pos, endpos)

    def fullmatch(self, text: str) -> re.Match[str] | None:
        return self.regex.fullmatch(text)


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
    # The short chat line the sentence stands in ("I pushed to the wrong fork.
    # Sorry."), or the sentence itself when its line is long prose: an apology or
    # an "oops" a sentence away still tells what the line reports.
    line: str = ""


# A line longer than this is prose, not a chat message: its sentences stand alone.
CHAT_LINE_LIMIT = 280


def read(masked: str, lo: int, hi: int) -> Sentence:
    """The sentence model of `masked[lo:hi]`, with the short line it stands in."""
    start, end = line_of(masked, lo, hi)
    line = masked[start:end] if end - start <= CHAT_LINE_LIMIT else ""
    return _read(masked[lo:hi], lo, line)


def line_of(masked: str, lo: int, hi: int) -> tuple[int, int]:
    """Where the line holding `masked[lo:hi]` starts and ends (without its break)."""
    start = masked.rfind("\n", 0, lo) + 1
    end = masked.find("\n", max(lo, hi - 1))
    return start, len(masked) if end < 0 else end


@lru_cache(maxsize=512)
def _read(text: str, offset: int, line: str = "") -> Sentence:
    words = words_of(text, offset)
    return Sentence(text, offset, words, tuple(_clauses(words)), line or text)


def _clauses(words: tuple[Word, ...]) -> Iterator[Clause]:
    begin = 0
    previous: Clause | None = None
    # The last clause that is not subordinate: a trailing participle acts through it.
    main: Clause | None = None
    # A participle after a comma has no subject of its own; its clause takes `main`'s.
    participle = False
    # An aside in parentheses does not interrupt the clause around it: after
    # ")" the sentence goes on with the agent it had before "(".
    before_aside: Clause | None = None
    # A relative clause inside the subject ("The script that Dana wrote deleted …"): the
    # subject's agent and where it starts, for the main verb that comes after it.
    subject: tuple[str, int] | None = None
    resumed: tuple[str, int] | None = None

    def close(end: int) -> Clause:
        nonlocal previous, main, participle, resumed
        if resumed is not None:
            previous = Clause(words[begin:end], resumed[0], resumed[1], 0)
            main, resumed = previous, None
        elif participle and main is not None:
            previous = Clause(words[begin:end], main.agent, main.agent_start, 0)
        else:
            previous = _clause(words[begin:end], previous)
            if words[begin].low not in _CLAUSE_WORDS:
                main = previous
        participle = False
        return previous

    for i, word in enumerate(words):
        low = word.low
        # Most words are none of the words tested below: each test is asked only
        # of the words it can hold for, in the order the tests come.
        if low in _REPORTING and _reports_another(words, i):
            # "I think Pemberton broke it": the report is one clause, what is
            # reported another, with its own agent.
            yield close(i + 1)
            begin = i + 1
            continue
        if low in _CONTACT_SUBJECTS and _contact_relative(words, begin, i):
            # "… had breaking changes we didn't detect": a relative clause with no "that",
            # whose pronoun is the agent of what it tells.
            yield close(i)
            begin = i
            continue
        if low in _AND_BUT and _pronoun_clause_follows(words, i) and _has_verb(words, begin, i):
            # "This is a valid complaint and it should have been a major release": a clause
            # of its own, with its own subject.
            yield close(i)
            begin = i
            continue
        if low in _AND_YET and _nobody_follows(words, i + 1) and _has_verb(words, begin, i):
            # "The job broke and nobody noticed": a clause of its own, whose agent is nobody.
            yield close(i)
            begin = i
            continue
        if low == ",":
            if _participle_follows(words, i) and _has_verb(words, begin, i):
                # "We declared it late, missing the chance to …": the participle's
                # agent is the main clause's, whatever clause the comma closes.
                yield close(i)
                main = main or previous
                begin, participle = i + 1, True
                continue
            if _new_subject_follows(words, i) and _has_verb(words, begin, i):
                # Chat joins clauses with a comma: "I feel terrible, I took down the site".
                yield close(i)
                begin = i + 1
                continue
            if _subordinate_ends(words, begin, i):
                # "When an operator typoed the hostname, the deploy failed": the
                # comma closes the first clause, which has an agent of its own.
                yield close(i)
                begin = i + 1
            continue  # a comma is no clause word or mark
        if words[begin].low == "who" and _relative_ends(words, begin, i):
            # "The dev who wrote this should have known …": the relative clause
            # ends where the main clause's verb comes; the verb acts through the
            # noun before "who", as the relative clause did.
            yield close(i)
            begin = i
            continue
        if subject is not None and _main_verb_resumes(words, begin, i):
            # "… that was causing problems likely caused the outage": the relative clause
            # ends where the subject's own verb comes, and that verb is the subject's.
            yield close(i)
            begin, resumed, subject = i, _owned(subject, previous), None
            continue
        if low in "()" and _short_aside(words, i):
            continue  # "(or staging)", "(a new hire)": part of the clause around it
        if low in _QUOTES and _short_quote(words, i):
            continue  # 'a "network issue" caused it': a quoted phrase, not a clause
        if low in _CLAUSE_PUNCT or (low in _CLAUSE_WORDS and not _adverb_once(words, i)):
            subject = None
            if i > begin:
                yield close(i)
                if low in _RELATIVES and begin == 0 and previous and _only_a_subject(previous):
                    subject = _subject_agent(previous)
            if low == "(":
                before_aside = previous
            elif low == ")" and before_aside is not None:
                previous, before_aside = before_aside, None
            begin = i + 1 if low in _CLAUSE_PUNCT else i
    if begin < len(words):
        yield close(len(words))


_RELATIVES = _THAT_WHICH | {"who"}


def _tensed(low: str) -> bool:
    """A word that carries tense: an auxiliary, a modal or a past form."""
    return low in _FINITE_AUX or low in _MODALS or low in _IRREGULAR_PAST or low.endswith("ed")


def _only_a_subject(clause: Clause) -> bool:
    """The sentence so far is a noun phrase with no verb of its own: "The script", "An
    employee removing a piece of equipment" (a participle, no tense)."""
    return len(clause.words) <= 12 and not any(_tensed(w.low) for w in clause.words)


def _subject_agent(clause: Clause) -> tuple[str, int]:
    """Who the noun phrase `clause` names, read as a subject, and where it starts."""
    begin = _skip_openers(clause.words)
    head = _before_preposition(clause.words[begin:])
    return _agent(head, first=True), head[0].start if head else clause.start


def _owned(subject: tuple[str, int], relative: Clause | None) -> tuple[str, int]:
    """A thing made by someone, as a relative clause with its own subject tells it ("the
    config that Ottoline pushed"), is that person's work, or the writer's own."""
    agent, start = subject
    if agent != SYSTEM or relative is None or relative.predicate < 2:
        return subject
    if relative.words[0].low not in _THAT_WHICH or relative.predicate >= len(relative.words):
        return subject
    if relative.words[relative.predicate].low not in _AUTHORING:
        return subject  # "the migration that Dana reviewed": reviewing makes nothing hers
    if relative.agent == OTHER:
        return WORK, start
    return (SELF, start) if relative.agent == SELF else subject


# Acts that make a thing someone's work: "the config that Ottoline pushed".
_AUTHORING = frozenset(
    {"pushed", "wrote", "merged", "added", "made", "shipped", "deployed", "committed", "created"}
    | {"introduced", "applied", "built", "changed", "edited", "configured", "set", "released"}
    | {"ran", "started", "scheduled", "uploaded", "tagged", "rolled", "force-pushed"}
)


def _main_verb_resumes(words: tuple[Word, ...], begin: int, i: int) -> bool:
    """Inside a relative clause `words[begin:i]` with a verb of its own, `words[i]` is a
    verb in the past (after an adverb or not) that no auxiliary, "to" or "and" ties to
    it: the main clause's verb ("that Dana wrote deleted …", "that was faulty turned …")."""
    if i < begin + 3:
        return False
    low = words[i].low
    verb = words[i + 1] if low.endswith("ly") and i + 1 < len(words) else words[i]
    if not (verb.low in _IRREGULAR_PAST or (verb.low.endswith("ed") and len(verb.low) > 4)):
        return False
    before = words[i - 1].low
    if before in _AUX or before in _MODALS or before in _NOT_BEFORE_MAIN or before in _DETERMINERS:
        return False
    # The relative clause has a verb of its own before it.
    return any(
        _tensed(w.low) or w.low in _AUX or _is_verb(w, words[k - 1])
        for k, w in enumerate(words[begin + 1 : i], start=begin + 1)
    )


# Words after which a past form belongs to the clause it is in: "to", a conjunction, a
# preposition, a negation ("that was pulled and replaced", "that got stuck in queued").
_NOT_BEFORE_MAIN = frozenset(
    {"to", "and", "or", "but", "not", ",", "in", "on", "at", "by", "of"}
    | {"get", "got", "gets", "become", "became", "seem", "seemed", "being", "been"}
)


def _adverb_once(words: tuple[Word, ...], i: int) -> bool:
    """ "at once", "for once": an adverb, not "once" opening a clause; "during that
    process": a determiner, not "that" opening one; "you're so bad at",
    "it was so slow": "so" after a copula is an intensifier, not "so" opening a clause;
    "a while ago" is a time, not "while" opening a clause."""
    low = words[i].low
    if low == "so":
        return i > 0 and _copula(words[i - 1].low)
    if low == "while":
        # "a while ago", "for a while", "once in a while": a stretch of time, not a clause.
        return i > 0 and words[i - 1].low in {"a", "little", "short", "long"}
    if low == "that":
        # "During that process, a staffer …", "later that night": a determiner after a
        # preposition or a time word, not "that" opening a clause.
        return i > 0 and (words[i - 1].low in _BEFORE_DEMONSTRATIVE or _that_as_object(words, i))
    # "without even once checking", "not once": a count, not a clause.
    return low == "once" and i > 0 and words[i - 1].low in _COUNTING


def _that_as_object(words: tuple[Word, ...], i: int) -> bool:
    """ "I missed that in review", "broke that again.": the object of an act, ended by
    a preposition or the sentence; after a verb of saying or thinking ("I noticed that
    in prod the flag …") "that" may open what was noticed, so it stays a clause."""
    before = words[i - 1].low
    after = words[i + 1].low if i + 1 < len(words) else "."
    # Not "did": "… the one that did that" is the culprit's own shape, read as it was.
    acted = before.endswith("ed") or before in {"broke", "made", "took", "ran", "forgot"}
    return acted and before not in _CLAUSE_TAKING and after in _AFTER_OBJECT


_CLAUSE_TAKING = frozenset(
    {"noticed", "realised", "realized", "assumed", "believed", "guessed", "suspected"}
    | {"learned", "learnt", "reckoned", "hoped", "doubted", "claimed", "stated", "decided"}
    | {"agreed", "confirmed", "verified", "checked", "ensured", "mentioned", "explained"}
    | {"discovered", "found", "added", "warned", "reported", "argued", "noted", "showed"}
)
_AFTER_OBJECT = frozenset({"in", "during", "too", "again", "yesterday", "earlier", ".", "!", "?"})


_BEFORE_DEMONSTRATIVE = frozenset(
    {"during", "at", "on", "after", "before", "until", "since", "by", "throughout", "over"}
    | {"from", "within", "into", "of", "with", "to", "under", "later", "earlier"}
)


_COUNTING = frozenset({"at", "for", "even", "not", "only", "just"})
_COPULAS = BE_FORMS | {"feel", "felt"}


def _copula(low: str) -> bool:
    """A form of "be" (or "feel"), contracted ones included ("you're", "it's", "i'm")."""
    return low in _COPULAS or low.endswith(("'re", "’re", "'m", "’m", "'s", "’s"))


# Words in -ing that are no participle of an act.
_NOT_PARTICIPLES = frozenset(
    {"including", "during", "according", "regarding", "concerning", "following", "pending"}
    | {"excluding", "notwithstanding", "nothing", "something", "anything", "everything"}
    | {"morning", "evening", "string", "thing", "king", "spring", "ring", "bring", "sing"}
    | {"leading", "causing", "resulting", "bringing", "taking", "making", "meaning", "giving"}
)


def _relative_ends(words: tuple[Word, ...], begin: int, i: int) -> bool:
    """`words[begin:i]` is a "who" clause (the word after "who" is its verb), and
    a modal or tensed auxiliary at `i` starts the main clause's predicate."""
    low = words[i].low
    if words[begin].low != "who" or i < begin + 3 or not (low in _MODALS or low in _FINITE_AUX):
        return False
    # "who said he had checked": the auxiliary is the pronoun's; "who could not
    # have known": it goes on the relative clause's own verb.
    return words[i - 1].low not in _PRONOUNS and words[i - 1].low not in _AUX


def _participle_follows(words: tuple[Word, ...], comma: int) -> bool:
    """ ", missing the chance …": an -ing word opens what follows the comma.

    Consequences (", leading to …", ", causing …") are left to the clause
    before the comma, whose predicate reads on to them.
    """
    if comma + 1 >= len(words):
        return False
    low = words[comma + 1].low
    return low.endswith("ing") and len(low) >= 5 and low not in _NOT_PARTICIPLES


_QUOTES = frozenset({'"', "“", "”"})


def _short_quote(words: tuple[Word, ...], i: int) -> bool:
    """The quote mark at `i` opens or closes a few words with no verb: 'a "network
    issue" caused …' quotes a name for a thing inside the clause."""
    for step in (1, -1):
        k, inside = i + step, list[Word]()
        while 0 <= k < len(words) and len(inside) <= _ASIDE_WORDS and words[k].low not in _QUOTES:
            inside.append(words[k])
            k += step
        if 0 <= k < len(words) and words[k].low in _QUOTES and 0 < len(inside) <= 4:
            ordered = inside if step == 1 else inside[::-1]
            return not any(w.low in ".!?," for w in ordered) and _holds_no_verb(ordered)
    return False


def _new_subject_follows(words: tuple[Word, ...], comma: int) -> bool:
    """A pronoun and its verb right after the comma, or (after an adverb such as
    "alternatively") a person named with an article and a verb: a new clause."""
    k = comma + 1
    if k < len(words) and words[k].low.endswith("ly") and words[k].low not in _PERSONAL:
        k += 1
    elif k < len(words) and words[k].low in {"and", "but", "so", "yet"}:
        k += 1  # ", and he flooded the basement anyway"
    if k + 1 >= len(words):
        return False
    if words[k].low in _PERSONAL:
        return _pronoun_then_verb(words, k, _PERSONAL)
    if _nobody_follows(words, k):
        return True  # "the job broke, nobody noticed"
    if words[k].low not in {"the", "our", "their", "a", "an"}:
        return False
    verb = _subject_end(words, k)
    subject = words[k:verb]
    return (
        k < verb < min(len(words), k + 4)
        and words[verb].low != ","
        and (_agent(subject, first=False) == OTHER)
    )


_AND_YET = frozenset({"and", "yet"})
_AND_BUT = frozenset({"and", "but"})


def _pronoun_clause_follows(words: tuple[Word, ...], i: int) -> bool:
    """A subject pronoun and its verb right after the conjunction at `i`."""
    return _pronoun_then_verb(words, i + 1, _PERSONAL | {"it"})


def _pronoun_then_verb(words: tuple[Word, ...], k: int, pronouns: frozenset[str]) -> bool:
    """One of `pronouns` at `k` with a verb right after it: a clause's own subject."""
    if k + 1 >= len(words) or words[k].low not in pronouns:
        return False
    return _is_verb(words[k + 1], words[k])


_CONTACT_SUBJECTS = frozenset({"i", "we", "they", "he", "she"})
# Words after which a pronoun does not open a relative clause: "… and we", "sorry we",
# "so they", "then I": those join or open clauses of their own, read elsewhere.
_NOT_A_NOUN = (
    _CLAUSE_WORDS
    | _PREPOSITIONS
    | _OPENERS
    | _DETERMINERS
    | _PERSONAL
    | {"or", "nor", "what", "where", "why", "how", "whether", "whom", "whose"}
)


def _contact_relative(words: tuple[Word, ...], begin: int, i: int) -> bool:
    """A subject pronoun at `i` right after a noun, with its verb after it, in a clause
    that already has its own verb: "the bug we missed", "breaks they didn't test"."""
    if i < begin + 2 or i + 1 >= len(words):
        return False
    noun, verb = words[i - 1], words[i + 1]
    if not noun.low.isalpha() or noun.low in _NOT_A_NOUN or noun.low.endswith(("ed", "ly")):
        return False
    return _is_verb(verb, words[i]) and _has_verb(words, begin, i - 1)


def _nobody_follows(words: tuple[Word, ...], k: int) -> bool:
    """`words[k:]` open with a negated agent and its verb: "nobody noticed", "no one
    ever checked", "none of us saw". No noun phrase ends with such a subject, so what
    comes before it is a clause of its own."""
    if k >= len(words):
        return False
    low = words[k].low
    after = words[k + 1].low if k + 1 < len(words) else ""
    if low in _NOBODY_WORDS:
        at = k + 1
    elif (low, after) == ("no", "one"):
        at = k + 2
    elif (low, after) == ("none", "of") and k + 2 < len(words):
        at = k + 3  # "none of us", "none of them"
    else:
        return False
    return any(
        _tensed(w.low) or _is_verb(w, words[j - 1]) for j, w in enumerate(words[at : at + 3], at)
    )


def _has_verb(words: tuple[Word, ...], begin: int, end: int) -> bool:
    """`words[begin:end]` has a verb: "The admin, having no …, deleted it" has none
    before its first comma, so the participle there is an aside, not a trailing one."""
    if any(words[k].low in _BE_CONTRACTIONS for k in range(begin, end)):
        return True  # "Well, that's mortifying, I …": the verb is in the contraction
    begin = min(end, begin + _skip_openers(words[begin:end]))
    if begin >= end:
        return False
    verb = _subject_end(words, begin)
    if verb == begin and not _is_verb(words[begin], None):
        return False  # _subject_end found nothing within its reach and gave back `begin`
    return verb < end and words[verb].low != ","


def _subordinate_ends(words: tuple[Word, ...], begin: int, comma: int) -> bool:
    """`words[begin:comma]` is a subordinate clause with a subject and a verb of its own.

    "After the deploy, …" has no verb: it stays an opening phrase that
    `_skip_openers` steps over.
    """
    if words[begin].low not in _SUBORDINATORS or comma - begin < 3:
        return False
    verb = _subject_end(words, begin + 1)
    # "after an engineer performing maintenance at the site, …": a participle
    # describes the subject; the clause's own verb is still to come.
    return begin + 1 < verb < comma and not words[verb].low.endswith("ing")


# Verbs whose object is a whole clause ("I think the engineer deleted it"), and
# verbs of perceiving, whose object is a clause only after a person ("I saw Dana
# restart it"; "I saw the alert" has a thing for object).
_THINKING = frozenset({"think", "thought", "guess", "believe", "suspect", "reckon", "assume"})
_THINKING |= {"hope", "doubt", "bet"}
_PERCEIVING = frozenset({"heard", "saw", "know", "knew", "noticed", "feel", "felt"})


def _reports_another(words: tuple[Word, ...], i: int) -> bool:
    """A verb of thinking or perceiving after a pronoun, followed at once by a new subject.

    "It turned out the on-call had …" and "it seems the job …" report a clause too.
    """
    low = words[i].low
    if low not in _REPORTING:
        return False  # asked of every word: most are none of these verbs
    if _turns_out(words, i) or _says(words, i):
        return True
    if low in _ASKING:
        # "we're asking why the process allowed it": the question has its own subject.
        return i + 2 < len(words) and words[i + 1].low in _INDIRECT_QUESTIONS
    if (low not in _THINKING and low not in _PERCEIVING) or i == 0 or i + 1 >= len(words):
        return False
    after = words[i + 1]
    person = after.text[:1].isupper() or after.text.startswith((NAME_MARK, "@"))
    person = person or after.low in _PRONOUNS
    new_subject = person or (low in _THINKING and after.low in _DETERMINERS)
    return words[i - 1].low in _PRONOUNS and new_subject and after.low != "i"


# Verbs of saying, as news reports them: "the bank said a staff member had …".
_SAYING = frozenset(
    {"said", "says", "admitted", "admits", "confirmed", "confirms", "claimed", "claims"}
    | {"explained", "reported", "stated", "added", "noted", "revealed", "acknowledged"}
)


def _says(words: tuple[Word, ...], i: int) -> bool:
    """A verb of saying followed at once by a new subject ("… said an employee had …")."""
    if words[i].low not in _SAYING or i == 0 or i + 2 >= len(words):
        return False
    after = words[i + 1]
    if after.low in {"that", "it", "to", "so", ","}:
        return False  # "that" opens the clause itself; "said it", "told to" are objects
    person = after.text[:1].isupper() or after.text.startswith((NAME_MARK, "@"))
    articles = {"a", "an", "the", "one", "our", "their"}
    return person or after.low in _PRONOUNS or after.low in articles


_SEEMING = frozenset({"seems", "seemed", "appears", "appeared"})
_ASKING = frozenset(
    {"ask", "asks", "asked", "asking", "wonder", "wonders", "wondered", "wondering"}
)
_INDIRECT_QUESTIONS = frozenset({"why", "how", "whether"})
# Every word at which `_reports_another` can find a report.
_REPORTING = _THINKING | _PERCEIVING | _SAYING | _SEEMING | _ASKING | {"out"}


def _turns_out(words: tuple[Word, ...], i: int) -> bool:
    low = words[i].low
    # "Turns out …" opening the sentence is an opener (`_skip_openers`), not a report.
    turned = low == "out" and i > 1 and words[i - 1].low in {"turned", "turns"}
    turned = turned and words[i - 2].low == "it"
    seems = low in _SEEMING and i > 0 and words[i - 1].low == "it"
    if not (turned or seems) or i + 1 >= len(words):
        return False
    after = words[i + 1]
    person = after.text[:1].isupper() or after.text.startswith((NAME_MARK, "@"))
    return person or after.low in _PRONOUNS or after.low in _DETERMINERS


def _clause(words: tuple[Word, ...], previous: Clause | None) -> Clause:
    """The clause of `words`; one with no subject of its own ("..., but clones the
    wrong branch") shares the agent of the clause before it."""
    opened = i = _skip_openers(words)
    if i < len(words) and _subject_relative(words, i, previous) and previous is not None:
        # "... blamed on an IT worker who pressed the wrong button": the
        # relative clause acts through the noun just before "who"; after a
        # subject with no verb yet ("The operator on shift who …") through that
        # subject's head.
        near = previous.words[-2:] if previous.predicate else previous.words
        if near and near[-1].low == ",":
            # "… when an employee, who was doing routine work, mistakenly entered …"
            near = previous.words[-3:-1] if previous.predicate else previous.words[:-1]
        focus = _cleft_focus(previous)
        antecedent = _agent(_before_preposition(focus or near), first=False)
        if _person_word(previous.words[-1], first=False):
            antecedent = OTHER  # "It was Ignacio who …": "who" names a person

        # The verb follows "who" at once.
        return Clause(words, antecedent, words[i].start, i + 1)
    if i < len(words) and _thing_slipped(words, i, previous):
        # "We had an old review bot that accidentally pushed …": the slip is the bot's.
        return Clause(words, SYSTEM, words[i].start, i + 1)
    if i < len(words) and words[i].low in _CLAUSE_WORDS:
        i += 1
    if i > 0 and words[i - 1].low in _SUBORDINATORS and _participle_phrase(words, i):
        end = i  # "… after failing to verify the form": the subject is the main clause's
    else:
        end = _subject_end(words, i)
    if end == i + 1 and words[i].low == "whoever":
        # "Whoever merged #2231 broke the build": the free relative is the subject; the
        # predicate is the main verb after it.
        end = _next_verb(words, end + 1) or end
    start = words[i].start if i < len(words) else 0
    if end == i and previous is not None:
        thing = _thing_before_relative(words, opened, previous)
        if thing is not None:
            return Clause(words, thing, words[opened].start, end)
        return Clause(words, previous.agent, previous.agent_start, end)
    first = previous is None and i == opened
    if first and end == i and _verbless(words, i):
        # A fragment with no verb ("YAML front matter; …") leaves no subject out, so the
        # clauses after it that have no subject are no chat line's either.
        return Clause(words, SYSTEM, start, end)
    agent = _agent(words[i:end], first=first)
    if agent == ELIDED and _gerund_subject(words, end):
        agent = SYSTEM
    elif agent == OTHER and generic_people(words[i:end], _verb_at(words, end), words[:i]):
        agent = GENERIC
    elif agent == OTHER and first and _status_word(words, i, end):
        agent = ELIDED
    if agent == SYSTEM:
        by = _passive_agent(words, end)
        if by is not None:
            # "The config was poorly modified by one of the engineers": the passive's
            # "by" names who acted; the predicate stays where it was.
            agent, start = by
    return Clause(words, agent, start, end)


def _verb_at(words: tuple[Word, ...], k: int) -> Word | None:
    """The word at `k` past adverbs ("a developer accidentally saves"), if any."""
    while k < len(words) and words[k].low.endswith("ly"):
        k += 1
    return words[k] if k < len(words) else None


def _status_word(words: tuple[Word, ...], i: int, end: int) -> bool:
    """A capitalised past form alone before a comma opens a chat line with a status
    ("Fixed, accidentally reverted during a deploy"), not a name; a given name the
    lexicon knows ("Ahmed, …") stays one."""
    if end != i + 1 or end >= len(words) or words[end].low != ",":
        return False
    low = words[i].low
    return len(low) > 4 and low.endswith("ed") and low not in LOWER_GIVEN_NAMES


def _participle_phrase(words: tuple[Word, ...], i: int) -> bool:
    """An -ing word with its complement at `i` ("failing to verify", "running the
    script"), not a noun in -ing ("something happened", "the morning standup")."""
    if i + 1 >= len(words) or not words[i].low.endswith("ing"):
        return False
    after = words[i + 1].low
    return after == "to" or after in _DETERMINERS or after in {"it", "them", "this", "that"}


def _gerund_subject(words: tuple[Word, ...], k: int) -> bool:
    """An -ing word after a lone adverb, with "be" or a modal later in the clause, is an
    activity as the subject ("Accidentally deleting data in prod is a rite of passage"),
    not a chat line with its subject left out ("Accidentally deleted the volume")."""
    while k < len(words) and words[k].low.endswith("ly"):
        k += 1
    if k >= len(words) or not words[k].low.endswith("ing"):
        return False
    return any(w.low in BE_FORMS or w.low in _MODALS for w in words[k + 1 :])
