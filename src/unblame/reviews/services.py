"""Drafting a review from the incident record, and the readiness check before publishing."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from unblame.accounts.models import User, record_change, snapshot
from unblame.incidents.models import Incident
from unblame.reviews.analysis import Annotated
from unblame.reviews.facts import record_drafts, remember, stale_facts
from unblame.reviews.models import (
    DEFAULT_SECTIONS,
    FindingAcknowledgement,
    Review,
    ReviewSection,
    ReviewState,
    ReviewTemplate,
    SectionTooLong,
    SectionVersion,
    StateChange,
)
from unblame.reviews.readiness import (
    IMPACT_QUESTION,
    REQUIRED_SECTIONS,
    Acknowledgement,
    Gap,
    Place,
    Publication,
    Result,
    Text,
    TextKind,
    ack_key,
    analysed,
    check,
    line_around,
    quote_of,
    reason_problem,
    target,
)
from unblame.server.limits import MAX_SECTION_CHARS

DRAFT_NOTE = "Drafted from the incident record"
__all__ = [
    "IMPACT_QUESTION",
    "REQUIRED_SECTIONS",
    "Gap",
    "NewSection",
    "add_section",
    "create_review",
    "draft_review",
    "readiness",
]


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
    drafts = {key: fit_draft(text) for key, text in record_drafts(incident).items()}
    sections = [NewSection(key, title, prompt, drafts.get(key, "")) for key, title, prompt in specs]
    name = template.name if template else "built-in"
    try:
        with transaction.atomic():
            review = create_review(
                incident, actor, template, sections, DRAFT_NOTE, {"template": name}
            )
            # The facts stay linked to the record: the review says when they go stale.
            remember(review, incident)
        return review
    except IntegrityError:
        # Someone started it in the same moment: theirs is the review.
        return Review.objects.get(incident=incident)


DRAFT_CUT_NOTE = "\n\n*Cut at {limit:,} characters when drafted: the rest is on the incident page.*"


def fit_draft(text: str) -> str:
    """`text` if a section can hold it, else its first lines up to the limit and a note.

    A record's free texts are each within the limit, but a draft joins many of
    them (every highlighted timeline entry), so the draft may not be.
    """
    if len(text) <= MAX_SECTION_CHARS:
        return text
    note = DRAFT_CUT_NOTE.format(limit=MAX_SECTION_CHARS)
    kept = text[: MAX_SECTION_CHARS - len(note)]
    # Cut at a line end where there is one, so no entry is left half told.
    if "\n" in kept:
        kept = kept[: kept.rindex("\n")]
    return kept.rstrip() + note


@dataclass(frozen=True)
class NewSection:
    key: str
    title: str
    prompt: str
    body: str


def create_review(
    incident: Incident,
    actor: User | None,
    template: ReviewTemplate | None,
    sections: list[NewSection],
    note: str,
    audit: dict[str, Any],
) -> Review:
    """The one way a review comes to be: a draft with these sections, each at version 1.

    The draft state is recorded and the creation audited with `audit` added
    to its snapshot. Raises IntegrityError when the incident already has a
    review (the caller decides whose wins); nothing is written then.
    """
    now = timezone.now()
    with transaction.atomic():
        review = Review.objects.create(
            incident=incident, template=template, created_by=actor, created_at=now, updated_at=now
        )
        for position, section in enumerate(sections):
            add_section(review, section, position, actor, note)
        StateChange.objects.create(
            review=review, from_state="", to_state=ReviewState.DRAFT, actor=actor, at=now
        )
        record_change(actor, review, "create", {}, {"state": "draft", **audit})
    return review


def add_section(
    review: Review, section: NewSection, position: int, actor: Any, note: str
) -> ReviewSection:
    """A new section of a review, its body kept as version 1 with `note`.

    Raises SectionTooLong for a body over MAX_SECTION_CHARS, as every write does.
    """
    if len(section.body) > MAX_SECTION_CHARS:
        raise SectionTooLong(len(section.body))
    row = ReviewSection.objects.create(
        review=review,
        key=section.key,
        title=section.title,
        prompt=section.prompt,
        body=section.body,
        position=position,
        updated_by=actor,
        updated_at=review.updated_at,
    )
    SectionVersion.objects.create(
        section=row,
        version=1,
        body=section.body,
        author=actor,
        created_at=review.updated_at,
        note=note,
    )
    return row


# -- Readiness -----------------------------------------------------------------------------
# What a review would publish, described as plain data for readiness.readiness(), the
# one function that decides for the web app and `unblame review check` alike.


def readiness(review: Review, *, annotated: dict[int, list[Annotated]] | None = None) -> list[Gap]:
    """What stands between the review and publication; an empty list means ready.

    See readiness.py for what blocks. `annotated` (section pk -> findings)
    saves a page that has already analysed every section from doing it twice.
    """
    return check(publication(review, annotated=annotated)).gaps


def readiness_result(
    review: Review, *, annotated: dict[int, list[Annotated]] | None = None
) -> Result:
    """The gaps and the acknowledged findings, for the review and readiness pages."""
    return check(publication(review, annotated=annotated))


class NotAcknowledged(ValidationError):
    pass


def acknowledge(
    review: Review, name: str, rule: str, quote: str, reason: str, author: User, body: str = ""
) -> FindingAcknowledgement:
    """Keep the words of one finding, for a reason of some substance, on the line they are on.

    `name` is a section key or a factor's or action item's target; `body` is
    the text being written (the editor sends it before it is saved), else
    the stored text. Raises NotAcknowledged when the reason is too thin or
    there is no such text.
    """
    if problem := reason_problem(reason):
        raise NotAcknowledged(problem)
    described = publication(review)
    text = next((t for t in described.texts if t.target == name), None)
    if text is None:
        raise NotAcknowledged("There is no such text in this review.")
    text = replace(text, body=body or text.body, findings=None)
    context = _line_of(text, rule, quote, described.names)
    section = review.sections.filter(key=name).first() if text.kind is TextKind.SECTION else None
    with transaction.atomic():
        ack = FindingAcknowledgement.objects.create(
            section=section,
            review=None if section else review,
            target="" if section else name,
            rule=rule,
            quote=quote,
            context=context,
            reason=reason,
            author=author,
        )
        record_change(author, ack, "create", {}, snapshot(ack, ["rule", "quote", "reason"]))
    return ack


def _line_of(text: Text, rule: str, quote: str, names: tuple[str, ...]) -> str:
    """The line the finding's words are on, or "" (words alone) when it is not in the text."""
    wanted = ack_key(rule, quote)
    for finding in analysed(text, names):
        if ack_key(finding.rule, quote_of(text.body, finding)) == wanted:
            return line_around(text.body, finding)
    return ""


def publication(
    review: Review, *, annotated: dict[int, list[Annotated]] | None = None
) -> Publication:
    """The review's sections, factor descriptions and action item texts, as plain data."""
    texts = [
        _section_text(s, annotated) for s in review.sections.prefetch_related("acknowledgements")
    ]
    # The actions app owns factors and action items; without it there are none.
    if not apps.is_installed("unblame.actions"):
        place, names = _factors_place(review), review.roster()
        return Publication(
            tuple(texts),
            0,
            (),
            place,
            names,
            approval_missing=_approval_missing(review),
            stale_facts=_stale_places(review),
        )
    acks = _target_acks(review)
    factors = list(review.incident.factors.select_related("category"))
    for number, factor in enumerate(factors, 1):
        texts.append(_factor_text(factor, number, acks))
    unlinked = []
    for number, item in enumerate(review.incident.action_items.prefetch_related("factors"), 1):
        texts.extend(_item_texts(item, number, acks))
        if not item.factors.all():
            unlinked.append(Place(item.title, item.get_absolute_url()))
    return Publication(
        tuple(texts),
        len(factors),
        tuple(unlinked),
        _factors_place(review),
        review.roster(),
        approval_missing=_approval_missing(review),
        stale_facts=_stale_places(review),
    )


def _stale_places(review: Review) -> tuple[Place, ...]:
    where = f"{review.get_absolute_url()}#stale-facts"
    return tuple(Place(stale.fact.label, where) for stale in stale_facts(review))


def _approval_missing(review: Review) -> Place | None:
    if not review.needs_approval or review.current_approvals().exists():
        return None
    author = str(review.created_by) if review.created_by else "nobody recorded"
    return Place(author, f"{review.get_absolute_url()}#approval")


def _section_text(section: ReviewSection, annotated: dict[int, list[Annotated]] | None) -> Text:
    findings = None
    if annotated is not None:
        findings = tuple(item.finding for item in annotated[section.pk])
    return Text(
        TextKind.SECTION,
        section.title,
        section.body,
        section.edit_url(),
        target=section.key,
        key=section.key,
        prompt=section.prompt,
        acknowledgements=tuple(ack.plain for ack in section.acknowledgements.all()),
        findings=findings,
        anchored=True,
    )


def _target_acks(review: Review) -> dict[str, tuple[Acknowledgement, ...]]:
    by_target: dict[str, list[Acknowledgement]] = {}
    for ack in FindingAcknowledgement.objects.filter(review=review).select_related("author"):
        by_target.setdefault(ack.target, []).append(ack.plain)
    return {name: tuple(acks) for name, acks in by_target.items()}


def _factor_text(factor: Any, number: int, acks: dict[str, tuple[Acknowledgement, ...]]) -> Text:
    name = target("factor", factor.pk, "description")
    url = reverse("actions:factor_edit", args=[factor.incident_id, factor.pk])
    label = f"Contributing factor {number} ({factor.category})"
    return Text(
        TextKind.FACTOR,
        label,
        factor.description,
        url,
        target=name,
        acknowledgements=acks.get(name, ()),
    )


def _item_texts(item: Any, number: int, acks: dict[str, tuple[Acknowledgement, ...]]) -> list[Text]:
    url = reverse("actions:item_edit", args=[item.incident_id, item.pk])
    texts = []
    for field, kind in (
        ("title", TextKind.ACTION_TITLE),
        ("description", TextKind.ACTION_DESCRIPTION),
    ):
        name = target("action", item.pk, field)
        label = f"Action item {number}, {field}"
        body = getattr(item, field)
        texts.append(Text(kind, label, body, url, target=name, acknowledgements=acks.get(name, ())))
    return texts


def _factors_place(review: Review) -> Place:
    try:
        return Place("Contributing factors", reverse("actions:incident", args=[review.incident_id]))
    except NoReverseMatch:
        return Place(
            "Contributing factors", f"{review.get_absolute_url()}#section-contributing_factors"
        )
