"""/stories/: filters in the query string, pagination that keeps them, newest first."""

import pytest

from collection.models import StoryFormat

pytestmark = pytest.mark.django_db


def titles(html, stories):
    return [story.title for story in stories if f">{story.title}</a>" in html]


def test_filters_by_theme_format_and_series(client, content):
    stories = list(content.stories_up_to(4))
    podcast, _ = content.podcast()

    html = client.get("/stories/?theme=genomics").content.decode()
    expected = [s for s in stories + [podcast] if s.themes.filter(slug="genomics").exists()]
    assert set(titles(html, stories + [podcast])) == {s.title for s in expected}
    assert '<option value="genomics" selected>' in html

    html = client.get(f"/stories/?format={StoryFormat.PODCAST}").content.decode()
    assert titles(html, stories + [podcast]) == [podcast.title]

    html = client.get("/stories/?series=missing-from-the-data").content.decode()
    assert podcast.title not in html and stories[0].title in html


def test_newest_first_and_pagination_keeps_filters(client, content):
    stories = content.stories_up_to(14)
    html = client.get("/stories/?theme=consent").content.decode()
    assert "page=2" in html and "theme=consent&amp;page=2" in html
    page_one = client.get("/stories/").content.decode()
    newest = sorted(stories, key=lambda s: s.first_published, reverse=True)
    shown = titles(page_one, newest)
    assert shown == [s.title for s in newest[:12]]
    page_two = client.get("/stories/?page=2").content.decode()
    assert titles(page_two, newest) == [s.title for s in newest[12:]]
    assert client.get("/stories/?page=99").status_code == 200
    assert client.get("/stories/?page=abc").status_code == 200


def test_unknown_filter_values_are_ignored_and_no_match_is_helpful(client, content):
    content.stories_up_to(2)
    html = client.get("/stories/?theme=nope&format=opera").content.decode()
    assert "2 stories" in html
    html = client.get("/stories/?format=video").content.decode()
    assert "No stories match those filters yet." in html
    assert "Clear filters" in html
