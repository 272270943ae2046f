"""Content for the reuse tests: published stories with contributors, themes, a series, media,
and the things that must never leave the site (a draft, a private story, a submission)."""

import pytest
from wagtail.models import PageViewRestriction

from tests import factories
from tests.public.conftest import ContentBuilder


class ReuseContent(ContentBuilder):
    """ContentBuilder plus what must stay private."""

    def draft(self, **kwargs):
        image = factories.IllustrationFactory(title="Draft-only artwork", licence="cc-by")
        story = factories.StoryPageFactory(
            parent=self.tree["stories"],
            title="Draft story never published",
            slug="draft-story",
            live=False,
            hero_image=image,
            **kwargs,
        )
        story.save_revision()
        return story, image

    def private(self):
        image = factories.IllustrationFactory(title="Private-only artwork", licence="cc-by")
        story = self.story(
            title="Private story behind a password",
            slug="private-story",
            in_series=False,
            hero_image=image,
        )
        PageViewRestriction.objects.create(
            page=story, restriction_type=PageViewRestriction.PASSWORD, password="secret"
        )
        return story, image


@pytest.fixture
def content(site_tree):
    return ReuseContent(site_tree)


@pytest.fixture(autouse=True)
def api_settings(settings, clear_caches):
    settings.PAGE_CACHE_SECONDS = 0
    settings.REUSE_API_RATE_LIMIT = "10000/m"
    return settings
