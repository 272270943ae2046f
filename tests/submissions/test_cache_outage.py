"""The share-your-story form with the shared cache down, and its rate limit with the cache up.

Real django-redis both ways: pointed at a closed port on 127.0.0.1 (nothing listens), and at
the real Redis of the `redis_url` fixture. Production's cache options are used as they are
(errors ignored, short socket timeouts), with the page and fragment caches on.
"""

import logging
import socket
import time

import pytest

from submissions.forms import make_stamp
from submissions.models import StorySubmission

pytestmark = pytest.mark.django_db

CLOSED_PORT = 8199  # in this suite's port range; nothing may listen on it


def redis_caches(url):
    options = {"IGNORE_EXCEPTIONS": True, "SOCKET_CONNECT_TIMEOUT": 1, "SOCKET_TIMEOUT": 1}
    backend = {"BACKEND": "django_redis.cache.RedisCache", "LOCATION": url, "OPTIONS": options}
    return {"default": backend, "renditions": {**backend, "KEY_PREFIX": "renditions"}}


@pytest.fixture
def cache_down(settings):
    with socket.socket() as probe:
        assert probe.connect_ex(("127.0.0.1", CLOSED_PORT)) != 0, "the closed port is in use"
    settings.CACHES = redis_caches(f"redis://127.0.0.1:{CLOSED_PORT}/0")
    settings.PAGE_CACHE_SECONDS = 300
    settings.FRAGMENT_CACHE_SECONDS = 3600


@pytest.fixture
def cache_up(settings, redis_url):
    settings.CACHES = redis_caches(redis_url)
    settings.PAGE_CACHE_SECONDS = 300
    settings.FRAGMENT_CACHE_SECONDS = 3600


def fresh_form(form_data):
    return {**form_data, "started": make_stamp(time.time() - 60)}


def test_with_the_cache_down_a_story_is_stored_and_thanked_within_seconds(
    client, share_page, form_data, cache_down, caplog
):
    started = time.monotonic()
    with caplog.at_level(logging.WARNING, logger="submissions.rate_limit"):
        response = client.post(share_page.url, form_data, REMOTE_ADDR="198.51.100.77")
        assert response.status_code == 302
        thanks = client.get(response["Location"])
    elapsed = time.monotonic() - started
    assert thanks.status_code == 200
    submission = StorySubmission.objects.get()
    assert submission.reference in thanks.content.decode()
    assert elapsed < 5, f"the visitor waited {elapsed:.1f} s"
    assert "rate limit not applied" in caplog.text


def test_with_the_cache_down_every_fresh_visitor_gets_through(
    client, share_page, form_data, cache_down, settings
):
    settings.SUBMISSIONS_RATE_LIMIT = "1/h"
    for n in range(3):
        response = client.post(
            share_page.url, fresh_form(form_data), REMOTE_ADDR=f"198.51.100.{n + 1}"
        )
        assert response.status_code == 302
    assert StorySubmission.objects.count() == 3


def test_with_the_cache_up_the_limit_holds(client, share_page, form_data, cache_up, settings):
    settings.SUBMISSIONS_RATE_LIMIT = "2/h"
    statuses = [
        client.post(share_page.url, fresh_form(form_data), REMOTE_ADDR="198.51.100.9").status_code
        for _ in range(3)
    ]
    assert statuses == [302, 302, 429]
    # Another address has its own count.
    other = client.post(share_page.url, fresh_form(form_data), REMOTE_ADDR="198.51.100.10")
    assert other.status_code == 302
    assert StorySubmission.objects.count() == 3
