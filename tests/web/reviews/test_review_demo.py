"""The demo dataset drafts two reviews: one published after a blameless rewrite, one in review."""

from datetime import UTC, datetime

from unblame.incidents.demo import load_demo
from unblame.reviews.demo import CERTIFICATE, SEARCH, load_reviews
from unblame.reviews.models import Mention, Review
from unblame.reviews.readiness import REQUIRED_SECTIONS, is_unwritten
from unblame.reviews.services import readiness
from unblame.reviews.summary import review_series

NOW = datetime(2026, 3, 4, 12, 0, tzinfo=UTC)


def test_the_demo_has_a_published_and_an_in_review_review(db):
    load_demo(now=NOW)
    assert Review.objects.get(incident__title=CERTIFICATE).state == "published"
    assert Review.objects.get(incident__title=SEARCH).state == "in_review"


def test_the_published_reviews_writing_got_more_blameless(db):
    load_demo(now=NOW)
    points = review_series(Review.objects.get(incident__title=CERTIFICATE))
    assert max(point.blame for point in points) > points[-1].blame == 0


def test_the_review_in_progress_has_a_mention(db):
    load_demo(now=NOW)
    assert Mention.objects.get().user.username == "ben"


def test_loading_again_adds_no_review(db):
    load_demo(now=NOW)
    assert load_reviews() == 0
    assert Review.objects.count() == 2


def test_the_published_review_has_every_required_section_written(db):
    load_demo(now=NOW)
    review = Review.objects.get(incident__title=CERTIFICATE)
    required = review.sections.filter(key__in=REQUIRED_SECTIONS)
    assert required.count() == len(REQUIRED_SECTIONS)
    assert not [section.key for section in required if is_unwritten(section.body, section.prompt)]
    assert readiness(review) == []
