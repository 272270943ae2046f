"""The one template tag that renders an illustration, with its alt text and credit, everywhere.

Usage::

    {% load illustration_tags %}
    {% illustration image variant="card" %}
    {% illustration page.hero_image variant="hero" %}          {# eager, fetchpriority=high #}
    {% illustration value.image variant=value.width alt=value.image.contextual_alt_text
                    decorative=value.image.decorative caption=value.caption %}

Arguments (all optional but `image`):

- `variant`: where it appears: "hero", "cover", "card", "portrait", "avatar", "text", "wide"
  (default) or "full"
  (see illustrations/renditions.py for widths, crops and `sizes`).
- `alt`: alt text for this use (e.g. an ImageBlock's contextual alt text); else the image's own
  in the page's language (illustrations/alt_text.py).
- `decorative`: True/False for this use; else the image's own flag. Decorative -> `alt=""`.
- `caption`: caption for this use; else the image's default caption in the page's language.
  Pass "" for none.
- `loading`: "lazy" or "eager"; default eager for "hero", lazy otherwise.
- `credit`: False to leave out the credit line (e.g. on a card whose story page credits it).
- `sizes`: override the variant's `sizes` hint.

It prints `figure > picture` with AVIF and WebP `<source>`s and a JPEG/PNG `<img>` in several
widths, explicit width/height, and a caption with "Illustration: <name>, <licence>" linking the
illustrator's page and the licence.

No query per image in a listing: give the tag images whose renditions were fetched together.

- A queryset of pages with image fields::

      from illustrations.renditions import with_illustrations
      stories = with_illustrations(StoryPage.objects.live(), "hero_image", variants=["card"])

- A queryset of images: ``Illustration.objects.filter(...).for_display("card")``
- Images already loaded (e.g. from StreamField): ``prefetch_renditions_for(images, "wide")``

The renditions themselves are generated in the background when an image is uploaded or
changed and when a page using it is published; the tag makes one only if it is still missing.
"""

import logging
from functools import lru_cache

from django import template
from django.utils.translation import get_language
from wagtail.images.models import SourceImageIOError

from ..alt_text import alt_text_in, caption_in, content_language
from ..figure_html import credit_html, figure_html
from ..renditions import (
    HEADROOM,
    MODERN_FORMATS,
    SOCIAL_SPEC,
    VARIANTS,
    filter_for,
    get_variant,
    variant_specs,
)
from ..shown_renditions import prefetched_match

register = template.Library()
logger = logging.getLogger(__name__)

MIME_TYPES = {"avif": "image/avif", "webp": "image/webp"}

# Kept for templates and code that read the main width of a variant.
VARIANT_WIDTHS = {name: variant.widths[-1] for name, variant in VARIANTS.items()}


def _srcset(renditions):
    """`url <w>w` for each distinct width, the descriptor being the real width / HEADROOM.

    Understating each width by HEADROOM makes Chromium's pick (which rounds to the nearer
    candidate by geometric mean, so sometimes down) land at or above the pixels the screen
    needs; see illustrations/renditions.py.
    """
    seen = {}
    for rendition in renditions:
        seen.setdefault(rendition.width, rendition.url)
    return ", ".join(f"{url} {round(width / HEADROOM)}w" for width, url in sorted(seen.items()))


def _licence_label(value):
    return _licence_label_in(value, get_language())


@lru_cache(maxsize=256)
def _licence_label_in(value, language):
    """The licence's label in `language` (the active one): the same few on every card."""
    from ..licences import Licence

    try:
        return str(Licence(value).label)
    except ValueError:  # a value no longer offered: shown as stored, as Django shows it
        return value


def _page_url(page, request):
    """`page.get_url(request)`, worked out once per request for each page, address and
    language: a series page credits the same few illustrators on dozens of cards."""
    if request is None:
        return page.get_url(request)
    urls = request.__dict__.setdefault("_page_urls", {})
    key = (page.pk, page.url_path, get_language())
    if key not in urls:
        urls[key] = page.get_url(request)
    return urls[key]


def credit_context(image, request=None):
    """Who to credit and under what licence, with links, for the credit line."""
    illustrator = image.illustrator if image.illustrator_id else None
    illustrator_url = ""
    if illustrator is not None and illustrator.live:
        illustrator_url = _page_url(illustrator, request) or ""
    holder = (image.copyright_holder or "").strip()
    name = image.credit_name
    return {
        "name": name,
        "url": illustrator_url,
        "copyright_holder": holder if holder and holder != name else "",
        # The label by value (get_licence_display() translates every choice to find one).
        "licence": _licence_label(image.licence) if image.licence else "",
        "licence_url": image.licence_url,
        "source_url": image.source_url,
    }


@register.simple_tag(takes_context=True)
def illustration(context, image, **options):
    """Render `image` as a figure with responsive sources, its alt text and its credit
    (options: variant, alt, caption, decorative, loading, credit, sizes; see figure_values).
    Built as a string (illustrations/figure_html.py): dozens are drawn on a listing."""
    return figure_html(figure_values(context, image, **options))


def figure_values(
    context,
    image,
    variant="wide",
    alt=None,
    caption=None,
    decorative=None,
    loading=None,
    credit=True,
    sizes=None,
):
    """What a figure shows of `image`: its sources, fallback, alt text, caption and credit."""
    if not image:
        return {"image": None}
    spec = get_variant(variant)
    specs_by_format = dict(variant_specs(image, spec))
    all_specs = [one for specs in specs_by_format.values() for one in specs]
    renditions = prefetched_match(image, all_specs)
    if renditions is None:
        try:
            renditions = image.get_renditions(*(filter_for(one) for one in all_specs))
        except SourceImageIOError:
            # The original file is missing from storage (e.g. a database copied without its
            # media): leave the figure out rather than failing the whole page.
            logger.warning("Image %s has no file in storage; not rendered", image.pk)
            return {"image": None}

    sources = []
    for fmt in MODERN_FORMATS:
        group = [renditions[one] for one in specs_by_format[fmt]]
        sources.append({"type": MIME_TYPES[fmt], "srcset": _srcset(group)})
    fallbacks = [renditions[one] for one in specs_by_format[None]]
    fallback = fallbacks[-1]

    is_decorative = image.is_decorative if decorative is None else bool(decorative)
    alt_lang = None
    if is_decorative:
        alt_text = ""
    elif alt:
        alt_text = alt
    else:
        # The image's own alt text in the page's language (illustrations/alt_text.py).
        alt_text, alt_language = alt_text_in(image)
        if alt_language and alt_language != content_language():
            alt_lang = alt_language
    if caption is None:
        caption = caption_in(image)
    if loading is None:
        loading = "eager" if variant == "hero" else "lazy"
    sizes = sizes or spec.sizes
    if loading == "lazy":
        # A lazy image is laid out before it loads, so Chromium can use its real width
        # ("auto"); browsers without it read the media conditions after the comma.
        sizes = f"auto, {sizes}"
    request = context.get("request")
    return {
        "image": image,
        "variant": variant,
        "sources": sources,
        "fallback": fallback,
        "fallback_srcset": _srcset(fallbacks),
        "sizes": sizes,
        "alt": alt_text,
        "alt_lang": alt_lang,
        "caption": caption,
        "loading": loading,
        "high_priority": variant == "hero" and loading == "eager",
        "show_credit": bool(credit) and bool(image.credit_name),
        "credit": credit_context(image, request) if credit else None,
        # Kept for templates written against the first version of this tag.
        "rendition": fallback,
    }


@register.simple_tag(takes_context=True)
def illustration_social_url(context, image):
    """The absolute URL of the image's social-card rendition (1200x630 JPEG), for og:image."""
    if not image:
        return ""
    url = image.get_rendition(filter_for(SOCIAL_SPEC)).url
    request = context.get("request")
    return request.build_absolute_uri(url) if request is not None else url


@register.simple_tag(takes_context=True)
def illustration_credit(context, image):
    """Just the credit line ("Illustration: <name>, <licence>"), e.g. for a credits list."""
    if not image or not image.credit_name:
        return ""
    return credit_html(credit_context(image, context.get("request")))


@register.inclusion_tag("illustrations/includes/portfolio.html", takes_context=True)
def illustrator_portfolio(context, contributor_page):
    """An illustrator's published work with the stories it appears in, for their page:
    ``{% illustrator_portfolio page %}``. A fixed number of queries however much they drew."""
    from ..credits import credited_illustrations

    return {
        "portfolio": credited_illustrations(context.get("request"), illustrator=contributor_page),
        "illustrator": contributor_page,
        "request": context.get("request"),
    }
