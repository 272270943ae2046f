"""Listings in one language: what ties stories to series, contributors and themes, mapped to the
language of the page that lists them.

wagtail-localize copies a page's links to other pages and to themes as they are when it
translates the page (a Welsh story keeps the English themes and contributors; a Welsh series
keeps its list of English stories), and editors may also point a translation at pages in its
own language. Either way the link names a *translation key*, so listings follow links by key
and show the pages in the listing's own locale, live ones only. Nothing here ever lists a page
of another language.
"""

from django.conf import settings
from django.db.models import (
    Case,
    Count,
    Exists,
    F,
    IntegerField,
    OuterRef,
    Q,
    Subquery,
    UUIDField,
    Value,
    When,
)
from django.db.models.functions import Coalesce
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

# A listing in another language with fewer stories than this offers the English listing too.
FEW_STORIES = 6


def own_language():
    """A filter for pages: leaves out aliases of pages in another language (the placeholders
    wagtail-localize's tree synchronisation makes, which show the source's words).

    The alias's source is looked up only for an alias (EXISTS after the OR): a join on every
    page's `alias_of` made PostgreSQL hash the whole page table for each listing (the stories
    listing's query 2.4 -> 1.4 ms on 2,000 stories, prepared)."""
    from wagtail.models import Page

    same_language_source = Page.objects.filter(
        pk=OuterRef("alias_of_id"), locale_id=OuterRef("locale_id")
    )
    return Q(alias_of__isnull=True) | Q(Exists(same_language_source))


def series_story_keys(series_id):
    """The translation keys of a series' stories, in the series' order (a subquery)."""
    from .models.series import SeriesStory

    return (
        SeriesStory.objects.filter(series_id=series_id)
        .order_by("sort_order", "pk")
        .values("story__translation_key")
    )


def series_rows(series_id, locale_id, fields=()):
    """The rows of a series (its id, or a subquery giving it) in order, each with `local_id`:
    the id of its story's live translation in `locale_id` (None when there is none), and for
    each of `fields` (page fields such as "title") that story's value as `local_<field>`."""
    from .models.series import SeriesStory
    from .models.stories import StoryPage

    local = (
        StoryPage.objects.live()
        .filter(locale_id=locale_id, translation_key=OuterRef("story__translation_key"))
        .filter(own_language())
    )
    # A story already in that locale, live and not an alias, is its own live translation there:
    # only the others are looked up (a subquery per row took 2-3 ms for a series of 38).
    is_local = Q(story__locale_id=locale_id, story__live=True, story__alias_of__isnull=True)
    values = {
        f"local_{name}": Case(
            When(is_local, then=F(f"story__{name}")),
            default=Subquery(local.values(name)[:1]),
            output_field=StoryPage._meta.get_field(name),
        )
        for name in fields
    }
    return (
        SeriesStory.objects.filter(series_id=series_id)
        .order_by("sort_order", "pk")
        .annotate(
            local_id=Case(
                When(is_local, then=F("story_id")),
                default=Subquery(local.values("pk")[:1]),
                output_field=IntegerField(),
            ),
            **values,
        )
    )


def live_story_count():
    """An annotation for series querysets: how many live stories in the series' own locale it
    lists (one subquery, whatever the number of series).

    Each row of the series counts by its story's translation key when the story itself is live
    in that locale (most are); only the others look for a live translation there (a lookup for
    every row took about 0.5 ms per series)."""
    from .models.series import SeriesStory
    from .models.stories import StoryPage

    translated = (
        StoryPage.objects.live()
        .filter(
            locale_id=OuterRef(OuterRef("locale_id")),
            translation_key=OuterRef("story__translation_key"),
        )
        .filter(own_language())
        .values("translation_key")[:1]
    )
    is_local = Q(
        story__locale_id=OuterRef("locale_id"), story__live=True, story__alias_of__isnull=True
    )
    local_key = Case(
        When(is_local, then=F("story__translation_key")),
        default=Subquery(translated),
        output_field=UUIDField(),
    )
    counted = (
        SeriesStory.objects.filter(series_id=OuterRef("pk"))
        .annotate(local_key=local_key)
        .order_by()
        .values("series_id")
        .annotate(count=Count("local_key", distinct=True))
        .values("count")
    )
    return Coalesce(Subquery(counted, output_field=IntegerField()), Value(0))


def stories_with_theme(queryset, theme_key):
    """Stories of `queryset` filed under the theme with this translation key, in any of its
    translations."""
    from .models.stories import StoryPage

    links = StoryPage.themes.through.objects.filter(theme__translation_key=theme_key)
    return queryset.filter(pk__in=links.values("storypage_id"))


def stories_in_series(queryset, series_id):
    """Stories of `queryset` that the series with this id lists (as themselves or as their
    translations)."""
    return queryset.filter(translation_key__in=series_story_keys(series_id))


def stories_crediting(queryset, contributor):
    """Stories of `queryset` crediting `contributor` or one of their translations."""
    from .models.stories import StoryContributor

    credits = StoryContributor.objects.filter(
        contributor__translation_key=contributor.translation_key
    )
    return queryset.filter(pk__in=credits.values("story_id"))


def more_in_default_language(page, request, count):
    """For a listing in another language showing fewer than FEW_STORIES stories: a short note
    (HTML, in the page's language) linking to the same listing in the default language."""
    if count >= FEW_STORIES:
        return {}
    # The page's live versions, which the language switcher reads too (once per request).
    from .templatetags.languages import language_versions_for

    versions = {version.code: version for version in language_versions_for(request, page)}
    source = versions.get(settings.LANGUAGE_CODE)
    if source is None or source.current:
        return {}
    html = render_to_string(
        "collection/includes/more_in_english.html",
        # The listing itself, without the reader's filters the switcher carries along.
        {"url": source.url.split("?", 1)[0], "language": settings.LANGUAGE_CODE},
    )
    return {"more_in_default_language": mark_safe(html)}  # noqa: S308 (escaped by the template)
