"""A page's own header figure (a series' cover, a contributor's portrait) and its social card
take their renditions from the query that routes to the page (collection/models/base.py
with_shown_images), not from the renditions cache: asking it cost a series page two round trips
to Redis and a dozen whole renditions unpickled on every reading afresh."""

import pytest
from django.core.cache import caches

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def nothing_kept(settings, clear_caches):
    settings.FRAGMENT_CACHE_SECONDS = 0


def renditions_cache_asked(client, url, monkeypatch):
    """The page read once to make its renditions, then again: how often the second reading
    asked the renditions cache, and the page."""
    assert client.get(url).status_code == 200
    cache = caches["renditions"]
    asked = []
    for name in ("get", "get_many"):
        original = getattr(cache, name)

        def spy(*args, _original=original, _name=name, **kwargs):
            asked.append(_name)
            return _original(*args, **kwargs)

        monkeypatch.setattr(cache, name, spy)
    response = client.get(url)
    assert response.status_code == 200
    return asked, response.content.decode()


def test_a_series_cover_is_drawn_without_asking_the_renditions_cache(client, content, monkeypatch):
    content.stories_up_to(2)
    cover = content.series.cover_image
    asked, html = renditions_cache_asked(client, content.series.url, monkeypatch)
    assert asked == []
    assert 'class="page-header__image"' in html
    rendition = cover.renditions.filter(filter_spec__startswith="fill-").first()
    assert rendition is not None and rendition.url in html  # the cover itself is drawn
    social = cover.renditions.get(filter_spec__contains="1200x630")
    assert social.url in html  # and the social card in the head


def test_a_contributors_portrait_is_drawn_without_asking_the_renditions_cache(
    client, content, monkeypatch
):
    person = content.contributor(title="Ada Portrait", slug="ada-portrait")
    person.save_revision().publish()
    asked, html = renditions_cache_asked(client, person.url, monkeypatch)
    assert asked == []
    assert any(r.url in html for r in person.portrait.renditions.all())


def top_level_rendition_queries(client, url):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    assert client.get(url).status_code == 200  # makes the renditions
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    table = '"illustrations_illustrationrendition"'
    read = [q["sql"] for q in queries.captured_queries if q["sql"].startswith(f"SELECT {table}")]
    return read, response.content.decode()


def test_a_storys_figures_come_with_its_body_images_the_hero_among_them(client, content):
    """The renditions of the body's figures and of the hero (here also shown in the body) are
    read with the body's images (collection/body_images.py): no query of their own."""
    from tests import factories

    story = content.story()
    extra = factories.IllustrationFactory()
    story.body = [
        {"type": "paragraph", "value": "<p>Opening.</p>"},
        factories.illustration_block(story.hero_image),
        factories.illustration_block(extra),
    ]
    story.save_revision().publish()
    read, html = top_level_rendition_queries(client, story.url)
    assert read == []
    for image in (story.hero_image, extra):
        wide = image.renditions.filter(filter_spec__startswith="width-").first()
        assert wide is not None and wide.url in html


def test_a_figure_whose_renditions_are_missing_is_drawn_and_they_are_made_again(client, content):
    """A rendition missing from what was read along (deleted here, as before its first view)
    is made on the next reading; after that the figures are read along again."""
    story = content.story()
    assert client.get(story.url).status_code == 200
    story.hero_image.renditions.filter(filter_spec__startswith="width-").delete()
    read, html = top_level_rendition_queries(client, story.url)
    assert read == []  # made on the first reading, read along again on the second
    wide = story.hero_image.renditions.filter(filter_spec__startswith="width-").first()
    assert wide is not None and wide.url in html
