"""The figures each report gives, checked against a history whose answers are known."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime, timedelta

import pytest
from django.urls import reverse

from unblame.incidents.models import Incident, Responder, Severity
from unblame.insights.models import SectionFigures
from unblame.insights.scope import month_range, percentile
from unblame.reviews.models import ReviewSection

from ..conftest import NOW
from .conftest import updated


def table(client, slug, block, **params):
    response = client.get(reverse("insights:csv", args=[slug, block]), params)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    return list(csv.reader(io.StringIO(response.content.decode())))


def row(rows, first):
    return next(r for r in rows if r[0] == first)


def test_percentiles_interpolate_between_ranks():
    assert percentile([], 0.5) is None
    assert percentile([7.0], 0.9) == 7.0
    assert percentile([1.0, 2.0, 3.0, 4.0], 0.5) == 2.5
    assert percentile([10.0, 0.0, 20.0, 30.0, 40.0, 50.0, 60.0, 70.0, 80.0, 90.0, 100.0], 0.9) == 90


def test_months_run_without_holes_across_years():
    assert month_range(["2025-11", "2026-02", ""]) == ["2025-11", "2025-12", "2026-01", "2026-02"]
    assert month_range([]) == []


def test_factor_categories_by_month(as_viewer, as_admin, history):
    assert table(as_viewer, "factors", "by-month") == [
        ["Month", "Change management"],
        ["2026-03", "1"],
    ]
    admin = table(as_admin, "factors", "by-month")
    assert admin[0] == ["Month", "Change management", "Zeta secrets"]
    assert admin[1] == ["2025-12", "0", "1"]
    assert len(admin) == 1 + 4  # December to March, the empty months included


def test_factor_categories_recurring_across_services(as_viewer, history, incident, editor, sev2):
    from unblame.actions.models import ContributingFactor, FactorCategory
    from unblame.incidents.models import Service

    other = Incident.objects.create(title="Search slow", severity=sev2, declared_at=NOW)
    other.services.add(Service.objects.create(name="search"))
    ContributingFactor.objects.create(
        incident=other,
        category=FactorCategory.objects.get(name="Change management"),
        description="A flag flipped everywhere at once.",
    )
    rows = table(as_viewer, "factors", "across-services")
    assert rows[0] == ["Category", "Incidents", "Services", "Recurring", "Last seen"]
    assert rows[1] == ["Change management", "2", "2", "yes", "2026-03-04"]


def test_response_times_by_month_severity_and_service(as_viewer, history):
    assert table(as_viewer, "response", "detect")[1:] == [["2026-03", "1", "10.0", "10.0"]]
    assert table(as_viewer, "response", "acknowledge")[1:] == [["2026-03", "1", "5.0", "5.0"]]
    assert table(as_viewer, "response", "resolve")[1:] == [["2026-03", "1", "60.0", "60.0"]]
    severity = table(as_viewer, "response", "by-severity")
    assert severity[1] == ["SEV2", "10.0", "10.0", "5.0", "5.0", "40.0", "40.0", "60.0", "60.0"]
    assert table(as_viewer, "response", "by-service")[1][0] == "checkout"


def test_median_and_p90_over_several_incidents(as_viewer, sev2):
    for detect in (10, 20, 30, 40, 100):
        Incident.objects.create(
            title="x",
            severity=sev2,
            declared_at=NOW,
            impact_started_at=NOW,
            detected_at=NOW + timedelta(minutes=detect),
        )
    assert table(as_viewer, "response", "detect")[1:] == [["2026-03", "5", "30.0", "76.0"]]


def test_filters_narrow_every_figure(as_viewer, history, sev2):
    Incident.objects.create(
        title="SEV4 thing",
        severity=Severity.objects.get(name="SEV4"),
        declared_at=NOW,
        impact_started_at=NOW,
        detected_at=NOW + timedelta(minutes=90),
    )
    assert table(as_viewer, "response", "detect")[1] == ["2026-03", "2", "50.0", "82.0"]
    sev4 = Severity.objects.get(name="SEV4").pk
    assert table(as_viewer, "response", "detect", severity=sev4)[1] == [
        "2026-03",
        "1",
        "90.0",
        "90.0",
    ]
    assert table(as_viewer, "response", "detect", since="2026-04-01") == [
        ["Month", "Incidents with both times", "Median (min)", "90th percentile (min)"]
    ]


def test_follow_through_completion_and_overdue(as_viewer, history):
    completion = table(as_viewer, "follow-through", "completion")
    assert completion[1] == ["2026-03", "2", "1", "1", "0", "50.0", "0"]
    overdue = table(as_viewer, "follow-through", "overdue")
    assert overdue[1:] == [["vic", "", "1", "1", "0"]]


def test_items_open_after_their_incident_closed(as_viewer, history, incident, editor):
    updated(Incident.objects.filter(pk=incident.pk), status="closed")
    assert table(as_viewer, "follow-through", "completion")[1][-1] == "1"
    response = as_viewer.get(reverse("insights:incidents"), {"items": "open_after_close"})
    assert f"/incidents/{incident.pk}/" in response.content.decode()


def test_the_share_that_changes_the_system(as_viewer, history):
    rows = table(as_viewer, "follow-through", "system-share")
    # "Add a canary stage" changes the system; "Be more careful …" asks people to try harder.
    assert rows[1] == ["2026-03", "2", "1", "1", "0", "50.0"]


def test_time_to_close_done_items(as_viewer, history):
    from unblame.actions.models import ActionItem

    item = ActionItem.objects.get(title="Add a canary stage")
    updated(
        ActionItem.objects.filter(pk=item.pk), created_at=NOW, closed_at=NOW + timedelta(days=4)
    )
    assert table(as_viewer, "follow-through", "time-to-close")[1:] == [
        ["2026-03", "1", "4.0", "4.0"]
    ]


def test_responder_load_in_each_persons_own_hours(as_admin, history):
    people = table(as_admin, "load", "people")
    # 12:00 UTC on a Wednesday is in ed's hours; 03:00 UTC is not, but is noon in Tokyo.
    # Hours: the public incident's hour (12:00-13:00 UTC) is all in ed's hours; the
    # restricted one ran 03:00-11:20 UTC: 6 of its 8.33 hours before 09:00 for ed (UTC),
    # 2.33 after 18:00 for samwise (12:00-20:20 in Tokyo).
    assert row(people, "ed")[3:] == ["2", "9.33", "1", "50.0", "6.0", "64.3"]
    assert row(people, "samwise")[2:] == ["Asia/Tokyo", "1", "8.33", "0", "0.0", "2.33", "28.0"]


def test_repeat_incident_commanders(as_viewer, history, editor, sev2):
    again = Incident.objects.create(title="Again", severity=sev2, declared_at=NOW)
    Responder.objects.create(incident=again, user=editor, role=Responder.Role.INCIDENT_COMMANDER)
    assert table(as_viewer, "load", "commanders")[1:] == [["ed", "", "2"]]


def test_review_health(as_viewer, history, sev2):
    assert table(as_viewer, "reviews", "time-to-publish")[1:] == [["2026-03", "1", "2.96", "2.96"]]
    Incident.objects.create(
        title="Old", severity=sev2, declared_at=NOW, resolved_at=datetime(2026, 1, 1, tzinfo=UTC)
    )
    assert table(as_viewer, "reviews", "overdue-reviews")[1:] == [["SEV2", "1", "0"]]


def test_writing_counts_findings_per_thousand_words(as_viewer, as_admin, history):
    rows = table(as_admin, "writing", "per-thousand-words")
    december = row(rows, "2025-12")
    # "Samwise should have noticed" is blame (columns 2 to 6 are the blame categories).
    assert sum(float(value) for value in december[2:7]) > 0
    clean = table(as_admin, "writing", "clean")
    assert row(clean, "2025-12")[1:3] == ["1", "0"]
    assert row(clean, "2026-03")[1:3] == ["1", "1"]
    assert [r[0] for r in table(as_viewer, "writing", "clean")[1:]] == ["2026-03"]


def test_writing_counts_each_section_version_once(as_admin, history):
    as_admin.get(reverse("insights:report", args=["writing"]))
    figures = {f.section_id: f.version for f in SectionFigures.objects.all()}
    assert figures
    for figure in SectionFigures.objects.select_related("section"):
        assert figure.version == figure.section.version


@pytest.mark.parametrize(
    "slug", ["factors", "response", "follow-through", "writing", "load", "reviews"]
)
def test_every_report_draws_its_charts_with_a_table(as_viewer, history, slug):
    html = as_viewer.get(reverse("insights:report", args=[slug])).content.decode()
    assert html.count("<svg") >= 1
    assert "<title id=" in html and "<desc id=" in html
    assert "<table>" in html
    assert f'href="/insights/{slug}/' in html and '.csv"' in html
    assert "<script" not in html.split("<main")[1]


def test_the_share_uses_the_same_rule_as_each_item(incident):
    from unblame.actions.models import ActionItem, changes_system

    samples = [
        ("prevent", "Add a canary stage", ""),
        ("process", "Be more careful with config pushes", ""),
        ("learn", "Run a game day on failover", ""),
        ("detect", "Alert on error rate", "Remind everyone to double-check dashboards."),
    ]
    for kind, title, description in samples:
        item = ActionItem(incident=incident, kind=kind, title=title, description=description)
        assert changes_system(kind, title, description) == item.changes_the_system, title
    assert [changes_system(*sample) for sample in samples] == [True, False, False, False]


def test_a_view_of_the_writing_report_reads_counts_and_never_counts_itself(as_viewer, history):
    from unblame.insights import rollups

    SectionFigures.objects.all().delete()
    url = reverse("insights:report", args=["writing"])
    as_viewer.get(url)
    assert SectionFigures.objects.count() == 0
    rollups.rebuild()
    published = ReviewSection.objects.filter(review__state="published").exclude(body="")
    assert SectionFigures.objects.count() == published.count() > 0
