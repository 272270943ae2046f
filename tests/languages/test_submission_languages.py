"""People sending stories in Welsh and Urdu: the form under /cy/ and /ur/, the language and the
consent wording each submission records, the emails in the sender's language, the inbox's
language column and filter, and the draft story made in the submission's language."""

import time

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.urls import reverse
from django.utils import translation
from wagtail.models import Locale, Page
from wagtail_localize.models import TranslationSource

from collection.models import StoryIndexPage, StoryPage
from submissions import notifications
from submissions.forms import make_stamp
from submissions.models import StorySubmission
from submissions.services import change_status, create_draft_story
from tests import factories

from .translation_helpers import locale
from .translation_helpers import translate as translate_with_localize

WELSH_CONSENT = "Rydych chi'n cytuno i ni gadw'ch stori'n ddiogel."
URDU_CONSENT = "آپ اس بات سے متفق ہیں کہ ہم آپ کی کہانی محفوظ رکھیں۔"


def translate(obj, code, strings=None):
    """Translate as the other language tests do; wagtail-localize publishes a page's translation
    on commit, which never comes inside a test's transaction, so its revision is published here."""
    translated = translate_with_localize(obj, code, strings)
    if isinstance(translated, Page):
        translated.save_revision().publish()
    return translated


@pytest.fixture
def share_pages(site_tree):
    """The share page in English, Welsh and Urdu, with its consent text translated."""
    page = factories.ShareYourStoryPageFactory(
        parent=site_tree["home"], consent_text="<p>You agree that we keep your story safe.</p>"
    )
    page.save_revision().publish()
    for code in ("cy", "ur"):
        translate(site_tree["home"], code)
    welsh = translate(
        page,
        "cy",
        {
            "You agree that we keep your story safe.": WELSH_CONSENT,
            "share-your-story": "rhannu-eich-stori",
        },
    )
    urdu = translate(page, "ur", {"You agree that we keep your story safe.": URDU_CONSENT})
    return {"en-gb": page, "cy": welsh, "ur": urdu}


@pytest.fixture
def form_data(db):
    return {
        "name": "Ama Owusu",
        "email": "ama@example.org",
        "credit_preference": "name",
        "story_title": "Yr astudiaeth a'n hanghofiodd",
        "story_text": "Gofynnwyd am ein gwaed.\n\nNi ddywedodd neb wrthym beth ddaeth ohono.",
        "preferred_format": "written",
        "consent_contact": "on",
        "consent_publish": "on",
        "website": "",
        "started": make_stamp(time.time() - 60),
    }


@pytest.fixture
def editor(db, django_user_model):
    user = django_user_model.objects.create_user(
        username="eira", email="eira@example.org", password="pw"
    )
    user.groups.add(Group.objects.get(name="Editors"))
    return user


@pytest.mark.parametrize(("code", "consent"), [("cy", WELSH_CONSENT), ("ur", URDU_CONSENT)])
def test_the_form_works_in_each_language_and_records_it(
    client, share_pages, form_data, code, consent, django_capture_on_commit_callbacks
):
    page = share_pages[code]
    assert page.url.startswith(f"/{code}/")
    response = client.get(page.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert consent in html and 'name="consent_publish"' in html

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(page.url, form_data)
    assert response.status_code == 302
    assert response.url.startswith(f"{page.url}thanks/")
    assert client.get(response.url).status_code == 200

    submission = StorySubmission.objects.get()
    assert submission.language == code
    # What the sender agreed to, as they saw it: the page's consent text in their language and
    # each question with their answer.
    assert submission.consent_text.startswith(consent)
    assert "[x] " in submission.consent_text and "[ ] " in submission.consent_text
    # The confirmation links to the data-use page in their language.
    confirmation = next(m for m in mail.outbox if m.to == ["ama@example.org"])
    assert f"/{code}/" in confirmation.body


def test_an_english_submission_records_english(client, share_pages, form_data):
    client.post(share_pages["en-gb"].url, form_data)
    submission = StorySubmission.objects.get()
    assert submission.language == "en-gb"
    assert submission.consent_text.startswith("You agree that we keep your story safe.")


def test_the_confirmation_is_rendered_in_the_senders_language(share_pages, monkeypatch):
    submission = StorySubmission.objects.create(
        name="Ama",
        email="ama@example.org",
        credit_preference="name",
        story_title="T",
        story_text="S",
        preferred_format="written",
        consent_publish=True,
        language="ur",
    )
    seen = []
    real_render = notifications.render_to_string

    def spy(template, context):
        seen.append((template, translation.get_language(), context.get("data_use_url")))
        return real_render(template, context)

    monkeypatch.setattr(notifications, "render_to_string", spy)
    with translation.override("en-gb"):  # whatever the worker has active
        notifications.send_confirmation(submission, share_pages["ur"])
    template, language, data_use_url = seen[0]
    assert template == "submissions/email/confirmation.txt"
    assert language == "ur"
    assert "/ur/" in data_use_url
    assert translation.get_language() != "ur"  # and only for that email


def test_themes_on_the_form_are_in_the_visitors_language(client, share_pages):
    consent = factories.ThemeFactory(name="Consent", slug="consent")
    consent_cy = translate(consent, "cy", {"Consent": "Cydsyniad"})
    genomics = factories.ThemeFactory(name="Genomics", slug="genomics")  # not in Welsh yet

    welsh = client.get(share_pages["cy"].url).content.decode()
    english = client.get(share_pages["en-gb"].url).content.decode()

    offered = 'name="themes" value="{}"'.format
    assert offered(consent_cy.pk) in welsh and offered(genomics.pk) in welsh
    assert offered(consent.pk) not in welsh
    assert offered(consent.pk) in english and offered(consent_cy.pk) not in english


def submission_in(language, **extra):
    data = {
        "name": "Ama Owusu",
        "email": "ama@example.org",
        "credit_preference": "name",
        "story_title": "کہانی",
        "story_text": "پہلا پیراگراف۔\n\nدوسرا پیراگراف۔",
        "preferred_format": "written",
        "consent_publish": True,
        "language": language,
    }
    data.update(extra)
    return StorySubmission.objects.create(**data)


def test_the_inbox_shows_and_filters_by_language(client, db, editor):
    welsh = submission_in("cy", story_title="Stori Gymraeg")
    urdu = submission_in("ur", story_title="اردو کہانی")
    client.force_login(editor)
    index = reverse("submissions_inbox:index")

    html = client.get(index).content.decode()
    assert "Welsh (Cymraeg)" in html and "Urdu (اردو)" in html
    # The filter offers the languages stories came in, not the site's hundred.
    assert 'value="cy"' in html and 'value="fr"' not in html

    filtered = client.get(index, {"language": "cy"}).content.decode()
    assert welsh.reference in filtered and urdu.reference not in filtered

    inspect = client.get(reverse("submissions_inbox:inspect", args=[urdu.pk])).content.decode()
    assert "in Urdu (اردو)" in inspect


def test_a_draft_story_starts_in_the_submissions_language(site_tree, editor):
    theme = factories.ThemeFactory(name="Consent", slug="consent")
    theme_ur = translate(theme, "ur", {"Consent": "رضامندی"})
    submission = submission_in("ur")
    submission.themes.set([theme])
    change_status(submission, "in-review", editor)
    change_status(submission, "accepted", editor)
    assert not StoryIndexPage.objects.filter(locale=locale("ur")).exists()

    story = create_draft_story(submission, editor)

    story = StoryPage.objects.get(pk=story.pk)
    assert story.locale == locale("ur")
    index = story.get_parent().specific
    assert isinstance(index, StoryIndexPage) and index.locale == locale("ur")
    # The Urdu index was made as a translation of the English one, for translators to finish.
    assert index.translation_key == site_tree["stories"].translation_key
    assert not index.live
    assert TranslationSource.objects.filter(object_id=site_tree["stories"].translation_key).exists()
    assert story.slug == "کہانی"
    assert list(story.themes.all()) == [theme_ur]
    credit = story.story_contributors.get().contributor
    # No Urdu contributors index yet: the draft contributor page is made in the default one.
    assert credit.locale == Locale.get_default()
    assert not story.live


def test_a_draft_story_uses_an_existing_welsh_index(site_tree, editor):
    index_cy = translate(site_tree["stories"], "cy", {"Stories": "Straeon"})
    submission = submission_in("cy", story_title="Stori")
    change_status(submission, "in-review", editor)
    change_status(submission, "accepted", editor)
    story = create_draft_story(submission, editor)
    assert story.get_parent().pk == index_cy.pk
    assert story.locale == locale("cy")
    assert StoryIndexPage.objects.filter(locale=locale("cy")).count() == 1


def test_the_admin_says_when_the_index_is_not_published(client, site_tree, editor):
    submission = submission_in("ur")
    change_status(submission, "in-review", editor)
    change_status(submission, "accepted", editor)
    client.force_login(editor)
    response = client.post(
        reverse("submissions_make_draft_story", args=[submission.pk]), follow=True
    )
    assert response.status_code == 200
    assert "whose stories index is not published yet" in response.content.decode()


def test_the_editors_note_is_in_the_teams_language(db, editor, monkeypatch):
    submission = submission_in("ur")
    seen = []
    real_render = notifications.render_to_string

    def spy(template, context):
        seen.append((template, translation.get_language()))
        return real_render(template, context)

    monkeypatch.setattr(notifications, "render_to_string", spy)
    with translation.override("ur"):  # as inside the sender's request
        notifications.notify_editors(submission)
    assert seen == [("submissions/email/editor_notification.txt", "en-gb")]
    assert mail.outbox[-1].to == [editor.email]
