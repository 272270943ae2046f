"""Compile the site's message catalogues (`.po` -> `.mo`) with polib, so that installing needs
no GNU gettext tools. `bin/install` runs it on every install; a catalogue is compiled only
when its `.po` is newer than its `.mo`."""

from pathlib import Path

import polib
from django.conf import settings
from django.core.management.base import BaseCommand


def catalogues():
    """Every `.po` file under the project's LOCALE_PATHS."""
    for root in settings.LOCALE_PATHS:
        yield from sorted(Path(root).glob("*/LC_MESSAGES/*.po"))


class Command(BaseCommand):
    help = "Compile the site's translation catalogues (.po to .mo)."

    def add_arguments(self, parser):
        parser.add_argument("--force", action="store_true", help="Compile every catalogue.")

    def handle(self, *args, force=False, **options):
        compiled = 0
        for po_path in catalogues():
            mo_path = po_path.with_suffix(".mo")
            if (
                not force
                and mo_path.exists()
                and mo_path.stat().st_mtime >= po_path.stat().st_mtime
            ):
                continue
            catalogue = polib.pofile(str(po_path))
            # Fuzzy entries are guesses a translator has not confirmed: never shown (as msgfmt).
            catalogue.save_as_mofile(str(mo_path))
            compiled += 1
        if options["verbosity"] > 1 or compiled:
            self.stdout.write(f"Compiled {compiled} translation catalogue(s).")
