"""`manage.py restore_site DIR`: replace the database and stored files with a backup."""

from django.core.management.base import BaseCommand, CommandError

from operations import backup_crypto


class Command(BaseCommand):
    help = (
        "Restore a backup made by backup_site into a migrated database. Everything in the "
        "database is replaced. Checks the backup's files before changing anything. An "
        "encrypted backup is opened with BACKUP_AGE_IDENTITY (or BACKUP_AGE_IDENTITY_FILE)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "source", help="The backup folder (backup.tar.age, or manifest.json and db.json.gz)."
        )
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
            manifest = backup_crypto.restore_backup(source)
        except ValueError as error:
            raise CommandError(str(error)) from error
        rows = sum(manifest["rows"].values())
        self.stdout.write(self.style.SUCCESS(f"Restored {rows} rows from {source}"))
