"""The full-text part of the search index, which each database does its own way.

SQLite: an FTS5 table over insights_searchentry (external content: the text
is stored once), with the Porter stemmer, kept in step by triggers on every
insert, update and delete of an entry. A later migration that makes Django
rebuild insights_searchentry on SQLite drops these triggers with the old
table and must create them again.

PostgreSQL: a stored generated tsvector column (titles weigh more than
bodies) with a GIN index.
"""

from django.db import migrations

SQLITE = [
    """CREATE VIRTUAL TABLE insights_search_fts USING fts5(
        title, body, content='insights_searchentry', content_rowid='id',
        tokenize='porter unicode61 remove_diacritics 2')""",
    """CREATE TRIGGER insights_search_ai AFTER INSERT ON insights_searchentry BEGIN
        INSERT INTO insights_search_fts(rowid, title, body) VALUES (new.id, new.title, new.body);
    END""",
    """CREATE TRIGGER insights_search_ad AFTER DELETE ON insights_searchentry BEGIN
        INSERT INTO insights_search_fts(insights_search_fts, rowid, title, body)
        VALUES ('delete', old.id, old.title, old.body);
    END""",
    """CREATE TRIGGER insights_search_au AFTER UPDATE ON insights_searchentry BEGIN
        INSERT INTO insights_search_fts(insights_search_fts, rowid, title, body)
        VALUES ('delete', old.id, old.title, old.body);
        INSERT INTO insights_search_fts(rowid, title, body) VALUES (new.id, new.title, new.body);
    END""",
]
SQLITE_REVERSE = [
    "DROP TRIGGER insights_search_au",
    "DROP TRIGGER insights_search_ad",
    "DROP TRIGGER insights_search_ai",
    "DROP TABLE insights_search_fts",
]

POSTGRES = [
    """ALTER TABLE insights_searchentry ADD COLUMN document tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('english'::regconfig, title), 'A')
        || setweight(to_tsvector('english'::regconfig, body), 'B')) STORED""",
    "CREATE INDEX insights_search_document ON insights_searchentry USING gin (document)",
]
POSTGRES_REVERSE = [
    "DROP INDEX insights_search_document",
    "ALTER TABLE insights_searchentry DROP COLUMN document",
]


def _run(statements: dict):
    def run(apps, schema_editor):
        for sql in statements.get(schema_editor.connection.vendor, []):
            schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [("insights", "0001_initial")]

    operations = [
        migrations.RunPython(
            _run({"sqlite": SQLITE, "postgresql": POSTGRES}),
            _run({"sqlite": SQLITE_REVERSE, "postgresql": POSTGRES_REVERSE}),
        )
    ]
