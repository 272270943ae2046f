"""Background tasks that used up their retries, read from RQ's failed-job registries.

A job lands in a queue's FailedJobRegistry when its last retry fails, or when the worker that
ran it died and RQ's registry cleanup finds it abandoned with no retries left. The outbox
backend keeps such jobs there for good (FAILURE_TTL -1), so nothing is dropped without an
admin's decision. The admin report (operations.views) lists them and retries them.

With a backend that is not RQ (the immediate backend in development) there is no registry:
a failing task is logged where it ran (operations.signals) and the report says so.
"""

import logging
from dataclasses import dataclass
from datetime import datetime

from django.conf import settings

logger = logging.getLogger(__name__)


@dataclass
class FailedTask:
    id: str
    queue: str
    task: str
    failed_at: datetime | None
    error: str


def uses_rq():
    return bool(getattr(settings, "RQ_QUEUES", None)) and any(
        "django_tasks_rq" in config["BACKEND"] or "OutboxRQBackend" in config["BACKEND"]
        for config in settings.TASKS.values()
    )


def _queues():
    import django_rq
    from django_tasks_rq.backend import Job

    return [django_rq.get_queue(name, job_class=Job) for name in settings.RQ_QUEUES]


def _last_error_line(job):
    result = job.latest_result()
    text = (result.exc_string if result is not None else None) or job._exc_info or ""
    lines = [line for line in text.strip().splitlines() if line.strip()]
    return (lines[-1] if lines else "failed (no traceback kept)")[:300]


def failed_tasks(limit=200):
    """Failed jobs across every configured queue, most recent first."""
    from rq.job import Job as RQJob
    from rq.registry import FailedJobRegistry

    found = []
    for queue in _queues():
        registry = FailedJobRegistry(queue=queue, job_class=queue.job_class)
        ids = registry.get_job_ids(0, limit - 1)
        for job in RQJob.fetch_many(ids, connection=queue.connection):
            if job is None:
                continue
            found.append(
                FailedTask(
                    id=job.id,
                    queue=queue.name,
                    task=job.func_name or "?",
                    failed_at=job.ended_at,
                    error=_last_error_line(job),
                )
            )
    found.sort(key=lambda item: item.failed_at or datetime.min, reverse=True)
    return found[:limit]


def failed_count():
    from rq.registry import FailedJobRegistry

    return sum(
        FailedJobRegistry(queue=queue, job_class=queue.job_class).count for queue in _queues()
    )


def retry_failed(queue_name, job_id):
    """Put a failed job back on its queue; False if it is no longer in the registry."""
    from rq.exceptions import InvalidJobOperation, NoSuchJobError
    from rq.registry import FailedJobRegistry

    if queue_name not in settings.RQ_QUEUES:
        return False
    queue = next(queue for queue in _queues() if queue.name == queue_name)
    try:
        FailedJobRegistry(queue=queue, job_class=queue.job_class).requeue(job_id)
    except (InvalidJobOperation, NoSuchJobError):
        return False
    logger.info("failed task %s put back on queue %s", job_id, queue_name)
    return True
