"""The story-theme links of live stories, with what the related-stories ranking sorts by.

A story's related stories are the live, non-alias stories of its language sharing the most of
its themes, newest first (story_neighbours.py). Read from the link table, that ranking joins
each of the ~1,100 links sharing a theme to Wagtail's page table (live, language, alias) and to
the story table (first published): two hash joins over every story of the language, the dearest
query of a story read afresh (about 3 ms in PostgreSQL with 2,000 stories). `LiveStoryTheme`
holds the same links, for live non-alias stories only, with the story's language and
first-published date beside each: the ranking becomes an index-only scan of one table.

It is not a cache. Each story's rows are rewritten from the database's own rows
(`index_stories`) in the transaction of every save of the story: StoryPage.save (publishing,
unpublishing, copying, moving, a revision's themes) and, for a story saved as a plain Wagtail
Page (the scheduler's expiry unpublishes `Page` rows), a post_save receiver
(collection/signals.py). Rows go with their story, theme or locale (CASCADE). `index_stories`
rewrites the rows of stories written around the ORM (the benchmark's bulk inserts); with no
ids it rebuilds the whole table. Migration 0009 filled it the same way, with the models as
they were then.
"""

from django.db import models
from wagtail.models import Locale

# The fields of a story whose change in a save can add, drop or move its rows.
INDEXED_FIELDS = frozenset(
    ("live", "alias_of", "alias_of_id", "locale", "locale_id", "first_published", "themes")
)


class LiveStoryTheme(models.Model):
    # Looked up by story through the unique (story, theme) index: no index of its own.
    story = models.ForeignKey(
        "collection.StoryPage", on_delete=models.CASCADE, related_name="+", db_index=False
    )
    theme = models.ForeignKey(
        "collection.Theme", on_delete=models.CASCADE, related_name="+", db_index=False
    )
    locale = models.ForeignKey(Locale, on_delete=models.CASCADE, related_name="+", db_index=False)
    first_published = models.DateField(null=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["story", "theme"], name="live_story_theme_unique")
        ]
        indexes = [
            # The ranking: a language's links to some themes, with the story and date to group
            # and sort by, from the index alone.
            models.Index(
                fields=["locale", "theme", "story", "first_published"],
                name="live_story_theme_rank_idx",
            )
        ]

    def __str__(self):
        return f"story {self.story_id}, theme {self.theme_id}"


def index_stories(story_ids=None):
    """Rewrite the rows of these stories (all stories when None) from the database: one row per
    story-theme link of each live, non-alias story among them."""
    from .stories import StoryPage

    links = StoryPage.themes.through.objects.filter(
        storypage__live=True, storypage__alias_of__isnull=True
    )
    current = LiveStoryTheme.objects.all()
    if story_ids is not None:
        story_ids = list(story_ids)
        links = links.filter(storypage_id__in=story_ids)
        current = current.filter(story_id__in=story_ids)
    current.delete()
    rows = links.values_list(
        "storypage_id", "theme_id", "storypage__locale_id", "storypage__first_published"
    )
    LiveStoryTheme.objects.bulk_create(
        [
            LiveStoryTheme(story_id=story, theme_id=theme, locale_id=locale, first_published=date)
            for story, theme, locale, date in rows
        ],
        batch_size=1000,
    )


def saved_fields_matter(update_fields):
    """Whether a save with these update_fields (None: every field) can change a story's rows."""
    return update_fields is None or bool(INDEXED_FIELDS & set(update_fields))
