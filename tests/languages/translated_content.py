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
    translated.save_revision().publish()
    return Page.objects.get(pk=translated.pk).specific


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
