"""A page's translations and the section pages, read in the query that routes to it
(collection/version_columns.py), are the rows the language switcher's own query reads: its live
translations (never an alias, never a draft), the section index pages of the reader's language
and the default one, with their languages; and the page then needs no query of its own."""

import pytest
from django.db import connection
from django.db.models import F
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from wagtail.models import Locale, Page, Site

from collection.models import StoryPage
from collection.models.base import routed_child
from collection.templatetags.languages import language_versions_for
from collection.templatetags.localized_links import section_page_values
from collection.version_columns import ADDRESS_FIELDS, pages_from_version_rows, version_filter
from tests import factories

pytestmark = pytest.mark.django_db


def as_read(pages):
    return sorted(
        (*(getattr(page, name) for name in ADDRESS_FIELDS), page.language) for page in pages
    )


def by_query(page):
    type_ids, languages = section_page_values()
    return Page.objects.filter(version_filter(page.translation_key, type_ids, languages)).annotate(
        language=F("locale__language_code")
    )


@pytest.fixture
def story_in_three_states(site_tree):
    """A story live in English and Welsh, a draft in Urdu; another story only aliased in Welsh."""
    welsh = Locale.objects.get_or_create(language_code="cy")[0]
    urdu = Locale.objects.get_or_create(language_code="ur")[0]
    story = factories.StoryPageFactory(parent=site_tree["stories"], slug="three-states")
    cymraeg = story.copy_for_translation(welsh, copy_parents=True)
    cymraeg.save_revision().publish()
    draft = story.copy_for_translation(urdu, copy_parents=True)
    assert not draft.live
    return story, cymraeg


@pytest.mark.parametrize("language", ["en-gb", "cy"])
def test_the_rows_read_along_are_the_rows_of_the_query(story_in_three_states, language, rf):
    story, cymraeg = story_in_three_states
    with translation.override(language):
        for page in (story, cymraeg):
            parent = page.get_parent()
            routed = routed_child(StoryPage, parent, page.slug)
            read_along = pages_from_version_rows(routed.version_rows)
            assert as_read(read_along) == as_read(by_query(page))
            codes = {
                row.language for row in read_along if row.translation_key == page.translation_key
            }
            assert codes == {"en-gb", "cy"}  # the Urdu draft is not offered


def test_a_routed_page_lists_its_versions_without_a_query(story_in_three_states, rf):
    story, cymraeg = story_in_three_states
    request = rf.get(story.url)
    Site.find_for_request(request)  # as routing does first: the site is kept on the request
    with translation.override("en-gb"):
        routed = routed_child(StoryPage, story.get_parent(), story.slug)
        with CaptureQueriesContext(connection) as queries:
            versions = language_versions_for(request, routed)
        assert [v.code for v in versions] == ["en-gb", "cy"]
        assert len(queries) == 0, [q["sql"][:200] for q in queries]
        # A page not routed to (no rows read along) asks the database, with the same answer.
        fresh = StoryPage.objects.get(pk=story.pk)
        assert [(v.code, v.url) for v in language_versions_for(rf.get(story.url), fresh)] == [
            (v.code, v.url) for v in versions
        ]
