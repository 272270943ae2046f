"""Keeps the search index of stories in step with the transcripts of the media they use: a save
of an audio or video item queues collection.tasks.reindex_stories_using_media. Keeps the
related-stories ranking's rows of a story saved as a plain Wagtail Page in step
(collection/models/live_story_themes.py)."""

from django.contrib.contenttypes.models import ContentType
from django.db.models.signals import post_save
from django.dispatch import receiver
from wagtail.models import Page, ReferenceIndex

from operations.queue import enqueue_on_commit

from .models import StoryMedia, StoryPage
from .models.live_story_themes import index_stories, saved_fields_matter


def stories_using(media):
    """The stories whose body uses this audio or video item (from Wagtail's reference index)."""
    story_ids = (
        ReferenceIndex.get_references_to(media)
        .filter(base_content_type=ContentType.objects.get_for_model(Page))
        .values_list("object_id", flat=True)
    )
    return StoryPage.objects.filter(pk__in=[int(pk) for pk in story_ids if str(pk).isdigit()])


@receiver(post_save, sender=StoryMedia)
def queue_reindex_on_media_save(sender, instance, raw=False, **kwargs):
    # A transcript edit changes what a search for the story's spoken words should find.
    if raw:
        return
    from .tasks import reindex_stories_using_media

    enqueue_on_commit(reindex_stories_using_media, instance.pk)


@receiver(post_save, sender=Page)
def index_story_saved_as_page(sender, instance, raw=False, update_fields=None, **kwargs):
    """A story saved through its plain Page row (Wagtail's scheduler unpublishes expired `Page`
    rows): StoryPage.save did not run, so its ranking rows are rewritten here."""
    if raw or not saved_fields_matter(update_fields):
        return
    if instance.content_type_id == ContentType.objects.get_for_model(StoryPage).pk:
        index_stories([instance.pk])
