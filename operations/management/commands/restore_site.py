"""`manage.py restore_site DIR`: replace the database and stored files with a backup."""

from django.core.management.base import BaseCommand, CommandError

from operations import backup


class Command(BaseCommand):
    help = (
        "Restore a backup made by backup_site into a migrated database. Everything in the "
        "database is replaced. Checks the backup's files before changing anything."
    )

    def add_arguments(self, parser):
        parser.add_argument("source", help="The backup folder (with manifest.json).")
        parser.add_argument(
            "--no-input", action="store_false", dest="interactive", help="Do not ask to confirm."
        )

    def handle(self, *args, source, interactive, **options):
        if interactive:
            answer = input(
                "This replaces every row in the database and the stored files. Type 'yes': "
            )
            if answer.strip().lower() != "yes":
                raise CommandError("Restore cancelled; nothing was changed.")
        try:
            manifest = backup.restore(source)
        except ValueError as error:
            raise CommandError(str(error)) from error
        rows = sum(manifest["rows"].values())
        self.stdout.write(self.style.SUCCESS(f"Restored {rows} rows from {source}"))
