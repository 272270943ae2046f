"""Search over stories (with their media transcripts), series and contributors."""

import pytest

from collection.models import StoryMedia

pytestmark = pytest.mark.django_db


def test_search_finds_words_spoken_in_a_podcast(client, content):
    content.stories_up_to(2)
    story, _ = content.podcast(title="Who said yes")
    html = client.get("/search/?q=biobank").content.decode()
    assert "1 result for" in html
    assert story.url in html
    assert "Podcast" in html  # the format is shown
    assert story.summary in html


def test_search_is_reindexed_when_a_transcript_changes(
    client, content, django_capture_on_commit_callbacks
):
    story, audio = content.podcast()
    assert "0 results" in client.get("/search/?q=ventriloquist").content.decode()
    audio = StoryMedia.objects.get(pk=audio.pk)
    audio.transcript = "<p>GUEST: I am not a ventriloquist.</p>"
    # The stories using the media are re-indexed by a task queued when the save commits.
    with django_capture_on_commit_callbacks(execute=True):
        audio.save()
    html = client.get("/search/?q=ventriloquist").content.decode()
    assert "1 result for" in html and story.url in html


def test_search_finds_series_and_contributors(client, content):
    content.stories_up_to(1)
    html = client.get("/search/?q=Missing").content.decode()
    assert content.series.url in html and "Series" in html
    html = client.get("/search/?q=Regular").content.decode()
    assert "/contributors/regular/" in html and "Contributor" in html


def test_empty_and_no_result_states_help(client, content):
    content.stories_up_to(1)
    empty = client.get("/search/").content.decode()
    assert "What you can search" in empty and "/stories/?theme=consent" in empty
    none = client.get("/search/?q=zzyzx").content.decode()
    assert "Nothing in the collection matches" in none
    assert "/share-your-story/" in none


def test_search_does_not_show_drafts(client, content):
    story = content.stories_up_to(1)[0]
    story.unpublish()
    assert story.url not in client.get("/search/?q=Story").content.decode()


def test_pagination_links_carry_the_query_url_encoded(client, content):
    content.stories_up_to(12)  # more results than one page holds
    html = client.get("/search/?q=Story+number").content.decode()
    assert "q=Story+number&amp;page=2" in html
    assert "q=Story number" not in html
