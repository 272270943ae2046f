"""Where each page type may and may not be created, so editors cannot misplace a page."""

import pytest
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from collection.models import (
    ContributorIndexPage,
    ContributorPage,
    SeriesIndexPage,
    SeriesPage,
    StoryIndexPage,
    StoryPage,
)
from home.models import HomePage
from tests.test_factories import project_page_models

INDEXES = [StoryIndexPage, SeriesIndexPage, ContributorIndexPage]
LEAVES = [StoryPage, SeriesPage, ContributorPage]
OUR_PAGE_TYPES = [HomePage, *INDEXES, *LEAVES]

# page type -> (the only parents it may have, the only children it may have)
RULES = {
    HomePage: ({Page}, None),  # children: checked one by one below (other apps add pages)
    StoryIndexPage: ({HomePage}, {StoryPage}),
    SeriesIndexPage: ({HomePage}, {SeriesPage}),
    ContributorIndexPage: ({HomePage}, {ContributorPage}),
    StoryPage: ({StoryIndexPage}, set()),
    SeriesPage: ({SeriesIndexPage}, set()),
    ContributorPage: ({ContributorIndexPage}, set()),
}


def test_every_home_and_collection_page_type_has_rules():
    ours = {m for m in project_page_models() if m._meta.app_label in {"home", "collection"}}
    assert ours == set(RULES)


class TestPageRules(WagtailPageTestCase):
    def test_allowed_parents_of_every_page_type(self):
        for model, (parents, _children) in RULES.items():
            with self.subTest(model=model.__name__):
                self.assertAllowedParentPageTypes(model, parents)

    def test_allowed_children_of_every_page_type(self):
        for model, (_parents, children) in RULES.items():
            if children is None:
                continue
            with self.subTest(model=model.__name__):
                self.assertAllowedSubpageTypes(model, children)

    def test_home_page_holds_the_indexes_and_nothing_of_ours_that_belongs_in_them(self):
        for index in INDEXES:
            self.assertCanCreateAt(HomePage, index)
        for model in [HomePage, *LEAVES]:
            self.assertCanNotCreateAt(HomePage, model)

    def test_each_index_holds_only_its_own_pages(self):
        for index, own in zip(INDEXES, LEAVES, strict=True):
            self.assertCanCreateAt(index, own)
            for model in OUR_PAGE_TYPES:
                if model is not own:
                    with self.subTest(index=index.__name__, model=model.__name__):
                        self.assertCanNotCreateAt(index, model)

    def test_stories_series_and_contributors_have_no_children(self):
        for leaf in LEAVES:
            for model in OUR_PAGE_TYPES:
                with self.subTest(leaf=leaf.__name__, model=model.__name__):
                    self.assertCanNotCreateAt(leaf, model)

    def test_a_story_cannot_go_at_the_root(self):
        self.assertCanNotCreateAt(Page, StoryPage)
        self.assertCanCreateAt(Page, HomePage)


@pytest.mark.django_db
def test_only_one_home_page_and_one_of_each_index(site_tree):
    root = Page.get_first_root_node()
    assert not HomePage.can_create_at(root)
    for index in INDEXES:
        assert not index.can_create_at(site_tree["home"])
    # Leaves have no such limit.
    assert StoryPage.can_create_at(site_tree["stories"])
    assert ContributorPage.can_create_at(site_tree["contributors"])
