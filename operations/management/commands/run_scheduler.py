"""The production `scheduler:` process: one pass of operations.schedule every --interval seconds.

A pass hands tasks left in the outbox to the queue, retries jobs abandoned by a dead worker,
and queues the periodic jobs that are due (scheduled publishing every minute, the retention
erasure daily: see PERIODIC_JOBS in operations/schedule.py). The jobs themselves run on the
workers. Run one scheduler per site; a second one started by mistake queues nothing twice.
--once runs a single pass, for cron or a systemd timer (docs/deployment.md).
"""

import logging
import signal
import threading
import time

from django.core.management.base import BaseCommand
from django.db import close_old_connections, connection

from operations.schedule import run_pass

logger = logging.getLogger(__name__)


class Command(BaseCommand):
    help = "Hand over the task outbox and queue the periodic jobs, forever (or once with --once)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--interval", type=int, default=15, help="Seconds between passes (default 15)."
        )
        parser.add_argument("--once", action="store_true", help="Run one pass and exit.")

    def handle(self, *args, interval, once, **options):
        if once:
            self.run_pass()
            return
        stop = threading.Event()
        for signum in (signal.SIGTERM, signal.SIGINT):
            signal.signal(signum, lambda *_: stop.set())
        logger.info("scheduler started; a pass every %ss", interval)
        while not stop.is_set():
            started = time.monotonic()
            self.run_pass()
            stop.wait(max(1.0, interval - (time.monotonic() - started)))
        logger.info("scheduler stopped")

    def run_pass(self):
        self.drop_stale_connections()
        try:
            run_pass()
        finally:
            self.drop_stale_connections()

    @staticmethod
    def drop_stale_connections():
        # A long-running loop must not keep a connection the database has dropped; inside a
        # transaction (a test, or a caller's atomic block) the connection is still in use.
        if not connection.in_atomic_block:
            close_old_connections()
