"""The ways a story is told (readers filter the stories index by it)."""

from django.db import models


class StoryFormat(models.TextChoices):
    ARTICLE = "article", "Article"
    PODCAST = "podcast", "Podcast"
    VIDEO = "video", "Video"
    ILLUSTRATED_ESSAY = "illustrated-essay", "Illustrated essay"
    PERSONAL_STORY = "personal-story", "Personal story"
