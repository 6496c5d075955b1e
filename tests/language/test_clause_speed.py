"""The sentence model's shortcuts (issue 7, speed) answer as the plain tests they stand for.

`clause_subject._is_verb` keeps what it can tell from a word alone by word, and the
clause and subject loops ask each helper only of the words it can hold for.
Here each shortcut is held against the plain test it replaced, on every word
of the project's own corpus and on the edge cases each helper was written for.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from unblame.language import clause, clause_subject, verb_words
from unblame.language.agents import WORD_RE, Word, words_of
from unblame.language.clause import read

ROOT = Path(__file__).resolve().parents[2]
SENTENCES = [
    json.loads(line)["text"]
    for path in sorted((ROOT / "corpus").glob("*.jsonl"))
    for line in path.read_text(encoding="utf-8").splitlines()
    if line.strip()
]
WORDS = [words_of(text) for text in SENTENCES]


def plain_is_verb(word: Word, previous: Word | None) -> bool:
    """`_is_verb` as it read before its answers were kept by word."""
    low = word.low
    if low in verb_words._AUX or low in verb_words._IRREGULAR_PAST:
        return True
    if low in verb_words._SLIP_ADVERBS or low in verb_words._SLIP_VERBS:
        return True
    if verb_words._prefixed_irregular_past(low):
        return True
    if low in verb_words._PRESENT_ACTS and clause_subject._can_act(previous):
        return True
    if low in verb_words._MIS_IRREGULAR or verb_words._MIS_RE.match(low):
        return True
    after_noun = previous is not None and previous.low not in clause._DETERMINERS
    return after_noun and (low.endswith("ed") or low.endswith("ly")) and len(low) > 3


def _word(text: str) -> Word:
    return Word(text, text.lower(), 0, len(text))


# Before a word: nothing, an article, an acronym (before which a present verb is a
# noun: "SDK releases"), a noun and a name.
BEFORE = [None, _word("the"), _word("SDK"), _word("deploy"), _word("Dana")]


def test_is_verb_answers_as_the_plain_test_on_every_corpus_word():
    vocabulary = {w.low: w for words in WORDS for w in words}
    assert len(vocabulary) > 2000
    for word in vocabulary.values():
        for previous in BEFORE:
            assert clause_subject._is_verb(word, previous) is plain_is_verb(word, previous), (
                word.low
            )


@pytest.mark.parametrize(
    "low",
    [
        *("reran", "misread", "mistyped", "was", "accidentally", "typoed", "keeps", "pushed"),
        *("quickly", "fed", "sly", "mission", "deploy", "the", "misconfigured", "overwrote"),
    ],
)
def test_is_verb_answers_as_the_plain_test_twice_over(low):
    # The first answer works the kind out, the second reads it back.
    for previous in BEFORE:
        first = clause_subject._is_verb(_word(low), previous)
        assert (
            clause_subject._is_verb(_word(low), previous)
            is first
            is plain_is_verb(_word(low), previous)
        )


def test_the_kind_of_a_word_is_kept_once_it_is_asked(monkeypatch):
    monkeypatch.setattr(clause_subject, "_VERB_KINDS", {})
    assert clause_subject._is_verb(_word("overwrote"), None)
    assert clause_subject._VERB_KINDS == {"overwrote": clause_subject._ALWAYS_VERB}
    assert not clause_subject._is_verb(_word("releases"), _word("SDK"))
    assert clause_subject._VERB_KINDS["releases"] & clause_subject._PRESENT_VERB


def test_the_kept_kinds_stay_under_their_limit(monkeypatch):
    monkeypatch.setattr(clause_subject, "_VERB_KINDS", {})
    monkeypatch.setattr(clause_subject, "_VERB_KINDS_LIMIT", 10)
    for n in range(35):
        clause_subject._is_verb(_word(f"word{n}ed"), _word("deploy"))
        assert len(clause_subject._VERB_KINDS) <= 10
    # What was dropped is worked out again, the same.
    assert clause_subject._is_verb(_word("word0ed"), _word("deploy"))


def test_every_word_that_reports_another_clause_is_in_the_gate():
    reported = 0
    for words in WORDS:
        for i in range(len(words)):
            if clause._reports_another(words, i):
                reported += 1
                assert words[i].low in clause._REPORTING
    assert reported > 10


@pytest.mark.parametrize(
    "text",
    [
        "I think Pemberton broke it",
        "it turned out the on-call had skipped it",
        "it seems the job ran twice",
        "the bank said a staff member had erred",
        "we heard she restarted it",
    ],
)
def test_a_report_still_splits_its_sentence(text):
    clauses = read(text, 0, len(text)).clauses
    assert len(clauses) == 2


@pytest.mark.parametrize(
    ("text", "verb"),
    [
        ("Kevin's experiment cost us the morning", "cost"),
        ("a recently introduced process failed twice", "failed"),
        ("Femi's unreviewed hotfix broke checkout", "broke"),
        ("the deploy failed", "failed"),
        ("no one on the call picked it up", "picked"),
        ("someone on the network team added a rule", "added"),
        ("Not one reviewer noticed it", "noticed"),
    ],
)
def test_the_subject_ends_at_its_verb(text, verb):
    words = words_of(text)
    assert words[clause_subject._subject_end(words, 0)].low == verb


@pytest.mark.parametrize(
    ("text", "pieces"),
    [
        # Commas that close a clause, and one that does not.
        ("We declared it late, missing the chance", ["We declared it late", "missing the chance"]),
        ("I feel terrible, I took down the site", ["I feel terrible", "I took down the site"]),
        (
            "When an operator typoed the hostname, the deploy failed",
            ["When an operator typoed the hostname", "the deploy failed"],
        ),
        ("After the deploy, the alerts stopped", ["After the deploy , the alerts stopped"]),
        (
            "The dev who wrote this should have known",
            ["The dev", "who wrote this", "should have known"],
        ),
        ("The admin (a new hire) deleted it", ["The admin ( a new hire ) deleted it"]),
    ],
)
def test_clauses_end_where_they_did(text, pieces):
    clauses = read(text, 0, len(text)).clauses
    assert [" ".join(w.text for w in c.words) for c in clauses] == pieces


def plain_words_of(text: str, offset: int = 0) -> tuple[Word, ...]:
    """`words_of` as it read before it lowered ASCII text whole."""
    return tuple(
        Word(m.group(), m.group().lower(), m.start() + offset, m.end() + offset)
        for m in WORD_RE.finditer(text)
    )


def test_words_of_gives_the_plain_words_of_every_corpus_sentence():
    for text in SENTENCES:
        for offset in (0, 17):
            found = words_of(text, offset)
            assert found == plain_words_of(text, offset)
            assert all(type(word) is Word for word in found)


@pytest.mark.parametrize(
    "text",
    [
        "İstanbul's on-call (DÉJÀ VU) restarted it",  # "İ" lowers to two characters
        "ΣΑΣ and ΟΔΥΣΣΕΥΣ: a final sigma lowers by its place",
        "Straße, naïve, ǅemal and @Ünal pushed v2.4.1 at 14:05",
        "plain ascii, with 4,000-line diffs and O'Brien's fix",
        "",
    ],
)
def test_words_of_lowers_each_word_as_the_word_alone_lowers(text):
    found = words_of(text, 5)
    assert found == plain_words_of(text, 5)
    assert [w.low for w in found] == [w.text.lower() for w in found]
    assert [text[w.start - 5 : w.end - 5] for w in found] == [w.text for w in found]


def test_a_who_clause_is_still_closed_by_the_main_modal():
    text = "The engineer who ran it would have known"
    clauses = read(text, 0, len(text)).clauses
    assert [" ".join(w.text for w in c.words) for c in clauses][-1] == "would have known"
