"""Background tasks of the operations app: mail delivery, CDN purges, the periodic jobs.

Each is safe to run twice: a delivered message leaves a receipt and is not sent again; a purge
or a publish pass repeated does no harm. A failure raises, so the queue retries it with
backoff (operations.tasks_backend) and finally lists it in the failed-task report.
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.core.mail import get_connection
from django.utils import timezone
from django_tasks import task

logger = logging.getLogger(__name__)

RECEIPT_DAYS = 30


class MailDeliveryError(Exception):
    """A delivery attempt failed. Says how, never to whom: SMTP errors quote addresses, and
    the queue logs a failed task's traceback and shows it in the failed-task report."""


def describe(error):
    """The error's class and code; its text only where it cannot quote an address (a broken
    or timed-out connection)."""
    import smtplib

    code = getattr(error, "smtp_code", None)
    text = f"{type(error).__name__}{f' {code}' if code else ''}"
    if isinstance(error, (smtplib.SMTPServerDisconnected, smtplib.SMTPConnectError)) or (
        isinstance(error, OSError) and not isinstance(error, smtplib.SMTPException)
    ):
        text += f": {str(error)[:200]}"
    return text


@task()
def deliver_email(message_data):
    from .mail import message_from_data, message_id
    from .models import TaskReceipt

    key = f"email:{message_id(message_data)}"[:255]
    if TaskReceipt.objects.filter(key=key).exists():
        return "already sent"
    connection = get_connection(settings.EMAIL_DELIVERY_BACKEND, fail_silently=False)
    try:
        connection.send_messages([message_from_data(message_data)])
    except Exception as error:
        # Raised for the queue to retry with backoff (a refused, timed-out or broken connection).
        raise MailDeliveryError(f"{describe(error)} while sending {key}") from None
    TaskReceipt.objects.get_or_create(key=key)
    return "sent"


@task()
def purge_pages_listing(page_id):
    """Purge from the CDN the pages that list this page (its ancestors, its series, feeds)."""
    from wagtail.contrib.frontend_cache.tasks import purge_urls_from_cache_task
    from wagtail.models import Page

    from .purges import urls_listing

    page = Page.objects.filter(pk=page_id).first()
    if page is None:
        return 0
    urls = urls_listing(page)
    logger.info("purging %d URLs from the CDN", len(urls))
    # In this job, not another: the purge is the work this task exists for.
    purge_urls_from_cache_task.call(urls)
    return len(urls)


@task()
def publish_scheduled_pages():
    from django.core.management import call_command

    call_command("publish_scheduled", verbosity=0)


@task()
def prune_task_receipts():
    from .models import TaskReceipt

    cutoff = timezone.now() - timedelta(days=RECEIPT_DAYS)
    deleted, _ = TaskReceipt.objects.filter(done_at__lt=cutoff).delete()
    return deleted
