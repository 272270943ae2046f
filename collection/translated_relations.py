"""Links from a translated page to other pages and themes point at their translations.

wagtail-localize copies a page's links as they are in the source language: a Welsh story made
from an English one would list the English themes, credit the English contributor pages and a
Welsh series would run through English stories. Its own rules (wagtail_localize.fields) treat a
foreign key to a page as "synchronised" (copied as is), skip many-to-many fields entirely, and
copy orderables that are not translatable themselves (StoryContributor, SeriesStory) with their
foreign keys unchanged.

So every page that links to translatable things names those links (`translated_relations` on
the model) and, whenever it is saved or a revision of it is made (which is what wagtail-localize
does after copying the source, on the first translation and on every sync), each link is moved
to the linked page's or theme's translation in this page's locale, when one exists. A link
with no translation yet stays on the source (a reader is better served by an English
contributor page than by no credit); the next save or sync after the translation appears picks
it up.

Costs one query per kind of link that points outside the page's locale, and nothing when every
link is already in it.
"""


class TranslatedRelations:
    """Which links of a page to move to the page's locale.

    - `foreign_keys`: foreign keys to pages on the page itself (HomePage.featured_story);
    - `many_to_many`: ParentalManyToManyFields to translatable snippets (StoryPage.themes);
    - `children`: {child relation name: foreign key on the child} for orderables whose rows
      link to pages (StoryPage.story_contributors -> contributor).
    """

    def __init__(self, foreign_keys=(), many_to_many=(), children=None):
        self.foreign_keys = tuple(foreign_keys)
        self.many_to_many = tuple(many_to_many)
        self.children = dict(children or {})


def _translations_in(model, locale_id, ids):
    """{id in another locale: id of its translation in `locale_id`} for the given ids."""
    keys = dict(
        model._default_manager.filter(pk__in=ids)
        .exclude(locale_id=locale_id)
        .values_list("pk", "translation_key")
    )
    if not keys:
        return {}
    translated = dict(
        model._default_manager.filter(
            translation_key__in=set(keys.values()), locale_id=locale_id
        ).values_list("translation_key", "pk")
    )
    return {pk: translated[key] for pk, key in keys.items() if key in translated}


def move_to_locale(page):
    """Point `page`'s links named in `page.translated_relations` at their translations in
    the page's locale. Changes the page in memory; the caller's save commits it."""
    relations = getattr(page, "translated_relations", None)
    if relations is None or page.locale_id is None:
        return
    for name in relations.foreign_keys:
        field = page._meta.get_field(name)
        current = getattr(page, field.attname)
        if current is None:
            continue
        mapped = _translations_in(field.related_model, page.locale_id, [current])
        if current in mapped:
            setattr(page, field.attname, mapped[current])
    for name in relations.many_to_many:
        field = page._meta.get_field(name)
        objects = list(getattr(page, name).all())
        if all(obj.locale_id == page.locale_id for obj in objects):
            continue
        mapped = _translations_in(field.related_model, page.locale_id, [o.pk for o in objects])
        if mapped:
            # Two source themes translated to one (or a theme and its translation both chosen)
            # must not make a duplicate row.
            ids = list(dict.fromkeys(mapped.get(obj.pk, obj.pk) for obj in objects))
            getattr(page, name).set(field.related_model._default_manager.filter(pk__in=ids))
    for relation, fk_name in relations.children.items():
        manager = getattr(page, relation)
        rows = list(manager.all())
        if not rows:
            continue
        field = manager.model._meta.get_field(fk_name)
        ids = [getattr(row, field.attname) for row in rows if getattr(row, field.attname)]
        mapped = _translations_in(field.related_model, page.locale_id, ids)
        if not mapped:
            continue
        for row in rows:
            current = getattr(row, field.attname)
            if current in mapped:
                setattr(row, field.attname, mapped[current])
                # Forget the source object loaded with the row, so the new id is what is read.
                if field.is_cached(row):
                    field.delete_cached_value(row)
        # Keep the changed rows in memory: the page's save commits them (modelcluster).
        manager.set(rows)


def is_full_save(kwargs):
    """A save that writes the whole page (not Wagtail's bookkeeping with update_fields)."""
    return not kwargs.get("update_fields")
