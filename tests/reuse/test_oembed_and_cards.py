"""oEmbed: a story's address gives a `rich` embed of its card, sized for maxwidth/maxheight;
the oEmbed spec's 404/401/501 answers; discovery on story pages. Only the card page may be
framed by other sites, also when it comes from the page cache."""

from html.parser import HTMLParser
from urllib.parse import parse_qs, urlsplit

import pytest

from .helpers import validate

pytestmark = pytest.mark.django_db


def directives(response):
    header = response["Content-Security-Policy"]
    return {part.split()[0]: part.split()[1:] for part in header.split(";") if part.strip()}


def oembed(client, url, **params):
    return client.get("/api/oembed/", {"url": url, "format": "json", **params})


@pytest.fixture
def story(content):
    return content.story(summary="Who is missing from genomic data, and why it matters.")


def test_oembed_returns_a_rich_iframe_of_the_card(client, story):
    response = oembed(client, story.get_full_url())
    assert response.status_code == 200
    data = response.json()
    validate(data, "OEmbed")
    assert data["type"] == "rich" and data["version"] == "1.0"
    assert data["title"] == story.title
    assert data["width"] == 480 and data["height"] == 520
    assert f'src="http://testserver/embed/stories/{story.pk}/"' in data["html"]
    assert 'width="480" height="520"' in data["html"]
    assert "Regular Contributor" in data["author_name"]


def test_oembed_respects_maxwidth_and_maxheight(client, story):
    narrow = oembed(client, story.get_full_url(), maxwidth=300).json()
    assert narrow["width"] == 300 and narrow["height"] == 400
    short = oembed(client, story.get_full_url(), maxwidth=600, maxheight=300).json()
    assert short["width"] <= 600 and short["height"] <= 300
    assert "?image=0" in short["html"]  # no room for the illustration: a text card
    assert oembed(client, story.get_full_url(), maxwidth=100).status_code == 404
    assert oembed(client, story.get_full_url(), maxheight=50).status_code == 404
    assert oembed(client, story.get_full_url(), maxwidth="wide").status_code == 400


def test_oembed_answers_as_the_specification_says(client, story, content):
    url = story.get_full_url()
    assert client.get("/api/oembed/", {"url": url, "format": "xml"}).status_code == 501
    assert oembed(client, "https://elsewhere.example/stories/x/").status_code == 404
    assert oembed(client, story.get_full_url() + "nope/").status_code == 404
    assert client.get("/api/oembed/").status_code == 400
    draft, _ = content.draft()
    assert oembed(client, "http://localhost/stories/draft-story/").status_code == 404
    private, _ = content.private()
    assert oembed(client, private.get_full_url()).status_code == 401
    # Works with the request's own host too.
    assert oembed(client, f"http://testserver{story.url}").status_code == 200


def test_thumbnail_only_for_openly_licensed_artwork(client, story):
    from illustrations.models import Illustration
    from illustrations.renditions import generate_site_renditions

    generate_site_renditions(story.hero_image)  # as the worker does after a publish
    assert "thumbnail_url" not in oembed(client, story.get_full_url()).json()  # commissioned
    Illustration.objects.filter(pk=story.hero_image_id).update(licence="cc-by")
    data = oembed(client, story.get_full_url(), maxwidth=400).json()
    assert data["thumbnail_url"].startswith("http://testserver/")
    assert data["thumbnail_width"] <= 400


class LinkFinder(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links = []
        self.meta = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "link":
            self.links.append(attrs)
        if tag == "meta" and attrs.get("name", "").startswith("citation_"):
            self.meta.append((attrs["name"], attrs["content"]))


def test_story_page_has_oembed_discovery(client, story):
    finder = LinkFinder()
    finder.feed(client.get(story.url).content.decode())
    found = [link for link in finder.links if link.get("type") == "application/json+oembed"]
    assert len(found) == 1 and found[0]["rel"] == "alternate"
    discovered = urlsplit(found[0]["href"])
    assert discovered.path == "/api/oembed/"
    query = parse_qs(discovered.query)
    assert query["format"] == ["json"]
    assert client.get(found[0]["href"]).status_code == 200
    assert query["url"] == [story.get_full_url()]


def test_card_page_shows_title_summary_illustration_credit_and_link(client, story):
    response = client.get(f"/embed/stories/{story.pk}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert story.title in html and story.summary in html
    assert "<picture>" in html and "Illustration: Ama Mensah" in html
    assert f'href="{story.get_full_url()}" target="_blank" rel="noopener"' in html
    assert "<script" not in html
    text_only = client.get(f"/embed/stories/{story.pk}/?image=0").content.decode()
    assert "<picture>" not in text_only and story.title in text_only


def test_only_the_card_may_be_framed_by_other_sites(client, story):
    card = client.get(f"/embed/stories/{story.pk}/")
    assert directives(card)["frame-ancestors"] == ["*"]
    assert not card.has_header("X-Frame-Options")
    for url in (story.url, "/", "/stories/", "/credits/", "/api/v2/pages/"):
        response = client.get(url)
        assert directives(response)["frame-ancestors"] == ["'self'"], url


def test_card_stays_frameable_when_served_from_the_page_cache(client, story, settings):
    settings.PAGE_CACHE_SECONDS = 300
    url = f"/embed/stories/{story.pk}/"
    first = client.get(url)
    second = client.get(url)
    assert first["X-Page-Cache"] == "miss" and second["X-Page-Cache"] == "hit"
    assert directives(second)["frame-ancestors"] == ["*"]
    assert not second.has_header("X-Frame-Options")
    client.get(story.url)
    page_again = client.get(story.url)
    assert page_again["X-Page-Cache"] == "hit"
    assert directives(page_again)["frame-ancestors"] == ["'self'"]


def test_api_is_not_kept_by_the_page_cache(client, story, settings):
    settings.PAGE_CACHE_SECONDS = 300
    for _ in range(2):
        response = client.get("/api/v2/pages/")
        assert not response.has_header("X-Page-Cache")
