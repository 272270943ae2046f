"""Keeps the search index of stories in step with the transcripts of the media they use: a save
of an audio or video item queues collection.tasks.reindex_stories_using_media."""

from django.contrib.contenttypes.models import ContentType
from django.db.models.signals import post_save
from django.dispatch import receiver
from wagtail.models import Page, ReferenceIndex

from operations.queue import enqueue_on_commit

from .models import StoryMedia, StoryPage


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
