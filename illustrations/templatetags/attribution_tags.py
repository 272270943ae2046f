"""`{% illustration_attribution image %}`: the ready-to-paste TASL attribution of an openly
licensed illustration (nothing for artwork under all rights reserved)."""

from django import template
from django.urls import reverse

from ..attribution import attribution_for

register = template.Library()


def credits_entry_url(image, request=None):
    """The absolute address of the image's entry on the credits page."""
    path = f"{reverse('illustrations:credits')}#illustration-{image.pk}"
    return request.build_absolute_uri(path) if request is not None else path


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
