"""The stories index (filters by theme, format and series; pages of cards) and what a story card
needs loaded with a listing."""

from dataclasses import dataclass
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.db.models import Count, Prefetch, Window
from django.utils.functional import SimpleLazyObject
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField

from operations.compiled_queries import run_compiled

from .base import BasePage, children_at, routed_child
from .stories import StoryContributor, StoryPage
from .story_formats import PLURAL_LABELS, StoryFormat

STORIES_PER_PAGE = 12


@dataclass(frozen=True)
class ListingOption:
    """A theme or series a listing can be filtered by: what the filter form and the query
    need of it (a theme's translation key finds its stories in every language)."""

    pk: int
    slug: str
    name: str
    translation_key: object = None

    @property
    def title(self):
        return self.name


def with_card_data(queryset, themes=False):
    """Add everything a story card shows, so a listing costs the same queries for 5 or 500.

    Cards show the hero illustration (with its renditions and credit) and the contributors with
    their roles; `themes=True` adds the themes too (the feeds list them as categories).
    """
    from illustrations.renditions import with_illustrations

    queryset = with_illustrations(queryset, "hero_image", variants=("card", "hero"))
    if themes:
        queryset = queryset.prefetch_related("themes")
    return with_card_contributors(queryset)


def with_card_contributors(queryset):
    """Prefetch the contributors a card names, in their order (titles only)."""
    return queryset.prefetch_related(
        Prefetch(
            "story_contributors",
            queryset=StoryContributor.objects.select_related("contributor")
            .only("story_id", "sort_order", "role", "contributor__title")
            .order_by("sort_order", "pk"),
        ),
    )


class StoryIndexPage(BasePage):
    introduction = RichTextField(
        features=["bold", "italic", "link"],
        blank=True,
        help_text="A short welcome above the list of stories.",
    )

    content_panels = BasePage.content_panels + [FieldPanel("introduction")]

    template = "collection/story_index_page.html"
    parent_page_types = ["home.HomePage"]
    subpage_types = ["collection.StoryPage"]
    max_count = 1

    def filter_options(self, request=None):
        """The themes and series a reader can filter this listing by (this listing's language
        only), as plain values kept until content changes (collection/fragments.py)."""
        from .. import fragments
        from .series import SeriesPage
        from .themes import Theme

        def themes(locale_id):
            return Theme.objects.filter(locale_id=locale_id).values_list(
                "pk", "slug", "name", "translation_key"
            )

        def series(locale_id):
            return (
                SeriesPage.objects.live()
                .filter(locale_id=locale_id)
                .order_by("title")
                .values_list("pk", "slug", "title")
            )

        def options():  # both compiled once per process (operations/compiled_queries.py)
            locale_id = self.locale_id
            return {
                "themes": [
                    ListingOption(pk, slug, name, key)
                    for pk, slug, name, key in run_compiled(
                        "listing-themes", themes, locale_id=locale_id
                    )
                ],
                "series": [
                    ListingOption(pk, slug, title)
                    for pk, slug, title in run_compiled(
                        "listing-series", series, locale_id=locale_id
                    )
                ],
            }

        # Asked for three times a request (filters, form, series list): worked out once.
        if getattr(self, "_filter_options", None) is None:
            self._filter_options = fragments.remember(
                request, "listing-options", self.locale_id, options
            )
        return self._filter_options

    def get_filters(self, request):
        """The filters a reader chose in the query string, with unknown values dropped."""
        options = self.filter_options(request)
        filters = {"theme": None, "format": None, "series": None}
        # Themes and series of this listing's own language only (a theme's slug is the same
        # in every language, so ?theme=consent works under every prefix).
        theme_slug = request.GET.get("theme", "").strip()
        if theme_slug:
            filters["theme"] = next((t for t in options["themes"] if t.slug == theme_slug), None)
        story_format = request.GET.get("format", "").strip()
        if story_format in StoryFormat.values:
            filters["format"] = story_format
        series_slug = request.GET.get("series", "").strip()
        if series_slug:
            filters["series"] = next((s for s in options["series"] if s.slug == series_slug), None)
        return filters

    def route(self, request, path_components):
        """Find a story by its slug in one query (Wagtail's default loads the page and then its
        specific type: two), kept until content changes like every fragment
        (collection/fragments.py): saving or publishing any page starts a new generation, so a
        kept story is the row as it is now. A slug that finds nothing keeps nothing."""
        if path_components:
            from .. import fragments

            slug, *remaining = path_components

            def load():
                # With the illustrations its head and header show, and the hero's illustrator.
                return routed_child(StoryPage, self, slug)

            story = fragments.remember(request, "route-to", f"{self.pk}:{slug}", load)
            if story is not None:
                story._cached_parent_obj = self  # as Wagtail does: saves a query for the parent
                story._routing_request = request  # see BasePage.get_view_restrictions
                return story.route(request, remaining)
        # Anything else (no such story, or this page itself) the usual way.
        return super().route(request, path_components)

    def get_context(self, request, *args, **kwargs):
        from .. import fragments

        context = super().get_context(request, *args, **kwargs)
        filters = self.get_filters(request)
        from ..listings import (
            more_in_default_language,
            own_language,
            stories_in_series,
            stories_with_theme,
        )

        requested = request.GET.get("page", "1")
        # Any page number the reader asks for is shown as the nearest real page; what is kept
        # is keyed by the number asked for (bounded, so made-up numbers fill no cache).
        asked = min(max(int(requested), 1), 10_000) if requested.isdigit() else 1

        def story_ids(path, depth, theme_key, story_format, series_id):
            # This index's children (Wagtail's child_of) are in its own language (bar
            # placeholder aliases).
            stories = children_at(StoryPage.objects.live(), path, depth).filter(own_language())
            if theme_key is not None:
                stories = stories_with_theme(stories, theme_key)
            if story_format is not None:
                stories = stories.filter(format=story_format)
            if series_id is not None:
                stories = stories_in_series(stories, series_id)
            # Only ids are paged through: the cards come whole from collection/cards.py, which
            # loads card data for just the stories whose cards are not kept yet.
            return stories.order_by("-first_published", "-pk").values_list("pk", flat=True)

        chosen = {
            "path": self.path,
            "depth": self.depth + 1,
            "theme_key": filters["theme"].translation_key if filters["theme"] else None,
            "story_format": filters["format"] or None,
            "series_id": filters["series"].pk if filters["series"] else None,
        }

        def page_of_ids():
            # One query for the page and the total (a window count over the filtered stories),
            # compiled once per process and page number; a page past the end asks again for
            # the last one.
            start = (asked - 1) * STORIES_PER_PAGE

            def window(**chosen):
                ids = story_ids(**chosen).annotate(total=Window(Count("pk")))
                return ids.values_list("pk", "total")[start : start + STORIES_PER_PAGE]

            rows = run_compiled("story-listing", window, shape=(start,), **chosen)
            if rows:
                return rows[0][1], asked, [pk for pk, _ in rows]
            paginator = Paginator(story_ids(**chosen), STORIES_PER_PAGE)
            page = paginator.get_page(asked)
            return paginator.count, page.number, list(page.object_list)

        filter_key = ":".join(
            str(value.pk if hasattr(value, "pk") else value or "")
            for value in (filters["theme"], filters["format"], filters["series"])
        )
        count, number, page_ids = fragments.remember(
            request, "story-listing", f"{self.pk}:{filter_key}:{asked}", page_of_ids
        )
        # The page links and counts work from the kept count; the page holds the kept ids.
        paginator = Paginator(range(count), STORIES_PER_PAGE)
        stories_page = paginator.page(number)
        stories_page.object_list = page_ids

        # The active filters as a query string, so pagination links keep them.
        active = {}
        if filters["theme"]:
            active["theme"] = filters["theme"].slug
        if filters["format"]:
            active["format"] = filters["format"]
        if filters["series"]:
            active["series"] = filters["series"].slug
        from .. import cards

        context.update(
            {
                "stories": stories_page,
                # Made only when rendered: not when the listing was kept whole ({% keep %}).
                "story_cards": SimpleLazyObject(lambda: cards.story_cards(request, page_ids)),
                "paginator": paginator,
                "filters": filters,
                "active_filters": active,
                "format_label": dict(StoryFormat.choices).get(filters["format"], ""),
                "format_plural_label": PLURAL_LABELS.get(filters["format"], ""),
                "filter_query": urlencode(active),
                "theme_options": self.filter_options(request)["themes"],
                "format_options": StoryFormat.choices,
                "series_options": self.filter_options(request)["series"],
            }
        )
        context.update(more_in_default_language(self, request, paginator.count))
        return context
