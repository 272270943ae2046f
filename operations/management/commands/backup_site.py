"""`manage.py backup_site DIR`: write the database and every stored file to a new folder."""

from django.core.management.base import BaseCommand, CommandError

from operations import backup


class Command(BaseCommand):
    help = (
        "Back up the database (as portable fixtures) and the files of the media and "
        "submissions storages into a new, empty folder. The backup holds personal data from "
        "submissions: store it privately."
    )

    def add_arguments(self, parser):
        parser.add_argument("destination", help="A new or empty folder for the backup.")

    def handle(self, *args, destination, **options):
        try:
            manifest = backup.backup(destination)
        except ValueError as error:
            raise CommandError(str(error)) from error
        rows = sum(manifest["rows"].values())
        files = sum(len(names) for names in manifest["files"].values())
        self.stdout.write(
            self.style.SUCCESS(f"Backed up {rows} rows and {files} files to {destination}")
        )
