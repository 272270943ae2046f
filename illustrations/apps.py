"""The illustrations app: the custom image model, credits, licences and commissions."""

from django.apps import AppConfig


class IllustrationsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "illustrations"
    verbose_name = "Illustrations"

    def ready(self):
        from .avif import register_fast_avif
        from .signals import register_signal_handlers

        register_fast_avif()
        register_signal_handlers()
