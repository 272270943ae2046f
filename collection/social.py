"""The image a page is shared with: the 1200x630 social card (og:image, twitter:image, JSON-LD)."""

from illustrations.alt_text import alt_text_in
from illustrations.renditions import SOCIAL_SPEC, filter_for
from illustrations.shown_renditions import prefetched_match


def page_illustration(page):
    """The illustration that represents a page on cards and social shares, or None."""
    if page is None:
        return None
    for name in ("listing_image", "hero_image", "cover_image", "portrait"):
        if getattr(page, f"{name}_id", None):
            return getattr(page, name)
    return None


def absolute_url(request, url):
    if url.startswith(("http://", "https://")) or request is None:
        return url
    return request.build_absolute_uri(url)


def social_image_for(page, request=None):
    """The page's illustration as a 1200x630 social card image: a dict, or None."""
    image = page_illustration(page)
    if image is None:
        return None
    # The same rendition the illustrations app pre-generates on upload and publish; when it was
    # read along with the page, without Wagtail's get_rendition (which writes it back to the
    # renditions cache on every call: a round trip to Redis and a pickled rendition).
    found = prefetched_match(image, [SOCIAL_SPEC])
    rendition = found[SOCIAL_SPEC] if found else image.get_rendition(filter_for(SOCIAL_SPEC))
    return {
        "url": absolute_url(request, rendition.url),
        "width": rendition.width,
        "height": rendition.height,
        "alt": alt_text_in(image)[0],
    }
