"""Building a site in English, Welsh and Urdu for the language tests of page data (listings,
caches, feeds, search): pages are translated the way wagtail-localize does it (a copy in the
target locale keeping the source's links to themes, contributors and stories), then given
their own words and published."""

import pytest
from django.core.management import call_command
from wagtail.models import Locale, Page

from tests.public.conftest import ContentBuilder

WELSH_HOME_SLUG = "hafan"


def locale(code):
    return Locale.objects.get(language_code=code)


def translate(page, code, **changes):
    """Publish a translation of `page` into the language `code` (its parent must have one)."""
    translated = page.specific.copy_for_translation(locale(code))
    for name, value in changes.items():
        setattr(translated, name, value)
    give_texts_in(translated, code)
    translated.save_revision().publish()
    return Page.objects.get(pk=translated.pk).specific


def give_texts_in(page, code):
    """Alt text in `code` for every image the page shows, and a transcript for its audio and
    video: a page in another language is published only with them (collection/publish_rules)."""
    from wagtail.images import get_image_model

    from collection.models.media import StoryMedia, StoryMediaTranslation
    from collection.publish_rules import used_object_ids
    from illustrations.models import IllustrationTranslation

    used = used_object_ids(page)
    for image_id in used.get(get_image_model(), ()):
        IllustrationTranslation.objects.get_or_create(
            image_id=image_id,
            locale=locale(code),
            defaults={"alt_text": f"Llun {image_id} ({code})"},
        )
    for item_id in used.get(StoryMedia, ()):
        StoryMediaTranslation.objects.get_or_create(
            item_id=item_id,
            locale=locale(code),
            defaults={"transcript": f"<p>Trawsgrifiad ({code})</p>"},
        )


def translate_theme(theme, code, name):
    translated = theme.copy_for_translation(locale(code))
    translated.name = name
    translated.save()
    return translated


class TranslatedSite:
    """The public-site content builder's tree, with Welsh (and optionally Urdu) versions of the
    home page and indexes."""

    def __init__(self, site_tree, content):
        self.tree = site_tree
        self.content = content
        self.cy = {}
        self.ur = {}

    def translate_tree(self, code):
        pages = getattr(self, code.replace("-", "_"))
        if pages:
            return pages
        pages["home"] = translate(self.tree["home"], code)
        pages["stories"] = translate(self.tree["stories"], code, slug=f"stories-{code}")
        pages["series"] = translate(self.tree["series"], code)
        pages["contributors"] = translate(self.tree["contributors"], code)
        return pages

    def story(self, code, story, **changes):
        self.translate_tree(code)
        changes.setdefault("title", f"{story.title} ({code})")
        return translate(story, code, **changes)


# Fixtures are named explicitly, so test modules import them under other names
# (`from ... import translated_fixture`) without shadowing the test arguments.
@pytest.fixture(scope="session", name="compiled_catalogues")
def catalogues_fixture():
    """The .mo files the notes and feed titles are read from (bin/install compiles them)."""
    call_command("compile_translations", verbosity=0)


@pytest.fixture(name="content")
def content_fixture(site_tree):
    return ContentBuilder(site_tree)


@pytest.fixture(name="translated")
def translated_fixture(site_tree, content, compiled_catalogues):
    return TranslatedSite(site_tree, content)


def themes_in(code, content):
    """The content's themes translated into `code` (names marked with the code)."""
    return [translate_theme(theme, code, f"{theme.name} [{code}]") for theme in content.themes]


FIXTURES = (catalogues_fixture, content_fixture, translated_fixture)
