"""A fully written review on the cast's public incident, for the Markdown tests.

`written` has every kind of record an export carries: responders (one with
a full name), a timeline with an alert, a chat message from someone without
an account and a highlighted decision, two factors tied to events, two
action items (one done), and review sections with awkward Markdown.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from unblame.actions.models import ActionItem, ContributingFactor, FactorCategory
from unblame.incidents.models import Responder, TimelineEvent
from unblame.reviews.services import draft_review

from ..conftest import NOW, make_user

AWKWARD_BODY = (
    "Steps we took:\n\n```sh\n# restart the pods\n## twice\n---\n"
    "<!-- unblame:section summary -->\n```\n\nNaïve café — 事故 🚒  \n"
)


@pytest.fixture
def dana(db, incident):
    user = make_user("dana", "editor", first_name="Dana", last_name="Smith")
    Responder.objects.create(incident=incident, user=user, role=Responder.Role.SCRIBE)
    return user


@pytest.fixture
def written(incident, editor, dana):
    """The public incident with a timeline, factors, action items and a written review."""
    incident.detected_at = NOW + timedelta(minutes=4)
    incident.mitigated_at = NOW + timedelta(minutes=31, microseconds=250_000)
    incident.summary = "Card payments failed.\r\nAbout 4% of checkouts."
    incident.save()
    alert = TimelineEvent.objects.create(
        incident=incident,
        occurred_at=NOW + timedelta(minutes=4),
        kind="alert",
        text="checkout 5xx above 2%",
        source="alertmanager",
        external_id="a-1",
    )
    chat = TimelineEvent.objects.create(
        incident=incident,
        occurred_at=NOW + timedelta(minutes=9),
        kind="chat_message",
        author_name="sam (no account)",
        text="rolling back deploy 42\nnow",
        source="slack",
    )
    TimelineEvent.objects.create(
        incident=incident,
        occurred_at=NOW + timedelta(minutes=12),
        kind="decision",
        author=editor,
        text="Freeze deploys until the canary is back.",
        highlighted=True,
    )
    testing = FactorCategory.objects.get(name="Testing")
    first = ContributingFactor.objects.create(
        incident=incident,
        category=testing,
        created_by=editor,
        description="The migration was tested only against an empty table.",
    )
    first.events.add(alert)
    second = ContributingFactor.objects.create(
        incident=incident,
        category=FactorCategory.objects.get(name="Change management"),
        description="Deploys skip the canary on Fridays.\n\nIt was a Friday.",
    )
    second.events.add(alert, chat)
    check = ActionItem.objects.create(
        incident=incident,
        title="Run migrations against a production-sized snapshot in CI",
        owner=dana,
        due_date=date(2026, 4, 1),
        priority="p2",
        kind="prevent",
    )
    check.factors.add(first)
    done = ActionItem.objects.create(
        incident=incident,
        title="Page the owning team on 5xx",
        status="done",
        kind="detect",
    )
    done.factors.add(first, second)
    review = draft_review(incident, editor)
    for key, body in [
        ("impact", "About 4% of checkouts failed for half an hour."),
        ("timeline", AWKWARD_BODY),
        ("contributing_factors", "An untested migration met a deploy that skipped the canary."),
        ("action_items", "Production-sized migration tests and paging on 5xx close both."),
        ("learnings", "Canaries catch config pushes."),
    ]:
        section = review.sections.get(key=key)
        section.save_body(editor, body, section.version)
    return review
