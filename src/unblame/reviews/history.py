"""Reviews with text for generated history (incidents/history.py).

Writes in bulk the rows services.create_review writes one review at a time
(each section at version 1, the draft state recorded) and the later state
changes, minus the audit log: a hundred thousand reviews one by one would
take the better part of an hour. Closed incidents' reviews are published,
resolved ones' are in review or still a draft.
"""

from __future__ import annotations

import random
from datetime import timedelta
from typing import Any

from unblame.incidents import history_data
from unblame.incidents.models import Status
from unblame.reviews.models import (
    DEFAULT_SECTIONS,
    Review,
    ReviewSection,
    ReviewState,
    ReviewTemplate,
    SectionVersion,
    StateChange,
)

NOTE = "Generated history"


def add_reviews(rng: random.Random, stories: list[Any]) -> None:
    """A review for each reviewed story of one batch, with its sections and states."""
    template = ReviewTemplate.default()
    specs = template.section_specs() if template else list(DEFAULT_SECTIONS)
    reviewed = [story for story in stories if story.reviewed]
    reviews = [_review(rng, story, template) for story in reviewed]
    Review.objects.bulk_create(reviews)
    sections = [
        ReviewSection(
            review=review,
            key=key,
            title=title,
            prompt=prompt,
            body=history_data.REVIEW_TEXT.get(key, "").format(**story.words),
            position=position,
            updated_by=review.created_by,
            updated_at=review.updated_at,
        )
        for story, review in zip(reviewed, reviews, strict=True)
        for position, (key, title, prompt) in enumerate(specs)
    ]
    ReviewSection.objects.bulk_create(sections)
    SectionVersion.objects.bulk_create(
        SectionVersion(
            section=section,
            version=1,
            body=section.body,
            author=section.updated_by,
            created_at=section.updated_at,
            note=NOTE,
        )
        for section in sections
    )
    StateChange.objects.bulk_create(change for review in reviews for change in _states(review))


def _review(rng: random.Random, story: Any, template: ReviewTemplate | None) -> Review:
    created = story.incident.resolved_at + timedelta(hours=rng.randint(2, 48))
    if story.incident.status == Status.CLOSED:
        state = ReviewState.PUBLISHED
    else:
        state = rng.choice([ReviewState.DRAFT, ReviewState.IN_REVIEW])
    published = created + timedelta(days=rng.randint(1, 20)) if state == "published" else None
    return Review(
        incident=story.incident,
        template=template,
        state=state,
        created_by=story.commander,
        created_at=created,
        updated_at=published or created,
        published_at=published,
    )


def _states(review: Review) -> list[StateChange]:
    path = [("", ReviewState.DRAFT, review.created_at)]
    if review.state != ReviewState.DRAFT:
        path.append((ReviewState.DRAFT, ReviewState.IN_REVIEW, review.created_at))
    if review.published_at:
        path.append((ReviewState.IN_REVIEW, ReviewState.PUBLISHED, review.published_at))
    return [
        StateChange(review=review, from_state=old, to_state=new, actor=review.created_by, at=at)
        for old, new, at in path
    ]
