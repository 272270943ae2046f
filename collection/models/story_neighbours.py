"""What a story page links to around it: its themes (in its own language), the related stories
that share them and the navigation of the series it is in. Each is kept per content generation
(collection/fragments.py) and, read afresh, runs a query compiled once per process
(operations/compiled_queries.py)."""

from django.db.models import Count, QuerySet

from .base import LINK_FIELDS


class StoryNeighboursMixin:
    """For StoryPage: its themes, related stories and series navigation."""

    @classmethod
    def routed_columns(cls):
        """The story's themes, read by the query that routes to it (collection/theme_columns.py)."""
        from ..theme_columns import ThemeRows

        return {**super().routed_columns(), "theme_rows": ThemeRows()}

    def theme_list(self, request=None):
        """The story's themes (worked out once per request: the head, footer and related use
        them), kept per content generation when a request is given or the story was routed to."""
        if not hasattr(self, "_themes_cache"):
            from .. import fragments

            # A template asks without the request: the one the story was routed with.
            request = request or getattr(self, "_routing_request", None)

            self._themes_cache = fragments.remember(
                request, "story-themes", self.pk, self._localized_themes
            )
        return self._themes_cache

    def _localized_themes(self):
        """The story's themes in its own language. A translated story keeps the themes of the
        story it was translated from (wagtail-localize copies the links as they are): each is
        shown as its translation in this story's language, and left out if it has none, so a
        Welsh story never lists an English theme name."""
        from .themes import Theme

        rows = getattr(self, "theme_rows", None)
        if rows is not None:  # read with the page by the query that routed to it
            from ..theme_columns import themes_from_rows

            return themes_from_rows(rows, self.locale_id)
        themes = self.themes.all()
        if not isinstance(themes, QuerySet):  # a preview's unsaved choice (kept in memory)
            keys = [theme.translation_key for theme in themes]
            return list(Theme.objects.filter(locale_id=self.locale_id, translation_key__in=keys))

        def build(story_id, locale_id):  # compiled once per process
            chosen = type(self).themes.through.objects.filter(storypage_id=story_id)
            keys = chosen.values("theme__translation_key")
            return Theme.objects.filter(locale_id=locale_id, translation_key__in=keys)

        from operations.compiled_queries import run_compiled

        return run_compiled("story-themes", build, story_id=self.pk, locale_id=self.locale_id)

    def _related_links(self, theme_keys, locale_id=None, story_id=None):
        """The story-theme links of the live, non-alias stories of this story's language (this
        one left out) to themes with these translation keys (themes shared in any of their
        translations), from the ranking's own copy of them (live_story_themes.py).
        `locale_id` and `story_id` stand in for this story's own."""
        from .live_story_themes import LiveStoryTheme

        return LiveStoryTheme.objects.filter(
            theme__translation_key__in=theme_keys,
            locale_id=self.locale_id if locale_id is None else locale_id,
        ).exclude(story_id=self.pk if story_id is None else story_id)

    def _related_ranking(self, theme_keys, limit, **this_story):
        return (
            self._related_links(theme_keys, **this_story)
            .values("story_id")
            .annotate(shared_themes=Count("theme_id"))
            .order_by("-shared_themes", "-first_published", "-story_id")
            .values_list("story_id", flat=True)[:limit]
        )

    def related_story_ids(self, limit=3):
        """Ids of the live stories sharing the most themes with this one, newest first.

        The ranking groups the links of live stories (LiveStoryTheme, with each story's language
        and date beside its links) by story, from one index: ranking whole page rows cost tens
        of milliseconds with a few thousand stories, and joining the link table to the page and
        story tables about 3 ms.
        """
        theme_keys = [theme.translation_key for theme in self.theme_list()]
        if not theme_keys:
            return []
        return list(self._related_ranking(theme_keys, limit))

    def _related_stories(self, limit=3):
        """The related stories (related_story_ids) read with their card data in the ranking's
        query (collection/cards.py card_queryset), by id in the ranking's order; the query is
        compiled once per process (operations/compiled_queries.py)."""
        from django.db.models import OuterRef, Subquery
        from django.utils.translation import get_language

        from operations.compiled_queries import padded, run_compiled

        from ..cards import card_queryset, cards_read

        theme_keys = [theme.translation_key for theme in self.theme_list()]
        if not theme_keys:
            return {}

        def build(theme_keys, locale_id, story_id):
            this_story = {"locale_id": locale_id, "story_id": story_id}
            shared = (
                self._related_links(theme_keys, **this_story)
                .filter(story_id=OuterRef("pk"))
                .values("story_id")
                .annotate(count=Count("theme_id"))
                .values("count")
            )
            ranking = self._related_ranking(theme_keys, limit, **this_story)
            return card_queryset(ranking, shared_themes=Subquery(shared))

        stories = run_compiled(
            "related-story-cards",
            build,
            shape=(get_language(), limit),
            theme_keys=padded(theme_keys),  # the same links: IN ignores repeats
            locale_id=self.locale_id,
            story_id=self.pk,
        )

        def rank(story):
            published = story.first_published  # a date; none sorts last, as on SQLite
            return (-story.shared_themes, -(published.toordinal() if published else 0), -story.pk)

        return {story.pk: story for story in sorted(cards_read(stories).values(), key=rank)}

    def related_cards(self, request):
        """The related stories' cards as HTML. The ranking and the cards are kept until content
        changes (collection/fragments.py, collection/cards.py), so a story read again, or a card
        already shown elsewhere, costs no query. A ranking worked out afresh reads its stories'
        card data in the same query."""
        from .. import cards, fragments

        read = {}

        def ranking():
            read.update(self._related_stories())
            return list(read)

        ranked = fragments.remember(request, "related-stories", self.pk, ranking)
        return cards.story_cards(request, ranked, heading_level=3, loaded=read)

    def series_context(self, request=None):
        """The series this story is in, with its previous and next live stories, as plain
        values (title and URL) that are kept until content changes.

        Only the ids of the series' live stories are read (for the position and length); the
        two neighbours are then loaded by id, so a long series costs no more than a short one.
        """
        from .. import fragments

        return fragments.remember(
            request, "series-navigation", self.pk, lambda: self._series_context(request)
        )

    def _series_context(self, request):
        from django.db.models import Subquery

        from illustrations.json_columns import loaded_instance
        from operations.compiled_queries import run_compiled

        from ..listings import series_rows
        from .series import SeriesPage, SeriesStory
        from .stories import StoryPage

        # The first live series in this story's language listing this story or the story it
        # was translated from (a translated series keeps the source's list of stories)...
        # ...read with its rows in one query: each row's live story here with its title and
        # address (for the neighbours' links), and the series' own link. Compiled once per
        # process (operations/compiled_queries.py): building it cost more than running it.
        series_fields = [f"series__{name}" for name in ("id", *LINK_FIELDS)]

        def build(translation_key, locale_id):
            membership = (
                SeriesStory.objects.filter(
                    story__translation_key=translation_key,
                    series__locale_id=locale_id,
                    series__live=True,
                )
                .order_by("pk")
                .values("series_id")[:1]
            )
            return series_rows(
                Subquery(membership), locale_id, fields=("title", "url_path")
            ).values_list("local_id", "local_title", "local_url_path", *series_fields)

        rows = run_compiled(
            "story-series-rows",
            build,
            translation_key=self.translation_key,
            locale_id=self.locale_id,
        )
        if not rows:
            return {}
        series = loaded_instance(
            SeriesPage, **dict(zip(("id", *LINK_FIELDS), rows[0][3:], strict=True))
        )
        stories = {}  # id -> (title, address path), in the series' order
        for pk, title, url_path, *_series in rows:
            if pk is not None:
                stories.setdefault(pk, (title, url_path))
        ids = list(stories)

        from ..page_urls import page_url

        def link(page):  # the neighbours are siblings: their address is worked out once
            return {"title": page.title, "url": page_url(page, request)} if page else None

        def story_link(pk):
            if pk is None:
                return None
            title, url_path = stories[pk]
            return link(
                loaded_instance(
                    StoryPage, id=pk, title=title, url_path=url_path, locale_id=self.locale_id
                )
            )

        context = {"series": link(series), "series_length": len(ids)}
        if self.pk in ids:
            position = ids.index(self.pk)
            previous_id = ids[position - 1] if position > 0 else None
            next_id = ids[position + 1] if position + 1 < len(ids) else None
            context["series_position"] = position + 1
            context["series_previous"] = story_link(previous_id)
            context["series_next"] = story_link(next_id)
        return context
