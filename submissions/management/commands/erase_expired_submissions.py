"""Erase the personal data of declined and archived submissions past the retention period.

Run daily (cron or a scheduler). The period is settings.SUBMISSIONS_RETENTION_DAYS, counted
from the last status change. Each erasure keeps its audit line.
"""

from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db.models import Q
from django.utils import timezone

from submissions.models import StorySubmission, SubmissionEvent, SubmissionStatus
from submissions.services import erase_personal_data


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
        cutoff = timezone.now() - timedelta(days=days)
        expired = StorySubmission.objects.filter(
            status__in=[SubmissionStatus.DECLINED, SubmissionStatus.ARCHIVED],
            erased_at__isnull=True,
        ).filter(
            Q(status_changed_at__lt=cutoff)
            | Q(status_changed_at__isnull=True, submitted_at__lt=cutoff)
        )
        if dry_run:
            self.stdout.write(f"{expired.count()} submission(s) would be erased.")
            return
        count = 0
        for submission in expired.iterator():
            erase_personal_data(submission, action=SubmissionEvent.Action.RETENTION_ERASED)
            count += 1
        self.stdout.write(
            f"Erased the personal data of {count} submission(s) decided more than {days} days ago."
        )
