"""The public credits page: every illustration on the site, who made it, under what licence,
and the stories where it appears."""

from django.template.response import TemplateResponse
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_safe

from .credits import credited_illustrations


@require_safe
def credits_page(request):
    response = TemplateResponse(
        request,
        "illustrations/credits_page.html",
        {"entries": credited_illustrations(request), "page_title": "Illustration credits"},
    )
    # Like the site's pages: shared caches may keep it briefly.
    patch_cache_control(response, public=True, max_age=300)
    return response
