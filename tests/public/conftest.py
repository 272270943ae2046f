"""Content for the public-site tests: stories with illustrations, contributors, themes, series
and media, built with the factories so the amount can be varied."""

import datetime

import pytest
from django.core.files.base import ContentFile

from collection.models import SeriesStory
from tests import factories


class ContentBuilder:
    """Adds illustrated stories (each with its own contributors) to a site tree."""

    def __init__(self, site_tree):
        self.tree = site_tree
        self.themes = [
            factories.ThemeFactory(name="Consent", slug="consent"),
            factories.ThemeFactory(name="Genomics", slug="genomics"),
            factories.ThemeFactory(name="Data sovereignty", slug="data-sovereignty"),
        ]
        self.series = factories.SeriesPageFactory(
            parent=site_tree["series"],
            title="Missing from the data",
            slug="missing-from-the-data",
            cover_image=factories.IllustrationFactory(),
        )
        self.stories = []
        self.contributors = []
        # One person credited on every story, so their page lists as many stories as exist.
        self.regular = factories.ContributorPageFactory(
            parent=site_tree["contributors"], title="Regular Contributor", slug="regular"
        )

    def contributor(self, **kwargs):
        kwargs.setdefault("portrait", factories.IllustrationFactory())
        person = factories.ContributorPageFactory(parent=self.tree["contributors"], **kwargs)
        self.contributors.append(person)
        return person

    def story(self, in_series=True, **kwargs):
        number = len(self.stories)
        kwargs.setdefault("title", f"Story number {number}")
        kwargs.setdefault("slug", f"story-number-{number}")
        kwargs.setdefault("first_published", datetime.date(2026, 1, 1) + datetime.timedelta(number))
        kwargs.setdefault("hero_image", factories.IllustrationFactory())
        kwargs.setdefault(
            "body",
            [
                {"type": "section_heading", "value": {"heading": "Who is missing", "level": "h2"}},
                {"type": "paragraph", "value": "<p>Most studies draw on few communities.</p>"},
                factories.illustration_block(factories.IllustrationFactory()),
                {
                    "type": "key_facts",
                    "value": {"heading": "Key facts", "facts": ["One fact."], "style": "facts"},
                },
            ],
        )
        story = factories.StoryPageFactory(parent=self.tree["stories"], **kwargs)
        story.themes.set(self.themes[: 1 + number % 3])
        for role in ("author", "illustrator"):
            story.story_contributors.create(contributor=self.contributor(), role=role)
        story.story_contributors.create(contributor=self.regular, role="researcher")
        story.save_revision().publish()
        if in_series:
            SeriesStory.objects.create(series=self.series, story=story, sort_order=number)
        self.stories.append(story)
        return story

    def stories_up_to(self, count):
        while len(self.stories) < count:
            self.story()
        return self.stories

    def podcast(self, **kwargs):
        audio = factories.StoryMediaFactory(
            title="Episode audio", transcript="<p>HOST: The word biobank comes up a lot.</p>"
        )
        kwargs.setdefault("format", "podcast")
        kwargs.setdefault(
            "body",
            [
                {"type": "paragraph", "value": "<p>An episode about consent.</p>"},
                {
                    "type": "podcast_episode",
                    "value": {
                        "audio": audio.pk,
                        "episode_title": "Who said yes?",
                        "show_notes": "<p>Two guests on consent.</p>",
                    },
                },
            ],
        )
        story = self.story(in_series=False, **kwargs)
        return story, audio

    def video(self, **kwargs):
        video = factories.StoryMediaFactory(
            title="A video",
            type="video",
            file=ContentFile(b"\x00\x00\x00\x18ftypmp42", name="clip.mp4"),
            transcript="<p>NARRATOR: A clinic in the morning.</p>",
            captions=ContentFile(b"WEBVTT\n\n00:00.000 --> 00:01.000\nHello\n", name="c.vtt"),
        )
        kwargs.setdefault("format", "video")
        kwargs.setdefault(
            "body",
            [
                {"type": "video", "value": {"video": video.pk, "url": "", "title": ""}},
                {
                    "type": "video",
                    "value": {
                        "video": None,
                        "url": "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
                        "title": "A talk on data equity",
                        "poster": factories.IllustrationFactory().pk,
                        "transcript": "<p>SPEAKER: Thank you for coming.</p>",
                    },
                },
            ],
        )
        story = self.story(in_series=False, **kwargs)
        return story, video


@pytest.fixture
def content(site_tree):
    return ContentBuilder(site_tree)


@pytest.fixture(autouse=True)
def no_page_cache(settings):
    # Query counts and page content must come from rendering, never from the page cache.
    settings.PAGE_CACHE_SECONDS = 0
