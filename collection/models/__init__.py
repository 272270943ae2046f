"""Page types, snippets and media of the collection, one module per area."""

from .base import BasePage
from .contributors import ContributorIndexPage, ContributorPage, ContributorRole
from .live_story_themes import LiveStoryTheme
from .media import StoryMedia
from .podcast import PodcastChannelSettings
from .series import SeriesIndexPage, SeriesPage, SeriesStory
from .stories import StoryContributor, StoryPage
from .story_formats import StoryFormat
from .story_index import StoryIndexPage
from .themes import Theme

__all__ = [
    "BasePage",
    "ContributorIndexPage",
    "ContributorPage",
    "ContributorRole",
    "LiveStoryTheme",
    "PodcastChannelSettings",
    "SeriesIndexPage",
    "SeriesPage",
    "SeriesStory",
    "StoryContributor",
    "StoryFormat",
    "StoryIndexPage",
    "StoryMedia",
    "StoryPage",
    "Theme",
]
