"""`manage.py apply_site_url`: give the default Wagtail Site the public origin from SITE_URL.

Run on every release after `migrate` (Procfile). Idempotent: a Site that already has the origin's
host and port is left as it is (and the page cache keeps its generation).
"""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from operations.site_origin import SiteOriginError, apply_origin, configured_origin


class Command(BaseCommand):
    help = (
        "Set the default Site's hostname and port from SITE_URL (e.g. "
        "https://mindthegap.example gives mindthegap.example and 443), so canonical links, "
        "social cards, JSON-LD and the sitemap carry the public address."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--allow-loopback",
            action="store_true",
            help="Accept localhost or a loopback address (for local trials of the release).",
        )

    def handle(self, *args, allow_loopback=False, **options):
        origin = configured_origin()
        try:
            site, changed = apply_origin(origin, allow_loopback=allow_loopback or settings.DEBUG)
        except SiteOriginError as error:
            raise CommandError(str(error)) from error
        if changed:
            message = f"The default site is now {origin.url} ({site.hostname}, port {site.port})."
            self.stdout.write(self.style.SUCCESS(message))
        elif options["verbosity"] > 1:
            self.stdout.write(f"The default site already is {origin.url}.")
