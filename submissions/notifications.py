"""Emails sent after a submission is safely stored: a confirmation to the sender, a note to
editors. Each is tried on its own; a failure is logged (reference and error type only, since
mail errors can quote addresses) and never undoes or rejects the submission.
"""

import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse

logger = logging.getLogger(__name__)

EDITORS_GROUP = "Editors"


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
    data_use_url = page.get_full_url(request) + page.reverse_subpage("data_use_view")
    context = {"submission": submission, "page": page, "data_use_url": data_use_url}
    send_mail(
        subject=f"We have your story (reference {submission.reference})",
        message=render_to_string("submissions/email/confirmation.txt", context),
        from_email=None,
        recipient_list=[submission.email],
    )


def notify_editors(submission):
    recipients = editor_addresses()
    if not recipients:
        return
    inbox_url = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse(
        "submissions_inbox:inspect", args=[submission.pk]
    )
    # Only the reference, format and a link: the story itself stays behind the admin login.
    send_mail(
        subject=f"New story submission {submission.reference}",
        message=render_to_string(
            "submissions/email/editor_notification.txt",
            {"submission": submission, "inbox_url": inbox_url},
        ),
        from_email=None,
        recipient_list=recipients,
    )


def send_after_submission(submission, page, request=None):
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
