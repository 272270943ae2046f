"""Alt text and default captions, in each demo language, of the images the translated pages use.

A page in Welsh or Urdu may only be published when every image it uses (hero, cover, portrait,
listing image, body illustration, video poster) has alt text in that language
(collection/language_rules.py). Each language module gives `ALT_TEXTS`, the English image
description mapped to its alt text, and `CAPTIONS`, the English default caption mapped to its
translation; both are stored as the image's IllustrationTranslation before any page is
translated, so the publish rule finds them.

The images are found from the English demo pages themselves (what Wagtail's "Usage" tab would
list), so a new picture on a translated page is noticed without a list to keep up to date: the
load stops with the English text that has no translation, as for a missing segment. Audio and
video on a translated page would need a transcript (and captions) in the language; the demo
writes none, so such a page is reported in the same way rather than blocked halfway through.
"""

from importlib import import_module

from wagtail.images import get_image_model

from illustrations.models import IllustrationTranslation

from ...media_languages import has_captions_in, has_transcript_in
from ...publish_rules import used_object_ids


def image_texts(code):
    """(ALT_TEXTS, CAPTIONS) of the language module `code`; empty where it gives none."""
    module = import_module(f"{__package__}.{code}")
    return getattr(module, "ALT_TEXTS", {}), getattr(module, "CAPTIONS", {})


def used_images_and_media(pages):
    """The images (decorative ones left out) and media items `pages` use, each once, in the
    order first used."""
    from wagtailmedia.models import get_media_model

    image_model, media_model = get_image_model(), get_media_model()
    ids = {image_model: [], media_model: []}
    for page in pages:
        for model, found in used_object_ids(page).items():
            ids[model].extend(pk for pk in found if pk not in ids[model])
    images = image_model.objects.in_bulk(ids[image_model])
    media = media_model.objects.in_bulk(ids[media_model])
    used_images = [images[pk] for pk in map(int, ids[image_model]) if pk in images]
    used_media = [media[pk] for pk in map(int, ids[media_model]) if pk in media]
    return [image for image in used_images if not image.is_decorative], used_media


def image_text_problems(images, media, code, alt_texts, captions):
    """What is missing in language `code`, as sentences naming the English (empty when none)."""
    no_alt = [image.description for image in images if image.description not in alt_texts]
    no_caption = [
        image.default_caption
        for image in images
        if image.default_caption and image.default_caption not in captions
    ]
    problems = []
    if no_alt:
        problems.append(f"No alt text (ALT_TEXTS) for {len(no_alt)} image(s): {no_alt!r}.")
    if no_caption:
        problems.append(
            f"No caption (CAPTIONS) for {len(no_caption)} image caption(s): {no_caption!r}."
        )
    # The publish rule's own test: audio needs a transcript; video captions or a transcript,
    # unless it has no speech.
    no_words = [
        item.title
        for item in media
        if not has_transcript_in(item, code)
        and not (item.type == "video" and (item.has_no_speech or has_captions_in(item, code)))
    ]
    if no_words:
        problems.append(
            f"The demo writes no transcripts or captions in '{code}', yet translated pages use "
            f"{no_words!r}: leave these pages out of DEMO_PAGES or give the media their words."
        )
    return problems


def store_image_texts(demo, images, locale, alt_texts, captions):
    """Each image's alt text and caption in `locale`, written only where they differ."""
    for image in images:
        wanted = {
            "alt_text": alt_texts[image.description],
            "caption": captions[image.default_caption] if image.default_caption else "",
        }
        row = IllustrationTranslation.objects.filter(image=image, locale=locale).first()
        if row is None:
            row = IllustrationTranslation.objects.create(image=image, locale=locale, **wanted)
            demo.record("image texts", row, "created")
            continue
        changed = [name for name, value in wanted.items() if getattr(row, name) != value]
        if changed:
            for name in changed:
                setattr(row, name, wanted[name])
            row.save(update_fields=changed)
        demo.record("image texts", row, "updated" if changed else "unchanged")
