"""Search folds accents on PostgreSQL as FTS5 does on SQLite: "cafe" finds "café".

`unblame_fold(text)` is a plain SQL function that maps every accented Latin
letter to its letter without the accent, with translate(). It needs no
extension (`unaccent` must be created by a superuser or the database's
owner, and is not immutable, so a generated column could not use it), and
being IMMUTABLE it can feed the generated tsvector column. Each letter stays
one letter, so a snippet found in the folded text lines up, character by
character, with the text as written (insights.search).

The letters folded are those of Latin-1, Latin Extended-A and -B and Latin
Extended Additional that decompose into an ASCII letter and combining marks:
what SQLite's `remove_diacritics 2` folds. Unicode never changes an existing
letter's decomposition, so the table is the same on every Python.

Re-adding the column computes every row's tsvector again (about a minute per
million index rows); SQLite is left as it is.
"""

import unicodedata

from django.db import migrations

LATIN = [*range(0xC0, 0x250), *range(0x1E00, 0x1F00)]
OLD_DOCUMENT = (
    "setweight(to_tsvector('english'::regconfig, title), 'A')"
    " || setweight(to_tsvector('english'::regconfig, body), 'B')"
)
NEW_DOCUMENT = (
    "setweight(to_tsvector('english'::regconfig, unblame_fold(title)), 'A')"
    " || setweight(to_tsvector('english'::regconfig, unblame_fold(body)), 'B')"
)


def fold_table() -> tuple[str, str]:
    """The accented letters and, at the same places, their letters without accents."""
    accented, plain = [], []
    for code in LATIN:
        base, *marks = unicodedata.normalize("NFKD", chr(code))
        only_marks = all(unicodedata.combining(mark) for mark in marks)
        if marks and only_marks and base.isascii() and base.isalpha():
            accented.append(chr(code))
            plain.append(base)
    return "".join(accented), "".join(plain)


def _create_function() -> str:
    accented, plain = fold_table()
    return (
        "CREATE FUNCTION unblame_fold(text) RETURNS text"
        " LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE"
        f" AS $$ SELECT translate($1, '{accented}', '{plain}') $$"
    )


def _document(expression: str) -> list[str]:
    return [
        "ALTER TABLE insights_searchentry DROP COLUMN document",
        "ALTER TABLE insights_searchentry ADD COLUMN document tsvector"
        f" GENERATED ALWAYS AS ({expression}) STORED",
        "CREATE INDEX insights_search_document ON insights_searchentry USING gin (document)",
    ]


def forward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for sql in [_create_function(), *_document(NEW_DOCUMENT)]:
            schema_editor.execute(sql)


def backward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for sql in [*_document(OLD_DOCUMENT), "DROP FUNCTION unblame_fold(text)"]:
            schema_editor.execute(sql)


class Migration(migrations.Migration):
    dependencies = [("insights", "0003_section_figures")]

    operations = [migrations.RunPython(forward, backward)]
