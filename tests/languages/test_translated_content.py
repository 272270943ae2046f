# ruff: noqa: F811 - test arguments named like the fixtures imported from translation_helpers
"""What a translation made with wagtail-localize copies, translates, keeps and maps to its own
language (story, series, home, contributor, theme links; podcast GUIDs; accounts), and the
footer's words per language (FooterText): read with the footer settings, kept per language,
changed at once, and the demo's Welsh and Urdu."""

import pytest
from wagtail_localize.models import StringSegment, TranslationSource

from collection.models import StoryContributor
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


def test_a_translated_story_has_its_own_guid_and_follows_its_language(welsh_sections):
    consent = factories.ThemeFactory(name="Consent", slug="consent")
    consent_cy = translate(consent, "cy", {"Consent": "Cydsyniad"})
    genomics = factories.ThemeFactory(name="Genomics", slug="genomics")  # not translated
    writer = factories.ContributorPageFactory(parent=welsh_sections["contributors"])
    writer_cy = translate(writer, "cy")
    story = factories.StoryPageFactory(parent=welsh_sections["stories"], title="Left out")
    story.themes = [consent, genomics]
    story.story_contributors = [StoryContributor(contributor=writer, role="author")]
    story.save_revision().publish()

    story_cy = translate(
        story, "cy", {"Left out": "Wedi'u gadael allan", "left-out": "wedi-eu-gadael-allan"}
    )

    assert story_cy.locale.language_code == "cy"
    assert story_cy.podcast_guid != story.podcast_guid
    assert set(story_cy.themes.all()) == {consent_cy, genomics}
    assert [c.contributor_id for c in story_cy.story_contributors.all()] == [writer_cy.pk]
    # The original keeps its own links.
    story.refresh_from_db()
    assert set(story.themes.all()) == {consent, genomics}
    assert [c.contributor_id for c in story.story_contributors.all()] == [writer.pk]
    # The story's slug is for translators; the theme's, shared by its translations, is not.
    assert story_cy.slug == "wedi-eu-gadael-allan"
    assert not StringSegment.objects.filter(
        source__object_id=consent.translation_key, context__path="slug"
    ).exists()
    assert consent_cy.slug == "consent"


def test_syncing_keeps_the_guid_and_maps_new_links(welsh_sections):
    story = factories.StoryPageFactory(parent=welsh_sections["stories"], title="Left out")
    story_cy = translate(story, "cy", {"Left out": "Wedi'u gadael allan"})
    guid = story_cy.podcast_guid
    theme = factories.ThemeFactory(name="Biobanks", slug="biobanks")
    theme_cy = translate(theme, "cy", {"Biobanks": "Biobanciau"})
    story.themes = [theme]
    story.save_revision().publish()

    story_cy = translate(story, "cy")  # a sync: the source is taken again

    assert story_cy.podcast_guid == guid != story.podcast_guid
    assert list(story_cy.themes.all()) == [theme_cy]


def test_a_contributor_translation_leaves_the_account_with_the_original(
    welsh_sections, illustrator
):
    person = factories.ContributorPageFactory(
        parent=welsh_sections["contributors"], user=illustrator
    )
    person_cy = translate(person, "cy")
    person.refresh_from_db()
    assert person.user == illustrator
    assert person_cy.user is None
    assert person_cy.roles == person.roles


def test_a_translated_series_and_home_point_at_translated_stories(welsh_sections):
    from collection.models import SeriesStory

    first = factories.StoryPageFactory(parent=welsh_sections["stories"], title="First")
    second = factories.StoryPageFactory(parent=welsh_sections["stories"], title="Second")
    first_cy = translate(first, "cy", {"First": "Cyntaf"})
    series = factories.SeriesPageFactory(parent=welsh_sections["series"])
    series.series_stories = [
        SeriesStory(story=first, sort_order=0),
        SeriesStory(story=second, sort_order=1),
    ]
    series.save_revision().publish()
    home = welsh_sections["home"]
    home.featured_story = first
    home.save_revision().publish()

    series_cy = translate(series, "cy")
    home_cy = translate(home, "cy")

    # The untranslated story stays linked (to its English page) rather than dropped.
    assert [s.story_id for s in series_cy.series_stories.all()] == [first_cy.pk, second.pk]
    assert home_cy.featured_story_id == first_cy.pk


def test_footer_text_per_language_with_fallback(client, site_tree):
    footer = FooterText.objects.create(locale=english(), about_text="Stories about data gaps.")
    # The search page exists in every language (a page with no Welsh translation would send
    # the reader to its English original: collection/locales.py).
    assert "Stories about data gaps." in client.get("/cy/search/").content.decode()
    translate(footer, "cy", {"Stories about data gaps.": "Straeon am fylchau data."})
    assert "Straeon am fylchau data." in client.get("/cy/search/").content.decode()
    assert "Stories about data gaps." in client.get("/search/").content.decode()
    # Urdu has no translation yet: the default language's line.
    assert "Stories about data gaps." in client.get("/ur/search/").content.decode()


def test_footer_text_is_read_with_the_settings_and_kept_per_language(rf, site_tree, settings):
    from django.core.cache import caches
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from django.utils import translation

    from home.models import SiteFooterSettings

    settings.FRAGMENT_CACHE_SECONDS = 60
    caches[settings.FRAGMENT_CACHE_ALIAS].clear()
    footer = FooterText.objects.create(locale=english(), about_text="Stories about data gaps.")
    translate(footer, "ur", {"Stories about data gaps.": "صحت کے اعداد و شمار کی کہانیاں"})
    SiteFooterSettings.for_site(site_tree["home"].get_site())  # the settings row exists

    def read(language):
        request = rf.get("/")
        request.content_generation = "g1"
        with translation.override(language):
            with CaptureQueriesContext(connection) as queries:
                settings_for_page = SiteFooterSettings.for_request(request)
                text = FooterText.about_text_for_request(request)
        assert settings_for_page.about_text == text
        # Queries other than the site lookup (Wagtail keeps sites in its own cache).
        return text, [q for q in queries if "wagtailcore_site" not in q["sql"]]

    text, queries = read("en-gb")
    assert text == "Stories about data gaps." and len(queries) == 1
    text, queries = read("ur")
    assert text == "صحت کے اعداد و شمار کی کہانیاں" and len(queries) == 1
    text, queries = read("cy")  # no Welsh yet: the default language's words
    assert text == "Stories about data gaps." and len(queries) == 1
    text, queries = read("ur")  # kept, per language
    assert text == "صحت کے اعداد و شمار کی کہانیاں" and queries == []
    caches[settings.FRAGMENT_CACHE_ALIAS].clear()


def test_a_second_footer_text_in_one_language_is_refused(db):
    from django.core.exceptions import ValidationError

    FooterText.objects.create(locale=english(), about_text="One.")
    with pytest.raises(ValidationError):
        FooterText(locale=english(), about_text="Two.").full_clean()


def test_demo_footer_text_in_three_languages_once(db):
    from home import demo_content

    class Demo:
        records = []

        def record(self, kind, obj, status):
            self.records.append((kind, str(obj), status))

    demo = Demo()
    demo_content.load_footer_text(demo)
    demo_content.load_footer_text(demo)  # again: nothing new
    texts = dict(FooterText.objects.values_list("locale__language_code", "about_text"))
    assert texts == {
        "en-gb": demo_content.ABOUT_TEXT,
        "cy": demo_content.ABOUT_TEXT_TRANSLATIONS["cy"],
        "ur": demo_content.ABOUT_TEXT_TRANSLATIONS["ur"],
    }
    assert [status for _kind, _obj, status in demo.records] == ["created"] * 3
    # Made as wagtail-localize translations, so translators find them in its editor.
    source = TranslationSource.objects.get(object_id=FooterText.objects.first().translation_key)
    assert source.translations.count() == 2


def test_a_changed_footer_text_shows_at_once_in_its_language(
    client, site_tree, settings, clear_caches, django_capture_on_commit_callbacks
):
    settings.FRAGMENT_CACHE_SECONDS = 300  # the footer is kept, as in production
    footer = FooterText.objects.create(locale=english(), about_text="Stories about data gaps.")
    with django_capture_on_commit_callbacks(execute=True):
        welsh = translate(footer, "cy", {"Stories about data gaps.": "Straeon am fylchau data."})
    assert "Straeon am fylchau data." in client.get("/cy/search/").content.decode()
    assert "Stories about data gaps." in client.get("/search/").content.decode()
    welsh.about_text = "Straeon am bwy sydd ar goll."
    with django_capture_on_commit_callbacks(execute=True):
        welsh.save()
    assert "Straeon am bwy sydd ar goll." in client.get("/cy/search/").content.decode()
    assert "Stories about data gaps." in client.get("/search/").content.decode()
