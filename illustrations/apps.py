"""The illustrations app: the custom image model, credits, licences and commissions."""

from django.apps import AppConfig


class IllustrationsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "illustrations"
    verbose_name = "Illustrations"

    def ready(self):
        from .avif import register_fast_avif
        from .clean_images import register_metadata_free_renditions
        from .image_checks import limit_pillow_for_this_process
        from .signals import register_signal_handlers

        register_fast_avif()
        register_metadata_free_renditions()
        limit_pillow_for_this_process()
        register_signal_handlers()
