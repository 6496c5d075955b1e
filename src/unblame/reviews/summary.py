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
    Category.HUMAN_ERROR: "#9b1c1c",
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
    """Stacked bars, one per point, one colour per category; the table carries the numbers."""
    if not points:
        return SafeString("")
    top = max(max(p.total for p in points), 1)
    slot = (WIDTH - 2 * PAD) / len(points)
    bar = max(min(slot * 0.7, 40), 1)
    scale = (HEIGHT - 2 * PAD) / top
    rects: list[tuple[Any, ...]] = []
    for index, point in enumerate(points):
        x = PAD + index * slot + (slot - bar) / 2
        y = HEIGHT - PAD
        for category in CATEGORIES:
            n = point.counts[category.value]
            if not n:
                continue
            h = n * scale
            y -= h
            title = f"{LABELS[category]}: {n}"
            rects.append(
                (f"{x:.1f}", f"{y:.1f}", f"{bar:.1f}", f"{h:.1f}", COLOURS[category], title)
            )
    bars = format_html_join(
        "",
        '<rect x="{}" y="{}" width="{}" height="{}" fill="{}"><title>{}</title></rect>',
        rects,
    )
    label = f"Findings per save, from {points[0].total} in the draft to {points[-1].total} now"
    return format_html(
        '<svg class="findings-chart" viewBox="0 0 {w} {h}" role="img" aria-label="{label}">'
        '<line x1="{p}" y1="{base}" x2="{right}" y2="{base}" stroke="#9aa4b2"/>'
        '<text x="{p}" y="14" font-size="11" fill="#5b6575">{top} findings</text>'
        "{bars}</svg>",
        w=WIDTH,
        h=HEIGHT,
        p=PAD,
        base=HEIGHT - PAD,
        right=WIDTH - PAD,
        top=top,
        label=label,
        bars=bars,
    )
