"""Scheduled publishing and the other periodic jobs run without a person: run_scheduler queues
what is due (operations/schedule.py), once, however many schedulers run."""

import datetime
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from django.core.management import call_command
from django.utils import timezone

from operations import schedule as periodic
from operations.models import PeriodicRun
from tests import factories

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("clear_caches")]


def schedule(page, when):
    page.go_live_at = when
    revision = page.save_revision(approved_go_live_at=when)
    return revision


@pytest.fixture
def scheduled_story(site_tree):
    story = factories.StoryPageFactory(
        parent=site_tree["stories"], title="Due story", slug="due-story", live=False
    )
    schedule(story, timezone.now() - datetime.timedelta(minutes=5))
    story.refresh_from_db()
    assert not story.live
    return story


def run_scheduler_once(capture):
    # The immediate backend runs each queued job when the pass's transaction commits.
    with capture(execute=True):
        call_command("run_scheduler", "--once")


def test_story_scheduled_for_the_past_goes_live_when_the_scheduler_runs(
    client, scheduled_story, django_capture_on_commit_callbacks
):
    assert client.get("/stories/due-story/").status_code == 404
    run_scheduler_once(django_capture_on_commit_callbacks)
    scheduled_story.refresh_from_db()
    assert scheduled_story.live
    response = client.get("/stories/due-story/")
    assert response.status_code == 200
    assert b"Due story" in response.content


def test_story_scheduled_for_the_future_waits(site_tree, django_capture_on_commit_callbacks):
    story = factories.StoryPageFactory(parent=site_tree["stories"], live=False)
    schedule(story, timezone.now() + datetime.timedelta(days=1))
    run_scheduler_once(django_capture_on_commit_callbacks)
    story.refresh_from_db()
    assert not story.live


def test_a_periodic_job_is_queued_once_per_period_however_many_schedulers_run(
    django_capture_on_commit_callbacks,
):
    now = timezone.now()
    with django_capture_on_commit_callbacks() as queued:
        first = periodic.queue_due_jobs(now=now)
        # A second scheduler (or a restart) a moment later finds nothing due.
        second = periodic.queue_due_jobs(now=now + datetime.timedelta(seconds=5))
    assert set(first) == {job.name for job in periodic.PERIODIC_JOBS}
    assert second == []
    assert len(queued) == len(periodic.PERIODIC_JOBS)
    # A minute on, only the every-minute job is due again; the daily ones wait for their day.
    later = periodic.queue_due_jobs(now=now + datetime.timedelta(seconds=61))
    assert later == ["publish-scheduled-pages"]
    assert periodic.queue_due_jobs(now=now + datetime.timedelta(days=1, seconds=1)) == [
        "publish-scheduled-pages",
        "erase-expired-submissions",
        "prune-task-receipts",
    ]


def test_a_scheduler_that_lost_the_race_queues_nothing():
    """The compare-and-set: a pass that read an old time but finds it moved on backs off."""
    job = periodic.PERIODIC_JOBS[0]
    then = timezone.now() - datetime.timedelta(minutes=5)
    PeriodicRun.objects.create(name=job.name, last_queued_at=then)
    PeriodicRun.objects.filter(name=job.name).update(last_queued_at=timezone.now())
    assert periodic.queue_due_jobs(jobs=[job]) == []


def test_scheduler_process_survives_a_database_outage_and_stops_cleanly(tmp_path):
    """The long-running loop: a failing pass is logged, the next pass runs, SIGTERM ends it."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "site_project.settings.test",
        # A database that cannot be opened: every pass fails.
        "DATABASE_URL": f"sqlite:///{tmp_path}/missing-folder/db.sqlite3",
    }
    process = subprocess.Popen(
        [sys.executable, "manage.py", "run_scheduler", "--interval", "1"],
        cwd=Path(__file__).resolve().parents[2],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    lines = []
    reader = threading.Thread(target=lambda: lines.extend(process.stdout), daemon=True)
    reader.start()
    try:
        # Wait (on a loaded machine, Django's start-up alone can take seconds) for two passes.
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and process.poll() is None:
            if sum("scheduler pass failed" in line for line in list(lines)) >= 2:
                break
            time.sleep(0.2)
        assert process.poll() is None, "".join(lines)
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=60)
        reader.join(timeout=5)
    output = "".join(lines)
    assert process.returncode == 0, output
    assert output.count("scheduler pass failed") >= 2, output
