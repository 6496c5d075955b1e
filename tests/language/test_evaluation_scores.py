"""Scoring the analyzer: the arithmetic on hand-made predictions, then end to end.

Every sentence here is written for this file.
"""

from __future__ import annotations

import json

import pytest

from unblame.language import evaluation
from unblame.language.evaluation import (
    BinaryScores,
    CategoryScores,
    DatasetError,
    Example,
    Prediction,
    binary_scores,
    category_scores,
    evaluate,
    load_examples,
    parse_example,
    predict,
)


def pred(label: str, predicted: str, *, ambiguous: bool = False, line: int = 0) -> Prediction:
    return Prediction(Example(f"text {line}", label, ambiguous, line), predicted)


# Two true positives (one filed under the wrong category), one false positive,
# one false negative and two true negatives.
HAND_MADE = [
    pred("blame_other", "blame_other", line=1),
    pred("self_blame", "counterfactual", line=2),
    pred("none", "try_harder", line=3),
    pred("human_error", "none", line=4),
    pred("none", "none", line=5),
    pred("hindsight", "none", line=6),
]


def test_binary_counts_on_a_hand_made_set():
    scores = binary_scores(HAND_MADE)
    assert (scores.tp, scores.fp, scores.fn, scores.tn) == (2, 1, 1, 2)
    assert scores.count == 6


def test_precision_recall_and_f1_follow_their_definitions():
    scores = BinaryScores(tp=3, fp=1, fn=2, tn=10)
    assert scores.precision == pytest.approx(3 / 4)
    assert scores.recall == pytest.approx(3 / 5)
    assert scores.f1 == pytest.approx(2 * 0.75 * 0.6 / (0.75 + 0.6))


@pytest.mark.parametrize(
    ("scores", "precision", "recall", "f1"),
    [
        (BinaryScores(tp=0, fp=0, fn=0, tn=5), 0.0, 0.0, 0.0),
        (BinaryScores(tp=0, fp=2, fn=0, tn=0), 0.0, 0.0, 0.0),
        (BinaryScores(tp=0, fp=0, fn=4, tn=0), 0.0, 0.0, 0.0),
        (BinaryScores(tp=4, fp=0, fn=0, tn=0), 1.0, 1.0, 1.0),
        (BinaryScores(tp=1, fp=1, fn=0, tn=0), 0.5, 1.0, 2 / 3),
    ],
)
def test_edge_cases_score_numbers_never_nan(scores, precision, recall, f1):
    assert scores.precision == pytest.approx(precision)
    assert scores.recall == pytest.approx(recall)
    assert scores.f1 == pytest.approx(f1)


def test_binary_to_dict_carries_counts_and_ratios():
    data = BinaryScores(tp=1, fp=1, fn=2, tn=0).to_dict()
    assert data == {
        "count": 4,
        "tp": 1,
        "fp": 1,
        "fn": 2,
        "tn": 0,
        "precision": 0.5,
        "recall": pytest.approx(1 / 3),
        "f1": pytest.approx(0.4),
    }


def test_category_scores_count_support_predictions_and_agreement():
    preds = [
        pred("blame_other", "blame_other"),
        pred("blame_other", "self_blame"),
        pred("blame_other", "none"),
        pred("none", "blame_other"),
    ]
    other = category_scores(preds, "blame_other")
    assert (other.support, other.predicted, other.correct) == (3, 2, 1)
    assert other.recall == pytest.approx(1 / 3)
    assert other.precision == pytest.approx(1 / 2)
    own = category_scores(preds, "self_blame")
    assert (own.support, own.predicted, own.correct) == (0, 1, 0)
    assert own.recall is None
    assert own.precision == 0.0


def test_category_to_dict_keeps_undefined_ratios_as_none():
    data = CategoryScores("try_harder", support=0, predicted=0, correct=0).to_dict()
    assert data["recall"] is None
    assert data["precision"] is None
    assert data["category"] == "try_harder"


@pytest.mark.parametrize(
    ("label", "gold"),
    [
        ("blame_other", "blame_other"),
        ("self_blame", "self_blame"),
        ("counterfactual", "counterfactual"),
        ("human_error", "human_error"),
        ("try_harder", "try_harder"),
        ("root_cause", "none"),
        ("hindsight", "none"),
        ("none", "none"),
    ],
)
def test_gold_keeps_blame_labels_and_folds_style_labels_into_none(label, gold):
    assert Example("x", label).gold == gold


def test_blame_labels_are_the_five_blame_categories():
    assert set(evaluation.BLAME_LABELS) == {
        "blame_other",
        "self_blame",
        "counterfactual",
        "human_error",
        "try_harder",
    }


def test_report_lists_each_kind_of_error():
    report = evaluation.Report(
        predictions=tuple(HAND_MADE),
        overall=binary_scores(HAND_MADE),
        unambiguous=binary_scores(HAND_MADE),
        categories=(),
    )
    assert [p.example.line for p in report.false_positives] == [3]
    assert [p.example.line for p in report.false_negatives] == [4]
    assert [p.example.line for p in report.wrong_category] == [2]


def test_report_to_dict_adds_errors_only_when_asked():
    report = evaluation.Report(
        predictions=tuple(HAND_MADE),
        overall=binary_scores(HAND_MADE),
        unambiguous=binary_scores(HAND_MADE),
        categories=(),
        ambiguous_count=0,
    )
    plain = report.to_dict()
    assert "errors" not in plain
    assert plain["sentences"] == 6
    assert plain["version"] == 1
    detailed = report.to_dict(errors=True)
    errors = detailed["errors"]
    assert [e["line"] for e in errors["false_positives"]] == [3]
    assert errors["false_negatives"][0]["label"] == "human_error"
    assert errors["wrong_category"][0]["predicted"] == "counterfactual"
    # The dictionary is what `unblame eval --json` prints: it must serialise.
    json.dumps(detailed)


# --- Loading datasets -------------------------------------------------------------------


def test_parse_example_reads_every_field():
    raw = json.dumps({"text": "A sentence.", "label": "none", "ambiguous": True, "id": 7})
    example = parse_example(raw, 12)
    assert example == Example("A sentence.", "none", True, 12, "7")


def test_a_quote_marker_is_removed_only_at_the_start():
    example = parse_example(json.dumps({"text": "> a > b", "label": "none"}), 1)
    assert example.text == "a > b"


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ("{not json", "line 4: not valid JSON"),
        ("[1, 2]", "line 4: expected a JSON object"),
        ('"just text"', "line 4: expected a JSON object"),
        ('{"label": "none"}', "line 4: 'text' must be a string"),
        ('{"text": 5, "label": "none"}', "line 4: 'text' must be a string"),
        ('{"text": "x"}', "line 4: 'label' must be one of"),
        ('{"text": "x", "label": "rude"}', "not 'rude'"),
        ('{"text": "x", "label": "Blame_Other"}', "not 'Blame_Other'"),
        ('{"text": "x", "label": "none", "ambiguous": "yes"}', "'ambiguous' must be true"),
        ('{"text": "x", "label": "none", "ambiguous": 1}', "'ambiguous' must be true"),
    ],
)
def test_bad_lines_raise_a_dataset_error_naming_the_line(raw, message):
    with pytest.raises(DatasetError) as caught:
        parse_example(raw, 4)
    assert message in str(caught.value)


def test_the_label_error_lists_the_allowed_labels():
    with pytest.raises(DatasetError) as caught:
        parse_example('{"text": "x", "label": "meh"}', 1)
    for label in ("blame_other", "hindsight", "none", "root_cause"):
        assert label in str(caught.value)


def test_load_examples_stops_at_the_first_bad_line_with_its_number():
    lines = ['{"text": "a", "label": "none"}', "", "  ", "oops"]
    with pytest.raises(DatasetError, match=r"^line 4:"):
        load_examples(lines)


def test_load_examples_of_only_blank_lines_is_empty():
    assert load_examples(["", "\n", "   \n"]) == []


# --- End to end, on sentences written for this file --------------------------------------

OWN_SET = [
    ("I accidentally deleted the staging bucket.", "self_blame", False),
    ("Marisol should have checked the dashboard before merging.", "counterfactual", False),
    ("The disk filled up at 03:10 and the queue stalled.", "none", False),
    ("We rolled the change back within ten minutes.", "none", False),
    ("It was human error.", "human_error", True),
    ("The deploy script timed out twice.", "blame_other", True),
]


def own_examples() -> list[Example]:
    lines = [
        json.dumps({"text": text, "label": label, "ambiguous": amb, "id": f"s{i}"})
        for i, (text, label, amb) in enumerate(OWN_SET)
    ]
    return load_examples(lines)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I accidentally deleted the staging bucket.", "self_blame"),
        ("It was human error.", "human_error"),
        ("Marisol should have checked the dashboard before merging.", "counterfactual"),
        ("The disk filled up at 03:10 and the queue stalled.", "none"),
        # Style guidance is not blame: predict says none.
        ("The root cause was a missing index.", "none"),
    ],
)
def test_predict_names_the_first_blame_category(text, expected):
    assert predict(text) == expected


def test_predict_respects_the_config():
    config = evaluation.Config(ignore=("UB2",))
    assert predict("I accidentally deleted the staging bucket.", config=config) == "none"


def test_evaluate_scores_a_small_set_end_to_end():
    report = evaluate(own_examples())
    assert [p.predicted for p in report.predictions] == [
        "self_blame",
        "counterfactual",
        "none",
        "none",
        "human_error",
        "none",
    ]
    assert (report.overall.tp, report.overall.fp, report.overall.fn, report.overall.tn) == (
        3,
        0,
        1,
        2,
    )
    # The two ambiguous sentences (one hit, one miss) are left out here.
    assert (report.unambiguous.tp, report.unambiguous.fn, report.unambiguous.tn) == (2, 0, 2)
    assert report.ambiguous_count == 2
    by_name = {c.category: c for c in report.categories}
    assert list(by_name) == list(evaluation.BLAME_LABELS)
    assert by_name["blame_other"].support == 1
    assert by_name["blame_other"].recall == 0.0
    assert by_name["try_harder"].recall is None
    assert [p.example.id for p in report.false_negatives] == ["s5"]
    assert report.false_positives == []
