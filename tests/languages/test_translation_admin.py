# ruff: noqa: F811 - test arguments named like the fixtures imported from translation_helpers
"""Translating in the admin with wagtail-localize, through its views as the people who use
them: submitting, the translation editor and its segments, publishing, out of date and sync,
for pages and snippets (themes, footer text); who may do what (Editors translate and submit for
review, Reviewers publish, Illustrators nothing)."""

import json

import pytest
from django.urls import reverse
from wagtail.models import Page, WorkflowState
from wagtail_localize.models import StringTranslation, TranslationSource

from collection.models import StoryPage, Theme
from collection.translation_admin import out_of_date
from home.models import FooterText
from tests import factories

# Fixtures shared with the other language tests (pytest finds them by name here).
from .translation_helpers import (  # noqa: F401
    editor,
    english,
    illustrator,
    locale,
    reviewer,
    translate,
    welsh_sections,
)

# --- The admin views, as the people who use them ----------------------------------------------


def editor_props(response):
    """The data wagtail-localize's translation editor is drawn from."""
    html = response.content.decode()
    start = html.index('data-props="') + len('data-props="')
    import html as html_lib

    return json.loads(html_lib.unescape(html[start : html.index('"', start)]))


def put_segment(client, translation, segment, value):
    from django.test.client import encode_multipart

    url = reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk])
    return client.put(
        url,
        encode_multipart("BoUnDaRy", {"value": value}),
        content_type="multipart/form-data; boundary=BoUnDaRy",
    )


def test_story_translation_from_submit_to_sync(
    client, welsh_sections, editor, reviewer, django_capture_on_commit_callbacks
):
    story = factories.StoryPageFactory(
        parent=welsh_sections["stories"], title="Left out", summary="Who is missing."
    )
    story.save_revision().publish()
    cy = locale("cy")

    # An Editor submits the story for translation into Welsh.
    client.force_login(editor)
    url = reverse("wagtail_localize:submit_page_translation", args=[story.pk])
    assert client.get(url).status_code == 200
    # (wagtail-localize publishes on commit: run what it leaves for then.)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"locales": [cy.pk]})
    assert response.status_code == 302
    story_cy = story.get_translation(cy)
    assert not story_cy.live  # a draft, though the original is live

    # Its editor lists the segments, StreamField body included.
    response = client.get(reverse("wagtailadmin_pages:edit", args=[story_cy.pk]))
    assert response.status_code == 200
    props = editor_props(response)
    sources = {segment["source"] for segment in props["segments"] if "source" in segment}
    assert {"Left out", "Who is missing.", "Most studies draw on few communities."} <= sources
    assert props["perms"]["canPublish"] is False

    source = TranslationSource.objects.get(object_id=story.translation_key)
    translation = source.translations.get(target_locale=cy)
    welsh = {
        "Left out": "Wedi'u gadael allan",
        "left-out": "wedi-eu-gadael-allan",
        "Who is missing.": "Pwy sydd ar goll.",
        "Most studies draw on few communities.": "Ychydig o gymunedau sydd yn y rhan fwyaf o "
        "astudiaethau.",
    }
    segments = list(source.stringsegment_set.select_related("string"))
    first, rest = segments[0], segments[1:]
    assert put_segment(client, translation, first, welsh[first.string.data]).status_code == 201

    # Publishing is not the Editor's to do; submitting half a translation is refused.
    publish = client.post(
        reverse("wagtailadmin_pages:edit", args=[story_cy.pk]), {"action": "publish"}
    )
    assert publish.status_code == 302 and publish.url == reverse("wagtailadmin_home")
    assert not Page.objects.get(pk=story_cy.pk).live
    submit_url = reverse("collection_submit_translation_for_review", args=[translation.pk])
    assert client.get(submit_url).status_code == 200
    client.post(submit_url)
    assert not WorkflowState.objects.filter(object_id=str(story_cy.pk)).exists()

    for segment in rest:
        assert (
            put_segment(client, translation, segment, welsh[segment.string.data]).status_code == 201
        )
    response = client.post(submit_url)
    assert response.status_code == 302
    state = WorkflowState.objects.get(object_id=str(story_cy.pk), status="in_progress")
    assert not Page.objects.get(pk=story_cy.pk).live
    # Submitting it again while it waits starts nothing more.
    client.post(submit_url)
    assert WorkflowState.objects.filter(object_id=str(story_cy.pk)).count() == 1

    # The Reviewer approves it: the Welsh story is published.
    client.force_login(reviewer)
    state.current_task_state.approve(user=reviewer)
    story_cy = StoryPage.objects.get(pk=story_cy.pk)
    assert story_cy.live and story_cy.title == "Wedi'u gadael allan"
    assert story_cy.summary == "Pwy sydd ar goll."
    assert not out_of_date(source)

    # The original changes: the translation says it is out of date, and can be synced.
    story.summary = "Who is missing, and why."
    story.save_revision().publish()
    source.refresh_from_db()
    assert out_of_date(source)
    client.force_login(editor)
    response = client.get(reverse("wagtailadmin_pages:edit", args=[story_cy.pk]), follow=True)
    assert "has changed since this translation was last synced" in response.content.decode()
    sync_url = reverse("wagtail_localize:update_translations", args=[source.pk])
    assert client.get(sync_url).status_code == 200
    assert client.post(sync_url, {}).status_code == 302
    source.refresh_from_db()
    assert not out_of_date(source)
    new_segment = source.stringsegment_set.get(string__data="Who is missing, and why.")
    assert (
        put_segment(client, translation, new_segment, "Pwy sydd ar goll, a pham.").status_code
        == 201
    )
    client.force_login(reviewer)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("wagtailadmin_pages:edit", args=[story_cy.pk]), {"action": "publish"})
    story_cy = StoryPage.objects.get(pk=story_cy.pk)
    assert story_cy.summary == "Pwy sydd ar goll, a pham."
    assert story_cy.live and not story_cy.has_unpublished_changes
    assert story_cy.live_revision.as_object().summary == "Pwy sydd ar goll, a pham."


def test_a_reviewer_cannot_publish_half_a_translation(client, welsh_sections, reviewer):
    story = factories.StoryPageFactory(parent=welsh_sections["stories"], title="Left out")
    story.save_revision().publish()
    client.force_login(reviewer)
    client.post(
        reverse("wagtail_localize:submit_page_translation", args=[story.pk]),
        {"locales": [locale("cy").pk]},
    )
    story_cy = story.get_translation(locale("cy"))
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[story_cy.pk]), {"action": "publish"}, follow=True
    )
    assert "not translated yet" in response.content.decode()
    assert not Page.objects.get(pk=story_cy.pk).live


@pytest.mark.parametrize("kind", ["theme", "footer"])
def test_snippet_translation_from_submit_to_sync(client, db, editor, kind):
    if kind == "theme":
        original = factories.ThemeFactory(name="Consent", slug="consent")
        text, welsh, changed = "Consent", "Cydsyniad", "Informed consent"
        field = "name"
    else:
        original = FooterText.objects.create(locale=english(), about_text="Data gaps.")
        text, welsh, changed = "Data gaps.", "Bylchau data.", "Gaps in data."
        field = "about_text"
    cy = locale("cy")
    client.force_login(editor)
    meta = original._meta
    url = reverse(
        "wagtail_localize:submit_snippet_translation",
        args=[meta.app_label, meta.model_name, original.pk],
    )
    assert client.post(url, {"locales": [cy.pk]}).status_code == 302
    translated = original.get_translation(cy)
    edit_url = reverse(
        f"wagtailsnippets_{meta.app_label}_{meta.model_name}:edit", args=[translated.pk]
    )
    response = client.get(edit_url)
    assert response.status_code == 200
    assert text in {s.get("source") for s in editor_props(response)["segments"]}

    source = TranslationSource.objects.get(object_id=original.translation_key)
    translation = source.translations.get(target_locale=cy)
    segment = source.stringsegment_set.get(string__data=text)
    assert put_segment(client, translation, segment, welsh).status_code == 201
    client.post(edit_url, {"action": "publish"})
    translated.refresh_from_db()
    assert getattr(translated, field) == welsh

    setattr(original, field, changed)
    original.save()
    assert out_of_date(source)
    assert "has changed since" in client.get(edit_url, follow=True).content.decode()
    sync_url = reverse("wagtail_localize:update_translations", args=[source.pk])
    assert client.post(sync_url, {}).status_code == 302
    source.refresh_from_db()
    assert not out_of_date(source)
    assert source.stringsegment_set.filter(string__data=changed).exists()


def test_illustrators_see_nothing_of_translation(client, welsh_sections, illustrator, editor):
    story = factories.StoryPageFactory(parent=welsh_sections["stories"], title="A secret draft")
    source, _ = TranslationSource.get_or_create_from_instance(story)
    translation = source.translations.create(target_locale=locale("cy"))
    theme = factories.ThemeFactory(name="Consent", slug="consent")
    client.force_login(illustrator)
    urls = [
        reverse("wagtail_localize:submit_page_translation", args=[story.pk]),
        reverse(
            "wagtail_localize:submit_snippet_translation", args=["collection", "theme", theme.pk]
        ),
        reverse("wagtail_localize:update_translations", args=[source.pk]),
        reverse("wagtail_localize:translations_report"),
        reverse("wagtail_localize:snippets_api_listing", args=["collection", "theme"]),
        reverse("wagtail_localize:preview_translation", args=[translation.pk]),
        reverse("collection_submit_translation_for_review", args=[translation.pk]),
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code in (302, 403), url
        assert "A secret draft" not in response.content.decode(), url
    assert not Theme.objects.filter(locale=locale("cy")).exists()
    # Nor is the report offered in their menu.
    report = reverse("wagtail_localize:translations_report")
    assert report not in client.get(reverse("wagtailadmin_home")).content.decode()
    client.force_login(editor)
    assert report in client.get(reverse("wagtailadmin_home")).content.decode()


def test_sync_publishes_only_what_the_person_may_publish_and_is_translated(
    client, welsh_sections, editor, reviewer, django_capture_on_commit_callbacks
):
    story = factories.StoryPageFactory(
        parent=welsh_sections["stories"], title="Left out", summary="Who is missing."
    )
    story.save_revision().publish()
    welsh = {
        "Left out": "Wedi'u gadael allan",
        "Who is missing.": "Pwy sydd ar goll.",
        "Most studies draw on few communities.": "Ychydig o gymunedau.",
        "left-out": "wedi-eu-gadael-allan",
    }
    with django_capture_on_commit_callbacks(execute=True):
        story_cy = translate(story, "cy", welsh)
    assert StoryPage.objects.get(pk=story_cy.pk).summary == "Pwy sydd ar goll."
    source = TranslationSource.objects.get(object_id=story.translation_key)
    sync_url = reverse("wagtail_localize:update_translations", args=[source.pk])

    # A new sentence nobody has translated: "Publish immediately" publishes nothing half Welsh.
    story.summary = "Who is missing, and why."
    story.save_revision().publish()
    client.force_login(reviewer)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(sync_url, {"publish_translations": "on"}, follow=True)
    assert "Not published, waiting for translation or review: Welsh" in response.content.decode()
    live = StoryPage.objects.get(pk=story_cy.pk).live_revision.as_object()
    assert live.summary == "Pwy sydd ar goll."

    # Translated, but an Editor asks: still held for review.
    segment = source.stringsegment_set.get(string__data="Who is missing, and why.")
    StringTranslation.objects.create(
        translation_of=segment.string,
        locale=locale("cy"),
        context=segment.context,
        data="Pwy sydd ar goll, a pham.",
    )
    client.force_login(editor)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(sync_url, {"publish_translations": "on"})
    live = StoryPage.objects.get(pk=story_cy.pk).live_revision.as_object()
    assert live.summary == "Pwy sydd ar goll."

    # A Reviewer, everything translated: published.
    client.force_login(reviewer)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(sync_url, {"publish_translations": "on"})
    live = StoryPage.objects.get(pk=story_cy.pk).live_revision.as_object()
    assert live.summary == "Pwy sydd ar goll, a pham."


@pytest.mark.parametrize("name", ["home", "stories", "series", "contributors", "share"])
def test_pages_of_which_there_is_one_can_be_translated_from_the_admin(
    client, site_tree, editor, name
):
    """One home page, one index of each kind, one share page: per language (max_count)."""
    if name == "share":
        page = factories.ShareYourStoryPageFactory(parent=site_tree["home"])
        translate(site_tree["home"], "ur")
    else:
        page = site_tree[name]
        if name != "home":
            translate(site_tree["home"], "ur")
    client.force_login(editor)
    response = client.post(
        reverse("wagtail_localize:submit_page_translation", args=[page.pk]),
        {"locales": [locale("ur").pk]},
    )
    assert response.status_code == 302
    translated = page.get_translation(locale("ur"))
    assert translated.specific_class is page.specific_class
    assert client.get(reverse("wagtailadmin_pages:edit", args=[translated.pk])).status_code == 200
