"""Facts drafted from the incident record stay linked to it: shown when stale, refreshed, kept."""

from __future__ import annotations

from datetime import timedelta

from django.urls import reverse

from unblame.accounts.models import AuditEntry
from unblame.incidents.models import Incident, Responder, Severity
from unblame.reviews.facts import REFRESH_NOTE, keep_text, refresh, stale_facts
from unblame.reviews.services import readiness

from ..conftest import NOW, make_user
from .conftest import add_factor, save, section, write_open_sections

WRITERS_LINE = "Checkout was down for card payments; our own words."


def escalate(incident: Incident) -> None:
    """The record changes after drafting: a higher severity and a mitigated time."""
    Incident.objects.filter(pk=incident.pk).update(
        severity=Severity.objects.get(name="SEV1"), mitigated_at=NOW + timedelta(minutes=40)
    )


def test_a_fresh_draft_has_no_stale_facts(review):
    assert stale_facts(review) == []


def test_changes_to_the_record_make_the_facts_they_touch_stale(review, incident):
    escalate(incident)
    stale = {item.fact.key: item for item in stale_facts(review)}
    assert set(stale) == {"summary.incident", "impact.moments", "timeline.entries"}
    assert stale["summary.incident"].drafted == "A SEV2 incident affecting checkout."
    assert stale["summary.incident"].fact.text == "A SEV1 incident affecting checkout."


def test_the_review_page_shows_what_changed(as_editor, review, incident):
    escalate(incident)
    page = as_editor.get(review.get_absolute_url()).content.decode()
    assert "The incident record changed since these facts were drafted" in page
    assert "Severity and services" in page
    assert "<del>SEV2</del>" in page and "<ins>SEV1</ins>" in page
    assert "Refresh these facts" in page


def test_viewers_see_the_change_but_cannot_refresh(as_viewer, review, incident):
    escalate(incident)
    page = as_viewer.get(review.get_absolute_url()).content.decode()
    assert "Severity and services" in page
    assert "Refresh these facts" not in page
    url = reverse("reviews:facts_refresh", args=[incident.pk])
    assert as_viewer.post(url).status_code == 403
    assert len(stale_facts(review)) == 3


def test_refreshing_replaces_only_the_drafted_words(review, incident, editor):
    summary = section(review, "summary")
    save(review, "summary", f"{WRITERS_LINE}\n\n{summary.body}", editor)
    escalate(incident)
    refreshed, left = refresh(review, editor)
    assert len(refreshed) == 3 and left == []
    body = section(review, "summary").body
    assert body.startswith(WRITERS_LINE)
    assert "A SEV1 incident affecting checkout." in body
    assert "SEV2" not in body
    assert "- Mitigated: 04 Mar 2026, 12:40 UTC" in section(review, "impact").body
    assert section(review, "impact").versions.order_by("-version").first().note == REFRESH_NOTE
    assert stale_facts(review) == []
    assert AuditEntry.objects.filter(action="refresh").exists()


def test_a_reworded_fact_is_left_for_the_writer(review, incident, editor):
    reworded = section(review, "summary").body.replace("A SEV2 incident", "A major incident")
    save(review, "summary", reworded, editor)
    escalate(incident)
    _, left = refresh(review, editor)
    assert [item.fact.key for item in left] == ["summary.incident"]
    assert section(review, "summary").body == reworded
    assert [item.fact.key for item in stale_facts(review)] == ["summary.incident"]


def test_keeping_the_text_settles_a_fact_without_touching_it(review, incident, editor):
    escalate(incident)
    before = section(review, "summary").body
    keep_text(review, editor, ["summary.incident"])
    assert section(review, "summary").body == before
    assert "summary.incident" not in [item.fact.key for item in stale_facts(review)]
    assert AuditEntry.objects.filter(action="keep_text").exists()


def test_a_responder_who_joins_later_is_added_after_the_incident_line(incident, editor):
    Responder.objects.all().delete()
    from unblame.reviews.services import draft_review

    review = draft_review(incident, editor)
    assert "Responders:" not in section(review, "summary").body
    dana = make_user("dana", "editor")
    Responder.objects.create(incident=incident, user=dana, role=Responder.Role.SCRIBE)
    refresh(review, editor)
    body = section(review, "summary").body
    assert body.endswith("A SEV2 incident affecting checkout.\n\nResponders: dana (scribe).")


def test_the_readiness_check_lists_stale_facts(review, incident, editor):
    write_open_sections(review, editor)
    add_factor(incident)
    assert readiness(review) == []
    escalate(incident)
    gaps = readiness(review)
    assert [gap.code for gap in gaps] == ["stale_fact"] * 3
    assert gaps[0].section == "Severity and services"
    assert gaps[0].url.endswith("/review/#stale-facts")
    # The impact section was written by hand, so its facts are left for the writer.
    _, left = refresh(review, editor)
    assert [item.fact.key for item in left] == ["impact.moments"]
    assert [gap.section for gap in readiness(review)] == ["Key moments and durations"]
    keep_text(review, editor, ["impact.moments"])
    assert readiness(review) == []


def test_refreshing_through_the_page(as_editor, review, incident):
    escalate(incident)
    response = as_editor.post(reverse("reviews:facts_refresh", args=[incident.pk]))
    assert response.status_code == 302
    assert response["Location"].endswith("/review/#stale-facts")
    assert stale_facts(review) == []


def test_keeping_through_the_page(as_editor, review, incident):
    escalate(incident)
    url = reverse("reviews:facts_keep", args=[incident.pk])
    as_editor.post(url, {"fact": ["impact.moments", "timeline.entries"]})
    assert [item.fact.key for item in stale_facts(review)] == ["summary.incident"]


def test_a_published_review_is_not_changed(as_editor, review, incident, editor):
    from unblame.reviews.models import Review

    Review.objects.filter(pk=review.pk).update(state="published")
    escalate(incident)
    as_editor.post(reverse("reviews:facts_refresh", args=[incident.pk]))
    assert len(stale_facts(review)) == 3


def test_an_outsider_cannot_refresh_a_restricted_review(as_outsider, restricted_review, restricted):
    url = reverse("reviews:facts_refresh", args=[restricted.pk])
    assert as_outsider.post(url).status_code == 404
