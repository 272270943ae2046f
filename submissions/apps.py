"""App configuration for submissions: connects signals, offers a demo-content step."""

from django.apps import AppConfig


class SubmissionsConfig(AppConfig):
    name = "submissions"
    verbose_name = "Story submissions"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import signals  # noqa: F401  (connects the workflow assignment)

    def load_demo_content(self, home):
        """Called by `load_demo_content` for every app config that defines it.

        The command lives in `collection`, which must not import `submissions`; asking each
        installed app for its own demo step keeps the dependency pointing one way.
        """
        from .demo import ensure_share_page

        return ensure_share_page(home)
