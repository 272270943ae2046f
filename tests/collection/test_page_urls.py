"""A listing's page addresses (collection/page_urls.py) are Wagtail's own: the part before the
slug is reused for a page's siblings, and whatever Wagtail would work out differently (a slug it
quotes, another language, a page that is another site's root) is asked of Wagtail."""

import itertools

import pytest
from django.utils import translation
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from wagtail.models import Locale, Site

from collection.page_urls import page_url
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
