"""Tasks reach the queue when, and only when, the transaction commits; with Redis unreachable
the request still succeeds and the task waits in the outbox until the scheduler hands it over.
"""

import pytest
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings
from django_tasks.base import TaskResultStatus

from operations.models import TaskOutbox, TaskReceipt
from submissions.models import StorySubmission
from tests.queue.conftest import rq_queue, rq_queues
from tests.queue.tasks import always_fails

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_a_task_is_queued_only_when_the_transaction_commits(queue_settings):
    with transaction.atomic():
        result = always_fails.enqueue()
        # Written in the same transaction, not yet on the queue.
        assert TaskOutbox.objects.filter(pk=result.id).exists()
        assert rq_queue().count == 0
    assert rq_queue().job_ids == [result.id]
    assert not TaskOutbox.objects.exists()
    assert always_fails.get_result(result.id).status == TaskResultStatus.READY


def test_a_rolled_back_change_queues_nothing(queue_settings):
    with pytest.raises(RuntimeError), transaction.atomic():
        always_fails.enqueue()
        raise RuntimeError("the change failed")
    assert not TaskOutbox.objects.exists()
    assert rq_queue().count == 0


def test_with_redis_down_the_story_is_stored_and_its_emails_wait_in_the_outbox(
    client, queue_settings, redis_down, redis_url, run_worker, story_form
):
    share_page, data = story_form
    response = client.post(share_page.url, data)
    assert response.status_code == 302
    submission = StorySubmission.objects.get()
    # Wagtail's own tasks (search and reference index) wait beside ours.
    waiting = TaskOutbox.objects.get(task_path="submissions.tasks.send_submission_emails")
    assert waiting.attempts == 1 and waiting.last_error == "ConnectionError"

    # While Redis is still down the scheduler's pass keeps the rows.
    TaskOutbox.objects.update(created_at=waiting.created_at.replace(year=2020))
    call_command("run_scheduler", "--once")
    assert TaskOutbox.objects.filter(pk=waiting.pk).exists()

    # Redis is back: the next pass hands the tasks over (rows younger than 10 s are left to
    # the process that wrote them, hence the ageing above), and a worker does the work.
    TaskOutbox.objects.update(created_at=waiting.created_at.replace(year=2020))
    with override_settings(RQ_QUEUES=rq_queues(redis_url)):
        call_command("run_scheduler", "--once")
        assert not TaskOutbox.objects.exists()
        assert waiting.id in rq_queue().job_ids
        run_worker()
    reference = submission.reference.lower()
    assert set(TaskReceipt.objects.values_list("key", flat=True)) == {
        f"email:<{reference}.confirmation@submissions.mindthegap>",
        f"email:<{reference}.editors@submissions.mindthegap>",
    }


def test_the_failed_task_report_lists_the_outbox(admin_client, queue_settings, redis_down):
    always_fails.enqueue()
    response = admin_client.get("/admin/failed-tasks/")
    assert response.status_code == 200
    assert b"tests.queue.tasks.always_fails" in response.content
    assert b"could not reach the queue yet" in response.content
