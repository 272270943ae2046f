"""Hand tasks left in the outbox to the queue: the scheduler runs `drain_outbox` every pass.

A row is left behind when Redis did not answer at commit time (or the process died between
the commit and the hand-over). Rows younger than `min_age` are still being handed over by the
process that wrote them and are left alone. Draining stops at the first failure: Redis is
still away, and the rows keep until the next pass.
"""

import logging
from datetime import timedelta

from django.utils import timezone
from django_tasks import task_backends

from .models import TaskOutbox

logger = logging.getLogger(__name__)


def drain_outbox(min_age=timedelta(seconds=10), limit=1000):
    """Hand over waiting rows, oldest first; returns (handed over, still waiting)."""
    cutoff = timezone.now() - min_age
    handed = 0
    entries = TaskOutbox.objects.filter(created_at__lte=cutoff).order_by("created_at")[:limit]
    for entry in entries:
        backend = task_backends[entry.backend] if entry.backend in _aliases() else None
        if backend is None or not hasattr(backend, "hand_over"):
            logger.error(
                "outbox row %s names backend %r, which has no queue", entry.pk, entry.backend
            )
            continue
        if not backend.hand_over(entry):
            break
        handed += 1
    waiting = TaskOutbox.objects.count()
    if handed or waiting:
        logger.info("outbox: %d task(s) handed to the queue, %d waiting", handed, waiting)
    return handed, waiting


def _aliases():
    from django.conf import settings

    return set(getattr(settings, "TASKS", {}))
