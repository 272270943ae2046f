"""/stories/: filters in the query string, pagination that keeps them, newest first."""

import re

import pytest
from django.core.paginator import Paginator
from django.template.loader import render_to_string

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


def test_pagination_links_the_ends_and_the_neighbours_not_every_page():
    """A listing of many pages links the first and last page and two either side of the
    current one (167 links for 2,000 stories made the bar unusable and the page twice as big)."""
    page = Paginator(range(2000), 12).page(80)
    html = render_to_string(
        "collection/includes/pagination.html", {"page_obj": page, "query": "theme=consent"}
    )
    numbers = [int(n) for n in re.findall(r"page=(\d+)\"", html)]
    assert numbers == [79, 1, 78, 79, 80, 81, 82, 167, 81]
    assert html.count("pagination__gap") == 2
    assert 'href="?theme=consent&amp;page=80" aria-current="page"' in html
