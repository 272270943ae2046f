"""Which URLs to purge from the CDN when a page is published or unpublished.

Wagtail's frontend_cache app purges the page itself; these are the pages that *list* it: its
ancestors (the home page and the stories index), the series it belongs to, their fixed
sub-routes (feeds, transcripts) when they are routable pages, and the site-wide feeds and
sitemap. Worked out by the `purge_pages_listing` task (operations.tasks), not in the request.
"""

from django.conf import settings
from django.urls import NoReverseMatch, reverse
from wagtail.contrib.routable_page.models import RoutablePageMixin


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


def urls_listing(instance):
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
    site = instance.get_site()
    root_url = site.root_url if site else ""
    for name in settings.FRONTEND_CACHE_PURGE_URL_NAMES:
        try:
            batch.add_url(root_url + reverse(name))
        except NoReverseMatch:
            continue
    return list(dict.fromkeys(batch.urls))
