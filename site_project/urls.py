"""Root URL configuration."""

from django.conf import settings
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps import Sitemap
from wagtail.documents import urls as wagtaildocs_urls

from collection import views as collection_views
from collection.feeds import AtomStoriesFeed, PodcastFeed, StoriesFeed
from reuse.api.router import api_urls

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": Sitemap}}, name="sitemap"),
    path("robots.txt", collection_views.robots_txt, name="robots_txt"),
    path("search/", collection_views.search, name="search"),
    path("feeds/stories/", StoriesFeed(), name="feed-stories"),
    path("feeds/stories/atom/", AtomStoriesFeed(), name="feed-stories-atom"),
    path("feeds/podcast/", PodcastFeed(), name="feed-podcast"),
    path("credits/", include("illustrations.urls")),
    # The read API, oEmbed, embeddable cards and citation downloads (reuse app).
    path("api/v2/", include(api_urls())),
    path("", include("reuse.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += [path("", include(wagtail_urls))]
