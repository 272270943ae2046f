"""Mail never holds a request (issue 10, item 6): a mail server that accepts connections and
never answers. The visitor's post is answered at once and the story stored; the worker's
delivery times out (EMAIL_TIMEOUT), is retried, and is then listed as failed for admins. Every
message sent through Django's mail API (Wagtail's included) goes through the queue."""

import smtplib
import socket
import threading
import time

import pytest
from django.core.mail import get_connection
from rq.registry import FailedJobRegistry, ScheduledJobRegistry

from operations.models import TaskReceipt
from submissions.models import StorySubmission
from tests.queue.conftest import rq_queue

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

SILENT_SMTP_PORT = 8252


@pytest.fixture
def silent_smtp():
    """A listener on 127.0.0.1 that accepts every connection and never says a word."""
    server = socket.socket()
    server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    server.bind(("127.0.0.1", SILENT_SMTP_PORT))
    server.listen(16)
    held = []
    stop = threading.Event()

    def accept():
        server.settimeout(0.2)
        while not stop.is_set():
            try:
                held.append(server.accept()[0])
            except TimeoutError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield SILENT_SMTP_PORT
    stop.set()
    thread.join(timeout=5)
    for conn in held:
        conn.close()
    server.close()
    return None


def smtp_env(port):
    return {
        "EMAIL_DELIVERY_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": port,
        "EMAIL_TIMEOUT": 1,
    }


def test_a_silent_mail_server_never_holds_the_visitor_and_the_mail_is_retried_then_listed(
    client, admin_client, queue_settings, run_worker, story_form, silent_smtp
):
    page, data = story_form
    started = time.monotonic()
    response = client.post(page.url, data)
    answered = time.monotonic() - started
    assert response.status_code == 302
    assert answered < 2, f"the post took {answered:.1f} s"
    submission = StorySubmission.objects.get()
    thanks = client.get(response["Location"]).content.decode()
    assert submission.reference in thanks
    assert "We will email a confirmation" in thanks
    assert "We have sent" not in thanks

    # The worker renders the two emails and queues their delivery; each delivery times out.
    env = smtp_env(silent_smtp)
    run_worker(**env)
    queue = rq_queue()
    scheduled = [queue.fetch_job(i) for i in ScheduledJobRegistry(queue=queue).get_job_ids()]
    deliveries = [job for job in scheduled if job.func_name == "operations.tasks.deliver_email"]
    others = [
        (job.func_name, job.latest_result() and job.latest_result().exc_string[-300:])
        for job in scheduled
    ]
    assert len(deliveries) == 2, others  # both deliveries wait for their retry
    time.sleep(1.2)
    run_worker(**env)
    failed = FailedJobRegistry(queue=queue, job_class=queue.job_class)
    jobs = [queue.fetch_job(job_id) for job_id in failed.get_job_ids()]
    jobs = [job for job in jobs if job.func_name == "operations.tasks.deliver_email"]
    assert len(jobs) == 2
    for job in jobs:
        assert job.retries_left == 0
        error = job.latest_result().exc_string
        assert "MailDeliveryError" in error and "timed out" in error
        # The failure names the message, never its recipients.
        assert "ama@example.org" not in error
    assert not TaskReceipt.objects.exists()

    report = admin_client.get("/admin/failed-tasks/").content.decode()
    assert report.count("operations.tasks.deliver_email") == 2
    assert "ama@example.org" not in report


def test_email_timeout_bounds_an_smtp_connection(settings, silent_smtp):
    settings.EMAIL_TIMEOUT = 1
    connection = get_connection(
        "django.core.mail.backends.smtp.EmailBackend", host="127.0.0.1", port=silent_smtp
    )
    started = time.monotonic()
    with pytest.raises(smtplib.SMTPServerDisconnected, match="timed out"):
        connection.open()
    assert time.monotonic() - started < 3
