"""The collection app: stories, series, contributors, themes, their blocks and media."""

from django.apps import AppConfig


class CollectionConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "collection"
    verbose_name = "Collection"

    def ready(self):
        from . import (
            signals,  # noqa: F401  (connects the transcript re-indexing)
            story_body,
        )

        story_body.connect()
