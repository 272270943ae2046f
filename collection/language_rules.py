"""The publish rule for pages in a language other than the default one.

Besides what every page needs (collection/publish_rules.py), a page in another language may
only be published when readers of that language get everything in it:

- every image it uses has alt text in that language: given for this use in the block that
  shows it (translated with the page, through wagtail-localize), or the image's own alt text in
  that language (illustrations.IllustrationTranslation), unless it is decorative;
- every audio item has a transcript in that language;
- every video has captions or a transcript in that language, unless it has no speech.

Items that already fail the general rule are named there only, once.
"""

from django.utils.translation import gettext as _
from wagtail.images import get_image_model
from wagtail.images.models import AbstractImage

from illustrations.alt_text import default_language


def _page_locale(page):
    from wagtail.models import Locale

    if not page.locale_id:
        return None
    locale = Locale.objects.filter(pk=page.locale_id).first()
    if locale is None or locale.language_code == default_language():
        return None
    return locale


def _image_values(value):
    """Every image inside a block value (ImageBlock values carry their per-use alt text)."""
    from wagtail.blocks import StreamValue, StructValue

    if isinstance(value, AbstractImage):
        yield value
    elif isinstance(value, StreamValue):
        for child in value:
            yield from _image_values(child.value)
    elif isinstance(value, StructValue | dict):
        for inner in value.values():
            yield from _image_values(inner)
    elif isinstance(value, list | tuple) or type(value).__name__ == "ListValue":
        for inner in value:
            yield from _image_values(inner)


def _given_for_this_use(page, object_id, where):
    """Whether the block at `where` shows this image as decorative or with its own alt text."""
    field_name, position, _inner = where
    if position is None:
        return False
    try:
        child = getattr(page, field_name)[position]
    except (AttributeError, IndexError):
        return False
    for image in _image_values(child.value):
        if str(image.pk) == str(object_id) and (
            getattr(image, "decorative", False)
            or (getattr(image, "contextual_alt_text", None) or "").strip()
        ):
            return True
    return False


def language_problems(page, uses, found):
    """[(sentence, where)] for `page` in a non-default language; [] in the default language.

    `uses` are the (model, object id, where) uses of publish_rules, `found` the loaded items by
    model and id; items that already have a general problem are left out.
    """
    locale = _page_locale(page)
    if locale is None:
        return []
    from wagtailmedia.models import get_media_model

    from illustrations.alt_text import has_alt_text_in, prefetch_language_texts

    from .media_languages import has_captions_in, has_transcript_in, prefetch_media_texts
    from .publish_rules import media_problems

    image_model, media_model = get_image_model(), get_media_model()
    language = locale.language_code
    prefetch_language_texts(found.get(image_model, {}).values(), language)
    prefetch_media_texts(found.get(media_model, {}).values(), language)
    name = str(locale.get_display_name() or language)
    problems = []
    for model, object_id, where in uses:
        item = found.get(model, {}).get(object_id)
        if item is None:
            continue
        if model is image_model:
            if item.missing_metadata() or has_alt_text_in(item, language):
                continue
            if _given_for_this_use(page, object_id, where):
                continue
            problems.append(
                (
                    _(
                        "The image “%(title)s” needs alt text in %(language)s: write it in the "
                        "block that shows it, or on the image in the library (or tick "
                        "‘decorative’)."
                    )
                    % {"title": item.title, "language": name},
                    where,
                )
            )
        elif media_problems(item) is None:
            if item.type == "audio" and not has_transcript_in(item, language):
                message = _("The audio “%(title)s” needs a transcript in %(language)s.")
            elif (
                item.type == "video"
                and not item.has_no_speech
                and not has_captions_in(item, language)
                and not has_transcript_in(item, language)
            ):
                message = _("The video “%(title)s” needs captions or a transcript in %(language)s.")
            else:
                continue
            problems.append((message % {"title": item.title, "language": name}, where))
    return problems
