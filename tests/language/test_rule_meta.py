"""The contract every rule in the registry keeps: documented, well named, and its examples hold.

A rule's `bad` and `good` examples are its tests: each bad example must be
flagged by that rule, and no good example may be.
"""

from __future__ import annotations

import re

import pytest

from unblame.language import RULES, analyze
from unblame.language.registry import RETIRED
from unblame.language.rule import CONTEXTS, Rule

CODE = re.compile(r"^UB[1-9]\d\d$")
KEBAB = re.compile(r"^[a-z]+(?:-[a-z]+)+$")
# Names read after "allow" (`allow human-error-as-cause`); these openings would read as advice.
ADVICE_OPENINGS = ("avoid-", "use-", "no-", "prefer-", "dont-", "don't-", "do-not-", "never-")

# The analyzer speaks to someone who may already feel responsible: its own words must not
# judge them. Quoted words are exempt, so a message may name the phrase it flags.
BLAMING_WORDS = re.compile(
    r"\b(?:you|you've|you'd)\s+(?:should|shouldn't|ought|could)\s+(?:have|'ve)\b"
    r"|\byour\s+(?:fault|mistake|error|bad)\b"
    r"|\byou\s+(?:failed|forgot|neglected|messed|screwed|broke)\b"
    r"|\b(?:careless|sloppy|lazy|negligent|reckless|incompetent|stupid|idiot\w*|dumb"
    r"|shame\w*|blame\s+yourself|obviously|clearly\s+you|how\s+could\s+you)\b",
    re.IGNORECASE,
)
QUOTED = re.compile(r"'[^']*'|\"[^\"]*\"|“[^”]*”|‘[^’]*’|`[^`]*`")


def rule_id(rule: Rule) -> str:
    return rule.code


def example_context(rule: Rule) -> str:
    """Action-item-only rules are tried as action items; every other rule in a document."""
    if "action_item" in rule.contexts and "document" not in rule.contexts:
        return "action_item"
    return "document"


def examples(kind: str) -> list[tuple[Rule, str]]:
    return [(rule, text) for rule in RULES for text in getattr(rule, kind)]


def example_id(value: object) -> str:
    return value.code if isinstance(value, Rule) else str(value)[:40]


def test_the_registry_is_not_empty():
    assert RULES


def test_codes_and_names_are_unique():
    codes = [r.code for r in RULES]
    names = [r.name for r in RULES]
    assert len(codes) == len(set(codes))
    assert len(names) == len(set(names))


def test_no_rule_reuses_a_retired_code():
    assert not {r.code for r in RULES} & RETIRED


def test_registry_is_sorted_by_code():
    assert [r.code for r in RULES] == sorted(r.code for r in RULES)


def test_each_hundred_of_codes_belongs_to_one_category():
    """`--select UB3` must mean one category, so prefixes stay meaningful.

    UB2 is what the writer says of themself: self-blame, and their own
    hindsight, which the guide counts as a counterfactual (UB204).
    """
    by_prefix: dict[str, set[str]] = {}
    for rule in RULES:
        if rule.code.startswith("UB2"):
            assert rule.about_writer, rule.code
            continue
        assert not rule.about_writer, rule.code
        by_prefix.setdefault(rule.code[:3], set()).add(rule.category.value)
    assert all(len(categories) == 1 for categories in by_prefix.values()), by_prefix


@pytest.mark.parametrize("rule", RULES, ids=rule_id)
def test_code_has_the_ub_form(rule: Rule):
    assert CODE.match(rule.code)


@pytest.mark.parametrize("rule", RULES, ids=rule_id)
def test_name_is_kebab_case_and_reads_after_allow(rule: Rule):
    assert KEBAB.match(rule.name), rule.name
    assert not rule.name.startswith(ADVICE_OPENINGS), f"'allow {rule.name}' reads as advice"
    assert rule.title == f"allow {rule.name}"


@pytest.mark.parametrize("rule", RULES, ids=rule_id)
def test_rule_is_documented(rule: Rule):
    for field in ("message", "rationale", "source", "suggestion"):
        assert getattr(rule, field).strip(), f"{rule.code} has no {field}"
    assert len(rule.bad) >= 2, f"{rule.code} needs at least two bad examples"
    assert len(rule.good) >= 2, f"{rule.code} needs at least two good examples"
    assert rule.contexts and rule.contexts <= CONTEXTS
    assert rule.since


@pytest.mark.parametrize("rule", RULES, ids=rule_id)
def test_own_words_never_blame_the_writer(rule: Rule):
    for field in ("message", "suggestion"):
        unquoted = QUOTED.sub("", getattr(rule, field))
        match = BLAMING_WORDS.search(unquoted)
        assert match is None, f"{rule.code} {field} says {match.group(0)!r}"


@pytest.mark.parametrize(("rule", "text"), examples("bad"), ids=example_id)
def test_bad_example_is_flagged_by_its_rule(rule: Rule, text: str):
    findings = analyze(text, context=example_context(rule))
    mine = [f for f in findings if f.rule == rule.code]
    assert mine, f"{rule.code} did not flag {text!r}; found {[f.rule for f in findings]}"
    assert all(f.category is rule.category for f in mine)


@pytest.mark.parametrize(("rule", "text"), examples("good"), ids=example_id)
def test_good_example_is_not_flagged_by_its_rule(rule: Rule, text: str):
    findings = analyze(text, context=example_context(rule))
    assert not [f for f in findings if f.rule == rule.code], f"{rule.code} flagged {text!r}"


def test_the_own_words_check_catches_blame_but_spares_quoted_phrases():
    assert BLAMING_WORDS.search("You should have checked the schema.")
    assert BLAMING_WORDS.search("That was careless of the team.")
    assert not BLAMING_WORDS.search(QUOTED.sub("", "Calling a change 'careless' judges a person."))


def test_every_rule_about_the_writer_offers_a_frame_to_write_into():
    # The editor shows it beside the finding instead of a verdict on oneself.
    for rule in RULES:
        assert bool(rule.rewrite) == rule.about_writer, rule.code
        if rule.rewrite:
            assert rule.rewrite.startswith("I "), rule.code
