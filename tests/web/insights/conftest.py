"""Insights and search on top of the web cast: a review, a factor and an action item.

The public incident (checkout) and the restricted one each get the same
kinds of text, with a word unique to each, so a test can ask whether the
restricted incident's word is ever found.
"""

from __future__ import annotations

import pytest

from unblame.actions.models import ActionItem, ContributingFactor, FactorCategory
from unblame.reviews.models import Comment
from unblame.reviews.services import draft_review

PUBLIC_WORD = "marmalade"
SECRET_WORD = "tangerine"


def write(review, key, body, user):
    """Write a section's text as the editor does, from its current version."""
    section = review.sections.get(key=key)
    section.save_body(user, body, section.version)
    return review.sections.get(key=key)


def fill(incident, user, word):
    """Give an incident every kind of searchable text, each carrying `word`."""
    incident.add_event(user, text=f"Rolled back the {word} deploy.", kind="note")
    review = draft_review(incident, user)
    section = write(review, "impact", f"The {word} queue backed up for an hour.", user)
    Comment.objects.create(section=section, author=user, body=f"Was the {word} alert paging?")
    category = FactorCategory.objects.order_by("position").first()
    factor = ContributingFactor.objects.create(
        incident=incident, category=category, description=f"The {word} retry had no limit."
    )
    item = ActionItem.objects.create(
        incident=incident, title=f"Cap {word} retries", description="A limit in the client."
    )
    return {"review": review, "factor": factor, "item": item}


@pytest.fixture
def public_texts(incident, editor):
    return fill(incident, editor, PUBLIC_WORD)


@pytest.fixture
def secret_texts(restricted, editor):
    return fill(restricted, editor, SECRET_WORD)


@pytest.fixture
def history(incident, restricted, editor, viewer):
    from .history import build

    return build(incident, restricted, editor, viewer)


@pytest.fixture(autouse=True)
def fresh_cache():
    """Kept insights results never carry over from one test to the next."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


def updated(rows, **values):
    """A raw UPDATE, as a script or an import writes around unblame, then the rollups rebuilt.

    update() sends no signals, so the rollups the reports read are rebuilt,
    as `unblame manage rebuild_insights` does after such a write.
    """
    from unblame.insights import rollups

    count = rows.update(**values)
    rollups.rebuild()
    return count
