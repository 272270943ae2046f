"""What a story card shows of other rows, read as columns of the query that reads the stories.

A card names the story's contributors in their order. Reading them with a prefetch costs a
query of its own on every listing; `ContributorNames` reads them in the stories' query as a JSON
array of names (a correlated subquery, PostgreSQL and SQLite alike). The hero's renditions come
the same way (illustrations/json_columns.py).
"""

import json

from django.db.models import F, Func, TextField


class ContributorNames(Func):
    """The names of the story's contributors (its credits' pages' titles) in the credits' order,
    as JSON text ("[]" for none)."""

    output_field = TextField()

    def __init__(self, story_id=None):
        super().__init__(story_id if story_id is not None else F("pk"))

    def as_sql(self, compiler, connection, **extra_context):
        from wagtail.models import Page

        from .models.stories import StoryContributor

        story_sql, story_params = compiler.compile(self.source_expressions[0])
        quote = connection.ops.quote_name
        meta = StoryContributor._meta
        credit = {name: quote(meta.get_field(name).column) for name in ("id", "sort_order")}
        story_column = quote(meta.get_field("story").column)
        contributor_column = quote(meta.get_field("contributor").column)
        title = quote(Page._meta.get_field("title").column)
        page_id = quote(Page._meta.pk.column)
        rows = (
            f"FROM {quote(meta.db_table)} mtg_c "
            f"INNER JOIN {quote(Page._meta.db_table)} mtg_p "
            f"ON mtg_p.{page_id} = mtg_c.{contributor_column} "
            f"WHERE mtg_c.{story_column} = {story_sql}"
        )
        order = f"mtg_c.{credit['sort_order']}, mtg_c.{credit['id']}"
        if connection.vendor == "postgresql":
            sql = f"(SELECT COALESCE(JSON_AGG(mtg_p.{title} ORDER BY {order})::text, '[]') {rows})"
        else:  # SQLite keeps the order of an ordered subquery in JSON_GROUP_ARRAY
            sql = (
                f"(SELECT JSON_GROUP_ARRAY(mtg_t.name) FROM "
                f"(SELECT mtg_p.{title} AS name {rows} ORDER BY {order}) mtg_t)"
            )
        return sql, story_params


def contributor_names(story):
    """The names a card shows: from a ContributorNames column read as `card_contributor_names`,
    else from the story's prefetched (or unsaved, in a preview) credits."""
    names = getattr(story, "card_contributor_names", None)
    if names is not None:
        return json.loads(names) if isinstance(names, str) else names
    return [credit.contributor.title for credit in story.story_contributors.all()]
