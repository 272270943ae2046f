"""`{% illustration_attribution image %}`: the ready-to-paste TASL attribution of an openly
licensed illustration (nothing for artwork under all rights reserved)."""

from django import template

from ..attribution import attribution_for, credits_entry_url

register = template.Library()


@register.inclusion_tag("illustrations/includes/attribution.html", takes_context=True)
def illustration_attribution(context, image):
    request = context.get("request")
    author_url = ""
    if image and image.illustrator_id and image.illustrator.live:
        author_url = image.illustrator.get_full_url(request) or ""
    attribution = (
        attribution_for(image, credits_entry_url(image, request), author_url) if image else None
    )
    return {"attribution": attribution}
