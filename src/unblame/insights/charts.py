"""Charts drawn on the server as accessible SVG, each with the table and CSV of its numbers.

A `Block` is one question answered three ways from the same rows: a chart
(stacked bars or lines), a table, and a CSV. The SVG names itself (title
and desc), labels its axes and every bar or point, and links each to the
incidents behind it; no script, nothing fetched, so it works offline and in
print. The table is the accessible form of the same numbers.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

from unblame.server.spreadsheet import safe_cell

# Colour-blind-safe palette (Okabe–Ito), in the order series take them.
PALETTE = ("#0072b2", "#e69f00", "#009e73", "#cc79a7", "#56b4e9", "#d55e00", "#f0e442", "#000000")
WIDTH, HEIGHT = 720, 240
LEFT, RIGHT, TOP, BOTTOM = 48, 12, 16, 40


@dataclass
class Series:
    name: str
    values: list[float | None]
    colour: str = ""


@dataclass
class Chart:
    """Labels along the x axis, one or more series of values over them.

    `kind` is "bar" (series stacked) or "line" (one line per series, gaps
    where a value is None). `links[i]` is where the bar or point at label i
    leads: the incidents behind it.
    """

    title: str
    description: str
    labels: list[str]
    series: list[Series]
    unit: str
    kind: str = "bar"
    links: list[str] = field(default_factory=list)
    id: str = "chart"

    def __post_init__(self) -> None:
        for index, series in enumerate(self.series):
            series.colour = series.colour or PALETTE[index % len(PALETTE)]

    @property
    def empty(self) -> bool:
        return not self.labels or all(
            value is None for series in self.series for value in series.values
        )

    @cached_property
    def top(self) -> float:
        """The largest stack (bars) or value (lines): the top of the y axis."""
        if self.kind == "bar":
            totals = [sum(s.values[i] or 0 for s in self.series) for i in range(len(self.labels))]
        else:
            totals = [v for s in self.series for v in s.values if v is not None]
        return max([*totals, 0]) or 1

    def svg(self) -> SafeString:
        if self.empty:
            return SafeString("")
        plot = self._bars() if self.kind == "bar" else self._lines()
        return format_html(
            '<svg class="insight-chart" viewBox="0 0 {w} {h}" role="img"'
            ' aria-labelledby="{id}-title {id}-desc">'
            '<title id="{id}-title">{title}</title><desc id="{id}-desc">{desc}</desc>'
            "{axes}{plot}{xlabels}</svg>",
            w=WIDTH,
            h=HEIGHT,
            id=self.id,
            title=self.title,
            desc=self.description,
            axes=self._axes(),
            plot=plot,
            xlabels=self._x_labels(),
        )

    # Geometry -------------------------------------------------------------------------------

    def _slot(self) -> float:
        return (WIDTH - LEFT - RIGHT) / max(len(self.labels), 1)

    def _x(self, index: int) -> float:
        return LEFT + self._slot() * (index + 0.5)

    def _y(self, value: float) -> float:
        return HEIGHT - BOTTOM - (HEIGHT - TOP - BOTTOM) * value / self.top

    def _axes(self) -> SafeString:
        base, top = HEIGHT - BOTTOM, self.top
        ticks = format_html_join(
            "",
            '<line x1="{}" y1="{}" x2="{}" y2="{}" class="grid"/>'
            '<text x="{}" y="{}" class="tick" text-anchor="end">{}</text>',
            (
                (LEFT, y, WIDTH - RIGHT, y, LEFT - 4, f"{self._y(v) + 4:.1f}", _number(v))
                for v in (top / 2, top)
                for y in (f"{self._y(v):.1f}",)
            ),
        )
        return format_html(
            '<line x1="{l}" y1="{b}" x2="{r}" y2="{b}" class="axis"/>{ticks}'
            '<text x="{l}" y="{t}" class="tick">{unit}</text>'
            '<text x="{l}" y="{b0}" class="tick" text-anchor="end">0</text>',
            l=LEFT,
            r=WIDTH - RIGHT,
            b=base,
            b0=base + 4,
            t=TOP - 4,
            ticks=ticks,
            unit=self.unit,
        )

    def _x_labels(self) -> SafeString:
        # Every label while they fit, then every few; always the last.
        step = max(1, round(len(self.labels) / 12))
        shown = [
            (f"{self._x(i):.1f}", HEIGHT - BOTTOM + 16, label)
            for i, label in enumerate(self.labels)
            if i % step == 0 or i == len(self.labels) - 1
        ]
        return format_html_join(
            "", '<text x="{}" y="{}" class="tick" text-anchor="middle">{}</text>', shown
        )

    def _link(self, index: int, body: SafeString, label: str) -> SafeString:
        if index < len(self.links) and self.links[index]:
            return format_html(
                '<a href="{}" aria-label="{}">{}</a>', self.links[index], label, body
            )
        return body

    def _point_label(self, index: int) -> str:
        parts = [
            f"{s.name}: {_number(s.values[index])}"
            for s in self.series
            if s.values[index] is not None
        ]
        return f"{self.labels[index]}: " + ", ".join(parts) + (f" {self.unit}" if parts else "")

    def _bars(self) -> SafeString:
        width = max(min(self._slot() * 0.7, 48), 1)
        bars = []
        for index in range(len(self.labels)):
            y = float(HEIGHT - BOTTOM)
            rects = []
            for series in self.series:
                value = series.values[index] or 0
                if not value:
                    continue
                height = (HEIGHT - TOP - BOTTOM) * value / self.top
                y -= height
                rects.append(
                    format_html(
                        '<rect x="{}" y="{}" width="{}" height="{}" fill="{}">'
                        "<title>{}: {} {}</title></rect>",
                        f"{self._x(index) - width / 2:.1f}",
                        f"{y:.1f}",
                        f"{width:.1f}",
                        f"{height:.1f}",
                        series.colour,
                        series.name,
                        _number(value),
                        self.unit,
                    )
                )
            body = format_html_join("", "{}", ((r,) for r in rects))
            bars.append(self._link(index, body, self._point_label(index)))
        return format_html_join("", "{}", ((b,) for b in bars))

    def _lines(self) -> SafeString:
        parts = []
        for series in self.series:
            for run in _runs(series.values):
                if len(run) < 2:
                    continue
                path = " ".join(f"{self._x(i):.1f},{self._y(v):.1f}" for i, v in run)
                parts.append(
                    format_html(
                        '<polyline points="{}" fill="none" stroke="{}" stroke-width="2"/>',
                        path,
                        series.colour,
                    )
                )
            for index, value in enumerate(series.values):
                if value is None:
                    continue
                dot = format_html(
                    '<circle cx="{}" cy="{}" r="4" fill="{}"><title>{}, {}: {} {}</title></circle>',
                    f"{self._x(index):.1f}",
                    f"{self._y(value):.1f}",
                    series.colour,
                    self.labels[index],
                    series.name,
                    _number(value),
                    self.unit,
                )
                parts.append(self._link(index, dot, self._point_label(index)))
        return format_html_join("", "{}", ((p,) for p in parts))


@dataclass
class Cell:
    value: Any
    link: str = ""

    def __str__(self) -> str:
        # A figure nobody recorded reads "—" on the page, as in the chart's labels.
        if self.value is None or isinstance(self.value, float):
            return _number(self.value)
        return str(self.value)


@dataclass
class Table:
    columns: list[str]
    rows: list[list[Cell]]
    caption: str = ""

    def html(self) -> SafeString:
        """The table body's rows; the first cell of each row is its header.

        Built here rather than in the template: a report has hundreds of
        cells, and one format_html per cell is several times faster.
        """
        return format_html_join("", "<tr>{}</tr>", ((_row_html(row),) for row in self.rows))

    def csv(self) -> str:
        out = io.StringIO()
        writer = csv.writer(out)
        # Column names can be people's words too (a factor category per month column).
        writer.writerow([safe_cell(column) for column in self.columns])
        for row in self.rows:
            writer.writerow([_csv_value(cell.value) for cell in row])
        return out.getvalue()


@dataclass
class Block:
    """One question: a chart (or none, for a plain list), its table and its CSV."""

    slug: str
    title: str
    help: str
    table: Table
    chart: Chart | None = None


def _row_html(row: list[Cell]) -> SafeString:
    parts = []
    for index, cell in enumerate(row):
        tag = 'th scope="row"' if index == 0 else "td"
        end = "th" if index == 0 else "td"
        if cell.link:
            content = format_html('<a href="{}">{}</a>', cell.link, str(cell))
        else:
            content = format_html("{}", str(cell))
        parts.append(format_html("<{}>{}</{}>", SafeString(tag), content, SafeString(end)))
    return SafeString("".join(parts))


def cells(*values: Any, links: Sequence[str] = ()) -> list[Cell]:
    """A table row; `links[i]` (if given) links cell i."""
    return [Cell(value, links[i] if i < len(links) else "") for i, value in enumerate(values)]


def _runs(values: list[float | None]) -> list[list[tuple[int, float]]]:
    """Stretches of consecutive known values: a line breaks where a value is missing."""
    runs: list[list[tuple[int, float]]] = [[]]
    for index, value in enumerate(values):
        if value is None:
            runs.append([])
        else:
            runs[-1].append((index, value))
    return [run for run in runs if run]


def _number(value: Any) -> str:
    if value is None:
        return "—"
    if isinstance(value, float):
        return f"{value:.1f}".removesuffix(".0")
    return str(value)


def _csv_value(value: Any) -> Any:
    if isinstance(value, float):
        return round(value, 2)
    # Text a spreadsheet would run as a formula is kept as text (server/spreadsheet.py).
    return "" if value is None else safe_cell(value)
