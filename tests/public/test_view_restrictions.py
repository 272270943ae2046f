"""Private pages stay private when nothing is kept: whether any page is restricted is read with
the routed page (collection/models/base.with_view_restriction_check), not assumed."""

import pytest
from wagtail.models import PageViewRestriction

from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def nothing_kept(settings):
    settings.FRAGMENT_CACHE_SECONDS = 0


def test_a_restriction_made_after_a_read_guards_stories_and_series_at_once(client, site_tree):
    story = factories.StoryPageFactory(parent=site_tree["stories"], title="Open story")
    series = factories.SeriesPageFactory(parent=site_tree["series"], title="Open series")
    assert "Open story" in client.get(story.url).content.decode()
    assert "Open series" in client.get(series.url).content.decode()

    PageViewRestriction.objects.create(
        page=site_tree["stories"], restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    PageViewRestriction.objects.create(page=series, restriction_type=PageViewRestriction.LOGIN)
    response = client.get(story.url)
    assert response.status_code == 200
    assert 'name="password"' in response.content.decode()
    assert "Open story" not in response.content.decode()
    assert client.get(series.url).status_code == 302  # to the login page


def test_with_nothing_restricted_pages_are_served(client, site_tree):
    story = factories.StoryPageFactory(parent=site_tree["stories"], title="Open story")
    other = factories.StoryPageFactory(parent=site_tree["stories"], title="Private story")
    PageViewRestriction.objects.create(page=other, restriction_type=PageViewRestriction.LOGIN)
    # A restriction elsewhere does not hide this story; the restricted one asks for a login.
    assert "Open story" in client.get(story.url).content.decode()
    assert client.get(other.url).status_code == 302
