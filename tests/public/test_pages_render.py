"""Every public page type renders for a visitor, with the parts readers need."""

import re

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


@pytest.mark.parametrize("kept", [False, True])
def test_home_features_the_chosen_story_then_the_newest_and_counts_themes(
    client, content, site_tree, settings, clear_caches, kept, django_capture_on_commit_callbacks
):
    settings.FRAGMENT_CACHE_SECONDS = 300 if kept else 0
    stories = content.stories_up_to(9)
    home = site_tree["home"]
    html = client.get("/").content.decode()
    featured = html.split('class="home-featured"', 1)[1].split("</section>", 1)[0]
    assert f">{stories[-1].title}</a>" in featured  # none chosen: the newest

    home.featured_story = stories[0]  # the oldest
    with django_capture_on_commit_callbacks(execute=True):
        home.save_revision().publish()
    html = client.get("/").content.decode()
    featured, rest = html.split('class="home-featured"', 1)[1].split("</section>", 1)
    latest = rest.split('id="latest-heading"', 1)[1].split("</section>", 1)[0]
    assert f">{stories[0].title}</a>" in featured
    shown = [story.title for story in reversed(stories) if f">{story.title}</a>" in latest]
    assert shown == [story.title for story in reversed(stories[3:])]
    # Every theme with its live stories, counted (content gives themes 1, 2, 3 in turn).
    themes = html.split('id="themes-heading"', 1)[1].split("</section>", 1)[0]
    for name, count in (("Consent", 9), ("Genomics", 6), ("Data sovereignty", 3)):
        assert re.search(
            rf"{name}</span> <span class=\"theme-link__count\">{count} stories", themes
        )
