"""English, Welsh and Urdu in a real browser: axe-core (WCAG 2.2 AA) in both directions at
320 and 1280 px, no sideways scrolling in Urdu at 320 px, the language switcher by keyboard,
the Urdu font downloaded by Urdu pages only, Welsh ŵ and ŷ drawn by the site's own fonts.

The pages are built here with the factories and translated with wagtail-localize, a few
strings really in Welsh and Urdu, so that right-to-left layout meets real Urdu text.
"""

import datetime

import pytest

from tests import factories
from tests.languages.page_translations import translate

from .test_public_site import audit

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

NARROW = {"width": 320, "height": 640}
WIDE = {"width": 1280, "height": 900}
FONT_FILE = (".woff2", ".woff", ".ttf", ".otf")

STORY_TITLE = "Who is counted"
SUMMARY = "A story about who is missing from the data."
PARAGRAPH = "Most studies draw on few communities."
WELSH = {
    "Stories": "Straeon",
    STORY_TITLE: "Pwy sy’n cael eu cyfrif",
    SUMMARY: "Stori am bwy sydd ar goll o’r data, o dŷ i dŷ ac o ddŵr i ddŵr.",
    PARAGRAPH: "Mae’r rhan fwyaf o astudiaethau’n dibynnu ar ychydig o gymunedau.",
    "Who is missing": "Pwy sydd ar goll",
}
URDU = {
    "Stories": "کہانیاں",
    STORY_TITLE: "کس کو گنا جاتا ہے",
    SUMMARY: "ایک کہانی کہ ڈیٹا میں کون شامل نہیں ہے۔",
    PARAGRAPH: "زیادہ تر تحقیق چند ہی برادریوں پر مبنی ہوتی ہے۔",
    "Who is missing": "کون غائب ہے",
}


@pytest.fixture
def languages_site(site_tree, live_server):
    """Home, stories index and an illustrated story in English, Welsh and Urdu, and a story
    only in English."""
    story = factories.StoryPageFactory(
        parent=site_tree["stories"],
        title=STORY_TITLE,
        slug="who-is-counted",
        summary=SUMMARY,
        first_published=datetime.date(2026, 12, 4),
        hero_image=factories.IllustrationFactory(),
        body=[
            {"type": "section_heading", "value": {"heading": "Who is missing", "level": "h2"}},
            {"type": "paragraph", "value": f"<p>{PARAGRAPH}</p>"},
            factories.illustration_block(factories.IllustrationFactory()),
            {"type": "paragraph", "value": f"<p>{PARAGRAPH}</p>"},
        ],
    )
    story.save_revision().publish()
    english_only = factories.StoryPageFactory(
        parent=site_tree["stories"], title="Only in English", slug="only-in-english"
    )
    english_only.save_revision().publish()
    pages = {"en-gb": {"home": "/", "stories": "/stories/", "story": story.url}}
    for code, strings in (("cy", WELSH), ("ur", URDU)):
        home = translate(site_tree["home"], code, strings)
        index = translate(site_tree["stories"], code, strings)
        translated = translate(story, code, strings)
        pages[code] = {"home": home.url, "stories": index.url, "story": translated.url}
    pages["english only"] = english_only.url
    return pages


def test_axe_in_both_directions_and_no_sideways_scroll_in_urdu(languages_site, new_page):
    problems = {}
    for viewport in (NARROW, WIDE):
        page = new_page(viewport)
        for code in ("en-gb", "cy", "ur"):
            for name, url in languages_site[code].items():
                response = page.goto(url)
                assert response.status == 200, url
                direction = page.evaluate("document.documentElement.dir")
                assert direction == ("rtl" if code == "ur" else "ltr"), url
                found = audit(page)
                if found:
                    problems[f"{code} {name} at {viewport['width']}px ({url})"] = found
                if code == "ur" and viewport is NARROW:
                    assert_no_sideways_scroll(page, url)
    assert not problems, "\n".join(f"{key}: {value}" for key, value in problems.items())


def assert_no_sideways_scroll(page, url):
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    # In right-to-left, what spills goes off the left edge: nothing may start left of 0.
    spilling = page.evaluate(
        """() => [...document.querySelectorAll('body *')]
          .filter(el => el.getClientRects().length && !el.closest('.visually-hidden, .skip-link'))
          .filter(el => el.getBoundingClientRect().left < -0.5
                     || el.getBoundingClientRect().right > innerWidth + 0.5)
          .map(el => el.tagName.toLowerCase() + '.' + el.className + ' '
                     + Math.round(el.getBoundingClientRect().left) + '..'
                     + Math.round(el.getBoundingClientRect().right))"""
    )
    assert spilling == [], url
    assert overflow <= 0, f"{url} scrolls sideways by {overflow}px"


def test_switcher_by_keyboard_leads_to_the_translated_page(languages_site, new_page):
    page = new_page(WIDE)
    page.goto(languages_site["en-gb"]["story"])
    focus_link(page, "اردو")
    page.keyboard.press("Enter")
    page.wait_for_url(f"**{languages_site['ur']['story']}")
    assert page.evaluate("[document.documentElement.lang, document.documentElement.dir]") == [
        "ur",
        "rtl",
    ]
    assert page.locator("h1").inner_text() == URDU[STORY_TITLE]
    # And on from Urdu to Welsh, the switcher now on the left but first in the tab order.
    focus_link(page, "Cymraeg")
    page.keyboard.press("Enter")
    page.wait_for_url(f"**{languages_site['cy']['story']}")
    assert page.evaluate("document.documentElement.lang") == "cy"
    assert page.locator("h1").inner_text() == WELSH[STORY_TITLE]
    current = page.locator(".language-switcher a[aria-current='page']")
    assert current.inner_text() == "Cymraeg"


def focus_link(page, name):
    """Tab from the top of the page to the switcher's link called `name`; its focus must
    show."""
    page.locator("body").focus()
    for _ in range(8):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.textContent.trim()") == name:
            break
    else:
        raise AssertionError(f"Tab never reached {name}")
    assert page.evaluate("document.activeElement.closest('.language-switcher') !== null")
    outline = page.evaluate(
        "getComputedStyle(document.activeElement).outlineStyle + ' ' +"
        " getComputedStyle(document.activeElement).outlineWidth"
    )
    assert outline.startswith("solid") and not outline.endswith(" 0px"), outline


def test_a_story_only_in_english_offers_no_missing_translation(languages_site, new_page):
    page = new_page(WIDE)
    page.goto(languages_site["english only"])
    assert page.locator(".language-switcher").count() == 0
    assert page.locator("a[hreflang], link[hreflang]").count() == 0
    # Its neighbour, translated, does offer both.
    page.goto(languages_site["en-gb"]["story"])
    assert page.locator(".language-switcher a").all_inner_texts() == [
        "English",
        "Cymraeg",
        "اردو",
    ]


def test_only_urdu_pages_download_a_font_and_it_draws_the_urdu(languages_site, new_page):
    page = new_page(WIDE)
    fonts = []
    page.on(
        "request",
        lambda request: fonts.append(request.url) if request.url.endswith(FONT_FILE) else None,
    )
    for code in ("en-gb", "cy"):
        for url in languages_site[code].values():
            page.goto(url)
            page.evaluate("document.fonts.ready.then(() => true)")
    # English and Welsh pages list "اردو" in the switcher, yet fetch no font for it.
    assert fonts == []

    page.goto(languages_site["ur"]["story"])
    page.evaluate("document.fonts.ready.then(() => true)")
    assert any("noto-nastaliq-urdu-urdu-400" in url for url in fonts), fonts
    assert any("noto-nastaliq-urdu-urdu-700" in url for url in fonts), fonts
    assert platform_fonts(page, ".story__summary") == {"Noto Nastaliq Urdu"}
    assert platform_fonts(page, "h1") == {"Noto Nastaliq Urdu"}
    # Nastaliq needs tall lines: at least twice the font size in running text.
    ratio = page.evaluate(
        """() => { const style = getComputedStyle(document.querySelector('.story__body p'));
                   return parseFloat(style.lineHeight) / parseFloat(style.fontSize); }"""
    )
    assert ratio >= 2


def test_welsh_circumflexed_w_and_y_come_from_the_site_s_fonts(languages_site, new_page):
    page = new_page(WIDE)
    page.goto(languages_site["cy"]["story"])
    for selector in (".story__summary", "h1", ".site-search button"):
        stack = page.evaluate(f"getComputedStyle(document.querySelector({selector!r})).fontFamily")
        names = {name.strip().strip('"') for name in stack.split(",")}
        used = platform_fonts(page, ".story__summary")
        assert used and used <= names | {"DejaVu Sans", "DejaVu Serif"}, (used, stack)
    # No box in place of a letter: ŵ and ŷ are as wide as w and y in the summary's font.
    widths = page.evaluate(
        """() => { const probe = document.createElement('span');
                   document.querySelector('.story__summary').append(probe);
                   probe.style.fontKerning = 'none';  // w-w has a kerning pair, ŵ-ŵ none
                   const measure = text => { probe.textContent = text;
                                             return probe.getBoundingClientRect().width; };
                   const result = [measure('ŵŵŵŵ'), measure('wwww'), measure('ŷŷŷŷ'),
                                   measure('yyyy')];
                   probe.remove(); return result; }"""
    )
    assert abs(widths[0] - widths[1]) < 1 and abs(widths[2] - widths[3]) < 1, widths
    assert "dŷ" in page.locator(".story__summary").inner_text()


def platform_fonts(page, selector):
    """The font families Chromium really drew an element's text with (DevTools protocol)."""
    session = page.context.new_cdp_session(page)
    session.send("DOM.enable")
    session.send("CSS.enable")
    root = session.send("DOM.getDocument", {"depth": -1})
    node = session.send(
        "DOM.querySelector", {"nodeId": root["root"]["nodeId"], "selector": selector}
    )
    fonts = session.send("CSS.getPlatformFontsForNode", {"nodeId": node["nodeId"]})["fonts"]
    session.detach()
    return {font["familyName"] for font in fonts if font["glyphCount"]}
