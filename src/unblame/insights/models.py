"""The search index: one row of searchable text per thing a reader can find.

Rows are derived data, written by insights.index from the incidents,
timeline events, review sections, contributing factors, action items and
comments they mirror; `unblame manage rebuild_search_index` writes them all
again. The full-text part lives beside the table and depends on the
database (migration 0002): an FTS5 table kept in step by triggers on
SQLite, a generated tsvector column with a GIN index on PostgreSQL.

Private text is never written here: personal debriefs and private notes
have no row, so no query over this table can return them.
"""

from __future__ import annotations

from django.db import models

from unblame.incidents.models import Incident


class SearchEntry(models.Model):
    class Kind(models.TextChoices):
        INCIDENT = "incident", "Incident"
        EVENT = "event", "Timeline and chat"
        SECTION = "section", "Review section"
        FACTOR = "factor", "Contributing factor"
        ACTION_ITEM = "action_item", "Action item"
        COMMENT = "comment", "Comment"

    # CASCADE: an incident's text leaves the index with it.
    incident = models.ForeignKey(Incident, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    object_id = models.PositiveBigIntegerField()
    # What the link needs beyond the id (a review section's key).
    anchor = models.CharField(max_length=60, blank=True)
    title = models.CharField(max_length=200, blank=True)
    body = models.TextField(blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "object_id"], name="one_search_entry_per_object"
            )
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.object_id} of incident {self.incident_id}"


class FindingCounts(models.Model):
    """Words and the analyzer's findings per category (its seven, unblame.language.Category),
    and how many blame findings were rewritten away: what the writing report sums,
    for one section's version (SectionFigures) or a published review (ReviewFacts)."""

    words = models.PositiveIntegerField(default=0)
    blame_other = models.PositiveIntegerField(default=0)
    self_blame = models.PositiveIntegerField(default=0)
    counterfactual = models.PositiveIntegerField(default=0)
    human_error = models.PositiveIntegerField(default=0)
    try_harder = models.PositiveIntegerField(default=0)
    root_cause = models.PositiveIntegerField(default=0)
    hindsight = models.PositiveIntegerField(default=0)
    rewritten = models.PositiveIntegerField(default=0)

    class Meta:
        abstract = True


class SectionFigures(FindingCounts):
    """The analyzer's findings in one review section's text, counted once per version.

    The writing report sums these in the database; a section whose version
    moved on is counted again (insights.writing). `rewritten` is how many
    blame findings of the section's first version are gone from this one.
    Categories are the analyzer's seven (unblame.language.Category).
    """

    section = models.OneToOneField(
        "reviews.ReviewSection", on_delete=models.CASCADE, related_name="+"
    )
    version = models.PositiveIntegerField()

    def __str__(self) -> str:
        return f"Findings in section {self.section_id} v{self.version}"


# -- Rollups: what the reports read, one narrow row per thing they count --------------------


class Rollup(models.Model):
    """Columns every rollup row copies from its live incident, so a report reads one table.

    Rows are derived data, written by insights.rollups whenever what they
    mirror is saved or deleted (signals.py) and all at once by `unblame
    manage rebuild_insights`. Only live incidents have rows: trashing one
    removes them. `restricted` lets a report take the incidents everyone may
    see from the table and add only the viewer's own restricted ones.
    """

    incident = models.ForeignKey(Incident, on_delete=models.CASCADE, related_name="+")
    declared_at = models.DateTimeField()
    severity = models.ForeignKey("incidents.Severity", on_delete=models.CASCADE, related_name="+")
    restricted = models.BooleanField()

    class Meta:
        abstract = True


class IncidentFacts(Rollup):
    """An incident's durations (minutes; None when a moment is missing) and review state."""

    incident = models.OneToOneField(
        Incident, on_delete=models.CASCADE, primary_key=True, related_name="+"
    )
    detect = models.FloatField(null=True)
    acknowledge = models.FloatField(null=True)
    mitigate = models.FloatField(null=True)
    resolve = models.FloatField(null=True)
    resolved_at = models.DateTimeField(null=True)
    # The review's state ("" without one), and minutes from resolution to publication.
    review_state = models.CharField(max_length=20, blank=True)
    to_publish = models.FloatField(null=True)

    class Meta:
        indexes = [
            # Response times on SQLite read live only what its kept minutes leave out
            # (insights.digest): the restricted incidents a viewer may see, and those
            # declared on a month's first or last day, found by ranges of declared_at.
            models.Index(
                fields=["restricted"],
                condition=models.Q(restricted=True),
                name="incidentfacts_restricted",
            ),
            models.Index(fields=["declared_at"], name="incidentfacts_declared"),
        ]


class ResponderFacts(Rollup):
    """One responder row: whose, commanding or not, hours and how much was out of their hours.

    `out_of_hours` tells whether the incident was declared outside the
    person's working hours; `out_minutes` how many of its `minutes` fell
    outside them (insights.hours). `zone` is the person's time zone both
    were read in, so a change of zone finds the rows to read again.
    """

    responder = models.OneToOneField(
        "incidents.Responder", on_delete=models.CASCADE, primary_key=True, related_name="+"
    )
    user = models.ForeignKey("accounts.User", on_delete=models.CASCADE, related_name="+")
    commander = models.BooleanField()
    # Minutes from declaration to resolution, None unless resolved after declared.
    minutes = models.FloatField(null=True)
    out_of_hours = models.BooleanField()
    # Of `minutes`, those outside the person's working hours; None where `minutes` is.
    out_minutes = models.FloatField(null=True)
    zone = models.CharField(max_length=64)


class ItemFacts(Rollup):
    """One action item: its state, what kind of change it is, owner, due date, days to close."""

    item = models.OneToOneField(
        "actions.ActionItem", on_delete=models.CASCADE, primary_key=True, related_name="+"
    )
    state = models.CharField(max_length=20)  # the item's status
    # Open while its incident is closed.
    after_close = models.BooleanField()
    change = models.CharField(max_length=10)  # system, try_harder or learn
    owner = models.ForeignKey(
        "accounts.User", null=True, on_delete=models.CASCADE, related_name="+"
    )
    due_date = models.DateField(null=True)
    # Minutes from creation to done, for done items with a closing time.
    to_close = models.FloatField(null=True)

    class Meta:
        indexes = [
            # Follow-through's open items per owner, a fifth of the items, read
            # from this index alone (with what the visibility check and the count
            # read) instead of every item through its owner and the table (320 ms
            # at 100,000 incidents on SQLite, 70 ms from the index).
            models.Index(
                fields=[
                    "state",
                    "owner",
                    "due_date",
                    "after_close",
                    "restricted",
                    "incident",
                    "item",
                ],
                name="itemfacts_open_by_owner",
            )
        ]


class FactorFacts(Rollup):
    """One contributing factor's category."""

    factor = models.OneToOneField(
        "actions.ContributingFactor", on_delete=models.CASCADE, primary_key=True, related_name="+"
    )
    category = models.ForeignKey(
        "actions.FactorCategory", on_delete=models.CASCADE, related_name="+"
    )


class ReviewFacts(Rollup, FindingCounts):
    """A published review's counted sections summed: words, findings, rewritten, acknowledged."""

    review = models.OneToOneField(
        "reviews.Review", on_delete=models.CASCADE, primary_key=True, related_name="+"
    )
    blame = models.PositiveIntegerField(default=0)
    acknowledged = models.PositiveIntegerField(default=0)


class ResponseDigest(models.Model):
    """Sorted minutes of each response-time measure for one group, kept for SQLite.

    SQLite has no percentile function, so the response report read every
    incident's durations into Python and sorted them (insights.digest). A
    month row (`service` 0) holds the usable minutes of the unrestricted
    incidents declared in that UTC month with that severity, except those
    declared on a month's first or last day (their month depends on the
    viewer's zone, so they are read live); a service row (`month` "") holds
    those of every unrestricted incident of that service and severity.
    Each measure is an array of little-endian doubles in ascending order.

    Triggers (migration 0007, SQLite only) mark a row `stale` whenever a row
    of insights_incidentfacts or of the incident-service link it depends on
    is written or deleted, whatever wrote it; a stale row is never read as
    it stands (the report reads its incidents live) and is written again
    by the next rollup refresh or rebuild. PostgreSQL works the percentiles
    out itself and has no rows here.
    """

    month = models.CharField(max_length=7)
    severity_id = models.IntegerField()
    service_id = models.IntegerField()
    stale = models.BooleanField(default=True)
    detect = models.BinaryField(null=True)
    acknowledge = models.BinaryField(null=True)
    mitigate = models.BinaryField(null=True)
    resolve = models.BinaryField(null=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["month", "severity_id", "service_id"], name="one_response_digest_per_group"
            )
        ]
