"""A story body's images read ahead, in one query, for its blocks to take.

Wagtail turns a StreamField's image choices into images once per kind of block (the
illustrations, then the video and embed posters), and a credit line then reads their
illustrators: three queries for a body that shows both kinds. The raw body says which images it
chooses, so they are read here in one query with what a credit line shows of their
illustrators, and handed to the blocks while the body is turned into blocks
(illustrations/read_ahead.py). On a page in another language their alt texts and captions in
every language come in the same query, the hero's too (illustrations/json_columns.py), where
they took one more.
"""

from contextlib import nullcontext

from django.db.models import F
from wagtail.images import get_image_model

from illustrations.alt_text import is_default_language
from illustrations.json_columns import LanguageTextRows, attach_language_text_rows
from illustrations.read_ahead import images_read_ahead
from operations.compiled_queries import padded, run_compiled

from .models.base import LINK_FIELDS


def chosen_image_ids(body):
    """Ids of the images the raw body chooses: illustrations, and video and embed posters."""
    ids = set()
    for item in body.raw_data:
        value = item.get("value") or {}
        if item["type"] == "illustration":
            chosen = value.get("image")
            ids.add(chosen.get("image") if isinstance(chosen, dict) else chosen)
        elif item["type"] in ("video", "embed"):
            ids.add(value.get("poster"))
    return {pk for pk in ids if isinstance(pk, int)}


def body_images_read_ahead(page):
    """A context in which the page's body blocks take their images from one query (a no-op for
    blocks already made in memory, as in a preview, or a body without images)."""
    body = page.body
    if not getattr(body, "is_lazy", False):
        return nullcontext()
    ids = chosen_image_ids(body)
    if not ids:
        return nullcontext()
    model = get_image_model()
    hero = page.hero_image if page.hero_image_id else None
    other_language = not is_default_language()
    wanted = set(ids)
    if other_language and hero is not None and not hasattr(hero, "_language_texts"):
        wanted.add(hero.pk)

    def build(ids):  # compiled once per process (operations/compiled_queries.py)
        images = (
            model.objects.filter(pk__in=ids)
            .select_related("illustrator")
            .only(
                *(f.attname for f in model._meta.concrete_fields if f.name != "illustrator"),
                "illustrator",
                *(f"illustrator__{name}" for name in LINK_FIELDS),
            )
        )
        if other_language:
            images = images.annotate(language_text_rows=LanguageTextRows(F("pk")))
        return images

    images = run_compiled("body-images", build, shape=(other_language,), ids=padded(sorted(wanted)))
    for image in images:
        attach_language_text_rows(image, getattr(image, "language_text_rows", None))
        if hero is not None and image.pk == hero.pk and hasattr(image, "_language_texts"):
            hero._language_texts = image._language_texts
    return images_read_ahead(ids, [image for image in images if image.pk in ids])
