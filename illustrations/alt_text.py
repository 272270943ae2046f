"""An image's alt text and default caption in the language a page is read in.

The image's `description` and `default_caption` are its words in the default language; its
`IllustrationTranslation` rows hold them in other languages. Pages in the default language
never need those rows, so nothing is fetched for them and their query counts are unchanged; a
page in another language fetches the rows of every image it shows in one query
(`prefetch_language_texts`, called where renditions are prefetched).

When a page in another language has no alt text for an image, the default language's is shown
with a `lang` attribute (so a screen reader pronounces it correctly) rather than none at all:
the publish rule (collection/language_rules.py) keeps such a page from being published, so this
is only seen in previews or if the text is removed afterwards.
"""

from django.conf import settings
from django.utils import translation
from wagtail.coreutils import get_supported_content_language_variant


def content_language(language=None):
    """The content language code (as Locale stores it) for `language` or the active one."""
    language = language or translation.get_language() or settings.LANGUAGE_CODE
    try:
        return get_supported_content_language_variant(language)
    except LookupError:
        return default_language()


def default_language():
    return get_supported_content_language_variant(settings.LANGUAGE_CODE)


def is_default_language(language=None):
    return content_language(language) == default_language()


def prefetch_language_texts(images, language=None):
    """Load the other-language texts of `images` in one query (nothing in the default language).

    Every language's rows are read, so an image carries its complete set and is never asked
    twice; the number of queries does not change with the number of languages.
    """
    if is_default_language(language):
        return
    from .models import IllustrationTranslation

    pending = {}
    for image in images:
        if image is None or hasattr(image, "_language_texts"):
            continue
        if not hasattr(image, "prefetched_language_texts"):
            pending.setdefault(image.pk, []).append(image)
    if not pending:
        return
    found = {pk: {} for pk in pending}
    rows = IllustrationTranslation.objects.filter(image_id__in=pending).values_list(
        "image_id", "locale__language_code", "alt_text", "caption"
    )
    for image_id, language_code, alt_text, caption in rows:
        found[image_id][language_code] = (alt_text, caption)
    for pk, same_images in pending.items():
        for image in same_images:
            image._language_texts = found[pk]


def language_texts_prefetch(lookup="language_texts"):
    """A Prefetch for querysets of images (or of objects with an image field: pass
    "hero_image__language_texts"), or None in the default language, where none is needed."""
    if is_default_language():
        return None
    from django.db.models import Prefetch

    from .models import IllustrationTranslation

    return Prefetch(
        lookup,
        queryset=IllustrationTranslation.objects.select_related("locale"),
        to_attr="prefetched_language_texts",
    )


def _texts(image, language):
    """(alt text, caption) of `image` in `language` ("" where none), fetching if not prefetched."""
    if not hasattr(image, "_language_texts") and hasattr(image, "prefetched_language_texts"):
        image._language_texts = {
            row.locale.language_code: (row.alt_text, row.caption)
            for row in image.prefetched_language_texts
        }
    if not hasattr(image, "_language_texts"):
        prefetch_language_texts([image], language)
    return image._language_texts.get(language, ("", ""))


def alt_text_in(image, language=None):
    """(alt text, its language code) for `image` on a page in `language` (default: active).

    Decorative images have "" alt text. In the default language this is the description; in
    another, its text in that language, or the description (in the default language, so marked
    with `lang` by the caller) when there is none.
    """
    if image.is_decorative:
        return "", None
    language = content_language(language)
    if language != default_language():
        text = (_texts(image, language)[0] or "").strip()
        if text:
            return text, language
    return image.default_alt_text, default_language()


def caption_in(image, language=None):
    """The image's default caption for a page in `language`: blank when it has none there."""
    language = content_language(language)
    if language == default_language():
        return image.default_caption
    return _texts(image, language)[1]


def has_alt_text_in(image, language):
    """Whether `image` can appear on a published page in `language` as far as alt text goes."""
    if image.is_decorative:
        return True
    language = content_language(language)
    if language == default_language():
        return bool((image.description or "").strip())
    return bool((_texts(image, language)[0] or "").strip())
