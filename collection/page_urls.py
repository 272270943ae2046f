"""Page addresses for listings: `page.get_url(request)` without reversing a URL for every card.

Wagtail works out each page's address by reversing `wagtail_serve` inside the page language's
`translation.override`: a series page paid for that 40 times per reading afresh. Pages side by
side in the tree (the stories of a listing) share everything but their slug, so the first page
under a parent is asked of Wagtail and the part before its slug is kept for the request and the
active language; a sibling whose slug needs no quoting gets that part plus its slug.
Anything else (a slug Django would quote, a page type with its own `get_url`, a page that is
itself a site's root) is asked of Wagtail as before.

`page_addresses` gives a page's address and full address from one `get_url_parts` (the
language switcher, hreflang alternates and credits show both).
"""

import re

from django.utils.translation import get_language
from wagtail.models import Page, Site

# A slug that `reverse()` leaves as it is (its quoting keeps letters, digits, "-" and "_").
_PLAIN_SLUG = re.compile(r"[A-Za-z0-9_-]+").fullmatch


def _asks_wagtail(page):
    """Whether the page's type works out its address as Wagtail's `Page` does."""
    cls = type(page)
    return cls.get_url is Page.get_url and cls.get_url_parts is Page.get_url_parts


def page_url(page, request):
    """`page.get_url(request)`, the same text, for a page on a listing."""
    url_path = page.url_path or ""
    parent_path, _, slug = url_path[:-1].rpartition("/")
    if (
        request is None
        or not url_path.endswith("/")
        or not _PLAIN_SLUG(slug)
        or not _asks_wagtail(page)
        or url_path in _site_root_paths(page, request)
    ):
        return page.get_url(request)
    prefixes = request.__dict__.setdefault("_sibling_url_prefixes", {})
    key = (parent_path, get_language())
    prefix = prefixes.get(key)
    if prefix is not None:
        return f"{prefix}{slug}/"
    url = page.get_url(request)
    if url and url.endswith(f"/{slug}/"):
        prefixes[key] = url[: -len(slug) - 1]
    return url


def page_addresses(page, request):
    """(`page.get_url(request)`, `page.get_full_url(request)`) from one `get_url_parts`, as
    Wagtail chooses between them: each of Wagtail's two asks it afresh (reversing a URL in the
    page's language). (None, None) for a page no site routes to."""
    parts = page.get_url_parts(request=request)
    if parts is None or parts[1] is None and parts[2] is None:
        return None, None
    site_id, root_url, page_path = parts
    full_url = root_url + page_path
    current = Site.find_for_request(request) if request is not None else None
    if current is not None and site_id == current.id:
        return page_path, full_url
    sites = {root.site_id for root in page._get_site_root_paths(request)}
    return (page_path if len(sites) == 1 else full_url), full_url


def _site_root_paths(page, request):
    """The url_paths of the sites' root pages (a page that is one has the site's own address),
    from the list Wagtail reads once per request for its own addresses."""
    paths = request.__dict__.get("_mtg_site_root_url_paths")
    if paths is None:
        paths = {root.root_path for root in page._get_site_root_paths(request)}
        request._mtg_site_root_url_paths = paths
    return paths
