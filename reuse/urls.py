"""Public URLs of the reuse app (included from site_project/urls.py).

- /api/v2/…: the read API and its OpenAPI description (reuse/api/router.py, namespace
  "wagtailapi_v2", included on its own so Wagtail's router can reverse its endpoints)
- /api/oembed/: the oEmbed provider
- /api/citations/<story id>.<ris|bib|json>: citation downloads
- /embed/stories/<story id>/: the card page other sites may frame
"""

from django.urls import path, re_path

from . import cards, citation_views, oembed
from .http import public_api

app_name = "reuse"

urlpatterns = [
    path("api/oembed/", public_api(oembed.oembed_view), name="oembed"),
    re_path(
        r"^api/citations/(?P<page_id>[0-9]+)\.(?P<kind>ris|bib|json)$",
        public_api(citation_views.citation_download),
        name="citation",
    ),
    path("embed/stories/<int:page_id>/", cards.story_card, name="card"),
]
