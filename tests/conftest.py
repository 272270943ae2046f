"""Fixtures shared by every test suite."""

import pytest
from django.core.cache import caches
from wagtail.models import Page, Site

from collection import local_copies
from operations import languages, page_cache
from tests import factories


@pytest.fixture(autouse=True)
def forget_locales():
    """Locale rows are remembered per process (operations/languages.py); a test's rolled-back
    Locale must not outlive it."""
    languages.forget_locales()
    yield
    languages.forget_locales()


@pytest.fixture
def clear_caches():
    """Empty caches before and after: the page cache, kept fragments and renditions."""
    for alias in ("default", "renditions"):
        caches[alias].clear()
    page_cache.local_entries.clear()
    local_copies.local_copies.clear()
    yield
    for alias in ("default", "renditions"):
        caches[alias].clear()
    page_cache.local_entries.clear()
    local_copies.local_copies.clear()


def ensure_tree_root():
    """Put back the rows Wagtail's migrations made (locale, root page, default site, root
    collection) when a previous transactional test flushed them.

    pytest-django's serialized_rollback should restore them, but once Playwright's sync API is
    running (the browser tests' session-wide Chromium) the restore is skipped, so every
    transactional test after the first browser test would start from an empty database.
    """
    from django.conf import settings
    from wagtail.coreutils import get_supported_content_language_variant
    from wagtail.models import Collection, Locale

    if not Collection.objects.filter(depth=1).exists():
        Collection.add_root(name="Root")
    _ensure_editorial_groups()
    language = get_supported_content_language_variant(settings.LANGUAGE_CODE)
    locale, _ = Locale.objects.get_or_create(language_code=language)
    # The shipped languages' locales (home/migrations/0003) go with a flush too.
    for code in settings.SHIPPED_LANGUAGES:
        Locale.objects.get_or_create(language_code=get_supported_content_language_variant(code))
    if Page.objects.filter(depth=1).exists():
        return
    root = Page.add_root(instance=Page(title="Root", slug="root", locale=locale))
    Site.objects.get_or_create(
        is_default_site=True, defaults={"hostname": "localhost", "root_page": root}
    )


def _ensure_editorial_groups():
    """The groups, permissions and review workflow the data migrations made."""
    import importlib

    from django.apps import apps
    from django.contrib.auth.models import Group

    if Group.objects.filter(name="Illustrators").exists():
        return
    for module, function in (
        ("illustrations.migrations.0002_editorial_groups", "create_groups"),
        (
            "submissions.migrations.0002_editorial_review_workflow",
            "create_workflow_and_permissions",
        ),
        ("home.migrations.0004_footer_text_per_language", "grant_translation_permissions"),
    ):
        getattr(importlib.import_module(module), function)(apps, None)


@pytest.fixture(autouse=True)
def tree_root(request):
    """Every transactional test (live server, browser, real workers) starts with Wagtail's root
    page, locale, default site and root collection."""
    marker = request.node.get_closest_marker("django_db")
    transactional = marker is not None and (
        marker.kwargs.get("transaction") or (len(marker.args) > 0 and marker.args[0])
    )
    if transactional or {"transactional_db", "live_server"} & set(request.fixturenames):
        request.getfixturevalue("transactional_db")
        ensure_tree_root()


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
