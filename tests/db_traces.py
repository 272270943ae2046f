"""Find words anywhere in the database: every column of every table, by raw SQL.

Erasure tests use it to prove that a sender's words are gone from every place Django, Wagtail
and the project keep them (page log entries, revisions, workflow and task states, comments,
search index tables, the references index, model log entries...), including tables nobody
thought to check. Works on SQLite (FTS tables included) and PostgreSQL (tsvectors included:
give fragments short enough to survive stemming).
"""

from django.db import connection


def _tables(cursor):
    tables = connection.introspection.table_names(cursor, include_views=False)
    if connection.vendor == "sqlite":
        # Virtual (FTS) tables and their shadow tables are real tables to SQLite, but list
        # them from sqlite_master so none is missed.
        cursor.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        tables = sorted(set(tables) | {row[0] for row in cursor.fetchall()})
    return tables


def _columns(cursor, table):
    if connection.vendor == "sqlite":
        cursor.execute(f"PRAGMA table_info({connection.ops.quote_name(table)})")
        return [row[1] for row in cursor.fetchall()]
    return [column.name for column in connection.introspection.get_table_description(cursor, table)]


def places_holding(*fragments):
    """[(table, column, number of rows)] where any fragment appears, case-insensitively."""
    quote = connection.ops.quote_name
    found = []
    with connection.cursor() as cursor:
        for table in _tables(cursor):
            for column in _columns(cursor, table):
                condition = " OR ".join(
                    f"LOWER(CAST({quote(column)} AS TEXT)) LIKE %s" for _ in fragments
                )
                cursor.execute(
                    f"SELECT COUNT(*) FROM {quote(table)} WHERE {condition}",
                    [f"%{fragment.lower()}%" for fragment in fragments],
                )
                count = cursor.fetchone()[0]
                if count:
                    found.append((table, column, count))
    return found
