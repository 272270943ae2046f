"""`python manage.py load_demo_content`: build the demo site, create an admin, refresh indexes.

Offline and idempotent: a second run changes nothing. The admin account (username `admin`) is
created only when missing, with the password in DEMO_ADMIN_PASSWORD or, in development only,
the documented default.
"""

import contextlib
import os
import time

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.test.utils import override_settings

from collection import demo as demo_content

ADMIN_USERNAME = "admin"
DEFAULT_ADMIN_PASSWORD = "mind-the-gap-demo"


class Command(BaseCommand):
    help = (
        "Builds the Mind The Gap demo site (stories, series, contributors, illustrations, "
        "audio and video), creates an 'admin' superuser if there is none, and refreshes the "
        "search and references indexes. Safe to run again: it changes only what differs."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--renditions",
            action="store_true",
            help="Also make every rendition the site shows (AVIF included) now. Slow: without "
            "it, each rendition is made the first time a page needs it.",
        )

    def handle(self, *args, **options):
        started = time.monotonic()
        verbose = options["verbosity"] > 1
        deferred = self.renditions_deferred(unless=options["renditions"])
        with deferred or contextlib.nullcontext():
            result = demo_content.load(write=self.stdout.write if verbose else lambda *a: None)
        self.stdout.write(f"Demo content: {result.summary()}.")
        if options["renditions"]:
            self.make_renditions(result)
        elif deferred:
            self.stdout.write(
                "Image renditions are made the first time a page needs them, so each page's "
                "first visit is slower (use --renditions to make them all now)."
            )

        self.ensure_admin()

        call_command("update_index", verbosity=0)
        call_command("rebuild_references_index", verbosity=0, stdout=self.stdout)
        self.stdout.write(
            self.style.SUCCESS(f"Demo site ready in {time.monotonic() - started:.1f} s.")
        )

    def renditions_deferred(self, unless=False):
        """Publishing queues rendition tasks; the development task backend runs them inline,
        which would make loading take minutes (AVIF encoding). Drop them while loading: the
        illustration tag makes any missing rendition on first view. A real worker backend
        (production) keeps its queue. Returns None when nothing needs deferring."""
        backend = getattr(settings, "TASKS", {}).get("default", {}).get("BACKEND", "")
        if unless or not backend.endswith(".ImmediateBackend"):
            return None
        dummy = {
            "BACKEND": "django_tasks.backends.dummy.DummyBackend",
            "QUEUES": settings.TASK_QUEUES,
        }
        return override_settings(TASKS={**settings.TASKS, "default": dummy})

    def make_renditions(self, result):
        from illustrations.renditions import generate_site_renditions

        for image in result.images.values():
            generate_site_renditions(image)
        self.stdout.write(f"Made the site's renditions of {len(result.images)} images.")

    def ensure_admin(self):
        User = get_user_model()
        site_url = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
        if User.objects.filter(username=ADMIN_USERNAME).exists():
            self.stdout.write(
                f"An '{ADMIN_USERNAME}' account already exists; its password was not changed. "
                f"Log in at {site_url}/admin/"
            )
            return
        password = os.environ.get("DEMO_ADMIN_PASSWORD", "")
        if not password and not settings.DEBUG:
            # Never leave a well-known password on a server that is not a developer's machine.
            self.stdout.write(
                self.style.WARNING(
                    "No admin account created: set DEMO_ADMIN_PASSWORD to create "
                    f"'{ADMIN_USERNAME}' outside development (DEBUG is off)."
                )
            )
            return
        User.objects.create_superuser(
            ADMIN_USERNAME, "admin@mindthegap.example", password or DEFAULT_ADMIN_PASSWORD
        )
        shown = "the value of DEMO_ADMIN_PASSWORD" if password else DEFAULT_ADMIN_PASSWORD
        self.stdout.write(
            self.style.SUCCESS(
                f"Log in at {site_url}/admin/ with username '{ADMIN_USERNAME}' and password "
                f"{shown}."
            )
        )
