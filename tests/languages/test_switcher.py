"""The reader's languages in HTML: <html lang dir>, the language switcher, hreflang alternates
in the head and in the sitemap, the Urdu font only on Urdu pages, dates per language."""

import datetime
import re
import xml.etree.ElementTree as ET

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale, Site

from collection.models.media import StoryMediaTranslation
from collection.templatetags.languages import bcp47, language_versions_for
from tests import factories

from .page_translations import translate

pytestmark = pytest.mark.django_db

ORIGIN = "http://localhost"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"


@pytest.fixture
def story(site_tree):
    story = factories.StoryPageFactory(
        parent=site_tree["stories"],
        title="Who is counted",
        slug="who-is-counted",
        first_published=datetime.date(2026, 12, 4),
    )
    story.save_revision().publish()
    return story


@pytest.fixture
def translated(site_tree, story):
    """The home page, the stories index and a story in Welsh and Urdu."""
    pages = {"en-gb": story}
    for code in ("cy", "ur"):
        translate(site_tree["home"], code)
        translate(site_tree["stories"], code)
        pages[code] = translate(story, code, {"Who is counted": f"Who is counted ({code})"})
    return pages


def parse(response):
    assert response.status_code == 200 or response.status_code == 404
    return BeautifulSoup(response.content, "html.parser")


def switcher_links(document):
    return [
        {
            "text": link.get_text().strip(),
            "href": link.get("href"),
            "lang": link.get("lang"),
            "hreflang": link.get("hreflang"),
            "dir": link.get("dir"),
            "current": link.get("aria-current"),
        }
        for link in document.select("header nav.language-switcher a")
    ]


def alternates(document):
    return {
        link.get("hreflang"): link.get("href")
        for link in document.select('head link[rel="alternate"][hreflang]')
    }


@pytest.mark.parametrize(
    ("code", "tag"),
    [("en-gb", "en-GB"), ("cy", "cy"), ("ur", "ur"), ("zh-hans", "zh-Hans"), ("es-419", "es-419")],
)
def test_language_codes_become_bcp47_tags(code, tag):
    assert bcp47(code) == tag


def test_html_tag_says_the_language_and_direction_of_the_address(client, translated):
    for url, lang, direction in (
        ("/", "en-GB", "ltr"),
        ("/cy/", "cy", "ltr"),
        ("/ur/", "ur", "rtl"),
        (translated["ur"].url, "ur", "rtl"),
        ("/ur/search/?q=x", "ur", "rtl"),
    ):
        root = parse(client.get(url)).html
        assert (root.get("lang"), root.get("dir")) == (lang, direction), url


def test_error_pages_without_a_template_context_say_their_language_too():
    from django.template.loader import render_to_string
    from django.utils import translation

    for name in ("400.html", "500.html"):
        with translation.override("ur"):
            assert '<html lang="ur" dir="rtl">' in render_to_string(name)
        with translation.override("en-gb"):
            assert '<html lang="en-GB" dir="ltr">' in render_to_string(name)


def test_switcher_lists_each_live_translation_in_its_own_language(client, translated):
    links = switcher_links(parse(client.get(translated["en-gb"].url)))
    assert links == [
        {
            "text": "English",
            "href": "/stories/who-is-counted/",
            "lang": "en-GB",
            "hreflang": "en-GB",
            "dir": "ltr",
            "current": "page",
        },
        {
            "text": "Cymraeg",
            "href": translated["cy"].url,
            "lang": "cy",
            "hreflang": "cy",
            "dir": "ltr",
            "current": None,
        },
        {
            "text": "اردو",
            "href": translated["ur"].url,
            "lang": "ur",
            "hreflang": "ur",
            "dir": "rtl",
            "current": None,
        },
    ]
    assert translated["cy"].url.startswith("/cy/") and translated["ur"].url.startswith("/ur/")
    # From the Urdu page, Urdu is the current one and the others still lead to their pages.
    links = switcher_links(parse(client.get(translated["ur"].url)))
    assert [(link["text"], link["current"]) for link in links] == [
        ("English", None),
        ("Cymraeg", None),
        ("اردو", "page"),
    ]
    assert links[0]["href"] == "/stories/who-is-counted/"


def test_no_switcher_and_no_alternates_for_a_page_only_in_english(client, translated, site_tree):
    lonely = factories.StoryPageFactory(parent=site_tree["stories"], slug="english-only")
    lonely.save_revision().publish()
    document = parse(client.get(lonely.url))
    assert document.select(".language-switcher") == []
    assert alternates(document) == {}


def test_a_draft_or_unpublished_translation_is_not_offered(client, translated, story):
    translated["cy"].unpublish()
    document = parse(client.get(story.url))
    assert [link["text"] for link in switcher_links(document)] == ["English", "اردو"]
    assert set(alternates(document)) == {"en-GB", "ur", "x-default"}


def test_sub_pages_and_filters_follow_the_reader(client, translated):
    links = switcher_links(parse(client.get("/stories/?theme=consent")))
    assert [link["href"] for link in links] == [
        "/stories/?theme=consent",
        translated["cy"].get_parent().url + "?theme=consent",
        translated["ur"].get_parent().url + "?theme=consent",
    ]


def test_head_has_hreflang_for_each_translation_and_x_default_english(client, translated):
    found = alternates(parse(client.get(translated["cy"].url)))
    assert found == {
        "en-GB": ORIGIN + "/stories/who-is-counted/",
        "cy": ORIGIN + translated["cy"].url,
        "ur": ORIGIN + translated["ur"].url,
        "x-default": ORIGIN + "/stories/who-is-counted/",
    }


def test_views_that_are_not_pages_link_to_the_same_view_in_each_shipped_language(
    client, translated
):
    links = switcher_links(parse(client.get("/cy/search/?q=data")))
    assert [(link["text"], link["href"], link["current"]) for link in links] == [
        ("English", "/search/?q=data", None),
        ("Cymraeg", "/cy/search/?q=data", "page"),
        ("اردو", "/ur/search/?q=data", None),
    ]
    # A search result list is not a version of a page: no alternates for it.
    assert alternates(parse(client.get("/cy/search/?q=data"))) == {}
    not_found = parse(client.get("/ur/no-such-page/"))
    assert [link["href"] for link in switcher_links(not_found)] == [
        "/no-such-page/",
        "/cy/no-such-page/",
        "/ur/no-such-page/",
    ]


def test_one_query_gives_the_switcher_and_the_alternates(rf, translated):
    from django.template.loader import render_to_string
    from django.utils import translation

    story = translated["en-gb"]
    request = rf.get(story.url)
    # What serving the page has already done: find the site and its root paths.
    Site.find_for_request(request)
    story.get_url(request)
    with CaptureQueriesContext(connection) as queries, translation.override("en-gb"):
        context = {"request": request, "page": story}
        head = render_to_string("includes/language_alternates.html", context)
        header = render_to_string("includes/language_switcher.html", context)
    assert len(queries) == 1, [query["sql"] for query in queries]
    assert head.count('rel="alternate"') == 4
    assert header.count("<a ") == 3


def test_query_count_does_not_grow_with_the_number_of_locales(
    client, site_tree, story, django_assert_num_queries
):
    def render_count():
        client.get(story.url)  # renditions and caches made on a first view are not counted
        with CaptureQueriesContext(connection) as queries:
            response = client.get(story.url)
        assert response.status_code == 200
        return len(queries), len(switcher_links(parse(response)))

    for code in ("cy",):
        translate(site_tree["home"], code)
        translate(site_tree["stories"], code)
        translate(story, code)
    two_locales, links = render_count()
    assert links == 2
    for code in ("ur", "fr"):
        translate(site_tree["home"], code)
        translate(site_tree["stories"], code)
        translate(story, code)
    client.get(story.url)  # a new Locale was saved: the memo reads it once again
    with django_assert_num_queries(two_locales):
        response = client.get(story.url)
    assert len(switcher_links(parse(response))) == 4


def test_sitemap_lists_every_language_with_its_alternates(client, translated, site_tree):
    lonely = factories.StoryPageFactory(parent=site_tree["stories"], slug="english-only")
    lonely.save_revision().publish()
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    entries = {}
    for url in ET.fromstring(response.content).iter(f"{SITEMAP}url"):
        entries[url.find(f"{SITEMAP}loc").text] = {
            link.get("hreflang"): link.get("href") for link in url.iter(f"{XHTML}link")
        }
    english = ORIGIN + "/stories/who-is-counted/"
    welsh = ORIGIN + translated["cy"].url
    urdu = ORIGIN + translated["ur"].url
    expected = {"en-GB": english, "cy": welsh, "ur": urdu, "x-default": english}
    # Every language's page is listed, each with the same alternates.
    assert entries[english] == expected
    assert entries[welsh] == expected
    assert entries[urdu] == expected
    assert entries[ORIGIN + "/cy/"]["x-default"] == ORIGIN + "/"
    assert entries[ORIGIN + lonely.url] == {}
    # The credits page, a view rather than a page, is there in each shipped language.
    assert entries[ORIGIN + "/cy/credits/"] == {
        "en-gb": ORIGIN + "/credits/",
        "cy": ORIGIN + "/cy/credits/",
        "ur": ORIGIN + "/ur/credits/",
        "x-default": ORIGIN + "/credits/",
    }


def test_urdu_font_stylesheet_only_on_urdu_pages(client, translated):
    def stylesheets(url):
        document = parse(client.get(url))
        return [link.get("href") for link in document.select('link[rel="stylesheet"]')]

    assert any(href.endswith("css/urdu.css") for href in stylesheets(translated["ur"].url))
    for url in (translated["en-gb"].url, translated["cy"].url, "/search/"):
        assert not any("urdu" in href for href in stylesheets(url)), url


def test_story_dates_in_each_language_s_own_words_and_order(client, translated):
    def date_on(url):
        document = parse(client.get(url))
        return document.select(".story__meta time")[0].get_text().strip()

    assert date_on(translated["en-gb"].url) == "4 December 2026"
    assert date_on(translated["cy"].url) == "4 Rhagfyr 2026"
    assert date_on(translated["ur"].url) == "4 دسمبر 2026"
    listing = parse(client.get(translated["ur"].get_parent().url))
    assert "4 دسمبر 2026" in listing.select(".story-card__meta time")[0].get_text()


def test_versions_are_kept_on_the_request(rf, translated, django_assert_num_queries):
    story = translated["en-gb"]
    request = rf.get(story.url)
    Site.find_for_request(request)
    story.get_url(request)
    with django_assert_num_queries(1):
        first = language_versions_for(request, story)
        again = language_versions_for(request, story)
    assert first is again
    assert [version.code for version in first] == ["en-gb", "cy", "ur"]
    assert re.fullmatch(r"http://localhost/ur/.+/", first[2].full_url)


def test_a_sub_page_leads_to_the_same_sub_page_of_each_translation(client, site_tree):
    audio = factories.StoryMediaFactory(transcript="<p>HOST: Who said yes?</p>")
    podcast = factories.StoryPageFactory(
        parent=site_tree["stories"],
        slug="who-said-yes",
        format="podcast",
        body=[
            {
                "type": "podcast_episode",
                "value": {"audio": audio.pk, "episode_title": "Who said yes?", "show_notes": ""},
            }
        ],
    )
    podcast.save_revision().publish()
    # A page in Welsh is published only with the episode's transcript in Welsh.
    StoryMediaTranslation.objects.create(
        item=audio,
        locale=Locale.objects.get(language_code="cy"),
        transcript="<p>CYFLWYNYDD: Pwy ddywedodd ie?</p>",
    )
    translate(site_tree["home"], "cy")
    translate(site_tree["stories"], "cy")
    welsh = translate(podcast, "cy")
    transcript = podcast.url + "transcript/"
    assert client.get(welsh.url + "transcript/").status_code == 200
    document = parse(client.get(transcript))
    assert [link["href"] for link in switcher_links(document)] == [
        transcript,
        welsh.url + "transcript/",
    ]
    assert alternates(document)["cy"] == ORIGIN + welsh.url + "transcript/"
    sitemap = client.get("/sitemap.xml").content.decode()
    assert f'hreflang="cy" href="{ORIGIN}{welsh.url}transcript/"' in sitemap


def test_a_kept_header_keeps_each_readers_filters_in_the_language_links(
    client, welsh_site, settings, clear_caches
):
    """The site header is kept whole until content changes ({% keep %}): by the full address,
    so one reader's filters never show in another's language links."""
    settings.FRAGMENT_CACHE_SECONDS = 300
    welsh = welsh_site["stories"].url
    for _ in range(2):
        first = client.get(f"{welsh}?format=podcast").content.decode()
        second = client.get(f"{welsh}?format=video").content.decode()
        assert 'href="/stories/?format=podcast"' in first
        assert 'href="/stories/?format=video"' in second
        assert 'href="/stories/?format=podcast"' not in second
