"""Editors create stories in the admin; visitors see only what is published."""

import pytest
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from collection.models import StoryPage
from tests import factories


class TestCreateStoryInAdmin(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        root = Page.get_first_root_node()
        cls.home = factories.HomePageFactory(parent=root, slug="home-admin-test")
        cls.stories = factories.StoryIndexPageFactory(parent=cls.home)
        contributors = factories.ContributorIndexPageFactory(parent=cls.home)
        cls.author = factories.ContributorPageFactory(
            parent=contributors, title="Leila Haddad", slug="leila-haddad"
        )
        cls.theme = factories.ThemeFactory(name="Consent", slug="consent")

    def setUp(self):
        # A superuser. force_login: client.login() authenticates without a request, which the
        # login throttle's backend (django-axes) refuses.
        self.client.force_login(self.create_test_user())

    def story_form(self, **overrides):
        data = {
            "title": "What did I agree to?",
            "slug": "what-did-i-agree-to",
            "summary": "A biobank participant goes looking for her sample.",
            "content_note": "",
            "format": "personal-story",
            "first_published": "2026-03-04",
            "hero_image": "",
            "story_contributors": inline_formset(
                [{"contributor": self.author.pk, "role": "author"}]
            ),
            "body": streamfield(
                [
                    ("section_heading", {"heading": "Looking for my sample", "level": "h2"}),
                    ("paragraph", rich_text("<p>I gave blood on a wet Tuesday in 2008.</p>")),
                    (
                        "pull_quote",
                        {"quote": "I was asking to be told.", "attribution": "Siân Lewis"},
                    ),
                    (
                        "key_facts",
                        {
                            "heading": "Key facts",
                            "facts": streamfield([("item", "Broad consent covers any use.")]),
                            "style": "facts",
                        },
                    ),
                ]
            ),
            "listing_summary": "",
            "listing_image": "",
            "seo_title": "",
            "search_description": "",
        }
        data.update(overrides)
        form_data = nested_form_data(data)
        # A multiple choice is a repeated key; nested_form_data would number a list's items.
        form_data["themes"] = [self.theme.pk]
        return form_data

    def test_a_story_can_be_created_and_published_through_the_admin(self):
        self.assertCanCreate(self.stories, StoryPage, self.story_form())
        story = StoryPage.objects.get(slug="what-did-i-agree-to")
        assert story.live
        assert story.revisions.count() == 1
        assert [c.contributor for c in story.story_contributors.all()] == [self.author]
        assert list(story.themes.all()) == [self.theme]
        assert [block.block_type for block in story.body] == [
            "section_heading",
            "paragraph",
            "pull_quote",
            "key_facts",
        ]

    def test_a_story_without_a_summary_is_refused_and_keeps_what_was_typed(self):
        url = f"/admin/pages/add/collection/storypage/{self.stories.pk}/"
        response = self.client.post(url, self.story_form(summary="", **{"action-publish": "1"}))
        assert response.status_code == 200
        assert "summary" in response.context["form"].errors
        assert not StoryPage.objects.filter(slug="what-did-i-agree-to").exists()
        assert b"I gave blood on a wet Tuesday in 2008." in response.content


@pytest.mark.django_db
def test_a_draft_story_is_not_visible_to_visitors(site_tree, client):
    draft = factories.StoryPageFactory(
        parent=site_tree["stories"], title="Unpublished draft", slug="unpublished-draft", live=False
    )
    draft.save_revision()
    assert client.get("/stories/unpublished-draft/").status_code == 404
    listing = client.get("/stories/")
    assert listing.status_code == 200
    assert b"Unpublished draft" not in listing.content


@pytest.mark.django_db
def test_a_story_with_unpublished_changes_shows_only_the_live_version(site_tree, client):
    story = factories.StoryPageFactory(
        parent=site_tree["stories"],
        title="Consent forms",
        slug="consent-forms",
        summary="The published standfirst.",
    )
    story.save_revision().publish()
    story.title = "A new title still in draft"
    story.summary = "A draft standfirst nobody should see yet."
    story.save_revision()

    response = client.get("/stories/consent-forms/")
    assert response.status_code == 200
    assert b"The published standfirst." in response.content
    assert b"A draft standfirst" not in response.content
    assert b"A new title still in draft" not in response.content
    story.refresh_from_db()
    assert story.has_unpublished_changes
