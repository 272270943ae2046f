"""Keeps the search index of stories in step with the transcripts of the media they use."""

from django.contrib.contenttypes.models import ContentType
from django.db.models.signals import post_save
from django.dispatch import receiver
from wagtail.models import Page, ReferenceIndex
from wagtail.search import index

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
def reindex_stories_using_media(sender, instance, raw=False, **kwargs):
    # A transcript edit changes what a search for the story's spoken words should find.
    if raw:
        return
    for story in stories_using(instance):
        index.insert_or_update_object(story)
