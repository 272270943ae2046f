"""Erasure on request, erasure after the retention period, and the audit line both leave."""

from datetime import timedelta
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Comment, PageLogEntry

from collection.models import ContributorPage, StoryPage
from submissions.models import StorySubmission, SubmissionFile
from submissions.services import change_status, create_draft_story
from tests import factories
from tests.db_traces import places_holding

from .test_inbox import make_submission
from .test_workflow import edit_form_data

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


# Fragments of the sender's words, short enough to survive a search index's stemming.
SENDER_WORDS = {
    "name": "Ysolde Brackenridge",
    "email": "ysolde.brackenridge@example.org",
    "story_title": "Marrowstone quillfeather",
    "story_text": "The clinic kept our vellichor samples.\n\nNobody asked us again.",
}
FRAGMENTS = ("brackenr", "ysolde", "marrowst", "quillfea", "vellicho")


def draft_with_every_trace(client, editor, reviewer, theme):
    """A submission made into a draft story, then worked on as editors do in the admin.

    The draft has revisions, page log entries, a workflow in progress with its task state, a
    comment quoting the sender, a lock, a search index entry and references; its contributor
    draft carries the sender's name.
    """
    submission = make_submission(theme, credit_preference="name", **SENDER_WORDS)
    change_status(submission, "in-review", editor)
    change_status(submission, "accepted", editor)
    story = create_draft_story(submission, editor)
    # A reviewer works on it in the page editor (the review task's group may).
    client.force_login(reviewer)
    data = edit_form_data(client, story, title="Marrowstone quillfeather, edited")
    response = client.post(reverse("wagtailadmin_pages:edit", args=[story.pk]), data)
    assert response.status_code == 302
    if story.current_workflow_state is None:
        story.get_workflow().start(story, editor)
    Comment.objects.create(
        page=story, user=editor, text="Ask Ysolde about the vellichor line", contentpath="title"
    )
    StoryPage.objects.filter(pk=story.pk).update(locked=True, locked_by=editor)
    return submission, StoryPage.objects.get(pk=story.pk)


class TestNothingOfTheSenderIsLeft:
    """After erasure, no table holds the sender's words: checked over every column."""

    def test_erasure_on_request_leaves_no_trace_in_any_table(
        self, client, editor, reviewer, theme, site_tree, django_capture_on_commit_callbacks
    ):
        with django_capture_on_commit_callbacks(execute=True):
            submission, story = draft_with_every_trace(client, editor, reviewer, theme)
        assert story.current_workflow_state is not None
        before = {table for table, _, _ in places_holding(*FRAGMENTS)}
        # The check reaches every place Wagtail keeps a page's words.
        assert {
            "wagtailcore_pagelogentry",
            "wagtailcore_revision",
            "wagtailcore_comment",
            "collection_storypage",
        } <= before
        assert any(table.startswith("wagtailsearch_") for table in before)

        client.force_login(editor)
        with django_capture_on_commit_callbacks(execute=True):
            client.post(reverse("submissions_erase", args=[submission.pk]))
        assert_erased(submission, "erased", "eddie")
        assert places_holding(*FRAGMENTS) == []
        # The audit line stays, and says who erased what.
        assert submission.events.filter(action="erased").exists()

    def test_retention_leaves_no_trace_in_any_table(
        self,
        client,
        settings,
        editor,
        reviewer,
        theme,
        site_tree,
        django_capture_on_commit_callbacks,
    ):
        settings.SUBMISSIONS_RETENTION_DAYS = 30
        with django_capture_on_commit_callbacks(execute=True):
            submission, story = draft_with_every_trace(client, editor, reviewer, theme)
            change_status(submission, "archived", editor)
        StorySubmission.objects.filter(pk=submission.pk).update(
            status_changed_at=timezone.now() - timedelta(days=31)
        )
        with django_capture_on_commit_callbacks(execute=True):
            call_command("erase_expired_submissions", stdout=StringIO())
        assert_erased(submission, "retention-erased", "")
        assert not StoryPage.objects.filter(pk=story.pk).exists()
        assert places_holding(*FRAGMENTS) == []

    def test_what_another_page_keeps_is_not_touched(
        self, client, editor, reviewer, theme, site_tree, django_capture_on_commit_callbacks
    ):
        """Only the erased draft's traces go: other pages keep their history and index."""
        other = factories.StoryPageFactory(parent=site_tree["stories"], title="Kept forever")
        other.save_revision(user=editor, log_action=True)
        with django_capture_on_commit_callbacks(execute=True):
            submission, _ = draft_with_every_trace(client, editor, reviewer, theme)
            client.force_login(editor)
            client.post(reverse("submissions_erase", args=[submission.pk]))
        assert places_holding("kept forever")
        assert other.get_latest_revision() is not None
        assert PageLogEntry.objects.filter(page=other).exists()
