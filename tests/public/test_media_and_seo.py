"""Media players, click-to-load embeds, transcripts at their own URL, and what search engines
and social networks read (robots.txt, sitemap, canonical, Open Graph, JSON-LD)."""

import json
import re

import pytest

from collection.embeds import embed_info
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "url, provider, embed_url",
    [
        (
            "https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=10",
            "YouTube",
            "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1",
        ),
        (
            "https://youtu.be/dQw4w9WgXcQ",
            "YouTube",
            "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1",
        ),
        (
            "https://vimeo.com/76979871",
            "Vimeo",
            "https://player.vimeo.com/video/76979871?dnt=1&autoplay=1",
        ),
        (
            "https://open.spotify.com/episode/4rOoJ6Egrf8K2IrywzwOMk",
            "Spotify",
            "https://open.spotify.com/embed/episode/4rOoJ6Egrf8K2IrywzwOMk",
        ),
        (
            "https://soundcloud.com/artist/a-track",
            "SoundCloud",
            "https://w.soundcloud.com/player/?url=https%3A%2F%2Fsoundcloud.com%2Fartist%2Fa-track"
            "&auto_play=true",
        ),
    ],
)
def test_player_addresses_are_derived_without_the_network(url, provider, embed_url):
    info = embed_info(url)
    assert info.provider == provider
    assert info.embed_url == embed_url


@pytest.mark.parametrize(
    "url", ["https://example.org/video", "javascript:alert(1)", "", "https://youtube.com/"]
)
def test_unknown_addresses_get_a_plain_link(url):
    assert embed_info(url) is None


def test_audio_player_with_transcript_beside_it(client, content):
    story, audio = content.podcast()
    html = client.get(story.url).content.decode()
    assert '<audio controls preload="none">' in html
    assert f'<source src="{audio.file.url}" type="audio/mpeg">' in html
    assert '<details class="transcript">' in html
    assert "The word biobank comes up a lot." in html
    assert f'href="{story.url}transcript/"' in html
    assert "min listen" in html
    assert '"@type": "PodcastEpisode"' in html


def test_structured_data_of_an_external_video_names_the_player_without_autoplay(client, content):
    external = {
        "video": None,
        "url": "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
        "title": "A talk on data equity",
        "poster": factories.IllustrationFactory().pk,
        "transcript": "<p>SPEAKER: Thank you for coming.</p>",
    }
    story, _ = content.video(body=[{"type": "video", "value": external}])
    html = client.get(story.url).content.decode()
    data = json.loads(
        re.search(r'<script type="application/ld\+json"[^>]*>(.*?)</script>', html).group(1)
    )
    assert data["@type"] == "VideoObject"
    assert data["embedUrl"] == "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"


def test_video_has_captions_and_external_video_is_a_facade(client, content):
    story, video = content.video()
    html = client.get(story.url).content.decode()
    assert '<track kind="captions"' in html and video.captions.url in html
    assert "<iframe" not in html  # nothing from the provider until the reader asks
    assert 'data-embed-url="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1"' in html
    assert 'href="https://www.youtube.com/watch?v=dQw4w9WgXcQ"' in html
    assert '"@type": "VideoObject"' in html
    transcript = client.get(story.url + "transcript/").content.decode()
    assert "NARRATOR: A clinic in the morning." in transcript
    assert "SPEAKER: Thank you for coming." in transcript


def test_story_without_media_has_no_transcript_page(client, content):
    story = content.stories_up_to(1)[0]
    assert client.get(story.url + "transcript/").status_code == 404


def test_head_has_canonical_social_cards_and_json_ld(client, content):
    story = content.stories_up_to(1)[0]
    html = client.get(story.url).content.decode()
    assert re.search(r'<link rel="canonical" href="http://[^"]+/stories/story-number-0/">', html)
    assert '<meta property="og:type" content="article">' in html
    assert re.search(r'<meta property="og:image" content="http://[^"]+\.jpg">', html)
    assert '<meta name="twitter:card" content="summary_large_image">' in html
    data = json.loads(
        re.search(r'<script type="application/ld\+json">(.*?)</script>', html).group(1)
    )
    assert data["@type"] == "Article" and data["headline"] == story.title
    assert {person["name"] for person in data["author"]} >= {"Regular Contributor"}


def test_json_ld_cannot_close_the_script_element(client, content):
    story = content.story(title="</script><script>alert(1)</script>")
    html = client.get(story.url).content.decode()
    assert "</script><script>alert(1)" not in html


def test_robots_txt_points_at_the_sitemap(client, site_tree):
    response = client.get("/robots.txt")
    assert response["Content-Type"].startswith("text/plain")
    text = response.content.decode()
    assert "Sitemap: http://testserver/sitemap.xml" in text
    assert "Disallow: /admin/" in text


def test_sitemap_lists_stories_and_their_transcripts(client, content):
    story = content.stories_up_to(1)[0]
    podcast, _ = content.podcast()
    xml = client.get("/sitemap.xml").content.decode()
    assert f"{story.slug}/</loc>" in xml
    assert f"{podcast.slug}/transcript/</loc>" in xml
    assert f"{story.slug}/transcript/</loc>" not in xml


def test_credits_page_is_linked_from_every_page_and_listed_in_the_sitemap(client, content):
    from wagtail.models import Site

    story = content.stories_up_to(1)[0]
    html = client.get(story.url).content.decode()
    assert '<a href="/credits/">Illustration credits</a>' in html
    site = Site.objects.get(is_default_site=True)
    xml = client.get("/sitemap.xml").content.decode()
    # At the same origin as the pages' own entries.
    assert f"<loc>{site.root_url}/credits/</loc>" in xml


def test_server_error_page_is_in_the_site_design():
    from django.template.loader import render_to_string

    html = render_to_string("500.html")
    assert "Something went wrong on our side" in html
    assert "/static/css/site.css" in html


def test_a_story_page_weighs_under_100_kb_before_images(client, content):
    """The page's own HTML, CSS and JS (uncompressed) stay small for slow connections."""
    from django.contrib.staticfiles import finders

    content.stories_up_to(4)
    story, _ = content.video(content_note="This film discusses racism in medical research.")
    html = client.get(story.url).content
    assets = re.findall(rb'(?:href|src)="/static/([^"]+\.(?:css|js))"', html)
    assert {asset.decode() for asset in assets} == {"css/site.css", "js/site.js"}
    total = len(html) + sum(len(open(finders.find(a.decode()), "rb").read()) for a in assets)
    assert total < 100_000, f"{total} bytes"
