"""The anonymous page cache: hits for readers, never a draft, a publish shows at once."""

import pytest
from django.http import HttpResponse
from django.test import RequestFactory, override_settings
from wagtail.models import Page

from operations import page_cache
from operations.middleware import ContentSecurityPolicyMiddleware, PageCacheMiddleware
from tests import factories

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("clear_caches")]


@pytest.fixture
def story(site_tree):
    return factories.StoryPageFactory(
        parent=site_tree["stories"], title="The first story", slug="first-story"
    )


@override_settings(PAGE_CACHE_SECONDS=300)
def test_anonymous_reader_gets_a_cached_copy_on_the_second_request(client, story):
    first = client.get(story.url)
    assert first.status_code == 200
    assert first["X-Page-Cache"] == "miss"
    second = client.get(story.url)
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content
    # Every response still gets its own security headers.
    assert "Content-Security-Policy" in second


@override_settings(PAGE_CACHE_SECONDS=300)
def test_draft_is_never_shown_and_publish_shows_at_once(
    client, story, site_tree, django_capture_on_commit_callbacks
):
    assert b"The first story" in client.get(story.url).content
    assert client.get(story.url)["X-Page-Cache"] == "hit"

    # An editor saves a draft: readers keep seeing the live story, cached or not.
    story.title = "A draft title nobody should see"
    with django_capture_on_commit_callbacks(execute=True):
        revision = story.save_revision()
    for _ in range(2):
        response = client.get(story.url)
        assert b"A draft title nobody should see" not in response.content
        assert b"The first story" in response.content
    listing = client.get(site_tree["stories"].url)
    assert b"A draft title nobody should see" not in listing.content

    # Publishing shows the new title on the story and on the listing that was cached.
    with django_capture_on_commit_callbacks(execute=True):
        revision.publish()
    response = client.get(story.url)
    assert response["X-Page-Cache"] == "miss"
    assert b"A draft title nobody should see" in response.content
    assert b"A draft title nobody should see" in client.get(site_tree["stories"].url).content


@override_settings(PAGE_CACHE_SECONDS=300)
def test_newly_published_story_appears_on_a_cached_listing_and_home(
    client, site_tree, story, django_capture_on_commit_callbacks
):
    index_url = site_tree["stories"].url
    client.get(index_url)
    assert client.get(index_url)["X-Page-Cache"] == "hit"
    with django_capture_on_commit_callbacks(execute=True):
        factories.StoryPageFactory(
            parent=site_tree["stories"], title="Hot off the press", slug="hot-off-the-press"
        )
    assert b"Hot off the press" in client.get(index_url).content


@override_settings(PAGE_CACHE_SECONDS=300)
def test_unpublished_page_is_gone_at_once(client, story, django_capture_on_commit_callbacks):
    client.get(story.url)
    assert client.get(story.url)["X-Page-Cache"] == "hit"
    with django_capture_on_commit_callbacks(execute=True):
        Page.objects.get(pk=story.pk).specific.unpublish()
    assert client.get(story.url).status_code == 404


@override_settings(PAGE_CACHE_SECONDS=300)
def test_signed_in_editors_bypass_the_cache(client, story, django_user_model):
    client.get(story.url)
    user = django_user_model.objects.create_superuser("editor", "e@example.com", "pw")
    client.force_login(user)
    response = client.get(story.url)
    assert response.status_code == 200
    assert "X-Page-Cache" not in response


@override_settings(PAGE_CACHE_SECONDS=300)
def test_admin_and_preview_are_never_cached(admin_client, story):
    edit_url = f"/admin/pages/{story.pk}/edit/"
    client = admin_client
    client.cookies.clear()  # even without a session cookie the admin is excluded
    request = RequestFactory().get(edit_url)
    assert not page_cache.request_is_cacheable(request)
    preview = RequestFactory().get(f"/admin/pages/{story.pk}/edit/preview/")
    assert not page_cache.request_is_cacheable(preview)


@override_settings(PAGE_CACHE_SECONDS=300)
@pytest.mark.parametrize("cookie", ["sessionid", "messages"])
def test_requests_with_personal_cookies_are_not_served_from_the_cache(cookie):
    request = RequestFactory().get("/stories/")
    assert page_cache.request_is_cacheable(request)
    request.COOKIES[cookie] = "something"
    assert not page_cache.request_is_cacheable(request)


def test_page_cache_is_off_by_default_in_tests_and_development(client, story):
    assert "X-Page-Cache" not in client.get(story.url)


@pytest.mark.parametrize(
    "headers, status, cacheable",
    [
        ({}, 200, True),
        ({"Cache-Control": "no-store"}, 200, False),
        ({"Cache-Control": "private, max-age=60"}, 200, False),
        ({"Cache-Control": "max-age=0"}, 200, False),
        ({"Vary": "*"}, 200, False),
        ({}, 404, False),
        ({}, 302, False),
    ],
)
def test_only_shareable_responses_are_stored(headers, status, cacheable):
    response = HttpResponse("page", status=status)
    for name, value in headers.items():
        response[name] = value
    assert page_cache.response_is_cacheable(response) is cacheable


def test_response_setting_a_cookie_is_not_stored():
    response = HttpResponse("form")
    response.set_cookie("csrftoken", "abc")
    assert not page_cache.response_is_cacheable(response)


@override_settings(PAGE_CACHE_SECONDS=300)
def test_cached_page_gets_a_fresh_csp_nonce_each_time():
    def view(request):
        return HttpResponse(f'<script nonce="{request.csp_nonce}" src="/static/a.js"></script>')

    stack = ContentSecurityPolicyMiddleware(PageCacheMiddleware(view))
    factory = RequestFactory()
    nonces = []
    for expected in ("miss", "hit", "hit"):
        response = stack(factory.get("/a-page/"))
        assert response["X-Page-Cache"] == expected
        nonce = response.content.decode().split('nonce="')[1].split('"')[0]
        assert f"'nonce-{nonce}'" in response["Content-Security-Policy"]
        nonces.append(nonce)
    assert len(set(nonces)) == 3


@override_settings(PAGE_CACHE_SECONDS=300)
def test_tracking_parameters_on_shared_links_hit_the_same_entry(client, story, site_tree):
    assert client.get(story.url)["X-Page-Cache"] == "miss"
    for query in ("?fbclid=IwAR0abc", "?utm_source=newsletter&utm_medium=email", "?gclid=x1"):
        response = client.get(story.url + query)
        assert response.status_code == 200
        assert response["X-Page-Cache"] == "hit", query
    # Parameters a page reads still make their own entries.
    listing = site_tree["stories"].url
    assert client.get(listing + "?theme=consent&utm_source=x")["X-Page-Cache"] == "miss"
    assert client.get(listing + "?theme=consent")["X-Page-Cache"] == "hit"
    assert client.get(listing + "?page=2")["X-Page-Cache"] == "miss"


@override_settings(PAGE_CACHE_SECONDS=300, FRAGMENT_CACHE_SECONDS=300)
def test_an_unreachable_cache_renders_pages_and_keeps_nothing(client, story, monkeypatch):
    class Unreachable:
        """What django-redis with IGNORE_EXCEPTIONS answers while Redis is down."""

        def get(self, key, default=None):
            return default

        def add(self, *args, **kwargs):
            return False

        def set(self, *args, **kwargs):
            raise AssertionError("nothing may be kept without a generation")

    monkeypatch.setattr(page_cache, "page_cache", lambda: Unreachable())
    for _ in range(2):
        response = client.get(story.url)
        assert response.status_code == 200
        assert b"The first story" in response.content
        assert "X-Page-Cache" not in response


@override_settings(PAGE_CACHE_SECONDS=300, FRAGMENT_CACHE_SECONDS=300)
def test_a_hit_reads_only_the_generation_and_the_entry(client, story, monkeypatch):
    """A cached page is answered from the generation and the entry alone: no site lookup, no
    conditional-request machinery for a request that asks for none (the hit path is what the
    benchmark compares with a static file)."""
    client.get(story.url)
    sites, conditionals = [], []
    attach_site, get_conditional_response = (
        page_cache.attach_site,
        page_cache.get_conditional_response,
    )
    monkeypatch.setattr(page_cache, "attach_site", lambda *a: sites.append(a) or attach_site(*a))
    monkeypatch.setattr(
        page_cache,
        "get_conditional_response",
        lambda *a, **k: conditionals.append(a) or get_conditional_response(*a, **k),
    )
    response = client.get(story.url)
    assert response["X-Page-Cache"] == "hit"
    assert sites == [] and conditionals == []
    # A conditional request is still answered with a 304 from the kept entry.
    again = client.get(story.url, HTTP_IF_NONE_MATCH=response["ETag"])
    assert again.status_code == 304
    assert len(conditionals) == 1
