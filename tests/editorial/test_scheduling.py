"""A scheduled story's "first published" follows its go-live date."""

import datetime
from unittest import mock

import pytest
from django.core.management import call_command
from django.utils import timezone

from collection.models import StoryPage
from tests import factories

pytestmark = pytest.mark.django_db


def test_a_scheduled_story_shows_and_records_its_go_live_date(site_tree):
    story = factories.StoryPageFactory(
        parent=site_tree["stories"], live=False, first_published=datetime.date(2026, 1, 5)
    )
    go_live = (timezone.now() + datetime.timedelta(days=10)).replace(microsecond=0)
    story.go_live_at = go_live
    revision = story.save_revision()
    # The date shown on the story is the go-live date, not the day the draft was made.
    assert revision.as_object().first_published == timezone.localdate(go_live)

    revision.publish()
    story.refresh_from_db()
    assert not story.live and story.first_published_at is None  # scheduled, not live

    # The scheduler runs a while after the go-live time.
    with mock.patch(
        "django.utils.timezone.now", return_value=go_live + datetime.timedelta(minutes=7)
    ):
        call_command("publish_scheduled")
    story = StoryPage.objects.get(pk=story.pk)
    assert story.live
    assert story.first_published_at == go_live
    assert story.first_published == timezone.localdate(go_live)


def test_a_published_story_keeps_its_dates_when_rescheduled(site_tree):
    story = factories.StoryPageFactory(
        parent=site_tree["stories"], live=False, first_published=datetime.date(2026, 1, 5)
    )
    story.save_revision().publish()
    story.refresh_from_db()
    first = story.first_published_at
    story.go_live_at = timezone.now() + datetime.timedelta(days=3)
    revision = story.save_revision()
    assert revision.as_object().first_published == datetime.date(2026, 1, 5)
    story.refresh_from_db()
    assert story.first_published_at == first


def test_publishing_now_records_now(site_tree):
    story = factories.StoryPageFactory(parent=site_tree["stories"], live=False)
    before = timezone.now()
    story.save_revision().publish()
    story.refresh_from_db()
    assert story.first_published_at >= before
