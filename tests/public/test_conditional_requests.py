"""Conditional requests through the real middleware stack: pages and feeds carry an ETag that
ignores the per-response CSP nonce, answer 304 when it matches, and 200 again after a publish.
Podcast apps poll every few minutes; most of those polls should cost nothing."""

import datetime
import xml.etree.ElementTree as ET

import pytest
from django.db.models import F
from django.http import HttpResponse
from django.test import RequestFactory
from django.utils.http import http_date
from wagtail.models import Page, PageLogEntry

from collection.feeds import podcast_guid
from operations.middleware import ContentSecurityPolicyMiddleware, PageCacheMiddleware

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("clear_caches")]

PODCAST = "{https://podcastindex.org/namespace/1.0}"


@pytest.fixture(params=[300, 0], ids=["page-cache-on", "page-cache-off"])
def page_cache_seconds(request, settings):
    settings.PAGE_CACHE_SECONDS = request.param
    return request.param


def urls(content):
    story = content.stories_up_to(1)[0]
    content.podcast()
    return [story.url, "/", "/feeds/stories/", "/feeds/stories/atom/", "/feeds/podcast/"]


def test_200_with_etag_then_304_then_200_after_a_publish(
    client, content, page_cache_seconds, django_capture_on_commit_callbacks
):
    addresses = urls(content)
    etags = {}
    for url in addresses:
        first = client.get(url)
        assert first.status_code == 200, url
        etag = first["ETag"]
        assert etag.startswith('W/"'), url
        second = client.get(url, headers={"if-none-match": etag})
        assert second.status_code == 304, url
        assert second["ETag"] == etag and second.content == b""
        if page_cache_seconds:
            # Answered from the kept entry: nothing rendered.
            assert second["X-Page-Cache"] == "hit"
        # Another validator, or none, gets the whole response with the same ETag.
        third = client.get(url, headers={"if-none-match": 'W/"something-else"'})
        assert third.status_code == 200 and third["ETag"] == etag
        etags[url] = etag

    with django_capture_on_commit_callbacks(execute=True):
        content.story(title="A story published later", in_series=False)
    for url in addresses:
        response = client.get(url, headers={"if-none-match": etags[url]})
        if url == addresses[0] or url == "/feeds/podcast/":
            # Neither the first story nor the podcast feed shows the new story; a fresh render
            # of the same body gives the same ETag, so they may still say 304.
            assert response.status_code in (200, 304), url
            continue
        assert response.status_code == 200, url
        assert response["ETag"] != etags[url]
        assert b"A story published later" in response.content

    # A new episode changes the podcast feed: its apps get it on their next poll.
    with django_capture_on_commit_callbacks(execute=True):
        content.podcast(title="A later episode", slug="a-later-episode")
    response = client.get("/feeds/podcast/", headers={"if-none-match": etags["/feeds/podcast/"]})
    assert response.status_code == 200
    assert response["ETag"] != etags["/feeds/podcast/"]
    assert b"a-later-episode" in response.content


@pytest.mark.parametrize("seconds", [300, 0], ids=["page-cache-on", "page-cache-off"])
def test_the_nonce_does_not_change_the_etag(settings, seconds):
    """A body holding this response's nonce (as scripts with a nonce do) still matches."""
    settings.PAGE_CACHE_SECONDS = seconds

    def view(request):
        return HttpResponse(f'<script nonce="{request.csp_nonce}" src="/static/a.js"></script>')

    stack = ContentSecurityPolicyMiddleware(PageCacheMiddleware(view))
    factory = RequestFactory()
    first, second = stack(factory.get("/a-page/")), stack(factory.get("/a-page/"))
    assert first.content != second.content  # two nonces
    assert first["ETag"] == second["ETag"]
    again = stack(factory.get("/a-page/", headers={"if-none-match": first["ETag"]}))
    assert again.status_code == 304 and again["ETag"] == first["ETag"]


def test_feeds_answer_if_modified_since_and_an_unpublish_moves_last_modified(
    client, content, page_cache_seconds, django_capture_on_commit_callbacks
):
    stories = content.stories_up_to(2)
    # HTTP dates count whole seconds: let the earlier publishes lie a minute back.
    minute = datetime.timedelta(minutes=1)
    PageLogEntry.objects.update(timestamp=F("timestamp") - minute)
    Page.objects.update(last_published_at=F("last_published_at") - minute)
    response = client.get("/feeds/stories/")
    last_modified = response["Last-Modified"]
    assert (
        client.get("/feeds/stories/", headers={"if-modified-since": last_modified}).status_code
        == 304
    )
    # Taking a story down must not leave it in the readers' copies of the feed.
    with django_capture_on_commit_callbacks(execute=True):
        stories[0].unpublish()
    later = http_date((datetime.datetime.now() + datetime.timedelta(seconds=2)).timestamp())
    response = client.get("/feeds/stories/", headers={"if-modified-since": last_modified})
    assert response.status_code == 200
    assert stories[0].title.encode() not in response.content
    assert client.get("/feeds/stories/", headers={"if-modified-since": later}).status_code == 304


def test_a_page_that_must_not_be_kept_gets_no_etag(settings):
    settings.PAGE_CACHE_SECONDS = 300

    def view(request):
        response = HttpResponse("a form with a CSRF token")
        response["Cache-Control"] = "no-store"
        return response

    stack = ContentSecurityPolicyMiddleware(PageCacheMiddleware(view))
    response = stack(RequestFactory().get("/share-your-story/", headers={"if-none-match": "*"}))
    assert response.status_code == 200 and "ETag" not in response


@pytest.mark.parametrize(
    ("url", "guid"),
    [
        # The Podcast Namespace's own examples (docs/tags/guid.md).
        ("https://mp3s.nashownotes.com/pc20rss.xml", "917393e3-1b1e-5cef-ace4-edaa54e1f810"),
        ("podnews.net/rss", "9b024349-ccf0-5f69-a609-6b82873eab3c"),
        ("https://podnews.net/rss/", "9b024349-ccf0-5f69-a609-6b82873eab3c"),
    ],
)
def test_podcast_guid_follows_the_podcast_namespace(url, guid):
    assert str(podcast_guid(url)) == guid


def test_podcast_feed_carries_the_channel_guid_of_the_public_origin(client, content, settings):
    from wagtail.models import Site

    content.podcast()
    site = Site.objects.get(is_default_site=True)
    site.hostname, site.port = "mindthegap.example", 443
    site.save()
    channel = ET.fromstring(client.get("/feeds/podcast/").content).find("channel")
    expected = str(podcast_guid("mindthegap.example/feeds/podcast"))
    assert channel.findtext(f"{PODCAST}guid") == expected
    settings.PODCAST_GUID = "c0ffee00-1b1e-5cef-ace4-edaa54e1f810"
    channel = ET.fromstring(client.get("/feeds/podcast/").content).find("channel")
    assert channel.findtext(f"{PODCAST}guid") == settings.PODCAST_GUID
