"""unblame.language.evaluation: parsing datasets and the arithmetic of the scores."""

from __future__ import annotations

import pytest

from unblame.language.evaluation import (
    BinaryScores,
    CategoryScores,
    DatasetError,
    Example,
    Prediction,
    binary_scores,
    load_examples,
    parse_example,
)


def test_scores_are_zero_rather_than_undefined_when_nothing_is_predicted():
    scores = BinaryScores(tp=0, fp=0, fn=3, tn=2)
    assert (scores.precision, scores.recall, scores.f1) == (0.0, 0.0, 0.0)


def test_category_scores_are_none_when_their_denominator_is_zero():
    scores = CategoryScores("try_harder", support=0, predicted=0, correct=0)
    assert scores.recall is None and scores.precision is None


def test_style_labels_count_as_none():
    assert Example("x", "root_cause").gold == "none"
    assert Example("x", "hindsight").gold == "none"
    assert Example("x", "human_error").gold == "human_error"


def test_binary_scores_count_each_outcome():
    predictions = [
        Prediction(Example("a", "self_blame"), "counterfactual"),  # tp: blame found
        Prediction(Example("b", "none"), "self_blame"),  # fp
        Prediction(Example("c", "try_harder"), "none"),  # fn
        Prediction(Example("d", "hindsight"), "none"),  # tn
    ]
    assert binary_scores(predictions) == BinaryScores(tp=1, fp=1, fn=1, tn=1)


def test_a_leading_quote_marker_is_removed():
    assert parse_example('{"text": "> It broke.", "label": "none"}', 1).text == "It broke."
    assert parse_example('{"text": "It broke >", "label": "none"}', 1).text == "It broke >"


def test_load_examples_keeps_file_line_numbers_across_blank_lines():
    lines = ['{"text": "a", "label": "none"}', "", '{"text": "b", "label": "none", "id": "x"}']
    loaded = load_examples(lines)
    assert [(e.line, e.id) for e in loaded] == [(1, ""), (3, "x")]


def test_malformed_lines_name_their_line_number():
    with pytest.raises(DatasetError, match=r"^line 2: not valid JSON"):
        load_examples(['{"text": "a", "label": "none"}', "{nope"])
