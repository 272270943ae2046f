"""The stories index (filters by theme, format and series; pages of cards) and what a story card
needs loaded with a listing."""

from urllib.parse import urlencode

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db.models import Prefetch
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField

from .base import BasePage
from .stories import StoryContributor, StoryPage
from .story_formats import PLURAL_LABELS, StoryFormat

STORIES_PER_PAGE = 12


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
            .order_by("sort_order"),
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

    def get_filters(self, request):
        """The filters a reader chose in the query string, with unknown values dropped."""
        from .series import SeriesPage
        from .themes import Theme

        filters = {"theme": None, "format": None, "series": None}
        # Themes and series of this listing's own language only (a theme's slug is the same
        # in every language, so ?theme=consent works under every prefix).
        theme_slug = request.GET.get("theme", "").strip()
        if theme_slug:
            themes = Theme.objects.filter(locale_id=self.locale_id)
            filters["theme"] = themes.filter(slug=theme_slug).first()
        story_format = request.GET.get("format", "").strip()
        if story_format in StoryFormat.values:
            filters["format"] = story_format
        series_slug = request.GET.get("series", "").strip()
        if series_slug:
            series = SeriesPage.objects.live().filter(locale_id=self.locale_id)
            filters["series"] = series.filter(slug=series_slug).first()
        return filters

    def route(self, request, path_components):
        """Find a story by its slug in one query (Wagtail's default loads the page and then its
        specific type: two)."""
        if path_components:
            slug, *remaining = path_components
            # With the hero illustration, which the head (social image) needs.
            story = (
                StoryPage.objects.child_of(self)
                .filter(slug=slug)
                .select_related("hero_image")
                .first()
            )
            if story is not None:
                story._cached_parent_obj = self  # as Wagtail does: saves a query for the parent
                story._routing_request = request  # see BasePage.get_view_restrictions
                return story.route(request, remaining)
        # Anything else (no such story, or this page itself) the usual way.
        return super().route(request, path_components)

    def get_context(self, request, *args, **kwargs):
        from .series import SeriesPage
        from .themes import Theme

        context = super().get_context(request, *args, **kwargs)
        filters = self.get_filters(request)
        from ..listings import (
            more_in_default_language,
            own_language,
            stories_in_series,
            stories_with_theme,
        )

        # This index's children are in its own language (bar placeholder aliases).
        stories = StoryPage.objects.child_of(self).live().filter(own_language())
        if filters["theme"]:
            stories = stories_with_theme(stories, filters["theme"])
        if filters["format"]:
            stories = stories.filter(format=filters["format"])
        if filters["series"]:
            stories = stories_in_series(stories, filters["series"])
        # Only ids are paged through: the cards come whole from collection/cards.py, which
        # loads card data for just the stories whose cards are not kept yet.
        story_ids = stories.order_by("-first_published", "-pk").values_list("pk", flat=True)

        paginator = Paginator(story_ids, STORIES_PER_PAGE)
        try:
            stories_page = paginator.page(request.GET.get("page", 1))
        except PageNotAnInteger:
            stories_page = paginator.page(1)
        except EmptyPage:
            stories_page = paginator.page(paginator.num_pages)

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
                "story_cards": cards.story_cards(request, stories_page.object_list),
                "paginator": paginator,
                "filters": filters,
                "active_filters": active,
                "format_label": dict(StoryFormat.choices).get(filters["format"], ""),
                "format_plural_label": PLURAL_LABELS.get(filters["format"], ""),
                "filter_query": urlencode(active),
                "theme_options": Theme.objects.filter(locale_id=self.locale_id),
                "format_options": StoryFormat.choices,
                "series_options": SeriesPage.objects.live()
                .filter(locale_id=self.locale_id)
                .order_by("title"),
            }
        )
        context.update(more_in_default_language(self, request, paginator.count))
        return context
