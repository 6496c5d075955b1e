"""`analyze`: contexts, configuration, offsets into the input and `about_writer`.

Sentences are written for this file. `Pemberton` and `Zephyrine` are invented
names that no list knows.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from unblame.language import (
    BLAME_CATEGORIES,
    RULES,
    Category,
    Config,
    Finding,
    Severity,
    analyze,
    analyzer,
    get_rule,
)

OWN_SLIP = "I accidentally deleted the staging bucket."
OWN_HINDSIGHT = "I should have checked the dashboard."
THEIR_HINDSIGHT = "Pemberton should have paged the owner."
THEIR_SLIP = "The on-call engineer carelessly restarted the wrong node."
PLEA = "Engineers need to be more careful."
CAUSE = "It was human error."
NEUTRAL = "The disk filled up at 03:10 and the queue stalled."


def rules(text: str, **kwargs) -> list[str]:
    return [f.rule for f in analyze(text, **kwargs)]


def spans(text: str, **kwargs) -> list[str]:
    return [text[f.start : f.end] for f in analyze(text, **kwargs)]


# --- Contexts -----------------------------------------------------------------------------


def test_an_unknown_context_names_the_allowed_ones():
    with pytest.raises(ValueError, match="document, action_item, chat") as caught:
        analyze(PLEA, context="email")
    assert "'email'" in str(caught.value)


@pytest.mark.parametrize("context", analyzer.CONTEXTS)
@pytest.mark.parametrize(
    ("text", "rule"),
    [(OWN_SLIP, "UB205"), (THEIR_HINDSIGHT, "UB301"), (PLEA, "UB501"), (CAUSE, "UB401")],
)
def test_every_context_finds_blame(context, text, rule):
    assert rule in rules(text, context=context)


@pytest.mark.parametrize("context", analyzer.CONTEXTS)
def test_neutral_narration_is_clean_in_every_context(context):
    assert analyze(NEUTRAL, context=context) == []


def test_chat_turns_what_the_writer_says_of_themself_into_a_quiet_note():
    (document,) = analyze(OWN_HINDSIGHT)
    (chat,) = analyze(OWN_HINDSIGHT, context="chat")
    assert document.about_writer and chat.about_writer
    assert document.severity is Severity.WARNING
    assert chat.severity is Severity.INFO


def test_chat_keeps_the_severity_of_blame_aimed_at_others():
    (document,) = analyze(THEIR_HINDSIGHT)
    (chat,) = analyze(THEIR_HINDSIGHT, context="chat")
    assert document.severity is chat.severity is Severity.WARNING
    assert not chat.about_writer


def test_a_configured_severity_wins_over_the_chat_softening():
    config = Config(severity={"UB204": Severity.ERROR})
    (chat,) = analyze(OWN_HINDSIGHT, context="chat", config=config)
    assert chat.severity is Severity.ERROR


def test_an_action_items_section_is_still_linted_in_a_document():
    source = f"# Action items\n\n- {PLEA}\n\n# Timeline\n\n{THEIR_HINDSIGHT}\n"
    assert rules(source) == ["UB501", "UB301"]


# --- about_writer -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "about_writer"),
    [
        (OWN_SLIP, True),
        (OWN_HINDSIGHT, True),
        ("My bad, I botched the rollout.", True),
        (THEIR_HINDSIGHT, False),
        (THEIR_SLIP, False),
        (PLEA, False),
        (CAUSE, False),
    ],
)
def test_about_writer_marks_what_the_writer_says_of_themself(text, about_writer):
    found = analyze(text)
    assert found
    assert {f.about_writer for f in found} == {about_writer}


def test_what_the_writer_thinks_another_did_is_not_about_the_writer():
    found = analyze("I think Pemberton broke the staging cluster.")
    assert found
    assert not any(f.about_writer for f in found)


def test_about_writer_follows_the_rule():
    for rule in RULES:
        if rule.about_writer:
            assert rule.category in {Category.SELF_BLAME, Category.COUNTERFACTUAL}


# --- select, ignore, severity -------------------------------------------------------------

BOTH = f"{OWN_SLIP} {THEIR_HINDSIGHT} {PLEA}"


@pytest.mark.parametrize(
    ("config", "expected"),
    [
        (Config(), ["UB205", "UB301", "UB501"]),
        (Config(select=("UB2",)), ["UB205"]),
        (Config(select=("UB3", "UB5")), ["UB301", "UB501"]),
        (Config(ignore=("UB205",)), ["UB301", "UB501"]),
        (Config(select=("UB",), ignore=("UB3",)), ["UB205", "UB501"]),
        (Config(select=("UB9",)), []),
    ],
)
def test_select_and_ignore_choose_the_rules(config, expected):
    assert rules(BOTH, config=config) == expected


def test_severity_overrides_apply_by_code():
    config = Config(severity={"UB501": Severity.ERROR, "UB301": Severity.INFO})
    by_rule = {f.rule: f.severity for f in analyze(BOTH, config=config)}
    assert by_rule == {
        "UB205": Severity.INFO,
        "UB301": Severity.INFO,
        "UB501": Severity.ERROR,
    }


def test_config_from_a_table_drives_the_analyzer():
    config = Config.from_mapping({"ignore": ["ub2"], "severity": {"ub301": "error"}})
    found = analyze(BOTH, config=config)
    assert [(f.rule, f.severity) for f in found] == [
        ("UB301", Severity.ERROR),
        ("UB501", Severity.WARNING),
    ]


def test_names_from_the_argument_and_the_config_both_count():
    text = "i think vasquez broke prod"
    assert "UB101" not in rules(text)
    assert "UB101" in rules(text, names=["vasquez"])
    assert "UB101" in rules(text, config=Config(names=("vasquez",)))


# --- Quotes, mentions, negation, suppression ----------------------------------------------


def test_block_quotes_are_linted_only_when_asked():
    source = f"> {THEIR_HINDSIGHT}\n"
    assert analyze(source) == []
    assert rules(source, config=Config(lint_quotes=True)) == ["UB301"]


@pytest.mark.parametrize(
    "text",
    [
        "It was not human error.",
        "We removed the 'human error' option from the form.",
    ],
)
def test_a_negated_or_mentioned_label_is_not_a_cause(text):
    assert analyze(text) == []


def test_a_quoted_label_given_as_the_cause_still_counts():
    text = "The outage was due to 'human error'."
    assert spans(text) == ["human error"]


def test_a_scare_quoted_epithet_before_a_person_counts():
    assert rules("The 'idiot' contractor unplugged the switch.") == ["UB103"]


def test_a_block_suppression_silences_only_the_named_prefix_in_the_next_block():
    source = f"<!-- unblame-ignore UB2 -->\n{OWN_SLIP} {PLEA}\n\n{OWN_SLIP}\n"
    assert rules(source) == ["UB501", "UB205"]


def test_a_file_suppression_with_codes_keeps_other_rules_everywhere():
    source = f"<!-- unblame-ignore-file UB5 -->\n\n{PLEA}\n\n{OWN_SLIP}\n\n{PLEA}\n"
    assert rules(source) == ["UB205"]


def test_a_file_suppression_without_codes_silences_everything():
    assert analyze(f"{BOTH}\n\n<!-- unblame-ignore-file -->\n") == []


# --- Sentences and abbreviations ----------------------------------------------------------


@pytest.mark.parametrize(
    ("masked", "word", "sentence"),
    [
        ("We met Mr. Odd today. Next one.", "Odd", "We met Mr. Odd today."),
        ("Acme Inc. staff left. Then rain.", "staff", "Acme Inc. staff left."),
        ("Ask J. Odd now. Later more.", "Odd", "Ask J. Odd now."),
        ("First part; second part.", "second", " second part."),
        ("One idea: another idea.", "another", "another idea."),
    ],
)
def test_sentence_bounds_do_not_stop_at_abbreviations(masked, word, sentence):
    start = masked.index(word)
    lo, hi = analyzer.sentence_bounds(masked, start, start + len(word), 0, len(masked))
    assert masked[lo:hi] == sentence


def test_sentence_bounds_stay_inside_the_scan_window():
    masked = "Alpha beta gamma delta."
    start = masked.index("gamma")
    lo, hi = analyzer.sentence_bounds(masked, start, start + 5, 6, 16)
    assert (lo, hi) == (6, 16)


def test_a_company_suffix_does_not_split_a_finding_from_its_sentence():
    text = "Acme Inc. engineers need to be more careful."
    assert spans(text) == ["be more careful"]


def test_a_finding_in_the_second_sentence_is_its_own():
    text = f"{THEIR_HINDSIGHT} {THEIR_SLIP}"
    assert spans(text) == [
        "Pemberton should have paged",
        "The on-call engineer carelessly",
    ]


def test_a_title_before_a_name_keeps_the_person():
    # The title's full stop ends no name: "Mr. Pemberton" is one person.
    assert rules("Mr. Pemberton should have paged the owner.") == ["UB301"]


# --- Offsets always index the input -------------------------------------------------------


def line_col(text: str, offset: int) -> tuple[int, int]:
    before = text[:offset].replace("\r\n", "\n").replace("\r", "\n")
    line = before.count("\n") + 1
    return line, len(before) - (before.rfind("\n") + 1) + 1


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        (f"---\ntitle: Review\n---\n{THEIR_HINDSIGHT}\n", ["Pemberton should have paged"]),
        (f"```\n{OWN_SLIP}\n```\n\n{PLEA}\n", ["be more careful"]),
        (f"Intro line.\r\n\r\n{CAUSE}\r\n", ["human error"]),
        (f"Emoji 🙈 first.\n\n{CAUSE}\n", ["human error"]),
        (f"| When | What |\n|---|---|\n| 09:00 | {CAUSE} |\n", ["human error"]),
        (f"- one\n- {OWN_SLIP}\n  More text.\n", ["I accidentally"]),
        (f"## {PLEA}\n", ["be more careful"]),
        (f"Run `rm -rf` first. {CAUSE}\n", ["human error"]),
    ],
)
def test_offsets_line_and_column_index_the_original_text(source, expected):
    found = analyze(source)
    assert [source[f.start : f.end] for f in found] == expected
    for f in found:
        assert (f.line, f.column) == line_col(source, f.start)


_PIECES = [OWN_SLIP, OWN_HINDSIGHT, THEIR_HINDSIGHT, THEIR_SLIP, PLEA, CAUSE, NEUTRAL]
_WRAPPERS = [
    "{}",
    "> {}",
    "- {}",
    "## {}",
    "`code` {}",
    "**{}**",
    "| {} |",
    "<!-- unblame-ignore UB3 -->\n{}",
    "```\n{}\n```",
]


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(st.sampled_from(_WRAPPERS), st.sampled_from(_PIECES)),
        min_size=1,
        max_size=6,
    ),
    st.sampled_from(["\n\n", "\r\n\r\n", "\n"]),
    st.sampled_from(analyzer.CONTEXTS),
)
def test_every_finding_indexes_its_input(parts, separator, context):
    source = separator.join(wrapper.format(piece) for wrapper, piece in parts)
    found = analyze(source, context=context)
    assert found == sorted(found, key=lambda f: (f.start, f.rule))
    last_end: dict[Category, int] = {}
    for f in found:
        assert 0 <= f.start < f.end <= len(source)
        assert source[f.start : f.end].strip()
        assert (f.line, f.column) == line_col(source, f.start)
        # Findings of one category never overlap.
        assert f.start >= last_end.get(f.category, -1)
        last_end[f.category] = f.end


# --- Findings, severities, categories and the registry ------------------------------------


def test_a_finding_serialises_to_plain_values():
    (finding,) = analyze(CAUSE)
    data = finding.to_dict()
    assert data["rule"] == "UB401"
    assert data["category"] == "human_error"
    assert data["severity"] == "error"
    assert data["about_writer"] is False
    assert (data["start"], data["end"]) == (finding.start, finding.end)
    assert (
        Finding(
            **{
                **data,
                "category": Category(data["category"]),
                "severity": Severity(data["severity"]),
            }
        )
        == finding
    )


def test_severity_ranks_order_info_warning_error():
    assert Severity.INFO.rank < Severity.WARNING.rank < Severity.ERROR.rank


@pytest.mark.parametrize("category", list(Category))
def test_only_the_five_blame_categories_are_blame(category):
    style = {Category.ROOT_CAUSE, Category.HINDSIGHT}
    assert category.is_blame is (category not in style)
    assert (category in BLAME_CATEGORIES) is category.is_blame


@pytest.mark.parametrize("key", ["UB401", "ub401", " UB401 ", "human-error-as-cause"])
def test_get_rule_finds_a_rule_by_code_or_name(key):
    assert get_rule(key).code == "UB401"


def test_get_rule_raises_key_error_for_an_unknown_rule():
    with pytest.raises(KeyError):
        get_rule("UB999")


def test_rule_codes_are_unique_and_sorted():
    codes = [r.code for r in RULES]
    assert codes == sorted(set(codes))


def test_the_message_and_suggestion_come_from_the_rule():
    (finding,) = analyze(PLEA)
    rule = get_rule(finding.rule)
    assert (finding.name, finding.message, finding.suggestion) == (
        rule.name,
        rule.message,
        rule.suggestion,
    )


# --- Misreadings seen through the whole analyzer ------------------------------------------


def test_an_aside_after_a_role_does_not_make_the_slip_the_writers():
    found = analyze("The operator (a new hire) carelessly deleted the volume.")
    assert found
    assert not any(f.about_writer for f in found)


def test_a_safeguard_against_slips_blames_nobody():
    assert analyze("The guard rail stops anyone from accidentally deleting the bucket.") == []


def test_a_contracted_should_have_about_a_person_is_found():
    assert rules("Zephyrine should've paged the owner.") == ["UB301"]
