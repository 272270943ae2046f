"""Compile the site's message catalogues (`.po` -> `.mo`) with polib, so that installing needs
no GNU gettext tools. `bin/install` runs it on every install; a catalogue is compiled only
when its `.po` is newer than its `.mo`."""

from pathlib import Path

import polib
from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand


def catalogues():
    """Every `.po` file under the project's LOCALE_PATHS and its own apps' `locale/` folders
    (Django reads both; packages in the virtualenv ship theirs compiled)."""
    roots = [Path(root) for root in settings.LOCALE_PATHS]
    base = Path(settings.BASE_DIR).resolve()
    for app in apps.get_app_configs():
        path = Path(app.path).resolve()
        if path.is_relative_to(base) and ".venv" not in path.parts:
            roots.append(path / "locale")
    for root in dict.fromkeys(roots):
        yield from sorted(root.glob("*/LC_MESSAGES/*.po"))


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
