"""Report figures against a plain Python reading of the same incidents, on generated histories.

Reports count in SQL (insights.sql: local months, minutes between
moments); here the same figures are worked out from the model objects one
by one, with datetime arithmetic in the viewer's zone, and the two must
agree for any history. This pins the figures while the queries are made faster.
"""

from __future__ import annotations

import csv
import io
import zoneinfo
from collections import defaultdict
from datetime import UTC, datetime, timedelta

from django.db import transaction
from django.test import Client
from fuzzing import examples
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from unblame.incidents.models import Incident, Responder, Severity
from unblame.insights.scope import month_range, percentile

from ..conftest import make_user
from .conftest import updated

START = datetime(2025, 10, 1, tzinfo=UTC)
ZONES = ["UTC", "Asia/Tokyo", "America/New_York", "Australia/Lord_Howe"]

incidents = st.lists(
    st.tuples(
        st.integers(0, 60 * 24 * 240),  # declared, minutes after START (into 2026's summer)
        st.one_of(st.none(), st.integers(0, 600)),  # detected, minutes after impact
        st.sampled_from(["SEV1", "SEV2", "SEV3"]),
        st.one_of(st.none(), st.integers(-120, 3000)),  # resolved, minutes after declared
    ),
    min_size=1,
    max_size=10,
)

PROPERTY = settings(
    max_examples=examples(25),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)


def _csv(client, slug, block):
    response = client.get(f"/insights/{slug}/{block}.csv")
    assert response.status_code == 200
    return list(csv.reader(io.StringIO(response.content.decode())))


def _figure(value):
    return "" if value is None else str(round(value, 2))


def _same_rows(written, expected):
    """Table rows equal, figures to within the CSV's rounding (SQL and Python may straddle it)."""
    assert len(written) == len(expected), (written, expected)
    for got, want in zip(written, expected, strict=True):
        assert got[:2] == want[:2], (got, want)
        for a, b in zip(got[2:], want[2:], strict=True):
            assert (a == b == "") or abs(float(a) - float(b)) <= 0.0100001, (got, want)


def _build(history):
    made = []
    for declared, detected, severity, resolved in history:
        at = START + timedelta(minutes=declared)
        made.append(
            Incident.objects.create(
                title="Generated",
                severity=Severity.objects.get(name=severity),
                declared_at=at,
                impact_started_at=at,
                detected_at=None if detected is None else at + timedelta(minutes=detected),
                resolved_at=None if resolved is None else at + timedelta(minutes=resolved),
            )
        )
    return made


@PROPERTY
@given(history=incidents, zone=st.sampled_from(ZONES))
def test_time_to_detect_by_month_is_the_median_and_p90_of_each_local_month(db, history, zone):
    with transaction.atomic():
        made = _build(history)
        viewer = make_user("reader", "viewer", timezone=zone)
        client = Client()
        client.force_login(viewer)
        local = zoneinfo.ZoneInfo(zone)
        by_month = defaultdict(list)
        for incident in made:
            if incident.detected_at is not None:
                month = incident.declared_at.astimezone(local).strftime("%Y-%m")
                delta = incident.detected_at - incident.impact_started_at
                by_month[month].append(delta.total_seconds() / 60)
        expected = [
            [m, str(len(by_month[m])), *(_figure(percentile(by_month[m], s)) for s in (0.5, 0.9))]
            for m in month_range(by_month)
        ]
        assert _csv(client, "response", "detect")[1:] == expected
        transaction.set_rollback(True)


@PROPERTY
@given(history=incidents, zone=st.sampled_from(ZONES))
def test_responder_hours_and_out_of_hours_follow_each_incident(db, history, zone):
    with transaction.atomic():
        made = _build(history)
        person = make_user("responder", "editor", timezone=zone)
        admin = make_user("boss", "admin")
        for incident in made:
            Responder.objects.create(incident=incident, user=person)
        client = Client()
        client.force_login(admin)
        local = zoneinfo.ZoneInfo(zone)
        hours = 0.0 + sum(
            max((i.resolved_at - i.declared_at).total_seconds(), 0) / 3600
            for i in made
            if i.resolved_at is not None
        )
        out = 0
        out_hours = 0.0
        for incident in made:
            at = incident.declared_at.astimezone(local)
            out += not (at.isoweekday() <= 5 and 9 <= at.hour < 18)
            # Each minute of a resolved incident read on the person's wall clock.
            minute = incident.declared_at
            while incident.resolved_at is not None and minute < incident.resolved_at:
                wall = minute.astimezone(local)
                if not (wall.isoweekday() <= 5 and 9 <= wall.hour < 18):
                    out_hours += 1 / 60
                minute += timedelta(minutes=1)
        [row] = [r for r in _csv(client, "load", "people")[1:] if r[0] == "responder"]
        assert row[2:6] == [zone, str(len(made)), _figure(hours), str(out)]
        assert abs(float(row[7]) - out_hours) <= 0.0100001, (row, out_hours)
        transaction.set_rollback(True)


items = st.lists(
    st.tuples(
        st.integers(0, 9),  # which incident
        st.sampled_from(["open", "in_progress", "done", "wont_do"]),
        st.sampled_from(["Testing", "Change management", "Monitoring and detection"]),
    ),
    max_size=12,
)


@PROPERTY
@given(history=incidents, follow_ups=items, zone=st.sampled_from(ZONES))
def test_factor_categories_and_completion_by_local_month(db, history, follow_ups, zone):
    from unblame.actions.models import ActionItem, ContributingFactor, FactorCategory

    with transaction.atomic():
        made = _build(history)
        client = Client()
        client.force_login(make_user("reader", "viewer", timezone=zone))
        local = zoneinfo.ZoneInfo(zone)
        incidents_in = defaultdict(lambda: defaultdict(set))
        states = defaultdict(lambda: defaultdict(int))
        for which, status, name in follow_ups:
            incident = made[which % len(made)]
            month = incident.declared_at.astimezone(local).strftime("%Y-%m")
            ContributingFactor.objects.create(
                incident=incident, category=FactorCategory.objects.get(name=name), description="x"
            )
            ActionItem.objects.create(incident=incident, title="Add a check", status=status)
            incidents_in[name][month].add(incident.pk)
            states[month][status] += 1
        by_month = _csv(client, "factors", "by-month")
        if not follow_ups:
            assert by_month == [["Month"]]
        else:
            header, rows = by_month[0], by_month[1:]
            assert [r[0] for r in rows] == month_range(states)
            for r in rows:
                for name, count in zip(header[1:], r[1:], strict=True):
                    assert int(count) == len(incidents_in[name][r[0]]), (name, r[0])
        for r in _csv(client, "follow-through", "completion")[1:]:
            counts = states[r[0]]
            done, dropped = counts["done"], counts["wont_do"]
            total = sum(counts.values())
            share = "" if total == dropped else str(round(100 * done / (total - dropped), 1))
            opened = counts["open"] + counts["in_progress"]
            assert r[1:6] == [str(total), str(done), str(opened), str(dropped), share]
        transaction.set_rollback(True)


@PROPERTY
@given(history=incidents, follow_ups=items, zone=st.sampled_from(ZONES))
def test_every_factor_cell_links_to_as_many_incidents_as_it_counts(db, history, follow_ups, zone):
    from unblame.actions.models import ContributingFactor, FactorCategory

    with transaction.atomic():
        made = _build(history)
        client = Client()
        client.force_login(make_user("reader", "viewer", timezone=zone))
        for which, _, name in follow_ups:
            ContributingFactor.objects.create(
                incident=made[which % len(made)],
                category=FactorCategory.objects.get(name=name),
                description="x",
            )
        response = client.get("/insights/factors/")
        by_month = next(b for b in response.context["blocks"] if b.slug == "by-month")
        for row in by_month.table.rows:
            for cell in row[1:]:
                listed = client.get(cell.link).context["page"].paginator.count
                assert listed == cell.value, (row[0].value, cell.link)
        transaction.set_rollback(True)


reviews = st.lists(
    st.tuples(
        st.integers(0, 9),  # which incident
        st.sampled_from(["draft", "in_review", "published"]),
        st.integers(-2 * 1440, 40 * 1440),  # published, minutes after the incident resolved
    ),
    max_size=10,
)


@PROPERTY
@given(history=incidents, written=reviews, zone=st.sampled_from(ZONES))
def test_time_to_publish_and_overdue_reviews(db, history, written, zone):
    from django.utils import timezone as django_timezone

    from unblame.insights.reports import REVIEW_DUE
    from unblame.reviews.models import Review

    with transaction.atomic():
        made = _build(history)
        client = Client()
        client.force_login(make_user("reader", "viewer", timezone=zone))
        local = zoneinfo.ZoneInfo(zone)
        reviewed = {}
        for which, state, minutes_after in written:
            incident = made[which % len(made)]
            if incident.pk in reviewed:
                continue  # one review per incident
            resolved = incident.resolved_at or incident.declared_at
            published = (
                resolved + timedelta(minutes=minutes_after) if state == "published" else None
            )
            Review.objects.create(incident=incident, state=state, published_at=published)
            reviewed[incident.pk] = (state, published)
        days = defaultdict(list)
        for incident in made:
            state, published = reviewed.get(incident.pk, (None, None))
            if state == "published" and incident.resolved_at is not None:
                month = incident.declared_at.astimezone(local).strftime("%Y-%m")
                took = max((published - incident.resolved_at).total_seconds(), 0) / 86400
                days[month].append(took)
        expected = [
            [m, str(len(days[m])), *(_figure(percentile(days[m], s)) for s in (0.5, 0.9))]
            for m in month_range(days)
        ]
        _same_rows(_csv(client, "reviews", "time-to-publish")[1:], expected)
        due = django_timezone.now() - REVIEW_DUE
        overdue = defaultdict(lambda: [0, 0])
        for incident in made:
            state = reviewed.get(incident.pk, (None, None))[0]
            resolved_long_ago = incident.resolved_at is not None and incident.resolved_at < due
            if resolved_long_ago and state != "published":
                overdue[incident.severity.name][0] += 1
                overdue[incident.severity.name][1] += state is not None
        rows = _csv(client, "reviews", "overdue-reviews")[1:]
        assert {r[0]: [int(r[1]), int(r[2])] for r in rows} == dict(overdue)
        transaction.set_rollback(True)


owned = st.lists(
    st.tuples(
        st.integers(0, 9),  # which incident
        st.sampled_from(["open", "in_progress", "done", "wont_do"]),
        st.sampled_from(["pat", "lou", None]),  # owner
        st.one_of(st.none(), st.integers(-400, 400)),  # due, days from today
        st.integers(0, 60 * 24 * 30),  # minutes from creation to closing, when done
    ),
    max_size=12,
)


@PROPERTY
@given(history=incidents, follow_ups=owned)
def test_overdue_per_owner_and_time_to_close(db, history, follow_ups):
    from django.utils import timezone as django_timezone

    from unblame.actions.models import ActionItem

    with transaction.atomic():
        made = _build(history)
        client = Client()
        client.force_login(make_user("reader", "viewer"))
        people = {
            "pat": make_user("pat", "editor", team="payments"),
            "lou": make_user("lou", "editor"),
        }
        today = django_timezone.localdate()
        per_owner = defaultdict(lambda: [0, 0])
        days = defaultdict(list)
        for which, status, owner, due_in, took in follow_ups:
            incident = made[which % len(made)]
            due = None if due_in is None else today + timedelta(days=due_in)
            item = ActionItem.objects.create(
                incident=incident,
                title="Add a check",
                status=status,
                owner=people.get(owner),
                due_date=due,
            )
            if status == "done":
                updated(
                    ActionItem.objects.filter(pk=item.pk),
                    created_at=incident.declared_at,
                    closed_at=incident.declared_at + timedelta(minutes=took),
                )
                days[incident.declared_at.strftime("%Y-%m")].append(took / 1440)
            if status in ("open", "in_progress"):
                counts = per_owner[owner or "Nobody"]
                counts[0] += 1
                counts[1] += due is not None and due < today
        rows = _csv(client, "follow-through", "overdue")[1:]
        assert {r[0]: [int(r[2]), int(r[3])] for r in rows} == dict(per_owner)
        expected = [
            [m, str(len(days[m])), *(_figure(percentile(days[m], s)) for s in (0.5, 0.9))]
            for m in month_range(days)
        ]
        _same_rows(_csv(client, "follow-through", "time-to-close")[1:], expected)
        transaction.set_rollback(True)


crews = st.lists(
    st.tuples(
        st.integers(0, 9),  # which incident
        st.sampled_from(["pat", "lou", "kim", "sol"]),
        st.booleans(),  # incident commander
    ),
    max_size=16,
)
TEAMS = {"pat": "payments", "lou": "payments", "kim": "search", "sol": ""}


@PROPERTY
@given(history=incidents, crew=crews)
def test_team_sums_and_repeat_commanders(db, history, crew):
    with transaction.atomic():
        made = _build(history)
        admin = Client()
        admin.force_login(make_user("boss", "admin"))
        people = {name: make_user(name, "editor", team=team) for name, team in TEAMS.items()}
        on = set()
        commanders = defaultdict(set)
        for which, name, commands in crew:
            incident = made[which % len(made)]
            if (incident.pk, name) in on:
                continue  # one role per person and incident
            if commands and any(incident.pk in ids for ids in commanders.values()):
                commands = False  # one incident commander per incident
            role = Responder.Role.INCIDENT_COMMANDER if commands else Responder.Role.RESPONDER
            Responder.objects.create(incident=incident, user=people[name], role=role)
            on.add((incident.pk, name))
            if commands:
                commanders[name].add(incident.pk)
        teams = defaultdict(int)
        for _, name in on:
            teams[TEAMS[name] or "No team"] += 1
        rows = _csv(admin, "load", "teams")[1:]
        assert {r[0]: int(r[1]) for r in rows} == dict(teams)
        repeat = sorted(
            (
                [name, TEAMS[name], str(len(ids))]
                for name, ids in commanders.items()
                if len(ids) > 1
            ),
            key=lambda r: (-int(r[2]), r[0]),
        )
        assert _csv(admin, "load", "commanders")[1:] == repeat
        transaction.set_rollback(True)


@PROPERTY
@given(history=incidents, secret=st.lists(st.booleans(), min_size=10, max_size=10))
def test_restricted_incidents_count_only_for_those_who_may_see_them(db, history, secret):
    from unblame.actions.models import ContributingFactor, FactorCategory

    with transaction.atomic():
        made = _build(history)
        responder = make_user("insider", "editor")
        viewers = {"viewer": make_user("reader", "viewer"), "insider": responder}
        viewers["admin"] = make_user("boss", "admin")
        testing = FactorCategory.objects.get(name="Testing")
        for incident, restricted in zip(made, secret, strict=False):
            updated(Incident.objects.filter(pk=incident.pk), restricted=restricted)
            incident.restricted = restricted
            ContributingFactor.objects.create(incident=incident, category=testing, description="x")
        # The insider responds to every other restricted incident.
        on_it = [i for i in made if i.restricted][::2]
        for incident in on_it:
            Responder.objects.create(incident=incident, user=responder)
        may_see = {
            "viewer": [i for i in made if not i.restricted],
            "insider": [i for i in made if not i.restricted or i in on_it],
            "admin": made,
        }
        for who, user in viewers.items():
            client = Client()
            client.force_login(user)
            seen = may_see[who]
            across = _csv(client, "factors", "across-services")[1:]
            assert [int(r[1]) for r in across] == ([len(seen)] if seen else []), who
            detected = [i for i in seen if i.detected_at is not None]
            detect = _csv(client, "response", "detect")[1:]
            assert sum(int(r[1]) for r in detect) == len(detected), who
            listed = client.get("/insights/incidents/").context["page"].paginator.count
            assert listed == len(seen), who
        transaction.set_rollback(True)


placed = st.lists(
    st.tuples(
        st.integers(0, 9),  # which incident
        st.sampled_from(["Testing", "Change management", "Monitoring and detection"]),
        st.sets(st.sampled_from(["checkout", "search", "payments"]), max_size=2),  # its services
    ),
    max_size=12,
)


@PROPERTY
@given(history=incidents, factors=placed, zone=st.sampled_from(ZONES))
def test_each_category_counts_its_incidents_services_and_last_one(db, history, factors, zone):
    from unblame.actions.models import ContributingFactor, FactorCategory
    from unblame.incidents.models import Service

    with transaction.atomic():
        made = _build(history)
        client = Client()
        client.force_login(make_user("reader", "viewer", timezone=zone))
        services = {
            name: Service.objects.get_or_create(name=name)[0]
            for name in ["checkout", "search", "payments"]
        }
        seen = defaultdict(lambda: (set(), set()))
        for which, name, named in factors:
            incident = made[which % len(made)]
            incident.services.add(*(services[n] for n in named))
            ContributingFactor.objects.create(
                incident=incident, category=FactorCategory.objects.get(name=name), description="x"
            )
            seen[name][0].add(incident)
        for ids, names in seen.values():
            names.update(s.name for i in ids for s in i.services.all())
        local = zoneinfo.ZoneInfo(zone)
        expected = sorted(
            (
                [
                    name,
                    str(len(ids)),
                    str(len(names)),
                    "yes" if len(ids) > 1 else "no",
                    max(i.declared_at for i in ids).astimezone(local).date().isoformat(),
                ]
                for name, (ids, names) in seen.items()
            ),
            key=lambda r: (-int(r[1]), r[0]),
        )
        assert _csv(client, "factors", "across-services")[1:] == expected
        transaction.set_rollback(True)
