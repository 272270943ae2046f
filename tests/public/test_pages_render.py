"""Every public page type renders for a visitor, with the parts readers need."""

import pytest

pytestmark = pytest.mark.django_db


def test_story_page_shows_everything_a_reader_needs(client, content):
    first, second, third = content.stories_up_to(3)
    second.content_note = "This story discusses racism in medical research."
    second.save_revision().publish()

    html = client.get(second.url).content.decode()

    assert html.count("<h1") == 1
    assert "This story discusses racism in medical research." in html
    assert html.index("Content note") < html.index('id="story-body"')
    assert "Missing from the data" in html
    assert first.url in html and third.url in html  # previous and next in the series
    credit = second.story_contributors.first()
    assert credit.contributor.url in html
    assert "min read" in html
    assert 'rel="alternate" type="application/rss+xml"' in html
    assert '/stories/story-number-1/">' in html.split('rel="canonical"')[1][:80]
    assert 'property="og:image"' in html
    assert '"@type": "Article"' in html


def test_heading_levels_never_skip(client, content):
    story = content.story(
        body=[
            {"type": "key_facts", "value": {"heading": "Facts", "facts": ["x"], "style": "facts"}},
            {"type": "section_heading", "value": {"heading": "Deep", "level": "h3"}},
            {"type": "section_heading", "value": {"heading": "Top", "level": "h2"}},
            {"type": "section_heading", "value": {"heading": "Sub", "level": "h3"}},
            {"type": "key_facts", "value": {"heading": "More", "facts": ["y"], "style": "facts"}},
        ]
    )
    html = client.get(story.url).content.decode()
    import re

    levels = [int(level) for level in re.findall(r"<h([1-6])", html)]
    assert levels[0] == 1 or levels.index(1) >= 0
    previous = 1
    for level in levels[levels.index(1) + 1 :]:
        assert level <= previous + 1, levels
        previous = level
    assert '<h2 class="key-facts__heading"' in html
    assert '<h4 class="key-facts__heading"' in html  # inside the h3 sub-section


@pytest.mark.parametrize("path", ["/", "/stories/", "/series/", "/contributors/"])
def test_index_pages_answer(client, content, path):
    content.stories_up_to(3)
    response = client.get(path)
    assert response.status_code == 200
    assert response.content.decode().count("<h1") == 1


def test_series_and_contributor_pages(client, content):
    stories = content.stories_up_to(3)
    series_html = client.get(content.series.url).content.decode()
    positions = [series_html.index(story.title) for story in stories]
    assert positions == sorted(positions)
    person = stories[0].story_contributors.first().contributor
    person_html = client.get(person.url).content.decode()
    assert stories[0].title in person_html


def test_not_found_page_is_in_the_site_design(client, content):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "We could not find that page" in html
    assert 'class="skip-link"' in html
