"""No public page needs more queries because the site has more languages: each page type is
measured with English only, then again once Welsh and Urdu translations of everything exist,
and must need exactly as many. A Welsh page needs no more than its English original, bar the
texts only another language reads: images' alt text and media transcripts in that language
(LANGUAGE_TEXTS), and the active Locale's row for views that are not pages (OTHER_VIEWS). Each
is a fixed number, whatever the amount of content; and no page needs more than the ceiling the
English pages are held to (PAGE_CEILING).

The Welsh home page costs routing nothing more: the site's root is read with its translations
(operations/page_cache.py with_root_translations), where Wagtail's `site.root_page.localized`
looked up the translation and then its specific row.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.languages.translated_content import (  # noqa: F401 (fixtures, by their names)
    catalogues_fixture,
    content_fixture,
    themes_in,
    translate,
    translated_fixture,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("clear_caches")]

PAGE_CEILING = 12
# Alt text of the page's images in its language, read with their renditions; on a podcast or
# video story, the media's transcripts and captions in its language too.
LANGUAGE_TEXTS = 3
OTHER_VIEWS = 1


@pytest.fixture(params=["fresh", "kept"], autouse=True)
def fragments(request, settings):
    """Rendered afresh (the first reader after a publish), and with the kept fragments warm."""
    settings.PAGE_CACHE_SECONDS = 0
    settings.FRAGMENT_CACHE_SECONDS = 300 if request.param == "kept" else 0
    return request.param


def measured(client, url):
    assert client.get(url).status_code == 200, url
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


def page_urls(site):
    """One address of every public page type, in a tree built like the English one."""
    return {
        "home": site["home"].url,
        "stories": site["stories"].url,
        "stories by theme": site["stories"].url + "?theme=consent",
        "stories by format": site["stories"].url + "?format=podcast",
        "series index": site["series"].url,
        "series": site["one series"].url,
        "contributors": site["contributors"].url,
        "contributor": site["person"].url,
        "story": site["story"].url,
        "podcast story": site["podcast"].url,
        "transcript": site["podcast"].url + "transcript/",
    }


LANGUAGE_URLS = {
    "search": "search/?q=story",
    "empty search": "search/?q=",
    "credits": "credits/",
    "stories feed": "feeds/stories/",
    "atom feed": "feeds/stories/atom/",
    "podcast feed": "feeds/podcast/",
}


def every_url(site, prefix):
    urls = page_urls(site)
    urls.update({name: f"{prefix}/{path}" for name, path in LANGUAGE_URLS.items()})
    return urls


def test_pages_need_the_same_queries_with_one_language_or_three(
    client, translated, django_capture_on_commit_callbacks
):
    content = translated.content
    stories = list(content.stories_up_to(5))
    podcast, _ = content.podcast()
    english = {
        **translated.tree,
        "one series": content.series,
        "person": content.regular,
        "story": stories[2],
        "podcast": podcast,
    }
    urls = every_url(english, "")
    alone = {name: measured(client, url) for name, url in urls.items()}

    # Publishing runs what a deployment runs once it commits (a new content generation).
    with django_capture_on_commit_callbacks(execute=True):
        welsh = _translate_everything(translated, content, stories, podcast)["cy"]

    beside = {name: measured(client, url) for name, url in urls.items()}
    assert beside == alone

    in_welsh = {name: measured(client, url) for name, url in every_url(welsh, "/cy").items()}
    over = {
        name: (count, alone[name])
        for name, count in in_welsh.items()
        if count > alone[name] + (LANGUAGE_TEXTS if name in page_urls(welsh) else OTHER_VIEWS)
    }
    assert not over, over
    above = {name: count for name, count in in_welsh.items() if count > PAGE_CEILING}
    assert not above, above


def _translate_everything(translated, content, stories, podcast):
    """Welsh and Urdu versions of every page type: the pages by language."""
    translations = {}
    for code in ("cy", "ur"):
        tree = translated.translate_tree(code)
        themes_in(code, content)
        versions = [
            translated.story(code, story, title=f"{story.title} {code}") for story in stories
        ]
        translations[code] = {
            **tree,
            "one series": translate(content.series, code),
            "person": translate(content.regular, code),
            "podcast": translated.story(code, podcast),
            "story": versions[2],
        }
    return translations
