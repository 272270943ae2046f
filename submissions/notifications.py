"""Emails sent after a submission is safely stored: a confirmation to the sender, a note to
editors. Sent by a task (submissions.tasks.send_submission_emails), never in the visitor's
request. Each is tried on its own; a failure is logged (reference and error type only, since
mail errors can quote addresses), never undoes the submission, and is raised again once both
were tried so the queue retries. Each message's Message-ID is made from the reference, so the
mail queue (operations.mail) sends it once however often the task runs.

The confirmation is written in the language of the form the sender filled in (the share page's
locale); the editors' note stays in the site's default language, whatever request or worker
happens to send it.
"""

import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

logger = logging.getLogger(__name__)

EDITORS_GROUP = "Editors"


class SubmissionEmailError(Exception):
    """An email after a submission failed; says which and why without quoting an address."""


def message_id(submission, kind):
    return f"<{submission.reference.lower()}.{kind}@submissions.mindthegap>"


def send_mail(subject, message, from_email, recipient_list, message_id):
    return EmailMessage(
        subject, message, from_email, recipient_list, headers={"Message-ID": message_id}
    ).send()


def editor_addresses():
    users = (
        get_user_model()
        .objects.filter(is_active=True, groups__name=EDITORS_GROUP)
        .exclude(email="")
    )
    addresses = set(users.values_list("email", flat=True))
    addresses.update(getattr(settings, "SUBMISSIONS_NOTIFY_EMAILS", []))
    return sorted(addresses)


def send_confirmation(submission, page, request=None):
    # Written in the language the sender used: the task runs outside their request, so the
    # language is the one the submission recorded, not whatever the worker has active. The
    # page is the translation they sent the form from, so its link is in their language too.
    with translation.override(submission.language):
        data_use_url = page.get_full_url(request) + page.reverse_subpage("data_use_view")
        context = {"submission": submission, "page": page, "data_use_url": data_use_url}
        subject = gettext("We have your story (reference %(reference)s)") % {
            "reference": submission.reference
        }
        message = render_to_string("submissions/email/confirmation.txt", context)
    send_mail(
        subject=subject,
        message=message,
        from_email=None,
        recipient_list=[submission.email],
        message_id=message_id(submission, "confirmation"),
    )


def notify_editors(submission):
    recipients = editor_addresses()
    if not recipients:
        return
    inbox_url = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse(
        "submissions_inbox:inspect", args=[submission.pk]
    )
    # Only the reference, format and a link: the story itself stays behind the admin login.
    # In the team's language, whichever language the sender used (the task may run inside
    # the sender's request, with their language active).
    with translation.override(settings.LANGUAGE_CODE):
        subject = f"New story submission {submission.reference}"
        message = render_to_string(
            "submissions/email/editor_notification.txt",
            {"submission": submission, "inbox_url": inbox_url},
        )
    send_mail(
        subject=subject,
        message=message,
        from_email=None,
        recipient_list=recipients,
        message_id=message_id(submission, "editors"),
    )


def send_after_submission(submission, page, request=None):
    failed = []
    for label, send in (
        ("confirmation", lambda: send_confirmation(submission, page, request)),
        ("editor notification", lambda: notify_editors(submission)),
    ):
        try:
            send()
        except Exception as exc:  # noqa: BLE001 - any mail failure must not lose the story
            logger.error(
                "Could not send the %s email for submission %s (%s)",
                label,
                submission.reference,
                type(exc).__name__,
            )
            failed.append(f"{label} ({type(exc).__name__})")
    if failed:
        # Raised for the queue to retry; without the original error, whose text (and so the
        # task's logged traceback) can quote the addresses.
        raise SubmissionEmailError(
            f"submission {submission.reference}: {', '.join(failed)} failed"
        ) from None
