"""Erasure on request, erasure after the retention period, and the audit line both leave."""

from datetime import timedelta
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from collection.models import ContributorPage, StoryPage
from submissions.models import StorySubmission, SubmissionFile
from submissions.services import change_status, create_draft_story

from .test_inbox import make_submission

pytestmark = pytest.mark.django_db

PERSONAL_FIELDS = ("name", "email", "story_title", "story_text", "decline_reason")


def assert_erased(submission, action, user_name):
    submission.refresh_from_db()
    for field in PERSONAL_FIELDS:
        assert getattr(submission, field) == ""
    assert submission.erased_at is not None
    assert submission.files.count() == 0
    line = submission.events.last()
    assert (line.action, line.reference, line.user_name) == (
        action,
        submission.reference,
        user_name,
    )


class TestEraseOnRequest:
    def test_an_editor_erases_personal_data_and_files_keeping_an_audit_line(
        self, client, editor, theme, django_capture_on_commit_callbacks
    ):
        submission = make_submission(theme)
        change_status(submission, "declined", editor, reason="Sender asked us to stop")
        path = Path(submission.files.get().file.path)
        assert path.is_file()

        client.force_login(editor)
        url = reverse("submissions_erase", args=[submission.pk])
        confirm = client.get(url)
        assert confirm.status_code == 200
        assert "cannot be undone" in confirm.content.decode()
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(url)
        assert response.status_code == 302

        assert_erased(submission, "erased", "eddie")
        assert not path.exists()
        assert SubmissionFile.objects.count() == 0
        # The reference, status and history remain for the records.
        assert StorySubmission.objects.filter(reference=submission.reference).exists()
        html = client.get(
            reverse("submissions_inbox:inspect", args=[submission.pk])
        ).content.decode()
        assert "were erased on" in html
        assert "Personal data erased on request, by eddie" in html
        assert "Kofi" not in html and "registry" not in html

    def test_a_never_published_draft_story_goes_too(
        self, client, editor, theme, site_tree, django_capture_on_commit_callbacks
    ):
        submission = make_submission(theme)
        change_status(submission, "in-review", editor)
        change_status(submission, "accepted", editor)
        story = create_draft_story(submission, editor)
        assert ContributorPage.objects.filter(title="Kofi Mensah").exists()
        client.force_login(editor)
        with django_capture_on_commit_callbacks(execute=True):
            client.post(reverse("submissions_erase", args=[submission.pk]))
        assert not StoryPage.objects.filter(pk=story.pk).exists()
        assert not ContributorPage.objects.filter(title="Kofi Mensah").exists()
        assert_erased(submission, "erased", "eddie")

    def test_a_published_story_is_left_for_an_editorial_decision(
        self, client, editor, theme, site_tree
    ):
        submission = make_submission(theme)
        change_status(submission, "in-review", editor)
        change_status(submission, "accepted", editor)
        story = create_draft_story(submission, editor)
        story.save_revision().publish()
        client.force_login(editor)
        confirm = client.get(reverse("submissions_erase", args=[submission.pk]))
        assert "has been published" in confirm.content.decode()
        client.post(reverse("submissions_erase", args=[submission.pk]))
        assert StoryPage.objects.get(pk=story.pk).live
        assert_erased(submission, "erased", "eddie")

    def test_illustrators_and_visitors_cannot_erase(self, client, illustrator, theme):
        submission = make_submission(theme)
        url = reverse("submissions_erase", args=[submission.pk])
        assert client.post(url).status_code == 302  # to the login page
        client.force_login(illustrator)
        assert client.post(url).status_code in (302, 403)
        submission.refresh_from_db()
        assert submission.name == "Kofi Mensah" and submission.erased_at is None


class TestRetention:
    def test_erases_only_declined_or_archived_submissions_past_the_period(
        self, settings, editor, theme, django_capture_on_commit_callbacks
    ):
        settings.SUBMISSIONS_RETENTION_DAYS = 30
        long_ago = timezone.now() - timedelta(days=31)
        old_declined = make_submission(theme)
        change_status(old_declined, "declined", editor, reason="Spam")
        old_archived = make_submission(theme)
        change_status(old_archived, "declined", editor, reason="Duplicate")
        change_status(old_archived, "archived", editor)
        recent_declined = make_submission(theme)
        change_status(recent_declined, "declined", editor, reason="Spam")
        old_new = make_submission(theme)
        StorySubmission.objects.filter(
            pk__in=[old_declined.pk, old_archived.pk, old_new.pk]
        ).update(status_changed_at=long_ago, submitted_at=long_ago)
        paths = {s.pk: Path(s.files.get().file.path) for s in (old_declined, recent_declined)}

        dry = StringIO()
        call_command("erase_expired_submissions", "--dry-run", stdout=dry)
        assert "2 submission(s) would be erased" in dry.getvalue()
        assert StorySubmission.objects.filter(erased_at__isnull=False).count() == 0

        out = StringIO()
        with django_capture_on_commit_callbacks(execute=True):
            call_command("erase_expired_submissions", stdout=out)
        assert "Erased the personal data of 2 submission(s)" in out.getvalue()
        assert_erased(old_declined, "retention-erased", "")
        assert_erased(old_archived, "retention-erased", "")
        assert not paths[old_declined.pk].exists()
        for kept in (recent_declined, old_new):
            kept.refresh_from_db()
            assert kept.name == "Kofi Mensah" and kept.erased_at is None
        assert paths[recent_declined.pk].exists()
