"""Publishing purges the CDN: the story, the pages that list it, and the feeds."""

import pytest
from django.test import override_settings

from collection.models import SeriesStory
from tests import factories
from tests.operations import fake_cdn

pytestmark = pytest.mark.django_db

FAKE_CDN = {"fake": {"BACKEND": "tests.operations.fake_cdn.RecordingBackend"}}


@pytest.fixture(autouse=True)
def purged():
    fake_cdn.PURGED.clear()
    yield fake_cdn.PURGED
    fake_cdn.PURGED.clear()


@override_settings(WAGTAILFRONTENDCACHE=FAKE_CDN)
def test_publishing_a_story_purges_it_and_the_pages_that_list_it(
    site_tree, purged, django_capture_on_commit_callbacks
):
    story = factories.StoryPageFactory(parent=site_tree["stories"], slug="purged-story")
    series = factories.SeriesPageFactory(parent=site_tree["series"], slug="a-series")
    SeriesStory.objects.create(series=series, story=story)
    purged.clear()

    story.title = "A new title"
    # The pages that list the story are purged by a task queued when the publish commits.
    with django_capture_on_commit_callbacks(execute=True):
        story.save_revision().publish()

    root = site_tree["home"].get_site().root_url
    expected = {
        f"{root}/stories/purged-story/",
        f"{root}/stories/",
        f"{root}/",
        f"{root}/series/a-series/",
        f"{root}/feeds/stories/",
        f"{root}/sitemap.xml",
    }
    assert expected - set(purged) == set()


def test_without_a_cdn_configured_nothing_is_purged(
    site_tree, purged, django_capture_on_commit_callbacks
):
    story = factories.StoryPageFactory(parent=site_tree["stories"])
    with django_capture_on_commit_callbacks(execute=True):
        story.save_revision().publish()
    assert purged == []
