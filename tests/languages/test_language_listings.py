"""Everything a page lists follows its language: home, stories index and its filters, series,
contributors, related stories, series navigation, credits and search show the pages of the
address's language only, and the head says which language the page is in."""

import json
import re

import pytest

from tests.languages.translated_content import (  # noqa: F401 (fixtures, by their names)
    catalogues_fixture,
    content_fixture,
    themes_in,
    translate,
    translated_fixture,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def no_page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 0


@pytest.fixture
def site(translated):
    """Four English stories (all in the series); the first two in Welsh, with the series, the
    themes and one contributor."""
    content = translated.content
    stories = content.stories_up_to(4)
    themes_in("cy", content)
    welsh = [
        translated.story("cy", story, title=f"Stori rhif {number}")
        for number, story in enumerate(stories[:2])
    ]
    series = translated.story("cy", content.series, title="Ar goll o'r data", slug="ar-goll")
    person = translate(
        content.regular, "cy", title="Cyfrannwr Rheolaidd", slug="cyfrannwr-rheolaidd"
    )
    return {
        "content": content,
        "stories": stories,
        "welsh": welsh,
        "series": series,
        "person": person,
        "tree": translated.cy,
    }


def html_of(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def test_the_welsh_home_lists_welsh_stories_series_and_themes(client, site):
    html = html_of(client, site["tree"]["home"].url)
    assert "Stori rhif 0" in html and "Stori rhif 1" in html
    assert "Story number" not in html
    assert "Ar goll o&#x27;r data" in html and "Missing from the data" not in html
    # Theme names in Welsh, counted over Welsh stories (story 0 has one theme, story 1 two).
    assert "Consent [cy]" in html and "Genomics [cy]" in html
    assert ">Consent<" not in html
    english = html_of(client, "/")
    assert "Stori rhif" not in english and "[cy]" not in english


def test_the_welsh_stories_index_and_its_filters(client, site):
    index = site["tree"]["stories"].url
    html = html_of(client, index)
    assert "Stori rhif 0" in html and "Story number" not in html
    # Few Welsh stories: a note in Welsh links to the English listing.
    assert "Rhagor o straeon yn Saesneg" in html
    assert f'href="{site["content"].tree["stories"].url}"' in html
    assert "Rhagor o straeon" not in html_of(client, site["content"].tree["stories"].url)
    # The theme slug is the same in every language; the filter finds Welsh stories only.
    genomics = html_of(client, f"{index}?theme=genomics")
    assert "Stori rhif 1" in genomics and "Stori rhif 0" not in genomics
    assert "Story number" not in genomics
    assert "Genomics [cy]" in genomics
    # A series filter by the Welsh series' slug, which lists the English stories it was
    # translated from: their Welsh versions are shown.
    in_series = html_of(client, f"{index}?series=ar-goll")
    assert "Stori rhif 0" in in_series and "Stori rhif 1" in in_series


def test_the_welsh_series_page_and_navigation(client, site):
    html = html_of(client, site["series"].url)
    assert "Stori rhif 0" in html and "Stori rhif 1" in html and "Story number" not in html
    story = html_of(client, site["welsh"][0].url)
    navigation = story.split('id="series-nav-heading"', 1)[1]
    assert "Ar goll o&#x27;r data" in navigation
    assert "Stori rhif 1" in navigation and "Story number" not in navigation
    series_index = html_of(client, site["tree"]["series"].url)
    assert "Ar goll o&#x27;r data" in series_index and "Missing from the data" not in series_index
    # Two Welsh stories, not the four English ones the series rows point at.
    assert re.search(r"2 stori\b", series_index)  # Welsh: "2 stori"


def test_related_stories_and_credits_stay_in_the_story_language(client, site):
    html = html_of(client, site["welsh"][1].url)
    related = html.split('id="related-heading"', 1)[1] if 'id="related-heading"' in html else ""
    assert "Stori rhif 0" in related and "Story number" not in related
    # The translated contributor is linked in Welsh; one with no Welsh page is linked to
    # their English page, which will say it is in English.
    assert f'href="{site["person"].url}"' in html
    assert "Cyfrannwr Rheolaidd" in html
    assert "?untranslated=cy" in html


def test_a_welsh_contributor_page_lists_their_welsh_stories(client, site):
    html = html_of(client, site["person"].url)
    assert "Stori rhif 0" in html and "Stori rhif 1" in html and "Story number" not in html
    index = html_of(client, site["tree"]["contributors"].url)
    assert "Cyfrannwr Rheolaidd" in index and "Regular Contributor" not in index


def test_credits_and_search_list_the_language_s_pages(client, site):
    credits = html_of(client, "/cy/credits/")
    assert "Stori rhif 0" in credits and "Story number" not in credits
    english_credits = html_of(client, "/credits/")
    assert "Story number 0" in english_credits and "Stori rhif" not in english_credits
    found = html_of(client, "/cy/search/?q=stori")
    assert "Stori rhif 0" in found and "Story number" not in found
    english = html_of(client, "/search/?q=number")
    assert "Story number 0" in english and "Stori rhif" not in english
    assert "Stori rhif" not in html_of(client, "/search/?q=stori")


def head_data(html):
    locale = re.search(r'<meta property="og:locale" content="([^"]+)">', html).group(1)
    alternates = re.findall(r'<meta property="og:locale:alternate" content="([^"]+)">', html)
    scripts = re.findall(r'<script type="application/ld\+json"[^>]*>(.*?)</script>', html, re.S)
    canonical = re.search(r'<link rel="canonical" href="([^"]+)">', html).group(1)
    feeds = re.findall(
        r'<link rel="alternate" type="application/[a-z+]+" title="([^"]+)" '
        r'href="([^"]+)">',
        html,
    )
    return locale, alternates, json.loads(scripts[0]), canonical, feeds


def test_the_head_says_the_page_language_and_its_translations(client, site):
    welsh = site["welsh"][0]
    locale, alternates, data, canonical, feeds = head_data(html_of(client, welsh.url))
    assert locale == "cy_GB" and alternates == ["en_GB"]
    assert data["inLanguage"] == "cy"
    assert canonical == welsh.full_url and "/cy/" in canonical
    assert ("Mind The Gap: straeon newydd", "/cy/feeds/stories/") in feeds
    assert ("Podlediad Mind The Gap", "/cy/feeds/podcast/") in feeds

    english = site["stories"][0]
    locale, alternates, data, canonical, feeds = head_data(html_of(client, english.url))
    assert locale == "en_GB" and alternates == ["cy_GB"]
    assert data["inLanguage"] == "en-GB"
    assert canonical == english.full_url
    assert ("Mind The Gap: new stories", "/feeds/stories/") in feeds

    # Untranslated: no alternates. The Welsh home is a WebSite in Welsh.
    _, alternates, _, _, _ = head_data(html_of(client, site["stories"][3].url))
    assert alternates == []
    _, _, data, _, _ = head_data(html_of(client, site["tree"]["home"].url))
    assert data["@type"] == "WebSite" and data["inLanguage"] == "cy"
    assert data["potentialAction"]["target"].endswith("/cy/search/?q={query}")


def test_urdu_pages_say_ur_pk(client, site, translated):
    translated.translate_tree("ur")
    urdu = translate(site["stories"][0], "ur", title="کہانی نمبر صفر")
    locale, alternates, data, _, _ = head_data(html_of(client, urdu.url))
    assert locale == "ur_PK"
    assert sorted(alternates) == ["cy_GB", "en_GB"]
    assert data["inLanguage"] == "ur"
