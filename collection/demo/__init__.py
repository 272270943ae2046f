"""Demo content for Mind The Gap, built from code (no fixtures), offline and idempotently.

`load()` runs the steps in pages.STEPS, then `load(demo)` from every other installed app that
has a `demo_content` module (e.g. `submissions/demo_content.py`), then translates the demo
pages into Welsh and Urdu (translations/), all in one transaction.
Run it through `python manage.py load_demo_content`, which also keeps publishing from making
every image rendition inline (slow) and creates the admin account.
"""

from importlib import import_module

from django.apps import apps
from django.db import transaction
from django.utils.module_loading import module_has_submodule

from .pages import STEPS, Demo
from .translations import translate_demo

__all__ = ["Demo", "STEPS", "load"]


def load(write=print):
    """Build or bring up to date the demo site. Returns the Demo context with its tally."""
    demo = Demo(write=write)
    with transaction.atomic():
        for step in STEPS:
            step(demo)
        for app_config in apps.get_app_configs():
            if app_config.name == "collection":
                continue
            if module_has_submodule(app_config.module, "demo_content"):
                import_module(f"{app_config.name}.demo_content").load(demo)
        # Last, once every English page (the share page from submissions too) exists.
        translate_demo(demo)
    return demo
