"""A small history for the insights tests: one public incident, one restricted, known figures.

Public (the cast's checkout incident, March 2026): detected after 10
minutes, acknowledged 5 later, mitigated at 40 and resolved at 60; a factor
under "Change management"; one done item, one overdue item owned by the
viewer; a published review. Its incident commander is the editor.

Restricted (December 2025): everything different, so any figure of it that
leaked would show: its own factor category, a responder (samwise) on
nothing else, an item he owns, a published review with blame in it.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from unblame.actions.models import ActionItem, ContributingFactor, FactorCategory
from unblame.incidents.models import Incident, Responder
from unblame.reviews.models import Review, ReviewState
from unblame.reviews.services import draft_review

from ..conftest import NOW, make_user
from .conftest import write

SECRET_MONTH = "2025-12"
SECRET_CATEGORY = "Zeta secrets"
SECRET_PERSON = "samwise"
SECRET_START = datetime(2025, 12, 10, 3, 0, tzinfo=UTC)


def _times(incident: Incident, start: datetime, detect: int, ack: int, mitigate: int, resolve: int):
    incident.declared_at = start
    incident.impact_started_at = start
    incident.detected_at = start + timedelta(minutes=detect)
    incident.acknowledged_at = start + timedelta(minutes=ack)
    incident.mitigated_at = start + timedelta(minutes=mitigate)
    incident.resolved_at = start + timedelta(minutes=resolve)
    incident.save()


def _publish(review: Review, at: datetime) -> None:
    Review.objects.filter(pk=review.pk).update(state=ReviewState.PUBLISHED, published_at=at)
    review.refresh_from_db()
    review.save()  # as transition_to does: receivers see the published review


def build(incident: Incident, restricted: Incident, editor, viewer) -> dict:
    _times(incident, NOW, 10, 15, 40, 60)
    category = FactorCategory.objects.get(name="Change management")
    ContributingFactor.objects.create(
        incident=incident, category=category, description="Config pushes skip the canary."
    )
    ActionItem.objects.create(
        incident=incident, title="Add a canary stage", kind="prevent", status="done"
    )
    ActionItem.objects.create(
        incident=incident,
        title="Be more careful with config pushes",
        kind="process",
        owner=viewer,
        due_date=date(2026, 3, 10),
    )
    review = draft_review(incident, editor)
    write(review, "impact", "Card payments failed for forty minutes.", editor)
    _publish(review, NOW + timedelta(days=3))

    samwise = make_user(SECRET_PERSON, "editor", timezone="Asia/Tokyo")
    Responder.objects.create(
        incident=restricted, user=samwise, role=Responder.Role.INCIDENT_COMMANDER
    )
    _times(restricted, SECRET_START, 200, 300, 400, 500)
    secret = FactorCategory.objects.create(name=SECRET_CATEGORY, position=999)
    ContributingFactor.objects.create(
        incident=restricted, category=secret, description="Rate limits were off."
    )
    ActionItem.objects.create(
        incident=restricted, title="Turn rate limits on", owner=samwise, due_date=date(2026, 1, 1)
    )
    secret_review = draft_review(restricted, editor)
    write(secret_review, "impact", "Samwise should have noticed the alert.", editor)
    _publish(secret_review, SECRET_START + timedelta(days=40))
    return {"secret_category": secret, "samwise": samwise, "review": review}
