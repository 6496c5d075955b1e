"""How a review's findings changed from save to save: the series, a table and an SVG chart."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

from unblame.language import Category
from unblame.reviews.analysis import CATEGORIES, blame_total
from unblame.reviews.models import Review, SectionVersion

# One colour per category; blame categories strong, style guidance pale.
COLOURS = {
    Category.BLAME_OTHER: "#b3261e",
    Category.SELF_BLAME: "#7c3aed",
    Category.COUNTERFACTUAL: "#c2410c",
    Category.HUMAN_ERROR: "#be185d",
    Category.TRY_HARDER: "#a16207",
    Category.ROOT_CAUSE: "#94a3b8",
    Category.HINDSIGHT: "#cbd5e1",
}
LABELS = {
    Category.BLAME_OTHER: "Blaming others",
    Category.SELF_BLAME: "Self-blame",
    Category.COUNTERFACTUAL: "Counterfactuals",
    Category.HUMAN_ERROR: "“Human error”",
    Category.TRY_HARDER: "“Try harder” remedies",
    Category.ROOT_CAUSE: "Single root cause",
    Category.HINDSIGHT: "Hindsight",
}


@dataclass
class Point:
    """The whole review's findings right after one save (or the draft)."""

    at: datetime
    author: Any
    sections: list[str]
    counts: dict[str, int]
    notes: list[str] = field(default_factory=list)

    @property
    def blame(self) -> int:
        return blame_total(self.counts)

    @property
    def total(self) -> int:
        return sum(self.counts.values())


def review_series(review: Review) -> list[Point]:
    """One point per save, in order, counting every section as it stood after that save.

    Versions saved in the same instant (the draft) make one point.
    """
    names = review.roster()
    versions = (
        SectionVersion.objects.filter(section__review=review)
        .select_related("section", "author")
        .order_by("created_at", "id")
    )
    current: dict[int, dict[str, int]] = {}
    points: list[Point] = []
    for version in versions:
        current[version.section_id] = version.counts(names)
        counts = {c.value: sum(s.get(c.value, 0) for s in current.values()) for c in CATEGORIES}
        if points and points[-1].at == version.created_at:
            point = points[-1]
            point.counts = counts
        else:
            point = Point(version.created_at, version.author, [], counts)
            points.append(point)
        point.sections.append(f"{version.section.title} v{version.version}")
        if version.note and version.note not in point.notes:
            point.notes.append(version.note)
    return points


def category_rows(points: list[Point]) -> list[dict[str, Any]]:
    """Per category: label, first, now and the change, for the summary table."""
    if not points:
        return []
    first, last = points[0].counts, points[-1].counts
    return [
        {
            "slug": c.value,
            "label": LABELS[c],
            "is_blame": c.is_blame,
            "colour": COLOURS[c],
            "first": first[c.value],
            "now": last[c.value],
            "change": last[c.value] - first[c.value],
        }
        for c in CATEGORIES
    ]


def verdict(points: list[Point]) -> str:
    if len(points) < 2:
        return "Only the draft so far; the trend appears after the first saves."
    first, last = points[0].blame, points[-1].blame
    if last < first:
        return f"The writing got more blameless: {first} blame findings in the draft, {last} now."
    if last > first:
        return f"Blame findings went up, from {first} in the draft to {last} now."
    return f"Blame findings unchanged since the draft: {last}."


WIDTH, HEIGHT, PAD = 640, 180, 24


def chart_svg(points: list[Point]) -> SafeString:
    """Stacked bars, one per point, one colour per category, each labelled with its total.

    The table beside it carries the same numbers for screen readers and print.
    """
    if not points:
        return SafeString("")
    top = max(max(p.total for p in points), 1)
    slot = (WIDTH - 2 * PAD) / len(points)
    bar = max(min(slot * 0.7, 40), 1)
    scale = (HEIGHT - 2 * PAD - 14) / top
    # Label every bar while they fit, then every few, always the first and last.
    step = max(1, round(len(points) / 20))
    parts: list[SafeString] = []
    for index, point in enumerate(points):
        x = PAD + index * slot + (slot - bar) / 2
        y = _stack(parts, point, x, bar, scale)
        if index % step == 0 or index == len(points) - 1:
            parts.append(_labels(index, point, x + bar / 2, y))
    label = f"Findings per save, from {points[0].total} in the draft to {points[-1].total} now"
    return format_html(
        '<svg class="findings-chart" viewBox="0 0 {w} {h}" role="img" aria-label="{label}">'
        '<line x1="{p}" y1="{base}" x2="{right}" y2="{base}" stroke="#9aa4b2"/>'
        "{bars}</svg>",
        w=WIDTH,
        h=HEIGHT,
        p=PAD,
        base=HEIGHT - PAD,
        right=WIDTH - PAD,
        label=label,
        bars=format_html_join("", "{}", ((part,) for part in parts)),
    )


def _stack(parts: list[SafeString], point: Point, x: float, bar: float, scale: float) -> float:
    """Append the point's bar segments, bottom up; returns the top of the bar."""
    y = float(HEIGHT - PAD)
    for category in CATEGORIES:
        n = point.counts[category.value]
        if not n:
            continue
        h = n * scale
        y -= h
        parts.append(
            format_html(
                '<rect x="{}" y="{}" width="{}" height="{}" fill="{}"><title>{}: {}</title></rect>',
                # format_html escapes its arguments into strings, so numbers come formatted.
                f"{x:.1f}",
                f"{y:.1f}",
                f"{bar:.1f}",
                f"{h:.1f}",
                COLOURS[category],
                LABELS[category],
                n,
            )
        )
    return y


def _labels(index: int, point: Point, middle: float, top: float) -> SafeString:
    name = "draft" if index == 0 else f"#{index}"
    return format_html(
        '<text x="{m}" y="{t}" font-size="11" text-anchor="middle" fill="#1d2430">{total}</text>'
        '<text x="{m}" y="{b}" font-size="10" text-anchor="middle" fill="#5b6575">{name}</text>',
        m=f"{middle:.1f}",
        t=f"{top - 3:.1f}",
        total=point.total,
        b=HEIGHT - PAD + 13,
        name=name,
    )
