"""The all-triggers index: each trigger word with the trigger words that are its prefixes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from unblame.language import RULES, analyzer, prose
from unblame.language.analyzer import _trigger_index, _TriggerScope

ROOT = Path(__file__).resolve().parents[2]
SOURCE = Path(analyzer.__file__).resolve().parents[2]

WORDS = sorted({w for rule in RULES for w in rule.all_triggers})


def test_every_trigger_word_lists_exactly_its_prefixes_in_sorted_order():
    _, _, prefixes = _trigger_index()
    expected = {w: tuple(p for p in WORDS if w.startswith(p)) for w in WORDS}
    assert prefixes == expected
    assert list(prefixes) == WORDS


def test_a_word_is_its_own_prefix_and_shorter_triggers_come_first():
    _, _, prefixes = _trigger_index()
    for word, found in prefixes.items():
        assert found[-1] == word
        assert [len(p) for p in found] == sorted(len(p) for p in found)
    nested = [w for w, found in prefixes.items() if len(found) > 1]
    assert nested, "some trigger words begin with others (lazy, lazi…)"


def test_the_index_finds_every_trigger_where_it_starts_even_inside_another():
    regex, _, prefixes = _trigger_index()
    word = next(w for w, found in prefixes.items() if len(found) > 1 and w[0].isalpha())
    text = f"xx {word} yy {word}"
    starts = []
    match = regex.search(text)
    while match is not None:  # as the scan does: again from the next position
        if match.group(1) == word:
            starts.append(match.start())
        match = regex.search(text, match.start() + 1)
    assert starts == [3, 4 + len(word) + 3]


def test_a_trigger_inside_another_selects_its_sentence():
    # A trigger word that starts inside a longer one ("…lessly" inside "carelessly").
    outer, inner = next(
        (w, v) for w in WORDS for v in WORDS if v != w and v in w[1:] and not w.startswith(v)
    )
    scope = _TriggerScope(prose.parse(f"Before. It was {outer} done. After."))
    assert scope.sentences[inner] == scope.sentences[outer] == {1}


def test_the_trie_holds_the_words_that_start_with_a_letter_and_find_the_rest():
    regex, others, _ = _trigger_index()
    assert others and all(not w[0].isalpha() for w in others)
    assert set(others) | {w for w in WORDS if w[0].isalpha()} == set(WORDS)
    for word in WORDS:
        match = regex.match(word)
        if word[0].isalpha():
            assert match is not None and match.group(1) == word
        else:
            assert match is None


def test_a_trigger_that_starts_with_a_space_or_a_quote_selects_its_sentence():
    scope = _TriggerScope(prose.parse("Plain words here. She said I'd be on time? Yes."))
    assert scope.sentences["'d"] == {1}
    assert scope.sentences["?"] == {1}
    assert "'d" not in _TriggerScope(prose.parse("Plain words, said Dana.")).sentences


# --- Trigger words found by str.find until a process has read enough text ----------------

SAMPLES = sorted((ROOT / "samples").glob("*.md"))


def _sentences_both_ways(
    monkeypatch: pytest.MonkeyPatch, text: str
) -> tuple[dict[str, set[int]], dict[str, set[int]]]:
    doc = prose.parse(text)
    monkeypatch.setattr(analyzer, "_found_by_find", 0)
    monkeypatch.setattr(analyzer, "_FIND_LIMIT", len(text) + 1)
    by_find = _TriggerScope(doc).sentences
    assert analyzer._found_by_find == len(doc.masked)  # found word by word
    monkeypatch.setattr(analyzer, "_found_by_find", analyzer._FIND_LIMIT + 1)
    return by_find, _TriggerScope(doc).sentences


@pytest.mark.parametrize("path", SAMPLES, ids=[p.name for p in SAMPLES])
def test_find_and_the_trie_choose_the_same_sentences_in_a_review(monkeypatch, path):
    by_find, by_trie = _sentences_both_ways(monkeypatch, path.read_text(encoding="utf-8"))
    assert by_find == by_trie
    assert len(by_trie) > 20


def test_find_and_the_trie_choose_the_same_sentences_in_the_corpus(monkeypatch):
    lines = (ROOT / "corpus/sentences.jsonl").read_text(encoding="utf-8").splitlines()
    text = "\n\n".join(json.loads(line)["text"] for line in lines if line.strip())
    by_find, by_trie = _sentences_both_ways(monkeypatch, text)
    assert by_find == by_trie


def test_a_trigger_inside_another_is_found_word_by_word_too(monkeypatch):
    outer, inner = next(
        (w, v) for w in WORDS for v in WORDS if v != w and v in w[1:] and not w.startswith(v)
    )
    by_find, by_trie = _sentences_both_ways(monkeypatch, f"Before. It was {outer} done. After.")
    assert by_find[inner] == by_find[outer] == by_trie[inner] == {1}


def test_find_is_used_until_the_limit_and_then_never_again(monkeypatch):
    monkeypatch.setattr(analyzer, "_found_by_find", 0)
    monkeypatch.setattr(analyzer, "_FIND_LIMIT", 100)
    assert analyzer._by_find(60)
    assert analyzer._by_find(40)
    assert not analyzer._by_find(1)
    monkeypatch.setattr(analyzer, "_found_by_find", 0)
    assert not analyzer._by_find(101)  # one long text: the trie at once
    assert analyzer._by_find(100)


def test_once_the_trie_is_compiled_every_text_uses_it(monkeypatch):
    monkeypatch.setattr(analyzer, "_found_by_find", 0)
    _trigger_index.cache_clear()
    _trigger_index()
    assert not analyzer._by_find(1)


FRESH_PROCESS = """
import sys
from unblame.language import analyze, analyzer
analyze("# Review\\n\\nThe deploy job failed to start, and the alert fired at 14:02.\\n")
small = analyzer._trigger_index.cache_info().currsize
analyze("The on-call engineer should have caught it. " * 500)
print(small, analyzer._trigger_index.cache_info().currsize)
"""


def test_a_process_compiles_the_trie_only_once_it_reads_a_long_text():
    done = subprocess.run(
        [sys.executable, "-c", FRESH_PROCESS],
        capture_output=True,
        text=True,
        # The unblame under test, wherever it was imported from.
        env={"UNBLAME_CACHE_DIR": "", "PATH": "", "PYTHONPATH": str(SOURCE)},
        check=True,
    )
    assert done.stdout.split() == ["0", "1"]
