"""A page read afresh goes to the shared cache (Redis in production) once, for Wagtail's site
root paths: the root page routing the request is given the request's copy
(operations/page_cache.py share_site_root_paths), and a page's social card image read along
with it is not written back to the renditions cache on every reading (collection/social.py)."""

import pytest
from django.core.cache import caches

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def nothing_kept(settings, clear_caches):
    settings.FRAGMENT_CACHE_SECONDS = 0


def cache_calls(client, url, monkeypatch):
    """The second reading's calls to the shared caches (the first made the renditions)."""
    assert client.get(url).status_code == 200
    calls = []
    for alias in ("default", "renditions"):
        cache = caches[alias]
        for name in ("get", "get_many", "set", "set_many"):
            original = getattr(cache, name)

            def spy(*args, _original=original, _call=f"{alias}.{name}", **kwargs):
                calls.append(_call)
                return _original(*args, **kwargs)

            monkeypatch.setattr(cache, name, spy)
    assert client.get(url).status_code == 200
    return calls


@pytest.mark.parametrize("page", ["story", "series"])
def test_a_page_read_afresh_asks_the_shared_cache_once(client, content, monkeypatch, page):
    story = content.stories_up_to(2)[0]
    url = story.url if page == "story" else content.series.url
    assert cache_calls(client, url, monkeypatch) == ["default.get"]
