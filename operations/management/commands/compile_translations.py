"""Compile the site's message catalogues (`.po` -> `.mo`) with polib, so that installing needs
no GNU gettext tools. `bin/install` runs it on every install; a catalogue is compiled only
when its `.po` is newer than its `.mo`.

It also writes the default language's own catalogue (`en_GB/LC_MESSAGES/django.mo` under the
first of LOCALE_PATHS; nothing to commit): every message of the translated catalogues, as it is
written. Without it, each of the site's words looked up in English (about 70 per page) missed
in all 22 of the catalogues Django merges for British English (one per plural rule of each
installed app) and then in 5 empty English fallbacks before coming back as it was: 12
microseconds a word against about 2 when found at once.
"""

from pathlib import Path

import polib
from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils.translation import to_locale

# The plural rule of English (and of the messages as the sources write them).
SOURCE_PLURAL_FORMS = "nplurals=2; plural=(n != 1);"


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


def source_catalogue_path():
    return (
        Path(settings.LOCALE_PATHS[0])
        / to_locale(settings.LANGUAGE_CODE)
        / "LC_MESSAGES"
        / "django.mo"
    )


def write_source_catalogue(translated):
    """The default language's catalogue: each message of the translated catalogues
    (`translated`, .po paths) translated as itself."""
    messages = {}
    for po_path in translated:
        for entry in polib.pofile(str(po_path)):
            if not entry.obsolete:
                messages.setdefault((entry.msgctxt, entry.msgid, entry.msgid_plural), entry)
    catalogue = polib.POFile()
    catalogue.metadata = {
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "Language": to_locale(settings.LANGUAGE_CODE),
        "Plural-Forms": SOURCE_PLURAL_FORMS,
    }
    for context, message, plural in messages:
        if plural:
            forms = {0: message, 1: plural}
            catalogue.append(
                polib.POEntry(
                    msgctxt=context, msgid=message, msgid_plural=plural, msgstr_plural=forms
                )
            )
        else:
            catalogue.append(polib.POEntry(msgctxt=context, msgid=message, msgstr=message))
    path = source_catalogue_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    catalogue.save_as_mofile(str(path))


class Command(BaseCommand):
    help = "Compile the site's translation catalogues (.po to .mo)."

    def add_arguments(self, parser):
        parser.add_argument("--force", action="store_true", help="Compile every catalogue.")

    def handle(self, *args, force=False, **options):
        compiled = 0
        source = source_catalogue_path()
        translated = [
            path
            for path in sorted(Path(settings.LOCALE_PATHS[0]).glob("*/LC_MESSAGES/django.po"))
            if path.parent.parent.name != source.parent.parent.name
        ]
        if translated and (
            force
            or not source.exists()
            or any(path.stat().st_mtime > source.stat().st_mtime for path in translated)
        ):
            write_source_catalogue(translated)
            compiled += 1
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
