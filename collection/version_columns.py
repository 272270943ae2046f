"""A page's live translations and the section index pages, read in the query that routes to it.

Every public page shows its versions in other languages (the language switcher, hreflang
alternates, og:locale) and links to the section index pages in the reader's language: one query
of their own on every page read afresh (collection/templatetags/languages.py). `version_rows`
reads the same rows in the routing query instead (collection/models/base.py `routed_child`), as
a JSON array of the fields a page's address needs, with its language code, in tree order (a
correlated subquery, PostgreSQL and SQLite alike); `pages_from_version_rows` turns them back
into Page rows as that query gives them.
"""

import uuid

from django.db.models import F, OuterRef, Q
from django.db.models.functions import JSONObject
from wagtail.models import Page

from illustrations.json_columns import json_value, loaded_instance

from .credit_columns import JSONRows

# The fields of a page row that working out its address (Page.get_url_parts) and telling a
# translation from a section index page read.
ADDRESS_FIELDS = (
    "id",
    "path",
    "depth",
    "url_path",
    "live",
    "locale_id",
    "translation_key",
    "alias_of_id",
    "content_type_id",
)


def version_filter(translation_key, type_ids, languages):
    """The page's own live translations (never an alias: wagtail-localize's placeholders for
    untranslated pages) and the section index pages of these types in these languages."""
    from .templatetags.localized_links import sections_filter

    own = Q(translation_key=translation_key, alias_of__isnull=True)
    return Q(live=True) & (own | sections_filter(type_ids, languages))


def version_rows(type_ids, languages):
    """The expression for a routed page's `version_rows` column."""
    pages = (
        Page.objects.filter(version_filter(OuterRef("translation_key"), type_ids, languages))
        .order_by()
        .annotate(
            row=JSONObject(
                **{name: name for name in ADDRESS_FIELDS}, language="locale__language_code"
            ),
            row_order=F("path"),
            row_id=F("pk"),
        )
        .values("row", "row_order", "row_id")
    )
    return JSONRows(pages)


def pages_from_version_rows(rows):
    """Page rows, each with `language` (its locale's code), from a `version_rows` value."""
    pages = []
    for row in json_value(rows):
        values = dict(json_value(row))
        language = values.pop("language")
        values["live"] = bool(values["live"])
        values["translation_key"] = uuid.UUID(str(values["translation_key"]))
        page = loaded_instance(Page, **values)
        page.language = language
        pages.append(page)
    return pages
