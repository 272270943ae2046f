"""Wagtail's userbar (quick actions, accessibility checker, content metrics) on public pages:
shown to signed-in staff on live pages and in previews, under the strict public CSP; never shown,
never cached and never costing a query for anonymous readers."""

import re

import pytest
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

from tests.admin.conftest import story_form_data

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("clear_caches")]

USERBAR = "<wagtail-userbar>"
CHECKER = 'id="checker-trigger"'
# Tables an anonymous page must never read for the userbar: people, sessions, permissions.
PERSONAL_TABLES = ("auth_user", "auth_permission", "auth_group", "django_session")


@pytest.fixture
def public_urls(site_tree, story):
    return ["/", "/stories/", story.url, "/series/", "/contributors/", "/search/?q=biobank"]


def test_staff_see_the_userbar_and_checker_on_live_pages(client, editor, story):
    client.force_login(editor)
    html = client.get(story.url).content.decode()
    assert USERBAR in html
    assert CHECKER in html  # the accessibility checker and content metrics item
    assert "checker-axe-configuration" in html
    # The page's own edit link, so the editor can go straight to the story.
    assert f"/admin/pages/{story.pk}/edit/" in html


def test_userbar_obeys_the_public_csp(client, editor, story):
    """The strict public policy allows only scripts and styles from our origin or with this
    response's nonce: the userbar's scripts and stylesheets are served from our origin, and it
    adds no inline script or style (its JSON configuration is a data block, never run)."""
    client.force_login(editor)
    response = client.get(story.url)
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy
    html = response.content.decode()
    nonce = re.search(r"'nonce-([^']+)'", policy)
    for tag in re.findall(r"<script\b[^>]*>", html):
        if 'type="application/json"' in tag or 'type="application/ld+json"' in tag:
            continue
        src = re.search(r'src="([^"]+)"', tag)
        assert src or (nonce and f'nonce="{nonce.group(1)}"' in tag), tag
        if src:
            assert src.group(1).startswith(("/static/", "//testserver/static/")), tag
    for tag in re.findall(r'<link\b[^>]*rel="stylesheet"[^>]*>', html):
        assert re.search(r'href="(//testserver)?/static/', tag), tag
    assert not re.search(r"<style\b", html)
    assert not re.search(r"\sstyle=", html)


def test_preview_has_the_userbar_for_the_checks_panel(client, editor, story):
    """The editor's Checks panel (word count, reading time, readability, accessibility issues)
    is filled in by the userbar inside the preview."""
    client.force_login(editor)
    url = f"/admin/pages/{story.pk}/edit/preview/"
    assert client.post(url, story_form_data(story)).json()["is_valid"]
    html = client.get(url, {"in_preview_panel": "true"}).content.decode()
    assert USERBAR in html and CHECKER in html
    assert "I gave blood on a wet Tuesday" in html


def test_anonymous_readers_get_no_userbar_script_or_query(client, public_urls):
    for url in public_urls:
        client.get(url)  # first view makes renditions
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        assert USERBAR not in html and "userbar.js" not in html, url
        assert "wagtail-userbar-template" not in html, url
        personal = [q["sql"] for q in queries if any(t in q["sql"] for t in PERSONAL_TABLES)]
        assert not personal, (url, personal)


def test_the_tag_costs_an_anonymous_reader_no_query(rf, story):
    """The tag as a page renders it, for a request with no session cookie: nothing printed and
    not one query (the user is never loaded from a session that does not exist)."""
    from django.contrib.auth.middleware import AuthenticationMiddleware
    from django.contrib.sessions.middleware import SessionMiddleware
    from django.template import engines

    request = rf.get(story.url)
    SessionMiddleware(lambda r: None).process_request(request)
    AuthenticationMiddleware(lambda r: None).process_request(request)
    template = engines["django"].from_string("{% load wagtailuserbar %}[{% wagtailuserbar %}]")
    with CaptureQueriesContext(connection) as queries:
        html = template.render({"page": story, "request": request})
    assert html == "[]"
    assert len(queries) == 0


@override_settings(PAGE_CACHE_SECONDS=300)
def test_an_editors_page_is_never_cached_nor_served_to_readers(client, editor, story):
    client.force_login(editor)
    response = client.get(story.url)
    assert USERBAR in response.content.decode()
    assert "X-Page-Cache" not in response
    # Not kept by a CDN or proxy either.
    cache_control = response["Cache-Control"]
    assert "private" in cache_control and "no-store" in cache_control
    assert "public" not in cache_control

    client.logout()
    client.cookies.clear()
    for expected in ("miss", "hit"):
        reader = client.get(story.url)
        assert reader["X-Page-Cache"] == expected
        assert USERBAR not in reader.content.decode()
        assert "public" in reader["Cache-Control"]
