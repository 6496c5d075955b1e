"""Facts drafted from the incident record, kept linked to it.

A review's first draft states facts the record holds: severity and services,
responders, key moments and durations, the timeline of highlighted moments.
Each fact is one fragment of text in one section. The fragments as drafted
are kept (DraftedFacts); when the record changes, the fragments it would give
now differ, and those facts are *stale*. Refreshing replaces a stale fragment
where the section still holds it word for word, so nothing the writer wrote
is touched; a fragment the writer has reworded is left for them, and they can
say they keep their text. The readiness check lists stale facts as gaps.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from django.db import models, transaction
from django.utils import timezone

from unblame.accounts.models import record_change
from unblame.incidents.models import Incident
from unblame.reviews.readiness import IMPACT_QUESTION
from unblame.server.templatetags.unblame_tags import TIME_FORMAT, duration

REFRESH_NOTE = "Refreshed facts from the incident record"


@dataclass(frozen=True)
class Fact:
    key: str
    label: str
    section: str  # the key of the section it is drafted into
    text: str


@dataclass(frozen=True)
class StaleFact:
    fact: Fact  # as the record gives it now
    drafted: str  # the fragment as drafted


def _utc(value: datetime) -> str:
    # Review text is read by people in many zones and pasted elsewhere: UTC, named,
    # in the pages' format ("04 Mar 2026, 12:00 UTC").
    return value.astimezone(UTC).strftime(f"{TIME_FORMAT} UTC")


def _one_line(text: str, limit: int = 300) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


def record_facts(incident: Incident) -> list[Fact]:
    """The facts the record gives now, in the order they are drafted."""
    return [
        Fact("summary.incident", "Severity and services", "summary", _incident_line(incident)),
        Fact("summary.responders", "Responders", "summary", _responders_line(incident)),
        Fact("impact.moments", "Key moments and durations", "impact", _moments_block(incident)),
        Fact("timeline.entries", "Timeline", "timeline", _timeline_block(incident)),
    ]


def record_drafts(incident: Incident) -> dict[str, str]:
    """Section key -> drafted Markdown, from what the incident record already knows."""
    facts = {fact.key: fact.text for fact in record_facts(incident)}
    summary = [incident.summary.strip()] if incident.summary.strip() else []
    summary += [facts["summary.incident"], facts["summary.responders"]]
    return {
        "summary": "\n\n".join(part for part in summary if part),
        "impact": f"{facts['impact.moments']}\n\n{IMPACT_QUESTION}\n",
        "timeline": facts["timeline.entries"],
    }


def _incident_line(incident: Incident) -> str:
    services = ", ".join(s.name for s in incident.services.all()) or "no service recorded yet"
    return f"A {incident.severity.name} incident affecting {services}."


def _responders_line(incident: Incident) -> str:
    responders = [
        f"{r.user} ({r.get_role_display().lower()})"
        for r in incident.responders.select_related("user")
    ]
    return "Responders: " + ", ".join(responders) + "." if responders else ""


def _moments_block(incident: Incident) -> str:
    recorded = [(label, value) for _, label, value in incident.moments() if value is not None]
    missing = [label.lower() for _, label, value in incident.moments() if value is None]
    lines = ["Key moments:", ""]
    lines += [f"- {label}: {_utc(value)}" for label, value in recorded]
    if missing:
        lines.append(f"- Not recorded yet: {', '.join(missing)}")
    known = [(label, value, span) for label, value, span in incident.durations() if value]
    if known:
        lines += ["", "Durations:", ""]
        lines += [f"- {label}: {duration(value)} ({span})" for label, value, span in known]
    return "\n".join(lines)


def _timeline_block(incident: Incident) -> str:
    entries = [(value, f"{label}.") for _, label, value in incident.moments() if value]
    events = incident.events.filter(highlighted=True).select_related("author")
    for event in events:
        kind = event.get_kind_display().lower()
        entries.append(
            (event.occurred_at, f"{event.author_display} ({kind}): {_one_line(event.text)}")
        )
    lines = [f"- {_utc(at)}: {text}" for at, text in sorted(entries, key=lambda e: e[0])]
    if not events:
        lines += [
            "",
            "No timeline events were highlighted when this was drafted; highlight the moments "
            "that mattered on the incident page and tell their story here.",
        ]
    return "\n".join(lines)


class DraftedFacts(models.Model):
    """The fragments a review's facts were drafted as, fact key -> text."""

    review = models.OneToOneField(
        "reviews.Review", on_delete=models.CASCADE, related_name="drafted_facts"
    )
    facts = models.JSONField(default=dict)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = "drafted facts"
        verbose_name_plural = "drafted facts"

    def __str__(self) -> str:
        return f"Facts drafted for review {self.review_id}"


def remember(review: Any, incident: Incident) -> DraftedFacts:
    """Keep the facts as drafted now, for a review just drafted from the record."""
    facts = {fact.key: fact.text for fact in record_facts(incident)}
    return DraftedFacts.objects.create(review=review, facts=facts)


def stale_facts(review: Any) -> list[StaleFact]:
    """The drafted facts the record now gives differently; none for a review not drafted here."""
    kept = DraftedFacts.objects.filter(review=review).first()
    if kept is None:
        return []
    return [
        StaleFact(fact, kept.facts[fact.key])
        for fact in record_facts(_record_of(review))
        if fact.key in kept.facts and kept.facts[fact.key] != fact.text
    ]


def _record_of(review: Any) -> Incident:
    # Read afresh: the review's cached incident may be older than the record.
    return Incident._base_manager.select_related("severity").get(pk=review.incident_id)


def refresh(review: Any, actor: Any) -> tuple[list[StaleFact], list[StaleFact]]:
    """Replace each stale fragment its section still holds word for word; (refreshed, left).

    Each changed section is saved as a new version; the writer's own text
    around the fragments is not touched. Facts left are those the writer
    reworded (or whose section is gone): they stay stale until kept.
    """
    refreshed, left = [], []
    with transaction.atomic():
        for stale in stale_facts(review):
            if _refreshed_in_section(review, stale, actor):
                refreshed.append(stale)
            else:
                left.append(stale)
        _settle(review, actor, [s.fact for s in refreshed], "refresh")
    return refreshed, left


def keep_text(review: Any, actor: Any, keys: list[str]) -> list[StaleFact]:
    """The writer keeps their text for these stale facts; the record now is the baseline."""
    chosen = [stale for stale in stale_facts(review) if stale.fact.key in keys]
    with transaction.atomic():
        _settle(review, actor, [s.fact for s in chosen], "keep_text")
    return chosen


def _refreshed_in_section(review: Any, stale: StaleFact, actor: Any) -> bool:
    """Whether the fragment was replaced; a section it would take over the limit stays as is."""
    from unblame.reviews.models import SectionTooLong

    try:
        return _replace_in_section(review, stale, actor)
    except SectionTooLong:
        return False


def _replace_in_section(review: Any, stale: StaleFact, actor: Any) -> bool:
    section = review.sections.filter(key=stale.fact.section).first()
    if section is None:
        return False
    body = section.body
    if stale.drafted and body.count(stale.drafted) == 1:
        new_body = body.replace(stale.drafted, stale.fact.text)
    elif not stale.drafted:
        new_body = _insert_after_predecessor(review, stale, body)
        if new_body is None:
            return False
    else:
        return False
    section.save_body(actor, new_body.replace("\n\n\n", "\n\n"), section.version, note=REFRESH_NOTE)
    return True


def _insert_after_predecessor(review: Any, stale: StaleFact, body: str) -> str | None:
    """A fact drafted empty (no responders yet) goes after the fact drafted before it."""
    kept = DraftedFacts.objects.get(review=review).facts
    facts = record_facts(_record_of(review))
    keys = [fact.key for fact in facts if fact.section == stale.fact.section]
    before = keys[: keys.index(stale.fact.key)]
    now = {fact.key: fact.text for fact in facts}
    candidates = [text for k in reversed(before) for text in (now[k], kept.get(k, ""))]
    anchor = next((text for text in candidates if text and body.count(text) == 1), None)
    if anchor is None:
        return None
    return body.replace(anchor, f"{anchor}\n\n{stale.fact.text}")


def _settle(review: Any, actor: Any, facts: list[Fact], action: str) -> None:
    if not facts:
        return
    kept = DraftedFacts.objects.select_for_update().get(review=review)
    before = {fact.key: kept.facts.get(fact.key, "") for fact in facts}
    kept.facts = {**kept.facts, **{fact.key: fact.text for fact in facts}}
    kept.updated_at = timezone.now()
    kept.save()
    record_change(actor, kept, action, before, {fact.key: fact.text for fact in facts})
