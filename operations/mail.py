"""Every email the site sends goes through the task queue: no request waits on a mail server.

`EMAIL_BACKEND = "operations.mail.QueuedEmailBackend"` catches every message sent through
Django's mail API (ours, Wagtail's workflow and moderation notifications, password resets): it
turns each message into plain data and queues `operations.tasks.deliver_email` when the
transaction commits. The worker delivers it through `EMAIL_DELIVERY_BACKEND` (SMTP in
production, bounded by `EMAIL_TIMEOUT`), retrying with backoff while the mail server is away.

Each message gets its Message-ID when it is queued; the delivery task records it once sent, so
running the task twice sends the message once.
"""

import base64
from email.utils import make_msgid

from django.core.mail import EmailMultiAlternatives
from django.core.mail.backends.base import BaseEmailBackend

from .queue import enqueue_on_commit


def message_to_data(message):
    """An EmailMessage as JSON-safe data (the task's argument)."""
    headers = dict(message.extra_headers)
    headers.setdefault("Message-ID", make_msgid(domain="mindthegap.queue"))
    attachments = []
    for attachment in message.attachments:
        if hasattr(attachment, "get_payload"):  # a MIMEBase part
            content = attachment.get_payload(decode=True) or b""
            filename, mimetype = attachment.get_filename(), attachment.get_content_type()
        else:
            filename, content, mimetype = attachment
        is_bytes = isinstance(content, bytes)
        attachments.append(
            {
                "filename": filename,
                "content": base64.b64encode(content).decode() if is_bytes else content,
                "base64": is_bytes,
                "mimetype": mimetype,
            }
        )
    return {
        "subject": str(message.subject),
        "body": str(message.body),
        "from_email": message.from_email,
        "to": list(message.to),
        "cc": list(message.cc),
        "bcc": list(message.bcc),
        "reply_to": list(message.reply_to),
        "headers": {str(k): str(v) for k, v in headers.items()},
        "content_subtype": message.content_subtype,
        "alternatives": [
            [str(content), mimetype] for content, mimetype in getattr(message, "alternatives", [])
        ],
        "attachments": attachments,
    }


def message_from_data(data):
    message = EmailMultiAlternatives(
        subject=data["subject"],
        body=data["body"],
        from_email=data["from_email"],
        to=data["to"],
        cc=data["cc"],
        bcc=data["bcc"],
        reply_to=data["reply_to"],
        headers=data["headers"],
    )
    message.content_subtype = data.get("content_subtype", "plain")
    for content, mimetype in data["alternatives"]:
        message.attach_alternative(content, mimetype)
    for item in data["attachments"]:
        content = base64.b64decode(item["content"]) if item["base64"] else item["content"]
        message.attach(item["filename"], content, item["mimetype"])
    return message


def message_id(data):
    return data["headers"]["Message-ID"]


class QueuedEmailBackend(BaseEmailBackend):
    """Queues each message for the worker; sending "succeeds" once the task is queued."""

    def send_messages(self, email_messages):
        from .tasks import deliver_email

        count = 0
        for message in email_messages:
            if not message.recipients():
                continue
            enqueue_on_commit(deliver_email, message_to_data(message))
            count += 1
        return count
