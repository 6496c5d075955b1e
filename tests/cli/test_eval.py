"""`unblame eval`: scores on a tiny hand-labelled set, with the expected figures worked out."""

from __future__ import annotations

import json

import pytest

from .conftest import CLEAN, COUNTERFACTUAL, SELF_BLAME, write

# Predictions: SELF_BLAME -> self_blame, COUNTERFACTUAL -> counterfactual, CLEAN -> none.
ROWS = [
    {"text": SELF_BLAME, "label": "self_blame"},  # 1 TP, right category
    {"text": COUNTERFACTUAL, "label": "counterfactual", "ambiguous": True},  # 2 TP, ambiguous
    {"text": CLEAN, "label": "none"},  # 3 TN
    {"text": CLEAN, "label": "blame_other"},  # 4 FN
    {"text": SELF_BLAME, "label": "none"},  # 5 FP
    {"text": "> " + COUNTERFACTUAL, "label": "blame_other"},  # 6 TP, wrong category
    {"text": CLEAN, "label": "hindsight"},  # 7 TN: hindsight is not blame
    {"text": COUNTERFACTUAL, "label": "root_cause"},  # 8 FP: root_cause is not blame
]
# All 8: TP 3, FP 2, FN 1, TN 2 -> precision 3/5, recall 3/4, F1 2/3.
# Without the ambiguous line: TP 2, FP 2, FN 1, TN 2 -> precision 1/2, recall 2/3, F1 4/7.


@pytest.fixture
def dataset(tmp_path):
    lines = [json.dumps(row) for row in ROWS]
    lines.insert(3, "")  # blank lines are skipped, and line numbers still count them
    return write(tmp_path / "set.jsonl", "\n".join(lines) + "\n")


def eval_json(cli, *args: str):
    result = cli("eval", "set.jsonl", "--format", "json", *args)
    return result.code, json.loads(result.out)


def test_eval_reports_binary_scores_over_all_sentences(cli, dataset):
    code, report = eval_json(cli)
    assert code == 0
    scores = report["binary"]["all"]
    assert (scores["tp"], scores["fp"], scores["fn"], scores["tn"]) == (3, 2, 1, 2)
    assert scores["precision"] == pytest.approx(3 / 5)
    assert scores["recall"] == pytest.approx(3 / 4)
    assert scores["f1"] == pytest.approx(2 / 3)
    assert report["sentences"] == 8 and report["ambiguous"] == 1


def test_eval_reports_binary_scores_without_ambiguous_sentences(cli, dataset):
    scores = eval_json(cli)[1]["binary"]["unambiguous"]
    assert scores["count"] == 7
    assert scores["precision"] == pytest.approx(1 / 2)
    assert scores["recall"] == pytest.approx(2 / 3)
    assert scores["f1"] == pytest.approx(4 / 7)


def test_eval_reports_recall_and_precision_per_category(cli, dataset):
    categories = {c["category"]: c for c in eval_json(cli)[1]["categories"]}
    assert set(categories) == {
        "blame_other",
        "self_blame",
        "counterfactual",
        "human_error",
        "try_harder",
    }
    self_blame, counterfactual = categories["self_blame"], categories["counterfactual"]
    assert (self_blame["support"], self_blame["predicted"], self_blame["correct"]) == (1, 2, 1)
    assert self_blame["recall"] == 1.0 and self_blame["precision"] == 0.5
    assert (counterfactual["support"], counterfactual["predicted"]) == (1, 3)
    assert counterfactual["precision"] == pytest.approx(1 / 3)
    assert categories["blame_other"]["recall"] == 0.0
    assert categories["blame_other"]["precision"] is None
    assert categories["human_error"]["recall"] is None


def test_eval_strips_a_leading_quote_marker_before_scoring(cli, dataset):
    report = eval_json(cli, "--show-errors")[1]
    wrong = report["errors"]["wrong_category"]
    assert [(e["line"], e["predicted"], e["text"]) for e in wrong] == [
        (7, "counterfactual", COUNTERFACTUAL)
    ]


def test_eval_show_errors_lists_false_positives_and_negatives_with_their_text(cli, dataset):
    result = cli("eval", "set.jsonl", "--show-errors")
    out = result.out
    fp = out.index("False positives (2)")
    fn = out.index("False negatives (1)")
    assert out.index(SELF_BLAME, fp) < fn
    assert "line 6: label none, predicted self_blame" in out
    assert "line 5: label blame_other, predicted none" in out
    assert out.index(CLEAN, fn) > fn


def test_eval_text_shows_both_binary_rows_and_the_categories(cli, dataset):
    out = cli("eval", "set.jsonl").out
    assert out.splitlines()[0] == "set.jsonl: 8 sentences, 1 ambiguous"
    assert "  all sentences           0.600   0.750  0.667      8" in out
    assert "  without ambiguous       0.500   0.667  0.571      7" in out
    assert "self_blame      1.000  (1/1)        0.500  (1/2)" in out
    assert "False positives" not in out


@pytest.mark.parametrize(
    ("option", "value", "code"),
    [
        ("--min-precision", "0.6", 0),
        ("--min-precision", "0.61", 1),
        ("--min-recall", "0.75", 0),
        ("--min-recall", "0.8", 1),
        ("--min-f1", "0.66", 0),
        ("--min-f1", "0.7", 1),
    ],
)
def test_eval_exits_1_only_when_a_score_is_below_its_minimum(cli, dataset, option, value, code):
    result = cli("eval", "set.jsonl", option, value)
    assert result.code == code
    assert bool(result.err) == bool(code)


def test_eval_names_each_missed_threshold_on_stderr(cli, dataset):
    result = cli("eval", "set.jsonl", "--min-precision", "0.9", "--min-recall", "0.9")
    assert result.code == 1
    assert result.err_lines == [
        "unblame eval: precision 0.600 is below 0.900",
        "unblame eval: recall 0.750 is below 0.900",
    ]


def test_eval_exits_2_for_a_threshold_outside_0_to_1(cli, dataset):
    assert cli("eval", "set.jsonl", "--min-f1", "80").code == 2


def test_eval_exits_2_naming_the_line_of_malformed_json(cli, tmp_path):
    good = json.dumps({"text": CLEAN, "label": "none"})
    write(tmp_path / "set.jsonl", f'{good}\n{good}\n{{"text": "oops", \n')
    result = cli("eval", "set.jsonl")
    assert result.code == 2
    assert result.out == ""
    assert len(result.err_lines) == 1
    assert "set.jsonl: line 3: not valid JSON" in result.err


@pytest.mark.parametrize(
    ("row", "complaint"),
    [
        ({"text": CLEAN, "label": "rude"}, "'label' must be one of"),
        ({"text": CLEAN}, "'label' must be one of"),
        ({"label": "none"}, "'text' must be a string"),
        ({"text": CLEAN, "label": "none", "ambiguous": "yes"}, "'ambiguous' must be true"),
    ],
)
def test_eval_exits_2_for_a_line_with_bad_fields(cli, tmp_path, row, complaint):
    write(tmp_path / "set.jsonl", json.dumps(row) + "\n")
    result = cli("eval", "set.jsonl")
    assert result.code == 2
    assert "line 1: " + complaint in result.err


def test_eval_exits_2_for_a_line_that_is_not_an_object(cli, tmp_path):
    write(tmp_path / "set.jsonl", '["text", "none"]\n')
    result = cli("eval", "set.jsonl")
    assert result.code == 2
    assert "line 1: expected a JSON object" in result.err


def test_eval_exits_2_for_an_empty_file(cli, tmp_path):
    write(tmp_path / "set.jsonl", "\n")
    result = cli("eval", "set.jsonl")
    assert result.code == 2
    assert "no sentences" in result.err


def test_eval_exits_2_for_a_missing_file(cli):
    result = cli("eval", "absent.jsonl")
    assert result.code == 2
    assert result.err_lines == ["unblame eval: absent.jsonl: no such file or directory"]


def test_eval_reads_standard_input(cli):
    data = json.dumps({"text": SELF_BLAME, "label": "self_blame"}) + "\n"
    result = cli("eval", "-", "--format", "json", stdin=data.encode())
    assert json.loads(result.out)["binary"]["all"]["tp"] == 1
