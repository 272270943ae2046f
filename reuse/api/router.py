"""The read API's router (Wagtail's `WagtailAPIRouter`) and its URL patterns, each view wrapped
with the rate limit, ETag / 304 and cache headers of reuse/http.py."""

from django.urls import path
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.utils.urlpatterns import decorate_urlpatterns

from ..http import public_api
from . import openapi
from .images import PublicImagesEndpoint
from .media import PublicMediaEndpoint
from .pages import PublicPagesEndpoint

api_router = WagtailAPIRouter("wagtailapi_v2")
api_router.register_endpoint("pages", PublicPagesEndpoint)
api_router.register_endpoint("images", PublicImagesEndpoint)
api_router.register_endpoint("media", PublicMediaEndpoint)


def api_urls():
    """For `include()` at /api/v2/: (patterns, app namespace "wagtailapi_v2")."""
    own = [path("openapi.json", openapi.openapi_view, name="openapi")]
    patterns = decorate_urlpatterns(own, public_api) + decorate_urlpatterns(
        api_router.get_urlpatterns(), public_api
    )
    return patterns, api_router.url_namespace
