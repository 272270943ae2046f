"""Background tasks of the collection app: keeping the search index of stories in step with the
transcripts of the media they use. Safe to run twice: indexing a story again changes nothing."""

from django_tasks import task


@task()
def reindex_stories_using_media(media_id):
    from wagtail.search import index

    from .models import StoryMedia
    from .signals import stories_using

    media = StoryMedia.objects.filter(pk=media_id).first()
    if media is None:
        return 0
    count = 0
    for story in stories_using(media):
        index.insert_or_update_object(story)
        count += 1
    return count
