"""A story's credits come with the query that routes to it (collection/credit_columns.py): the
same credits, in the same order, with the same names and addresses as the story's own query
gives, on SQLite and PostgreSQL alike: a contributor whose page is not live has no address, and
a translated story links a contributor's page in its own language where one is live, else the
page in the source language with ?untranslated."""

import pytest
from wagtail.models import Locale

from collection.models import StoryPage
from collection.models.base import routed_child
from tests import factories

pytestmark = pytest.mark.django_db


def credits_both_ways(story, rf):
    request = rf.get(story.url)
    routed = routed_child(StoryPage, story.get_parent(), story.slug)
    assert routed.credit_rows is not None
    from_routing = routed._read_credits(request)
    queried = StoryPage.objects.get(pk=story.pk)._read_credits(request)
    return from_routing, queried


def test_credits_read_with_the_story_are_those_its_own_query_gives(site_tree, rf):
    welsh = Locale.objects.get_or_create(language_code="cy")[0]
    people = site_tree["contributors"]
    ada = factories.ContributorPageFactory(parent=people, title="Ada")
    bea = factories.ContributorPageFactory(parent=people, title="Bea")
    cai = factories.ContributorPageFactory(parent=people, title="Cai")
    cai.unpublish()
    story = factories.StoryPageFactory(parent=site_tree["stories"])
    for order, (person, role) in enumerate(
        [(bea, "author"), (ada, "illustrator"), (cai, "researcher")]
    ):
        story.story_contributors.create(contributor=person, role=role, sort_order=order)
    story.story_contributors.create(contributor=ada, role="interviewee", sort_order=1)
    story.save_revision().publish()
    ada_cy = ada.copy_for_translation(welsh, copy_parents=True)
    ada_cy.save_revision().publish()
    welsh_story = story.copy_for_translation(welsh, copy_parents=True)
    welsh_story.save_revision().publish()

    from_routing, queried = credits_both_ways(story, rf)
    assert from_routing == queried
    assert [(c.contributor.title, c.role) for c in from_routing] == [
        ("Bea", "author"),
        ("Ada", "illustrator"),
        ("Ada", "interviewee"),
        ("Cai", "researcher"),
    ]
    assert from_routing[-1].contributor.url == ""  # not live: no address

    from_routing, queried = credits_both_ways(welsh_story, rf)
    assert from_routing == queried
    urls = {c.contributor.title: c.contributor.url for c in from_routing}
    assert urls["Ada"].startswith("/cy/")  # her Welsh page
    assert "untranslated=cy" in urls["Bea"]  # no Welsh page: the English one, with the note


def test_a_story_without_credits_has_none(site_tree, rf):
    story = factories.StoryPageFactory(parent=site_tree["stories"])
    assert credits_both_ways(story, rf) == ([], [])
