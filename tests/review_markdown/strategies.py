"""Hypothesis strategies for review documents full of awkward text.

Bodies are built from lines that trip naive parsers: headings inside and
outside code fences, `---` and `+++` lines, section markers, setext underlines,
trailing spaces, CRLF, unicode line separators, and empty sections.
"""

from __future__ import annotations

import os
from datetime import UTC, date, datetime

from fuzzing import examples
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

from unblame.reviews.mdio import (
    MOMENTS,
    TEMPLATE_SECTIONS,
    ActionItem,
    Event,
    Factor,
    IncidentFacts,
    Responder,
    ReviewDocument,
    ReviewFacts,
    Section,
)

# Fixed examples in CI, so a run never fails on an input no earlier run could
# have met; fresh ones on developers' machines, where new finds belong.
PROPERTY = settings(
    max_examples=examples(40),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    derandomize=bool(os.environ.get("CI")),
)

AWKWARD_LINES = [
    "",
    "   ",
    "\t",
    "# Not the title",
    "## Looks like a section",
    "### Summary",
    "#",
    "---",
    "+++",
    "...",
    "===",
    "```",
    "~~~",
    "```python",
    "    # indented code",
    "<!-- unblame:section summary -->",
    "<!-- unblame:section impact -->",
    "<!-- unblame:\\section summary -->",
    "<!-- unblame:section Not A Key -->",
    "<!-- a comment",
    "-->",
    "<pre>",
    "- [ ] a checkbox",
    "> ## quoted heading",
    "1. numbered",
    "trailing spaces   ",
    "windows line\r",
    "naïve café — ünïcödé 事故 🚒",
    "line\u2028separator",
    "next\x85line",
    "tab\tinside",
    "key: value",
    "title: not front matter",
]

# No NUL: the parser refuses it as binary, and PostgreSQL cannot store it.
SAFE_TEXT = st.text(st.characters(blacklist_characters="\x00", blacklist_categories=("Cs",)))
LINE = st.one_of(st.sampled_from(AWKWARD_LINES), SAFE_TEXT.map(lambda s: s.replace("\n", " ")))
BODY = st.lists(LINE, max_size=12).map("\n".join)
ONE_LINE = SAFE_TEXT.map(lambda s: s.replace("\r", " ").replace("\n", " "))

TIMES = st.datetimes(
    min_value=datetime(2000, 1, 1), max_value=datetime(2100, 1, 1), timezones=st.just(UTC)
).map(lambda t: t.isoformat().removesuffix("+00:00") + "Z")
# The range unblame stores (incidents/dates.py); the edges are refused tests of their own.
DAYS = st.dates(min_value=date(1970, 1, 1), max_value=date(2100, 12, 31)).map(
    lambda d: d.isoformat()
)
NAMES = st.text(st.characters(categories=("L", "N")), min_size=1, max_size=12)

JSONISH = st.recursive(
    st.none() | st.booleans() | st.integers() | SAFE_TEXT,
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(SAFE_TEXT, children, max_size=3)
    ),
    max_leaves=8,
)


@st.composite
def incidents(draw) -> IncidentFacts:
    return IncidentFacts(
        id=draw(st.none() | st.integers(min_value=1, max_value=10**9)),
        title=draw(ONE_LINE),
        severity=draw(st.sampled_from(["", "SEV1", "SEV4"]) | NAMES),
        status=draw(st.sampled_from(["", "investigating", "resolved", "closed"])),
        restricted=draw(st.booleans()),
        services=draw(st.lists(NAMES, max_size=3)),
        declared=draw(st.none() | TIMES),
        moments={name: draw(st.none() | TIMES) for name in MOMENTS},
        summary=draw(SAFE_TEXT | BODY),
        responders=draw(
            st.lists(st.builds(Responder, username=NAMES, name=SAFE_TEXT, role=NAMES), max_size=3)
        ),
    )


@st.composite
def sections(draw) -> list[Section]:
    keys = draw(
        st.lists(
            st.sampled_from(list(TEMPLATE_SECTIONS))
            | st.from_regex(r"[a-z0-9][a-z0-9_-]{0,20}", fullmatch=True),
            unique=True,
            max_size=8,
        )
    )
    return [Section(key=key, title=draw(ONE_LINE), body=draw(BODY | SAFE_TEXT)) for key in keys]


@st.composite
def documents(draw) -> ReviewDocument:
    timeline = draw(
        st.lists(
            st.builds(
                Event,
                at=TIMES,
                text=BODY | SAFE_TEXT,
                kind=st.sampled_from(["note", "alert", "deploy"]),
                author=st.just("") | NAMES,
                highlighted=st.booleans(),
                source=st.sampled_from(["manual", "unblame", "slack"]),
            ),
            max_size=4,
        )
    )
    positions = st.integers(min_value=1, max_value=max(len(timeline), 1))
    factor = st.builds(
        Factor,
        category=ONE_LINE,
        description=BODY | SAFE_TEXT,
        events=st.lists(positions, max_size=3) if timeline else st.just([]),
    )
    factors = draw(st.lists(factor, max_size=3))
    factor_positions = st.integers(min_value=1, max_value=max(len(factors), 1))
    item = st.builds(
        ActionItem,
        title=ONE_LINE.filter(str.strip),
        description=BODY | SAFE_TEXT,
        owner=st.just("") | NAMES,
        due=st.none() | DAYS,
        status=st.sampled_from(["open", "in_progress", "done", "wont_do"]),
        priority=st.sampled_from(["p1", "p2", "p3", "p4", ""]),
        kind=st.sampled_from(["prevent", "detect", "mitigate", "process", "learn", ""]),
        closed=st.none() | TIMES,
        factors=st.lists(factor_positions, max_size=2) if factors else st.just([]),
    )
    return ReviewDocument(
        incident=draw(incidents()),
        review=draw(
            st.builds(ReviewFacts, state=st.sampled_from(["draft", "published"]), template=ONE_LINE)
        ),
        timeline=timeline,
        factors=factors,
        action_items=draw(st.lists(item, max_size=3)),
        sections=draw(sections()),
        meta=draw(st.dictionaries(SAFE_TEXT.filter(lambda k: k not in ("",)), JSONISH, max_size=3)),
    )
