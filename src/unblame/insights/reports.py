"""The insights reports: each a list of Blocks (chart, table, CSV) over a Scope.

Counting happens in the database (one grouped query per table); Python only
works out medians and 90th percentiles from durations the query returns,
and reads the rows a chart needs. Every report reads the rollup tables
(insights.models.Rollup: one narrow row per incident, responder, item or
factor, with its durations worked out when it was written) through
`scope.rollup`, which holds only rows of incidents the viewer may see.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import timedelta

from django.core.exceptions import EmptyResultSet
from django.db import connections
from django.db.models import Case, Count, IntegerField, Max, Q, Sum, Value, When
from django.db.models.lookups import In
from django.utils import timezone

from unblame.actions.models import ActionItem
from unblame.incidents.models import Incident
from unblame.insights.charts import Block, Chart, Series, Table, cells
from unblame.insights.models import FactorFacts, IncidentFacts, ItemFacts, ResponderFacts
from unblame.insights.scope import Scope, month_key, month_of, month_range, percentiles
from unblame.insights.sql import LocalDayHour, plain_rows
from unblame.reviews.models import Review, ReviewState

# A review is overdue when its incident was resolved this long ago and it is not published.
REVIEW_DUE = timedelta(days=14)
MINUTES_PER_DAY = 1440
# Working hours in each person's own zone: Monday to Friday, 9:00 to 18:00.
WORK_START, WORK_END, WORK_DAYS = 9, 18, range(1, 6)
# The same hours as LocalDayHour reads them (100 * day, Sunday 0, + hour): one
# conversion of each moment instead of one for the day and one for the hour.
WORKING_DAY_HOURS = [100 * d + h for d in WORK_DAYS for h in range(WORK_START, WORK_END)]


# -- Recurring contributing factors ---------------------------------------------------------


def factors(scope: Scope) -> list[Block]:
    factors = scope.rollup(FactorFacts)
    # An incident is declared in one month: a category's incidents are the sum
    # of its months', and its last one the latest of theirs, so the second
    # block needs no second count of distinct incidents.
    rows = list(
        factors.annotate(month=month_of("declared_at"))
        .values("month", "category_id", "category__name")
        .annotate(n=Count("incident", distinct=True), last=Max("declared_at"))
    )
    services = _services_per_category(factors)
    return [_factors_by_month(scope, rows), _factors_across_services(scope, rows, services)]


def _services_per_category(factors) -> dict[int, int]:
    """How many distinct services the incidents of each category's factors have.

    The factor rows are joined to the incidents' services directly; Django's
    path (`incident__services`) joined every row's incident first.
    """
    pairs = factors.values("category_id", "incident_id")
    try:
        sql, params = pairs.query.sql_with_params()
    except EmptyResultSet:
        return {}
    through = Incident.services.through._meta.db_table
    query = (
        f"SELECT f.category_id, COUNT(DISTINCT t.service_id) FROM ({sql}) f "
        f"INNER JOIN {through} t ON t.incident_id = f.incident_id GROUP BY f.category_id"
    )
    with connections[pairs.db].cursor() as cursor:
        cursor.execute(query, params)
        return dict(cursor.fetchall())


def _factors_by_month(scope: Scope, rows: list[dict]) -> Block:
    counts: dict[tuple[str, int], int] = {}
    names: dict[int, str] = {}
    totals: dict[int, int] = defaultdict(int)
    for row in rows:
        counts[(month_key(row["month"]), row["category_id"])] = row["n"]
        names[row["category_id"]] = row["category__name"]
        totals[row["category_id"]] += row["n"]
    months = month_range(month for month, _ in counts)
    order = sorted(names, key=lambda pk: (-totals[pk], names[pk]))
    chart = Chart(
        "Incidents with a factor in each category, by month",
        "Stacked bars: for each month, how many incidents had a contributing factor filed "
        "under each category. The table below has the same numbers.",
        months,
        [Series(names[pk], [counts.get((m, pk), 0) for m in months]) for pk in order],
        "incidents",
        links=[scope.drill(month=m) for m in months],
        id="factors-month",
    )
    table = Table(
        ["Month", *(names[pk] for pk in order)],
        [
            cells(
                m,
                *(counts.get((m, pk), 0) for pk in order),
                links=["", *(scope.drill(month=m, category=pk) for pk in order)],
            )
            for m in months
        ],
    )
    return Block(
        "by-month",
        "Categories over time",
        "Which gaps in the system keep letting incidents through, month by month.",
        table,
        chart,
    )


def _factors_across_services(scope: Scope, by_month: list[dict], services: dict) -> Block:
    categories: dict[int, dict] = {}
    for row in by_month:
        pk = row["category_id"]
        found = categories.setdefault(
            pk, {"category_id": pk, "category__name": row["category__name"], "incidents": 0}
        )
        found["incidents"] += row["n"]
        found["last"] = max(filter(None, [found.get("last"), row["last"]]), default=None)
        found["services"] = services.get(pk, 0)
    rows = sorted(categories.values(), key=lambda r: (-r["incidents"], r["category__name"]))
    chart = Chart(
        "Incidents sharing each factor category",
        "For each factor category, how many incidents had a contributing factor under it; "
        "the table adds across how many services.",
        [row["category__name"] for row in rows],
        [Series("Incidents", [row["incidents"] for row in rows])],
        "incidents",
        links=[scope.drill(category=row["category_id"]) for row in rows],
        id="factors-services",
    )
    table = Table(
        ["Category", "Incidents", "Services", "Recurring", "Last seen"],
        [
            cells(
                row["category__name"],
                row["incidents"],
                row["services"],
                "yes" if row["incidents"] > 1 else "no",
                timezone.localtime(row["last"]).date().isoformat() if row["last"] else "",
                links=[scope.drill(category=row["category_id"])],
            )
            for row in rows
        ],
    )
    return Block(
        "across-services",
        "Recurring across services",
        "A category seen in many incidents and services is a gap the whole system shares; "
        "follow a row to the incidents that share it.",
        table,
        chart,
    )


def _stats(values: list[float]) -> tuple[float | None, float | None]:
    median, p90 = percentiles(values, 0.5, 0.9)
    return median, p90


# -- Follow-through on action items ---------------------------------------------------------

OPEN = Q(state__in=ActionItem.OPEN_STATUSES)
DONE = Q(state=ActionItem.Status.DONE)
DROPPED = Q(state=ActionItem.Status.WONT_DO)


def follow_through(scope: Scope) -> list[Block]:
    items = scope.rollup(ItemFacts)
    today = timezone.localdate()
    groups = _item_groups(items)
    return [
        _completion(scope, groups),
        _time_to_close(scope, items),
        _overdue_by_owner(scope, items, today),
        _system_share(scope, groups),
    ]


STATE_COUNTS = ("total", "done", "open", "dropped", "after_close")
# The system share's columns, as ItemFacts.change names them.
CHANGES = ("system", "try_harder", "learn")


def _item_groups(items) -> list[dict]:
    """Items counted by state, per month of their incident and the kind of change they are.

    Completion sums these per month and the system share per change: one
    grouped query for both blocks.
    """
    return list(
        items.annotate(month=month_of("declared_at"))
        .values("month", "change")
        .annotate(
            total=Count("pk"),
            done=Count("pk", filter=DONE),
            open=Count("pk", filter=OPEN),
            dropped=Count("pk", filter=DROPPED),
            after_close=Count("pk", filter=Q(after_close=True)),
        )
    )


def _completion(scope: Scope, groups: list[dict]) -> Block:
    by_month: dict[str, dict[str, int]] = {}
    for group in groups:
        month = by_month.setdefault(month_key(group["month"]), dict.fromkeys(STATE_COUNTS, 0))
        for name in STATE_COUNTS:
            month[name] += group[name]
    months = month_range(by_month)
    empty = {"total": 0, "done": 0, "open": 0, "dropped": 0, "after_close": 0}
    data = [by_month.get(m, empty) for m in months]
    chart = Chart(
        "Action items by state, by the month of their incident",
        "Stacked bars: done, still open and dropped (won't do) items for the incidents of "
        "each month.",
        months,
        [
            Series("Done", [d["done"] for d in data], "#009e73"),
            Series("Open", [d["open"] for d in data], "#e69f00"),
            Series("Won't do", [d["dropped"] for d in data], "#999999"),
        ],
        "items",
        links=[scope.drill(month=m, items="any") for m in months],
        id="items-state",
    )
    table = Table(
        [
            "Month",
            "Items",
            "Done",
            "Open",
            "Won't do",
            "Completion %",
            "Open after incident closed",
        ],
        [
            cells(
                m,
                d["total"],
                d["done"],
                d["open"],
                d["dropped"],
                _percent(d["done"], d["total"] - d["dropped"]),
                d["after_close"],
                links=["", "", "", "", "", "", scope.drill(month=m, items="open_after_close")],
            )
            for m, d in zip(months, data, strict=True)
        ],
    )
    return Block(
        "completion",
        "Completion",
        "Completion counts done items among those not dropped. Items still open after their "
        "incident closed are the follow-ups most likely forgotten.",
        table,
        chart,
    )


def _percent(part: float, whole: float) -> float | None:
    return round(100 * part / whole, 1) if whole else None


def _time_to_close(scope: Scope, items) -> Block:
    rows = items.filter(to_close__isnull=False).annotate(month=month_of("declared_at"))
    by_month: dict[str, list[float]] = defaultdict(list)
    for month, took in plain_rows(rows.values_list("month", "to_close")):
        if took is not None and took >= 0:
            by_month[month_key(month)].append(took / MINUTES_PER_DAY)
    months = month_range(by_month)
    stats = [_stats(by_month.get(m, [])) for m in months]
    chart = Chart(
        "Days from an action item's creation to done, by month",
        "Median and 90th percentile days to close done items, by the month of their incident.",
        months,
        [Series("Median", [s[0] for s in stats]), Series("90th percentile", [s[1] for s in stats])],
        "days",
        kind="line",
        links=[scope.drill(month=m, items="any") for m in months],
        id="items-close",
    )
    table = Table(
        ["Month", "Done items", "Median days", "90th percentile days"],
        [
            cells(m, len(by_month.get(m, [])), s[0], s[1])
            for m, s in zip(months, stats, strict=True)
        ],
    )
    return Block("time-to-close", "Time to close", "How long done items took.", table, chart)


def _overdue_by_owner(scope: Scope, items, today) -> Block:
    # Only open items count here (overdue and open after close are open too):
    # the others are left out before grouping rather than counted as zeros.
    rows = list(open_by_owner(items, today))
    teams: dict[str, int] = defaultdict(int)
    for row in rows:
        teams[row["owner__team"] or "No team"] += row["overdue"]
    team_names = sorted(teams, key=lambda t: (-teams[t], t))
    chart = Chart(
        "Overdue action items by the owner's team",
        "One bar per team: open items past their due date, owned by someone on that team.",
        team_names,
        [Series("Overdue", [teams[t] for t in team_names], "#d55e00")],
        "items",
        links=[
            scope.drill(owner_team=t, items="overdue") if t != "No team" else "" for t in team_names
        ],
        id="items-overdue",
    )
    table = Table(
        ["Owner", "Team", "Open", "Overdue", "Open after incident closed"],
        [
            cells(
                row["owner__username"] or "Nobody",
                row["owner__team"] or "",
                row["open"],
                row["overdue"],
                row["after_close"],
                links=[scope.drill(owner=row["owner_id"] or "none", items="open")],
            )
            for row in rows
        ],
    )
    return Block(
        "overdue",
        "Overdue by team and owner",
        "Open items per owner; overdue means open and due before today.",
        table,
        chart,
    )


def open_by_owner(items, today):
    """Open items counted per owner, with the overdue ones and those open after close.

    Read from the index `itemfacts_open_by_owner` alone (insights.models.ItemFacts).
    """
    return (
        items.filter(OPEN)
        .values("owner_id", "owner__username", "owner__team")
        .annotate(
            open=Count("pk"),
            overdue=Count("pk", filter=Q(due_date__lt=today)),
            after_close=Count("pk", filter=Q(after_close=True)),
        )
        .order_by("-overdue", "-open", "owner__username")
    )


def _system_share(scope: Scope, groups: list[dict]) -> Block:
    # Each item's kind of change was read when its rollup row was written
    # (insights.rollups, with actions.changes_system). Dropped items count nowhere.
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for group in groups:
        n = group["total"] - group["dropped"]
        if n:
            counts[month_key(group["month"])][CHANGES.index(group["change"])] += n
    months = month_range(counts)
    shares = [
        [_percent(c, sum(counts[m])) or 0.0 for c in counts.get(m, [0, 0, 0])] for m in months
    ]
    chart = Chart(
        "Share of action items that change the system, by month",
        "Stacked to 100%: items that change the system (guardrails, detection, mitigation), "
        "items that ask people to try harder, and learning items.",
        months,
        [
            Series("Changes the system", [s[0] for s in shares], "#009e73"),
            Series("Try harder", [s[1] for s in shares], "#d55e00"),
            Series("Learning", [s[2] for s in shares], "#56b4e9"),
        ],
        "%",
        links=[scope.drill(month=m, items="any") for m in months],
        id="items-system",
    )
    table = Table(
        ["Month", "Items", "Change the system", "Try harder", "Learning", "Change the system %"],
        [
            cells(m, sum(counts[m]), *counts[m], _percent(counts[m][0], sum(counts[m])))
            for m in months
            if m in counts
        ],
    )
    return Block(
        "system-share",
        "Changing the system or trying harder",
        "Try-harder items are those the analyzer reads as relying on vigilance, training or "
        "reminders; dropped items are left out.",
        table,
        chart,
    )


# -- Responder load ---------------------------------------------------------------------------


def load(scope: Scope) -> list[Block]:
    responders = scope.rollup(ResponderFacts)
    people = _people(responders)
    return [
        _load_by_person(scope, people),
        _load_by_team(scope, people),
        _commanders(scope, responders),
    ]


def _people(responders) -> dict[int, dict]:
    """Per person: incidents, hours (declared to resolved), incidents declared out of their
    hours, and the hours that fell out of their hours.

    Each responder row's hours and out of hours were worked out when it was
    written (insights.rollups, with `out_of_hours` and insights.hours).
    """
    # A person has one responder row per incident (one_role_per_person), so
    # counting rows counts incidents, without COUNT(DISTINCT)'s sort per person.
    rows = responders.values("user_id", "user__username", "user__team", "user__timezone").annotate(
        incidents=Count("pk"),
        time=Sum("minutes"),
        out=Count("pk", filter=Q(out_of_hours=True)),
        out_time=Sum("out_minutes"),
    )
    return {
        row["user_id"]: row
        | {"hours": (row["time"] or 0) / 60, "out_hours": (row["out_time"] or 0) / 60}
        for row in rows
    }


def out_of_hours() -> Case:
    """1 for a responder row whose incident was declared outside the person's working hours.

    One CASE on the responder's time zone (one query per zone in use read
    every responder again, 600 ms each at 20,000 incidents).
    """
    from unblame.accounts.models import User

    whens = []
    for zone_name in sorted(set(User.objects.values_list("timezone", flat=True))):
        zone = _zone(zone_name)
        working = Q(In(LocalDayHour("incident__declared_at", zone), WORKING_DAY_HOURS))
        whens.append(When(Q(user__timezone=zone_name) & ~working, then=Value(1)))
    return Case(*whens, default=Value(0), output_field=IntegerField())


def _zone(name: str):
    from unblame.insights.hours import zone

    return zone(name)


# What each share means, said the same way in the tables, the CSV and the chart.
DECLARED_OUT = "Incidents declared out of hours"
HOURS_OUT = "Hours out of working hours"
WORKING_HOURS = "Monday to Friday, 9:00 to 18:00 in their own time zone"


def _load_by_person(scope: Scope, people: dict[int, dict]) -> Block:
    ordered = sorted(people.values(), key=lambda p: (-p["incidents"], p["user__username"]))
    chart = Chart(
        "Incident hours per person, in and out of their working hours",
        "Stacked bars per responder: the hours the incidents they responded to were open "
        f"(declaration to resolution) within their working hours ({WORKING_HOURS}) and "
        "outside them.",
        [p["user__username"] for p in ordered],
        [
            Series(
                "Hours in working hours",
                [round(p["hours"] - p["out_hours"], 2) for p in ordered],
                "#0072b2",
            ),
            Series(HOURS_OUT, [round(p["out_hours"], 2) for p in ordered], "#d55e00"),
        ],
        "hours",
        links=[scope.drill(responder=p["user_id"]) for p in ordered],
        id="load-person",
    )
    table = Table(
        [
            "Person",
            "Team",
            "Time zone",
            "Incidents",
            "Hours",
            DECLARED_OUT,
            f"{DECLARED_OUT} %",
            HOURS_OUT,
            f"{HOURS_OUT} %",
        ],
        [
            cells(
                p["user__username"],
                p["user__team"],
                p["user__timezone"],
                p["incidents"],
                p["hours"],
                p["out"],
                _percent(p["out"], p["incidents"]),
                p["out_hours"],
                _percent(p["out_hours"], p["hours"]),
                links=[scope.drill(responder=p["user_id"])],
            )
            for p in ordered
        ],
    )
    return Block(
        "people",
        "Per person",
        "Hours are from declaration to resolution of each incident they responded to. "
        f"Working hours are {WORKING_HOURS}. Incidents declared out of hours counts the "
        "incidents that began outside them; hours out of working hours counts the hours of "
        "those incidents that fell outside them, whenever the incident began.",
        table,
        chart,
    )


def _load_by_team(scope: Scope, people: dict[int, dict]) -> Block:
    teams: dict[str, list[float]] = defaultdict(lambda: [0, 0.0, 0, 0.0])
    for p in people.values():
        team = teams[p["user__team"] or "No team"]
        team[0] += p["incidents"]
        team[1] += p["hours"]
        team[2] += p["out"]
        team[3] += p["out_hours"]
    names = sorted(teams, key=lambda t: (-teams[t][0], t))
    table = Table(
        [
            "Team",
            "Responder incidents",
            "Hours",
            DECLARED_OUT,
            f"{DECLARED_OUT} %",
            HOURS_OUT,
            f"{HOURS_OUT} %",
        ],
        [
            cells(
                t,
                teams[t][0],
                teams[t][1],
                teams[t][2],
                _percent(int(teams[t][2]), int(teams[t][0])),
                teams[t][3],
                _percent(teams[t][3], teams[t][1]),
                links=[scope.drill(team=t) if t != "No team" else ""],
            )
            for t in names
        ],
    )
    return Block(
        "teams",
        "Per team",
        "The sums of each member's figures, each member's in their own time zone: an incident "
        "two members answered counts twice.",
        table,
    )


def _commanders(scope: Scope, responders) -> Block:
    rows = list(
        responders.filter(commander=True)
        .values("user_id", "user__username", "user__team")
        .annotate(n=Count("pk"))  # one row per person and incident
        .filter(n__gt=1)
        .order_by("-n", "user__username")
    )
    table = Table(
        ["Person", "Team", "Times incident commander"],
        [
            cells(
                r["user__username"],
                r["user__team"],
                r["n"],
                links=[scope.drill(commander=r["user_id"])],
            )
            for r in rows
        ],
    )
    return Block(
        "commanders",
        "Repeat incident commanders",
        "People who were incident commander more than once: a load worth sharing.",
        table,
    )


# -- Review health ------------------------------------------------------------------------------


def review_health(scope: Scope) -> list[Block]:
    return [_time_to_publish(scope), _overdue_reviews(scope)]


def _time_to_publish(scope: Scope) -> Block:
    published = scope.rollup(IncidentFacts).filter(to_publish__isnull=False)
    rows = published.annotate(month=month_of("declared_at")).values_list("month", "to_publish")
    by_month: dict[str, list[float]] = defaultdict(list)
    for month, took in plain_rows(rows):
        by_month[month_key(month)].append(max(took, 0) / MINUTES_PER_DAY)
    months = month_range(by_month)
    stats = [_stats(by_month.get(m, [])) for m in months]
    chart = Chart(
        "Days from resolution to a published review, by month",
        "Median and 90th percentile days between an incident's resolution and its review's "
        "publication, by the month the incident was declared.",
        months,
        [Series("Median", [s[0] for s in stats]), Series("90th percentile", [s[1] for s in stats])],
        "days",
        kind="line",
        links=[scope.drill(month=m, review="published_resolved") for m in months],
        id="reviews-publish",
    )
    table = Table(
        ["Month", "Published reviews", "Median days", "90th percentile days"],
        [
            cells(
                m,
                len(by_month.get(m, [])),
                s[0],
                s[1],
                links=[scope.drill(month=m, review="published_resolved")],
            )
            for m, s in zip(months, stats, strict=True)
        ],
    )
    return Block("time-to-publish", "Time to a published review", "", table, chart)


def overdue_reviews(incidents):
    """Incidents resolved more than REVIEW_DUE ago whose review is not published."""
    published = Review.objects.filter(state=ReviewState.PUBLISHED).values("incident_id")
    return incidents.filter(resolved_at__lt=timezone.now() - REVIEW_DUE).exclude(pk__in=published)


def _overdue_reviews(scope: Scope) -> Block:
    # overdue_reviews' rule, read from the rollup's copy of the review state.
    overdue = scope.rollup(IncidentFacts).filter(resolved_at__lt=timezone.now() - REVIEW_DUE)
    rows = list(
        overdue.exclude(review_state=ReviewState.PUBLISHED)
        .values("severity_id", "severity__name", "severity__rank")
        .annotate(n=Count("pk"), started=Count("pk", filter=~Q(review_state="")))
        .order_by("severity__rank")
    )
    chart = Chart(
        "Overdue reviews by severity",
        f"Incidents resolved more than {REVIEW_DUE.days} days ago without a published review, "
        "per severity.",
        [r["severity__name"] for r in rows],
        [Series("Overdue", [r["n"] for r in rows], "#d55e00")],
        "reviews",
        links=[scope.drill(severity=r["severity_id"], review="overdue") for r in rows],
        id="reviews-overdue",
    )
    table = Table(
        ["Severity", "Overdue reviews", "Of which started"],
        [
            cells(
                r["severity__name"],
                r["n"],
                r["started"],
                links=[scope.drill(severity=r["severity_id"], review="overdue")],
            )
            for r in rows
        ],
    )
    return Block(
        "overdue-reviews",
        "Reviews overdue",
        f"A review is overdue {REVIEW_DUE.days} days after its incident was resolved.",
        table,
        chart,
    )
