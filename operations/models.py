"""The task outbox and the small records that keep background work reliable.

- `TaskOutbox`: a task waiting to reach the queue. The outbox backend
  (operations.tasks_backend) writes one row in the same transaction as the change that asked
  for the task; once that transaction commits the row is handed to RQ and deleted. If Redis
  does not answer, the row stays and the scheduler hands it over later (operations.outbox), so
  a Redis outage never fails a request or loses work.
- `TaskReceipt`: "this piece of work is done", for tasks whose effect cannot be undone or
  repeated harmlessly (an email): running the task again finds the receipt and does nothing.
- `PeriodicRun`: when each periodic job (operations.schedule) was last queued, so a daily job
  runs daily however often the scheduler restarts, and two schedulers never both queue it.
"""

from django.db import models


class TaskOutbox(models.Model):
    # The id the task result carries, and the RQ job id once handed over.
    id = models.CharField(primary_key=True, max_length=64)
    task_path = models.CharField(max_length=255)
    queue_name = models.CharField(max_length=100, default="default")
    priority = models.IntegerField(default=0)
    run_after = models.DateTimeField(null=True, blank=True)
    args = models.JSONField(default=list)
    kwargs = models.JSONField(default=dict)
    backend = models.CharField(max_length=100, default="default")
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    attempts = models.PositiveIntegerField(default=0)
    last_attempt_at = models.DateTimeField(null=True, blank=True)
    # The class of the last error only: messages can hold hostnames or credentials.
    last_error = models.CharField(max_length=255, blank=True)

    class Meta:
        ordering = ["created_at"]
        verbose_name = "task waiting for the queue"
        verbose_name_plural = "tasks waiting for the queue"
        permissions = [
            ("manage_background_tasks", "Can see and retry failed background tasks"),
        ]

    def __str__(self):
        return f"{self.task_path} ({self.id})"


class TaskReceipt(models.Model):
    key = models.CharField(max_length=255, unique=True)
    done_at = models.DateTimeField(auto_now_add=True, db_index=True)

    def __str__(self):
        return self.key


class PeriodicRun(models.Model):
    name = models.CharField(max_length=100, unique=True)
    last_queued_at = models.DateTimeField()

    def __str__(self):
        return f"{self.name} at {self.last_queued_at:%Y-%m-%d %H:%M}"
