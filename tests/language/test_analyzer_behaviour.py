"""How the analyzer treats people, negation, quotation, context and configuration."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from unblame.language import Category, Config, Finding, Severity, analyze


def categories(text: str, **kwargs) -> list[str]:
    return [f.category.value for f in analyze(text, **kwargs)]


@pytest.mark.parametrize(
    "text",
    [
        "The job failed to start after the node restarted.",
        "We decided not to blame anyone for the outage.",
        "It was not Omar's fault; the pipeline skipped the check.",
        "We no longer label incidents as human error.",
        "The runbook says the service should return 503 while draining.",
        "We are sorry for the impact this had on our customers.",
        "Sorry, I was on mute.",
        "I ran the migration against prod at 14:02.",
        "Kim rolled back the release at 14:05 and the errors stopped.",
        "Lee spotted the latency spike on the dashboard.",
        "Our fault tolerance tests passed; the page fault rate was normal.",
        "We practise a just culture, and the root user owns the backups.",
        "Retrain the model and revoke the token.",
        "Use git blame to find when the threshold changed.",
        "Who is on call for search this week?",
        "A schema check would have caught this before merge.",
        "No one could have known the flag was shared across tenants.",
        # "such as … ," is a list, not a clause that ends at its comma.
        "Other states, such as `draft` or `archived`, are kept, never a reason to refuse it.",
    ],
)
def test_it_leaves_the_guides_traps_alone(text):
    assert analyze(text) == []


def test_a_quoted_term_is_a_mention_not_a_cause():
    assert analyze("Writing 'human error' in the cause field ends the inquiry.") == []
    assert categories("The outage was caused by human error.") == ["human_error"]


def test_names_from_the_roster_count_as_people():
    # A lower-case handle reads as a person only when the roster names it; a
    # capitalised word in subject position would read as a name by its shape.
    text = "zebulon broke production on Friday."
    assert analyze(text) == []
    assert categories(text, names=["zebulon"]) == ["blame_other"]
    assert categories(text, config=Config(names=("zebulon",))) == ["blame_other"]


def test_a_capitalised_name_in_subject_position_is_a_person_without_a_roster():
    assert categories("Zebulon broke production on Friday.") == ["blame_other"]


def test_common_given_names_count_as_people_without_a_roster():
    assert categories("Priya broke production on Friday.") == ["blame_other"]


@pytest.mark.parametrize(
    "text",
    [
        "When an operator typoed the hostname, the deploy failed.",
        "It stalled after a contractor fixing fans in rack 4, row B, carelessly unplugged it.",
    ],
)
def test_a_slip_inside_a_clause_opened_by_a_conjunction_is_found(text):
    assert categories(text) == ["blame_other"]


def test_a_plain_act_inside_a_clause_opened_by_a_conjunction_stays_unflagged():
    assert analyze("When the operator restarted the proxy, the queue drained.") == []


def test_self_blame_in_chat_is_a_quiet_note():
    [finding] = analyze("ugh, my fault, sorry all", context="chat")
    assert finding.category is Category.SELF_BLAME
    assert finding.severity is Severity.INFO


def test_what_the_writer_says_of_themself_gets_kind_suggestions():
    findings = analyze("It was my fault. I'm such an idiot. I should have checked.")
    assert [f.category for f in findings] == [
        Category.SELF_BLAME,
        Category.SELF_BLAME,
        Category.COUNTERFACTUAL,
    ]
    for finding in findings:
        assert finding.about_writer
        assert "Thank you" in finding.suggestion or "No apology" in finding.suggestion


def test_hindsight_about_someone_else_is_not_about_the_writer():
    (finding,) = analyze("The reviewer should have checked the diff.")
    assert finding.category is Category.COUNTERFACTUAL
    assert not finding.about_writer
    assert finding.to_dict()["about_writer"] is False


def test_own_hindsight_in_chat_is_a_gentle_note():
    (finding,) = analyze("i should have waited for the canary", context="chat")
    assert finding.rule == "UB204" and finding.about_writer
    assert finding.severity.value == "info"


def test_an_unknown_context_is_rejected():
    with pytest.raises(ValueError, match="context must be one of"):
        analyze("text", context="tweet")


def test_select_and_ignore_work_by_prefix():
    text = "The intern broke prod. The reviewer should have known. It was my fault."
    assert set(categories(text)) == {"blame_other", "counterfactual", "self_blame"}
    assert set(categories(text, config=Config(select=("UB2",)))) == {"self_blame"}
    assert "self_blame" not in categories(text, config=Config(ignore=("UB2",)))


def test_severity_can_be_overridden_per_rule():
    config = Config(severity={"UB201": Severity.ERROR})
    [finding] = analyze("It was my fault.", config=config)
    assert finding.severity is Severity.ERROR


def test_findings_come_in_document_order():
    text = "It was my fault. The intern broke prod. We should have rolled back."
    starts = [f.start for f in analyze(text)]
    assert starts == sorted(starts) and len(starts) == 3


def test_a_finding_carries_the_rules_explanation():
    [finding] = analyze(
        "Root cause: operator error during the failover.", config=Config(select=("UB4",))
    )
    assert finding.rule == "UB401"
    assert finding.name == "human-error-as-cause"
    assert finding.message and finding.suggestion
    assert finding.to_dict()["category"] == "human_error"


def test_a_long_quoted_lesson_is_still_advice():
    text = "Add the lesson 'never ignore any errors in staging, they always bite in production'."
    assert categories(text) == ["try_harder"]


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.tuples(st.integers(0, 60), st.integers(1, 8)), max_size=25),
    st.integers(0, 70),
    st.integers(1, 10),
)
def test_span_overlap_lookup_agrees_with_comparing_every_pair(spans, start, length):
    # _specific_first asks this once per frame finding; it must not grow with
    # the product of the two counts on long documents.
    from unblame.language.analyzer import _Spans

    findings = [_finding(s, s + n) for s, n in spans]
    expected = any(f.start < start + length and start < f.end for f in findings)
    assert _Spans(findings).overlaps(start, start + length) == expected


def _finding(start: int, end: int) -> Finding:
    return Finding("UB101", "x", Category.BLAME_OTHER, Severity.WARNING, start, end, 1, 1, "", "")
