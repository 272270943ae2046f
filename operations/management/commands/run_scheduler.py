"""The production `scheduler:` process: one pass of operations.schedule every --interval seconds.

A pass hands tasks left in the outbox to the queue, retries jobs abandoned by a dead worker,
and queues the periodic jobs that are due (scheduled publishing every minute, the retention
erasure daily: see PERIODIC_JOBS in operations/schedule.py). The jobs themselves run on the
workers. Run one scheduler per site; a second one started by mistake queues nothing twice.
--once runs a single pass, for cron or a systemd timer (docs/deployment.md).

Each pass also removes uploads that dead requests left in this machine's upload spool
(operations.upload_spool.remove_stale_files). That folder is local, so this step takes no lock.
"""

import logging
import signal
import threading
import time

from django.core.management.base import BaseCommand
from django.db import close_old_connections, connection

from operations import upload_spool
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
        self.clean_upload_spool()
        self.drop_stale_connections()
        try:
            run_pass()
        finally:
            self.drop_stale_connections()

    @staticmethod
    def clean_upload_spool():
        # The spool is this machine's own folder: cleaned here, not by a worker elsewhere.
        try:
            upload_spool.remove_stale_files()
        except OSError:
            logger.exception("cleaning the upload spool failed")

    @staticmethod
    def drop_stale_connections():
        # A long-running loop must not keep a connection the database has dropped; inside a
        # transaction (a test, or a caller's atomic block) the connection is still in use.
        if not connection.in_atomic_block:
            close_old_connections()
