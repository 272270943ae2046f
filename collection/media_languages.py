"""An audio or video item's transcript and captions in the language a page is read in.

The item's own `transcript` and `captions` are in its spoken language (`captions_language`,
English by default) and are what pages in the default language show. A page in another
language shows the item's `StoryMediaTranslation` for that language: its transcript, and its
captions as the first (default) track with the original kept as a second track labelled in its
own language. Pages in the default language fetch nothing more; a page in another language
fetches the rows of all its items in one query (`prefetch_media_texts`).

Without a transcript in the page's language the original is shown, marked with its `lang`;
the publish rule (collection/language_rules.py) keeps such a page from being published.
"""

import json

from django.utils.html import strip_tags

from illustrations.alt_text import content_language, default_language, is_default_language
from illustrations.json_columns import TranslationRows
from operations.languages import local_name


def prefetch_media_texts(items, language=None):
    """Load the other-language rows of `items` in one query (nothing in the default language)."""
    if is_default_language(language):
        return
    from .models.media import StoryMediaTranslation

    pending = {}
    for item in items:
        if item is not None and not hasattr(item, "_language_texts"):
            pending.setdefault(item.pk, []).append(item)
    if not pending:
        return
    found = {pk: {} for pk in pending}
    for row in StoryMediaTranslation.objects.filter(item_id__in=pending).select_related("locale"):
        found[row.item_id][row.locale.language_code] = row
    for pk, same_items in pending.items():
        for item in same_items:
            item._language_texts = found[pk]


class MediaTextRows(TranslationRows):
    """The item's StoryMediaTranslation rows (every language) as a JSON column: [language code,
    id, locale id, transcript, captions file] each, read in the query that reads the item."""

    owner = "item"
    columns = ("id", "locale", "transcript", "captions")

    def text_model(self):
        from .models.media import StoryMediaTranslation

        return StoryMediaTranslation


def attach_media_text_rows(item, rows):
    """Give `item` the rows a MediaTextRows column read, as prefetch_media_texts would."""
    if item is None or rows is None:
        return
    from .models.media import StoryMediaTranslation

    texts = {}
    for code, pk, locale_id, transcript, captions in (
        json.loads(rows) if isinstance(rows, str) else rows
    ):
        row = StoryMediaTranslation(
            id=pk,
            item_id=item.pk,
            locale_id=locale_id,
            transcript=transcript,
            captions=captions or "",
        )
        row._state.adding = False
        texts[code] = row
    item._language_texts = texts


def translation_in(item, language=None):
    """The item's StoryMediaTranslation for `language` (default: active), or None."""
    language = content_language(language)
    if language == default_language():
        return None
    if not hasattr(item, "_language_texts"):
        prefetch_media_texts([item], language)
    return item._language_texts.get(language)


def _has_text(html):
    return bool(strip_tags(html or "").strip())


def transcript_in(item, language=None):
    """(transcript HTML, the language it is in) for a page in `language`; ("", None) if none."""
    row = translation_in(item, language)
    if row is not None and _has_text(row.transcript):
        return row.transcript, content_language(language)
    if _has_text(item.transcript):
        return item.transcript, item.captions_language or default_language()
    return "", None


def caption_tracks(item, language=None):
    """The <track>s for a video on a page in `language`: dicts of src, srclang, label and
    default. The page's language first; the original captions kept, labelled in their own
    language."""
    tracks = []
    row = translation_in(item, language)
    if row is not None and row.captions:
        code = content_language(language)
        tracks.append({"src": row.captions.url, "srclang": code, "label": local_name(code)})
    if item.captions:
        code = item.captions_language or default_language()
        tracks.append({"src": item.captions.url, "srclang": code, "label": local_name(code)})
    for position, track in enumerate(tracks):
        track["default"] = position == 0
    return tracks


def _spoken_in(item, language):
    """Whether the item's own transcript and captions are already in `language` (a video
    recorded in Welsh needs no separate Welsh row)."""
    spoken = (item.captions_language or "").split("-")[0].lower()
    return bool(spoken) and spoken == content_language(language).split("-")[0].lower()


def has_transcript_in(item, language):
    """Whether the item has a transcript written in `language` (the original in the default
    language or in the language it is spoken in)."""
    if is_default_language(language) or _spoken_in(item, language):
        return _has_text(item.transcript)
    row = translation_in(item, language)
    return row is not None and _has_text(row.transcript)


def has_captions_in(item, language):
    if is_default_language(language) or _spoken_in(item, language):
        return bool(item.captions)
    row = translation_in(item, language)
    return row is not None and bool(row.captions)
