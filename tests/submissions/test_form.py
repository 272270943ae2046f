"""The public form: what a visitor sees, what is stored, and every way a post can be refused."""

import logging
import re
import smtplib
import time
from pathlib import Path

import pytest
from django.conf import settings
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile

from illustrations.models import Illustration
from submissions import uploads
from submissions.forms import make_stamp
from submissions.models import StorySubmission, SubmissionFile, submission_storage
from tests.factories import mp3_bytes, png_bytes

PDF_BYTES = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"

pytestmark = pytest.mark.django_db


def post(client, page, data, **extra):
    return client.post(page.url, data, **extra)


def another_form(data):
    """The same answers in a newly rendered form (its own stamp): not a replay."""
    return {**data, "started": make_stamp(time.time() - 60)}


def stored_files():
    root = Path(settings.STORAGES["submissions"]["OPTIONS"]["location"])
    return {p for p in root.rglob("*") if p.is_file()}


def assert_nothing_stored(before_files=frozenset()):
    assert StorySubmission.objects.count() == 0
    assert SubmissionFile.objects.count() == 0
    assert stored_files() <= set(before_files)


class TestTheFormPage:
    def test_is_never_cached_and_carries_csrf_and_a_signed_stamp(
        self, client, share_page, django_assert_max_num_queries
    ):
        client.get(share_page.url)  # creates the footer settings; remembers the Locale
        with django_assert_max_num_queries(10):
            response = client.get(share_page.url)
        assert response.status_code == 200
        assert "no-store" in response["Cache-Control"]
        assert "public" not in response["Cache-Control"]
        html = response.content.decode()
        assert 'name="csrfmiddlewaretoken"' in html
        assert re.search(r'name="started" value="[^"]+:[^"]+"', html)

    def test_theme_choices_do_not_add_queries_per_theme(
        self, client, share_page, django_assert_max_num_queries
    ):
        from tests.factories import ThemeFactory

        for n in range(15):
            ThemeFactory(name=f"Theme {n}", slug=f"theme-many-{n}")
        # The first view also creates the site's footer settings and reads the active Locale
        # (remembered afterwards): measure a reader's view after it.
        client.get(share_page.url)
        with django_assert_max_num_queries(10):
            response = client.get(share_page.url)
        assert response.content.decode().count('name="themes"') == 15

    def test_every_field_has_a_label_and_hints_are_linked(self, client, share_page):
        html = client.get(share_page.url).content.decode()
        for field_id in ("id_name", "id_email", "id_story_title", "id_story_text", "id_files"):
            assert f'for="{field_id}"' in html
        assert 'aria-describedby="id_email_helptext"' in html
        assert 'id="id_email_helptext"' in html
        # Radio groups are fieldsets with the question as legend.
        assert "How would you like to be credited" in html
        assert "<legend" in html
        # The stated file limits.
        assert "Up to 3 files" in html
        # Three separate consents, none ticked, and the data-use link beside them.
        for name in ("consent_contact", "consent_publish", "consent_edit"):
            assert re.search(rf'<input type="checkbox" name="{name}"(?![^>]*checked)', html)
        assert 'href="#how-we-use-your-data"' in html
        assert 'id="how-we-use-your-data"' in html
        # No inline script or style: the strict CSP holds.
        assert "<script>" not in html and "style=" not in html

    def test_the_data_use_text_has_its_own_address(self, client, share_page):
        response = client.get(share_page.url + "how-we-use-your-data/")
        assert response.status_code == 200
        assert b"We delete it on request" in response.content

    def test_page_rules(self, site_tree, share_page):
        from wagtail.test.utils import WagtailPageTestCase

        from home.models import HomePage
        from submissions.models import ShareYourStoryPage

        case = WagtailPageTestCase()
        case.assertAllowedParentPageTypes(ShareYourStoryPage, {HomePage})
        assert ShareYourStoryPage.max_count == 1
        assert not ShareYourStoryPage.can_create_at(site_tree["home"])  # one already exists


class TestAHappyPost:
    def test_stores_everything_then_redirects_to_a_confirmation(
        self, client, share_page, form_data, theme, editor
    ):
        response = post(client, share_page, form_data)
        assert response.status_code == 302
        submission = StorySubmission.objects.get()
        assert submission.name == "Ama Owusu"
        assert submission.email == "ama@example.org"
        assert submission.status == "new"
        assert (submission.consent_contact, submission.consent_publish) == (True, True)
        assert list(submission.themes.all()) == [theme]
        assert submission.events.get().action == "submitted"

        confirmation = client.get(response["Location"])
        assert confirmation.status_code == 200
        assert submission.reference in confirmation.content.decode()
        assert "no-store" in confirmation["Cache-Control"]

    def test_sends_a_confirmation_and_tells_editors_without_personal_data(
        self, client, share_page, form_data, editor, django_capture_on_commit_callbacks
    ):
        # The emails are a task, queued when the submission is stored.
        with django_capture_on_commit_callbacks(execute=True):
            post(client, share_page, form_data)
        submission = StorySubmission.objects.get()
        to_sender = [m for m in mail.outbox if m.to == ["ama@example.org"]]
        to_editors = [m for m in mail.outbox if editor.email in m.to]
        assert len(to_sender) == 1 and submission.reference in to_sender[0].subject
        assert "how-we-use-your-data" in to_sender[0].body
        assert len(to_editors) == 1
        note = to_editors[0].subject + to_editors[0].body
        assert submission.reference in note
        for personal in ("Ama", "ama@example.org", "forgot us", "blood"):
            assert personal not in note

    def test_files_go_to_private_storage_not_the_libraries(self, client, share_page, form_data):
        form_data["files"] = [
            SimpleUploadedFile("me.png", png_bytes(), content_type="image/png"),
            SimpleUploadedFile("voice.mp3", mp3_bytes(0.2), content_type="audio/mpeg"),
            SimpleUploadedFile("letter.pdf", PDF_BYTES, content_type="application/pdf"),
        ]
        assert post(client, share_page, form_data).status_code == 302
        files = list(SubmissionFile.objects.order_by("pk"))
        assert [f.kind for f in files] == ["image", "audio", "pdf"]
        assert [f.original_name for f in files] == ["me.png", "voice.mp3", "letter.pdf"]
        private_root = Path(settings.STORAGES["submissions"]["OPTIONS"]["location"]).resolve()
        media_root = Path(settings.MEDIA_ROOT).resolve()
        for stored in files:
            path = Path(stored.file.path).resolve()
            assert path.is_file() and private_root in path.parents
            assert media_root not in path.parents
            # The sender's file name is not part of the stored path.
            assert stored.original_name not in stored.file.name
        with pytest.raises(ValueError):
            submission_storage().url(files[0].file.name)
        assert Illustration.objects.count() == 0

    def test_a_disguised_but_real_file_is_typed_by_its_content(self, client, share_page, form_data):
        form_data["files"] = [SimpleUploadedFile("notes.pdf", png_bytes(), "application/pdf")]
        assert post(client, share_page, form_data).status_code == 302
        stored = SubmissionFile.objects.get()
        assert (stored.kind, stored.content_type) == ("image", "image/png")
        assert stored.file.name.endswith(".png")


class TestRefusedPosts:
    """Each refusal: a clear message, the input kept, nothing stored."""

    def assert_refused(self, response, message, status=400):
        assert response.status_code == status
        html = response.content.decode()
        assert message in html
        assert "<title>Error:" in html
        assert StorySubmission.objects.count() == 0
        # What the visitor typed is still there.
        assert 'value="Ama Owusu"' in html
        assert "Nobody told us what came of it." in html
        return html

    def test_missing_publication_consent(self, client, share_page, form_data):
        del form_data["consent_publish"]
        html = self.assert_refused(
            post(client, share_page, form_data), "Please tick to say we may publish your story"
        )
        # The error summary links to the checkbox, which exists with that id.
        assert 'href="#id_consent_publish"' in html
        assert 'id="id_consent_publish"' in html
        assert 'aria-invalid="true"' in html
        # The other choices are kept too.
        assert re.search(r'name="consent_contact"[^>]*checked', html)

    def test_missing_fields_are_listed_in_form_order_and_linked(
        self, client, share_page, form_data
    ):
        for name in ("email", "credit_preference", "story_title"):
            del form_data[name]
        response = post(client, share_page, form_data)
        html = response.content.decode()
        start = html.index('class="error-summary"')
        summary = html[start : html.index("</ul>", start)]
        links = re.findall(r'href="#([^"]+)"', summary)
        assert links == ["id_email", "id_credit_preference_0", "id_story_title"]
        for anchor in links:
            assert f'id="{anchor}"' in html
        assert StorySubmission.objects.count() == 0

    def test_oversized_file(self, client, share_page, form_data, monkeypatch):
        monkeypatch.setattr(uploads, "MAX_FILE_SIZE", 1024)
        form_data["files"] = [SimpleUploadedFile("big.png", png_bytes(400, 400), "image/png")]
        html = self.assert_refused(post(client, share_page, form_data), "each file can be up to")
        assert "please attach them again" in html
        assert_nothing_stored()

    def test_too_much_in_total(self, client, share_page, form_data, monkeypatch):
        monkeypatch.setattr(uploads, "MAX_TOTAL_SIZE", 200)
        form_data["files"] = [
            SimpleUploadedFile("a.pdf", PDF_BYTES * 3, "application/pdf"),
            SimpleUploadedFile("b.pdf", PDF_BYTES * 3, "application/pdf"),
        ]
        self.assert_refused(post(client, share_page, form_data), "together they can be up to")
        assert_nothing_stored()

    def test_too_many_files(self, client, share_page, form_data):
        form_data["files"] = [
            SimpleUploadedFile(f"{n}.pdf", PDF_BYTES, "application/pdf") for n in range(4)
        ]
        self.assert_refused(post(client, share_page, form_data), "please choose at most 3")
        assert_nothing_stored()

    @pytest.mark.parametrize(
        "name, content",
        [
            ("photo.jpg", b"<html><script>alert(1)</script></html>"),
            ("story.pdf", b"MZ\x90\x00\x03\x00\x00\x00" + b"\x00" * 200),  # a Windows program
            ("song.mp3", b"just some text pretending to be audio"),
        ],
    )
    def test_disguised_file(self, client, share_page, form_data, name, content):
        form_data["files"] = [SimpleUploadedFile(name, content, "image/jpeg")]
        html = self.assert_refused(post(client, share_page, form_data), "We could not recognise")
        assert name in html
        assert_nothing_stored()

    def test_truncated_image(self, client, share_page, form_data):
        broken = png_bytes(40, 40)[:60]
        form_data["files"] = [SimpleUploadedFile("me.png", broken, "image/png")]
        self.assert_refused(post(client, share_page, form_data), "could not be read")
        assert_nothing_stored()

    def test_honeypot_filled(self, client, share_page, form_data):
        form_data["website"] = "http://spam.example"
        self.assert_refused(post(client, share_page, form_data), "Leave this field empty")
        assert len(mail.outbox) == 0

    def test_too_fast(self, client, share_page, form_data):
        form_data["started"] = make_stamp(time.time() - 1)
        html = self.assert_refused(post(client, share_page, form_data), "quicker than a person")
        # The original stamp is kept, so sending again a little later works.
        assert f'value="{form_data["started"]}"' in html

    @pytest.mark.parametrize("stamp", ["", "forged:value", make_stamp(time.time() - 10 * 86400)])
    def test_missing_forged_or_stale_stamp(self, client, share_page, form_data, stamp):
        form_data["started"] = stamp
        html = self.assert_refused(post(client, share_page, form_data), "could not be checked")
        fresh = re.search(r'name="started" value="([^"]+)"', html).group(1)
        assert fresh != stamp

    def test_html_in_the_story(self, client, share_page, form_data):
        form_data["story_text"] = (
            'We were asked for our blood. <script>alert("x")</script>\n\n'
            "Nobody told us what came of it."
        )
        html = self.assert_refused(post(client, share_page, form_data), "We accept plain text")
        # Shown back escaped, never as markup.
        assert "<script>alert" not in html
        assert "&lt;script&gt;" in html

    def test_html_in_the_title(self, client, share_page, form_data):
        form_data["story_title"] = '<a href="https://spam.example">cheap pills</a>'
        self.assert_refused(post(client, share_page, form_data), "We accept plain text")

    def test_angle_brackets_that_are_not_html_are_fine(self, client, share_page, form_data):
        form_data["story_text"] = "The odds were < 1 in 10, and I love my nurse <3"
        assert post(client, share_page, form_data).status_code == 302

    def test_rate_limit(self, client, share_page, form_data, settings):
        settings.SUBMISSIONS_RATE_LIMIT = "2/h"
        assert post(client, share_page, another_form(form_data)).status_code == 302
        assert post(client, share_page, another_form(form_data)).status_code == 302
        # A forged X-Forwarded-For does not make a new visitor: no proxy is trusted.
        response = post(
            client, share_page, another_form(form_data), HTTP_X_FORWARDED_FOR="203.0.113.9"
        )
        assert response.status_code == 429
        html = response.content.decode()
        assert "please wait an hour" in html
        assert 'value="Ama Owusu"' in html
        assert StorySubmission.objects.count() == 2

    def test_rate_limit_is_per_visitor_behind_a_trusted_proxy(
        self, client, share_page, form_data, settings
    ):
        settings.SUBMISSIONS_RATE_LIMIT = "1/h"
        settings.TRUSTED_PROXIES = ["10.0.0.0/8"]
        proxy = {"REMOTE_ADDR": "10.0.0.5"}

        def send(address):
            return post(
                client, share_page, another_form(form_data), HTTP_X_FORWARDED_FOR=address, **proxy
            )

        first, other, again = send("198.51.100.1"), send("198.51.100.2"), send("198.51.100.1")
        assert (first.status_code, other.status_code, again.status_code) == (302, 302, 429)


class TestNothingLost:
    def test_an_email_failure_still_stores_the_submission(
        self,
        client,
        share_page,
        form_data,
        editor,
        monkeypatch,
        caplog,
        django_capture_on_commit_callbacks,
    ):
        def refuse(*args, recipient_list, **kwargs):
            raise smtplib.SMTPRecipientsRefused({recipient_list[0]: (550, b"no such user")})

        monkeypatch.setattr("submissions.notifications.send_mail", refuse)
        with caplog.at_level(logging.INFO), django_capture_on_commit_callbacks(execute=True):
            response = post(client, share_page, form_data)
        assert response.status_code == 302
        submission = StorySubmission.objects.get()
        assert submission.story_text.startswith("We were asked")
        assert "Could not send the confirmation email" in caplog.text
        assert submission.reference in caplog.text
        for personal in ("ama@example.org", "Ama Owusu", "forgot us", editor.email):
            assert personal not in caplog.text

    def test_a_storage_failure_keeps_the_text_on_screen_and_stores_nothing(
        self, client, share_page, form_data, monkeypatch
    ):
        before = stored_files()
        original_save = SubmissionFile.save

        def broken_save(self, *args, **kwargs):
            raise OSError("disk full")

        monkeypatch.setattr(SubmissionFile, "save", broken_save)
        form_data["files"] = [SimpleUploadedFile("me.png", png_bytes(), "image/png")]
        response = post(client, share_page, form_data)
        monkeypatch.setattr(SubmissionFile, "save", original_save)
        assert response.status_code == 503
        assert b"your story was not saved" in response.content
        assert b"Nobody told us what came of it." in response.content
        assert_nothing_stored(before)
        assert len(mail.outbox) == 0

    def test_the_confirmation_needs_a_signed_reference(self, client, share_page):
        response = client.get(share_page.url + "thanks/?ref=MTG-AAAA-BBBB")
        assert response.status_code == 302
        assert response["Location"] == share_page.url

    def test_personal_data_never_reaches_the_log(
        self, client, share_page, form_data, caplog, settings
    ):
        settings.SUBMISSIONS_RATE_LIMIT = "1/h"
        with caplog.at_level(logging.DEBUG):
            post(client, share_page, form_data)
            post(client, share_page, form_data)  # rate limited
            form_data["website"] = "spam"
            post(client, share_page, form_data)
        for personal in ("Ama", "ama@example.org", "forgot us", "blood"):
            assert personal not in caplog.text
