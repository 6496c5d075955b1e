"""Input that cannot be read is refused with one clear message, naming the line when known."""

from __future__ import annotations

import pytest

from unblame.reviews.mdio import MarkdownFormatError, parse_markdown


def error_for(text: str | bytes) -> MarkdownFormatError:
    with pytest.raises(MarkdownFormatError) as caught:
        parse_markdown(text)
    return caught.value


def test_it_names_the_line_of_broken_yaml_front_matter() -> None:
    error = error_for("---\ntitle: ok\nservices: [a, b\nstatus: open\n---\n\nbody\n")
    assert error.line == 4
    assert str(error).startswith("line 4: front matter is not valid YAML")


def test_it_names_the_line_of_broken_toml_front_matter() -> None:
    error = error_for('+++\ntitle = "ok"\nseverity SEV2\n+++\n')
    assert error.line == 3
    assert "front matter is not valid TOML" in str(error)


def test_it_refuses_front_matter_that_is_never_closed() -> None:
    error = error_for("---\ntitle: ok\n\n# Heading\n")
    assert (
        str(error) == "line 1: the front matter opened with '---' is never closed by a '---' line"
    )


def test_it_refuses_front_matter_that_is_not_a_mapping() -> None:
    assert "must be a mapping" in str(error_for("---\n- a\n- b\n---\n"))


def test_it_refuses_binary_input() -> None:
    assert "binary file" in str(error_for(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"))


def test_it_refuses_bytes_that_are_not_utf8_naming_the_line() -> None:
    error = error_for(b"# Title\n\nCaf" + b"\xe9 au lait\n")
    assert error.line == 3
    assert "not UTF-8 text (byte 0xe9)" in str(error)


def test_it_reads_utf8_with_a_byte_order_mark() -> None:
    document = parse_markdown("\ufeff# Title\n\nx\n".encode()).document
    assert document.title == "Title"


def test_it_refuses_a_file_from_a_newer_unblame() -> None:
    assert "this version reads format 1" in str(error_for("---\nunblame: 2\n---\n"))


def test_it_names_a_front_matter_field_of_the_wrong_type() -> None:
    error = error_for("---\nunblame: 1\nincident:\n  restricted: maybe\n---\n")
    assert str(error) == "front matter field incident.restricted must be true or false, not 'maybe'"


def test_it_names_a_time_it_cannot_read() -> None:
    error = error_for("---\nunblame: 1\nincident:\n  moments:\n    detected: yesterday\n---\n")
    assert "incident.moments.detected must be an ISO 8601 time" in str(error)


def test_it_refuses_an_unknown_moment() -> None:
    error = error_for("---\nunblame: 1\nincident:\n  moments:\n    noticed: null\n---\n")
    assert "has unknown moments: noticed" in str(error)


def test_it_refuses_a_factor_pointing_past_the_timeline() -> None:
    text = "---\nunblame: 1\nfactors:\n- category: Testing\n  description: x\n  events: [2]\n---\n"
    error = error_for(text)
    assert "factors[1].events refers to timeline entry 2, but there are 0" in str(error)


def test_it_refuses_an_action_item_without_a_title() -> None:
    error = error_for("---\nunblame: 1\naction_items:\n- owner: ed\n---\n")
    assert "action_items[1] needs a title" in str(error)
