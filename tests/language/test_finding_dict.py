"""Finding.to_dict: every field by name, in field order, the enums as their values."""

from __future__ import annotations

import dataclasses

import pytest

from unblame.language import Category, Finding, Severity, analyze


def _finding(about_writer: bool) -> Finding:
    return Finding(
        rule="UB201",
        name="my-fault",
        category=Category.SELF_BLAME,
        severity=Severity.WARNING,
        start=3,
        end=15,
        line=1,
        column=4,
        message="A message “quoted”.",
        suggestion="A suggestion.",
        about_writer=about_writer,
    )


@pytest.mark.parametrize("about_writer", [True, False])
def test_to_dict_is_asdict_with_the_enums_as_their_values(about_writer):
    finding = _finding(about_writer)
    expected = dataclasses.asdict(finding)
    expected["category"] = "self_blame"
    expected["severity"] = "warning"
    # Same keys in the same order (the JSON output prints them in this order).
    assert list(finding.to_dict().items()) == list(expected.items())


def test_to_dict_values_are_plain_strings_not_enums():
    data = _finding(False).to_dict()
    assert type(data["category"]) is str and type(data["severity"]) is str


def test_to_dict_of_real_findings_names_every_field():
    found = analyze("It was my fault. The on-call engineer should have caught it.")
    assert found
    names = [field.name for field in dataclasses.fields(Finding)]
    for finding in found:
        assert list(finding.to_dict()) == names
