"""Erase the personal data of declined and archived submissions past the retention period.

The scheduler queues this daily as a task (submissions.tasks.erase_expired_submissions, listed
in operations/schedule.py); this command runs it by hand. The period is
settings.SUBMISSIONS_RETENTION_DAYS, counted from the last status change. Each erasure keeps its
audit line.
"""

from django.conf import settings
from django.core.management.base import BaseCommand

from submissions.retention import erase_expired, expired_submissions


class Command(BaseCommand):
    help = (
        "Erase personal data and files of declined or archived submissions decided more than "
        "SUBMISSIONS_RETENTION_DAYS ago."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Count what would be erased; change nothing."
        )

    def handle(self, *args, dry_run=False, **options):
        days = settings.SUBMISSIONS_RETENTION_DAYS
        if dry_run:
            self.stdout.write(f"{expired_submissions().count()} submission(s) would be erased.")
            return
        count = erase_expired()
        self.stdout.write(
            f"Erased the personal data of {count} submission(s) decided more than {days} days ago."
        )
