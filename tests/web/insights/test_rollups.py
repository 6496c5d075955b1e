"""The rollup tables the reports read follow every write, and equal a rebuild from the records.

After each kind of edit the tables as kept by the signals must hold what
`rollups.rebuild` writes from scratch (which reads the records with the
same expressions the reports used to read live); restricted incidents
stay out of every figure of anyone who may not see them.
"""

from __future__ import annotations

import io
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st

from unblame.actions.models import ActionItem, ContributingFactor, FactorCategory
from unblame.incidents.merge import merge_incidents
from unblame.incidents.models import Incident, Responder, Status
from unblame.insights import rollups
from unblame.insights.models import (
    FactorFacts,
    IncidentFacts,
    ItemFacts,
    ResponderFacts,
    ReviewFacts,
)
from unblame.reviews.models import FindingAcknowledgement, Review

from ..conftest import make_user
from .conftest import write
from .history import SECRET_MONTH
from .test_report_properties import PROPERTY, START, _build, incidents


def snapshot() -> dict[str, set[tuple]]:
    """Every rollup row, as plain values."""
    return {
        table.__name__: {tuple(sorted(row.items())) for row in table.objects.values()}
        for table in rollups.TABLES
    }


def assert_kept_equals_rebuilt() -> None:
    kept = snapshot()
    rollups.rebuild()
    assert kept == snapshot()


def table(client, slug, block):
    response = client.get(reverse("insights:csv", args=[slug, block]))
    assert response.status_code == 200
    return response.content.decode()


def test_a_history_written_through_the_models_has_the_rows_a_rebuild_writes(history, incident):
    assert IncidentFacts.objects.filter(incident=incident).exists()
    assert ResponderFacts.objects.exists() and ItemFacts.objects.count() == 3
    assert FactorFacts.objects.count() == 2 and ReviewFacts.objects.count() == 2
    assert_kept_equals_rebuilt()


def test_edits_of_an_incident_reach_every_table(history, incident):
    incident.refresh_from_db()
    incident.detected_at = incident.impact_started_at + timedelta(minutes=25)
    incident.status = Status.CLOSED
    incident.save()
    facts = IncidentFacts.objects.get(incident=incident)
    assert facts.detect == pytest.approx(25)
    # The overdue item is open while its incident is closed now.
    assert ItemFacts.objects.filter(incident=incident, after_close=True).count() == 1
    assert_kept_equals_rebuilt()


def test_responders_items_and_factors_follow_their_saves_and_deletes(history, incident, admin):
    responder = Responder.objects.create(incident=incident, user=admin)
    assert ResponderFacts.objects.filter(pk=responder.pk, user=admin).exists()
    item = ActionItem.objects.get(incident=incident, status="done")
    item.status = ActionItem.Status.OPEN
    item.save()
    assert ItemFacts.objects.get(pk=item.pk).state == "open"
    factor = ContributingFactor.objects.get(incident=incident)
    factor.category = FactorCategory.objects.get(name="Testing")
    factor.save()
    assert FactorFacts.objects.get(pk=factor.pk).category.name == "Testing"
    assert_kept_equals_rebuilt()
    responder.delete()
    item.delete()
    factor.delete()
    assert not ResponderFacts.objects.filter(pk=responder.pk).exists()
    assert not ItemFacts.objects.filter(pk=item.pk).exists()
    assert not FactorFacts.objects.filter(pk=factor.pk).exists()
    assert_kept_equals_rebuilt()


def test_restricting_an_incident_takes_it_out_of_a_viewers_figures(
    as_viewer, as_admin, history, incident
):
    before = table(as_viewer, "response", "detect")
    assert "2026-03" in before
    incident.refresh_from_db()
    incident.restricted = True
    incident.save()
    assert set(IncidentFacts.objects.values_list("restricted", flat=True)) == {True}
    for slug, block in [("response", "detect"), ("factors", "by-month"), ("writing", "clean")]:
        assert "2026-03" not in table(as_viewer, slug, block), slug
        assert "2026-03" in table(as_admin, slug, block), slug
    incident.restricted = False
    incident.save()
    assert table(as_viewer, "response", "detect") == before
    assert_kept_equals_rebuilt()


def test_a_restricted_incident_counts_for_its_responder_only(
    as_viewer, as_editor, viewer, history, restricted
):
    assert SECRET_MONTH not in table(as_viewer, "response", "detect")
    Responder.objects.create(incident=restricted, user=viewer)
    assert SECRET_MONTH in table(as_viewer, "response", "detect")
    assert SECRET_MONTH in table(as_editor, "response", "detect")


def test_an_inactive_user_gets_no_rows(history, viewer):
    from unblame.insights.filters import InsightFilterForm
    from unblame.insights.scope import Scope

    viewer.is_active = False
    scope = Scope(viewer, InsightFilterForm(), Incident.objects.none())
    assert not scope.rollup(IncidentFacts).exists()


def test_trash_restore_and_purge(history, incident, admin):
    incident.trash(admin)
    assert not any(t.objects.filter(incident=incident).exists() for t in rollups.TABLES)
    incident.restore(admin)
    assert IncidentFacts.objects.filter(incident=incident).exists()
    assert_kept_equals_rebuilt()
    incident.trash(admin)
    incident.purge(admin)
    assert_kept_equals_rebuilt()


def test_published_text_edits_acknowledgements_and_reviews_going(
    history, incident, editor, django_capture_on_commit_callbacks
):
    review = history["review"]
    words = ReviewFacts.objects.get(review=review).words
    write(review, "impact", "Card payments failed for forty long minutes today.", editor)
    assert ReviewFacts.objects.get(review=review).words == words + 2
    section = review.sections.get(key="impact")
    ack = FindingAcknowledgement.objects.create(
        section=section, rule="UB101", quote="x", reason="Quoted from the customer.", author=editor
    )
    assert ReviewFacts.objects.get(review=review).acknowledged == 1
    with django_capture_on_commit_callbacks(execute=True):
        ack.delete()
    assert ReviewFacts.objects.get(review=review).acknowledged == 0
    with django_capture_on_commit_callbacks(execute=True):
        Review.objects.get(pk=review.pk).delete()
    assert IncidentFacts.objects.get(incident=incident).review_state == ""
    assert not ReviewFacts.objects.filter(incident=incident).exists()
    assert_kept_equals_rebuilt()


def test_deleting_an_incident_with_its_review_leaves_no_rows(
    history, incident, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        Incident.all_objects.filter(pk=incident.pk).delete()
    assert not any(t.objects.filter(incident_id=incident.pk).exists() for t in rollups.TABLES)


def test_a_new_time_zone_reads_out_of_hours_again(history):
    samwise = history["samwise"]
    before = ResponderFacts.objects.get(user=samwise)
    # Declared 03:00 UTC on a Wednesday: noon in Tokyo, 03:00 in London.
    assert (before.zone, before.out_of_hours) == ("Asia/Tokyo", False)
    samwise.timezone = "Europe/London"
    samwise.save()
    after = ResponderFacts.objects.get(user=samwise)
    assert (after.zone, after.out_of_hours) == ("Europe/London", True)
    assert_kept_equals_rebuilt()


def test_a_new_time_zone_reads_the_hours_out_of_hours_again(history):
    samwise = history["samwise"]
    # 03:00-11:20 UTC on Wednesday 10 December: 12:00-20:20 in Tokyo, 140 minutes after 18:00.
    assert ResponderFacts.objects.get(user=samwise).out_minutes == pytest.approx(140)
    samwise.timezone = "Europe/London"  # 03:00-11:20 GMT: 360 minutes before 09:00
    samwise.save()
    assert ResponderFacts.objects.get(user=samwise).out_minutes == pytest.approx(360)
    assert_kept_equals_rebuilt()


def test_resolving_an_incident_gives_its_responders_hours_out(history, incident, editor):
    Responder.objects.filter(incident=incident).delete()
    incident.resolved_at = None
    incident.save()
    Responder.objects.create(incident=incident, user=editor)
    # Open: no hours, so none out of hours.
    assert ResponderFacts.objects.get(incident=incident, user=editor).out_minutes is None
    # Wednesday 4 March 12:00 UTC to Thursday 10:00: 18:00-09:00 overnight is out, 15 hours.
    incident.resolved_at = incident.declared_at + timedelta(hours=22)
    incident.save()
    facts = ResponderFacts.objects.get(incident=incident, user=editor)
    assert (facts.minutes, facts.out_minutes) == (pytest.approx(22 * 60), pytest.approx(15 * 60))
    assert_kept_equals_rebuilt()


def test_the_migration_fills_the_rows_it_finds_as_the_builder_writes_them(history):
    import importlib

    from django.apps import apps

    fill = importlib.import_module("unblame.insights.migrations.0008_responder_out_minutes").fill
    written = dict(ResponderFacts.objects.values_list("pk", "out_minutes"))
    assert any(value for value in written.values())
    ResponderFacts.objects.update(out_minutes=None)
    fill(apps, None)
    assert dict(ResponderFacts.objects.values_list("pk", "out_minutes")) == written


def test_a_merge_moves_the_duplicates_rows_to_the_incident_kept(history, incident, restricted):
    admin = make_user("merger", "admin")
    people = set(Responder.objects.filter(incident__in=[incident, restricted]).values_list("user"))
    merge_incidents(incident, restricted, admin)
    assert set(ResponderFacts.objects.filter(incident=incident).values_list("user")) == people
    assert not ItemFacts.objects.filter(incident=restricted).exists()
    assert ItemFacts.objects.filter(incident=incident).count() == 3
    assert_kept_equals_rebuilt()


def test_generated_history_is_rolled_up_by_a_rebuild(db):
    from unblame.incidents.history import generate_history

    generate_history(40, seed=3)
    assert not IncidentFacts.objects.exists()  # bulk writes send no signals
    counts = rollups.rebuild()
    assert counts["IncidentFacts"] == Incident.objects.count() == 40
    assert counts["ResponderFacts"] == Responder.objects.count()
    assert counts["ItemFacts"] == ActionItem.objects.count()
    assert_kept_equals_rebuilt()


def test_the_command_rebuilds_with_a_progress_bar(history, capsys):
    IncidentFacts.objects.all().delete()
    out = io.StringIO()
    call_command("rebuild_insights", stdout=out)
    assert "IncidentFacts: 2" in out.getvalue()
    assert "2/2 incidents" in capsys.readouterr().err
    assert IncidentFacts.objects.count() == 2


def test_the_first_migrate_fills_empty_rollups(history):
    from unblame.insights.apps import fill_empty_rollups

    for table_ in rollups.TABLES:
        table_.objects.all().delete()
    fill_empty_rollups(sender=None)
    assert IncidentFacts.objects.count() == 2
    assert_kept_equals_rebuilt()


edits = st.lists(
    st.tuples(
        st.sampled_from(["restrict", "detect", "close", "respond", "item", "trash"]),
        st.integers(0, 9),  # which incident
        st.integers(0, 600),  # a number of minutes, or who responds
    ),
    max_size=8,
)


@PROPERTY
@given(history=incidents, changes=edits)
def test_rows_kept_through_any_edits_equal_a_rebuild(db, history, changes):
    from django.db import transaction

    with transaction.atomic():
        made = _build(history)
        people = [
            make_user(f"p{n}", "editor", timezone=z) for n, z in enumerate(["UTC", "Asia/Tokyo"])
        ]
        for change, which, minutes in changes:
            _edit(made[which % len(made)], change, minutes, people)
        assert_kept_equals_rebuilt()
        transaction.set_rollback(True)


def _edit(incident, change, minutes, people):
    incident.refresh_from_db()
    if change == "restrict":
        incident.restricted = not incident.restricted
    elif change == "detect":
        incident.detected_at = START + timedelta(minutes=minutes)
    elif change == "close":
        incident.status = Status.CLOSED
    elif change == "respond":
        Responder.objects.get_or_create(incident=incident, user=people[minutes % 2])
        return
    elif change == "item":
        ActionItem.objects.create(incident=incident, title="Add a check", status="open")
        return
    elif change == "trash":
        incident.trash(people[0])
        return
    incident.save()


def test_an_acknowledgement_of_nothing_refreshes_nothing(history, editor):
    before = snapshot()
    FindingAcknowledgement.objects.create(rule="UB101", quote="x", reason="Kept.", author=editor)
    assert snapshot() == before
