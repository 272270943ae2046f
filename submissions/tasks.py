"""Background tasks of the submissions app: the emails after a submission, retention erasure.

Both are safe to run twice: each email carries a Message-ID made from the submission's
reference, so the mail queue (operations.mail) sends it once however often this runs; erasure
skips what is already erased.
"""

from django_tasks import task


@task()
def send_submission_emails(submission_id, page_id):
    from wagtail.models import Page

    from .models import StorySubmission
    from .notifications import send_after_submission

    submission = StorySubmission.objects.filter(pk=submission_id, erased_at__isnull=True).first()
    page = Page.objects.filter(pk=page_id).first()
    if submission is None or page is None:
        return "nothing to send"
    send_after_submission(submission, page.specific)
    return "sent"


@task()
def erase_expired_submissions():
    from .retention import erase_expired

    return erase_expired()
