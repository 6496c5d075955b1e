"""Reviews for two demo incidents (see incidents/demo_data.py), written by the unblame project.

The certificate incident gets a published review, every required section
written, whose timeline first blamed a person and was then rewritten, so its
findings summary shows the writing getting more blameless; the search
incident's review is still in review, with a comment that mentions a
colleague. Incidents are found by title, and an incident that already has a
review is left alone.
"""

from __future__ import annotations

from contextlib import suppress
from typing import Any

from unblame.accounts.models import User
from unblame.incidents.models import Incident
from unblame.reviews.models import Comment, NotReady, Review
from unblame.reviews.services import draft_review

CERTIFICATE = "Checkout failing for card payments after provider certificate rotation"
SEARCH = "Search results empty for two hours after index alias swap"

# (section key, author, text) in the order they were written.
CERTIFICATE_EDITS: list[tuple[str, str, str]] = [
    (
        "timeline",
        "chen",
        "Ben should have checked the certificate bundle before the rotation. It was human "
        "error: the bundle was never updated.",
    ),
    (
        "timeline",
        "amara",
        "At 18:42 the provider's new intermediate certificate went live. payments-api "
        "trusted only the bundle baked into its image in March, so every new connection "
        "was refused. The error-rate alert paged six minutes later; Ben found the "
        "handshake errors at 18:57 and rolled out an image with a fresh bundle at 19:29.",
    ),
    (
        "impact",
        "amara",
        "Customers paying by card saw an error at checkout for 47 minutes, from 18:42 to "
        "19:29 UTC: about 60% of card payments failed. Other payment methods kept working, "
        "and the status page said so from 19:15.",
    ),
    (
        "contributing_factors",
        "amara",
        "Three conditions came together. payments-api trusted only the intermediate "
        "certificates in a bundle baked into its image in March, and nothing refreshed or "
        "checked that bundle. The provider announced the rotation only on its status page, "
        "which no channel of ours followed, so the change arrived unexpected. And the "
        "error-rate alert waited five minutes above 20% before paging, so the response began "
        "six minutes into the impact. Without any one of them the rotation would have passed "
        "unnoticed, or been over sooner.",
    ),
    (
        "action_items",
        "ben",
        "payments-api now trusts the system CA store and pins only the provider's root, so a "
        "rotated intermediate is accepted. The provider's change notices reach the payments "
        "channel, and an alert 30 days before any upstream certificate in a chain expires or "
        "changes is on its way; together they give us weeks of warning instead of minutes.",
    ),
    (
        "what_went_well",
        "ben",
        "The image pipeline rebuilt and rolled out payments-api in under twenty minutes.",
    ),
    (
        "where_we_got_lucky",
        "farah",
        "The rotation happened on a weekday evening, with most of the payments team online.",
    ),
    (
        "what_surprised_us",
        "ben",
        "Nobody knew the bundle was pinned in the image; the README said the service "
        "used the system CA store.",
    ),
    (
        "learnings",
        "amara",
        "A dependency's operational announcements are part of our monitoring surface.",
    ),
]

SEARCH_EDITS: list[tuple[str, str, str]] = [
    (
        "timeline",
        "dana",
        "The alias swap pointed search at an index whose build had stopped halfway. The "
        "swap script checked that the index existed, not that it was complete.",
    ),
]


def load_reviews() -> int:
    """Draft and write the demo reviews that do not exist yet; returns how many were added."""
    people = {user.username: user for user in User.objects.all()}
    added = 0
    for title, edits, target in (
        (CERTIFICATE, CERTIFICATE_EDITS, Review.State.PUBLISHED),
        (SEARCH, SEARCH_EDITS, Review.State.IN_REVIEW),
    ):
        incident = Incident.objects.filter(title=title).first()
        if incident is None or Review.objects.filter(incident=incident).exists():
            continue
        _write(incident, edits, target, people)
        added += 1
    return added


def _write(incident: Incident, edits: list, target: str, people: dict[str, Any]) -> None:
    commander = incident.responders.filter(role="incident_commander").first()
    author = commander.user if commander else None
    review = draft_review(incident, author)
    for key, username, text in edits:
        section = review.sections.get(key=key)
        if key == "impact":
            # The draft lists the record's moments and ends on who was affected: answer it.
            section.append(people.get(username), text, "")
        else:
            section.save_body(people.get(username), text, section.version)
    review.transition_to(Review.State.IN_REVIEW, author)
    if target == Review.State.PUBLISHED:
        # Without the actions app's factors the demo review stays in review.
        with suppress(NotReady):
            review.transition_to(Review.State.PUBLISHED, author)
    elif "ben" in people and author is not None:
        section = review.sections.get(key="timeline")
        comment = Comment.objects.create(
            section=section,
            author=author,
            body="@ben could you add when the index build stopped, from the job logs?",
        )
        comment.record_mentions()
