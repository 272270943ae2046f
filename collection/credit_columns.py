"""A story's credits read in the query that routes to the story, as a JSON column.

A story's byline, credits list and structured data name its contributors: a query of their own
on every reading afresh (StoryPage._read_credits). `CreditRows` reads the same rows in the
routing query instead (StoryPage.routed_columns): a JSON array, in the credits' order, of
{role, contributor: its link fields, local: its live page in the story's language or null}
(a correlated subquery, PostgreSQL and SQLite alike). `credits_from_rows` turns it back into
(contributor page, local page values) pairs as the query gives them.
"""

import uuid

from django.db.models import F, OuterRef, Subquery, TextField
from django.db.models.functions import JSONObject

from illustrations.json_columns import json_value, loaded_instance

from .models.base import LINK_FIELDS

FIELDS = (*LINK_FIELDS, "translation_key", "alias_of_id")


class JSONRows(Subquery):
    """The `row` column of a queryset's rows as JSON array text, ordered by its `row_order`
    and `row_id` columns."""

    output_field = TextField()

    def as_sql(self, compiler, connection, template=None, **extra_context):
        inner, params = super().as_sql(compiler, connection, template, **extra_context)
        if connection.vendor == "postgresql":
            sql = (
                "(SELECT COALESCE(JSON_AGG(mtg_s.row ORDER BY mtg_s.row_order, mtg_s.row_id)"
                f"::text, '[]') FROM {inner} mtg_s)"
            )
        else:  # SQLite keeps the order of an ordered subquery in JSON_GROUP_ARRAY
            sql = (
                "(SELECT JSON_GROUP_ARRAY(JSON(mtg_o.row)) FROM (SELECT mtg_s.row FROM "
                f"{inner} mtg_s ORDER BY mtg_s.row_order, mtg_s.row_id) mtg_o)"
            )
        return sql, params


def credit_rows():
    """The expression for a routed StoryPage's `credit_rows` column."""
    from .models.contributors import ContributorPage
    from .models.stories import StoryContributor

    local = ContributorPage.objects.filter(
        translation_key=OuterRef("contributor__translation_key"),
        locale_id=OuterRef(OuterRef("locale_id")),
        live=True,
        alias_of__isnull=True,
    ).order_by()
    local_row = JSONObject(id="pk", **{name: name for name in FIELDS})
    credits = (
        StoryContributor.objects.filter(story_id=OuterRef("pk"))
        .order_by()
        .annotate(
            row=JSONObject(
                role="role",
                contributor=JSONObject(
                    id="contributor_id", **{name: f"contributor__{name}" for name in FIELDS}
                ),
                local=Subquery(local.annotate(row=local_row).values("row")[:1]),
            ),
            row_order=F("sort_order"),
            row_id=F("pk"),
        )
        .values("row", "row_order", "row_id")
    )
    return JSONRows(credits)


def credits_from_rows(rows):
    """[(role, contributor page, local page values or None)] from a `credit_rows` value."""
    from .models.contributors import ContributorPage

    credits = []
    for row in json_value(rows):
        values = dict(json_value(row["contributor"]))
        if values.get("translation_key"):
            values["translation_key"] = uuid.UUID(str(values["translation_key"]))
        values["live"] = bool(values["live"])
        person = loaded_instance(ContributorPage, **values)
        local = json_value(row.get("local"))
        if local is not None:
            local["live"] = bool(local["live"])
        credits.append((row["role"], person, local))
    return credits
