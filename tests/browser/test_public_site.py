"""The public site in a real browser: axe-core audits of every page type, keyboard use, media,
click-to-load players, filters and search, at phone and desktop widths.

Each test loads the demo site once (live_server tests run in their own transaction, flushed
after; serialized_rollback puts back what the migrations made, for the tests that follow).
"""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe

from collection.models import ContributorPage, SeriesPage, StoryPage

from .conftest import DESKTOP, PHONE

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

AXE_OPTIONS = {
    "runOnly": {
        "type": "tag",
        "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"],
    },
    "resultTypes": ["violations"],
}


def page_type_urls():
    """One address for every kind of public page, taken from the demo content."""
    stories = StoryPage.objects.live()
    urls = {
        "home": "/",
        "stories": "/stories/",
        "stories filtered": "/stories/?theme=consent&format=podcast",
        "stories no match": "/stories/?format=video&series=whose-samples&theme=biobanks",
        "series index": "/series/",
        "series": SeriesPage.objects.live().first().url,
        "contributors": "/contributors/",
        "contributor": ContributorPage.objects.live().first().url,
        "search results": "/search/?q=consent",
        "search nothing found": "/search/?q=zzyzx",
        "search empty": "/search/",
        "not found": "/no-such-page/",
        "share your story": "/share-your-story/",
    }
    for story_format in ("article", "podcast", "video", "illustrated-essay", "personal-story"):
        story = stories.filter(format=story_format).first()
        if story:
            urls[f"story ({story_format})"] = story.url
    podcast = stories.filter(format="podcast").first()
    urls["transcript"] = podcast.url + "transcript/"
    return urls


def audit(page):
    results = Axe().run(page, options=AXE_OPTIONS)
    return [
        f"{violation['id']} ({violation['impact']}): {violation['help']} -> "
        + "; ".join(node["target"][0] if node["target"] else "?" for node in violation["nodes"])
        for violation in results.response["violations"]
    ]


def test_every_page_type_has_no_axe_violations(demo_site, new_page):
    urls = page_type_urls()
    assert len(urls) >= 18
    problems = {}
    for viewport in (PHONE, DESKTOP):
        page = new_page(viewport)
        # The strict Content-Security-Policy must not block anything the site itself does.
        blocked = []
        page.on(
            "console",
            lambda message, blocked=blocked: (
                blocked.append(message.text) if "Content Security Policy" in message.text else None
            ),
        )
        for name, url in urls.items():
            response = page.goto(url)
            expected = 404 if name == "not found" else 200
            assert response.status == expected, f"{name} {url} answered {response.status}"
            assert page.locator("h1").count() == 1, f"{name} needs exactly one h1"
            found = audit(page)
            if found:
                problems[f"{name} at {viewport['width']}px ({url})"] = found
            # Nothing is wider than a phone's screen.
            overflow = page.evaluate(
                "document.documentElement.scrollWidth - document.documentElement.clientWidth"
            )
            assert overflow <= 0, f"{name} scrolls sideways by {overflow}px at {viewport}"
            assert not blocked, f"{name}: {blocked}"
    assert not problems, "\n".join(f"{key}: {value}" for key, value in problems.items())


def test_reader_journeys_at_phone_and_desktop_widths(demo_site, new_page):
    # One test for both widths and for JavaScript off: loading the demo site is the slow part.
    for viewport in (PHONE, DESKTOP):
        reader_journey(new_page(viewport))
    works_without_javascript(new_page(PHONE, javascript=False))
    focus_is_visible(new_page(DESKTOP))


def reader_journey(page):

    # The skip link is the first thing the keyboard reaches, and it moves focus to the content.
    page.goto("/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip-link"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"

    # Home -> the featured story -> one of its contributors.
    page.locator(".home-featured .story-card__title a").click()
    story_title = page.locator("h1").inner_text()
    assert page.locator(".story__body").count() == 1
    contributor = page.locator(".byline a").first
    name = contributor.inner_text()
    contributor.click()
    assert page.locator("h1").inner_text() == name
    assert page.locator(".story-card").count() >= 1
    assert story_title in page.locator("main").inner_text()

    # Filter the stories with the form; the address can be shared.
    page.goto("/stories/")
    page.select_option("#filter-format", "podcast")
    page.get_by_role("button", name="Show stories").click()
    page.wait_for_url(re.compile(r"format=podcast"))
    formats = page.locator(".story-card__format").all_inner_texts()
    assert formats and {text.strip().lower() for text in formats} == {"podcast"}
    page.goto(page.url)  # the same address shows the same filtered list
    assert page.locator("#filter-format").input_value() == "podcast"

    # Search from the header.
    page.goto("/")
    page.fill("#site-search-q", "consent")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/search/\?q=consent"))
    assert page.locator(".result").count() >= 1
    assert page.locator(".result__type").first.inner_text()

    # A podcast's transcript opens beside the player, and has its own page.
    podcast = StoryPage.objects.live().filter(format="podcast").first()
    page.goto(podcast.url)
    assert page.locator("audio[controls]").count() >= 1
    transcript = page.locator("details.transcript").first
    assert not transcript.locator(".transcript__text").is_visible()
    transcript.locator("summary").click()
    assert transcript.locator(".transcript__text").is_visible()
    page.get_by_role("link", name="Transcript on its own page").first.click()
    assert page.locator("h1").inner_text().startswith("Transcript")

    # An external video stays a facade until asked for; then the privacy-enhanced player loads.
    video = next(
        story
        for story in StoryPage.objects.live().filter(format="video")
        if any(block.block_type == "video" and block.value.get("url") for block in story.body)
    )
    page.goto(video.url)
    facade = page.locator(".facade[data-embed-url]").first
    assert page.locator("iframe").count() == 0
    assert not page.third_party_requests
    facade.locator(".facade__play").click()
    iframe = facade.locator("iframe")
    assert iframe.count() == 1
    assert iframe.get_attribute("src").startswith(
        ("https://www.youtube-nocookie.com/", "https://player.vimeo.com/")
    )
    assert iframe.get_attribute("title")


def works_without_javascript(page):
    video = StoryPage.objects.live().filter(format="video").first()
    page.goto(video.url)
    facades = page.locator(".facade")
    if facades.count():
        assert not facades.first.locator(".facade__play").is_visible()
        assert facades.first.locator(".facade__link a").is_visible()
    page.goto("/stories/")
    page.select_option("#filter-theme", index=1)
    page.get_by_role("button", name="Show stories").click()
    assert "theme=" in page.url
    page.locator(".story-card__title a").first.click()
    assert page.locator(".story__body").count() == 1


def focus_is_visible(page):
    page.goto("/stories/")
    for _ in range(4):
        page.keyboard.press("Tab")
    outline = page.evaluate(
        "getComputedStyle(document.activeElement).outlineStyle + ' ' +"
        " getComputedStyle(document.activeElement).outlineWidth"
    )
    assert outline.startswith("solid") and not outline.endswith(" 0px")
