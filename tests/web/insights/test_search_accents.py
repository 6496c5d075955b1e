"""Search folds accents on both databases: "cafe" finds "café" and "café" finds "cafe".

SQLite's FTS5 folds with `remove_diacritics 2`; PostgreSQL with the
unblame_fold() function that migration 0004 puts in front of its tsvector.
Both fold the same letters, so every test here runs unchanged on either.
Snippets show the text as it was written, accents and all.
"""

from __future__ import annotations

import importlib
import re
import unicodedata

import pytest
from django.db import connection
from django.urls import reverse

from unblame.incidents.access import visible_incidents
from unblame.incidents.models import Incident
from unblame.insights.search import START, STOP, as_written, search

from ..conftest import NOW

URL = reverse("insights:search")
fold_migration = importlib.import_module("unblame.insights.migrations.0004_fold_accents")


def titles(user, query):
    return sorted(hit.incident.title for hit in search(visible_incidents(user), query))


@pytest.fixture
def cafe(sev2):
    return Incident.objects.create(
        title="Café checkout down",
        summary="Orders from the Zürich crème brûlée shop failed.",
        severity=sev2,
        declared_at=NOW,
    )


@pytest.mark.parametrize("query", ["cafe", "café", "CAFE", "Café", "cafés"])
def test_a_word_is_found_with_or_without_its_accent(admin, cafe, query):
    assert titles(admin, query) == ["Café checkout down"]


def test_a_word_written_without_an_accent_is_found_with_one(admin, sev2):
    Incident.objects.create(title="Resume of the outage", severity=sev2, declared_at=NOW)
    assert titles(admin, "résumé") == ["Resume of the outage"]


@pytest.mark.parametrize("query", ["zurich", "creme brulee", "ZÜRICH", "brûlée crème"])
def test_every_word_of_a_body_is_folded(admin, cafe, query):
    assert titles(admin, query) == ["Café checkout down"]


def test_folding_does_not_make_other_words_match(admin, cafe):
    assert titles(admin, "cafe tokyo") == []
    assert titles(admin, "cafeteria") == []


def test_letters_that_are_not_an_accent_on_a_letter_stay_as_they_are(admin, sev2):
    # ł and ø are letters of their own, not l and o with a mark: neither database folds them.
    Incident.objects.create(title="Łódź and Ørsted", severity=sev2, declared_at=NOW)
    assert titles(admin, "łodz ørsted") == ["Łódź and Ørsted"]
    assert titles(admin, "lodz") == []
    assert titles(admin, "orsted") == []


def test_the_snippet_shows_the_words_as_written(admin, cafe):
    (hit,) = search(visible_incidents(admin), "zurich brulee")
    assert "<mark>Zürich</mark>" in hit.snippet
    assert "<mark>brûlée</mark>" in hit.snippet
    assert "crème" in hit.snippet
    assert "Zurich" not in hit.snippet


def test_the_snippet_of_a_title_keeps_its_accent(admin, cafe):
    (hit,) = search(visible_incidents(admin), "cafe")
    assert "<mark>Café</mark>" in hit.snippet


def test_the_search_page_finds_and_marks_a_folded_word(as_viewer, cafe):
    html = as_viewer.get(URL, {"q": "creme"}).content.decode()
    assert html.count('class="search-hit card"') == 1
    assert "<mark>crème</mark>" in html


def test_a_restricted_incident_stays_hidden_whatever_the_spelling(as_viewer, as_editor, restricted):
    restricted.summary = "The naïve retry loop hit the façade."
    restricted.save()
    for query in ("naive facade", "naïve façade"):
        assert as_viewer.get(URL, {"q": query}).content.decode().count("search-hit card") == 0
        assert as_editor.get(URL, {"q": query}).content.decode().count("search-hit card") == 1


def test_as_written_puts_the_accents_back_around_the_marks():
    written = "Orders from the Zürich crème brûlée shop."
    folded = "Orders from the Zurich creme brulee shop."
    marked = f"the {START}Zurich{STOP} creme {START}brulee{STOP} shop"
    assert as_written(marked, written, folded) == (
        f"the {START}Zürich{STOP} crème {START}brûlée{STOP} shop"
    )


def test_as_written_reads_the_place_the_snippet_came_from():
    # The same folded words twice: the accents are those of the place the snippet starts.
    written = "resume at noon, then résumé at one"
    folded = "resume at noon, then resume at one"
    marked = f"then {START}resume{STOP} at one"
    assert as_written(marked, written, folded) == f"then {START}résumé{STOP} at one"


def test_as_written_keeps_a_piece_it_cannot_place():
    # ts_headline writes a space for an HTML-like tag, so that piece is not in the text.
    written = "Café <b>open</b> again"
    folded = "Cafe <b>open</b> again"
    marked = f"{START}Cafe{STOP}  open  again"
    assert as_written(marked, written, folded) == f"{START}Café{STOP}  open  again"


def test_as_written_leaves_a_snippet_alone_when_the_texts_do_not_line_up():
    marked = f"{START}strasse{STOP}"
    assert as_written(marked, "Straße", "Strasse") == marked


def _folded_in_python(text: str) -> str:
    """What unblame_fold() does, written in Python: accents off, letters composed again."""
    marks = re.compile(fold_migration.MARKS)
    return unicodedata.normalize("NFC", marks.sub("", unicodedata.normalize("NFD", text)))


LATIN = "".join(chr(code) for code in [*range(0xC0, 0x250), *range(0x1E00, 0x1F00)])


def test_the_folding_keeps_one_letter_for_one_letter_in_latin_text():
    folded = _folded_in_python(LATIN)
    assert len(folded) == len(LATIN)
    assert dict(zip(LATIN, folded, strict=True))["é"] == "e"
    assert dict(zip(LATIN, folded, strict=True))["Ů"] == "U"
    assert _folded_in_python("Łódź Ørsted Straße") == "Łodz Ørsted Straße"


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the function is PostgreSQL's")
def test_the_database_folds_as_python_does(db):
    samples = [LATIN, "Crème brûlée — “quoted” ÉCLAIR", "Tiếng Việt ǅ ﬁ", "plain ascii", ""]
    with connection.cursor() as cursor:
        for text in samples:
            cursor.execute("SELECT unblame_fold(%s)", [text])
            assert cursor.fetchone()[0] == _folded_in_python(text), text


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the function is PostgreSQL's")
def test_the_database_leaves_text_without_accents_as_it_is(db):
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT unblame_fold(%s), unblame_fold(NULL)", ["Deploy 42 — “rolled” back ﬁ"]
        )
        assert cursor.fetchone() == ("Deploy 42 — “rolled” back ﬁ", None)
