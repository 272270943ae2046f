"""A story body's images read ahead, in one query, for its blocks to take, with the renditions
its figures and its hero are drawn in.

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

from django.db.models import Case, F, When
from wagtail.images import get_image_model

from illustrations.alt_text import is_default_language
from illustrations.json_columns import (
    LanguageTextRows,
    RenditionRows,
    attach_language_text_rows,
    attach_rendition_rows,
)
from illustrations.read_ahead import images_read_ahead
from illustrations.renditions import SOCIAL_SPEC, specs_for_uses
from operations.compiled_queries import padded, run_compiled

from .models.base import LINK_FIELDS

# What the hero is drawn as on its story: its figure and the social card (site_tags, social.py).
HERO_USES = ("hero", SOCIAL_SPEC)


def body_image_uses(body):
    """[(image id, variant)] for each image the raw body shows: an illustration in its width
    ("wide" unless chosen), a video's or embed's poster as "wide"."""
    uses = []
    for item in body.raw_data:
        value = item.get("value") or {}
        if item["type"] == "illustration":
            chosen = value.get("image")
            pk = chosen.get("image") if isinstance(chosen, dict) else chosen
            uses.append((pk, value.get("width") or "wide"))
        elif item["type"] in ("video", "embed"):
            uses.append((value.get("poster"), "wide"))
    return [(pk, variant) for pk, variant in uses if isinstance(pk, int)]


def _specs(uses):
    """Every filter spec of these variant names and specs, for any image size, sorted (part of
    the compiled query's key)."""
    return tuple(sorted(specs_for_uses(uses)))


def body_images_read_ahead(page):
    """A context in which the page's body blocks take their images from one query (a no-op for
    blocks already made in memory, as in a preview, or a body without images)."""
    body = page.body
    if not getattr(body, "is_lazy", False):
        return nullcontext()
    uses = body_image_uses(body)
    ids = {pk for pk, _variant in uses}
    if not ids:
        return nullcontext()
    model = get_image_model()
    hero = page.hero_image if page.hero_image_id else None
    other_language = not is_default_language()
    wanted = set(ids)
    if hero is not None:
        wanted.add(hero.pk)
    # The renditions each image is shown in come in the same query (a StoryPage's
    # prefetch_body_illustrations checks they are all there before it asks for the rest): the
    # body's variants for its images, the hero's figure and social card for the hero.
    body_specs = _specs({variant for _pk, variant in uses})
    hero_pk = hero.pk if hero is not None else None
    hero_specs = _specs({*HERO_USES, *(variant for pk, variant in uses if pk == hero_pk)})

    def build(ids, hero_id):  # compiled once per process (operations/compiled_queries.py)
        images = (
            model.objects.filter(pk__in=ids)
            .select_related("illustrator")
            .only(
                *(f.attname for f in model._meta.concrete_fields if f.name != "illustrator"),
                "illustrator",
                *(f"illustrator__{name}" for name in LINK_FIELDS),
            )
            .annotate(
                rendition_rows=Case(
                    When(pk=hero_id, then=RenditionRows(F("pk"), hero_specs)),
                    default=RenditionRows(F("pk"), body_specs),
                )
            )
        )
        if other_language:
            images = images.annotate(language_text_rows=LanguageTextRows(F("pk")))
        return images

    images = run_compiled(
        "body-images",
        build,
        shape=(other_language, body_specs, hero_specs),
        ids=padded(sorted(wanted)),
        hero_id=hero_pk or 0,
    )
    for image in images:
        attach_language_text_rows(image, getattr(image, "language_text_rows", None))
        attach_rendition_rows(image, image.rendition_rows)
        if hero is not None and image.pk == hero.pk:
            if hasattr(image, "_language_texts"):
                hero._language_texts = image._language_texts
            if not hasattr(hero, "prefetched_renditions"):
                hero.prefetched_renditions = image.prefetched_renditions
    return images_read_ahead(ids, [image for image in images if image.pk in ids])
