"""What readers who adapt the page get: WCAG 1.4.12 text spacing at 320 px, forced colours
(Windows high contrast), and axe's experimental rules on the pages every visit passes through.
"""

import pytest
from axe_playwright_python.sync_playwright import Axe

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

NARROW = {"width": 320, "height": 640}
# WCAG 1.4.12's text spacing, set through the CSSOM as the well-known bookmarklet does (the
# strict CSP refuses an injected <style>, but not styles set from script).
TEXT_SPACING = """() => {
  for (const el of document.querySelectorAll('body, body *')) {
    el.style.setProperty('line-height', '1.5', 'important');
    el.style.setProperty('letter-spacing', '0.12em', 'important');
    el.style.setProperty('word-spacing', '0.16em', 'important');
    if (el.tagName === 'P') el.style.setProperty('margin-bottom', '2em', 'important');
  }
}"""
OVERFLOWING = """() => {
  const limit = document.documentElement.clientWidth;
  return [...document.querySelectorAll('body *')]
    .filter(el => el.getBoundingClientRect().right > limit + 0.5)
    .filter(el => el.getClientRects().length && getComputedStyle(el).visibility !== 'hidden')
    .filter(el => !el.closest('.visually-hidden, [hidden]'))
    .map(el => el.tagName.toLowerCase() + (el.className ? '.' + el.className : '')
         + ' +' + Math.round(el.getBoundingClientRect().right - limit) + 'px');
}"""


def test_text_spacing_at_320px_overflows_nothing(demo_site, new_page):
    page = new_page(NARROW)
    for url in ("/", "/share-your-story/"):
        page.goto(url)
        page.evaluate(TEXT_SPACING)
        page.wait_for_timeout(100)
        assert page.evaluate(OVERFLOWING) == [], url
        assert page.locator(".site-footer a[href^='mailto:']").count() == 1


def test_the_brand_mark_is_drawn_in_forced_colours(demo_site, new_page):
    page = new_page()
    page.emulate_media(forced_colors="active")
    page.goto("/")
    widths = page.eval_on_selector_all(
        ".brand__mark",
        "marks => marks.map(m => parseFloat(getComputedStyle(m).borderLeftWidth))",
    )
    assert len(widths) == 2 and all(width > 0 for width in widths)


def test_no_paragraph_is_styled_as_a_heading(demo_site, new_page):
    page = new_page()
    options = {"runOnly": {"type": "rule", "values": ["p-as-heading"]}}
    for url in ("/", "/no-such-page/"):
        page.goto(url)
        violations = Axe().run(page, options=options).response["violations"]
        assert violations == [], (url, [node["target"] for v in violations for node in v["nodes"]])
