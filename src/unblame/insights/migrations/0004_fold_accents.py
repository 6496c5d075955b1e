"""Search folds accents on PostgreSQL as FTS5 does on SQLite: "cafe" finds "café".

`unblame_fold(text)` is a plain SQL function: it decomposes the text (NFD),
drops the combining marks and composes what is left again (NFC), so "é"
becomes "e" and a precomposed letter stays one letter, which lets a snippet
found in the folded text line up with the text as written (insights.search).
Text that is all ASCII, most of it, is returned as it is without that work
(folding 1.3 million texts took 60 s, 8 s with the shortcut). It needs no
extension (`unaccent` must be created by a superuser or the database's owner,
and is not immutable, so a generated column could not use it); being
IMMUTABLE it can feed the generated tsvector column. A database that is not
UTF8 cannot normalize: there it returns the text unchanged.

Letters that are not a letter plus accents (ł, ø, ß) stay as they are, as on
SQLite. Re-adding the column computes every row's tsvector again, about a
minute per million texts on a busy machine; SQLite is left as it is.
"""

from django.db import migrations

# Unicode's blocks of combining diacritical marks.
MARKS = r"[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]"
FOLD = (
    r"CASE WHEN $1 ~ '^[\x01-\x7f]*$' THEN $1"
    f" ELSE normalize(regexp_replace(normalize($1, NFD), '{MARKS}', '', 'g'), NFC) END"
)
OLD_DOCUMENT = (
    "setweight(to_tsvector('english'::regconfig, title), 'A')"
    " || setweight(to_tsvector('english'::regconfig, body), 'B')"
)
NEW_DOCUMENT = (
    "setweight(to_tsvector('english'::regconfig, unblame_fold(title)), 'A')"
    " || setweight(to_tsvector('english'::regconfig, unblame_fold(body)), 'B')"
)


def _create_function(utf8: bool) -> str:
    body = FOLD if utf8 else "$1"
    return (
        "CREATE FUNCTION unblame_fold(text) RETURNS text"
        f" LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$ SELECT {body} $$"
    )


def _utf8(schema_editor) -> bool:
    with schema_editor.connection.cursor() as cursor:
        cursor.execute("SHOW server_encoding")
        return cursor.fetchone()[0].upper() in ("UTF8", "UTF-8")


def _document(expression: str) -> list[str]:
    return [
        "ALTER TABLE insights_searchentry DROP COLUMN document",
        "ALTER TABLE insights_searchentry ADD COLUMN document tsvector"
        f" GENERATED ALWAYS AS ({expression}) STORED",
        "CREATE INDEX insights_search_document ON insights_searchentry USING gin (document)",
    ]


def forward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for sql in [_create_function(_utf8(schema_editor)), *_document(NEW_DOCUMENT)]:
            schema_editor.execute(sql)


def backward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for sql in [*_document(OLD_DOCUMENT), "DROP FUNCTION unblame_fold(text)"]:
            schema_editor.execute(sql)


class Migration(migrations.Migration):
    dependencies = [("insights", "0003_section_figures")]

    operations = [migrations.RunPython(forward, backward)]
