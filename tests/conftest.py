"""Fixtures shared by every test suite."""

import pytest
from django.core.cache import caches
from wagtail.models import Page, Site

from operations import page_cache
from tests import factories


@pytest.fixture
def clear_caches():
    """Empty caches before and after: the page cache, kept fragments and renditions."""
    for alias in ("default", "renditions"):
        caches[alias].clear()
    page_cache.local_entries.clear()
    yield
    for alias in ("default", "renditions"):
        caches[alias].clear()
    page_cache.local_entries.clear()


@pytest.fixture
def site_tree(db):
    """The site's skeleton: a home page as the default site's root, with its three indexes."""
    root = Page.get_first_root_node()
    home = factories.HomePageFactory(parent=root, slug="home-test")
    site = Site.objects.get(is_default_site=True)
    site.root_page = home
    site.save()
    Page.objects.filter(depth=2).exclude(pk=home.pk).delete()
    return {
        "home": home,
        "stories": factories.StoryIndexPageFactory(parent=home),
        "series": factories.SeriesIndexPageFactory(parent=home),
        "contributors": factories.ContributorIndexPageFactory(parent=home),
    }


@pytest.fixture
def redis_url():
    """The real Redis the tests may use, emptied before and after.

    TEST_REDIS_URL picks the database (default 15), so suites run side by side on one machine
    can each have their own; a test that needs Redis is skipped only when none answers.
    """
    import os

    import redis

    url = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/15")
    client = redis.Redis.from_url(url)
    try:
        client.ping()
    except redis.exceptions.ConnectionError:
        if os.environ.get("CI"):
            raise
        pytest.skip(f"no Redis at {url}")
    client.flushdb()
    yield url
    client.flushdb()
