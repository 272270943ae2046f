"""Content-Security-Policy: strict with nonces on public pages, relaxed under /admin/."""

import pytest

from tests import factories

pytestmark = pytest.mark.django_db


def directives(response):
    header = response["Content-Security-Policy"]
    return {part.split()[0]: part.split()[1:] for part in header.split(";") if part.strip()}


def test_public_page_policy_allows_no_inline_script(client, site_tree):
    story = factories.StoryPageFactory(parent=site_tree["stories"])
    policy = directives(client.get(story.url))
    assert policy["default-src"] == ["'self'"]
    assert "'unsafe-inline'" not in policy["script-src"]
    assert "'unsafe-eval'" not in policy["script-src"]
    assert "'unsafe-inline'" not in policy["style-src"]
    assert policy["object-src"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'self'"]
    assert policy["base-uri"] == ["'self'"]


def test_admin_edit_view_gets_the_relaxed_policy(admin_client, site_tree):
    story = factories.StoryPageFactory(parent=site_tree["stories"])
    response = admin_client.get(f"/admin/pages/{story.pk}/edit/")
    assert response.status_code == 200
    policy = directives(response)
    assert "'unsafe-inline'" in policy["script-src"]
    assert policy["frame-ancestors"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]


def test_health_and_feeds_carry_a_policy_too(client, site_tree):
    assert "Content-Security-Policy" in client.get(site_tree["home"].url)
