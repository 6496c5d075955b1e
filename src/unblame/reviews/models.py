"""Review templates, reviews with versioned sections, comments, and personal debriefs."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from unblame.accounts import versions
from unblame.accounts.models import User, record_change
from unblame.accounts.roster import roster
from unblame.accounts.versions import Versioned
from unblame.incidents.models import Incident
from unblame.language.names import Roster
from unblame.reviews import analysis, readiness
from unblame.server.limits import MAX_SECTION_CHARS

# (key, title, prompt) of the template a new installation starts with; the
# data migration copies it, and draft_review falls back to it when an admin
# has removed every template.
DEFAULT_SECTIONS: list[tuple[str, str, str]] = [
    (
        "summary",
        "Summary",
        "What happened, to whom and for how long, in a few sentences a newcomer can follow.",
    ),
    (
        "impact",
        "Impact",
        "Who was affected and how: customers, colleagues, data. Numbers where you have them.",
    ),
    (
        "timeline",
        "Timeline",
        "The story as the responders lived it: what they saw, what they tried, what they "
        "decided and why it made sense at the time.",
    ),
    (
        "contributing_factors",
        "Contributing factors",
        "The conditions that had to be true together for this to happen; each necessary, "
        "none sufficient alone.",
    ),
    (
        "what_went_well",
        "What went well",
        "The tools, practices and people that helped, so we keep them.",
    ),
    (
        "where_we_got_lucky",
        "Where we got lucky",
        "What could have made this worse but did not, and why.",
    ),
    (
        "what_surprised_us",
        "What surprised us",
        "Where our picture of the system turned out to differ from the system.",
    ),
    (
        "action_items",
        "Action items",
        "Changes to the system that close the gaps above: checks, defaults, automation, "
        "alerts, limits.",
    ),
    (
        "learnings",
        "Learnings",
        "What we know now about our systems and how we work that we did not know before.",
    ),
]

# @username, as Django allows usernames; a trailing full stop ends the sentence.
MENTION_RE = re.compile(r"(?<![\w@.+-])@([\w.@+-]*[\w@+-])")


class ReviewTemplate(Versioned):
    """A list of sections a new review starts from; admins edit it."""

    name = models.CharField(max_length=100, unique=True)
    is_default = models.BooleanField(default=False)
    # Teams are not modelled; a team that wants a second pair of eyes uses a template
    # with this on, and every review started from it asks for one.
    needs_approval = models.BooleanField(
        "Publishing needs an approval",
        default=False,
        help_text="From someone other than the review's author, given after its last change.",
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-is_default", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["is_default"],
                condition=Q(is_default=True),
                name="one_default_review_template",
            )
        ]

    def __str__(self) -> str:
        return self.name

    @classmethod
    def default(cls) -> ReviewTemplate | None:
        return cls.objects.filter(is_default=True).first() or cls.objects.first()

    def make_default(self, actor: User) -> None:
        with transaction.atomic():
            ReviewTemplate.objects.filter(is_default=True).exclude(pk=self.pk).update(
                is_default=False
            )
            if not self.is_default:
                self.is_default = True
                self.save(update_fields=["is_default"])
                record_change(actor, self, "make_default", {}, {"is_default": True})

    def section_specs(self) -> list[tuple[str, str, str]]:
        specs = [(s.key, s.title, s.prompt) for s in self.sections.all()]
        return specs or list(DEFAULT_SECTIONS)


class TemplateSection(Versioned):
    template = models.ForeignKey(ReviewTemplate, on_delete=models.CASCADE, related_name="sections")
    key = models.SlugField(max_length=50, help_text="Stable name used in links and exports.")
    title = models.CharField(max_length=120)
    prompt = models.TextField(blank=True, help_text="Shown to the writer of an empty section.")
    position = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["position", "id"]
        constraints = [
            models.UniqueConstraint(fields=["template", "key"], name="unique_template_section_key")
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.template})"


class ReviewState(models.TextChoices):
    DRAFT = "draft", "Draft"
    IN_REVIEW = "in_review", "In review"
    PUBLISHED = "published", "Published"


# Forward through review to publication, or back when more work is needed.
# A published review is reopened through "in review", so its readers see it
# is being changed again before anyone edits it.
REVIEW_TRANSITIONS: dict[str, tuple[str, ...]] = {
    ReviewState.DRAFT: (ReviewState.IN_REVIEW,),
    ReviewState.IN_REVIEW: (ReviewState.PUBLISHED, ReviewState.DRAFT),
    ReviewState.PUBLISHED: (ReviewState.IN_REVIEW,),
}


class NotReady(ValidationError):
    """Publishing was refused; `gaps` says why, each with a link to fix it."""

    def __init__(self, gaps: list[Any]) -> None:
        super().__init__(f"The review is not ready to publish: {len(gaps)} gap(s) remain.")
        self.gaps = gaps


class Review(Versioned):
    State = ReviewState

    incident = models.OneToOneField(Incident, on_delete=models.CASCADE, related_name="review")
    template = models.ForeignKey(
        ReviewTemplate, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    state = models.CharField(max_length=20, choices=ReviewState.choices, default=ReviewState.DRAFT)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)
    published_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"Review of incident {self.incident_id}"

    def get_absolute_url(self) -> str:
        return reverse("reviews:review", args=[self.incident_id])

    @property
    def is_editable(self) -> bool:
        """A published review is the record; it is reopened before it changes."""
        return self.state != ReviewState.PUBLISHED

    def allowed_transitions(self) -> list[ReviewState]:
        return [ReviewState(s) for s in REVIEW_TRANSITIONS[self.state]]

    def transition_to(self, state: str, actor: User, note: str = "") -> StateChange:
        """Move to another state, recording who and when; publishing needs no readiness gaps.

        Raises NotReady with the gaps when publishing is refused, and
        ValidationError for a move the lifecycle does not allow.
        """
        if state not in REVIEW_TRANSITIONS[self.state]:
            raise ValidationError(
                f"A review cannot go from {self.get_state_display().lower()} to {state!r}."
            )
        if state == ReviewState.PUBLISHED:
            from unblame.reviews.services import readiness

            if gaps := readiness(self):
                raise NotReady(gaps)
        now = timezone.now()
        with transaction.atomic():
            previous = self.state
            self.state = state
            self.published_at = now if state == ReviewState.PUBLISHED else self.published_at
            self.updated_at = now
            self.save(update_fields=["state", "published_at", "updated_at"])
            change = StateChange.objects.create(
                review=self, from_state=previous, to_state=state, actor=actor, at=now, note=note
            )
            record_change(actor, self, "state", {"state": previous}, {"state": state})
        return change

    def roster(self) -> Roster:
        """Names the analyzer should read as people: the one roster of the review's incident."""
        return roster(self.incident)

    # Approval -------------------------------------------------------------------------

    @property
    def needs_approval(self) -> bool:
        return bool(self.template and self.template.needs_approval)

    def current_approvals(self) -> models.QuerySet[Approval]:
        """Approvals given since the review last changed (text or state), by others."""
        approvals = self.approvals.filter(at__gte=self.updated_at).select_related("approver")
        return approvals.exclude(approver=self.created_by) if self.created_by else approvals

    def can_approve(self, user: Any) -> bool:
        return self.state == ReviewState.IN_REVIEW and user != self.created_by

    def approve(self, user: User) -> Approval:
        """Record that someone other than the author read the review and would publish it."""
        if not self.can_approve(user):
            raise ValidationError(
                "Only someone other than the review's author approves it, while it is in review."
            )
        with transaction.atomic():
            approval = Approval.objects.create(review=self, approver=user, at=timezone.now())
            record_change(user, approval, "create", {}, {"review": self.pk})
        return approval


class Approval(models.Model):
    """Someone other than the author approved the review for publication, at a moment.

    It counts while the review is unchanged since (Review.current_approvals):
    an edit to a section, or moving the review, asks for a new one.
    """

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="approvals")
    approver = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"Approval of {self.review} by {self.approver}"


class StateChange(models.Model):
    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="state_changes")
    from_state = models.CharField(max_length=20, blank=True, choices=ReviewState.choices)
    to_state = models.CharField(max_length=20, choices=ReviewState.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    at = models.DateTimeField(default=timezone.now)
    note = models.CharField(max_length=500, blank=True)

    class Meta:
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.from_state or 'new'} → {self.to_state}"


class SectionTooLong(ValueError):
    """A section's text over MAX_SECTION_CHARS; nothing was written."""

    def __init__(self, length: int) -> None:
        self.length = length
        super().__init__(
            f"The text is {length:,} characters; a section holds at most "
            f"{MAX_SECTION_CHARS:,}. Split it into more sections or link to the long parts."
        )


class EditConflict(versions.EditConflict):
    """A save based on an older version than the stored one; nothing was written.

    `section` holds the stored text and version, so both texts can be shown.
    """

    def __init__(self, section: ReviewSection, base_version: int) -> None:
        super().__init__(section, base_version, section)
        self.section = section


class ReviewSection(models.Model):
    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="sections")
    key = models.SlugField(max_length=50)
    title = models.CharField(max_length=120)
    prompt = models.TextField(blank=True)
    body = models.TextField(blank=True)
    position = models.PositiveIntegerField(default=0)
    # The number of the version the body is; the editor sends back the one it
    # opened, and a save only lands if that is still the stored one.
    version = models.PositiveIntegerField(default=1)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["position", "id"]
        constraints = [
            models.UniqueConstraint(fields=["review", "key"], name="unique_review_section_key")
        ]

    def __str__(self) -> str:
        return f"{self.title} (review {self.review_id})"

    def get_absolute_url(self) -> str:
        return f"{self.review.get_absolute_url()}#section-{self.key}"

    def edit_url(self) -> str:
        return reverse("reviews:section_edit", args=[self.review.incident_id, self.key])

    def save_body(
        self, actor: User, body: str, base_version: int, note: str = ""
    ) -> SectionVersion | None:
        """Store `body` as the next version if `base_version` is still the current one.

        Returns the new version, or None when the text did not change. Raises
        EditConflict, writing nothing, when someone saved in between; the
        check and the write are one conditional UPDATE, so two saves based on
        the same version cannot both land. Raises SectionTooLong for a text
        over MAX_SECTION_CHARS.
        """
        body = body.replace("\r\n", "\n")
        # Every reader of the review pays for a long text on every view.
        if len(body) > MAX_SECTION_CHARS:
            raise SectionTooLong(len(body))
        now = timezone.now()
        with transaction.atomic():
            fresh = ReviewSection.objects.filter(pk=self.pk, version=base_version)
            if fresh.filter(body=body).exists():
                return None
            # The same conditional update as every other versioned write.
            if not versions.claim(
                ReviewSection, self.pk, base_version, body=body, updated_by=actor, updated_at=now
            ):
                self.refresh_from_db()
                raise EditConflict(self, base_version)
            self.refresh_from_db()
            version = SectionVersion.objects.create(
                section=self,
                version=self.version,
                body=body,
                author=actor,
                created_at=now,
                note=note,
            )
            Review.objects.filter(pk=self.review_id).update(updated_at=now)
            record_change(
                actor,
                self,
                "update",
                {"version": base_version},
                {"version": self.version, "note": note},
            )
        return version

    def append(self, actor: User, text: str, note: str) -> SectionVersion:
        """Add a paragraph at the end as a new version, retrying if a save lands in between."""
        for _ in range(5):
            self.refresh_from_db()
            body = f"{self.body.rstrip()}\n\n{text.strip()}\n".lstrip()
            try:
                version = self.save_body(actor, body, self.version, note=note)
            except EditConflict:
                continue
            if version is not None:
                return version
        raise EditConflict(self, self.version)

    def annotated(self, names: Iterable[str] | None = None) -> list[analysis.Annotated]:
        names = self.review.roster() if names is None else names
        return analysis.annotate(
            self.body, key=self.key, names=names, acknowledgements=self.acknowledgements.all()
        )


class SectionVersion(models.Model):
    """The text of a section as one save left it; version 1 is the draft."""

    section = models.ForeignKey(ReviewSection, on_delete=models.CASCADE, related_name="versions")
    version = models.PositiveIntegerField()
    body = models.TextField(blank=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    note = models.CharField(max_length=200, blank=True)
    # Findings per category, worked out once: versions never change, and the
    # review summary reads every version of every section.
    finding_counts = models.JSONField(null=True, blank=True)

    class Meta:
        ordering = ["version"]
        constraints = [
            models.UniqueConstraint(fields=["section", "version"], name="unique_section_version")
        ]

    def __str__(self) -> str:
        return f"{self.section.key} v{self.version}"

    def counts(self, names: Iterable[str]) -> dict[str, int]:
        if self.finding_counts is None:
            context = analysis.context_for(self.section.key)
            found = analysis.analyze(self.body, names=names, context=context)
            self.finding_counts = analysis.count_by_category(found)
            SectionVersion.objects.filter(pk=self.pk).update(finding_counts=self.finding_counts)
        return self.finding_counts


class FindingAcknowledgement(models.Model):
    """The writer read a finding and keeps the words, for a stated reason.

    Matched by rule, quoted words and the line they were on (`context`), so it
    still applies after edits to other parts of the text and lapses when that
    line changes: changed text is checked again. It belongs to a section, or,
    for a contributing factor or an action item, to the review with a `target`
    such as "factor:3:description" (readiness.Text.target).
    """

    section = models.ForeignKey(
        ReviewSection,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="acknowledgements",
    )
    review = models.ForeignKey(
        Review, null=True, blank=True, on_delete=models.CASCADE, related_name="acknowledgements"
    )
    target = models.CharField(max_length=60, blank=True)
    rule = models.CharField(max_length=10)
    quote = models.CharField(max_length=analysis.QUOTE_LENGTH)
    context = models.TextField(blank=True)
    reason = models.CharField(max_length=300)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"{self.rule} acknowledged on {self.section or self.target}"

    @classmethod
    def of_review(cls, review: Review) -> models.QuerySet[FindingAcknowledgement]:
        """Every acknowledgement given on the review, sections and factors and items alike."""
        return cls.objects.filter(Q(section__review=review) | Q(review=review)).select_related(
            "author", "section"
        )

    @property
    def plain(self) -> readiness.Acknowledgement:
        author = str(self.author) if self.author else ""
        return readiness.Acknowledgement(self.rule, self.quote, self.reason, author, self.context)

    @property
    def where(self) -> str:
        return self.section.title if self.section else readiness.target_label(self.target)


class Comment(models.Model):
    section = models.ForeignKey(ReviewSection, on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    body = models.TextField()
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"Comment on {self.section}"

    def get_absolute_url(self) -> str:
        return f"{self.section.review.get_absolute_url()}#comment-{self.pk}"

    def mentioned_usernames(self) -> list[str]:
        return list(dict.fromkeys(MENTION_RE.findall(self.body)))

    def record_mentions(self) -> list[Mention]:
        """A mention for each @username who can see the incident; others are not told."""
        from unblame.incidents.access import visible_incidents

        incident_id = self.section.review.incident_id
        mentions = []
        for user in User.objects.filter(username__in=self.mentioned_usernames(), is_active=True):
            if user != self.author and visible_incidents(user).filter(pk=incident_id).exists():
                mention, created = Mention.objects.get_or_create(comment=self, user=user)
                mentions.append(mention)
                if created:
                    self._email_mention(user)
        return mentions

    def _email_mention(self, user: User) -> None:
        from unblame.accounts.notify import email_person, link

        review = self.section.review
        body = (
            f"{self.author or 'Someone'} mentioned you in a comment on the review of "
            f"incident #{review.incident_id}, section {self.section.title}:\n\n"
            f"{self.body}\n\n{link(self.get_absolute_url())}\n\n"
            f"Turn these emails off in your settings: {link('/account/')}\n"
        )
        subject = f"{self.author or 'Someone'} mentioned you on incident #{review.incident_id}"
        email_person(user, "mention", subject, body)


class Mention(models.Model):
    comment = models.ForeignKey(Comment, on_delete=models.CASCADE, related_name="mentions")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="review_mentions"
    )
    created_at = models.DateTimeField(default=timezone.now)
    seen_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [models.UniqueConstraint(fields=["comment", "user"], name="unique_mention")]

    def __str__(self) -> str:
        return f"@{self.user} in comment {self.comment_id}"


# (field, question, help) after the Etsy Debriefing Facilitation Guide and Jeli's Howie guide.
DEBRIEF_PROMPTS: list[tuple[str, str, str]] = [
    ("trying_to_do", "What were you trying to do?", "Your goal at that moment, in your words."),
    (
        "seeing",
        "What were you seeing?",
        "Dashboards, alerts, messages, logs: what was in front of you, and what was not.",
    ),
    (
        "made_sense",
        "What made your actions make sense at the time?",
        "What you knew, expected and had done before that made your next step look right.",
    ),
    ("surprised", "What surprised you?", "Where the system did not behave as you expected."),
    (
        "would_have_helped",
        "What would have helped?",
        "A tool, a signal, a person, a default, more time.",
    ),
]
DEBRIEF_FIELDS = [name for name, _, _ in DEBRIEF_PROMPTS]


class Debrief(Versioned):
    """One responder's own account of an incident, readable by its author alone.

    Nobody else reads it, admins included, and it is in no list, count,
    search, export, API answer or audit entry: what reaches anyone else is
    what the author shares into the review, which becomes review text.
    `related_name="+"` keeps it off the incident and the user, so no code can
    reach it except through `Debrief.own`.
    """

    incident = models.ForeignKey(Incident, on_delete=models.CASCADE, related_name="+")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    trying_to_do = models.TextField(blank=True)
    seeing = models.TextField(blank=True)
    made_sense = models.TextField(blank=True)
    surprised = models.TextField(blank=True)
    would_have_helped = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)
    # What the author has shared so far, as it went into the review.
    shared_text = models.TextField(blank=True)
    shared_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["incident", "author"], name="one_debrief_per_person")
        ]

    def __str__(self) -> str:
        return f"Debrief on incident {self.incident_id}"

    @classmethod
    def own(cls, user: Any, incident: Incident) -> Debrief | None:
        """The user's own debrief on this incident; nobody can fetch anyone else's."""
        if user is None or not user.is_authenticated:
            return None
        return cls.objects.filter(incident=incident, author=user).first()

    def answers(self) -> list[tuple[str, str, str, str]]:
        """(field, question, help, answer) in prompt order."""
        return [(name, q, help_, getattr(self, name)) for name, q, help_ in DEBRIEF_PROMPTS]

    def paragraphs(self) -> list[tuple[str, str, str]]:
        """(id, question, paragraph) for every paragraph of every answer; ids look like seeing:0."""
        result = []
        for name, question, _, answer in self.answers():
            parts = [p.strip() for p in re.split(r"\n\s*\n", answer) if p.strip()]
            result.extend((f"{name}:{i}", question, part) for i, part in enumerate(parts))
        return result

    def share_text(self, chosen: list[str]) -> str:
        """The chosen paragraphs as review text, under the question each answers."""
        wanted = set(chosen)
        blocks: list[str] = []
        last_question = None
        for pid, question, paragraph in self.paragraphs():
            if pid not in wanted:
                continue
            if question != last_question:
                blocks.append(f"**{question}**")
                last_question = question
            blocks.append(paragraph)
        return "\n\n".join(blocks)

    def share(self, section: ReviewSection, chosen: list[str]) -> SectionVersion:
        """Append the chosen paragraphs to a review section, attributed, as a new version."""
        text = self.share_text(chosen)
        if not text:
            raise ValidationError("Choose at least one paragraph to share.")
        author = self.author
        heading = f"*Shared by {author} from their debrief:*"
        with transaction.atomic():
            version = section.append(author, f"{heading}\n\n{text}", note="Shared from a debrief")
            self.shared_text = f"{self.shared_text.rstrip()}\n\n{text}".strip()
            self.shared_at = version.created_at
            self.save(update_fields=["shared_text", "shared_at"])
        return version


# Drafted facts live beside the code that keeps them linked to the record;
# importing the model here registers it with the reviews app (and its migrations).
from unblame.reviews.facts import DraftedFacts  # noqa: E402, F401
