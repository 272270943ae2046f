"""The Submissions inbox: who can see it, what it shows, how a submission moves through review."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from submissions.models import StorySubmission, SubmissionStatus
from submissions.services import change_status, create_submission
from tests.factories import png_bytes

pytestmark = pytest.mark.django_db

INDEX_URL = "submissions_inbox:index"
INSPECT_URL = "submissions_inbox:inspect"


def make_submission(theme=None, with_file=True, **overrides):
    data = {
        "name": "Kofi Mensah",
        "email": "kofi@example.org",
        "credit_preference": "pseudonym",
        "story_title": "What the registry left out",
        "story_text": "First paragraph.\n\nSecond paragraph.",
        "preferred_format": "written",
        "consent_contact": True,
        "consent_publish": True,
        "consent_edit": False,
        "themes": [theme] if theme else [],
        **overrides,
    }
    files = []
    if with_file:
        upload = SimpleUploadedFile("me.png", png_bytes(), "image/png")
        files = [(upload, "image", "image/png", "png")]
    return create_submission(data, files)


@pytest.fixture
def submission(theme):
    return make_submission(theme)


class TestWhoCanSeeTheInbox:
    def test_editors_and_reviewers_see_the_list_and_the_detail(
        self, client, submission, editor, reviewer
    ):
        for user in (editor, reviewer):
            client.force_login(user)
            listing = client.get(reverse(INDEX_URL))
            assert listing.status_code == 200
            assert submission.reference in listing.content.decode()
            detail = client.get(reverse(INSPECT_URL, args=[submission.pk]))
            assert detail.status_code == 200
            html = detail.content.decode()
            assert "Kofi Mensah" in html and "Second paragraph." in html
            file_url = reverse("submissions_open_file", args=[submission.files.get().pk])
            assert file_url in html

    def test_illustrators_cannot_see_submissions_or_their_files(
        self, client, submission, illustrator
    ):
        client.force_login(illustrator)
        stored = submission.files.get()
        for url in (
            reverse(INDEX_URL),
            reverse(INSPECT_URL, args=[submission.pk]),
            reverse("submissions_open_file", args=[stored.pk]),
        ):
            response = client.get(url)
            assert response.status_code in (302, 403)
            assert b"Kofi" not in response.content
        for url in (
            reverse("submissions_set_status", args=[submission.pk]),
            reverse("submissions_make_draft_story", args=[submission.pk]),
            reverse("submissions_erase", args=[submission.pk]),
        ):
            assert client.post(url, {"status": "in-review"}).status_code in (302, 403)
        submission.refresh_from_db()
        assert submission.status == "new" and submission.name == "Kofi Mensah"
        dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
        assert "Story submissions" not in dashboard

    def test_illustrators_have_no_submissions_menu_item(self, client, illustrator, editor):
        client.force_login(illustrator)
        assert b"/admin/submissions/storysubmission/" not in client.get("/admin/").content
        client.force_login(editor)
        assert b"/admin/submissions/storysubmission/" in client.get("/admin/").content

    def test_visitors_never_reach_a_submission_or_its_files(self, client, submission):
        stored = submission.files.get()
        for url in (
            reverse(INDEX_URL),
            reverse(INSPECT_URL, args=[submission.pk]),
            reverse("submissions_open_file", args=[stored.pk]),
        ):
            response = client.get(url)
            assert response.status_code == 302
            assert "/admin/login/" in response["Location"]
        # Nor through the media URL: the file is not under MEDIA_ROOT at all.
        assert client.get(f"/media/{stored.file.name}").status_code == 404
        assert client.get(f"/media/submissions/{stored.file.name}").status_code == 404

    def test_nobody_creates_edits_or_deletes_submissions_in_the_admin(
        self, client, submission, editor
    ):
        client.force_login(editor)
        index = reverse(INDEX_URL)
        inspect = reverse(INSPECT_URL, args=[submission.pk])
        # The paths wagtail-modeladmin gave these actions, and the ones ModelViewSet would.
        urls = {
            f"{index}create/": index,
            f"{index}new/": index,
            f"{index}edit/{submission.pk}/": inspect,
            f"{index}delete/{submission.pk}/": inspect,
        }
        for url, refused_to in urls.items():
            assert client.get(url)["Location"] == refused_to
            assert client.post(url, {"name": "Changed"})["Location"] == refused_to
        submission.refresh_from_db()
        assert submission.name == "Kofi Mensah"


class TestTheFileView:
    def test_streams_the_file_privately(self, client, submission, editor):
        client.force_login(editor)
        stored = submission.files.get()
        response = client.get(reverse("submissions_open_file", args=[stored.pk]))
        assert response.status_code == 200
        assert b"".join(response.streaming_content) == png_bytes()
        assert response["Content-Type"] == "image/png"
        assert "no-store" in response["Cache-Control"]
        assert response["X-Content-Type-Options"] == "nosniff"
        assert "sandbox" in response["Content-Security-Policy"]
        # The sender's file name is not echoed back in the download name.
        assert "me.png" not in response.get("Content-Disposition", "")


class TestTheListing:
    def test_shows_status_date_format_and_themes_with_filters_and_search(
        self, client, editor, theme, django_assert_max_num_queries
    ):
        for n in range(12):
            make_submission(theme, with_file=False, story_title=f"Story number {n}")
        client.force_login(editor)
        with django_assert_max_num_queries(30):
            response = client.get(reverse(INDEX_URL))
        html = response.content.decode()
        assert "Story number 11" in html and "Consent" in html and "Written" in html
        make_submission(theme, with_file=False, story_title="Grandmother's archive")
        found = client.get(reverse(INDEX_URL), {"q": "grandmother"}).content.decode()
        assert "Grandmother" in found and "Story number" not in found
        filtered = client.get(reverse(INDEX_URL), {"status": "accepted"})
        assert "Story number" not in filtered.content.decode()


class TestReview:
    def url(self, submission):
        return reverse("submissions_set_status", args=[submission.pk])

    def test_new_to_in_review_to_accepted_records_who_and_when(self, client, submission, editor):
        client.force_login(editor)
        client.post(self.url(submission), {"status": "in-review"})
        client.post(self.url(submission), {"status": "accepted"})
        submission.refresh_from_db()
        assert submission.status == SubmissionStatus.ACCEPTED
        assert submission.status_changed_by == editor
        assert submission.status_changed_at is not None
        lines = list(submission.events.values_list("action", "to_status", "user_name"))
        assert lines == [
            ("submitted", "", ""),
            ("status-changed", "in-review", "eddie"),
            ("status-changed", "accepted", "eddie"),
        ]
        html = client.get(reverse(INSPECT_URL, args=[submission.pk])).content.decode()
        assert "by eddie" in html

    def test_declining_needs_a_reason(self, client, submission, editor):
        client.force_login(editor)
        response = client.post(self.url(submission), {"status": "declined"}, follow=True)
        assert "Please give a reason for declining." in response.content.decode()
        submission.refresh_from_db()
        assert submission.status == "new"
        client.post(self.url(submission), {"status": "declined", "reason": "Outside our themes"})
        submission.refresh_from_db()
        assert submission.status == "declined"
        assert submission.decline_reason == "Outside our themes"
        client.post(self.url(submission), {"status": "archived"})
        submission.refresh_from_db()
        assert submission.status == "archived"

    def test_a_status_cannot_skip_review(self, client, submission, editor):
        client.force_login(editor)
        response = client.post(self.url(submission), {"status": "accepted"}, follow=True)
        assert "cannot become accepted" in response.content.decode()
        submission.refresh_from_db()
        assert submission.status == "new"

    def test_status_changes_need_a_post(self, client, submission, editor):
        client.force_login(editor)
        assert client.get(self.url(submission) + "?status=in-review").status_code == 405


class TestDashboardPanel:
    def test_shows_how_many_wait_and_the_oldest(self, client, editor, theme):
        oldest = make_submission(theme, with_file=False)
        StorySubmission.objects.filter(pk=oldest.pk).update(
            submitted_at=oldest.submitted_at.replace(year=2025)
        )
        reviewing = make_submission(theme, with_file=False)
        change_status(reviewing, "in-review", editor)
        done = make_submission(theme, with_file=False)
        change_status(done, "declined", editor, reason="Spam")
        client.force_login(editor)
        html = client.get(reverse("wagtailadmin_home")).content.decode()
        assert "2 submissions waiting for a decision" in html
        assert "(1 new" in html
        assert f'Oldest waiting: <a href="{reverse(INSPECT_URL, args=[oldest.pk])}">' in html
        assert oldest.reference in html


class TestAddingFilesToTheLibraries:
    def test_only_an_accepted_submissions_files_can_be_added(
        self, client, editor, theme, django_capture_on_commit_callbacks
    ):
        from wagtail.documents import get_document_model
        from wagtail.images import get_image_model
        from wagtailmedia.models import get_media_model

        from submissions.services import create_submission
        from tests.factories import mp3_bytes

        uploads = [
            (SimpleUploadedFile("me.png", png_bytes(), "image/png"), "image", "image/png", "png"),
            (
                SimpleUploadedFile("v.mp3", mp3_bytes(0.3), "audio/mpeg"),
                "audio",
                "audio/mpeg",
                "mp3",
            ),
            (
                SimpleUploadedFile("l.pdf", b"%PDF-1.4\n%%EOF\n", "application/pdf"),
                "pdf",
                "application/pdf",
                "pdf",
            ),
        ]
        submission = create_submission(
            {
                "name": "Kofi Mensah",
                "email": "kofi@example.org",
                "credit_preference": "name",
                "story_title": "What the registry left out",
                "story_text": "Text.",
                "preferred_format": "audio",
                "consent_contact": True,
                "consent_publish": True,
                "consent_edit": True,
                "themes": [theme],
            },
            uploads,
        )
        image_file, audio_file, pdf_file = submission.files.order_by("pk")
        client.force_login(editor)
        url = reverse("submissions_add_file_to_library", args=[image_file.pk])
        client.post(url)
        assert get_image_model().objects.count() == 0  # not accepted yet

        change_status(submission, "in-review", editor)
        change_status(submission, "accepted", editor)
        html = client.get(reverse(INSPECT_URL, args=[submission.pk])).content.decode()
        assert "Add to the image library" in html
        response = client.post(url)
        image = get_image_model().objects.get()
        assert response["Location"] == reverse("wagtailimages:edit", args=[image.pk])
        assert image.illustrator_name == "Kofi Mensah"
        assert image.file.read() == png_bytes()
        client.post(reverse("submissions_add_file_to_library", args=[audio_file.pk]))
        client.post(reverse("submissions_add_file_to_library", args=[pdf_file.pk]))
        assert get_media_model().objects.get().type == "audio"
        assert get_document_model().objects.count() == 1
        # Twice is refused.
        client.post(url)
        assert get_image_model().objects.count() == 1
        image_file.refresh_from_db()
        assert image_file.library_id == image.pk
        # Erasure keeps the library copy (an editorial asset) and says so.
        confirm = client.get(reverse("submissions_erase", args=[submission.pk]))
        assert "3 files from this submission were added to a library" in confirm.content.decode()
