"""Response times' figures, grouped by the database or in Python, against a reading by hand.

PostgreSQL works medians and 90th percentiles out with percentile_cont;
SQLite's durations are sorted in Python. Both must give what
scope.percentile gives over the incidents' own moments, per month,
severity and service, for whoever may see them.
"""

from __future__ import annotations

import csv
import io
import random
from collections import defaultdict
from datetime import UTC, datetime, timedelta

import pytest
from django.db import connection
from django.test import Client

from unblame.incidents.models import Incident, Responder, Service, Severity
from unblame.insights import response
from unblame.insights.models import IncidentFacts
from unblame.insights.scope import percentile

from ..conftest import make_user

START = datetime(2025, 11, 20, tzinfo=UTC)
MOMENTS = ("detected", "acknowledged", "mitigated", "resolved")
SERVICES = ("checkout", "search", "payments", "ledger")


def _history(seed: int, size: int = 60) -> list[Incident]:
    """Incidents over three months with durations that tie, go negative or are missing."""
    rng = random.Random(seed)
    severities = list(Severity.objects.all())
    services = [Service.objects.get_or_create(name=name)[0] for name in SERVICES]
    made = []
    for _ in range(size):
        at = START + timedelta(minutes=rng.randint(0, 60 * 24 * 90))
        moments = {}
        for name in MOMENTS:
            kind = rng.random()
            if kind < 0.15:
                continue  # missing
            minutes = rng.choice([5, 5, 30]) if kind < 0.3 else rng.uniform(-30, 900)
            moments[f"{name}_at"] = at + timedelta(minutes=minutes)
        incident = Incident.objects.create(
            title="Generated",
            severity=rng.choice(severities),
            declared_at=at,
            impact_started_at=at,
            restricted=rng.random() < 0.2,
            **moments,
        )
        incident.services.add(*rng.sample(services, rng.randint(0, 2)))
        made.append(incident)
    return made


def _minutes(incident: Incident, measure: response.Measure) -> float | None:
    start, end = getattr(incident, measure.start), getattr(incident, measure.end)
    if start is None or end is None or end < start:
        return None
    return (end - start).total_seconds() / 60


def _expected(incidents: list[Incident]) -> tuple[dict, dict]:
    """Per severity name and per service name, the (median, p90) of each measure, by hand."""
    groups: dict[str, dict[str, list[list[float]]]] = {"severity": {}, "service": {}}
    for incident in incidents:
        keys = [("severity", incident.severity.name)]
        keys += [("service", s.name) for s in incident.services.all()]
        for kind, key in keys:
            lists = groups[kind].setdefault(key, [[] for _ in response.MEASURES])
            for index, measure in enumerate(response.MEASURES):
                if (value := _minutes(incident, measure)) is not None:
                    lists[index].append(value)
    return tuple(
        {
            key: [percentile(values, s) for values in lists for s in (0.5, 0.9)]
            for key, lists in found.items()
            if any(lists)
        }
        for found in groups.values()
    )


def _csv(client: Client, block: str) -> dict[str, list[float | None]]:
    reply = client.get(f"/insights/response/{block}.csv")
    assert reply.status_code == 200
    rows = list(csv.reader(io.StringIO(reply.content.decode())))[1:]
    return {row[0]: [float(v) if v else None for v in row[1:]] for row in rows}


def _close(got: dict, want: dict) -> None:
    assert got.keys() == want.keys()
    for key, values in want.items():
        for a, b in zip(got[key], values, strict=True):
            assert (a is None and b is None) or abs(a - b) <= 0.0100001, (key, got[key], values)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_severity_and_service_figures_are_the_percentiles_of_what_each_viewer_sees(db, seed):
    made = _history(seed)
    viewer, admin = make_user("reader", "viewer"), make_user("boss", "admin")
    for who, seen in ((viewer, [i for i in made if not i.restricted]), (admin, made)):
        client = Client()
        client.force_login(who)
        by_severity, by_service = _expected(seen)
        _close(_csv(client, "by-severity"), by_severity)
        _close(_csv(client, "by-service"), by_service)


def test_a_restricted_incident_never_reaches_a_viewers_service_or_severity_row(db):
    hidden = Incident.objects.create(
        title="Secret",
        severity=Severity.objects.get(name="SEV1"),
        declared_at=START,
        impact_started_at=START,
        detected_at=START + timedelta(minutes=12),
        restricted=True,
    )
    hidden.services.add(Service.objects.get_or_create(name="secret-service")[0])
    reader, boss = Client(), Client()
    reader.force_login(make_user("reader", "viewer"))
    boss.force_login(make_user("boss", "admin"))
    assert _csv(reader, "by-service") == {}
    assert _csv(reader, "by-severity") == {}
    assert _csv(boss, "by-service")["secret-service"][:2] == [12.0, 12.0]
    assert _csv(boss, "by-severity")["SEV1"][:2] == [12.0, 12.0]


def test_a_responder_sees_their_restricted_incident_counted_and_no_other(db):
    insider = make_user("insider", "editor")
    mine, other = (
        Incident.objects.create(
            title=title,
            severity=Severity.objects.get(name="SEV1"),
            declared_at=START,
            impact_started_at=START,
            detected_at=START + timedelta(minutes=minutes),
            restricted=True,
        )
        for title, minutes in (("Mine", 12), ("Other", 40))
    )
    Responder.objects.create(incident=mine, user=insider)
    for incident in (mine, other):
        incident.services.add(Service.objects.get_or_create(name="vault")[0])
    client = Client()
    client.force_login(insider)
    # Only their own incident's 12 minutes, never the other's 40.
    assert _csv(client, "by-service")["vault"][:2] == [12.0, 12.0]
    assert _csv(client, "by-severity")["SEV1"][:2] == [12.0, 12.0]


@pytest.mark.parametrize("seed", [5, 6])
def test_postgresql_percentiles_are_the_ones_python_works_out(db, seed):
    if connection.vendor != "postgresql":
        pytest.skip("percentile_cont is PostgreSQL's")
    _history(seed, size=80)
    facts = IncidentFacts.objects.order_by()
    in_sql, in_python = response.figures_in_sql(facts), response.figures_in_python(facts)
    # The same interpolation in the same floating-point steps: equal, not merely close.
    assert in_sql == in_python
    assert any(in_python[0]) and in_python[1] and in_python[2]


def test_nothing_in_scope_gives_no_figures_either_way(db):
    nothing = IncidentFacts.objects.none()
    assert response.figures_in_python(nothing) == ([{}, {}, {}, {}], {}, {})
    if connection.vendor == "postgresql":
        assert response.figures_in_sql(nothing) == ([{}, {}, {}, {}], {}, {})


def test_a_figure_counts_its_values_and_interpolates_between_ranks():
    assert response.figure([]) == (0, None, None)
    assert response.figure([10.0]) == (1, 10.0, 10.0)
    # Ranks 1.5 and 2.7 of [1, 2, 4, 8]: 2 + 2 * 0.5 and 4 + 4 * 0.7.
    count, median, p90 = response.figure([8.0, 1.0, 4.0, 2.0])
    assert (count, median) == (4, 3.0)
    assert p90 == pytest.approx(6.8)


def test_months_without_values_keep_their_place_on_the_axis(db):
    at = datetime(2026, 1, 10, tzinfo=UTC)
    for month, detected in ((0, 10), (2, 30)):
        Incident.objects.create(
            title="Spaced",
            severity=Severity.objects.get(name="SEV2"),
            declared_at=at + timedelta(days=31 * month),
            impact_started_at=at + timedelta(days=31 * month),
            detected_at=at + timedelta(days=31 * month, minutes=detected),
        )
    client = Client()
    client.force_login(make_user("reader", "viewer"))
    reply = client.get("/insights/response/detect.csv")
    rows = list(csv.reader(io.StringIO(reply.content.decode())))[1:]
    assert rows == [
        ["2026-01", "1", "10.0", "10.0"],
        ["2026-02", "0", "", ""],
        ["2026-03", "1", "30.0", "30.0"],
    ]


def test_each_service_counts_every_incident_on_it(db):
    counted = defaultdict(int)
    for incident in _history(7, size=30):
        for service in incident.services.all():
            counted[service.name] += _minutes(incident, response.MEASURES[0]) is not None
    facts = IncidentFacts.objects.order_by()
    _, _, by_service = response.figures_in_python(facts)
    names = dict(Service.objects.values_list("pk", "name"))
    detect_counts = {names[pk]: figures[0][0] for pk, figures in by_service.items()}
    assert {k: v for k, v in detect_counts.items() if v} == {k: v for k, v in counted.items() if v}
