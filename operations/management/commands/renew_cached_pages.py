"""`manage.py renew_cached_pages`: make every kept page, fragment and story body unreachable.

Run on every release (Procfile), after `migrate`: what the page cache and the kept fragments
hold was rendered by the previous release's templates and code. Content changes renew them by
themselves; a release changes none, so without this step readers could be served the previous
release's HTML until the next publish or for as long as entries live (an hour for fragments).
"""

from django.core.management.base import BaseCommand

from operations import page_cache


class Command(BaseCommand):
    help = "Make every cached page, kept fragment and kept story body unreachable (run on release)."

    def handle(self, *args, **options):
        page_cache.renew_everything()
        if options["verbosity"]:
            self.stdout.write("Cached pages and kept fragments renewed.")
