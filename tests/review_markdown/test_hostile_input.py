"""Files written to hurt: alias bombs, deep nesting, impossible dates and huge heading counts.

Each is refused with one clear message (or read, for the big ones) at a cost
that grows with the file's size, never faster. The sizes here would take
minutes if a parser went quadratic again; timings live in bench/parse_speed.py.
"""

from __future__ import annotations

import contextlib
import os

import pytest
from fuzzing import examples
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from unblame.reviews.mdio import MarkdownFormatError, parse_markdown
from unblame.reviews.mdio.frontmatter import MAX_DEPTH, MAX_FRONT_MATTER_CHARS, MAX_NODES
from unblame.reviews.mdio.parse import MAX_SECTIONS

FAST = settings(
    max_examples=examples(50),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    derandomize=bool(os.environ.get("CI")),
)

BILLION_LAUGHS = (
    "---\n"
    'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
    "b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\n"
    "c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n"
    "d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\n"
    "e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\n"
    "f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\n"
    "---\n\n# Boom\n"
)


def error_for(text: str) -> MarkdownFormatError:
    with pytest.raises(MarkdownFormatError) as caught:
        parse_markdown(text)
    return caught.value


# Aliases, depth and size ---------------------------------------------------------------


def test_it_refuses_a_billion_laughs_naming_the_first_anchor() -> None:
    error = error_for(BILLION_LAUGHS)
    assert error.line == 2
    assert "anchor or alias" in str(error)


def test_it_refuses_an_alias_even_when_the_expansion_is_small() -> None:
    error = error_for("---\ntitle: Outage\nservices: &s [api]\nalso: *s\n---\n")
    assert error.line == 3
    assert "write each value out in full" in str(error)


def test_it_refuses_a_merge_key_which_is_an_alias_too() -> None:
    error = error_for("---\nbase: &base {a: 1}\nthing:\n  <<: *base\n---\n")
    assert "anchor or alias" in str(error)


@pytest.mark.parametrize("opening, closing", [("[", "]"), ("{a: ", "}")])
def test_it_refuses_yaml_nested_past_the_limit_without_exhausting_the_stack(
    opening: str, closing: str
) -> None:
    deep = opening * 5000 + "x" + closing * 5000
    error = error_for(f"---\nvalue: {deep}\n---\n")
    assert f"nests deeper than {MAX_DEPTH} levels" in str(error)


def test_it_reads_yaml_nested_up_to_the_limit() -> None:
    # The top-level mapping is one level; the value adds the rest.
    nested = "[" * (MAX_DEPTH - 1) + "x" + "]" * (MAX_DEPTH - 1)
    document = parse_markdown(f"---\nvalue: {nested}\n---\n").document
    value = document.meta["value"]
    for _ in range(MAX_DEPTH - 2):
        value = value[0]
    assert value == ["x"]


def test_it_refuses_toml_nested_past_the_limit() -> None:
    deep = "[" * 5000 + "]" * 5000
    assert "nests deeper than" in str(error_for(f"+++\nvalue = {deep}\n+++\n"))


def test_it_refuses_front_matter_with_too_many_values() -> None:
    items = "\n".join(f"- {n}" for n in range(MAX_NODES + 1))
    assert f"more than {MAX_NODES:,} values" in str(error_for(f"---\nlist:\n{items}\n---\n"))


@pytest.mark.parametrize("fence", ["---", "+++"])
def test_it_refuses_front_matter_longer_than_the_limit(fence: str) -> None:
    key = "title: " if fence == "---" else "title = "
    huge = f'{fence}\n{key}"{"x" * MAX_FRONT_MATTER_CHARS}"\n{fence}\n'
    assert "front matter is longer than" in str(error_for(huge))


# Dates ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "front_matter, line",
    [
        ("unblame: 1\nincident:\n  declared: 2024-02-30\n", 4),
        ("date: 2024-02-30\n", 2),
        ("unblame: 1\naction_items:\n- title: t\n  due: 2023-13-01\n", 5),
    ],
)
def test_it_refuses_an_impossible_yaml_date_naming_its_line(front_matter: str, line: int) -> None:
    error = error_for(f"---\n{front_matter}---\n")
    assert error.line == line
    assert "impossible date" in str(error)


@pytest.mark.parametrize(
    "field, value",
    [
        ("incident:\n  declared", "0001-01-01T00:00:00Z"),
        ("incident:\n  declared", "9999-12-31T23:59:59Z"),
        ("incident:\n  moments:\n    resolved", "2101-01-01T00:00:00Z"),
        ("timeline:\n- text: x\n  at", "1969-12-31T23:59:59Z"),
        ("action_items:\n- title: t\n  due", "9999-12-31"),
        ("action_items:\n- title: t\n  closed", "0001-01-01T00:00:00+01:00"),
    ],
)
def test_it_refuses_dates_outside_the_stored_range_with_a_reason(field: str, value: str) -> None:
    error = error_for(f"---\nunblame: 1\n{field}: {value}\n---\n")
    assert "is out of range" in str(error)
    assert "between 1970 and 2100" in str(error)


def test_it_reads_dates_at_the_edges_of_the_range() -> None:
    text = (
        "---\nunblame: 1\nincident:\n  declared: 1970-01-01T00:00:00Z\n"
        "action_items:\n- title: t\n  due: 2100-12-31\n---\n"
    )
    document = parse_markdown(text).document
    assert document.incident.declared == "1970-01-01T00:00:00Z"
    assert document.action_items[0].due == "2100-12-31"


def test_a_foreign_date_out_of_range_is_kept_as_text_not_refused() -> None:
    # Foreign metadata is stored as text, never as a date, so any year is harmless.
    document = parse_markdown("---\ndate: 0001-01-01\n---\n# T\n").document
    assert document.meta["date"] == "0001-01-01"


@FAST
@given(st.text(max_size=300))
def test_any_front_matter_reads_or_gives_a_format_error(front_matter: str) -> None:
    with contextlib.suppress(MarkdownFormatError):
        parse_markdown(f"---\n{front_matter}\n---\n\n## Impact\n\ntext\n")


@FAST
@given(
    st.recursive(
        st.sampled_from(["x", "2024-02-30", "0001-01-01", "&a x", "*a", "{", "[", "1e9999"]),
        lambda inner: (
            st.lists(inner, max_size=3).map(lambda v: "[" + ", ".join(v) + "]")
            | st.lists(inner, max_size=3).map(
                lambda v: "{" + ", ".join(f"k{n}: {x}" for n, x in enumerate(v)) + "}"
            )
        ),
        max_leaves=12,
    )
)
def test_any_yaml_value_of_hostile_pieces_reads_or_gives_a_format_error(value: str) -> None:
    for key in ("title", "date", "incident"):
        with contextlib.suppress(MarkdownFormatError):
            parse_markdown(f"---\nunblame: 1\n{key}: {value}\n---\n")


# Size: linear parsing ----------------------------------------------------------------
# 50,000 headings took 464 s when the parser was quadratic; files that large are now
# refused before they are parsed (test_parse_limits.py), and what is allowed is
# read in one linear pass.


def test_equal_headings_up_to_the_section_limit_read_as_numbered_sections() -> None:
    result = parse_markdown("## Notes\n" * MAX_SECTIONS)
    keys = [section.key for section in result.document.sections]
    assert len(keys) == MAX_SECTIONS
    assert keys[:3] == ["notes", "notes-2", "notes-3"]
    assert keys[-1] == f"notes-{MAX_SECTIONS}"
    assert len(set(keys)) == MAX_SECTIONS


def test_sections_with_subheadings_each_read_in_order() -> None:
    result = parse_markdown("## Step\n### 10:00\n\nx\n\n" * MAX_SECTIONS)
    sections = result.document.sections
    assert len(sections) == MAX_SECTIONS
    assert all(section.body == "### 10:00\n\nx" for section in sections)


def test_repeated_markers_up_to_the_section_limit_keep_every_section() -> None:
    text = "<!-- unblame:section impact -->\n## Impact\n\nx\n\n" * MAX_SECTIONS
    result = parse_markdown(text)
    keys = [section.key for section in result.document.sections]
    assert keys[:2] == ["impact", "impact-2"]
    assert len(set(keys)) == MAX_SECTIONS
    assert len(result.warnings) == MAX_SECTIONS - 1
