"""Full-text search over the index, ranked, with highlighted snippets.

Only rows of incidents the searcher may see are ever read (the incident
filter goes into the one SQL statement, built from incidents.access), and
the index holds no private text, so a hit can never show what its reader
may not read.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import EmptyResultSet
from django.db import connection, transaction
from django.db.models import QuerySet
from django.urls import reverse
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from unblame.incidents.models import Incident
from unblame.insights.models import SearchEntry

# Private-use characters mark the matched words in snippets; they are never
# shown, and highlight() emits balanced <mark> tags whatever the text holds.
START, STOP = "\ue000", "\ue001"
MAX_WORDS = 12
SNIPPET_WORDS = 24
# Words found in more texts than this are ranked among the most recently
# written WINDOW of them: ranking 150,000 hits for "rollback" took a second.
WINDOW = 2000
# On PostgreSQL the newest matches are first looked for among this many newest texts.
EXACT_SCAN = 50_000
WORD_RE = re.compile(r"\w+")


@dataclass
class Hit:
    entry_id: int
    kind: str
    incident: Incident
    object_id: int
    anchor: str
    title: str
    snippet: SafeString

    @property
    def kind_label(self) -> str:
        return SearchEntry.Kind(self.kind).label

    @property
    def url(self) -> str:
        return link(self.kind, self.incident.pk, self.object_id, self.anchor)


def link(kind: str, incident_id: int, object_id: int, anchor: str) -> str:
    """Where a hit of this kind is read, on its incident's pages."""
    if kind == SearchEntry.Kind.INCIDENT:
        return reverse("incidents:detail", args=[incident_id])
    if kind == SearchEntry.Kind.EVENT:
        return reverse("incidents:detail", args=[incident_id]) + f"#event-{object_id}"
    review = reverse("reviews:review", args=[incident_id])
    if kind == SearchEntry.Kind.SECTION:
        return f"{review}#section-{anchor}"
    if kind == SearchEntry.Kind.COMMENT:
        return f"{review}#comment-{object_id}"
    follow_up = reverse("actions:incident", args=[incident_id])
    prefix = "factor" if kind == SearchEntry.Kind.FACTOR else "item"
    return f"{follow_up}#{prefix}-{object_id}"


def words(query: str) -> list[str]:
    """The words of a query; punctuation and operators are not syntax here."""
    return WORD_RE.findall(query)[:MAX_WORDS]


def highlight(text: str) -> SafeString:
    """Escape text, turning START…STOP spans into <mark>…</mark>."""
    out: list[str] = []
    marking = False
    for piece in re.split(f"([{START}{STOP}])", text):
        if piece == START and not marking:
            out.append("<mark>")
            marking = True
        elif piece == STOP and marking:
            out.append("</mark>")
            marking = False
        elif piece not in (START, STOP):
            out.append(escape(piece))
    if marking:
        out.append("</mark>")
    return mark_safe("".join(out))


def as_written(marked: str, written: str, folded: str) -> str:
    """A snippet of `folded` (with START/STOP marks) in the letters of `written`.

    `folded` is `written` with each accented letter replaced by one letter
    without its accent, so both have the same length and a piece of one is
    read from the same place in the other. A piece not found in `folded`
    (ts_headline puts a space for an HTML-like tag) is kept as it is.
    """
    if len(folded) != len(written):
        return marked
    plain = marked.replace(START, "").replace(STOP, "")
    at = folded.find(plain)
    out: list[str] = []
    for piece in re.split(f"([{START}{STOP}])", marked):
        if piece in (START, STOP):
            out.append(piece)
            continue
        found = folded.find(piece, max(at, 0))
        if found < 0:
            out.append(piece)
            continue
        out.append(written[found : found + len(piece)])
        at = found + len(piece)
    return "".join(out)


def search(
    incidents: QuerySet[Incident],
    query: str,
    kind: str = "",
    limit: int = 25,
    offset: int = 0,
) -> list[Hit]:
    """Hits for the query's words (all of them, stemmed) within these incidents, best first.

    `incidents` must come from incidents.access (visible_incidents and
    filters on it): it is the only thing that keeps hits to what the
    searcher may read.
    """
    terms = words(query)
    if not terms:
        return []
    ranked = _ranked(incidents, terms, kind, limit, offset, any_word=False)
    if not ranked:
        return []
    snippets = _backend().snippets(terms, ranked)
    return _hits(ranked, snippets)


def search_ids(
    incidents: QuerySet[Incident], terms: list[str], kind: str = "", any_word: bool = True
) -> list[int]:
    """Ids of the incidents (among these) with the best matches for any (or all) of the words."""
    ranked = _ranked(incidents, terms, kind, 20, 0, any_word=any_word)
    entries = SearchEntry.objects.filter(pk__in=ranked).values_list("pk", "incident_id")
    by_entry = dict(entries)
    return list(dict.fromkeys(by_entry[pk] for pk in ranked if pk in by_entry))


def _backend() -> _SQLite | _Postgres:
    return _SQLite() if connection.vendor == "sqlite" else _Postgres()


def _ranked(
    incidents: QuerySet[Incident],
    terms: list[str],
    kind: str,
    limit: int,
    offset: int,
    any_word: bool,
) -> list[int]:
    terms = [term for term in terms if WORD_RE.fullmatch(term)][:MAX_WORDS]
    if not terms:
        return []
    try:
        scope_sql, scope_params = incidents.order_by().values("pk").query.sql_with_params()
    except EmptyResultSet:
        # Nobody signed in, or an account that may see nothing.
        return []
    backend = _backend()
    floor = backend.window_floor(terms, any_word)
    args = (terms, scope_sql, list(scope_params), kind, limit, offset, any_word)
    ranked = backend.ranked(*args, floor=floor)
    if floor and len(ranked) < limit:
        # The window held too few the searcher may see (or pages ran past it): rank them all.
        ranked = backend.ranked(*args, floor=0)
    return ranked


def _hits(ranked: list[int], snippets: dict[int, str]) -> list[Hit]:
    entries = SearchEntry.objects.filter(pk__in=ranked).only(
        "pk", "kind", "incident_id", "object_id", "anchor", "title"
    )
    by_id = {entry.pk: entry for entry in entries}
    incident_ids = {entry.incident_id for entry in by_id.values()}
    incidents = Incident.objects.select_related("severity").in_bulk(incident_ids)
    return [
        Hit(
            entry_id=pk,
            kind=by_id[pk].kind,
            incident=incidents[by_id[pk].incident_id],
            object_id=by_id[pk].object_id,
            anchor=by_id[pk].anchor,
            title=by_id[pk].title,
            snippet=highlight(snippets.get(pk, "")),
        )
        for pk in ranked
        if pk in by_id
    ]


def _kind_clause(kind: str) -> tuple[str, list[Any]]:
    return (" AND e.kind = %s", [kind]) if kind else ("", [])


class _SQLite:
    """FTS5: every word must match (after stemming); bm25 ranks, titles weigh four times."""

    def match(self, terms: list[str], any_word: bool = False) -> str:
        # Each word quoted, so nothing the searcher types is FTS5 syntax.
        joiner = " OR " if any_word else " "
        return joiner.join('"' + term.replace('"', "") + '"' for term in terms)

    def ranked(
        self,
        terms: list[str],
        scope: str,
        params: list,
        kind: str,
        limit: int,
        offset: int,
        any_word: bool = False,
        floor: int = 0,
    ) -> list[int]:
        kind_sql, kind_params = _kind_clause(kind)
        sql = (
            "SELECT e.id FROM insights_search_fts f"
            " JOIN insights_searchentry e ON e.id = f.rowid"
            f" WHERE insights_search_fts MATCH %s AND f.rowid >= %s"
            f" AND e.incident_id IN ({scope}){kind_sql}"
            " ORDER BY bm25(insights_search_fts, 4.0, 1.0), e.id DESC LIMIT %s OFFSET %s"
        )
        args = [self.match(terms, any_word), floor, *params, *kind_params, limit, offset]
        with connection.cursor() as cursor:
            cursor.execute(sql, args)
            return [row[0] for row in cursor.fetchall()]

    def window_floor(self, terms: list[str], any_word: bool) -> int:
        sql = (
            "SELECT rowid FROM insights_search_fts WHERE insights_search_fts MATCH %s"
            " ORDER BY rowid DESC LIMIT 1 OFFSET %s"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, [self.match(terms, any_word), WINDOW - 1])
            row = cursor.fetchone()
        return row[0] if row else 0

    def snippets(self, terms: list[str], ids: list[int]) -> dict[int, str]:
        marks = ", ".join(["%s"] * len(ids))
        sql = (
            "SELECT rowid, snippet(insights_search_fts, -1, %s, %s, '…', %s)"
            f" FROM insights_search_fts WHERE insights_search_fts MATCH %s AND rowid IN ({marks})"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, [START, STOP, SNIPPET_WORDS, self.match(terms), *ids])
            return dict(cursor.fetchall())


class _Postgres:
    """tsvector: every word must match (English stemming); ts_rank_cd ranks, titles weigh more.

    The window of a common word is the ids of its WINDOW newest matches
    (`recent`, found by window_floor); ranking reads those rows by key.
    """

    def __init__(self) -> None:
        self.recent: list[int] = []

    def ranked(
        self,
        terms: list[str],
        scope: str,
        params: list,
        kind: str,
        limit: int,
        offset: int,
        any_word: bool = False,
        floor: int = 0,
    ) -> list[int]:
        kind_sql, kind_params = _kind_clause(kind)
        # Within the window the matches are read by key: asked for "id >= floor",
        # PostgreSQL read every match of the word (60,000) and then dropped the older.
        among, among_params = (" AND e.id = ANY(%s)", [self.recent]) if floor else ("", [])
        sql = (
            f"SELECT e.id FROM insights_searchentry e, {self.parser(any_word)} q"
            f" WHERE e.document @@ q{among} AND e.incident_id IN ({scope}){kind_sql}"
            " ORDER BY ts_rank_cd(e.document, q) DESC, e.id DESC LIMIT %s OFFSET %s"
        )
        with connection.cursor() as cursor:
            text = self.text(terms, any_word)
            cursor.execute(sql, [text, *among_params, *params, *kind_params, limit, offset])
            return [row[0] for row in cursor.fetchall()]

    def parser(self, any_word: bool) -> str:
        # websearch_to_tsquery reads "a or b" as either word and never fails on syntax.
        # The words are folded as the indexed text is (migration 0004): "café" finds "cafe".
        name = "websearch_to_tsquery" if any_word else "plainto_tsquery"
        return f"{name}('english'::regconfig, unblame_fold(%s))"

    def text(self, terms: list[str], any_word: bool) -> str:
        return " or ".join(terms) if any_word else " ".join(terms)

    def window_floor(self, terms: list[str], any_word: bool) -> int:
        """The id of the WINDOW-th newest match (0 when there are fewer); keeps the window's ids.

        The newest matches are first read newest first among the newest
        EXACT_SCAN texts: enough for a common word, at most 50,000 rows.
        For a rarer word the span it needs is worked out from how many that
        span held, and the matches in it are read from the word's index and
        the span's ids together, so only matches are read (a word in one
        text of 150: 90 ms instead of 260 ms for 300,000 rows newest first,
        or 500 ms for reading all its matches, which the planner chose when
        it took two words as independent). Words the planner expects in at
        most WINDOW texts are ranked whole.
        """
        text = self.text(terms, any_word)
        texts, low, high = self._extent()
        if high == 0:
            return 0
        # Small or never analysed, the table is read whole at once; no estimate needed.
        if texts > EXACT_SCAN and self._estimated_matches(text, any_word) <= WINDOW:
            return 0
        span = max(1, int((high - low + 1) * EXACT_SCAN / max(texts, 1)))
        self.recent = self._newest_matches(text, any_word, high - span, by_key=True)
        while len(self.recent) < WINDOW and high - span >= low:
            found = len(self.recent)
            span = int(span * WINDOW * 1.25 / found) if found else span * 8
            self.recent = self._newest_matches(text, any_word, high - span, by_key=False)
        return min(self.recent) if self.recent and len(self.recent) >= WINDOW else 0

    def _newest_matches(self, text: str, any_word: bool, above: int, by_key: bool) -> list[int]:
        sql = (
            f"SELECT e.id FROM insights_searchentry e, {self.parser(any_word)} q"
            " WHERE e.document @@ q AND e.id > %s ORDER BY e.id DESC LIMIT %s"
        )
        # The planner, misjudging how many match, would read every match from
        # the word's index: it is told how to read the span. RESET as well, as
        # SET LOCAL would outlive this block in an enclosing transaction.
        off = ["enable_seqscan", "enable_bitmapscan" if by_key else "enable_indexscan"]
        with transaction.atomic(), connection.cursor() as cursor:
            for setting in off:
                cursor.execute(f"SET LOCAL {setting} = off")
            try:
                cursor.execute(sql, [text, above, WINDOW])
                return [row[0] for row in cursor.fetchall()]
            finally:
                for setting in off:
                    cursor.execute(f"RESET {setting}")

    def _extent(self) -> tuple[float, int, int]:
        """How many texts the planner thinks the index holds (-1: not yet known), and their ids."""
        sql = (
            "SELECT c.reltuples, (SELECT min(id) FROM insights_searchentry),"
            " (SELECT max(id) FROM insights_searchentry)"
            " FROM pg_class c WHERE c.oid = 'insights_searchentry'::regclass"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql)
            texts, low, high = cursor.fetchone()
        return float(texts), low or 0, high or 0

    def _estimated_matches(self, text: str, any_word: bool) -> float:
        """The planner's guess at the matches; at most the rarest word's, whatever it assumes."""
        terms = [text] if any_word else text.split()
        return min(self._estimate(term, any_word) for term in terms)

    def _estimate(self, text: str, any_word: bool) -> float:
        sql = (
            "EXPLAIN (FORMAT JSON) SELECT 1 FROM insights_searchentry e,"
            f" {self.parser(any_word)} q WHERE e.document @@ q"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, [text])
            plan = cursor.fetchone()[0]
        if isinstance(plan, str):
            plan = json.loads(plan)
        return float(plan[0]["Plan"]["Plan Rows"])

    def snippets(self, terms: list[str], ids: list[int]) -> dict[int, str]:
        # The headline is cut from the folded text, where the folded words
        # match, and then put back into the letters as written.
        options = f"StartSel={START}, StopSel={STOP}, MaxWords={SNIPPET_WORDS}, MinWords=12"
        sql = (
            "SELECT e.id, ts_headline('english'::regconfig, unblame_fold(d.text),"
            f" {self.parser(False)}, %s), d.text, unblame_fold(d.text)"
            " FROM insights_searchentry e,"
            " concat_ws(' — ', NULLIF(e.title, ''), e.body) AS d(text)"
            " WHERE e.id = ANY(%s)"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, [" ".join(terms), options, ids])
            return {pk: as_written(*texts) for pk, *texts in cursor.fetchall()}
