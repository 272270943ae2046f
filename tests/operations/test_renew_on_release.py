"""A release renews what was kept: pages, fragments and story bodies rendered by the previous
release's templates are never served by the new one (`manage.py renew_cached_pages`)."""

import pytest
from django.core.management import call_command

from collection import story_body
from operations import page_cache

pytestmark = pytest.mark.usefixtures("clear_caches")


def test_the_release_step_renews_pages_fragments_and_bodies(settings):
    settings.FRAGMENT_CACHE_SECONDS = 300
    page = page_cache.current_generation()
    cache = story_body.fragments._cache()
    cache.set(story_body.GENERATION_KEY, "before", timeout=None)
    call_command("renew_cached_pages", verbosity=0)
    assert page_cache.current_generation() not in (None, page)
    assert cache.get(story_body.GENERATION_KEY) not in (None, "before")


def test_the_procfile_release_runs_it():
    from pathlib import Path

    release = next(
        line for line in Path("Procfile").read_text().splitlines() if line.startswith("release:")
    )
    assert release.endswith("python manage.py renew_cached_pages")
