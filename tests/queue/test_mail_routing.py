"""Every message sent through Django's mail API, Wagtail's workflow and moderation emails
included, goes through the queue (operations.mail): nothing is sent in the request, and the
delivery task sends each message once however often it runs."""

import pytest
from django.core import mail

from operations.models import TaskReceipt
from operations.tasks import deliver_email

pytestmark = pytest.mark.django_db


def test_wagtail_notifications_go_through_the_queue_and_are_sent_once(
    settings, django_capture_on_commit_callbacks
):
    """Wagtail's workflow emails use Django's mail API: the queued backend catches them."""
    from wagtail.admin.mail import send_mail

    settings.EMAIL_BACKEND = "operations.mail.QueuedEmailBackend"
    with django_capture_on_commit_callbacks() as queued:
        send_mail("Page approved", "Your page was approved.", ["writer@mindthegap.example"])
    assert mail.outbox == []  # nothing sent in the request
    assert len(queued) == 1
    queued[0]()  # the immediate backend runs the delivery task
    assert [m.subject for m in mail.outbox] == ["Page approved"]
    # The same task run again (a retry after a lost acknowledgement) sends nothing more.
    receipt = TaskReceipt.objects.get()
    message_id = receipt.key.removeprefix("email:")
    data = {
        "subject": "Page approved",
        "body": "x",
        "from_email": None,
        "to": ["writer@mindthegap.example"],
        "cc": [],
        "bcc": [],
        "reply_to": [],
        "headers": {"Message-ID": message_id},
        "alternatives": [],
        "attachments": [],
    }
    assert deliver_email.call(data) == "already sent"
    assert len(mail.outbox) == 1
