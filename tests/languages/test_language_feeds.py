"""One set of feeds per language: /feeds/stories/, /cy/feeds/stories/, /ur/feeds/podcast/ ...
each lists that language's live stories only, says its language, links to the translated
pages, has its title in that language, and stays valid."""

import email.utils
import xml.etree.ElementTree as ET

import pytest

from tests.languages.translated_content import (  # noqa: F401 (fixtures, by their names)
    catalogues_fixture,
    content_fixture,
    translated_fixture,
)

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
ITUNES = "{http://www.itunes.com/dtds/podcast-1.0.dtd}"
PODCAST = "{https://podcastindex.org/namespace/1.0}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


@pytest.fixture(autouse=True)
def no_page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 0


@pytest.fixture
def feeds(translated):
    content = translated.content
    stories = content.stories_up_to(2)
    episode, _ = content.podcast(title="An episode on consent")
    welsh = [
        translated.story("cy", stories[0], title="Stori rhif 0"),
        translated.story("cy", episode, title="Pennod am gydsyniad"),
    ]
    urdu = [translated.story("ur", episode, title="رضامندی پر ایک قسط")]
    return {"stories": stories, "episode": episode, "cy": welsh, "ur": urdu}


def rss_channel(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    assert response["Content-Type"].startswith("application/rss+xml")
    channel = ET.fromstring(response.content).find("channel")
    # What RSS 2.0 requires of a channel and of its items.
    for required in ("title", "link", "description", "language"):
        assert channel.findtext(required), (url, required)
    for item in channel.findall("item"):
        assert item.findtext("title") and item.findtext("link") and item.findtext("guid")
        assert email.utils.parsedate_to_datetime(item.findtext("pubDate"))
    return channel


def test_each_language_s_stories_feed_lists_its_own_stories(client, feeds):
    english = rss_channel(client, "/feeds/stories/")
    welsh = rss_channel(client, "/cy/feeds/stories/")
    urdu = rss_channel(client, "/ur/feeds/stories/")

    assert english.findtext("language") == "en-gb"
    assert welsh.findtext("language") == "cy"
    assert urdu.findtext("language") == "ur"

    assert english.findtext("title") == "Mind The Gap: new stories"
    assert welsh.findtext("title") == "Mind The Gap: straeon newydd"
    assert welsh.findtext("description").startswith("Straeon newydd am bwy sydd ar goll")
    assert urdu.findtext("title") == "Mind The Gap: نئی کہانیاں"

    def titles(channel):
        return {item.findtext("title") for item in channel.findall("item")}

    assert titles(welsh) == {"Stori rhif 0", "Pennod am gydsyniad"}
    assert titles(urdu) == {"رضامندی پر ایک قسط"}
    assert "Stori rhif 0" not in titles(english) and "Story number 0" in titles(english)
    # Links lead to the pages in the feed's language, and so does the channel's.
    links = [item.findtext("link") for item in welsh.findall("item")]
    assert {link.split("testserver", 1)[1] for link in links} == {page.url for page in feeds["cy"]}
    assert welsh.findtext("link").endswith(feeds["cy"][0].get_parent().url)


def test_the_atom_feed_says_its_language(client, feeds):
    response = client.get("/cy/feeds/stories/atom/")
    assert response.status_code == 200
    feed = ET.fromstring(response.content)
    assert feed.get(XML_LANG) == "cy"
    assert feed.findtext(f"{ATOM}title") == "Mind The Gap: straeon newydd"
    entries = [entry.findtext(f"{ATOM}title") for entry in feed.findall(f"{ATOM}entry")]
    assert sorted(entries) == ["Pennod am gydsyniad", "Stori rhif 0"]


def test_each_language_has_its_own_podcast_with_its_own_guids(client, feeds, settings):
    english = rss_channel(client, "/feeds/podcast/")
    welsh = rss_channel(client, "/cy/feeds/podcast/")
    urdu = rss_channel(client, "/ur/feeds/podcast/")
    assert welsh.findtext("language") == "cy" and urdu.findtext("language") == "ur"
    assert welsh.findtext("title") == "Podlediad Mind The Gap"
    assert welsh.findtext(f"{ITUNES}summary").startswith("Sgyrsiau am bwy sydd ar goll")
    assert urdu.findtext("title") == "Mind The Gap پوڈکاسٹ"

    def episodes(channel):
        return [
            (item.findtext("title"), item.findtext("guid"), item.findtext("link"))
            for item in channel.findall("item")
        ]

    assert [title for title, _, _ in episodes(english)] == ["Who said yes?"]
    assert len(episodes(welsh)) == 1 and len(episodes(urdu)) == 1
    assert episodes(welsh)[0][2].endswith(feeds["cy"][1].url)
    assert episodes(urdu)[0][2].endswith(feeds["ur"][0].url)
    # A podcast app subscribed to two languages sees two episodes, and two shows.
    item_guids = [guid for channel in (english, welsh, urdu) for _, guid, _ in episodes(channel)]
    assert len(set(item_guids)) == 3
    show_guids = {channel.findtext(f"{PODCAST}guid") for channel in (english, welsh, urdu)}
    assert len(show_guids) == 3
    transcript = welsh.find("item").find(f"{PODCAST}transcript")
    assert transcript.get("language") == "cy"
    assert "/cy/" in transcript.get("url")

    # With a fixed show GUID, the default language keeps it and the others derive their own.
    settings.PODCAST_GUID = "917393e3-1b1e-5cef-ace4-edaa54e1f810"
    fixed = {
        code: rss_channel(client, f"{prefix}/feeds/podcast/").findtext(f"{PODCAST}guid")
        for code, prefix in (("en", ""), ("cy", "/cy"), ("ur", "/ur"))
    }
    assert fixed["en"] == settings.PODCAST_GUID
    assert len(set(fixed.values())) == 3


def test_a_language_without_stories_has_an_empty_valid_feed(client, feeds):
    channel = rss_channel(client, "/so/feeds/stories/")
    assert channel.findtext("language") == "so"
    assert channel.findall("item") == []
