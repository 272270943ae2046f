"""`manage.py backup_site DIR`: write the database and every stored file to a new folder."""

from django.core.management.base import BaseCommand, CommandError

from operations import backup_crypto


class Command(BaseCommand):
    help = (
        "Back up the database (as portable fixtures) and the files of the media and "
        "submissions storages into a new, empty folder. The backup holds personal data from "
        "submissions: it is encrypted to BACKUP_AGE_RECIPIENTS (age public keys) when they are "
        "set, and production refuses to write it unencrypted unless --unencrypted is given."
    )

    def add_arguments(self, parser):
        parser.add_argument("destination", help="A new or empty folder for the backup.")
        parser.add_argument(
            "--unencrypted",
            action="store_true",
            help="Write a plain backup on purpose, even where encryption is required.",
        )

    def handle(self, *args, destination, unencrypted=False, **options):
        try:
            manifest, encrypted = backup_crypto.write_backup(
                destination, allow_unencrypted=unencrypted
            )
        except ValueError as error:
            raise CommandError(str(error)) from error
        rows = sum(manifest["rows"].values())
        files = sum(len(names) for names in manifest["files"].values())
        how = "encrypted with age" if encrypted else "UNENCRYPTED: keep it private"
        self.stdout.write(
            self.style.SUCCESS(f"Backed up {rows} rows and {files} files to {destination} ({how})")
        )
