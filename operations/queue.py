"""Queueing work from any app: `enqueue_on_commit(task, *args)` is the one way to do it.

The task is queued only if the surrounding transaction commits. With the outbox backend
(operations.tasks_backend, production) the task is written to the outbox inside the
transaction and the backend hands it to RQ after the commit; with any other backend (the
immediate backend of development and tests) the enqueue itself waits for the commit.
"""

import logging

from django.db import transaction

logger = logging.getLogger(__name__)


def enqueue_on_commit(task, *args, **kwargs):
    if getattr(task.get_backend(), "defers_to_commit", False):
        return task.enqueue(*args, **kwargs)
    # robust: a queue that fails here is logged and never fails the change that asked.
    transaction.on_commit(lambda: task.enqueue(*args, **kwargs), robust=True)
    return None
