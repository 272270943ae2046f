"""A story's themes come with the query that routes to it (collection/theme_columns.py): the
same themes, in the same order, as the story's own query for them gives, in its language (a
Welsh story lists the Welsh translations of its themes and leaves out a theme not translated),
on SQLite and PostgreSQL alike."""

import pytest
from wagtail.models import Locale

from collection.models import StoryPage
from collection.models.base import routed_child
from collection.theme_columns import themes_from_rows
from tests import factories

pytestmark = pytest.mark.django_db


def shown(themes):
    return [(theme.pk, theme.translation_key, theme.name, theme.slug) for theme in themes]


def routed_and_queried(story):
    parent = story.get_parent()
    routed = routed_child(StoryPage, parent, story.slug)
    assert routed.theme_rows is not None
    from_routing = themes_from_rows(routed.theme_rows, routed.locale_id)
    queried = StoryPage.objects.get(pk=story.pk)._localized_themes()
    return shown(from_routing), shown(queried)


def test_a_story_shows_the_themes_its_own_query_gives_in_its_language(site_tree):
    welsh = Locale.objects.get_or_create(language_code="cy")[0]
    names = ["Zebra crossings", "consent", "Genomics", "Ápple"]  # name order, any case
    themes = [factories.ThemeFactory(name=name, slug=f"theme-{n}") for n, name in enumerate(names)]
    story = factories.StoryPageFactory(parent=site_tree["stories"])
    story.themes.set(themes)
    story.save_revision().publish()
    cymraeg = {}
    for theme, name in zip(themes[:2], ["Croesfannau", "Cydsyniad"], strict=True):
        translated = theme.copy_for_translation(welsh)
        translated.name = name
        translated.save()
        cymraeg[theme.translation_key] = translated
    welsh_story = story.copy_for_translation(welsh, copy_parents=True)
    welsh_story.save_revision().publish()

    from_routing, queried = routed_and_queried(story)
    assert from_routing == queried
    assert sorted(name for _pk, _key, name, _slug in from_routing) == sorted(names)

    from_routing, queried = routed_and_queried(welsh_story)
    assert from_routing == queried
    assert sorted(name for _pk, _key, name, _slug in from_routing) == ["Croesfannau", "Cydsyniad"]


def test_a_story_without_themes_has_none(site_tree):
    story = factories.StoryPageFactory(parent=site_tree["stories"])
    assert routed_and_queried(story) == ([], [])
