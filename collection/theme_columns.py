"""A story's themes read in the query that routes to the story, as a JSON column.

A story shows its themes in its own language (the head's tags, the list under the body, the
related-stories ranking): a query of their own on every reading afresh. `ThemeRows` reads them
in the routing query instead (collection/models/base.py `routed_columns`), as a JSON array of
[id, translation key, name, slug, description] in name order (a correlated subquery,
PostgreSQL and SQLite alike); `themes_from_rows` turns them back into Theme rows.
"""

import uuid

from django.db.models import F, Func, TextField

from illustrations.json_columns import json_value

COLUMNS = ("id", "translation_key", "name", "slug", "description")


class ThemeRows(Func):
    """The themes, in the story's language, whose translations the story is linked to (a
    translated story keeps its source's links): as StoryPage._localized_themes reads them."""

    output_field = TextField()

    def __init__(self):
        super().__init__(F("pk"), F("locale_id"))

    def as_sql(self, compiler, connection, **extra_context):
        from .models.stories import StoryPage
        from .models.themes import Theme

        story_sql, story_params = compiler.compile(self.source_expressions[0])
        locale_sql, locale_params = compiler.compile(self.source_expressions[1])
        quote = connection.ops.quote_name
        theme = Theme._meta
        link = StoryPage.themes.through._meta
        column = {name: quote(theme.get_field(name).column) for name in (*COLUMNS, "locale")}
        chosen = (
            f"SELECT mtg_ct.{column['translation_key']} "
            f"FROM {quote(link.db_table)} mtg_l INNER JOIN {quote(theme.db_table)} mtg_ct "
            f"ON mtg_ct.{column['id']} = mtg_l.{quote(link.get_field('theme').column)} "
            f"WHERE mtg_l.{quote(link.get_field('storypage').column)} = {story_sql}"
        )
        rows = (
            f"FROM {quote(theme.db_table)} mtg_t WHERE mtg_t.{column['locale']} = {locale_sql} "
            f"AND mtg_t.{column['translation_key']} IN ({chosen})"
        )
        if connection.vendor == "postgresql":
            values = ", ".join(f"mtg_t.{column[name]}" for name in COLUMNS)
            sql = (
                f"(SELECT COALESCE(JSON_AGG(JSON_BUILD_ARRAY({values}) "
                f"ORDER BY mtg_t.{column['name']})::text, '[]') {rows})"
            )
        else:  # SQLite keeps the order of an ordered subquery in JSON_GROUP_ARRAY
            inner = ", ".join(f"mtg_t.{column[name]} AS {name}" for name in COLUMNS)
            values = ", ".join(f"mtg_o.{name}" for name in COLUMNS)
            sql = (
                f"(SELECT JSON_GROUP_ARRAY(JSON_ARRAY({values})) FROM "
                f"(SELECT {inner} {rows} ORDER BY mtg_t.{column['name']}) mtg_o)"
            )
        return sql, (*locale_params, *story_params)


def themes_from_rows(rows, locale_id):
    """Theme rows (as the database would give them) from a ThemeRows column's value."""
    from .models.themes import Theme

    themes = []
    for pk, key, name, slug, description in json_value(rows):
        theme = Theme(
            id=pk,
            translation_key=uuid.UUID(str(key)),
            locale_id=locale_id,
            name=name,
            slug=slug,
            description=description,
        )
        theme._state.adding = False
        theme._state.db = "default"
        themes.append(theme)
    return themes
