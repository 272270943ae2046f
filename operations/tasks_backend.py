"""The production task backend: Django's tasks API on RQ/Redis, through an outbox.

`OutboxRQBackend` is django-tasks-rq's `RQBackend` with three changes:

1. `enqueue()` writes the task to the `TaskOutbox` table, in the caller's transaction, and hands
   it to RQ only once that transaction commits (`transaction.on_commit`). A rolled-back change
   queues nothing; a committed one always leaves either an RQ job or an outbox row. If Redis
   does not answer at commit time, the row stays, the request carries on, and the scheduler's
   `drain_outbox` pass (operations.outbox) hands it over when Redis is back. This covers every
   `.enqueue()` in the process, Wagtail's own tasks (reference index, frontend-cache purges,
   file deletions) included.
2. Each job gets RQ's `Retry` with backoff (OPTIONS["RETRY"]): every task in this project is
   safe to run twice, so a transient failure (mail server, object store) is simply tried again.
3. A job that has used up its retries stays in RQ's failed-job registry for good
   (OPTIONS["FAILURE_TTL"], -1 = never expires) until someone retries or removes it from the
   admin's "Failed background tasks" report (operations.views).

The RQ job id is the outbox row's id, which is also the id of the TaskResult `enqueue()`
returns, so `get_result()` works before and after the hand-over.
"""

import logging
from functools import partial

import django_rq
from django.db import transaction
from django.utils import timezone
from django.utils.module_loading import import_string
from django_tasks.base import TaskResult, TaskResultStatus
from django_tasks.exceptions import TaskResultDoesNotExist
from django_tasks.signals import task_enqueued
from django_tasks.utils import get_random_id, normalize_json
from django_tasks_rq.backend import Job, RQBackend, failed_callback, success_callback
from redis.exceptions import RedisError
from rq.job import Callback, JobStatus, Retry

logger = logging.getLogger(__name__)

DEFAULT_RETRY = {"MAX": 5, "INTERVALS": [15, 60, 300, 1200, 3600]}
# A rendition of a 50-megapixel artwork in every format can take a minute on a slow machine.
DEFAULT_JOB_TIMEOUT = 600
DEFAULT_RESULT_TTL = 24 * 60 * 60
# Unreachable errors: the outbox keeps the task and tries again later.
HANDOVER_ERRORS = (RedisError, OSError)


class OutboxRQBackend(RQBackend):
    # operations.queue.enqueue_on_commit asks this: the backend itself waits for the commit.
    defers_to_commit = True

    def __init__(self, alias, params):
        super().__init__(alias, params)
        retry = {**DEFAULT_RETRY, **self.options.get("RETRY", {})}
        self.retry_max = int(retry["MAX"])
        self.retry_intervals = [int(seconds) for seconds in retry["INTERVALS"]]
        self.job_timeout = int(self.options.get("JOB_TIMEOUT", DEFAULT_JOB_TIMEOUT))
        self.result_ttl = int(self.options.get("RESULT_TTL", DEFAULT_RESULT_TTL))
        self.failure_ttl = int(self.options.get("FAILURE_TTL", -1))

    def enqueue(self, task, args, kwargs):
        from .models import TaskOutbox

        self.validate_task(task)
        entry = TaskOutbox.objects.create(
            id=get_random_id(),
            task_path=task.module_path,
            queue_name=task.queue_name,
            priority=task.priority,
            run_after=task.run_after,
            args=normalize_json(list(args)),
            kwargs=normalize_json(dict(kwargs)),
            backend=self.alias,
        )
        # robust: a failure here is logged by Django and never reaches the request.
        transaction.on_commit(partial(self.hand_over, entry), robust=True)
        task_result = self._result_for(task, entry)
        task_enqueued.send(type(self), task_result=task_result)
        return task_result

    def _result_for(self, task, entry):
        return TaskResult(
            task=task,
            id=entry.id,
            status=TaskResultStatus.READY,
            enqueued_at=None,
            started_at=None,
            last_attempted_at=None,
            finished_at=None,
            args=entry.args,
            kwargs=entry.kwargs,
            backend=self.alias,
            errors=[],
            worker_ids=[],
        )

    def hand_over(self, entry):
        """Push one outbox row to RQ and delete it; keep it (and say why) if Redis is away."""
        from .models import TaskOutbox

        try:
            self.push(entry)
        except HANDOVER_ERRORS as error:
            TaskOutbox.objects.filter(pk=entry.pk).update(
                attempts=entry.attempts + 1,
                last_attempt_at=timezone.now(),
                last_error=type(error).__name__,
            )
            logger.warning(
                "queue unreachable (%s): task %s stays in the outbox",
                type(error).__name__,
                entry.task_path,
            )
            return False
        TaskOutbox.objects.filter(pk=entry.pk).delete()
        return True

    def push(self, entry):
        task = import_string(entry.task_path)
        queue = django_rq.get_queue(entry.queue_name, job_class=Job)
        job = queue.create_job(
            task.module_path,
            args=entry.args,
            kwargs=entry.kwargs,
            job_id=entry.id,
            status=JobStatus.SCHEDULED if entry.run_after else JobStatus.QUEUED,
            timeout=self.job_timeout,
            result_ttl=self.result_ttl,
            failure_ttl=self.failure_ttl,
            retry=Retry(max=self.retry_max, interval=self.retry_intervals),
            on_failure=Callback(failed_callback),
            on_success=Callback(success_callback),
            meta={"backend_name": self.alias, "outbox_created_at": entry.created_at.isoformat()},
        )
        if entry.run_after is None:
            return queue.enqueue_job(job, at_front=entry.priority >= 100)
        return queue.schedule_job(job, entry.run_after)

    def get_result(self, result_id):
        from .models import TaskOutbox

        try:
            return super().get_result(result_id)
        except TaskResultDoesNotExist:
            entry = TaskOutbox.objects.filter(pk=result_id).first()
            if entry is None:
                raise
            return self._result_for(import_string(entry.task_path), entry)
