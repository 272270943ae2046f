"""Keep caches honest when content changes.

- The anonymous page cache gets a new generation after any publish, unpublish, move or deletion
  of a page, or a change to a content model (a theme, an illustration, site settings), once the
  transaction commits, so readers see a publish on their next request.
- When a CDN is configured (WAGTAILFRONTENDCACHE), Wagtail's frontend_cache app purges the
  published page itself; here the pages that *list* it are purged too: its ancestors (the home
  page and the stories index), the series it belongs to, and their fixed sub-routes (feeds,
  transcripts) when they are routable pages.
"""

import logging

from django.conf import settings
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.urls import NoReverseMatch, reverse
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.images.models import AbstractRendition
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from . import page_cache

logger = logging.getLogger(__name__)

# Models in these apps are shown on public pages: a change to one makes cached pages stale.
CONTENT_APPS = {"home", "collection", "illustrations", "wagtailmedia", "taggit"}


def schedule_new_generation(**kwargs):
    transaction.on_commit(page_cache.new_generation)


def model_changed(sender, **kwargs):
    # Renditions are written while a page renders: they change no content.
    if issubclass(sender, AbstractRendition):
        return
    if (
        sender._meta.app_label in CONTENT_APPS
        or issubclass(sender, Page)
        or sender in (Site, PageViewRestriction)
    ):
        schedule_new_generation()


def fixed_route_paths(page):
    """Paths of a routable page's routes that take no arguments (e.g. its feeds)."""
    paths = []
    if not isinstance(page, RoutablePageMixin):
        return paths
    for pattern in page.get_subpage_urls():
        name = getattr(pattern, "name", None)
        if not name:
            continue
        try:
            paths.append(page.reverse_subpage(name))
        except Exception:  # noqa: BLE001 - the route needs arguments: not a fixed path
            continue
    return paths


def related_pages(page):
    page = page.specific
    pages = [page]
    pages += [ancestor.specific for ancestor in page.get_ancestors().filter(depth__gt=1).live()]
    memberships = getattr(page, "series_memberships", None)
    if memberships is not None:
        pages += [m.series for m in memberships.select_related("series") if m.series.live]
    return pages


def purge_related_pages(sender, instance, **kwargs):
    if not getattr(settings, "WAGTAILFRONTENDCACHE", None):
        return
    from wagtail.contrib.frontend_cache.utils import PurgeBatch

    batch = PurgeBatch()
    for page in related_pages(instance):
        # frontend_cache's own handler purges the published page's main URL.
        if page.pk != instance.pk:
            batch.add_page(page)
        page_url = page.get_full_url()
        if page_url:
            routes = [path.lstrip("/") for path in fixed_route_paths(page) if path.strip("/")]
            batch.add_urls([page_url.rstrip("/") + "/" + path for path in routes])
    # Site-wide lists that show every story: the feeds and the sitemap.
    root_url = instance.get_site().root_url if instance.get_site() else ""
    for name in settings.FRONTEND_CACHE_PURGE_URL_NAMES:
        try:
            batch.add_url(root_url + reverse(name))
        except NoReverseMatch:
            continue
    logger.info("purging %d URLs from the CDN", len(batch.urls))
    batch.purge()


def connect():
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(schedule_new_generation, dispatch_uid=f"page-cache-{id(signal)}")
    post_save.connect(model_changed, dispatch_uid="page-cache-post-save")
    post_delete.connect(model_changed, dispatch_uid="page-cache-post-delete")
    page_published.connect(purge_related_pages, dispatch_uid="frontend-cache-related-published")
    page_unpublished.connect(purge_related_pages, dispatch_uid="frontend-cache-related-unpub")
