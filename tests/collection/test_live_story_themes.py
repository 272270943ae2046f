"""The related-stories ranking reads its own copy of the story-theme links of live stories
(collection/models/live_story_themes.py). It must hold exactly the links of the live, non-alias
stories, with each story's language and date, after whatever editors and Wagtail do: publish,
a new revision with other themes, a draft, unpublish, expiry by the scheduler (a plain `Page`
saved), copies, aliases, translations, deletion of a story or a theme. The ranking read from it
is the ranking read from the link table."""

import datetime
import itertools

import pytest
from django.db.models import Count
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from wagtail.models import Locale, Page

from collection.models import LiveStoryTheme, StoryPage
from collection.models.live_story_themes import index_stories
from tests import factories

pytestmark = pytest.mark.django_db


def kept_rows():
    return set(
        LiveStoryTheme.objects.values_list("story_id", "theme_id", "locale_id", "first_published")
    )


def rows_from_links():
    """What the table must hold, read from the link table and the pages themselves."""
    return set(
        StoryPage.themes.through.objects.filter(
            storypage__live=True, storypage__alias_of__isnull=True
        ).values_list(
            "storypage_id", "theme_id", "storypage__locale_id", "storypage__first_published"
        )
    )


def ranking_from_links(story, limit=3):
    """The related stories as the link table ranks them (the ranking before the table)."""
    keys = [theme.translation_key for theme in story.theme_list()]
    return list(
        StoryPage.themes.through.objects.filter(
            theme__translation_key__in=keys,
            storypage__live=True,
            storypage__locale_id=story.locale_id,
            storypage__alias_of__isnull=True,
        )
        .exclude(storypage_id=story.pk)
        .values("storypage_id")
        .annotate(shared=Count("theme_id"))
        .order_by("-shared", "-storypage__first_published", "-storypage_id")
        .values_list("storypage_id", flat=True)[:limit]
    )


def published_story(parent, themes, day=1, **kwargs):
    story = factories.StoryPageFactory(
        parent=parent, first_published=datetime.date(2026, 1, day), **kwargs
    )
    story.themes.set(themes)
    story.save_revision().publish()
    return story


@pytest.fixture
def themes():
    return [factories.ThemeFactory(name=f"Theme {n}", slug=f"theme-{n}") for n in range(4)]


def test_a_published_story_has_a_row_per_theme_and_a_draft_changes_nothing(site_tree, themes):
    story = published_story(site_tree["stories"], themes[:2])
    assert kept_rows() == rows_from_links()
    assert {row[1] for row in kept_rows()} == {themes[0].pk, themes[1].pk}

    draft = StoryPage.objects.get(pk=story.pk)
    draft.themes.set(themes[2:])
    draft.first_published = datetime.date(2020, 1, 1)
    draft.save_revision()  # a draft: the live story keeps its themes and date
    assert kept_rows() == rows_from_links()
    assert {row[1] for row in kept_rows()} == {themes[0].pk, themes[1].pk}

    draft.get_latest_revision().publish()
    assert kept_rows() == rows_from_links()
    assert {row[1:] for row in kept_rows()} == {
        (themes[2].pk, story.locale_id, datetime.date(2020, 1, 1)),
        (themes[3].pk, story.locale_id, datetime.date(2020, 1, 1)),
    }


def test_unpublishing_and_expiry_drop_the_rows(site_tree, themes):
    first = published_story(site_tree["stories"], themes[:2])
    second = published_story(site_tree["stories"], themes[1:3], day=2)
    first.unpublish()
    assert kept_rows() == rows_from_links()
    assert {row[0] for row in kept_rows()} == {second.pk}

    # Wagtail's scheduler unpublishes expired pages as plain Page rows.
    expired = Page.objects.get(pk=second.pk)
    assert type(expired) is Page
    expired.unpublish(set_expired=True)
    assert kept_rows() == rows_from_links() == set()

    StoryPage.objects.get(pk=first.pk).save_revision().publish()
    assert kept_rows() == rows_from_links()
    assert {row[0] for row in kept_rows()} == {first.pk}


def test_copies_aliases_translations_and_deletions(site_tree, themes):
    story = published_story(site_tree["stories"], themes[:2])
    copy = story.copy(update_attrs={"slug": "a-live-copy", "title": "A live copy"}, keep_live=True)
    # Wagtail's create_alias copies the story's podcast GUID, which must be unique (noted in
    # the issue): an alias is made here by saving a live story as one.
    alias = published_story(site_tree["stories"], themes[2:], day=3)
    alias.alias_of = story
    alias.save()
    assert alias.live
    welsh = Locale.objects.get_or_create(language_code="cy")[0]
    translated = story.copy_for_translation(welsh, copy_parents=True)
    translated.save_revision().publish()
    assert kept_rows() == rows_from_links()
    assert {row[0] for row in kept_rows()} == {story.pk, copy.pk, translated.pk}
    assert {row[2] for row in kept_rows() if row[0] == translated.pk} == {welsh.pk}

    themes[0].delete()
    copy.delete()
    assert kept_rows() == rows_from_links()
    assert {row[0] for row in kept_rows()} == {story.pk, translated.pk}


def test_rebuilding_the_table_gives_what_saves_kept(site_tree, themes):
    for day in range(1, 6):
        published_story(site_tree["stories"], themes[day % 3 : day % 3 + 2], day=day)
    kept = kept_rows()
    LiveStoryTheme.objects.all().delete()
    index_stories()
    assert kept_rows() == kept == rows_from_links()


examples = itertools.count()  # examples share the test's database: slugs kept apart
steps = st.lists(
    st.tuples(
        st.sampled_from(["publish", "draft", "unpublish", "expire"]),
        st.integers(min_value=0, max_value=3),  # which story
        st.sets(st.integers(min_value=0, max_value=3), max_size=3),  # its themes
        st.integers(min_value=1, max_value=4),  # its first-published day
    ),
    min_size=1,
    max_size=10,
)


@settings(
    max_examples=20,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(steps=steps)
def test_the_ranking_from_the_table_is_the_ranking_from_the_links(site_tree, themes, steps):
    example = next(examples)
    stories = [
        published_story(
            site_tree["stories"], themes[n : n + 2], day=n + 1, slug=f"story-{example}-{n}"
        )
        for n in range(4)
    ]
    for action, which, chosen, day in steps:
        story = StoryPage.objects.get(pk=stories[which].pk)
        if action in ("publish", "draft"):
            story.themes.set([themes[n] for n in chosen])
            story.first_published = datetime.date(2026, 2, day)
            revision = story.save_revision()
            if action == "publish":
                revision.publish()
        elif story.live and action == "unpublish":
            story.unpublish()
        elif story.live:
            Page.objects.get(pk=story.pk).unpublish(set_expired=True)
    assert kept_rows() == rows_from_links()
    for story in StoryPage.objects.filter(pk__in=[story.pk for story in stories]):
        assert story.related_story_ids() == ranking_from_links(story)
    StoryPage.objects.filter(pk__in=[story.pk for story in stories]).delete()
