"""Each report's figures on small hand-built histories whose answers are worked out by hand.

The history of tests/web/insights/history.py has one incident per side;
these build several per figure so that medians, 90th percentiles, shares
and sums have something to disagree about. Every expected number below is
worked out in the comment beside it.
"""

from __future__ import annotations

import csv
import io
from datetime import UTC, date, datetime, timedelta

from django.urls import reverse
from django.utils import timezone

from unblame.actions.models import ActionItem, ContributingFactor, FactorCategory
from unblame.incidents.models import Incident, Responder, Service, Severity
from unblame.reviews.models import Review, ReviewState

from ..conftest import NOW, make_user
from .conftest import updated


def table(client, slug, block, **params):
    response = client.get(reverse("insights:csv", args=[slug, block]), params)
    assert response.status_code == 200
    assert response["Content-Disposition"] == (
        f'attachment; filename="insights-{slug}-{block}.csv"'
    )
    return list(csv.reader(io.StringIO(response.content.decode())))


def row(rows, first):
    return next(r for r in rows if r[0] == first)


def declare(title, at, severity=None, services=(), restricted=False, **minutes_after):
    """An incident declared (and its impact started) at `at`; key moments in minutes after."""
    incident = Incident.objects.create(
        title=title,
        severity=severity or Severity.objects.get(name="SEV2"),
        declared_at=at,
        impact_started_at=at,
        restricted=restricted,
        **{f"{name}_at": at + timedelta(minutes=m) for name, m in minutes_after.items()},
    )
    for name in services:
        incident.services.add(Service.objects.get_or_create(name=name)[0])
    return incident


def category(name):
    return FactorCategory.objects.get(name=name)


# -- Recurring contributing factors --------------------------------------------------------


def test_an_incident_counts_once_per_category_however_many_factors(as_viewer, db):
    first = declare("One", NOW, services=["checkout"])
    for text in ("Canary skipped.", "Config pushed everywhere.", "No rollback plan."):
        ContributingFactor.objects.create(
            incident=first, category=category("Change management"), description=text
        )
    rows = table(as_viewer, "factors", "across-services")
    assert rows[1:] == [["Change management", "1", "1", "no", "2026-03-04"]]


def test_categories_by_month_keep_the_empty_months_and_order_by_total(as_viewer, db):
    january = declare("Jan", datetime(2026, 1, 5, tzinfo=UTC))
    april = declare("Apr", datetime(2026, 4, 5, tzinfo=UTC))
    april_too = declare("Apr too", datetime(2026, 4, 6, tzinfo=UTC))
    for incident in (january, april, april_too):
        ContributingFactor.objects.create(
            incident=incident, category=category("Testing"), description="No test."
        )
    ContributingFactor.objects.create(
        incident=april, category=category("Change management"), description="Canary."
    )
    assert table(as_viewer, "factors", "by-month") == [
        # Testing (3 incidents) comes before Change management (1).
        ["Month", "Testing", "Change management"],
        ["2026-01", "1", "0"],
        ["2026-02", "0", "0"],
        ["2026-03", "0", "0"],
        ["2026-04", "2", "1"],
    ]
    across = table(as_viewer, "factors", "across-services")
    assert across[1] == ["Testing", "3", "0", "yes", "2026-04-06"]


def test_last_seen_is_the_viewers_own_date(db):
    tokyo = make_user("kenji", "viewer", timezone="Asia/Tokyo")
    client = _client(tokyo)
    # 20:00 UTC on 31 March is 05:00 on 1 April in Tokyo.
    late = declare("Late", datetime(2026, 3, 31, 20, 0, tzinfo=UTC))
    ContributingFactor.objects.create(incident=late, category=category("Testing"), description="x")
    assert table(client, "factors", "across-services")[1][-1] == "2026-04-01"
    assert table(client, "factors", "by-month")[1:] == [["2026-04", "1"]]


# -- Months and date filters in the viewer's own time zone ------------------------------------


def _client(user):
    from django.test import Client

    client = Client()
    client.force_login(user)
    return client


def test_months_are_those_of_the_viewers_time_zone(db):
    declare("Edge", datetime(2026, 3, 31, 20, 0, tzinfo=UTC), detected=10)
    utc = _client(make_user("uma", "viewer", timezone="UTC"))
    tokyo = _client(make_user("kenji", "viewer", timezone="Asia/Tokyo"))
    new_york = _client(make_user("nora", "viewer", timezone="America/New_York"))
    assert table(utc, "response", "detect")[1][0] == "2026-03"
    assert table(tokyo, "response", "detect")[1][0] == "2026-04"
    assert table(new_york, "response", "detect")[1][0] == "2026-03"


def test_a_date_filter_means_the_viewers_own_day(db):
    declare("Edge", datetime(2026, 3, 31, 20, 0, tzinfo=UTC), detected=10)
    utc = _client(make_user("uma", "viewer", timezone="UTC"))
    tokyo = _client(make_user("kenji", "viewer", timezone="Asia/Tokyo"))
    # In Tokyo it was declared on 1 April; in UTC on 31 March.
    assert len(table(tokyo, "response", "detect", since="2026-04-01")) == 2
    assert len(table(utc, "response", "detect", since="2026-04-01")) == 1
    # "until" takes in the whole of its day.
    assert len(table(utc, "response", "detect", until="2026-03-31")) == 2
    assert len(table(tokyo, "response", "detect", until="2026-03-31")) == 1


def test_two_admins_in_different_zones_each_get_their_own_months(db):
    # Admins share kept results; the time zone is part of what is kept apart.
    declare("Edge", datetime(2026, 3, 31, 20, 0, tzinfo=UTC), detected=10)
    london = _client(make_user("ann", "admin", timezone="UTC"))
    tokyo = _client(make_user("aki", "admin", timezone="Asia/Tokyo"))
    assert table(london, "response", "detect")[1][0] == "2026-03"
    assert table(tokyo, "response", "detect")[1][0] == "2026-04"
    assert table(london, "response", "detect")[1][0] == "2026-03"


# -- Time to detect, acknowledge, mitigate and resolve ------------------------------------------


def test_a_time_is_counted_only_when_both_ends_are_known_and_in_order(as_viewer, db):
    declare("Both", NOW, detected=12)
    declare("No detection", NOW)
    backwards = declare("Backwards", NOW)
    # Detected before impact started: an entry mistake, not a negative time.
    updated(Incident.objects.filter(pk=backwards.pk), detected_at=NOW - timedelta(minutes=5))
    assert table(as_viewer, "response", "detect")[1:] == [["2026-03", "1", "12.0", "12.0"]]


def test_acknowledge_is_measured_from_detection_not_from_impact(as_viewer, db):
    declare("A", NOW, detected=30, acknowledged=35, mitigated=50, resolved=120)
    assert table(as_viewer, "response", "acknowledge")[1][2] == "5.0"
    assert table(as_viewer, "response", "mitigate")[1][2] == "50.0"
    assert table(as_viewer, "response", "resolve")[1][2] == "120.0"


def test_an_incident_on_two_services_counts_for_each(as_viewer, db):
    declare("Both services", NOW, services=["checkout", "search"], detected=10)
    declare("Search only", NOW, services=["search"], detected=30)
    rows = table(as_viewer, "response", "by-service")
    assert rows[0][:3] == ["Service", "Time to detect median (min)", "Time to detect p90 (min)"]
    assert row(rows, "checkout")[1:3] == ["10.0", "10.0"]
    # 10 and 30: median 20, p90 10 + 0.9 * 20 = 28.
    assert row(rows, "search")[1:3] == ["20.0", "28.0"]
    # Times nobody recorded are empty cells, not zeros.
    assert row(rows, "search")[3:] == ["", "", "", "", "", ""]


def test_by_severity_keeps_each_severity_apart(as_viewer, db):
    sev1 = Severity.objects.get(name="SEV1")
    declare("Big", NOW, severity=sev1, detected=2, resolved=30)
    declare("Big again", NOW, severity=sev1, detected=4, resolved=90)
    declare("Small", NOW, detected=60, resolved=600)
    rows = table(as_viewer, "response", "by-severity")
    # SEV1 resolve: 30 and 90, median 60, p90 84.
    assert row(rows, "SEV1") == ["SEV1", "3.0", "3.8", "", "", "", "", "60.0", "84.0"]
    assert row(rows, "SEV2") == ["SEV2", "60.0", "60.0", "", "", "", "", "600.0", "600.0"]


def test_months_without_a_time_show_no_value_between_months_that_have_one(as_viewer, db):
    declare("Jan", datetime(2026, 1, 10, tzinfo=UTC), detected=10)
    declare("Mar", datetime(2026, 3, 10, tzinfo=UTC), detected=20)
    assert table(as_viewer, "response", "detect")[1:] == [
        ["2026-01", "1", "10.0", "10.0"],
        ["2026-02", "0", "", ""],
        ["2026-03", "1", "20.0", "20.0"],
    ]


def test_service_and_severity_filters_narrow_the_times(as_viewer, db):
    sev1 = Severity.objects.get(name="SEV1")
    declare("Checkout", NOW, services=["checkout"], detected=10)
    declare("Search", NOW, services=["search"], severity=sev1, detected=50)
    search = Service.objects.get(name="search").pk
    assert table(as_viewer, "response", "detect", service=search)[1][1:] == ["1", "50.0", "50.0"]
    assert table(as_viewer, "response", "detect", severity=sev1.pk)[1][1:] == [
        "1",
        "50.0",
        "50.0",
    ]
    # Both together: one incident; service of the other: none.
    checkout = Service.objects.get(name="checkout").pk
    assert len(table(as_viewer, "response", "detect", service=checkout, severity=sev1.pk)) == 1


def test_the_team_filter_takes_the_incidents_a_member_responded_to(as_viewer, db):
    member = make_user("pat", "editor", team="payments")
    theirs = declare("Theirs", NOW, detected=40)
    declare("Not theirs", NOW, detected=4)
    Responder.objects.create(incident=theirs, user=member)
    assert table(as_viewer, "response", "detect", team="payments")[1][1:] == [
        "1",
        "40.0",
        "40.0",
    ]
    # 4 and 40 unfiltered: median 22.
    assert table(as_viewer, "response", "detect")[1][2] == "22.0"


# -- Follow-through on action items ---------------------------------------------------------


def _items(incident, *statuses, **extra):
    return [
        ActionItem.objects.create(incident=incident, title=f"Item {n}", status=status, **extra)
        for n, status in enumerate(statuses)
    ]


def test_completion_leaves_dropped_items_out_of_the_share(as_viewer, db):
    incident = declare("Items", NOW)
    _items(incident, "done", "wont_do", "open", "in_progress")
    # Done 1 of the 3 not dropped: 33.3%.
    assert table(as_viewer, "follow-through", "completion")[1] == [
        "2026-03",
        "4",
        "1",
        "2",
        "1",
        "33.3",
        "0",
    ]


def test_a_month_whose_items_were_all_dropped_has_no_completion_share(as_viewer, db):
    _items(declare("Dropped", NOW), "wont_do", "wont_do")
    assert table(as_viewer, "follow-through", "completion")[1][5] == ""


def test_open_after_close_counts_only_open_items_of_closed_incidents(as_viewer, db):
    closed = declare("Closed", NOW)
    updated(Incident.objects.filter(pk=closed.pk), status="closed")
    _items(closed, "open", "in_progress", "done", "wont_do")
    _items(declare("Still open", NOW), "open")
    assert table(as_viewer, "follow-through", "completion")[1][-1] == "2"


def test_overdue_is_per_owner_with_nobody_for_unowned_items(as_viewer, db):
    incident = declare("Items", NOW)
    pat = make_user("pat", "editor", team="payments")
    lou = make_user("lou", "editor", team="search")
    dee = make_user("dee", "editor")
    late, never = date(2026, 1, 1), date(2099, 1, 1)
    _items(incident, "open", "in_progress", owner=pat, due_date=late)
    _items(incident, "open", owner=pat, due_date=never)
    _items(incident, "open", owner=lou, due_date=never)
    _items(incident, "open", due_date=late)  # nobody's
    _items(incident, "done", owner=dee, due_date=late)  # done is never overdue
    _items(incident, "open", owner=lou, due_date=timezone.localdate())  # due today is not late
    rows = table(as_viewer, "follow-through", "overdue")
    assert rows[1:] == [
        ["pat", "payments", "3", "2", "0"],
        ["Nobody", "", "1", "1", "0"],
        ["lou", "search", "2", "0", "0"],
    ]


def test_the_overdue_chart_sums_each_team(as_viewer, db):
    incident = declare("Items", NOW)
    late = date(2026, 1, 1)
    for name in ("pat", "sam"):
        _items(incident, "open", owner=make_user(name, "editor", team="payments"), due_date=late)
    _items(incident, "open", due_date=late)
    html = as_viewer.get(reverse("insights:report", args=["follow-through"])).content.decode()
    overdue = html.split('id="items-overdue-title"')[1].split("</svg>")[0]
    assert "payments: Overdue: 2 items" in overdue
    # Nobody's items have no team to drill into: a bar without a link.
    assert "<title>Overdue: 1 items</title>" in overdue
    assert ">No team</text>" in overdue
    assert overdue.count("<a href=") == 1


def test_the_share_leaves_dropped_items_out_and_counts_learning_apart(as_viewer, db):
    incident = declare("Items", NOW)
    ActionItem.objects.create(incident=incident, title="Add a canary stage", kind="prevent")
    ActionItem.objects.create(incident=incident, title="Alert on error rate", kind="detect")
    ActionItem.objects.create(incident=incident, title="Be more careful", kind="process")
    ActionItem.objects.create(incident=incident, title="Run a game day", kind="learn")
    ActionItem.objects.create(
        incident=incident, title="Add a retry budget", kind="prevent", status="wont_do"
    )
    # Four not dropped: 2 change the system (50%), 1 try harder, 1 learning.
    assert table(as_viewer, "follow-through", "system-share")[1] == [
        "2026-03",
        "4",
        "2",
        "1",
        "1",
        "50.0",
    ]


def test_time_to_close_is_in_days_with_median_and_p90(as_viewer, db):
    incident = declare("Items", NOW)
    for n, days in enumerate((1, 3, 11)):
        item = ActionItem.objects.create(incident=incident, title=f"Fix {n}", status="done")
        updated(
            ActionItem.objects.filter(pk=item.pk),
            created_at=NOW,
            closed_at=NOW + timedelta(days=days),
        )
    ActionItem.objects.create(incident=incident, title="Still open")
    # 1, 3, 11: median 3; p90 at rank 1.8 is 3 + 0.8 * 8 = 9.4.
    assert table(as_viewer, "follow-through", "time-to-close")[1:] == [
        ["2026-03", "3", "3.0", "9.4"]
    ]


# -- Responder load, each in their own hours ------------------------------------------------


def _respond(user, at, minutes=None, role=Responder.Role.RESPONDER):
    incident = declare(f"At {at.isoformat()}", at)
    if minutes is not None:
        updated(
            Incident.objects.filter(pk=incident.pk), resolved_at=at + timedelta(minutes=minutes)
        )
    Responder.objects.create(incident=incident, user=user, role=role)
    return incident


def test_working_hours_follow_the_persons_zone_through_daylight_saving(as_admin, db):
    nora = make_user("nora", "editor", timezone="America/New_York", team="payments")
    # Monday 12 January 13:30 UTC is 08:30 in New York (EST): out of hours.
    _respond(nora, datetime(2026, 1, 12, 13, 30, tzinfo=UTC), minutes=90)
    # Monday 13 July 13:30 UTC is 09:30 in New York (EDT): in hours.
    _respond(nora, datetime(2026, 7, 13, 13, 30, tzinfo=UTC), minutes=90)
    # Saturday 11 July 15:00 UTC is 11:00 on a Saturday: out of hours.
    _respond(nora, datetime(2026, 7, 11, 15, 0, tzinfo=UTC), minutes=90)
    # Friday 17 July 22:00 UTC is 18:00, the end of the day: out of hours; never resolved.
    _respond(nora, datetime(2026, 7, 17, 22, 0, tzinfo=UTC))
    people = table(as_admin, "load", "people")
    assert row(people, "nora") == [
        "nora",
        "payments",
        "America/New_York",
        "4",
        "4.5",  # three resolved after 90 minutes; the open one adds nothing
        "3",
        "75.0",
        # Hours out: 08:30-09:00 of January's (30 min), none of July's Monday, all 90
        # minutes of the Saturday's, nothing of the open one: 2 of 4.5 hours.
        "2.0",
        "44.4",
    ]


def test_declared_in_hours_but_open_all_night_counts_its_night_hours_out(as_admin, db):
    lena = make_user("lena", "editor", timezone="Europe/London", team="sre")
    # Friday 6 March 17:30 GMT, resolved Saturday 05:30: declared in hours, so not counted
    # as declared out of hours; of its 12 hours only 17:30-18:00 was working time.
    _respond(lena, datetime(2026, 3, 6, 17, 30, tzinfo=UTC), minutes=12 * 60)
    # Thursday 5 March 08:00 to Monday 9 March 10:00 GMT (98 hours): Thursday's and
    # Friday's 9 working hours and Monday's 9:00-10:00 were working, 19 hours; 79 out.
    _respond(lena, datetime(2026, 3, 5, 8, tzinfo=UTC), minutes=98 * 60)
    people = table(as_admin, "load", "people")
    assert people[0][5:] == [
        "Incidents declared out of hours",
        "Incidents declared out of hours %",
        "Hours out of working hours",
        "Hours out of working hours %",
    ]
    # 110 hours, 11.5 + 79 = 90.5 of them out: 82.3 %; one incident of two declared out.
    assert row(people, "lena")[3:] == ["2", "110.0", "1", "50.0", "90.5", "82.3"]
    assert row(table(as_admin, "load", "teams"), "sre")[1:] == [
        "2",
        "110.0",
        "1",
        "50.0",
        "90.5",
        "82.3",
    ]


def test_the_charts_and_tables_say_which_share_is_which(as_admin, db):
    nora = make_user("nora", "editor", timezone="America/New_York")
    _respond(nora, datetime(2026, 7, 11, 15, 0, tzinfo=UTC), minutes=90)  # a Saturday
    html = as_admin.get(reverse("insights:report", args=["load"])).content.decode()
    assert "Incident hours per person, in and out of their working hours" in html
    assert "Hours out of working hours" in html and "Incidents declared out of hours" in html
    assert "Monday to Friday, 9:00 to 18:00 in their own time zone" in html
    assert "whenever the incident began" in html


def test_teams_sum_their_members_and_people_without_a_team_are_together(as_admin, db):
    nora = make_user("nora", "editor", timezone="America/New_York", team="payments")
    bert = make_user("bert", "editor", timezone="Europe/Berlin", team="payments")
    solo = make_user("solo", "editor", timezone="UTC")
    monday = datetime(2026, 7, 13, 13, 30, tzinfo=UTC)  # 09:30 NY, 15:30 Berlin, 13:30 UTC
    shared = _respond(nora, monday, minutes=60)
    Responder.objects.create(incident=shared, user=bert)
    _respond(bert, datetime(2026, 7, 13, 20, 0, tzinfo=UTC), minutes=30)  # 22:00 in Berlin
    _respond(solo, datetime(2026, 7, 12, 10, 0, tzinfo=UTC), minutes=120)  # a Sunday
    teams = table(as_admin, "load", "teams")
    # payments: nora 1 + bert 2 responder incidents, 1 + 1 + 0.5 hours, bert's evening out
    # (declared out of hours, and its half hour out of hours); solo's Sunday all out.
    assert teams[1:] == [
        ["payments", "3", "2.5", "1", "33.3", "0.5", "20.0"],
        ["No team", "1", "2.0", "1", "100.0", "2.0", "100.0"],
    ]


def test_an_unknown_time_zone_is_read_as_utc(as_admin, db):
    odd = make_user("odd", "editor")
    updated(type(odd).objects.filter(pk=odd.pk), timezone="Mars/Olympus")
    _respond(odd, datetime(2026, 7, 13, 10, 0, tzinfo=UTC))  # Monday 10:00 UTC: in hours
    # Never resolved: no hours, so no share of them out of hours.
    assert row(table(as_admin, "load", "people"), "odd")[3:] == ["1", "0.0", "0", "0.0", "0.0", ""]


def test_commanders_of_one_incident_are_not_listed(as_viewer, db):
    once, twice = make_user("once", "editor"), make_user("twice", "editor", team="sre")
    commander = Responder.Role.INCIDENT_COMMANDER
    _respond(once, NOW, role=commander)
    _respond(twice, NOW, role=commander)
    _respond(twice, NOW + timedelta(days=1), role=commander)
    _respond(once, NOW + timedelta(days=2))  # responding is not commanding
    assert table(as_viewer, "load", "commanders")[1:] == [["twice", "sre", "2"]]


# -- Review health ------------------------------------------------------------------------------


def _reviewed(title, resolved, published=None, state=ReviewState.PUBLISHED, severity=None):
    incident = declare(title, resolved - timedelta(hours=1), severity=severity)
    updated(Incident.objects.filter(pk=incident.pk), resolved_at=resolved)
    if state is not None:
        Review.objects.create(incident=incident, state=state, published_at=published)
    return incident


def test_time_to_publish_in_days_and_never_below_zero(as_viewer, db):
    resolved = datetime(2026, 3, 10, tzinfo=UTC)
    for days in (1, 2, 10):
        _reviewed(f"After {days}", resolved, resolved + timedelta(days=days))
    # Published before the incident was marked resolved counts as 0 days.
    _reviewed("Early", resolved, resolved - timedelta(days=1))
    # 0, 1, 2, 10: median 1.5; p90 at rank 2.7 is 2 + 0.7 * 8 = 7.6.
    assert table(as_viewer, "reviews", "time-to-publish")[1:] == [["2026-03", "4", "1.5", "7.6"]]


def test_overdue_reviews_by_severity_and_how_many_were_started(as_viewer, db):
    sev1 = Severity.objects.get(name="SEV1")
    long_ago = timezone.now() - timedelta(days=20)
    _reviewed("Never started", long_ago, state=None, severity=sev1)
    _reviewed("Draft", long_ago, state=ReviewState.DRAFT, severity=sev1)
    _reviewed("Published", long_ago, long_ago + timedelta(days=1))
    _reviewed("Recent", timezone.now() - timedelta(days=5), state=None)
    _reviewed("Draft SEV2", long_ago, state=ReviewState.DRAFT)
    assert table(as_viewer, "reviews", "overdue-reviews")[1:] == [
        ["SEV1", "2", "1"],
        ["SEV2", "1", "1"],
    ]


# -- How blameless the writing is -----------------------------------------------------------


def _published_review(incident, editor):
    from unblame.reviews.services import draft_review

    review = draft_review(incident, editor)
    updated(
        Review.objects.filter(pk=review.pk),
        state=ReviewState.PUBLISHED,
        published_at=incident.declared_at + timedelta(days=2),
    )
    return review


def _figures(review, **by_key):
    """Set the counted figures of a review's sections (the rest become empty and clean)."""
    from unblame.insights.models import SectionFigures
    from unblame.insights.writing import count_missing

    sections = review.sections.exclude(body="")
    count_missing(sections, limit=None)
    zero = dict.fromkeys(("words", "rewritten", *_categories()), 0)
    updated(SectionFigures.objects.filter(section__review=review), **zero)
    for key, values in by_key.items():
        section = review.sections.get(key=key)
        if not section.body:
            section.save_body(None, "Some words.", section.version)
            count_missing(review.sections.filter(pk=section.pk), limit=None)
        updated(SectionFigures.objects.filter(section__review=review, section__key=key), **values)


def _categories():
    from unblame.insights.writing import CATEGORIES

    return CATEGORIES


def test_findings_per_thousand_words_sum_every_section_of_the_month(as_viewer, editor, db):
    review = _published_review(declare("Written", NOW), editor)
    _figures(
        review,
        impact={"words": 400, "blame_other": 2, "root_cause": 1},
        summary={"words": 100, "try_harder": 1},
    )
    rows = table(as_viewer, "writing", "per-thousand-words")
    assert rows[0][:3] == ["Month", "Words", "Blaming others"]
    # 500 words: 2 blame findings is 4.0 per 1,000; one try-harder and one root cause 2.0.
    header, march = rows[0], rows[1]
    by_name = dict(zip(header, march, strict=True))
    assert by_name["Words"] == "500"
    assert by_name["Blaming others"] == "4.0"
    assert by_name["“Try harder” remedies"] == "2.0"
    assert by_name["Single root cause"] == "2.0"
    assert by_name["Self-blame"] == "0.0"


def test_a_review_is_clean_when_no_section_has_blame(as_viewer, editor, sev2, db):
    blamed = _published_review(declare("Blamed", NOW), editor)
    clean = _published_review(declare("Clean", NOW + timedelta(days=1)), editor)
    styled = _published_review(declare("Styled", NOW + timedelta(days=2)), editor)
    _figures(blamed, impact={"words": 100, "counterfactual": 1})
    _figures(clean, impact={"words": 100})
    # Root cause and hindsight are style advice, not blame.
    _figures(styled, impact={"words": 100, "root_cause": 3, "hindsight": 1})
    assert table(as_viewer, "writing", "clean")[1:] == [["2026-03", "3", "2", "66.7"]]


def test_rewritten_and_acknowledged_findings_by_month(as_viewer, editor, db):
    from unblame.reviews.models import FindingAcknowledgement

    review = _published_review(declare("Rewritten", NOW), editor)
    _figures(review, impact={"words": 100, "rewritten": 3})
    FindingAcknowledgement.objects.create(
        review=review, target="factor:1:description", rule="UB101", quote="x", reason="Quoted."
    )
    section = review.sections.get(key="impact")
    FindingAcknowledgement.objects.create(
        section=section, rule="UB301", quote="y", reason="A quote from the pager."
    )
    assert table(as_viewer, "writing", "rewritten")[1:] == [["2026-03", "3", "2"]]


def test_drafts_are_not_counted_in_the_writing(as_viewer, editor, db):
    from unblame.reviews.services import draft_review

    draft = draft_review(declare("Draft", NOW), editor)
    section = draft.sections.get(key="impact")
    section.save_body(editor, "Dana should have checked the canary.", section.version)
    assert len(table(as_viewer, "writing", "per-thousand-words")) == 1
    assert len(table(as_viewer, "writing", "clean")) == 1


def test_a_restricted_reviews_writing_counts_only_for_who_may_see_it(
    as_viewer, as_admin, editor, db
):
    public = _published_review(declare("Public", NOW), editor)
    secret = _published_review(declare("Secret", NOW, restricted=True), editor)
    _figures(public, impact={"words": 100})
    _figures(secret, impact={"words": 900, "blame_other": 9})
    assert row(table(as_viewer, "writing", "per-thousand-words"), "2026-03")[1:3] == ["100", "0.0"]
    # 9 findings in 1,000 words.
    assert row(table(as_admin, "writing", "per-thousand-words"), "2026-03")[1:3] == ["1000", "9.0"]
    assert table(as_viewer, "writing", "clean")[1] == ["2026-03", "1", "1", "100.0"]
    assert table(as_admin, "writing", "clean")[1] == ["2026-03", "2", "1", "50.0"]


def test_an_incident_declared_after_it_was_resolved_adds_no_negative_hours(as_admin, db):
    # Declared for its review an hour after it was over: no hours of response, not minus one.
    nora = make_user("nora", "editor", timezone="UTC")
    _respond(nora, datetime(2026, 7, 13, 10, 0, tzinfo=UTC), minutes=90)
    late = _respond(nora, datetime(2026, 7, 14, 12, 0, tzinfo=UTC))
    updated(
        Incident.objects.filter(pk=late.pk),
        impact_started_at=datetime(2026, 7, 14, 10, 0, tzinfo=UTC),
        resolved_at=datetime(2026, 7, 14, 11, 0, tzinfo=UTC),
    )
    assert row(table(as_admin, "load", "people"), "nora")[3:5] == ["2", "1.5"]
    assert table(as_admin, "load", "teams")[1][:3] == ["No team", "2", "1.5"]
