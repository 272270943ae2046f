"""Scheduled publishing runs without a person: run_scheduler publishes what is due."""

import datetime

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
