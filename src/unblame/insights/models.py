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


class SectionFigures(models.Model):
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
    words = models.PositiveIntegerField(default=0)
    blame_other = models.PositiveIntegerField(default=0)
    self_blame = models.PositiveIntegerField(default=0)
    counterfactual = models.PositiveIntegerField(default=0)
    human_error = models.PositiveIntegerField(default=0)
    try_harder = models.PositiveIntegerField(default=0)
    root_cause = models.PositiveIntegerField(default=0)
    hindsight = models.PositiveIntegerField(default=0)
    rewritten = models.PositiveIntegerField(default=0)

    def __str__(self) -> str:
        return f"Findings in section {self.section_id} v{self.version}"
