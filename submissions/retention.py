"""Which submissions are past their retention period, and erasing them.

Declined and archived submissions keep their personal data for
settings.SUBMISSIONS_RETENTION_DAYS after the last status change; then it is erased (each
erasure keeps its audit line). The scheduler queues this daily (operations.schedule); the
`erase_expired_submissions` command runs it by hand.
"""

from datetime import timedelta

from django.conf import settings
from django.db.models import Q
from django.utils import timezone

from .models import StorySubmission, SubmissionEvent, SubmissionStatus
from .services import erase_personal_data


def expired_submissions(now=None):
    cutoff = (now or timezone.now()) - timedelta(days=settings.SUBMISSIONS_RETENTION_DAYS)
    return StorySubmission.objects.filter(
        status__in=[SubmissionStatus.DECLINED, SubmissionStatus.ARCHIVED],
        erased_at__isnull=True,
    ).filter(
        Q(status_changed_at__lt=cutoff) | Q(status_changed_at__isnull=True, submitted_at__lt=cutoff)
    )


def erase_expired():
    """Erase every expired submission; returns how many. Running it twice erases nothing more."""
    count = 0
    for submission in expired_submissions().iterator():
        erase_personal_data(submission, action=SubmissionEvent.Action.RETENTION_ERASED)
        count += 1
    return count
