"""Publish scheduled pages without a person: the production `scheduler:` process runs this.

Wagtail publishes a page scheduled for a future time only when `publish_scheduled` runs, and
recommends running it at least hourly. This loop runs it every --interval seconds (a minute by
default, so a story goes live within a minute of its time). Run exactly one scheduler per site;
if two start by mistake, a lock in the shared cache keeps them from publishing at once.
--once runs a single pass, for cron or a systemd timer (docs/deployment.md).

Each pass also removes uploads that dead requests left in this machine's upload spool
(operations.upload_spool.remove_stale_files). That folder is local, so this step takes no lock.
"""

import logging
import signal
import threading
import time
import uuid

from django.core.cache import cache
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import close_old_connections, connection

from operations import upload_spool

logger = logging.getLogger(__name__)
LOCK_KEY = "scheduler:publish-scheduled:lock"


class Command(BaseCommand):
    help = "Run Wagtail's publish_scheduled now and then, forever (or once with --once)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--interval", type=int, default=60, help="Seconds between runs (default 60)."
        )
        parser.add_argument("--once", action="store_true", help="Run one pass and exit.")

    def handle(self, *args, interval, once, **options):
        if once:
            self.run_pass(interval)
            return
        stop = threading.Event()
        for signum in (signal.SIGTERM, signal.SIGINT):
            signal.signal(signum, lambda *_: stop.set())
        logger.info("scheduler started; publishing scheduled pages every %ss", interval)
        while not stop.is_set():
            started = time.monotonic()
            self.run_pass(interval)
            stop.wait(max(1.0, interval - (time.monotonic() - started)))
        logger.info("scheduler stopped")

    def run_pass(self, interval):
        self.clean_upload_spool()
        self.publish_scheduled(interval)

    @staticmethod
    def clean_upload_spool():
        try:
            upload_spool.remove_stale_files()
        except OSError:
            logger.exception("cleaning the upload spool failed")

    def publish_scheduled(self, interval):
        token = uuid.uuid4().hex
        # The lock lives a little less than an interval, so a crashed holder cannot block the
        # next pass for long.
        if not cache.add(LOCK_KEY, token, timeout=max(1, interval - 1)):
            logger.info("another scheduler holds the lock; skipping this pass")
            return
        try:
            self.drop_stale_connections()
            call_command("publish_scheduled", verbosity=0)
            logger.info("publish_scheduled ran")
        except Exception:
            # A database blip must not end the process: the next pass tries again.
            logger.exception("publish_scheduled failed")
        finally:
            if cache.get(LOCK_KEY) == token:
                cache.delete(LOCK_KEY)
            self.drop_stale_connections()

    @staticmethod
    def drop_stale_connections():
        # A long-running loop must not keep a connection the database has dropped; inside a
        # transaction (a test, or a caller's atomic block) the connection is still in use.
        if not connection.in_atomic_block:
            close_old_connections()
