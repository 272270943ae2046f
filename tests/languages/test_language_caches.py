"""The page cache and the kept fragments are keyed per language: with both switched on (as in
production), a Welsh reader never gets an English page or fragment, nor an English reader a
Welsh one, whichever language is read first.

The content: three English stories in a series, two of them translated into Welsh with their
series and themes, so the same kept results (story cards, theme counts, related stories,
series navigation, credits) exist in both languages.
"""

import pytest
from django.test import RequestFactory
from django.utils import translation

from collection import fragments
from operations import page_cache
from tests.languages.translated_content import (  # noqa: F401 (fixtures, by their names)
    catalogues_fixture,
    content_fixture,
    themes_in,
    translated_fixture,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("clear_caches")]


@pytest.fixture(autouse=True)
def caches_on(settings):
    settings.PAGE_CACHE_SECONDS = 300
    settings.FRAGMENT_CACHE_SECONDS = 300


@pytest.fixture
def both(translated):
    """English and Welsh pages with the same things kept for both."""
    content = translated.content
    stories = content.stories_up_to(3)
    welsh_themes = themes_in("cy", content)
    welsh_stories = [
        translated.story("cy", story, title=f"Stori rhif {number}")
        for number, story in enumerate(stories[:2])
    ]
    welsh_series = translated.story("cy", content.series, title="Ar goll o'r data")
    return {
        "en": {
            "home": translated.tree["home"].url,
            "index": translated.tree["stories"].url,
            "series": content.series.url,
            "story": stories[0].url,
            "search": "/search/?q=story",
        },
        "cy": {
            "home": translated.cy["home"].url,
            "index": translated.cy["stories"].url,
            "series": welsh_series.url,
            "story": welsh_stories[0].url,
            "search": "/cy/search/?q=stori",
        },
        "welsh_themes": welsh_themes,
    }


def read(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response


def assert_english(html, url):
    assert "Story number" in html, url
    assert "Stori rhif" not in html, url
    assert "[cy]" not in html, url  # no Welsh theme name


def assert_welsh(html, url):
    assert "Stori rhif" in html, url
    assert "Story number" not in html, url


def read_all(client, urls, check):
    for name, url in urls.items():
        first = read(client, url)
        check(first.content.decode(), url)
        again = read(client, url)
        check(again.content.decode(), url)
        if name != "search":  # search answers are kept too, under their own address
            assert again["X-Page-Cache"] == "hit", url


def test_english_first_then_welsh(client, both):
    read_all(client, both["en"], assert_english)
    read_all(client, both["cy"], assert_welsh)
    # The Welsh home's theme counts are not the English ones kept under the same name.
    home = read(client, both["cy"]["home"]).content.decode()
    assert "Consent [cy]" in home


def test_welsh_first_then_english(client, both):
    read_all(client, both["cy"], assert_welsh)
    read_all(client, both["en"], assert_english)
    home = read(client, both["en"]["home"]).content.decode()
    assert "Consent" in home and "[cy]" not in home


def test_kept_fragments_are_rendered_afresh_for_the_other_language(client, both, settings):
    # Without the page cache, every page comes from its kept fragments on the second visit.
    settings.PAGE_CACHE_SECONDS = 0
    for first, second in (("en", "cy"), ("cy", "en")):
        check = {"en": assert_english, "cy": assert_welsh}
        for url in both[first].values():
            read(client, url)
        for url in both[second].values():
            check[second](read(client, url).content.decode(), url)


def test_a_fragment_kept_in_one_language_is_not_found_in_another(settings):
    request = RequestFactory().get("/")
    request.content_generation = "generation-one"
    with translation.override("en-gb"):
        assert fragments.remember(request, "story-card", "1:3:0", lambda: "<p>5 min read</p>")
    with translation.override("cy"):
        kept = fragments.remember(request, "story-card", "1:3:0", lambda: "<p>5 munud</p>")
        assert kept == "<p>5 munud</p>"
        many = fragments.remember_many(
            request, "story-card", ["1:3:0"], lambda parts: {"1:3:0": "welsh"}
        )
        assert many == {"1:3:0": "<p>5 munud</p>"}
    with translation.override("en-gb"):
        assert fragments.remember(request, "story-card", "1:3:0", lambda: "new") == (
            "<p>5 min read</p>"
        )


def test_the_page_cache_keys_each_language_by_its_own_address(client, both):
    generation = page_cache.current_generation()
    english = read(client, both["en"]["home"])
    welsh = read(client, both["cy"]["home"])
    assert english["X-Page-Cache"] == "miss" and welsh["X-Page-Cache"] == "miss"
    keys = {
        page_cache.cache_key(response.wsgi_request, generation) for response in (english, welsh)
    }
    assert len(keys) == 2
    assert english["Content-Language"] == "en-gb" and welsh["Content-Language"] == "cy"
