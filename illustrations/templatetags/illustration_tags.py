"""The one template tag that renders an illustration, with its alt text and credit, everywhere."""

from django import template

register = template.Library()

# Width of the rendition used for each place an illustration appears.
VARIANT_WIDTHS = {
    "hero": 1200,
    "card": 480,
    "portrait": 320,
    "text": 720,
    "wide": 1000,
    "full": 1600,
}


@register.inclusion_tag("illustrations/includes/illustration.html")
def illustration(
    image, variant="wide", alt=None, caption=None, decorative=None, loading="lazy", credit=True
):
    """Render `image` as a figure with its alt text (or alt="" when decorative) and credit.

    `alt` and `decorative` override the image's own per use (e.g. from an ImageBlock).
    """
    if image is None:
        return {"image": None}
    is_decorative = image.is_decorative if decorative is None else decorative
    alt_text = "" if is_decorative else (alt if alt else image.default_alt_text)
    width = VARIANT_WIDTHS.get(variant, VARIANT_WIDTHS["wide"])
    rendition = image.get_rendition(f"width-{width}")
    return {
        "image": image,
        "rendition": rendition,
        "alt": alt_text,
        "caption": caption if caption is not None else image.default_caption,
        "variant": variant,
        "loading": loading,
        "show_credit": credit,
    }
