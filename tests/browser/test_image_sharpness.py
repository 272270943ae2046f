"""Every illustration is sharp and no heavier than it needs to be, as Chromium picks it.

For heroes, cards, body illustrations, portraits and series covers, at viewports of 375, 768,
1,280 and 1,920 px and device pixel ratios 1, 2 and 3: the file the browser chose (`currentSrc`,
its real width read from a fresh `Image` of it, since `naturalWidth` of a srcset image is scaled
by the chosen density) is at least the drawn width times the ratio (or the artwork's own width
when that is less) and at most 1.5 times it. Also: a story page's first view at 375 px, 2x,
stays within its byte budget.

The artwork is flat colour, 2,400 x 1,500 px, as an illustrator would deliver it, and every
rendition the site makes is made (the shared `quick_renditions` fixture is switched off here).
"""

import io

import pytest
from django.core.files.base import ContentFile
from PIL import Image, ImageDraw

from collection.models import SeriesStory
from illustrations.renditions import VARIANTS
from tests import factories

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

VIEWPORTS = (375, 768, 1280, 1920)
RATIOS = (1, 2, 3)
ARTWORK_SIZE = (2400, 1500)
PAGE_BUDGET = 250 * 1024
OWN_BUDGET = 60 * 1024  # the page's own HTML, CSS and JS

# (kind, page key, selector, variant). The featured card on the home page is left out: its
# image is cropped to the card's height (object-fit: cover), not drawn at its own shape.
PLACES = [
    ("hero", "story", ".story__hero img", "hero"),
    ("body text", "story", ".story__body .illustration--text img", "text"),
    ("body wide", "story", ".story__body .illustration--wide img", "wide"),
    ("body full", "story", ".story__body .illustration--full img", "full"),
    ("card (home)", "home", ".card-grid .story-card:not(.story-card--featured) img", "card"),
    ("card (listing)", "listing", ".story-card img", "card"),
    ("series cover", "series", ".page-header__image img", "cover"),
    ("portrait (header)", "author", ".page-header__portrait img", "portrait"),
    ("portrait (grid)", "people", ".person-card__image img", "avatar"),
]

# Scrolls each image into view (lazy ones load then), waits for it, and reads what was chosen.
MEASURE = """
async (selector) => {
  const found = [];
  for (const img of document.querySelectorAll(selector)) {
    img.scrollIntoView({block: "center"});
    await new Promise((resolve) => {
      if (img.complete && img.currentSrc) return resolve();
      img.addEventListener("load", resolve, {once: true});
      img.addEventListener("error", resolve, {once: true});
    });
    const probe = new Image();
    probe.src = img.currentSrc;
    await probe.decode();
    found.push({src: img.currentSrc, file: probe.naturalWidth,
                drawn: img.getBoundingClientRect().width});
  }
  return found;
}
"""


def flat_artwork(size=ARTWORK_SIZE):
    """Rows of flat-colour dots on a plain ground: large in pixels, small in bytes."""
    width, height = size
    picture = Image.new("RGB", size, "#f4ecdf")
    draw = ImageDraw.Draw(picture)
    step = width // 24
    for row, y in enumerate(range(step // 2, height, step)):
        for x in range(step // 2, width, step):
            colour = ("#c9822b", "#1f6f78", "#2d3142")[(row + x // step) % 3]
            draw.ellipse((x - step // 3, y - step // 3, x + step // 3, y + step // 3), fill=colour)
    buffer = io.BytesIO()
    picture.save(buffer, "PNG", optimize=True)
    return buffer.getvalue()


@pytest.fixture
def quick_renditions():
    """Overrides the shared fixture: here every width and format is made, as in production."""


@pytest.fixture
def pictures(site_tree, settings):
    # The fastest AVIF encoder setting: what is measured is which width is chosen.
    settings.WAGTAILIMAGES_AVIF_SPEED = 10
    # One artwork per place on a page: Chromium reuses a wider candidate already in its memory
    # cache (HTMLSrcsetParser), which would hide what each place picks on its own.
    artwork, text, wide, full, cover = (
        factories.IllustrationFactory(
            title=f"Rows of dots {name}", file=ContentFile(flat_artwork(), name=f"dots-{name}.png")
        )
        for name in ("hero", "text", "wide", "full", "cover")
    )
    author = factories.ContributorPageFactory(
        parent=site_tree["contributors"], title="Ama Mensah", slug="ama-mensah", portrait=artwork
    )
    stories = []
    for number in range(7):
        story = factories.StoryPageFactory(
            parent=site_tree["stories"],
            title=f"Who counts {number}",
            slug=f"who-counts-{number}",
            hero_image=artwork,
            body=[
                {"type": "paragraph", "value": "<p>Most studies draw on few communities.</p>"},
                factories.illustration_block(text, width="text"),
                factories.illustration_block(wide, width="wide"),
                factories.illustration_block(full, width="full"),
            ],
        )
        story.story_contributors.create(contributor=author, role="author")
        story.save_revision().publish()
        stories.append(story)
    series = factories.SeriesPageFactory(
        parent=site_tree["series"], slug="counting", cover_image=cover
    )
    SeriesStory.objects.create(series=series, story=stories[0])
    return {
        "artwork": artwork,
        "paths": {
            "story": stories[0].url,
            "home": "/",
            "listing": "/stories/",
            "series": series.url,
            "author": author.url,
            "people": "/contributors/",
        },
    }


def largest(artwork, variant):
    return VARIANTS[variant].largest_width(artwork)


def test_every_picture_is_sharp_and_not_oversized(browser, live_server, pictures):
    artwork, paths = pictures["artwork"], pictures["paths"]
    problems, measured = [], 0
    for ratio in RATIOS:
        for width in VIEWPORTS:
            for kind, key, selector, variant in PLACES:
                # A fresh context each time: nothing in the cache from another place or size.
                context = browser.new_context(
                    viewport={"width": width, "height": 900},
                    device_scale_factor=ratio,
                    base_url=live_server.url,
                )
                page = context.new_page()
                page.goto(paths[key])
                found = page.evaluate(MEASURE, selector)
                assert found, f"no {kind} image at {width} px"
                for image in found:
                    measured += 1
                    wanted = image["drawn"] * ratio
                    needed = min(wanted, largest(artwork, variant))
                    if not (needed - 1 <= image["file"] <= wanted * 1.5):
                        problems.append(
                            f"{kind} at {width} px {ratio}x: drawn {image['drawn']:.0f} px, "
                            f"file {image['file']} px (needs {needed:.0f}-{wanted * 1.5:.0f})"
                        )
            context.close()
    assert measured >= len(VIEWPORTS) * len(RATIOS) * len(PLACES)
    assert not problems, "\n".join(problems)


def test_story_first_view_on_a_phone_stays_in_budget(browser, live_server, pictures):
    context = browser.new_context(
        viewport={"width": 375, "height": 812}, device_scale_factor=2, base_url=live_server.url
    )
    page = context.new_page()
    responses = []
    page.on("requestfinished", lambda request: responses.append(request))
    page.goto(pictures["paths"]["story"], wait_until="networkidle")
    total, own = 0, 0
    lines = []
    for request in responses:
        sizes = request.sizes()
        size = sizes["responseBodySize"] + sizes["responseHeadersSize"]
        total += size
        if request.resource_type in ("document", "stylesheet", "script"):
            own += size
        lines.append(f"{size:>8} {request.resource_type:<10} {request.url}")
    context.close()
    report = "\n".join(lines)
    print(f"first view: {total} bytes in all, {own} bytes of HTML, CSS and JS\n{report}")
    # The hero was fetched (the budget is not met by leaving the picture out).
    assert any("dots" in request.url and request.resource_type == "image" for request in responses)
    assert total <= PAGE_BUDGET, report
    assert own <= OWN_BUDGET, report
