"""Reviews on top of the web cast: a drafted review of the public incident, and Dana.

Dana is an editor and a responder on both incidents, so she can write a
debrief on each; the cast's editor (ed) is the other responder.
"""

from __future__ import annotations

import pytest
from django.test import Client

from unblame.incidents.models import Responder
from unblame.reviews.services import draft_review

from ..conftest import make_user


@pytest.fixture
def dana(db, incident, restricted):
    user = make_user("dana", "editor", first_name="Dana", last_name="Smith")
    Responder.objects.create(incident=incident, user=user, role=Responder.Role.RESPONDER)
    Responder.objects.create(incident=restricted, user=user, role=Responder.Role.RESPONDER)
    return user


@pytest.fixture
def as_dana(dana) -> Client:
    client = Client()
    client.force_login(dana)
    return client


@pytest.fixture
def review(incident, editor):
    return draft_review(incident, editor)


@pytest.fixture
def restricted_review(restricted, editor):
    return draft_review(restricted, editor)


def section(review, key):
    return review.sections.get(key=key)


def save(review, key, body, user):
    """Write a section's text as the user would, from its current version."""
    target = section(review, key)
    return target.save_body(user, body, target.version)


# Clean text for the required sections a fresh draft leaves open (the summary
# is drafted from the incident's own summary).
OPEN_SECTIONS = {
    "impact": "Card payments failed for about 4% of checkouts for 40 minutes.",
    "contributing_factors": "A config push reached checkout without a canary.",
    "action_items": "A canary stage for config pushes closes that gap.",
}


def write_open_sections(review, user):
    """Write the required sections a fresh draft leaves open, so only other gaps remain."""
    for key, body in OPEN_SECTIONS.items():
        save(review, key, body, user)


def add_factor(incident, description="Config changes skip the canary."):
    from unblame.actions.models import ContributingFactor, FactorCategory

    category = FactorCategory.objects.order_by("position").first()
    return ContributingFactor.objects.create(
        incident=incident, category=category, description=description
    )


def add_action(incident, title="Add a schema check to the deploy pipeline", factor=None):
    from unblame.actions.models import ActionItem

    item = ActionItem.objects.create(incident=incident, title=title)
    if factor is not None:
        item.factors.add(factor)
    return item
