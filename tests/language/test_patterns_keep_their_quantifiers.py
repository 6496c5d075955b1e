"""A rule pattern written as an f-string must double the braces of a regex quantifier:
a single-braced "{0,3}" is formatted as the tuple "(0, 3)" and silently matches the
literal text instead of repeating. This checks every pattern and exclusion as compiled.
"""

from __future__ import annotations

import re

import pytest

from unblame.language.analyzer import expand
from unblame.language.registry import RULES

_FORMATTED_TUPLE = re.compile(r"\(\d+, \d+\)")


def _patterns(rule):
    texts = [rule.unless or ""]
    checks = rule.pattern if isinstance(rule.pattern, tuple) else (rule.pattern,)
    for check in checks:
        pattern = getattr(check, "pattern", check)
        if isinstance(pattern, str):
            texts.append(pattern)
    return [expand(text) for text in texts if text]


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.code)
def test_no_quantifier_was_formatted_into_a_tuple(rule):
    for text in _patterns(rule):
        assert _FORMATTED_TUPLE.search(text) is None, text[:200]


def test_the_check_sees_a_formatted_tuple():
    assert _FORMATTED_TUPLE.search(r"(?:\w+\s+)(0, 3)?") is not None
