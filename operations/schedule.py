"""The periodic jobs, and one scheduler pass: the single mechanism for work that runs by time.

The `scheduler:` process (`manage.py run_scheduler`) calls `run_pass()` every few seconds. A
pass does the scheduler's own work, then queues each periodic job that is due as a task, so the
work itself runs on a worker with the queue's retries and failed-task report:

1. hand tasks left in the outbox to the queue (operations.outbox);
2. let RQ find jobs whose worker died mid-task (its abandoned-job cleanup of the started-job
   registries) and retry them on another worker;
3. queue each job of PERIODIC_JOBS whose period has passed since it was last queued.

When a job was last queued is kept in the database (PeriodicRun) and moved on with a
compare-and-set, in the same transaction as the task's outbox row: a restart never skips or
repeats a daily job, and two schedulers started by mistake never both queue it.

To add a periodic job, add a line to PERIODIC_JOBS: a name, a period and the dotted path of a
task (a function decorated with django_tasks' @task, safe to run twice).
"""

import logging
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.module_loading import import_string

from .outbox import drain_outbox
from .queue import enqueue_on_commit

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class PeriodicJob:
    name: str
    every: timedelta
    task_path: str


PERIODIC_JOBS = [
    # Wagtail publishes (and unpublishes) scheduled pages only when this runs.
    PeriodicJob(
        "publish-scheduled-pages", timedelta(minutes=1), "operations.tasks.publish_scheduled_pages"
    ),
    # Erase the personal data of declined and archived submissions past their retention period.
    PeriodicJob(
        "erase-expired-submissions",
        timedelta(days=1),
        "submissions.tasks.erase_expired_submissions",
    ),
    # Forget "already sent" receipts of mail older than a month.
    PeriodicJob("prune-task-receipts", timedelta(days=1), "operations.tasks.prune_task_receipts"),
]


def queue_due_jobs(now=None, jobs=None):
    """Queue every periodic job that is due; returns the names queued."""
    from .models import PeriodicRun

    now = now or timezone.now()
    queued = []
    for job in PERIODIC_JOBS if jobs is None else jobs:
        with transaction.atomic():
            run, created = PeriodicRun.objects.get_or_create(
                name=job.name, defaults={"last_queued_at": now}
            )
            if not created:
                if run.last_queued_at > now - job.every:
                    continue
                # Compare-and-set: only the scheduler that moves the time on queues the job.
                moved = PeriodicRun.objects.filter(
                    pk=run.pk, last_queued_at=run.last_queued_at
                ).update(last_queued_at=now)
                if not moved:
                    continue
            enqueue_on_commit(import_string(job.task_path))
        queued.append(job.name)
    return queued


def clean_abandoned_jobs():
    """RQ's registry cleanup: a job whose worker stopped heartbeating is retried (or failed)."""
    if not getattr(settings, "RQ_QUEUES", None):
        return
    from .failed_tasks import uses_rq

    if not uses_rq():
        return
    import django_rq
    from django_tasks_rq.backend import Job
    from rq.registry import StartedJobRegistry

    for name in settings.RQ_QUEUES:
        StartedJobRegistry(queue=django_rq.get_queue(name, job_class=Job), job_class=Job).cleanup()


def run_pass():
    """One scheduler pass; each step is tried on its own so one failure does not stop the rest."""
    ok = True
    for label, step in (
        ("draining the outbox", drain_outbox),
        ("cleaning abandoned jobs", clean_abandoned_jobs),
        ("queueing periodic jobs", queue_due_jobs),
    ):
        try:
            step()
        except Exception:  # noqa: BLE001 - the next pass tries again
            ok = False
            logger.exception("scheduler step failed: %s", label)
    if not ok:
        logger.error("scheduler pass failed; the next pass tries again")
    return ok
