"""A listing's page addresses (collection/page_urls.py) are Wagtail's own: the part before the
slug is reused for a page's siblings, and whatever Wagtail would work out differently (a slug it
quotes, another language, a page that is another site's root) is asked of Wagtail."""

import itertools

import pytest
from django.utils import translation
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from wagtail.models import Locale, Page, Site

from collection.page_urls import page_addresses, page_url
from tests import factories

pytestmark = pytest.mark.django_db
examples = itertools.count()  # examples share the test's database: slugs kept apart

slugs = st.lists(
    st.one_of(
        st.from_regex(r"[a-z0-9][a-z0-9_-]{0,20}", fullmatch=True),
        st.text(alphabet="abcAéñü_-ß9", min_size=1, max_size=12),
    ),
    min_size=1,
    max_size=6,
)


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(slugs=slugs, language=st.sampled_from(["en-gb", "cy"]))
def test_every_page_of_a_listing_gets_the_address_wagtail_gives(site_tree, rf, slugs, language):
    example = next(examples)
    stories = [
        factories.StoryPageFactory(parent=site_tree["stories"], slug=f"{slug}-{example}-{n}")
        for n, slug in enumerate(slugs)
    ]
    request = rf.get("/stories/")
    with translation.override(language):
        for story in stories + stories:  # the second time round, from what was kept
            assert page_url(story, request) == story.get_url(request)


def test_a_translated_listing_keeps_its_language_prefix(site_tree, rf):
    welsh = Locale.objects.get_or_create(language_code="cy")[0]
    english = [factories.StoryPageFactory(parent=site_tree["stories"]) for _ in range(3)]
    cymraeg = [story.copy_for_translation(welsh, copy_parents=True) for story in english]
    for page in cymraeg:
        page.save_revision().publish()
    request = rf.get("/cy/")
    for language in ("cy", "en-gb"):
        with translation.override(language):
            for page in cymraeg + english + cymraeg:
                assert page_url(page, request) == page.get_url(request)
    assert page_url(cymraeg[1], request).startswith("/cy/")


def test_a_page_that_is_another_sites_root_gets_that_sites_address(site_tree, rf):
    first, second = (factories.StoryPageFactory(parent=site_tree["stories"]) for _ in range(2))
    Site.objects.create(hostname="other.example.org", port=80, root_page=second)
    request = rf.get("/stories/")
    assert page_url(first, request) == first.get_url(request)  # the siblings' part kept
    assert page_url(second, request) == second.get_url(request)


@pytest.mark.parametrize("host", ["testserver", "other.example.org", None])
def test_both_addresses_from_one_ask_are_wagtails(site_tree, rf, host):
    """page_addresses gives get_url and get_full_url from one get_url_parts: on the site's own
    host, on another site's host (full addresses where Wagtail gives them), with no request,
    for English and Welsh pages, a page that is another site's root and one no site routes to."""
    welsh = Locale.objects.get_or_create(language_code="cy")[0]
    story, root_of_other = (factories.StoryPageFactory(parent=site_tree["stories"]) for _ in "ab")
    cymraeg = story.copy_for_translation(welsh, copy_parents=True)
    cymraeg.save_revision().publish()
    request = rf.get("/stories/", HTTP_HOST=host) if host else None
    pages = [story, cymraeg, site_tree["home"], root_of_other]
    for sites in (1, 2):
        if sites == 2:
            Site.objects.create(hostname="other.example.org", port=80, root_page=root_of_other)
            request = rf.get("/stories/", HTTP_HOST=host) if host else None
        for page in pages:
            expected = (page.get_url(request), page.get_full_url(request))
            assert page_addresses(page, request) == expected
    orphan = factories.StoryPageFactory(parent=Page.get_first_root_node())
    assert page_addresses(orphan, None) == (None, None) == (orphan.get_url(), orphan.get_full_url())
