"""Story cards, the one way every listing shows a story, rendered once per content generation.

The same card appears on the home page, the stories listing and its filters, series pages and
under other stories as "related". Each card is rendered from the story's
live fields, its hero illustration (renditions and credit) and its contributors; the HTML is
then kept (collection/fragments.py) so the next page that lists the same story reuses it
without loading the story at all. Only the stories whose cards are not kept yet are loaded,
all in one go with their card data, so a listing's queries stay the same however long it is.
"""

import datetime

from django.template.defaultfilters import date
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from illustrations.figure_html import escape_value as _e

from . import fragments
from .card_columns import ContributorNames, contributor_names
from .models.base import LINK_FIELDS
from .page_urls import page_url


def card_html(request, story, heading_level=3, featured=False):
    """A story's card (its hero, format, title, summary, contributors and date), built as a
    string: a listing renders dozens afresh after every publish, and the template engine was
    most of that time. Every value is escaped as the template engine escapes it."""
    from illustrations.figure_html import figure_html
    from illustrations.templatetags.illustration_tags import figure_values

    level = heading_level or 3
    figure = ""
    if story.hero_image:
        context = {"request": request}
        if featured:
            values = figure_values(context, story.hero_image, "hero", loading="eager", caption="")
        else:
            values = figure_values(context, story.hero_image, "card", caption="")
        figure = f'<div class="story-card__image">{figure_html(values)}</div>'
    credits = [_e(name) for name in contributor_names(story)]
    by = f'<span class="story-card__by">{", ".join(credits)}</span> · ' if credits else ""
    published = story.first_published
    return (
        f'<article class="story-card{" story-card--featured" if featured else ""}">\n'
        f"  {figure}\n"
        '  <div class="story-card__text">\n'
        f'    <p class="story-card__format format-label format-label--{_e(story.format)}">'
        f"{_e(_format_label(story.format))}</p>\n"
        f'    <h{level} class="story-card__title"><a href="{_e(page_url(story, request))}">'
        f"{_e(story.title)}</a></h{level}>\n"
        f'    <p class="story-card__summary">{_e(story.listing_summary or story.summary)}</p>\n'
        f'    <p class="story-card__meta">{by}<time datetime="{_e(_iso_date(published))}">'
        f"{_e(date(published, 'DATE_FORMAT'))}</time></p>\n"
        "  </div>\n"
        "</article>\n"
    )


def _iso_date(published):
    """`published|date:"Y-m-d"`: a date's ISO form is the same text, without the filter's
    format parsing (twice per card, dozens of cards)."""
    if type(published) is datetime.date:
        return published.isoformat()
    return date(published, "Y-m-d")


def _format_label(value):
    """The format's label by value (get_format_display() translates every choice to find one)."""
    from .models.story_formats import StoryFormat

    try:
        return StoryFormat(value).label
    except ValueError:  # a value no longer offered: shown as stored, as Django shows it
        return value


# What a story card reads of the story (card_html): its link, format,
# words and date. The rest of a page row (about thirty columns, the body among them) stays unread.
CARD_FIELDS = (*LINK_FIELDS, "format", "summary", "listing_summary", "first_published")


def _hero_fields():
    """The hero illustration's own columns (its figure and credit read most of them) and its
    illustrator's link."""
    from wagtail.images import get_image_model

    image_fields = [
        f"hero_image__{field.attname}"
        for field in get_image_model()._meta.concrete_fields
        if field.attname != "illustrator_id"
    ]
    illustrator = [f"hero_image__illustrator__{name}" for name in LINK_FIELDS]
    return (*image_fields, *illustrator)


def card_queryset(story_ids, featured_id=None, **annotations):
    """The live stories with these ids with only what a card shows (CARD_FIELDS, the hero and
    its illustrator's link, the contributors' names) and the renditions of the one variant each
    card draws (the featured card's hero, the others' card crop), in every language.
    `story_ids` may be a subquery; `annotations` are read along."""
    from django.db.models import Case, F, When

    from illustrations.alt_text import is_default_language
    from illustrations.json_columns import LanguageTextRows, RenditionRows
    from illustrations.renditions import specs_for_variants

    from .models.stories import StoryPage

    hero = F("hero_image_id")
    renditions = RenditionRows(hero, specs_for_variants(["card"]))
    if featured_id is not None:
        renditions = Case(
            When(pk=featured_id, then=RenditionRows(hero, specs_for_variants(["hero"]))),
            default=renditions,
        )
    if not is_default_language():  # the heroes' alt texts and captions in other languages
        annotations["hero_texts"] = LanguageTextRows(hero)
    return (
        StoryPage.objects.live()
        .filter(pk__in=story_ids)
        .only(*CARD_FIELDS, *_hero_fields())
        .select_related("hero_image", "hero_image__illustrator")
        .annotate(
            card_contributor_names=ContributorNames(), hero_renditions=renditions, **annotations
        )
    )


def cards_read(stories):
    """`stories` (read by card_queryset) by id, their heroes given the renditions and texts
    read along."""
    from illustrations.json_columns import attach_language_text_rows, attach_rendition_rows

    for story in stories:
        attach_rendition_rows(story.hero_image, story.hero_renditions)
        attach_language_text_rows(story.hero_image, getattr(story, "hero_texts", None))
    return {story.pk: story for story in stories}


def load_cards(story_ids, featured_id=None):
    """The live stories with these ids, by id, with their card data (card_queryset): one query
    however many cards there are, compiled once per process for lists of about this length
    (operations/compiled_queries.py)."""
    from django.utils.translation import get_language

    from operations.compiled_queries import padded, run_compiled

    return cards_read(
        run_compiled(
            "story-cards",
            card_queryset,
            shape=(get_language(),),
            story_ids=padded(story_ids),
            featured_id=featured_id,
        )
    )


def story_cards(request, story_ids, heading_level=3, featured_first=False, loaded=None):
    """The cards of the live stories with these ids, in the given order, as HTML strings.

    A story that is not live (or no longer exists) is left out. With `featured_first`, the first
    card is the large featured one. `loaded`: stories already read by `load_cards` (by id), not
    read again.
    """
    story_ids = list(story_ids)
    if not story_ids:
        return []
    featured_id = story_ids[0] if featured_first else None

    # Each card is kept under its story and the way it is shown.
    parts = {f"{pk}:{heading_level}:{int(pk == featured_id)}": pk for pk in story_ids}

    def render_missing(missing):
        ids = [parts[part] for part in missing]
        stories = {pk: loaded[pk] for pk in ids if loaded and pk in loaded}
        unread = [pk for pk in ids if pk not in stories]
        if unread:
            stories.update(load_cards(unread, featured_id))
        return {
            part: card_html(
                request, stories[parts[part]], heading_level, parts[part] == featured_id
            )
            for part in missing
            if parts[part] in stories
        }

    cards = fragments.remember_many(request, "story-card", parts, render_missing)
    # Rendered by the template engine (so escaped) before they were kept.
    return [mark_safe(cards[part]) for part in parts if part in cards]  # noqa: S308


def _render_series(request, series, heading_level):
    return render_to_string(
        "collection/includes/series_card.html",
        {"series": series, "heading_level": heading_level, "request": request},
    )


def with_series_card_data(queryset):
    """Series `queryset` with what a series card shows: the cover and its illustrator, and how
    many live stories the series lists in its language."""
    from .listings import live_story_count

    return queryset.select_related("cover_image", "cover_image__illustrator").annotate(
        story_count=live_story_count()
    )


def load_series_cards(series_ids, loaded=None):
    """The live series with these ids by id, with what a series card shows (see
    with_series_card_data) and the renditions of the card crop only. Series in `loaded` (read
    with their card data by the query that chose them) are not read again."""
    from illustrations.renditions import prefetch_variant_renditions

    from .models.series import SeriesPage

    loaded = loaded or {}
    series = {pk: loaded[pk] for pk in series_ids if pk in loaded}
    unread = [pk for pk in series_ids if pk not in series]
    if unread:
        series.update(
            with_series_card_data(SeriesPage.objects.live().filter(pk__in=unread)).in_bulk()
        )
    prefetch_variant_renditions(
        [(item.cover_image, ("card",)) for item in series.values() if item.cover_image_id]
    )
    return series


def series_cards(request, series_ids, heading_level=3, loaded=None):
    """The cards of the live series with these ids, in the given order, as HTML strings, kept
    like story cards (a series that is not live is left out). `loaded`: series already read
    with their card data (load_series_cards)."""
    parts = {f"{pk}:{heading_level}": pk for pk in series_ids}
    if not parts:
        return []

    def render_missing(missing):
        series = load_series_cards([parts[part] for part in missing], loaded)
        return {
            part: _render_series(request, series[parts[part]], heading_level)
            for part in missing
            if parts[part] in series
        }

    cards = fragments.remember_many(request, "series-card", parts, render_missing)
    return [mark_safe(cards[part]) for part in parts if part in cards]  # noqa: S308
