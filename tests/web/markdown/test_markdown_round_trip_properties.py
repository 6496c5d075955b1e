"""Property test: once imported, a review exports to bytes that import back unchanged.

Documents are generated with awkward text (code fences with headings,
markers, CRLF, unicode) and values a database holds (valid statuses, ordered
moments); people are the cast's, plus someone without an account.
"""

from __future__ import annotations

import re
from datetime import datetime

from django.db import transaction
from fuzzing import examples
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from review_markdown.strategies import BODY, DAYS, NAMES, PROPERTY, TIMES

from unblame.incidents.models import Incident
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
    render_markdown,
)
from unblame.reviews.mdio.export import export_review
from unblame.reviews.mdio.importer import import_review

SHORT = st.text(
    st.characters(blacklist_characters="\x00\r\n", blacklist_categories=("Cs",)),
    min_size=1,
    max_size=40,
).filter(str.strip)
PEOPLE = st.sampled_from(["ed", "dana", "zed-no-account", ""])
TEXT = BODY.filter(str.strip)


@st.composite
def moments(draw) -> dict:
    # Sorted as times: as text, ".000001Z" sorts before "Z".
    times = sorted(draw(st.lists(TIMES, min_size=5, max_size=5)), key=datetime.fromisoformat)
    return {
        name: draw(st.sampled_from([time, None])) for name, time in zip(MOMENTS, times, strict=True)
    }


@st.composite
def documents(draw) -> ReviewDocument:
    timeline = draw(
        st.lists(
            st.builds(
                Event,
                at=TIMES,
                text=TEXT,
                kind=st.sampled_from(["note", "alert", "decision", "chat_message"]),
                author=PEOPLE,
                highlighted=st.booleans(),
                source=st.sampled_from(["manual", "slack"]),
            ),
            max_size=4,
        )
    )
    numbers = st.lists(st.integers(1, len(timeline)), max_size=3) if timeline else st.just([])
    factors = draw(
        st.lists(
            st.builds(
                Factor,
                category=st.sampled_from(["Testing", "testing", "New kind"]) | SHORT,
                description=TEXT,
                events=numbers,
            ),
            max_size=3,
        )
    )
    linked = st.lists(st.integers(1, len(factors)), max_size=2) if factors else st.just([])
    items = st.builds(
        ActionItem,
        title=SHORT,
        description=BODY,
        owner=PEOPLE,
        due=st.none() | DAYS,
        status=st.sampled_from(["open", "in_progress", "done", "wont_do"]),
        priority=st.sampled_from(["p1", "p4"]),
        kind=st.sampled_from(["prevent", "learn"]),
        closed=st.none() | TIMES,
        factors=linked,
    )
    keys = draw(
        st.lists(
            st.sampled_from(list(TEMPLATE_SECTIONS))
            | st.from_regex(r"[a-z][a-z0-9-]{0,10}", fullmatch=True),
            unique=True,
            max_size=5,
        )
    )
    return ReviewDocument(
        incident=IncidentFacts(
            title=draw(SHORT),
            severity=draw(st.sampled_from(["SEV1", "SEV4", "sev2"])),
            status=draw(st.sampled_from(["investigating", "resolved", "closed"])),
            restricted=draw(st.booleans()),
            services=draw(st.lists(NAMES, max_size=2)),
            declared=draw(TIMES),
            moments=draw(moments()),
            summary=draw(BODY),
            responders=draw(
                st.lists(
                    st.builds(
                        Responder,
                        username=PEOPLE.filter(bool),
                        name=SHORT,
                        role=st.sampled_from(["scribe", "responder"]),
                    ),
                    max_size=3,
                )
            ),
        ),
        review=ReviewFacts(state=draw(st.sampled_from(["draft", "in_review"])), template=""),
        timeline=timeline,
        factors=factors,
        action_items=draw(st.lists(items, max_size=3)),
        sections=[Section(key, draw(SHORT), draw(BODY)) for key in keys],
    )


def without_id(text: str) -> str:
    return re.sub(r"(?m)^  id: \d+$", "  id: N", text, count=1)


@settings(
    PROPERTY,
    max_examples=examples(25),
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(document=documents())
def test_an_imported_review_exports_to_bytes_that_import_back_unchanged(
    document, editor, dana
) -> None:
    with transaction.atomic():
        first = export_review(import_review(render_markdown(document), None).review)
        again = import_review(first, None)
        assert again.created is False
        assert export_review(again.review) == first
        # And into an installation without the incident.
        Incident.objects.all().delete()
        fresh = export_review(import_review(first, None).review)
        assert without_id(fresh) == without_id(first)
        transaction.set_rollback(True)
