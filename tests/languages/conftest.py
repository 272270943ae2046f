"""Helpers for the language tests: compiled catalogues, the Welsh locale, and translating a
page the way wagtail-localize's editor does (segments extracted, strings translated, target
saved), or a whole small site into Welsh."""

import pytest
from django.core.management import call_command
from django.utils.translation import trans_real
from wagtail.models import Locale
from wagtail_localize.models import TranslationSource

from tests import factories


@pytest.fixture
def welsh(db):
    return Locale.objects.get_or_create(language_code="cy")[0]


@pytest.fixture
def english(db):
    return Locale.get_default()


def source_strings(page):
    """The translatable strings wagtail-localize extracts from `page`: {text: context path}."""
    from wagtail_localize.models import StringSegment, TranslationSource

    source, _created = TranslationSource.get_or_create_from_instance(page)
    return {
        segment.string.data: segment.context.path
        for segment in StringSegment.objects.filter(source=source).select_related(
            "string", "context"
        )
    }


def translate(page, locale, words, capture, publish=True):
    """Translate `page` into `locale`, `words` mapping source strings to their translations
    (strings not in it are kept as they are), and save (and publish) the translation.

    `capture` is pytest-django's django_capture_on_commit_callbacks: wagtail-localize publishes
    on commit. Returns the translated page.
    """
    from wagtail_localize.models import StringSegment, StringTranslation, TranslationSource

    source, _created = TranslationSource.get_or_create_from_instance(page)
    source.update_from_db()
    translation = source.translations.get_or_create(target_locale=locale)[0]
    for segment in StringSegment.objects.filter(source=source).select_related("string", "context"):
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=locale,
            context=segment.context,
            defaults={"data": words.get(segment.string.data, segment.string.data)},
        )
    with capture(execute=True):
        translation.save_target(publish=publish)
    return page.get_translation(locale).specific


@pytest.fixture
def admin_client(client, django_user_model):
    user = django_user_model.objects.create_superuser(
        username="language-admin", email="language-admin@example.org", password="pw"
    )
    client.force_login(user)
    return client


@pytest.fixture(scope="session", autouse=True)
def compiled_catalogues():
    """The .mo files (gitignored; bin/install compiles them), compiled if the .po is newer,
    and Django's cached catalogues dropped so a test run started without them still sees them."""
    call_command("compile_translations", verbosity=0)
    trans_real._translations = {}
    trans_real._default = None


def publish_translation(page, language, on_commit):
    """The page in another locale, published, the way wagtail-localize's editor makes it (it
    publishes once the transaction commits: the test's callbacks run at once)."""
    locale = Locale.objects.get(language_code=language)
    source, _created = TranslationSource.get_or_create_from_instance(page)
    translation, _created = source.translations.get_or_create(target_locale=locale)
    with on_commit(execute=True):
        translation.save_target(publish=True)
    translated = page.get_translation(locale)
    assert translated.live
    return translated


@pytest.fixture
def welsh_site(site_tree, django_capture_on_commit_callbacks):
    share = factories.ShareYourStoryPageFactory(parent=site_tree["home"])
    story = factories.StoryPageFactory(
        parent=site_tree["stories"], title="Who is missing", slug="who-is-missing"
    )
    story.save_revision().publish()
    pages = {"home": site_tree["home"], **site_tree, "share": share, "story": story}
    # Parents before children: a translation needs its parent in the locale already.
    order = ["home", "stories", "series", "contributors", "share", "story"]
    return {
        name: publish_translation(pages[name], "cy", django_capture_on_commit_callbacks)
        for name in order
    }
