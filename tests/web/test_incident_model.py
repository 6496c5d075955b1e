"""Rules that live on the Incident model: moment order, durations, lifecycle."""

from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.core.exceptions import ValidationError
from hypothesis import given
from hypothesis import strategies as st

from unblame.incidents.models import (
    KEY_MOMENTS,
    TRANSITIONS,
    Incident,
    Status,
    moment_order_errors,
)

T0 = datetime(2026, 3, 4, 12, 0, tzinfo=UTC)


def _incident(**moments) -> Incident:
    return Incident(
        title="x", **{f"{name}_at": T0 + timedelta(minutes=m) for name, m in moments.items()}
    )


def test_durations_follow_their_definitions():
    incident = _incident(impact_started=0, detected=6, acknowledged=9, mitigated=47, resolved=95)
    assert incident.time_to_detect == timedelta(minutes=6)
    assert incident.time_to_acknowledge == timedelta(minutes=3)
    assert incident.time_to_mitigate == timedelta(minutes=47)
    assert incident.time_to_resolve == timedelta(minutes=95)


def test_durations_are_none_when_a_moment_is_missing():
    incident = _incident(impact_started=0, resolved=30)
    assert incident.time_to_detect is None
    assert incident.time_to_resolve == timedelta(minutes=30)


def test_clean_accepts_a_possible_order():
    _incident(impact_started=0, detected=5, acknowledged=7, mitigated=20, resolved=30).clean()


def test_clean_allows_mitigation_before_acknowledgement():
    # An automatic rollback can fix things before anyone acknowledges the page.
    _incident(impact_started=0, detected=5, mitigated=6, acknowledged=10).clean()


def test_clean_names_both_moments_when_detected_precedes_impact():
    with pytest.raises(ValidationError) as error:
        _incident(impact_started=10, detected=5).clean()
    assert error.value.message_dict == {
        "detected_at": ["Detected cannot be before impact started."]
    }


def test_clean_names_both_moments_when_resolved_precedes_acknowledged():
    with pytest.raises(ValidationError) as error:
        _incident(detected=0, acknowledged=30, resolved=20).clean()
    assert error.value.message_dict["resolved_at"] == ["Resolved cannot be before acknowledged."]


@given(st.lists(st.integers(min_value=0, max_value=10_000), min_size=5, max_size=5))
def test_sorted_moments_are_always_accepted(minutes):
    names = [name for name, _ in KEY_MOMENTS]
    moments = {
        name: T0 + timedelta(minutes=m) for name, m in zip(names, sorted(minutes), strict=True)
    }
    assert moment_order_errors(moments) == {}


@given(st.dictionaries(st.sampled_from([n for n, _ in KEY_MOMENTS]), st.integers(0, 500)))
def test_every_error_names_a_real_violation(minutes):
    moments = {name: T0 + timedelta(minutes=m) for name, m in minutes.items()}
    for field in moment_order_errors(moments):
        assert any(
            later == field and earlier in moments and moments[earlier] > moments[later]
            for earlier, later in __import__(
                "unblame.incidents.models", fromlist=["x"]
            ).MOMENT_ORDER
        )


def test_lifecycle_moves_forward_and_back_but_closed_is_final():
    assert TRANSITIONS[Status.INVESTIGATING] == (
        Status.IDENTIFIED,
        Status.MONITORING,
        Status.RESOLVED,
    )
    assert Status.INVESTIGATING in TRANSITIONS[Status.RESOLVED]
    assert TRANSITIONS[Status.CLOSED] == ()


def test_transition_to_refuses_skipping_to_closed(incident):
    with pytest.raises(ValidationError, match="cannot go from investigating to closed"):
        incident.transition_to(Status.CLOSED, None)


@time_machine.travel(T0 + timedelta(hours=2), tick=False)
def test_resolving_keeps_an_existing_resolved_time(incident):
    incident.resolved_at = T0 + timedelta(minutes=30)
    incident.save()
    incident.transition_to(Status.RESOLVED, None)
    incident.refresh_from_db()
    assert incident.resolved_at == T0 + timedelta(minutes=30)


def test_record_edit_returns_the_changed_fields(incident, editor):
    before = incident.snapshot()
    incident.title = "New title"
    incident.save()
    assert incident.record_edit(editor, before) == ["title"]
