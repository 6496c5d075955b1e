"""Triggers are a speed-up only: with or without them, the findings are the same."""

from __future__ import annotations

import ast
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import unblame.language.analyzer as analyzer_module
from unblame.language import RULES, analyze, cues

ROOT = Path(__file__).resolve().parents[2]
CORPUS = [
    json.loads(line)["text"]
    for name in (
        "sentences",
        "shapes-train",
        *(f"shapes-train{n}" for n in (2, 4, 5, 6, 7, 8, 9, 10, 11)),
    )
    for line in (ROOT / f"corpus/{name}.jsonl").open()
]
EXAMPLES = [text for rule in RULES for text in (*rule.bad, *rule.good)]


def _family_sentences() -> list[str]:
    """The written family sentences (test_families*.py), read from their modules:
    a cue widened for a family must have trigger words that reach it too."""
    found: list[str] = []
    for path in sorted(Path(__file__).parent.glob("test_families*.py")):
        namespace: dict[str, object] = {}
        exec(compile(path.read_text(encoding="utf-8"), str(path), "exec"), namespace)
        for value in namespace.values():
            if isinstance(value, list):
                found += [v if isinstance(v, str) else v[0] for v in value]
    return found


def _parametrized_sentences() -> list[str]:
    """The sentences of the shape tests (test_blame_shapes*.py, test_cues_shapes.py), read
    from their `parametrize` lists: a cue widened there must have trigger words that reach
    it too, or `analyze` would never run it."""
    found: list[str] = []
    paths = [*Path(__file__).parent.glob("test_blame_shapes*.py")]
    paths.append(Path(__file__).parent / "test_cues_shapes.py")
    for path in sorted(paths):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and getattr(node.func, "attr", "") == "parametrize"):
                continue
            strings = [
                v.value
                for v in ast.walk(node.args[1])
                if isinstance(v, ast.Constant) and isinstance(v.value, str)
            ]
            # Sentences, not the spans or categories beside them.
            found += [s for s in strings if " " in s and (s[:1].isupper() or s[:1] == "@")]
    return found


FAMILIES = _family_sentences() + _parametrized_sentences()
SAMPLES = sorted((ROOT / "samples").glob("*.md"))


def analyze_both_ways(text: str):
    try:
        analyzer_module._use_triggers = False
        reference = analyze(text)
    finally:
        analyzer_module._use_triggers = True
    return analyze(text), reference


@pytest.mark.parametrize("path", SAMPLES, ids=[p.name for p in SAMPLES])
def test_triggers_do_not_change_findings_on_sample_reviews(path):
    fast, reference = analyze_both_ways(path.read_text(encoding="utf-8"))
    assert fast == reference


def test_the_family_sentences_are_read():
    assert len(FAMILIES) > 200
    shapes = _parametrized_sentences()
    assert len(shapes) > 150
    assert "Because of @oduya's change, every payment request timed out." in shapes


def test_triggers_do_not_change_findings_on_the_corpus_and_examples():
    for text in CORPUS + EXAMPLES + FAMILIES:
        fast, reference = analyze_both_ways(text)
        assert fast == reference, text


def test_every_rule_has_triggers_that_its_bad_examples_contain():
    for rule in RULES:
        assert rule.all_triggers, rule.code
        for text in rule.bad:
            assert any(t in text.lower() for t in rule.all_triggers), (rule.code, text)


DECORATIONS = st.sampled_from(["", "- ", "1. ", "## ", "> ", "**", "`", "| ", " ", "\n"])


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(DECORATIONS, st.sampled_from(CORPUS + EXAMPLES)), max_size=6))
def test_triggers_do_not_change_findings_on_mixed_documents(pieces):
    text = "\n".join(decoration + sentence for decoration, sentence in pieces)
    fast, reference = analyze_both_ways(text)
    assert fast == reference


def test_a_question_pattern_stays_inside_its_sentence():
    # Found by the mixed-documents property: a "who broke ...?" window once ran
    # through two sentence ends to reach a later question mark.
    text = (
        "I was the one who broke it. Sorry. Again.\n"
        "Which of you is running the load test in staging? p99 is jumping around"
    )
    fast, reference = analyze_both_ways(text)
    assert fast == reference
    assert "UB105" not in {f.rule for f in fast}


def test_the_sentence_models_prechecks_do_not_change_findings(monkeypatch):
    # A precheck only spares reading a sentence that cannot carry its cue.
    texts = CORPUS + EXAMPLES + FAMILIES
    fast = [analyze(text) for text in texts]
    monkeypatch.setattr(cues, "PRECHECKS", {})
    cues._may_carry.cache_clear()
    try:
        assert [analyze(text) for text in texts] == fast
    finally:
        cues._may_carry.cache_clear()
