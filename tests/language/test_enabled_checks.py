"""The checks a run leaves on are worked out once per config and file-wide ignore list."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from unblame.language import RULES, Config, analyze
from unblame.language.analyzer import _enabled_checks, compiled_rules

CODES = sorted({rule.code for rule in RULES})
PREFIXES = sorted({code[:k] for code in CODES for k in (3, 4, 5)})
TEXT = (
    "It was my fault, I am so sorry.\n\n"
    "The on-call engineer should have caught it.\n\n"
    "Human error caused the outage. Everyone needs to be more careful."
)


def _expected(select, ignore, file_ignored):
    config = Config(select=tuple(select), ignore=tuple(ignore))
    return [
        (index, compiled)
        for index, compiled in enumerate(compiled_rules())
        if config.is_enabled(compiled.rule.code)
        and not any(compiled.rule.code.startswith(c) for c in file_ignored)
    ]


@settings(max_examples=120, deadline=None)
@given(
    st.lists(st.sampled_from(PREFIXES), max_size=3),
    st.lists(st.sampled_from(PREFIXES), max_size=3),
    st.frozensets(st.sampled_from(PREFIXES), max_size=2),
)
def test_the_checks_left_on_are_those_the_config_enables(select, ignore, file_ignored):
    got = _enabled_checks(tuple(select), tuple(ignore), file_ignored)
    assert list(got) == _expected(select, ignore, file_ignored)


def test_every_check_is_on_by_default_in_registry_order():
    got = _enabled_checks((), (), frozenset())
    assert [index for index, _ in got] == list(range(len(compiled_rules())))


def test_a_config_built_with_lists_still_analyses():
    # Config is frozen but not checked: a library caller may hand it lists.
    everything = {f.rule for f in analyze(TEXT)}
    assert len(everything) >= 2
    kept = sorted(everything)[0]
    only = analyze(TEXT, config=Config(select=[kept]))  # type: ignore[arg-type]
    assert {f.rule for f in only} == {kept}
    rest = analyze(TEXT, config=Config(ignore=[kept]))  # type: ignore[arg-type]
    assert {f.rule for f in rest} == everything - {kept}


def test_a_file_wide_ignore_comment_turns_its_codes_off_for_that_file_only():
    everything = {f.rule for f in analyze(TEXT)}
    dropped = sorted(everything)[0]
    silenced = analyze(f"<!-- unblame-ignore-file {dropped} -->\n\n{TEXT}")
    assert {f.rule for f in silenced} == everything - {dropped}
    assert {f.rule for f in analyze(TEXT)} == everything
