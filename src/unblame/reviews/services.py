"""Drafting a review from the incident record, and the readiness check before publishing."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from django.apps import apps
from django.db import IntegrityError, transaction
from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from unblame.accounts.models import User, record_change
from unblame.incidents.models import Incident
from unblame.language import Category, Severity
from unblame.reviews.analysis import Annotated
from unblame.reviews.models import (
    DEFAULT_SECTIONS,
    Review,
    ReviewSection,
    ReviewState,
    ReviewTemplate,
    SectionVersion,
    StateChange,
)
from unblame.server.templatetags.unblame_tags import TIME_FORMAT, duration

DRAFT_NOTE = "Drafted from the incident record"
# The impact draft lists what the record knows and ends on this, for the writer to answer.
IMPACT_QUESTION = "Who was affected, and how:"


@dataclass(frozen=True)
class Gap:
    """One reason a review is not ready to publish, with where to fix it."""

    code: str
    message: str
    url: str
    section: str = ""


# -- Drafting ------------------------------------------------------------------------------


def draft_review(incident: Incident, actor: User | None) -> Review:
    """The incident's review, drafted now from the default template if there is none yet.

    Summary, impact and timeline are filled from the incident record; the
    other sections start empty with their prompts. Calling it again returns
    the existing review unchanged.
    """
    existing = Review.objects.filter(incident=incident).first()
    if existing is not None:
        return existing
    template = ReviewTemplate.default()
    specs = template.section_specs() if template else list(DEFAULT_SECTIONS)
    drafts = record_drafts(incident)
    now = timezone.now()
    try:
        with transaction.atomic():
            review = Review.objects.create(
                incident=incident,
                template=template,
                created_by=actor,
                created_at=now,
                updated_at=now,
            )
            for position, (key, title, prompt) in enumerate(specs):
                _draft_section(review, key, title, prompt, drafts.get(key, ""), position, actor)
            StateChange.objects.create(
                review=review, from_state="", to_state=ReviewState.DRAFT, actor=actor, at=now
            )
            name = template.name if template else "built-in"
            record_change(actor, review, "create", {}, {"state": "draft", "template": name})
    except IntegrityError:
        # Someone started it in the same moment: theirs is the review.
        return Review.objects.get(incident=incident)
    return review


def _draft_section(
    review: Review, key: str, title: str, prompt: str, body: str, position: int, actor: Any
) -> None:
    section = ReviewSection.objects.create(
        review=review,
        key=key,
        title=title,
        prompt=prompt,
        body=body,
        position=position,
        updated_by=actor,
        updated_at=review.created_at,
    )
    SectionVersion.objects.create(
        section=section,
        version=1,
        body=body,
        author=actor,
        created_at=review.created_at,
        note=DRAFT_NOTE,
    )


def _utc(value: datetime) -> str:
    # Review text is read by people in many zones and pasted elsewhere: UTC, named,
    # in the pages' format ("04 Mar 2026, 12:00 UTC").
    return value.astimezone(UTC).strftime(f"{TIME_FORMAT} UTC")


def _one_line(text: str, limit: int = 300) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


def record_drafts(incident: Incident) -> dict[str, str]:
    """Section key -> drafted Markdown, from what the incident record already knows."""
    return {
        "summary": _summary_draft(incident),
        "impact": _impact_draft(incident),
        "timeline": _timeline_draft(incident),
    }


def _summary_draft(incident: Incident) -> str:
    services = ", ".join(s.name for s in incident.services.all()) or "no service recorded yet"
    responders = [
        f"{r.user} ({r.get_role_display().lower()})"
        for r in incident.responders.select_related("user")
    ]
    parts = [incident.summary.strip()] if incident.summary.strip() else []
    parts.append(f"A {incident.severity.name} incident affecting {services}.")
    if responders:
        parts.append("Responders: " + ", ".join(responders) + ".")
    return "\n\n".join(parts)


def _impact_draft(incident: Incident) -> str:
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
    lines += ["", IMPACT_QUESTION, ""]
    return "\n".join(lines).rstrip() + "\n"


def _timeline_draft(incident: Incident) -> str:
    entries = [(value, f"{label}.") for _, label, value in incident.moments() if value]
    events = incident.events.filter(highlighted=True).select_related("author")
    for event in events:
        text = (
            f"{event.author_display} ({event.get_kind_display().lower()}): {_one_line(event.text)}"
        )
        entries.append((event.occurred_at, text))
    lines = [f"- {_utc(at)}: {text}" for at, text in sorted(entries, key=lambda e: e[0])]
    if not events:
        lines += [
            "",
            "No timeline events were highlighted when this was drafted; highlight the moments "
            "that mattered on the incident page and tell their story here.",
        ]
    return "\n".join(lines)


# -- Readiness -----------------------------------------------------------------------------

# Sections a review is not published without, by key, and what each is for. A
# template without one of them does not ask for it.
REQUIRED_SECTIONS = {
    "summary": "Say what happened, to whom and for how long.",
    "impact": "Say who was affected and how (customers, colleagues, data).",
    "contributing_factors": "Tell how the recorded factors came together to make this possible.",
    "action_items": "Say how the action items close the gaps the factors name.",
}

CAUSE_CATEGORIES = {
    Category.HUMAN_ERROR: "Human error presented as the cause",
    Category.ROOT_CAUSE: "A single root cause presented as the cause",
}


def readiness(review: Review, *, annotated: dict[int, list[Annotated]] | None = None) -> list[Gap]:
    """What stands between the review and publication; an empty list means ready.

    Gaps: a required section (REQUIRED_SECTIONS) still empty, still its
    prompt or still the draft's open question; an unacknowledged finding of
    severity error; "human error" or a single root cause presented as the
    cause (unless acknowledged); no contributing factor; an action item not
    linked to any factor.
    `annotated` (section pk -> findings) saves a page that has already
    analysed every section from doing it twice.
    """
    gaps: list[Gap] = []
    names = review.roster()
    for section in review.sections.prefetch_related("acknowledgements"):
        if section.key in REQUIRED_SECTIONS and is_unwritten(section):
            gaps.append(_unwritten_gap(section))
        items = annotated[section.pk] if annotated is not None else section.annotated(names)
        for item in items:
            gap = None if item.acknowledged else _finding_gap(section, item)
            if gap is not None:
                gaps.append(gap)
    gaps.extend(_factor_gaps(review))
    return gaps


def is_unwritten(section: ReviewSection) -> bool:
    """Empty, only the template's prompt, or the impact draft with its question unanswered."""
    body = " ".join(section.body.split())
    if not body or body == " ".join(section.prompt.split()):
        return True
    return body.endswith(IMPACT_QUESTION)


def _unwritten_gap(section: ReviewSection) -> Gap:
    message = f"Not written yet. {REQUIRED_SECTIONS[section.key]}"
    return Gap("unwritten_section", message, section.edit_url(), section.title)


def _finding_gap(section: ReviewSection, item: Annotated) -> Gap | None:
    finding = item.finding
    url = f"{section.edit_url()}#finding-{item.index}"
    message = f"“{item.quote}”: {finding.message} {finding.suggestion}"
    if finding.category in CAUSE_CATEGORIES:
        return Gap("cause", f"{CAUSE_CATEGORIES[finding.category]}. {message}", url, section.title)
    if finding.severity is Severity.ERROR:
        return Gap("error_finding", message, url, section.title)
    return None


def _factor_gaps(review: Review) -> list[Gap]:
    incident = review.incident
    factors_url = _url_or("actions:incident", incident.pk, review, "contributing_factors")
    no_factor = Gap(
        "no_factors",
        "No contributing factor is recorded. Name at least one condition that had to be true "
        "for this to happen.",
        factors_url,
    )
    # The actions app owns factors and action items; without it there are none.
    if not apps.is_installed("unblame.actions"):
        return [no_factor]
    gaps = [] if incident.factors.exists() else [no_factor]
    for item in incident.action_items.filter(factors__isnull=True).order_by("pk"):
        url = item.get_absolute_url() if hasattr(item, "get_absolute_url") else factors_url
        gaps.append(
            Gap(
                "unlinked_action",
                f"The action item “{item.title}” is not linked to a contributing factor, so "
                "nobody can tell which gap it closes.",
                url,
            )
        )
    return gaps


def _url_or(name: str, incident_pk: int, review: Review, section_key: str) -> str:
    try:
        return reverse(name, args=[incident_pk])
    except NoReverseMatch:
        return f"{review.get_absolute_url()}#section-{section_key}"
