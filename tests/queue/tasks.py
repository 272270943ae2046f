"""Tasks used only by the queue tests, importable by the RQ workers the tests start."""

import time
from pathlib import Path

from django_tasks import task


@task()
def slow_mark(folder, seconds):
    """Note the start, sleep, note the end: a worker killed in between leaves only the start."""
    folder = Path(folder)
    with open(folder / "started", "a") as handle:
        handle.write("x")
    time.sleep(seconds)
    with open(folder / "finished", "a") as handle:
        handle.write("x")


@task()
def always_fails():
    raise ConnectionError("the object store is down")
