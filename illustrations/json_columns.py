"""What a card shows of its image, read in the query that reads the image, as JSON columns.

A listing's cards each show one image in one variant. Reading the cards and then the images'
renditions (and, in a language other than the default, their alt texts and captions) costs a
query each on every listing page. These columns read them in the first query instead, as a JSON
array with one array per row (a correlated subquery, PostgreSQL and SQLite alike):

- `RenditionRows`: [id, filter spec, focal point key, file, width, height] for each rendition in
  the given specs; `attach_rendition_rows` hands them to the image as the prefetched renditions
  Wagtail's `get_renditions()` looks through (illustrations/shown_renditions.py).
- `LanguageTextRows`: [language code, alt text, caption] for each of the image's texts in other
  languages; `attach_language_text_rows` gives them to the image as
  `prefetch_language_texts` would (illustrations/alt_text.py).
"""

import json

from django.db.models import Func, TextField

from .shown_renditions import ShownRendition


def json_rows_sql(connection, columns, tables, where):
    """SQL for a JSON array of [columns...] over the rows of `tables` matching `where`."""
    if connection.vendor == "postgresql":
        rows = f"COALESCE(JSON_AGG(JSON_BUILD_ARRAY({columns}))::text, '[]')"
    else:  # SQLite's JSON functions (built in since 3.38)
        rows = f"JSON_GROUP_ARRAY(JSON_ARRAY({columns}))"
    return f"(SELECT {rows} FROM {tables} WHERE {where})"


def column_sql(connection, model, alias, names):
    quote = connection.ops.quote_name
    return [f"{alias}.{quote(model._meta.get_field(name).column)}" for name in names]


class RenditionRows(Func):
    """The renditions in `specs` of the image whose id is the expression `image_id`, as JSON
    text ("[]" when it has none)."""

    output_field = TextField()

    def __init__(self, image_id, specs):
        specs = tuple(dict.fromkeys(specs))
        if not specs:
            raise ValueError("RenditionRows needs at least one filter spec")
        super().__init__(image_id)
        self.specs = specs

    def as_sql(self, compiler, connection, **extra_context):
        from wagtail.images import get_image_model

        image_sql, image_params = compiler.compile(self.source_expressions[0])
        model = get_image_model().get_rendition_model()
        columns = column_sql(
            connection,
            model,
            "mtg_r",
            ("id", "filter_spec", "focal_point_key", "file", "width", "height"),
        )
        image, spec = column_sql(connection, model, "mtg_r", ("image", "filter_spec"))
        placeholders = ", ".join(["%s"] * len(self.specs))
        sql = json_rows_sql(
            connection,
            ", ".join(columns),
            f"{connection.ops.quote_name(model._meta.db_table)} mtg_r",
            f"{image} = {image_sql} AND {spec} IN ({placeholders})",
        )
        return sql, (*image_params, *self.specs)


class TranslationRows(Func):
    """A JSON column of a row's texts in other languages: [language code, *columns] for each
    row of `text_model()` whose `owner` is the expression given (a subclass names them)."""

    output_field = TextField()
    owner = ""
    columns = ()

    def text_model(self):
        raise NotImplementedError

    def as_sql(self, compiler, connection, **extra_context):
        from wagtail.models import Locale

        owner_sql, owner_params = compiler.compile(self.source_expressions[0])
        quote = connection.ops.quote_name
        model = self.text_model()
        owner, locale, *columns = column_sql(
            connection, model, "mtg_t", (self.owner, "locale", *self.columns)
        )
        locale_id, language_code = column_sql(connection, Locale, "mtg_l", ("id", "language_code"))
        sql = json_rows_sql(
            connection,
            ", ".join((language_code, *columns)),
            f"{quote(model._meta.db_table)} mtg_t "
            f"INNER JOIN {quote(Locale._meta.db_table)} mtg_l ON {locale_id} = {locale}",
            f"{owner} = {owner_sql}",
        )
        return sql, owner_params


class LanguageTextRows(TranslationRows):
    """The alt texts and captions in other languages of the image whose id is the expression
    `image_id`: [language code, alt text, caption] each."""

    owner = "image"
    columns = ("alt_text", "caption")

    def text_model(self):
        from .models import IllustrationTranslation

        return IllustrationTranslation


def json_value(value):
    """A JSON column's value as Python: PostgreSQL's and SQLite's come as text, a value already
    turned into Python (a JSONField, a kept row) as it is."""
    return json.loads(value) if isinstance(value, str) else value


def loaded_instance(model, **values):
    """An instance of `model` holding these field values as if read from the database (Django's
    `Model.from_db`): the fields not given are deferred, so reading one queries for it rather
    than showing a default. For rows read along as JSON or values. Building it this way skips
    working out a default for every other field (a fresh UUID, a StreamField's empty value),
    which cost a page about 80 microseconds."""
    from django.db import DEFAULT_DB_ALIAS

    pk = model._meta.pk
    if "id" in values and pk.attname != "id":  # a page type's key is its link to Page
        values.setdefault(pk.attname, values["id"])
    names = [f.attname for f in model._meta.concrete_fields if f.attname in values]
    return model.from_db(DEFAULT_DB_ALIAS, names, [values[name] for name in names])


def attach_rendition_rows(image, rows):
    """Give `image` the renditions a RenditionRows column read for it (JSON text or a list)."""
    if image is None or rows is None:
        return
    image.prefetched_renditions = [
        ShownRendition(pk, image.pk, spec, focal_point_key, name, width, height)
        for pk, spec, focal_point_key, name, width, height in json_value(rows)
    ]


def attach_language_text_rows(image, rows):
    """Give `image` the texts a LanguageTextRows column read for it (JSON text or a list)."""
    if image is None or rows is None:
        return
    image._language_texts = {
        code: (alt_text, caption) for code, alt_text, caption in json_value(rows)
    }
