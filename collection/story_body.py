"""A story's rendered body (with its hero figure and social card), kept by what it was made from.

The body is the costliest part of a story page to render (its StreamField turned into blocks,
its illustrations with their renditions and credits, its audio and video with transcripts in the
page's language). Other kept fragments (collection/fragments.py) live under the site-wide
content generation, which every publish replaces; the body would then be thrown away whenever
any story anywhere is published. So the body is kept under what it was made from instead:

- the story's live revision (a publish of the story itself makes a new one);
- the host and the language (as every fragment: links and the site's words differ);
- the *body generation*, a token replaced only by changes a body can show: an edited image, its
  alt text or credit, an audio or video item or its transcript, an embed, a theme or setting; an
  unpublish, move or deletion of any page (links in a body point at pages); and a publish that
  changes what a body shows of a page (its address, title or being live) when something points
  at the page or one of its translations (Wagtail's reference index: a link in another
  language's body resolves to that language's translation once it is live, and an image's credit
  names its illustrator's page), or changes the address of a page with pages below it.

So publishing a story leaves every other story's kept body in place.
"""

import uuid

from django.conf import settings
from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_save
from django.utils import translation
from django.utils.safestring import mark_safe
from wagtail.images.models import AbstractRendition
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move

from . import fragments, local_copies

GENERATION_KEY = "fragment:body-generation"
# Models whose rows a body can show (apps) and those it never reads although they live there.
BODY_APPS = {"home", "collection", "illustrations", "wagtailmedia", "wagtailembeds", "taggit"}


def _generation(request):
    if fragments._generation(request) is None:
        return None
    from operations.page_cache import shared_token

    return shared_token(fragments._cache(), GENERATION_KEY)


def new_body_generation():
    """Make every kept body unreachable (after a change any body may show commits)."""
    if settings.FRAGMENT_CACHE_SECONDS > 0:
        fragments._cache().set(GENERATION_KEY, uuid.uuid4().hex, timeout=None)


def _schedule():
    transaction.on_commit(new_body_generation)


def kept_body(request, page, render):
    """What `render()` made of the page for this live revision (a dict of HTML and values), or
    a fresh one, with `kept_as`: the key it is kept under (None when nothing is kept). HTML comes
    back safe to print (it was rendered by the template engine)."""
    generation = _generation(request)
    if generation is None or not page.live_revision_id:
        return {**render(), "kept_as": None}
    language = translation.get_language() or settings.LANGUAGE_CODE
    key = (
        f"story-body:{generation}:{request.get_host()}:{language}:{page.pk}:{page.live_revision_id}"
    )
    cache = fragments._cache()
    parts = local_copies.get(cache, key)
    if parts is local_copies.MISSING:
        parts = render()
        local_copies.set(cache, key, parts, settings.FRAGMENT_CACHE_SECONDS)
    kept = {
        name: mark_safe(value) if isinstance(value, str) else value  # noqa: S308
        for name, value in parts.items()
    }
    # What the parts were kept under: a template may keep more of the page by it ({% keep %},
    # collection/templatetags/kept.py), as it changes whenever the parts may.
    kept["kept_as"] = key
    return kept


def _is_page_child(model):
    """An inline row of a page (a story's credits, a series' list): saved with every publish
    of its page, and never shown by another page's body."""
    from modelcluster.fields import ParentalKey

    return any(
        isinstance(field, ParentalKey) and issubclass(field.related_model, Page)
        for field in model._meta.concrete_fields
    )


def model_changed(sender, instance=None, created=False, raw=False, **kwargs):
    if raw:
        return
    if issubclass(sender, (Page, AbstractRendition)) or _is_page_child(sender):
        return
    if sender is _ranking_rows():
        return  # rewritten with every save of a story; never shown by a body
    if created and sender in _new_rows_change_no_body():
        return  # a new image or media item is in no body yet
    if sender._meta.app_label in BODY_APPS:
        _schedule()


def _ranking_rows():
    from .models.live_story_themes import LiveStoryTheme

    return LiveStoryTheme


def _new_rows_change_no_body():
    from wagtail.images import get_image_model
    from wagtailmedia.models import get_media_model

    return (get_image_model(), get_media_model())


def remember_address(sender, instance, raw=False, **kwargs):
    """Before a page is saved: what another page's body shows of it (its address, whether it
    is live, its title), to compare with once it is published."""
    if raw or not isinstance(instance, Page) or instance.pk is None:
        return
    if "_body_previous" not in instance.__dict__:
        instance._body_previous = (
            Page.objects.filter(pk=instance.pk).values_list("url_path", "live", "title").first()
        )


def _shown_elsewhere(page):
    """Whether a body can show the page or one of its translations (Wagtail's reference
    index: links in a body's rich text or choosers, an image's illustrator)."""
    from django.contrib.contenttypes.models import ContentType
    from django.db.models import Q
    from wagtail.images import get_image_model
    from wagtail.models import ReferenceIndex

    ids = Page.objects.filter(translation_key=page.translation_key).values_list("pk", flat=True)
    page_type = ContentType.objects.get_for_model(Page)
    # Only what a body renders: its own blocks, and the images in them (their illustrator). A
    # series' list or a story's credits are not bodies; their pages follow the content
    # generation.
    from_bodies = Q(base_content_type=page_type, model_path__startswith="body.")
    from_images = Q(base_content_type=ContentType.objects.get_for_model(get_image_model()))
    return ReferenceIndex.objects.filter(
        from_bodies | from_images,
        to_content_type=page_type,
        to_object_id__in=[str(pk) for pk in ids],
    ).exists()


def page_published_changed_bodies(sender, instance, **kwargs):
    previous = instance.__dict__.pop("_body_previous", None)
    if previous == (instance.url_path, True, instance.title):
        return  # nothing a body shows of it changed: the commonest publish
    if previous is not None and previous[0] != instance.url_path and instance.numchild:
        _schedule()  # every page below it has a new address
    elif _shown_elsewhere(instance):
        _schedule()


def page_structure_changed(sender, **kwargs):
    _schedule()


def page_deleted(sender, instance, **kwargs):
    if isinstance(instance, Page):
        _schedule()


def _renew(sender, **kwargs):
    new_body_generation()


def connect():
    from operations.page_cache import everything_renewed

    everything_renewed.connect(_renew, dispatch_uid="story-body-renewed")
    post_save.connect(model_changed, dispatch_uid="story-body-post-save")
    post_delete.connect(model_changed, dispatch_uid="story-body-post-delete")
    post_delete.connect(page_deleted, dispatch_uid="story-body-page-delete")
    pre_save.connect(remember_address, dispatch_uid="story-body-pre-save")
    page_published.connect(page_published_changed_bodies, dispatch_uid="story-body-published")
    page_unpublished.connect(page_structure_changed, dispatch_uid="story-body-unpublished")
    post_page_move.connect(page_structure_changed, dispatch_uid="story-body-moved")
