"""Markdown -> the database: create or update an incident and its review from a file.

The contract, in one transaction (a refusal writes nothing):

- The incident is the one whose `id` the file names *and* whose declared time
  matches, among those the actor can see; otherwise a new one is made. The
  declared time guards against a file from another installation, where the
  same number is a different incident.
- Services, severities and factor categories are found by name or created.
  People are found by username; nobody gets an account from a file. A
  responder without an account here is kept as text in a review section, an
  unknown action-item owner in the item's description, an unknown event
  author as the event's author name.
- Import adds and updates, and never deletes: timeline events, factors and
  action items are matched (by time and text, by category and description,
  by title) and the rest are added. Section bodies are saved as new versions.
- Personal debriefs are never read or written.

An exported file imported into the installation it came from changes
nothing, so export -> import -> export gives the same bytes.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from django.apps import apps
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.db.models.functions import Lower
from django.utils import timezone

from unblame.accounts.attribution import Attribution, Attributions, Confirmed
from unblame.accounts.models import User, record_change, snapshot
from unblame.incidents.access import can_write, visible_to_actor
from unblame.incidents.models import (
    Incident,
    Responder,
    Service,
    Severity,
    Status,
    TimelineEvent,
    moment_order_errors,
)
from unblame.reviews.models import (
    DEFAULT_SECTIONS,
    REVIEW_TRANSITIONS,
    NotReady,
    Review,
    ReviewSection,
    ReviewState,
    ReviewTemplate,
)
from unblame.reviews.services import NewSection, add_section, create_review
from unblame.server.import_slots import import_slot
from unblame.server.limits import MAX_SECTION_CHARS

from . import document as doc
from .export import MOMENT_FIELDS
from .frontmatter import dump_yaml
from .parse import ParseResult, parse_markdown

IMPORT_NOTE = "Imported from Markdown"
UNMATCHED_RESPONDERS = ("unmatched-responders", "Responders without an account here")
FRONT_MATTER_SECTION = ("front-matter", "Front matter (imported)")


class ImportRefused(Exception):
    """The file reads, but cannot be imported as it is; the message says why, in one line."""


@dataclass
class ImportResult:
    incident: Incident
    review: Review
    created: bool
    summary: list[str] = field(default_factory=list)
    # Names in the file tied to accounts here: all that match, in a preview.
    attributions: list[Attribution] = field(default_factory=list)


def import_review(
    source: str | bytes | ParseResult,
    actor: User | None,
    *,
    default_title: str = "",
    attribute: Collection[str] | None = None,
) -> ImportResult:
    """Create or update an incident and its review from Markdown.

    `actor` is the person importing: they need write access, and only
    incidents they can see are matched. None means the command line, run by
    whoever administers the installation. `attribute` names the people in the
    file (responders, timeline authors, action-item owners) who may be tied to
    the account their username matches, as the preview listed them and the
    importer confirmed; None ties every match (accounts.attribution). The
    others are kept as text. Raises MarkdownFormatError for a
    file that cannot be read, ImportRefused for one that cannot be imported,
    PermissionDenied for an actor who may not write, and ImportsBusy (nothing
    read) when other imports hold every slot of server.import_slots.
    """
    if actor is not None and not can_write(actor):
        raise PermissionDenied
    # One of the server's import slots, shared with chat uploads, from parse to commit.
    with import_slot():
        importer = _Importer(_parsed(source), actor, default_title, attribute=attribute)
        with transaction.atomic():
            return importer.run()


class _Previewed(Exception):
    def __init__(self, result: ImportResult) -> None:
        self.result = result


def preview_import(
    source: str | bytes | ParseResult,
    actor: User | None,
    *,
    default_title: str = "",
) -> ImportResult:
    """What import_review would create or change, computed by running it and rolling back.

    Same arguments, checks and exceptions as import_review; nothing stays
    written. The result's incident is unsaved when the import would create
    one, its summary says what would happen, and its attributions list every
    name in the file that matches an account, for the importer to confirm.
    """
    if actor is not None and not can_write(actor):
        raise PermissionDenied
    with import_slot():
        importer = _Importer(_parsed(source), actor, default_title, preview=True)
        try:
            # Running the real import is the only preview that cannot drift from it.
            with transaction.atomic():
                raise _Previewed(importer.run())
        except _Previewed as previewed:
            result = previewed.result
    if result.created:
        result.incident.pk = None
    return result


CHAT_IMPORT_HINT = (
    "a Slack export or chat transcript goes in through Import chat on its incident's page"
)


def _parsed(source: str | bytes | ParseResult) -> ParseResult:
    """The parsed file, refused unless it reads as a review (ours, or headings like one)."""
    if isinstance(source, ParseResult):
        parsed = source
    else:
        text = source.decode("utf-8", "replace") if isinstance(source, bytes) else source
        if text.lstrip().startswith(("{", "[")):
            raise ImportRefused(f"this is JSON, not a review in Markdown; {CHAT_IMPORT_HINT}")
        parsed = parse_markdown(source)
    if parsed.front_matter != "unblame" and not parsed.heading_keys & set(doc.TEMPLATE_SECTIONS):
        raise ImportRefused(
            "not a review: no unblame front matter and no heading that is a review section "
            f"(Summary, Impact, Timeline, Action items...); {CHAT_IMPORT_HINT}"
        )
    return parsed


def _validated(instance: models.Model, what: str, **options: Any) -> None:
    try:
        instance.full_clean(**options)
    except ValidationError as exc:
        raise ImportRefused(f"{what}: {_one_line(exc)}") from None


def _one_line(exc: ValidationError) -> str:
    if hasattr(exc, "error_dict"):
        parts = [f"{name} {' '.join(errors)}" for name, errors in exc.message_dict.items()]
        return "; ".join(part.replace("__all__ ", "") for part in parts)
    return " ".join(exc.messages)


def _canonical(text: str) -> str:
    return doc.normalise_newlines(text)


def _kept(stored: str, incoming: str) -> str:
    """The stored text when it differs from the file's only in line endings (the export's)."""
    return stored if _canonical(stored) == incoming else incoming


def _time(value: str | None) -> datetime | None:
    return doc.parse_time(value) if value else None


class _Importer:
    def __init__(
        self,
        parsed: ParseResult,
        actor: User | None,
        default_title: str,
        preview: bool = False,
        attribute: Collection[str] | None = None,
    ) -> None:
        self.preview = preview
        # A preview finds every match, so that the importer can confirm each.
        self.confirmed = Confirmed(None if preview else attribute)
        self.attributions = Attributions()
        self.document = parsed.document
        self.own = parsed.front_matter == "unblame"
        self.actor = actor
        self.default_title = default_title
        self.notes = list(parsed.mapping_summary) + list(parsed.warnings)
        self.created = False
        self.events: list[TimelineEvent] = []
        self.factors: list[Any] = []
        self.unmatched: list[str] = []

    def note(self, text: str) -> None:
        self.notes.append(text)

    def run(self) -> ImportResult:
        incident = self._incident()
        self._responders(incident)
        self._timeline(incident)
        if apps.is_installed("unblame.actions"):
            self._factors(incident)
            self._action_items(incident)
        review = _ReviewWriter(self, incident).run()
        return ImportResult(incident, review, self.created, self.notes, self.attributions.as_list())

    # The incident ---------------------------------------------------------------------

    def _incident(self) -> Incident:
        facts = self.document.incident
        incident = self._match(facts)
        self.created = incident is None
        if incident is None:
            incident = Incident(created_by=self.actor)
            before = None
        else:
            before = incident.snapshot()
        previous_status = incident.status
        self._apply_facts(incident, facts)
        _validated(incident, "the incident")
        incident.save()
        incident.services.set(self._services(facts.services))
        if before is None:
            # No "declared" timeline entry: the file's timeline already has one.
            incident.record_creation(self.actor, timeline=False)
            self.note("a new incident" if self.preview else f"created incident {incident.pk}")
        else:
            changed = incident.record_edit(self.actor, before)
            self._record_status(incident, previous_status)
            self.note(
                f"updated incident {incident.pk}" + (f": {', '.join(changed)}" if changed else "")
            )
        return incident

    def _match(self, facts: doc.IncidentFacts) -> Incident | None:
        if facts.id is None:
            return None
        visible = visible_to_actor(self.actor).select_related("severity")
        incident = visible.filter(pk=facts.id).first()
        declared = _time(facts.declared)
        if incident is not None and declared is not None and incident.declared_at == declared:
            return incident
        self.note(
            f"incident {facts.id} here is not the one in the file (no match on id and declared "
            "time); a new incident is created"
        )
        return None

    def _apply_facts(self, incident: Incident, facts: doc.IncidentFacts) -> None:
        incident.title = facts.title.strip() or incident.title or self._fallback_title()
        incident.summary = _kept(incident.summary, facts.summary)
        incident.restricted = facts.restricted
        incident.severity = self._severity(facts.severity, incident)
        incident.status = self._status(facts.status, incident)
        if facts.declared:
            incident.declared_at = _time(facts.declared)
        elif incident.pk is None:
            incident.declared_at = timezone.now()
        moments = {field: _time(facts.moments.get(name)) for name, field in MOMENT_FIELDS.items()}
        if errors := moment_order_errors(moments):
            raise ImportRefused("the key moments are out of order: " + " ".join(errors.values()))
        for name, value in moments.items():
            setattr(incident, name, value)

    def _fallback_title(self) -> str:
        title = self.default_title or "Imported review"
        self.note(f"no title in the file; the incident is called {title!r}")
        return title

    def _severity(self, name: str, incident: Incident) -> Severity:
        name = name.strip()
        if not name:
            if incident.pk is not None:
                return incident.severity
            least = Severity.objects.order_by("-rank").first()
            if least is None:
                raise ImportRefused("no severity in the file, and none is set up here")
            self.note(f"no severity in the file; set to {least.name}, the least severe")
            return least
        found = Severity.objects.filter(name__iexact=name).first()
        if found is None:
            rank = (Severity.objects.aggregate(top=models.Max("rank"))["top"] or 0) + 1
            found = Severity(name=name, label=name, rank=rank)
            _validated(found, f"severity {name!r}")
            found.save()
            self.note(f"severity {name!r} did not exist; added as the least severe")
        return found

    def _status(self, status: str, incident: Incident) -> str:
        if status in Status.values:
            return status
        if status:
            allowed = ", ".join(Status.values)
            raise ImportRefused(f"incident status {status!r} is not one of {allowed}")
        if incident.pk is not None:
            return incident.status
        # A review written elsewhere is about an incident that is over.
        self.note("no status in the file; set to resolved")
        return Status.RESOLVED

    def _services(self, names: list[str]) -> list[Service]:
        services = []
        for name in dict.fromkeys(n.strip() for n in names if n.strip()):
            service = Service.objects.filter(name__iexact=name).first()
            if service is None:
                service = Service(name=name)
                _validated(service, f"service {name!r}")
                service.save()
                self.note(f"service {name!r} added")
            services.append(service)
        return services

    def _record_status(self, incident: Incident, previous: str) -> None:
        if incident.status == previous:
            return
        # The file is the record: its status is taken as it is, lifecycle or not.
        incident.record_status_change(previous, self.actor, note="Recorded by a Markdown import.")

    # People -----------------------------------------------------------------------------

    def _users(self, usernames: list[str]) -> dict[str, User]:
        """Accounts by lower-cased username, for the names the importer confirmed."""
        wanted = {name.lower() for name in usernames if name and name in self.confirmed}
        found = User.objects.annotate(lower=Lower("username")).filter(lower__in=wanted)
        return {user.username.lower(): user for user in found}

    def _responders(self, incident: Incident) -> None:
        responders = self.document.incident.responders
        users = self._users([r.username for r in responders])
        for responder in responders:
            if responder.role not in Responder.Role.values:
                allowed = ", ".join(Responder.Role.values)
                raise ImportRefused(f"responder role {responder.role!r} is not one of {allowed}")
            user = users.get(responder.username.lower())
            if user is None:
                name = f" ({responder.name})" if responder.name else ""
                self.unmatched.append(f"- {responder.username}{name}, {responder.role}")
                continue
            incident.add_responder(user, responder.role, self.actor)
            self.attributions.add(responder.username, user, f"responder ({responder.role})")
        if self.unmatched:
            self.note(
                f"{len(self.unmatched)} responder(s) not tied to an account here (none "
                "matches, or it was not confirmed); kept as text in "
                f"the section {UNMATCHED_RESPONDERS[1]!r}"
            )
        self._keep_importer_in_sight(incident)

    def _keep_importer_in_sight(self, incident: Incident) -> None:
        actor = self.actor
        if actor is None or not incident.restricted or actor.is_admin:
            return
        if not incident.is_responder(actor):
            incident.add_responder(actor, Responder.Role.RESPONDER, actor)
            self.note("you were added as a responder so you can see the restricted incident")

    # Timeline -------------------------------------------------------------------------

    def _timeline(self, incident: Incident) -> None:
        existing: dict[tuple[datetime, str], list[TimelineEvent]] = defaultdict(list)
        for event in incident.events.order_by("occurred_at", "id"):
            existing[(event.occurred_at, _canonical(event.text))].append(event)
        users = self._users([event.author for event in self.document.timeline])
        added = 0
        for entry in self.document.timeline:
            at = doc.parse_time(entry.at)
            matches = existing.get((at, doc.normalise_newlines(entry.text)))
            if matches:
                event = matches.pop(0)
                event.edit(self.actor, kind=entry.kind, highlighted=entry.highlighted)
            else:
                event = self._new_event(incident, entry, at, users)
                added += 1
            self.events.append(event)
        if added:
            self.note(f"{added} timeline event(s) added")

    def _new_event(
        self, incident: Incident, entry: doc.Event, at: datetime, users: dict[str, User]
    ) -> TimelineEvent:
        author = users.get(entry.author.lower())
        if author is not None:
            self.attributions.add(entry.author, author, "author of a timeline entry")
        event = TimelineEvent(
            incident=incident,
            occurred_at=at,
            kind=entry.kind,
            author=author,
            author_name="" if author else entry.author,
            text=entry.text,
            highlighted=entry.highlighted,
            source=entry.source or TimelineEvent.MANUAL_SOURCE,
            # The file's kind, source and author are its claims: shown as imported.
            imported=True,
        )
        _validated(event, f"timeline event at {entry.at}")
        event.save()
        record_change(self.actor, event, "create", {}, snapshot(event, TimelineEvent.EDITABLE))
        return event

    # Factors and action items ---------------------------------------------------------------

    def _factors(self, incident: Incident) -> None:
        from unblame.actions.models import ContributingFactor

        existing = list(incident.factors.select_related("category"))
        for entry in self.document.factors:
            category = self._category(entry.category)
            match = next(
                (
                    f
                    for f in existing
                    if f.category_id == category.pk
                    and _canonical(f.description) == entry.description
                ),
                None,
            )
            factor = match or ContributingFactor(
                incident=incident, category=category, description=entry.description
            )
            if match is None:
                factor.created_by = self.actor
                _validated(factor, "a contributing factor")
                factor.save()
                factor.events.set([self.events[n - 1] for n in entry.events])
                factor.record_creation(self.actor)
            else:
                existing.remove(match)
                before = factor.audit_snapshot()
                factor.events.set([self.events[n - 1] for n in entry.events])
                factor.record_edit(self.actor, before)
            self.factors.append(factor)

    def _category(self, name: str) -> Any:
        from unblame.actions.models import FactorCategory

        name = name.strip() or "Uncategorised"
        category = FactorCategory.objects.filter(name__iexact=name).first()
        if category is None:
            category = FactorCategory(name=name, position=FactorCategory.next_position())
            _validated(category, f"factor category {name!r}")
            category.save()
            self.note(f"factor category {name!r} added")
        return category

    def _action_items(self, incident: Incident) -> None:
        from unblame.actions.forms import possible_owners

        existing = list(incident.action_items.all().order_by("id"))
        items = self.document.action_items
        owners = {
            u.username.lower(): u for u in possible_owners(incident) if u.username in self.confirmed
        }
        for entry in items:
            match = next((item for item in existing if item.title == entry.title), None)
            if match is not None:
                existing.remove(match)
            self._save_item(incident, entry, match, owners)

    def _save_item(self, incident: Incident, entry: doc.ActionItem, item: Any, owners) -> None:
        from unblame.actions.models import ActionItem

        created = item is None
        item = item or ActionItem(incident=incident, created_by=self.actor)
        before = None if created else item.audit_snapshot()
        item.title = entry.title
        item.description = _kept(item.description, entry.description)
        item.owner = owners.get(entry.owner.lower()) if entry.owner else None
        if item.owner is not None:
            self.attributions.add(entry.owner, item.owner, f"owner of action item {entry.title!r}")
        elif entry.owner:
            line = f"Owner in the imported file: {entry.owner}"
            if line not in item.description:
                item.description = f"{item.description.rstrip()}\n\n{line}".strip()
            why = "was not confirmed" if entry.owner not in self.confirmed else "has no access here"
            self.note(f"action item {entry.title!r}: owner {entry.owner!r} {why}")
        item.due_date = doc.parse_day(entry.due) if entry.due else None
        item.status = entry.status or ActionItem.Status.OPEN
        item.priority = entry.priority or ActionItem.Priority.P3
        item.kind = entry.kind or ActionItem.Kind.PREVENT
        item.closed_at = _time(entry.closed)
        _validated(item, f"action item {entry.title!r}")
        item.save()
        item.factors.set([self.factors[n - 1] for n in entry.factors])
        if created:
            item.record_creation(self.actor)
        else:
            item.record_edit(self.actor, before)


class _ReviewWriter:
    """The review half of an import: state and sections."""

    def __init__(self, importer: _Importer, incident: Incident) -> None:
        self.importer = importer
        self.incident = incident
        self.actor = importer.actor
        self.document = importer.document
        self.sections: list[doc.Section] = []

    def run(self) -> Review:
        target = self._target_state()
        self.sections = self._file_sections()
        self.sections += self._kept_sections()
        _check_lengths(self.sections)
        review = Review.objects.filter(incident=self.incident).first()
        if review is None:
            review = self._create()
        else:
            self._update(review, self.sections, target)
        self._move_to(review, target)
        return review

    def _target_state(self) -> str:
        state = self.document.review.state if self.importer.own else ReviewState.DRAFT
        if state not in ReviewState.values:
            allowed = ", ".join(ReviewState.values)
            raise ImportRefused(f"review state {state!r} is not one of {allowed}")
        return state

    def _file_sections(self) -> list[doc.Section]:
        limit = ReviewSection._meta.get_field("title").max_length
        for section in self.document.sections:
            if len(section.title) > limit:
                raise ImportRefused(f"the heading {section.title[:60]!r}… is too long for a title")
        _check_lengths(self.document.sections)
        return [doc.Section(s.key, s.title, s.body) for s in self.document.sections]

    def _kept_sections(self) -> list[doc.Section]:
        """Sections holding what has no field here: people without accounts, foreign metadata."""
        kept = []
        if self.importer.unmatched:
            key, title = UNMATCHED_RESPONDERS
            listed = self.document.section(key)
            lines = listed.body.split("\n") if listed else []
            new = [line for line in self.importer.unmatched if line not in lines]
            if listed is None:
                kept.append(doc.Section(key, title, "\n".join(new)))
            elif new:
                # The file already lists some; add the others to its section.
                section = next(s for s in self.sections if s.key == key)
                section.body = "\n".join([*lines, *new])
        if self.document.meta:
            taken = {s.key for s in self.document.sections}
            key = doc.unique_key(FRONT_MATTER_SECTION[0], taken)
            body = "```yaml\n" + dump_yaml(self.document.meta) + "```"
            kept.append(doc.Section(key, FRONT_MATTER_SECTION[1], body))
            self.importer.note(f"front-matter fields unblame does not store → section {key!r}")
        return kept

    def _template(self) -> ReviewTemplate | None:
        name = self.document.review.template
        found = ReviewTemplate.objects.filter(name=name).first() if name else None
        return found or ReviewTemplate.default()

    def _create(self) -> Review:
        template = self._template()
        listed = template.section_specs() if template else DEFAULT_SECTIONS
        specs = {key: (title, prompt) for key, title, prompt in listed}
        sections = list(self.sections)
        if not self.importer.own:
            # A foreign review gets the template's other sections too, empty,
            # with their prompts, before the sections that keep what has no field.
            have = {s.key for s in sections}
            missing = [doc.Section(k, t, "") for k, (t, _) in specs.items() if k not in have]
            count = len(self.document.sections)
            sections[count:count] = missing
        new = [NewSection(s.key, s.title, specs.get(s.key, ("", ""))[1], s.body) for s in sections]
        return create_review(
            self.incident, self.actor, template, new, IMPORT_NOTE, {"source": "markdown"}
        )

    def _update(self, review: Review, sections: list[doc.Section], target: str) -> None:
        stored = {row.key: row for row in review.sections.all()}
        changes = [s for s in sections if s.key not in stored or _differs(stored[s.key], s)]
        if not changes and self._positions_match(review, sections):
            return
        if review.state == ReviewState.PUBLISHED:
            if target == ReviewState.PUBLISHED:
                raise ImportRefused(
                    f"the review of incident {self.incident.pk} is published; move it back to "
                    "review before importing changes to it"
                )
            self._move_to(review, ReviewState.IN_REVIEW)
        for position, section in enumerate(sections):
            row = stored.pop(section.key, None)
            if row is None:
                new = NewSection(section.key, section.title, "", section.body)
                add_section(review, new, position, self.actor, IMPORT_NOTE)
                continue
            if _canonical(row.body) != section.body:
                row.save_body(self.actor, section.body, row.version, note=IMPORT_NOTE)
                row.refresh_from_db()
            if (row.title, row.position) != (section.title, position):
                row.title, row.position = section.title, position
                row.save(update_fields=["title", "position"])
        # Sections the file does not have are kept, after the file's.
        for offset, row in enumerate(sorted(stored.values(), key=lambda r: (r.position, r.pk))):
            row.position = len(sections) + offset
            row.save(update_fields=["position"])
        self.importer.note(f"{len(changes)} section(s) of the review changed")

    def _positions_match(self, review: Review, sections: list[doc.Section]) -> bool:
        keys = list(review.sections.order_by("position", "id").values_list("key", flat=True))
        return keys[: len(sections)] == [s.key for s in sections]

    def _move_to(self, review: Review, target: str) -> None:
        """Walk the review lifecycle to the target state; publishing still needs no gaps."""
        for state in _path(review.state, target):
            try:
                review.transition_to(state, self.actor, note=IMPORT_NOTE)
            except NotReady as refused:
                self.importer.note(
                    f"the review stays {review.get_state_display().lower()}: "
                    f"{len(refused.gaps)} gap(s) stand in the way of publishing it here"
                )
                return


def _check_lengths(sections: list[doc.Section]) -> None:
    """Refuse the import if a section, the file's or one unblame adds, is over the limit."""
    for section in sections:
        if len(section.body) > MAX_SECTION_CHARS:
            raise ImportRefused(
                f"section {section.title[:60]!r} is {len(section.body):,} characters; "
                f"a section holds at most {MAX_SECTION_CHARS:,}"
            )


def _differs(row: ReviewSection, section: doc.Section) -> bool:
    return _canonical(row.body) != section.body or row.title != section.title


def _path(start: str, target: str) -> list[str]:
    """The shortest walk through REVIEW_TRANSITIONS from start to target (excluding start)."""
    paths = {start: []}
    queue = [start]
    while queue:
        state = queue.pop(0)
        if state == target:
            return paths[state]
        for following in REVIEW_TRANSITIONS[state]:
            if following not in paths:
                paths[following] = [*paths[state], following]
                queue.append(following)
    return []


__all__ = ["ImportRefused", "ImportResult", "import_review", "preview_import"]
