"""word_diff: a readable, escaped diff between two versions."""

from unblame.reviews.diff import word_diff


def test_it_marks_removed_and_added_words():
    diff = word_diff("the deploy failed", "the canary deploy failed quickly")
    assert "<ins> canary</ins>" in diff.html
    assert "quickly" in diff.html
    assert (diff.added, diff.removed) == (2, 0)


def test_a_replaced_word_is_both_removed_and_added():
    diff = word_diff("Dana broke it", "The config broke it")
    assert "<del>Dana</del>" in diff.html
    assert "<ins>The config</ins>" in diff.html
    assert (diff.added, diff.removed) == (2, 1)


def test_identical_texts_are_unchanged():
    assert word_diff("same\n\ntext", "same\n\ntext").unchanged


def test_it_escapes_html_in_both_texts():
    diff = word_diff("<script>a</script>", "<img src=x onerror=alert(1)>")
    assert "<script>" not in diff.html
    assert "<img" not in diff.html
    assert "&lt;script&gt;" in diff.html


def test_line_breaks_survive():
    diff = word_diff("one\ntwo", "one\nthree")
    assert diff.html.startswith("one\n")
