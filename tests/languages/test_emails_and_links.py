"""The confirmation email speaks the language of the form the sender used (the editors' note
stays English), and the section links cost one query per request whatever the template asks."""

import pytest
from django.core import mail
from django.template import Context, Template
from django.test import RequestFactory
from django.utils import translation
from wagtail.models import Site

from submissions.notifications import notify_editors, send_confirmation
from submissions.services import create_submission
from tests import factories


def make_submission(**overrides):
    data = {
        "name": "Eleri",
        "email": "eleri@example.org",
        "credit_preference": "name",
        "story_title": "Y data coll",
        "story_text": "Stori.",
        "preferred_format": "audio",
        "consent_contact": False,
        "consent_publish": True,
        "consent_edit": True,
        "themes": [],
        **overrides,
    }
    return create_submission(data, [])


def test_confirmation_is_in_the_language_of_the_form(
    welsh_site, django_capture_on_commit_callbacks
):
    submission = make_submission()
    submission.language = "cy"  # recorded from the Welsh form's address when it was sent
    with django_capture_on_commit_callbacks(execute=True):
        send_confirmation(submission, welsh_site["share"])
    (message,) = [m for m in mail.outbox if m.to == ["eleri@example.org"]]
    assert message.subject == f"Mae eich stori gyda ni (cyfeirnod {submission.reference})"
    assert "Diolch am rannu eich stori gyda Mind The Gap." in message.body
    assert "cydnabyddiaeth: Wrth fy enw" in message.body
    assert "Thank you" not in message.body and "You told us" not in message.body


def test_confirmation_from_the_english_form_stays_english(
    site_tree, django_capture_on_commit_callbacks
):
    share = factories.ShareYourStoryPageFactory(parent=site_tree["home"])
    with translation.override("en-gb"):  # sent from the English form
        submission = make_submission()
    # Whatever language the worker happens to have active.
    with translation.override("ur"), django_capture_on_commit_callbacks(execute=True):
        send_confirmation(submission, share)
    (message,) = mail.outbox
    assert message.subject.startswith("We have your story (reference ")
    assert "credit: By my name" in message.body


def test_editors_note_stays_english(db, settings, django_capture_on_commit_callbacks):
    settings.SUBMISSIONS_NOTIFY_EMAILS = ["editors@example.org"]
    submission = make_submission()
    with translation.override("cy"), django_capture_on_commit_callbacks(execute=True):
        notify_editors(submission)
    (message,) = mail.outbox
    assert "Preferred format: Audio" in message.body


NAV = (
    '{% load localized_links %}{% section_url "stories" as s %}{% section_url "series" as r %}'
    '{% section_url "contributors" as c %}{% section_url "share" as h %}'
    "{{ s }} {{ r }} {{ c }} {{ h }}"
    '{% section_url "stories" as again %}<a href="{{ s }}"{% aria_current s %}>'
)


def render(path, language, request=None):
    request = request or RequestFactory().get(path)
    with translation.override(language):
        return Template(NAV).render(Context({"request": request})), request


def test_section_links_cost_one_query_per_request(welsh_site, django_assert_num_queries):
    request = RequestFactory().get("/cy/stories/who/")
    # Routing has found the request's Site before any template runs.
    Site.find_for_request(request)
    with django_assert_num_queries(1):
        html, request = render("/cy/stories/who/", "cy", request)
    assert html.startswith("/cy/stories/ /cy/series/ /cy/contributors/ /cy/share-your-story/")
    assert 'href="/cy/stories/" aria-current="true"' in html
    # Rendering again for the same request asks nothing more.
    with django_assert_num_queries(0):
        again, _request = render("/cy/stories/who/", "cy", request)
    assert again == html


def test_section_links_fall_back_to_the_default_language(welsh_site):
    html, _request = render("/ur/", "ur")
    assert html.startswith("/stories/ /series/ /contributors/ /share-your-story/")
    assert "aria-current" not in html


def test_section_links_without_pages_keep_the_old_addresses(db):
    html, _request = render("/stories/", "en-gb")
    assert html.startswith("/stories/ /series/ /contributors/ /share-your-story/")
    assert 'aria-current="page"' in html


@pytest.mark.parametrize("path", ["/cy/stories/", "/stories/"])
def test_english_index_is_not_current_on_another_language_path(welsh_site, path):
    html, _request = render(path, "en-gb")
    assert html.startswith("/stories/ ")
    assert ("aria-current" in html) == (path == "/stories/")
