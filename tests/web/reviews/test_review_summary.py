"""The findings summary: by category, per save, with an inline SVG chart."""

from django.urls import reverse

from unblame.reviews.models import SectionVersion
from unblame.reviews.summary import review_series, verdict

from .conftest import save


def test_the_draft_is_one_point_and_each_save_adds_one(review, editor, dana):
    assert len(review_series(review)) == 1
    save(review, "timeline", "Dana broke checkout. It was human error.", editor)
    save(review, "timeline", "A config push reached checkout without a canary.", editor)
    points = review_series(review)
    assert len(points) == 3
    assert points[1].counts["blame_other"] == 1
    assert points[1].counts["human_error"] == 1
    assert points[2].blame == 0
    assert points[2].sections == ["Timeline v3"]


def test_each_point_counts_every_section_as_it_stood(review, editor):
    save(review, "summary", "It was human error.", editor)
    save(review, "learnings", "Obviously, anyone could have seen the disk filling up.", editor)
    last = review_series(review)[-1]
    assert last.counts["human_error"] == 1
    assert last.counts["hindsight"] == 1
    assert last.counts["counterfactual"] == 1


def test_counts_are_cached_on_each_version(review, editor):
    review_series(review)
    assert not SectionVersion.objects.filter(finding_counts__isnull=True).exists()


def test_the_verdict_says_whether_the_writing_got_more_blameless(review, editor):
    save(review, "summary", "It was human error.", editor)
    first_blaming = review_series(review)
    assert "went up" in verdict(first_blaming)
    save(review, "summary", "A retry storm overloaded the database.", editor)
    points = review_series(review)
    assert verdict(points).startswith("Blame findings unchanged")
    assert verdict(points[:1]).startswith("Only the draft")


def test_the_page_shows_a_table_and_an_svg_chart(as_viewer, incident, review, editor):
    save(review, "summary", "It was human error.", editor)
    page = as_viewer.get(reverse("reviews:summary", args=[incident.pk])).content.decode()
    assert '<svg class="findings-chart"' in page
    assert "<title>“Human error”: 1</title>" in page
    assert "Blame findings went up, from 0 in the draft to 1 now." in page
    assert "<script" not in page.split("<main", 1)[1].split("</main>", 1)[0]


def test_an_outsider_gets_404_on_a_restricted_summary(as_outsider, restricted, restricted_review):
    assert as_outsider.get(reverse("reviews:summary", args=[restricted.pk])).status_code == 404
