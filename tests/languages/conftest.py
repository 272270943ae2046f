"""Helpers for the language tests: the Welsh locale, and translating a page the way
wagtail-localize's editor does (segments extracted, strings translated, target saved)."""

import pytest
from wagtail.models import Locale


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
