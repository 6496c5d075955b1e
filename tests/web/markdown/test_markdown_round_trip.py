"""Export -> import -> export through the database gives the same bytes."""

from __future__ import annotations

import re

import yaml

from unblame.accounts.models import AuditEntry
from unblame.incidents.models import Incident, TimelineEvent
from unblame.reviews.mdio.export import export_review
from unblame.reviews.mdio.importer import import_review
from unblame.reviews.models import Debrief, Review, SectionVersion

from .conftest import AWKWARD_BODY


def front(text: str) -> dict:
    return yaml.safe_load(text.split("---\n")[1])


def without_id(text: str) -> str:
    return re.sub(r"(?m)^  id: \d+$", "  id: N", text, count=1)


def test_the_export_carries_every_structured_field(written, incident) -> None:
    data = front(export_review(written))
    assert data["incident"]["id"] == incident.pk
    assert data["incident"]["moments"]["mitigated"] == "2026-03-04T12:31:00.250000Z"
    assert data["incident"]["summary"] == "Card payments failed.\nAbout 4% of checkouts."
    assert data["incident"]["responders"] == [
        {"username": "ed", "name": "", "role": "incident_commander"},
        {"username": "dana", "name": "Dana Smith", "role": "scribe"},
    ]
    assert [e["kind"] for e in data["timeline"]] == ["alert", "chat_message", "decision"]
    assert data["timeline"][1]["author"] == "sam (no account)"
    assert data["timeline"][2]["author"] == "ed"
    assert data["factors"][1] == {
        "category": "Change management",
        "description": "Deploys skip the canary on Fridays.\n\nIt was a Friday.",
        "events": [1, 2],
    }
    assert data["action_items"][0]["owner"] == "dana"
    assert data["action_items"][1]["closed"] is not None
    assert data["review"] == {"state": "draft", "template": "Blameless review"}


def test_importing_the_export_where_it_came_from_changes_nothing(written, editor) -> None:
    text = export_review(written)
    counts = (SectionVersion.objects.count(), TimelineEvent.objects.count())
    audit = AuditEntry.objects.count()
    result = import_review(text, editor)
    assert result.created is False
    assert result.incident.pk == written.incident_id
    assert export_review(Review.objects.get(pk=written.pk)) == text
    assert (SectionVersion.objects.count(), TimelineEvent.objects.count()) == counts
    assert AuditEntry.objects.count() == audit


def test_importing_into_an_empty_installation_recreates_the_same_export(written, editor) -> None:
    text = export_review(written)
    Incident.objects.filter(pk=written.incident_id).delete()
    result = import_review(text, editor)
    assert result.created is True
    exported = export_review(result.review)
    assert without_id(exported) == without_id(text)
    # And from there on the round trip is exact.
    assert export_review(import_review(exported, editor).review) == exported


def test_a_section_body_survives_byte_for_byte(written, editor) -> None:
    text = export_review(written)
    Incident.objects.filter(pk=written.incident_id).delete()
    review = import_review(text, editor).review
    assert review.sections.get(key="timeline").body == AWKWARD_BODY


def test_an_edited_export_updates_the_review_as_new_versions(written, editor) -> None:
    text = export_review(written).replace(
        "Canaries catch config pushes.", "Canaries catch config pushes, not migrations."
    )
    result = import_review(text, editor)
    section = result.review.sections.get(key="learnings")
    assert section.body == "Canaries catch config pushes, not migrations."
    assert section.versions.last().note == "Imported from Markdown"
    assert "1 section(s) of the review changed" in result.summary
    assert export_review(result.review) == text


def test_private_debriefs_are_neither_exported_nor_touched(written, incident, dana) -> None:
    Debrief.objects.create(incident=incident, author=dana, seeing="only-dana-knows-this")
    text = export_review(written)
    assert "only-dana-knows-this" not in text
    Incident.objects.exclude(pk=incident.pk).delete()
    import_review(text.replace("Card payments failed.", "Card payments failed!"), dana)
    assert Debrief.objects.get().seeing == "only-dana-knows-this"
