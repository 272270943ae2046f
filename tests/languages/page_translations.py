"""Translate pages in tests as an editor does with wagtail-localize: a translation source,
the strings translated, then the translation published."""

from django.db import transaction
from wagtail.models import Locale
from wagtail_localize.models import StringSegment, StringTranslation, TranslationSource


def translate(page, language_code, strings=None, publish=True):
    """Publish `page` in another language and return the translated page. `strings` maps
    source text (a title, a paragraph's text) to its translation; the rest stays as in the
    source, as wagtail-localize does for strings nobody has translated yet."""
    locale, _ = Locale.objects.get_or_create(language_code=language_code)
    source, _ = TranslationSource.get_or_create_from_instance(page)
    for segment in StringSegment.objects.filter(source=source).select_related("string"):
        text = (strings or {}).get(segment.string.data)
        if text is not None:
            StringTranslation.objects.update_or_create(
                translation_of=segment.string,
                locale=locale,
                context=segment.context,
                defaults={"data": text, "translation_type": "manual"},
            )
    if publish:
        # A page in another language is published only with its images' alt text (and its
        # media's transcripts) in that language (collection/language_rules.py).
        from .translated_content import give_texts_in

        give_texts_in(page, language_code)
    translation, _ = source.translations.get_or_create(target_locale=locale)
    translation.save_target(publish=publish)
    translated = page.get_translation(locale).specific
    if publish and not translated.live and transaction.get_connection().in_atomic_block:
        # wagtail-localize publishes on commit; inside a test's transaction nothing commits.
        translated.get_latest_revision().publish()
        translated.refresh_from_db()
    return translated
