"""App config of the reuse app (read API, oEmbed, citations)."""

from django.apps import AppConfig


class ReuseConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "reuse"
    verbose_name = "Reuse: API, embeds and citations"
