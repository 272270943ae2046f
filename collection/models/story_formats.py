"""The ways a story is told (readers filter the stories index by it)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class StoryFormat(models.TextChoices):
    # Translated labels: readers see them on cards, filters and feeds in their language.
    ARTICLE = "article", _("Article")
    PODCAST = "podcast", _("Podcast")
    VIDEO = "video", _("Video")
    ILLUSTRATED_ESSAY = "illustrated-essay", _("Illustrated essay")
    PERSONAL_STORY = "personal-story", _("Personal story")


# The formats in the plural, for the stories index's title ("Podcasts: Stories"): languages
# make plurals their own way, so each is a message of its own.
PLURAL_LABELS = {
    StoryFormat.ARTICLE: pgettext_lazy("story format, plural", "Articles"),
    StoryFormat.PODCAST: pgettext_lazy("story format, plural", "Podcasts"),
    StoryFormat.VIDEO: pgettext_lazy("story format, plural", "Videos"),
    StoryFormat.ILLUSTRATED_ESSAY: pgettext_lazy("story format, plural", "Illustrated essays"),
    StoryFormat.PERSONAL_STORY: pgettext_lazy("story format, plural", "Personal stories"),
}
