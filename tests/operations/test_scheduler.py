"""Scheduled publishing runs without a person: run_scheduler publishes what is due."""

import datetime
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.utils import timezone

from operations.management.commands.run_scheduler import LOCK_KEY
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


def test_story_scheduled_for_the_past_goes_live_when_the_scheduler_runs(client, scheduled_story):
    assert client.get("/stories/due-story/").status_code == 404
    call_command("run_scheduler", "--once")
    scheduled_story.refresh_from_db()
    assert scheduled_story.live
    response = client.get("/stories/due-story/")
    assert response.status_code == 200
    assert b"Due story" in response.content


def test_story_scheduled_for_the_future_waits(site_tree):
    story = factories.StoryPageFactory(parent=site_tree["stories"], live=False)
    schedule(story, timezone.now() + datetime.timedelta(days=1))
    call_command("run_scheduler", "--once")
    story.refresh_from_db()
    assert not story.live


def test_a_second_scheduler_does_not_publish_while_another_holds_the_lock(scheduled_story):
    cache.add(LOCK_KEY, "another-process", timeout=60)
    call_command("run_scheduler", "--once")
    scheduled_story.refresh_from_db()
    assert not scheduled_story.live
    cache.delete(LOCK_KEY)
    call_command("run_scheduler", "--once")
    scheduled_story.refresh_from_db()
    assert scheduled_story.live


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
    seen = []
    try:
        # Start-up (Django, every app) takes several seconds on a loaded machine: wait for the
        # first failed pass, rather than a fixed time, before giving the loop a few more.
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and not any(
            "publish_scheduled failed" in line for line in seen
        ):
            line = process.stdout.readline()
            if not line:
                break
            seen.append(line)
        time.sleep(3)
        assert process.poll() is None, "".join(seen) + process.stdout.read()
    finally:
        process.send_signal(signal.SIGTERM)
        rest, _ = process.communicate(timeout=20)
    output = "".join(seen) + rest
    assert process.returncode == 0, output
    assert output.count("publish_scheduled failed") >= 2, output
