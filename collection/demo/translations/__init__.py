"""Demo pages and themes translated into the shipped languages, through wagtail-localize.

Each language has a module here (`cy.py`, `ur.py`) holding `STRINGS`: the English segment, as
wagtail-localize extracts it (rich text keeps its inline tags, e.g. `<b>`, `<a id="a1">`), mapped
to its translation, and `ALT_TEXTS` and `CAPTIONS` for the images those pages use (images.py).
`translate_demo(demo)` runs after the English demo exists. It stores the images' alt text and
captions in each language, then for each theme and each page in DEMO_PAGES (parents first) it
refreshes the object's TranslationSource, stores every segment's translation as a
StringTranslation, then creates or updates the translated page and publishes it through the
page's own `publish()` (the project's publish rule applies).

A segment or an image with no translation stops the load with the list of what is missing: a
page is never published half in English. Loading again changes nothing when neither the English
nor the translations changed (no new revisions). A language whose module is absent is skipped.
"""

import re
from importlib import import_module

from django.core.exceptions import ImproperlyConfigured
from django.db import transaction
from wagtail.models import Locale, Page
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)

from ...models import Theme
from ...translated_relations import _translations_in
from .images import image_text_problems, image_texts, store_image_texts, used_images_and_media

# The languages translated, each by the module of the same name in this package.
LANGUAGES = ["cy", "ur"]

# Pages by English path below the home page ("" is the home page): 3 stories, the series they
# are in, and every contributor they credit (the illustrators credited on images aside: those
# credits are the image's, in every language). Parents before children, since a page is
# translated under its parent's translation; then what is linked to before what links to it:
# a translated page's links move to the linked page's translation only if that exists when the
# page is saved (collection/translated_relations.py), so contributors come before the stories
# crediting them and stories before the series running through them.
DEMO_PAGES = [
    "",
    "stories",
    "series",
    "contributors",
    "share-your-story",
    "contributors/aroha-ngata",
    "contributors/mei-lin-tan",
    "contributors/daniel-reyes",
    "stories/care-before-fair",
    "stories/who-holds-the-key",
    "stories/my-grandmothers-blood",
    "series/our-data-our-terms",
]

# Proper names that stay as they are unless a language's STRINGS gives them another form
# (Urdu may write a name in its own script).
PROPER_NAMES = {
    "Mind The Gap",
    "Aroha Ngata",
    "aroha-ngata",
    "Mei Lin Tan",
    "mei-lin-tan",
    "Daniel Reyes",
    "daniel-reyes",
    "Mastodon",
}

# Fields kept as the source has them in every language: a theme's slug is shared by its
# translations, so a filter link (?theme=consent) means the same theme in every language.
KEPT_FIELDS = {(Theme, "slug")}

_TAG = re.compile(r"<(/?)([a-z0-9]+)([^>]*)>")
# Page slugs are ASCII (WAGTAIL_ALLOW_UNICODE_SLUGS is off): a slug in another script would be
# emptied by slugify, so a translation must give its slug in Latin letters.
_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


class MissingDemoTranslations(ImproperlyConfigured):
    """Raised when a demo segment has no translation (or a translation breaks its markup)."""


def language_strings():
    """(language code, STRINGS) for each language whose module exists in this package."""
    found = []
    for code in LANGUAGES:
        name = f"{__name__}.{code}"
        try:
            module = import_module(name)
        except ModuleNotFoundError as error:
            if error.name != name:
                raise
            continue
        found.append((code, module.STRINGS))
    return found


def demo_objects(home):
    """The English pages of DEMO_PAGES (specific, in order), then every English theme."""
    locale = home.locale
    objects = []
    for path in DEMO_PAGES:
        url_path = home.url_path + (f"{path}/" if path else "")
        page = Page.objects.filter(url_path=url_path, locale=locale).first()
        if page is None:
            raise ImproperlyConfigured(f"The demo has no page at {url_path} to translate.")
        objects.append(page.specific)
    objects.extend(Theme.objects.filter(locale=locale).order_by("slug"))
    return objects


def tags(text):
    """The inline tags of a segment, as a sorted list, to check a translation keeps them."""
    return sorted(match.group(0) for match in _TAG.finditer(text))


def translated(segment, obj, strings):
    """The translation of a StringSegment for `obj`, or None when there is none."""
    text = segment.string.data
    if (type(obj), segment.context.path) in KEPT_FIELDS:
        return text
    if text in strings:
        return strings[text]
    return text if text in PROPER_NAMES else None


def source_segments(source):
    return list(
        StringSegment.objects.filter(source=source)
        .order_by("order")
        .select_related("string", "context")
    )


def refresh_source(obj):
    """The object's TranslationSource, brought up to date; and whether it changed."""
    before = (
        TranslationSource.objects.filter(object_id=obj.translation_key, locale_id=obj.locale_id)
        .values_list("content_json", flat=True)
        .first()
    )
    # Updates (and re-extracts segments) only when the object's content differs.
    source, _ = TranslationSource.update_or_create_from_instance(obj)
    return source, before != source.content_json


def problems_for(objects_segments, strings):
    """Missing translations, and translations that lose or add markup or are not a valid
    slug where a page's slug is wanted, for one language."""
    missing, broken = [], []
    for obj, segments in objects_segments:
        for segment in segments:
            text = segment.string.data
            value = translated(segment, obj, strings)
            if value is None:
                if text not in missing:
                    missing.append(text)
            elif tags(value) != tags(text):
                broken.append(text)
            elif isinstance(obj, Page) and segment.context.path == "slug":
                if not _SLUG.fullmatch(value):
                    broken.append(text)
    return missing, broken


def store_translations(source, segments, obj, locale, strings):
    """Write each segment's StringTranslation; True when any was created or changed."""
    changed = False
    for segment in segments:
        value = translated(segment, obj, strings)
        existing = StringTranslation.objects.filter(
            translation_of=segment.string, locale=locale, context=segment.context
        ).first()
        if existing is None:
            StringTranslation.objects.create(
                translation_of=segment.string,
                locale=locale,
                context=segment.context,
                data=value,
                translation_type=StringTranslation.TRANSLATION_TYPE_MANUAL,
            )
            changed = True
        elif existing.data != value or existing.has_error:
            existing.data = value
            existing.has_error = False
            existing.field_error = ""
            existing.save()
            changed = True
    return changed


def save_translation(source, locale):
    """Create or update the translated object and, for a page, publish it now.

    Translation.save_target() would publish a page only when the outer transaction commits
    (the whole demo load is one transaction), so a publish-rule failure would come after the
    English had been committed. Saving a draft and publishing its revision here runs the rule
    inside the load.
    """
    if issubclass(source.specific_content_type.model_class(), Page):
        page, created = source.create_or_update_translation(locale, publish=False)
        page.get_latest_revision().publish()
        return page, created
    return source.create_or_update_translation(locale, publish=True)


def current_target(source, locale):
    """The translated object if it exists and, for a page, its latest revision is live."""
    try:
        target = source.get_translated_instance(locale)
    except source.specific_content_type.model_class().DoesNotExist:
        return None
    if isinstance(target, Page) and not (
        target.live and target.live_revision_id == target.latest_revision_id
    ):
        return None
    return target


def links_to_move(page):
    """Whether a translated page still links to a page or theme in another language although
    its translation in the page's language now exists (the page was translated before it)."""
    relations = getattr(page, "translated_relations", None)
    if relations is None:
        return False
    found = []
    for name in relations.foreign_keys:
        field = page._meta.get_field(name)
        found.append((field.related_model, [getattr(page, field.attname)]))
    for name in relations.many_to_many:
        field = page._meta.get_field(name)
        found.append((field.related_model, [obj.pk for obj in getattr(page, name).all()]))
    for relation, fk_name in relations.children.items():
        manager = getattr(page, relation)
        field = manager.model._meta.get_field(fk_name)
        found.append((field.related_model, [getattr(row, field.attname) for row in manager.all()]))
    return any(
        _translations_in(model, page.locale_id, [pk for pk in ids if pk]) for model, ids in found
    )


def translate_demo(demo, languages=None):
    """Translate the demo pages and themes into every language with a STRINGS module.

    `languages`: (code, STRINGS) pairs, by default those found by `language_strings()`.
    """
    languages = language_strings() if languages is None else languages
    if not languages:
        return
    objects = demo_objects(demo.home)
    # Themes first: a story's themes move to their translations only if these already exist.
    objects.sort(key=lambda obj: isinstance(obj, Page))
    sources = []
    for obj in objects:
        source, source_changed = refresh_source(obj)
        sources.append((obj, source, source_changed, source_segments(source)))
    images, media = used_images_and_media([obj for obj in objects if isinstance(obj, Page)])

    for code, strings in languages:
        missing, broken = problems_for([(obj, segs) for obj, _, _, segs in sources], strings)
        image_problems = image_text_problems(images, media, code, *image_texts(code))
        if missing or broken or image_problems:
            message = f"Demo translations for '{code}' (translations/{code}.py) are incomplete."
            if image_problems:
                message += " " + " ".join(image_problems)
            if missing:
                message += f" No translation for {len(missing)} segment(s): {missing!r}."
            if broken:
                message += (
                    f" The markup differs from the English, or a page slug is not lower-case "
                    f"ASCII letters, digits and hyphens, in the translations of: {broken!r}."
                )
            raise MissingDemoTranslations(message)

    for code, strings in languages:
        locale = Locale.objects.get(language_code=code)
        with transaction.atomic():
            # Before any page: the publish rule wants the images' alt text in this language.
            store_image_texts(demo, images, locale, *image_texts(code))
            translated_pages = []
            for obj, source, source_changed, segments in sources:
                translation, created = Translation.objects.get_or_create(
                    source=source, target_locale=locale
                )
                strings_changed = store_translations(source, segments, obj, locale, strings)
                kind = "translated pages" if isinstance(obj, Page) else "translated themes"
                if not (created or source_changed or strings_changed):
                    target = current_target(source, locale)
                    if target is not None:
                        demo.record(kind, target, "unchanged")
                        translated_pages.append(target)
                        continue
                target, target_created = save_translation(source, locale)
                demo.record(kind, target, "created" if target_created else "updated")
                translated_pages.append(target)
            # A page translated before what it links to (the home page's featured story) is
            # saved again, which moves its links (BasePage.save_revision).
            for target in translated_pages:
                if isinstance(target, Page):
                    page = target.specific
                    if links_to_move(page):
                        page.save_revision().publish()
                        demo.record("translated pages", page, "updated")
