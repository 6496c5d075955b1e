"""What an import matches, adds, keeps as text and refuses."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied

from unblame.actions.models import ActionItem, ContributingFactor, FactorCategory
from unblame.incidents.models import Incident, Service, Severity, TimelineEvent
from unblame.reviews.mdio.export import export_review
from unblame.reviews.mdio.importer import ImportRefused, import_review
from unblame.reviews.models import ReviewState

FOREIGN = """---
title: Disk full on build node
severity: SEV-X
services: [builds, docs]
author: Pat
---

The node ran out of disk at 01:38.

## Root cause of the outage

Old build artifacts were never removed.

## Follow-ups

- Prune artifacts daily.
"""


def test_a_foreign_review_becomes_an_incident_with_the_whole_template(editor) -> None:
    result = import_review(FOREIGN, editor)
    incident = result.incident
    assert result.created
    assert incident.title == "Disk full on build node"
    assert incident.status == "resolved"
    assert sorted(s.name for s in incident.services.all()) == ["builds", "docs"]
    keys = list(result.review.sections.values_list("key", flat=True))
    assert keys[:3] == ["summary", "contributing_factors", "action_items"]
    assert {"impact", "timeline", "learnings"} <= set(keys)
    assert result.review.sections.get(key="summary").body == "The node ran out of disk at 01:38."
    assert result.review.state == ReviewState.DRAFT


def test_unknown_severities_and_services_are_added(editor) -> None:
    result = import_review(FOREIGN, editor)
    assert result.incident.severity.name == "SEV-X"
    assert Severity.objects.order_by("-rank").first().name == "SEV-X"
    assert Service.objects.filter(name="docs").exists()
    assert "severity 'SEV-X' did not exist; added as the least severe" in result.summary


def test_foreign_front_matter_is_kept_in_a_section(editor) -> None:
    result = import_review(FOREIGN, editor)
    kept = result.review.sections.get(key="front-matter")
    assert kept.body == "```yaml\nauthor: Pat\n```"


def test_a_file_naming_an_incident_declared_at_another_time_makes_a_new_one(
    written, incident, editor
) -> None:
    text = export_review(written).replace(
        "declared: '2026-03-04T12:00:00Z'", "declared: '2020-01-01T00:00:00Z'"
    )
    result = import_review(text, editor)
    assert result.created
    assert result.incident.pk != incident.pk
    assert any("is not the one in the file" in line for line in result.summary)


def test_responders_without_an_account_are_kept_as_text(written, editor) -> None:
    text = export_review(written).replace("username: dana", "username: dana-elsewhere")
    Incident.objects.all().delete()
    result = import_review(text, editor)
    section = result.review.sections.get(key="unmatched-responders")
    assert section.title == "Responders without an account here"
    assert section.body == "- dana-elsewhere (Dana Smith), scribe"
    # Importing the new export again keeps the list as it is.
    again = import_review(export_review(result.review), editor)
    assert again.review.sections.get(key="unmatched-responders").body == section.body


def test_an_owner_without_access_is_kept_in_the_description(written, editor) -> None:
    text = export_review(written).replace("owner: dana", "owner: nobody-here")
    result = import_review(text, editor)
    item = result.incident.action_items.get(title__startswith="Run migrations")
    assert item.owner is None
    assert item.description.endswith("Owner in the imported file: nobody-here")


def test_unknown_factor_categories_are_added(written, editor) -> None:
    text = export_review(written).replace("category: Testing", "category: Load shedding")
    import_review(text, editor)
    assert FactorCategory.objects.filter(name="Load shedding").exists()


def test_importing_adds_and_updates_but_never_deletes(written, incident, editor) -> None:
    text = export_review(written)
    lines = text.split("\n")
    start = lines.index("action_items:")
    end = lines.index("---", 1)
    trimmed = "\n".join([*lines[:start], "action_items: []", *lines[end:]])
    import_review(trimmed, editor)
    assert ActionItem.objects.filter(incident=incident).count() == 2
    assert ContributingFactor.objects.filter(incident=incident).count() == 2


def test_key_moments_out_of_order_are_refused_and_nothing_is_written(editor) -> None:
    text = (
        "---\nunblame: 1\nincident:\n  title: Backwards\n  severity: SEV2\n  status: resolved\n"
        "  moments:\n    impact_started: '2026-01-02T00:00:00Z'\n"
        "    detected: '2026-01-01T00:00:00Z'\n---\n"
    )
    with pytest.raises(ImportRefused, match="Detected cannot be before impact started"):
        import_review(text, editor)
    assert not Incident.objects.exists()


def test_an_unknown_status_is_refused(editor) -> None:
    text = "---\nunblame: 1\nincident:\n  title: x\n  status: finished\n---\n"
    with pytest.raises(ImportRefused, match="incident status 'finished' is not one of"):
        import_review(text, editor)


def test_a_viewer_may_not_import(viewer) -> None:
    with pytest.raises(PermissionDenied):
        import_review(FOREIGN, viewer)


def test_a_file_moving_the_review_on_walks_the_lifecycle(written, editor) -> None:
    text = export_review(written).replace("state: draft", "state: in_review")
    result = import_review(text, editor)
    assert result.review.state == ReviewState.IN_REVIEW
    assert result.review.state_changes.last().note == "Imported from Markdown"


def test_a_file_saying_published_publishes_a_ready_review(written, editor) -> None:
    text = export_review(written).replace("state: draft", "state: published")
    result = import_review(text, editor)
    assert result.review.state == ReviewState.PUBLISHED


def test_a_file_saying_published_leaves_a_review_with_gaps_in_review(written, editor) -> None:
    # An action item tied to no factor is a readiness gap.
    text = export_review(written).replace("state: draft", "state: published")
    text = text.replace("  factors:\n  - 1\n  - 2\n---", "  factors: []\n---")
    result = import_review(text, editor)
    assert result.review.state == ReviewState.IN_REVIEW
    assert "the review stays in review: 1 gap(s) stand in the way of publishing it here" in (
        result.summary
    )


def test_a_published_review_is_not_changed_by_a_file_that_keeps_it_published(
    written, editor
) -> None:
    written.state = ReviewState.PUBLISHED
    written.save()
    text = export_review(written).replace("Canaries catch", "Canaries always catch")
    with pytest.raises(ImportRefused, match="is published; move it back to review"):
        import_review(text, editor)


def test_a_published_review_reopens_for_a_file_that_says_in_review(written, editor) -> None:
    written.state = ReviewState.PUBLISHED
    written.save()
    text = export_review(written).replace("Canaries catch", "Canaries always catch")
    result = import_review(text.replace("state: published", "state: in_review"), editor)
    assert result.review.state == ReviewState.IN_REVIEW
    assert "always" in result.review.sections.get(key="learnings").body


def test_a_restricted_import_keeps_the_importer_in_sight(outsider) -> None:
    text = (
        "---\nunblame: 1\nincident:\n  title: Secret\n  severity: SEV2\n  restricted: true\n---\n"
    )
    result = import_review(text, outsider)
    assert result.incident.is_responder(outsider)


def test_the_command_line_actor_sees_every_incident(restricted, editor) -> None:
    from unblame.reviews.services import draft_review

    text = export_review(draft_review(restricted, editor))
    result = import_review(text.replace("Security incident.", "Security incident!"), None)
    assert result.incident.pk == restricted.pk
    assert TimelineEvent.objects.filter(incident=restricted, text="Summary updated.").exists()
