"""The languages of submissions: the one a story is sent in (the form page's, active while the
visitor posts it), and the locale a draft story made from it starts in."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import translation
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale


def active_language():
    """The language the visitor is using (the site's languages only; the default otherwise)."""
    try:
        return translation.get_supported_language_variant(translation.get_language() or "")
    except LookupError:
        return settings.LANGUAGE_CODE


def submission_locale(submission):
    """The locale of the submission's language, or the default one if the site has no locale
    for it (a language the site has since stopped publishing in)."""
    try:
        code = get_supported_content_language_variant(submission.language)
    except LookupError:
        return Locale.get_default()
    return Locale.objects.filter(language_code=code).first() or Locale.get_default()


def translated_index(index, locale, user):
    """The stories index in `locale`, made now with wagtail-localize (as "Translate" in the
    admin would, home page included if it is missing): an unpublished copy in the original's
    words that stays linked to the original, so the index turns up in the translation
    editor and the translations report for an editor to translate and send for review. Its
    stories can be drafted and reviewed meanwhile; readers see them once it is published."""
    from wagtail_localize.operations import TranslationCreator

    TranslationCreator(user, [locale]).create_translations(index)
    translated = index.get_translation_or_none(locale)
    if translated is None:
        raise ValidationError(
            f"The stories index could not be made in {locale.get_display_name()}: translate "
            "it from the admin first."
        )
    return translated.specific
