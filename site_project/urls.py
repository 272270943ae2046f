"""Root URL configuration."""

import re

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib.sitemaps.views import sitemap
from django.http import Http404
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from collection import views as collection_views
from collection.feeds import AtomStoriesFeed, PodcastFeed, StoriesFeed
from collection.sitemaps import CreditsInEveryLanguage, TranslatedPagesSitemap
from reuse.api.router import api_urls


def not_found(request):
    raise Http404


urlpatterns = [
    # Wagtail's error test view answers any admin user with a server error on purpose: nobody
    # needs it, and a 500 on demand only feeds error alerts. It is not found, for everyone.
    path("admin/failwhale/", not_found),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path(
        "sitemap.xml",
        sitemap,
        {"sitemaps": {"pages": TranslatedPagesSitemap, "credits": CreditsInEveryLanguage}},
        name="sitemap",
    ),
    path("robots.txt", collection_views.robots_txt, name="robots_txt"),
    # The read API, oEmbed, embeddable cards and citation downloads (reuse app).
    path("api/v2/", include(api_urls())),
    path("", include("reuse.urls")),
]

if settings.DEBUG:
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()

if (settings.DEBUG or settings.SERVE_MEDIA) and settings.MEDIA_URL.startswith("/"):
    from django.urls import re_path

    from operations.media_files import serve as serve_media

    # Uploaded media with HTTP Range (206), which Safari and podcast apps need to play and seek.
    urlpatterns += [
        re_path(rf"^{re.escape(settings.MEDIA_URL.lstrip('/'))}(?P<path>.*)$", serve_media),
    ]

# What readers see, in every language: English unprefixed, the others under their code
# (/cy/search/, /ur/feeds/podcast/). The language is taken from the path alone
# (operations/languages.py).
urlpatterns += i18n_patterns(
    path("search/", collection_views.search, name="search"),
    path("feeds/stories/", StoriesFeed(), name="feed-stories"),
    path("feeds/stories/atom/", AtomStoriesFeed(), name="feed-stories-atom"),
    path("feeds/podcast/", PodcastFeed(), name="feed-podcast"),
    path("credits/", include("illustrations.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)
