"""Story cards read in one query (collection/cards.py load_cards): the stories with their
contributors' names (collection/card_columns.py) and their heroes' renditions
(illustrations/json_columns.py); related stories read in the ranking's query; a body's images
read ahead in one query (illustrations/read_ahead.py). Run on SQLite and PostgreSQL alike, as
each builds its JSON columns in the database's own dialect."""

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from collection.cards import card_html, load_cards
from collection.models import StoryContributor, StoryPage
from illustrations.read_ahead import images_read_ahead
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture(params=["fresh", "kept"])
def fragments(request, settings, clear_caches):
    settings.FRAGMENT_CACHE_SECONDS = 300 if request.param == "kept" else 0
    return request.param


def test_cards_name_contributors_in_credit_order_and_draw_heroes_with_no_further_query(content, rf):
    story = content.story(title='Quotes " & <tags>')
    # Credits in an order their ids do not follow; a name that needs escaping.
    StoryContributor.objects.filter(story=story).delete()
    late = content.contributor(title="Zoë <Late>")
    early = content.contributor(title="Ada Early")
    StoryContributor.objects.create(story=story, contributor=late, role="author", sort_order=2)
    StoryContributor.objects.create(story=story, contributor=early, role="author", sort_order=1)
    untitled = content.story(hero_image=None)
    StoryContributor.objects.filter(story=untitled).delete()
    request = rf.get("/")
    card_html(request, load_cards([story.pk])[story.pk])  # makes the card's renditions

    with CaptureQueriesContext(connection) as queries:
        stories = load_cards([story.pk, untitled.pk])
    assert len(queries) == 1
    assert stories[untitled.pk].card_contributor_names in ("[]", [])
    with CaptureQueriesContext(connection) as queries:
        html = card_html(request, stories[story.pk])
        bare = card_html(request, stories[untitled.pk])
    assert len(queries) == 0, [q["sql"] for q in queries]
    assert "Ada Early, Zoë &lt;Late&gt;" in html
    assert "Quotes &quot; &amp; &lt;tags&gt;" in html
    assert "<img" in html and "story-card__by" not in bare


def test_the_featured_card_reads_the_hero_variant_and_the_others_the_card_crop(content, rf):
    first, second = content.story(), content.story()
    request = rf.get("/")
    for pk, featured in ((first.pk, True), (second.pk, False)):
        card_html(request, load_cards([pk], first.pk if featured else None)[pk], featured=featured)

    stories = load_cards([first.pk, second.pk], featured_id=first.pk)
    specs = {
        pk: {r.filter_spec for r in s.hero_image.prefetched_renditions} for pk, s in stories.items()
    }
    assert specs[first.pk] and specs[second.pk]
    assert not specs[first.pk] & specs[second.pk]  # each card's own variant only


def _related_titles(html):
    section = html.split('id="related-heading"', 1)[1].split("</section>", 1)[0]
    return re.findall(r'class="story-card__title"><a href="[^"]*">([^<]*)</a>', section)


def test_related_stories_rank_by_shared_themes_then_newest(client, content, fragments):
    consent, genomics, sovereignty = content.themes
    day = datetime.date(2026, 3, 1)

    def story(title, themes, days):
        page = content.story(
            in_series=False, title=title, first_published=day + datetime.timedelta(days)
        )
        page.themes.set(themes)
        page.save_revision().publish()
        return page

    reader = story("The story read", [consent, genomics, sovereignty], 0)
    story("One shared, newest", [consent], 30)
    story("Two shared, older", [consent, genomics], 1)
    story("Two shared, newer", [genomics, sovereignty], 2)
    story("Three shared", [consent, genomics, sovereignty], -5)
    StoryPage.objects.exclude(pk__in=[s.pk for s in content.stories[-5:]]).unpublish()

    for _ in range(2):  # afresh, then (when kept) from what was kept
        response = client.get(reader.url)
        assert response.status_code == 200
        assert _related_titles(response.content.decode()) == [
            "Three shared",
            "Two shared, newer",
            "Two shared, older",
        ]


def test_read_ahead_answers_only_the_whole_table_for_ids_it_read(content):
    from wagtail.images import get_image_model

    model = get_image_model()
    one, two, other = (factories.IllustrationFactory() for _ in range(3))
    with images_read_ahead({one.pk, two.pk, 999999}, [one, two]):
        with CaptureQueriesContext(connection) as queries:
            first = model.objects.in_bulk([one.pk, two.pk, 999999])
            again = model.objects.in_bulk([one.pk])
        assert len(queries) == 0
        assert first == {one.pk: one, two.pk: two}  # an id no longer in the library: absent
        assert again[one.pk] is not one and again[one.pk].pk == one.pk  # a copy, as Wagtail's
        with CaptureQueriesContext(connection) as queries:
            assert set(model.objects.in_bulk([one.pk, other.pk])) == {one.pk, other.pk}
            assert model.objects.filter(title="none such").in_bulk([one.pk]) == {}
        assert len(queries) == 2  # an id not read ahead, or a filtered queryset: asked
    with CaptureQueriesContext(connection) as queries:
        model.objects.in_bulk([one.pk])
    assert len(queries) == 1  # outside the block: asked
