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
