"""Pieces of page templates kept whole until content changes ({% keep %},
collection/templatetags/kept.py): the head, the site header, a story's content.

A kept piece must read exactly as a fresh one, carry this response's CSP nonce, follow the
reader's address (the language switcher keeps their filters; the current section is marked), and
keep nothing for a request that shows no page (made-up addresses must not fill the cache).
"""

import re

import pytest
from django.template import engines

from collection import local_copies

pytestmark = pytest.mark.django_db

NONCE = re.compile(r'nonce="([^"]+)"')


@pytest.fixture
def kept(settings, clear_caches):
    settings.FRAGMENT_CACHE_SECONDS = 300


def without_nonces(html):
    return NONCE.sub('nonce=""', html)


def test_a_kept_story_page_reads_as_a_fresh_one(client, content, settings):
    story = content.stories_up_to(3)[0]
    settings.FRAGMENT_CACHE_SECONDS = 0
    fresh = client.get(story.url).content.decode()
    settings.FRAGMENT_CACHE_SECONDS = 300
    first = client.get(story.url).content.decode()
    second = client.get(story.url).content.decode()
    assert without_nonces(first) == without_nonces(fresh)
    assert without_nonces(second) == without_nonces(fresh)


def test_a_kept_piece_carries_each_responses_nonce(rf, kept):
    template = engines["django"].from_string(
        '{% load kept %}{% keep "probe" part %}<script nonce="{{ request.csp_nonce }}">'
        "</script>{% endkeep %}"
    )
    html = []
    for nonce in ("first-nonce", "second-nonce"):
        request = rf.get("/")
        request.content_generation = "a-generation"
        request.csp_nonce = request._csp_nonce = nonce
        html.append(template.render({"part": 1}, request=request))
    assert html == [
        '<script nonce="first-nonce"></script>',
        '<script nonce="second-nonce"></script>',
    ]


def test_the_kept_header_follows_the_address(client, content, kept):
    content.stories_up_to(2)
    listing = client.get("/stories/?theme=consent").content.decode()
    assert 'href="/stories/" aria-current="page"' in listing
    story = client.get(content.stories[0].url).content.decode()
    # The same header on another page marks the section, not the page.
    assert 'href="/stories/" aria-current="true"' in story
    other = client.get("/stories/?theme=genomics").content.decode()
    assert 'value="genomics" selected' in other


def test_a_request_without_a_page_keeps_nothing(client, content, kept):
    content.stories_up_to(1)
    client.get(content.stories[0].url)
    before = len(local_copies.local_copies.entries)
    for number in range(5):
        assert client.get(f"/no-such-page-{number}/").status_code == 404
    assert len(local_copies.local_copies.entries) == before


def test_a_kept_route_follows_drafts_and_unpublishing(
    client, content, kept, django_capture_on_commit_callbacks
):
    """The page a slug routes to is kept per content generation: a saved draft never shows, an
    unpublished story is gone on the next request, a republished one is back."""
    story = content.stories_up_to(2)[0]
    assert client.get(story.url).status_code == 200
    story.title = "A draft title nobody should see"
    with django_capture_on_commit_callbacks(execute=True):
        story.save_revision()
    html = client.get(story.url).content.decode()
    assert "A draft title nobody should see" not in html and "Story number 0" in html
    with django_capture_on_commit_callbacks(execute=True):
        story.unpublish()
    assert client.get(story.url).status_code == 404
    with django_capture_on_commit_callbacks(execute=True):
        story.get_latest_revision().publish()
    assert "A draft title nobody should see" in client.get(story.url).content.decode()
