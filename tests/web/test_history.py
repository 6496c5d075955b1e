"""Generated history (`unblame demo --incidents N`): realistic, deterministic, quick to write."""

from __future__ import annotations

from datetime import timedelta

import pytest
from cast import NOW
from django.db import transaction

from unblame.accounts.models import User
from unblame.actions.models import ActionItem, ContributingFactor
from unblame.cli import main
from unblame.incidents.access import visible_incidents
from unblame.incidents.history import generate_history, has_history
from unblame.incidents.models import Incident, Status, TimelineEvent
from unblame.reviews.models import Review, ReviewSection, SectionVersion

SIZE = 300


@pytest.fixture(scope="class")
def history(django_db_setup, django_db_blocker):
    """One generated history for the tests that only read it, rolled back after the last.

    Each test runs inside it, in a transaction of its own (a savepoint), so
    what a test writes is gone before the next one.
    """
    with django_db_blocker.unblock(), transaction.atomic():
        generate_history(SIZE, seed=7, now=NOW, batch_size=120)
        yield
        transaction.set_rollback(True)


def _fingerprint() -> list[tuple]:
    return list(
        Incident.objects.order_by("pk").values_list(
            "title", "severity__name", "status", "restricted", "declared_at", "resolved_at"
        )
    )


@pytest.mark.django_db
class TestOneGeneratedHistory:
    def test_it_adds_the_number_asked_for_over_three_years(self, history):
        assert Incident.objects.count() == SIZE
        oldest = Incident.objects.order_by("declared_at").first().declared_at
        assert NOW - timedelta(days=3 * 365) <= oldest < NOW - timedelta(days=3 * 365 - 30)
        assert Incident.objects.filter(declared_at__gt=NOW).count() == 0
        assert has_history()

    def test_ids_follow_time_like_on_a_real_installation(self, history):
        by_id = list(Incident.objects.order_by("pk").values_list("declared_at", flat=True))
        assert by_id == sorted(by_id)

    def test_it_mixes_severities_services_and_statuses(self, history):
        assert set(Incident.objects.values_list("severity__name", flat=True)) == {
            "SEV1",
            "SEV2",
            "SEV3",
            "SEV4",
        }
        assert Incident.objects.values("services").distinct().count() >= 20
        assert Incident.objects.filter(status=Status.CLOSED).count() > SIZE / 2
        assert 0 < Incident.objects.filter(restricted=True).count() < SIZE / 10

    def test_every_incident_tells_a_possible_story(self, history):
        for incident in Incident.objects.prefetch_related("responders", "events", "services"):
            incident.full_clean()  # key moments in an order the model accepts
            assert len(incident.services.all()) == 1
            roles = [responder.role for responder in incident.responders.all()]
            assert roles.count("incident_commander") == 1
            kinds = {event.kind for event in incident.events.all()}
            assert {"alert", "field_change"} <= kinds
            if incident.status == Status.CLOSED:
                assert incident.resolved_at is not None
                assert incident.status_changes.count() == 4

    def test_reviewed_incidents_have_a_review_factors_and_items(self, history):
        reviewed = Incident.objects.filter(severity__rank__lte=3, status__in=["resolved", "closed"])
        assert Review.objects.count() == reviewed.count() > 0
        assert ContributingFactor.objects.values("incident").distinct().count() == reviewed.count()
        published = Review.objects.filter(state="published")
        assert published.count() == reviewed.filter(status="closed").count()
        assert not published.filter(published_at__isnull=True).exists()
        section = ReviewSection.objects.filter(key="summary").first()
        assert section.body.startswith("For ")
        assert SectionVersion.objects.filter(version=1).count() >= ReviewSection.objects.count()
        # SEV4 blips get no review, as on most teams.
        assert not Review.objects.filter(incident__severity__name="SEV4").exists()

    def test_review_text_is_about_the_incidents_service(self, history):
        review = Review.objects.select_related("incident").first()
        service = review.incident.services.get().name
        assert service in review.sections.get(key="summary").body

    def test_action_items_follow_through_like_a_team(self, history):
        items = ActionItem.objects.all()
        assert items.count() > 0
        statuses = set(items.values_list("status", flat=True))
        assert {"done", "open"} <= statuses
        for item in items.filter(status__in=["done", "wont_do"]):
            assert item.closed_at is not None and item.closed_at <= NOW
        assert not items.filter(
            status__in=["open", "in_progress"], closed_at__isnull=False
        ).exists()
        assert items.filter(owner__isnull=True).count() == 0
        assert items.exclude(factors=None).count() == items.count()

    def test_restricted_generated_incidents_stay_hidden(self, history, outsider):
        hidden = Incident.objects.filter(restricted=True)
        assert hidden.exists()
        assert not visible_incidents(outsider).filter(pk__in=hidden).exists()
        assert visible_incidents(outsider).count() == SIZE - hidden.count()


def test_the_same_seed_gives_the_same_history(db):
    generate_history(60, seed=3, now=NOW)
    first = _fingerprint()
    Incident.objects.all().delete()
    generate_history(60, seed=3, now=NOW)
    assert _fingerprint() == first
    Incident.objects.all().delete()
    generate_history(60, seed=4, now=NOW)
    assert _fingerprint() != first


def test_generated_people_cannot_sign_in_and_are_made_once(db):
    generate_history(20, now=NOW)
    people = User.objects.count()
    generate_history(20, now=NOW)
    assert User.objects.count() == people
    assert not any(user.has_usable_password() for user in User.objects.all())


def test_progress_is_reported_per_batch(db):
    seen = []
    generate_history(250, now=NOW, batch_size=100, progress=lambda done, total: seen.append(done))
    assert seen == [100, 200, 250]


def test_the_command_tops_the_demo_up_to_the_size_asked(db, capsys):
    assert main(["demo", "--incidents", "50"]) == 0
    assert Incident.objects.count() == 50
    out, err = capsys.readouterr()
    assert "Generated 38 incidents" in out
    assert "38/38 incidents" in err
    assert main(["demo", "--incidents", "80"]) == 0
    assert Incident.objects.count() == 50
    assert "already loaded; --reset" in capsys.readouterr().out


def test_reset_removes_generated_history(db, capsys):
    main(["demo", "--incidents", "40"])
    assert main(["demo", "--reset"]) == 0
    assert Incident.objects.count() == 12
    assert not TimelineEvent.objects.filter(source="generated").exists()


def test_a_negative_size_is_refused(db, capsys):
    assert main(["demo", "--incidents", "-5"]) == 2
    assert "--incidents" in capsys.readouterr().err
    assert not Incident.objects.exists()
