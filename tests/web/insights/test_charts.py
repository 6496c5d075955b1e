"""Charts are accessible SVG drawn on the server: named, described, labelled, linked, escaped."""

from __future__ import annotations

from io import StringIO

from django.core.management import call_command

from unblame.insights.charts import Cell, Chart, Series, Table, cells
from unblame.insights.models import SectionFigures


def chart(**extra):
    options = {
        "title": "Incidents <by> month",
        "description": "Bars & more",
        "labels": ["2026-01", "2026-02", "<script>"],
        "series": [Series("A", [1, 2, None]), Series("B", [3, 0, 1])],
        "unit": "incidents",
        "links": ["/one?x=1&y=2", "", "/three"],
        "id": "c1",
    }
    return Chart(**(options | extra))


def test_a_chart_names_and_describes_itself_for_screen_readers():
    svg = chart().svg()
    assert 'role="img" aria-labelledby="c1-title c1-desc"' in svg
    assert '<title id="c1-title">Incidents &lt;by&gt; month</title>' in svg
    assert '<desc id="c1-desc">Bars &amp; more</desc>' in svg


def test_every_label_and_name_is_escaped():
    svg = chart().svg()
    assert "<script>" not in svg
    assert "&lt;script&gt;" in svg


def test_bars_stack_and_link_to_the_incidents_behind_them():
    svg = chart().svg()
    # Four non-zero values, four rectangles; the middle label has no link.
    assert svg.count("<rect") == 4
    assert svg.count("<a href=") == 2
    assert 'href="/one?x=1&amp;y=2" aria-label="2026-01: A: 1, B: 3 incidents"' in svg
    assert "<title>B: 3 incidents</title>" in svg


def test_lines_leave_gaps_for_missing_values():
    series = [Series("A", [1, None, 2]), Series("B", [3, 0, 1])]
    svg = chart(kind="line", series=series).svg()
    # A has no line across its missing month, only its two points; B is one line.
    assert svg.count("<polyline") == 1
    assert svg.count("<circle") == 5
    assert svg.count("<rect") == 0


def test_the_axes_carry_the_unit_and_the_scale():
    svg = chart().svg()
    assert ">incidents</text>" in svg
    assert ">4</text>" in svg and ">2</text>" in svg  # the tallest stack and half of it
    assert ">2026-01</text>" in svg


def test_an_empty_chart_draws_nothing():
    assert chart(labels=[], series=[]).svg() == ""
    assert chart(series=[Series("A", [None, None, None])]).empty


def test_a_csv_quotes_what_spreadsheets_would_run_and_rounds_figures():
    table = Table(["Name", "Value"], [cells("=HYPERLINK(1)", 2.0 / 3), cells("-x", None)])
    assert table.csv().splitlines() == ["Name,Value", "'=HYPERLINK(1),0.67", "'-x,"]
    assert str(Cell(2.0 / 3)) == "0.7"


def test_a_missing_figure_reads_as_a_dash_in_the_table_and_empty_in_the_csv():
    table = Table(["Month", "Median"], [cells("2026-02", None)])
    assert "<td>—</td>" in table.html()
    assert "None" not in table.html()
    assert table.csv().splitlines() == ["Month,Median", "2026-02,"]


def test_the_command_counts_every_published_section(history):
    SectionFigures.objects.all().delete()
    out = StringIO()
    call_command("count_review_findings", stdout=out)
    assert SectionFigures.objects.count() > 0
    assert f"Counted {SectionFigures.objects.count()} section(s)." in out.getvalue()
    call_command("count_review_findings", stdout=out)
    assert "Counted 0 section(s)." in out.getvalue()


def test_counting_all_counts_only_stale_sections_and_drops_kept_results(history):
    from unblame.insights import cache
    from unblame.insights.writing import count_all, stale_sections
    from unblame.reviews.models import ReviewSection, ReviewState

    published = ReviewSection.objects.filter(review__state=ReviewState.PUBLISHED).exclude(body="")
    SectionFigures.objects.filter(pk__in=SectionFigures.objects.values("pk")[:2]).delete()
    before = cache.generation()
    assert count_all() == 2
    assert not stale_sections(published).exists()
    # Results kept before these sections were counted left them out.
    assert cache.generation() > before
    again = cache.generation()
    assert count_all() == 0
    assert cache.generation() == again
    # Drafts are not counted: the report reads published text only.
    assert not SectionFigures.objects.exclude(section__in=published).exists()


def test_column_names_are_quoted_like_cells():
    # A factor category becomes a column of the by-month table: its name is someone's words.
    table = Table(["Month", '=HYPERLINK("x")', "Testing"], [cells("2026-03", 1, 0)])
    assert table.csv().splitlines()[0] == 'Month,"\'=HYPERLINK(""x"")",Testing'
