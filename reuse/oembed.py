"""The oEmbed provider (https://oembed.com/): a story's address in, a `rich` embed out, whose
HTML is an iframe of the story's card page (reuse/cards.py).

As the specification asks: 404 for an address that is not a public story (or when no card fits
the given `maxwidth`/`maxheight`), 401 for a private story, 501 for any format but json, and a
width and height within the maxima given.
"""

from django.http import JsonResponse
from django.urls import reverse
from django.utils.html import format_html
from django.views.decorators.http import require_safe

from illustrations.attribution import is_reusable
from illustrations.renditions import VARIANTS, spec_for

from .citations.records import SITE_NAME, author_names
from .stories import PrivateStory, story_at

DEFAULT_WIDTH = 480
MIN_WIDTH = 240
MAX_WIDTH = 640
# Title, summary, credit and link below the illustration, at any width.
TEXT_HEIGHT = 200
CACHE_AGE = 3600


def error(status, message):
    return JsonResponse({"message": message}, status=status)


def _dimension(request, name):
    value = request.GET.get(name)
    if value is None or value == "":
        return None
    if not value.isdigit() or int(value) < 1:
        raise ValueError(f"{name} must be a positive whole number of pixels")
    return int(value)


def card_size(maxwidth, maxheight, has_image):
    """(width, height, with image) of the card iframe, or None when none fits."""
    width = min(maxwidth or DEFAULT_WIDTH, MAX_WIDTH)
    if width < MIN_WIDTH:
        return None
    if has_image:
        height = round(width * 2 / 3) + TEXT_HEIGHT
        if not maxheight or height <= maxheight:
            return width, height, True
    if maxheight and TEXT_HEIGHT > maxheight:
        return None
    return width, TEXT_HEIGHT, False


def thumbnail(request, image, maxwidth):
    """The largest card rendition already made that fits `maxwidth`, or None."""
    variant = VARIANTS["card"]
    specs = [spec_for(variant, width) for width in variant.widths]
    renditions = [
        rendition
        for rendition in image.renditions.filter(filter_spec__in=specs).order_by("-width")
        if not maxwidth or rendition.width <= maxwidth
    ]
    return renditions[0] if renditions else None


@require_safe
def oembed_view(request):
    if request.GET.get("format", "json") != "json":
        return error(501, "Only format=json is served.")
    url = request.GET.get("url", "").strip()
    if not url or "\x00" in url:
        return error(400, "Give the address of a story as url.")
    try:
        maxwidth = _dimension(request, "maxwidth")
        maxheight = _dimension(request, "maxheight")
    except ValueError as exc:
        return error(400, str(exc))
    try:
        story = story_at(request, url)
    except PrivateStory:
        return error(401, "That story is private.")
    if story is None:
        return error(404, "No public story at that address.")
    image = story.hero_image if story.hero_image and story.hero_image.is_complete else None
    size = card_size(maxwidth, maxheight, image is not None)
    if size is None:
        return error(404, "No card fits within maxwidth and maxheight.")
    width, height, with_image = size

    card_url = request.build_absolute_uri(reverse("reuse:card", args=(story.pk,)))
    if not with_image:
        card_url += "?image=0"
    data = {
        "type": "rich",
        "version": "1.0",
        "title": story.title,
        "provider_name": SITE_NAME,
        "provider_url": request.build_absolute_uri("/"),
        "cache_age": CACHE_AGE,
        "width": width,
        "height": height,
        "html": format_html(
            '<iframe src="{}" width="{}" height="{}" title="{}" loading="lazy" '
            'style="border:0;max-width:100%" '
            'sandbox="allow-popups allow-popups-to-escape-sandbox"></iframe>',
            card_url,
            width,
            height,
            f"{story.title} ({SITE_NAME})",
        ),
    }
    credits = story.credits(request)
    authors = author_names(credits)
    if authors:
        data["author_name"] = ", ".join(authors)
        first = next((c for c in credits if c.contributor.title == authors[0]), None)
        if first is not None and first.contributor.full_url:
            data["author_url"] = first.contributor.full_url
    # A thumbnail others may show by itself: only of artwork whose licence allows reuse.
    if image is not None and is_reusable(image):
        rendition = thumbnail(request, image, maxwidth)
        if rendition is not None:
            data["thumbnail_url"] = request.build_absolute_uri(rendition.url)
            data["thumbnail_width"] = rendition.width
            data["thumbnail_height"] = rendition.height
    return JsonResponse(data)
