"""The API is public and read-only: CORS for GET from any origin, ETag / 304, a per-client rate
limit answering 429 with Retry-After (failing open when the cache is down), pagination capped at
100 over a stable order, and a constant number of queries per list call."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

pytestmark = pytest.mark.django_db

ENDPOINTS = ["/api/v2/pages/", "/api/v2/images/", "/api/v2/media/", "/api/v2/openapi.json"]


@pytest.fixture
def some(content):
    content.stories_up_to(3)
    content.podcast()
    return content


def test_cors_allows_get_from_any_origin_on_the_api_only(client, some):
    for url in ENDPOINTS:
        response = client.get(url, HTTP_ORIGIN="https://partner.example")
        assert response["Access-Control-Allow-Origin"] == "*", url
    preflight = client.options(
        "/api/v2/pages/",
        HTTP_ORIGIN="https://partner.example",
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
    )
    assert preflight["Access-Control-Allow-Origin"] == "*"
    assert "POST" not in preflight["Access-Control-Allow-Methods"]
    page = client.get(some.stories[0].url, HTTP_ORIGIN="https://partner.example")
    assert not page.has_header("Access-Control-Allow-Origin")


def test_the_api_is_read_only(client, some):
    for url in ENDPOINTS:
        assert client.post(url, {}).status_code in (403, 405), url


def test_etag_and_304(client, some):
    for url in [*ENDPOINTS, f"/api/v2/pages/{some.stories[0].pk}/"]:
        first = client.get(url)
        assert first.status_code == 200 and first["ETag"], url
        again = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
        assert again.status_code == 304, url
        assert again.content == b""
        assert client.get(url, HTTP_IF_NONE_MATCH='"other"').status_code == 200


def test_rate_limit_answers_429_with_retry_after_per_client(client, some, settings):
    settings.REUSE_API_RATE_LIMIT = "3/m"
    for _ in range(3):
        assert client.get("/api/v2/pages/", REMOTE_ADDR="203.0.113.5").status_code == 200
    limited = client.get("/api/v2/pages/", REMOTE_ADDR="203.0.113.5")
    assert limited.status_code == 429
    assert 1 <= int(limited["Retry-After"]) <= 60
    assert "no-store" in limited["Cache-Control"]
    assert limited.json()["message"].startswith("Too many requests")
    # Another client is not limited by the first one's calls.
    assert client.get("/api/v2/pages/", REMOTE_ADDR="203.0.113.6").status_code == 200


def test_rate_limit_uses_the_trusted_proxy_client_address(client, some, settings):
    settings.REUSE_API_RATE_LIMIT = "2/m"
    settings.TRUSTED_PROXIES = ["10.0.0.1"]
    proxy = {"REMOTE_ADDR": "10.0.0.1"}
    for _ in range(2):
        client.get("/api/v2/media/", HTTP_X_FORWARDED_FOR="198.51.100.7", **proxy)
    assert (
        client.get("/api/v2/media/", HTTP_X_FORWARDED_FOR="198.51.100.7", **proxy).status_code
        == 429
    )
    # Behind the same proxy, another reader has their own allowance.
    assert (
        client.get("/api/v2/media/", HTTP_X_FORWARDED_FOR="198.51.100.8", **proxy).status_code
        == 200
    )


def test_rate_limit_fails_open_when_the_cache_is_down(client, some, settings):
    settings.REUSE_API_RATE_LIMIT = "1/m"
    settings.RATELIMIT_FAIL_OPEN = False
    settings.CACHES = {
        **settings.CACHES,
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            # Nothing listens on this port of our range.
            "LOCATION": "redis://127.0.0.1:8399/0",
            # As in production (settings/base.py): an outage makes the site slower, not broken.
            "OPTIONS": {
                "SOCKET_CONNECT_TIMEOUT": 0.2,
                "SOCKET_TIMEOUT": 0.2,
                "IGNORE_EXCEPTIONS": True,
            },
        },
    }
    for _ in range(3):
        assert client.get("/api/v2/pages/").status_code == 200


def test_pagination_is_capped_at_100(client, some):
    assert client.get("/api/v2/pages/?limit=100").status_code == 200
    for url in (
        "/api/v2/pages/?limit=101",
        "/api/v2/images/?limit=500",
        "/api/v2/media/?limit=101",
    ):
        response = client.get(url)
        assert response.status_code == 400
        assert "100" in response.json()["message"]


def test_bad_parameters_are_400_with_a_message(client, some):
    for url in (
        "/api/v2/pages/?fields=*",
        "/api/v2/pages/?type=wagtailcore.Page",
        "/api/v2/pages/?format=novel",
        "/api/v2/pages/?order=owner",
        "/api/v2/pages/?type=collection.SeriesPage&theme=consent",
        "/api/v2/pages/?offset=-1",
        "/api/v2/pages/?offset=99999999999",
        "/api/v2/pages/?theme=a%00b",
        "/api/v2/images/?licence=mine",
        "/api/v2/media/?kind=text",
    ):
        response = client.get(url)
        assert response.status_code == 400, url
        assert response.json()["message"]
    assert client.get("/api/v2/pages/99999999999999999999999/").status_code == 404


def test_stable_order_pages_never_overlap(client, content):
    # Several stories on the same day: the id decides their order.
    import datetime

    for _ in range(7):
        content.story(first_published=datetime.date(2026, 3, 1))
    seen = []
    for offset in range(0, 7, 2):
        data = client.get(
            f"/api/v2/pages/?type=collection.StoryPage&limit=2&offset={offset}"
        ).json()
        seen += [item["id"] for item in data["items"]]
    assert len(seen) == len(set(seen)) == 7


def list_queries(client, url):
    assert client.get(url).status_code == 200
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries), len(response.json()["items"])


LIST_URLS = [
    "/api/v2/pages/?limit=100",
    "/api/v2/pages/?type=collection.StoryPage&limit=100",
    "/api/v2/pages/?type=collection.ContributorPage&limit=100",
    "/api/v2/pages/?type=collection.SeriesPage",
    "/api/v2/pages/?theme=consent&series=missing-from-the-data&limit=100",
    "/api/v2/images/?limit=100",
    "/api/v2/media/?limit=100",
]


def grow_in_bulk(content, count):
    """Add stories cheaply: one published story copied, the copies inserted as pages in bulk
    through Wagtail's tree (each with its themes, contributors and series membership)."""
    from collection.models import SeriesStory, StoryContributor, StoryPage

    template = content.stories[0]
    parent = content.tree["stories"]
    themes = list(template.themes.all())
    credits = list(template.story_contributors.all())
    for n in range(count):
        story = StoryPage(
            title=f"Bulk story {n}",
            slug=f"bulk-story-{n}",
            summary=template.summary,
            format=template.format,
            hero_image=template.hero_image,
            body=template.body.raw_data,
            first_published=template.first_published,
            live=True,
        )
        parent.add_child(instance=story)
        story.themes.set(themes)
        StoryContributor.objects.bulk_create(
            StoryContributor(story=story, contributor=c.contributor, role=c.role, sort_order=i)
            for i, c in enumerate(credits)
        )
        SeriesStory.objects.create(series=content.series, story=story, sort_order=100 + n)
        parent = type(parent).objects.get(pk=parent.pk)  # fresh numchild for the next child
    return StoryPage.objects.live().count()


def test_list_calls_use_a_fixed_number_of_queries(client, content, settings):
    """At most 10 queries per list call, the same for 20 stories as for 200. (2,000 would take
    minutes to build here: the count of queries is the same at 20 and 200, so it cannot grow
    with the number of stories.)"""
    content.stories_up_to(20)
    content.podcast()
    content.video()
    small = {url: list_queries(client, url) for url in LIST_URLS}
    over = {url: count for url, (count, _) in small.items() if count > 10}
    assert not over, over

    grow_in_bulk(content, 180)
    large = {url: list_queries(client, url) for url in LIST_URLS}
    for url in LIST_URLS:
        assert large[url][0] == small[url][0], (url, small[url], large[url])
    assert large["/api/v2/pages/?type=collection.StoryPage&limit=100"][1] == 100
