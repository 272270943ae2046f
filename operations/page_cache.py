"""A whole-page cache for anonymous readers that can never show a draft or a preview.

Why this is safe:
- Only anonymous GETs of public URLs are cached (no session cookie, nothing under /admin/).
  Drafts and previews are served only under /admin/ to signed-in editors, and a public URL only
  ever renders the live revision, so a draft cannot get into the cache in the first place.
- Only 200 responses without Set-Cookie and without private/no-store/no-cache are stored: a page
  holding a form (CSRF token) marks itself no-store and is never kept.
- Every entry's key carries a *generation* token. Publishing, unpublishing, moving or deleting a
  page, or changing content models, replaces the token once the transaction commits, so every
  page (the story, the home page, listings, series, feeds) is rendered afresh on its next request.
  Publishing is rare next to reading, so dropping everything is cheaper than tracking which page
  lists which story, and never wrong. A random token rather than a counter: an evicted counter
  would restart and could revive stale entries.
- Each worker keeps its most recent entries in memory too, under the same generation-bearing
  keys: the generation is still read from the shared cache on every request (so a publish is
  seen at once by every worker), but a popular page is not fetched and unpickled each time.
- A page rendered for a signed-in person (with Wagtail's userbar, their name, edit links) is
  never stored here, and is marked `private, no-store` so no CDN or shared proxy keeps it and
  hands it to a reader either (`mark_personal`).
- A Content-Security-Policy nonce must differ on every response: a cached body has its old nonce
  swapped for this request's nonce before it is sent.

Conditional requests (podcast apps and feed readers poll every few minutes): every public page
and feed whose response could be kept carries a weak ETag over its body *without* the nonce (a
hash over a body with a fresh nonce would never match), and a request whose If-None-Match (or
If-Modified-Since, for responses with a Last-Modified, such as the feeds) matches gets a 304.
With the page cache on, the ETag is stored with the entry and a match is answered from it
without rendering or even rebuilding the body; a publish starts a new generation, so the next
request renders afresh and carries the new ETag.
"""

import hashlib
import threading
import time
import uuid
from collections import OrderedDict

from django.conf import settings
from django.core.cache import caches
from django.dispatch import Signal
from django.http import HttpResponse
from django.utils.cache import add_never_cache_headers, get_conditional_response, get_max_age
from django.utils.encoding import escape_uri_path
from django.utils.http import parse_http_date_safe

GENERATION_KEY = "page-cache:generation"
# Query parameters added to shared links for analytics; no page reads them.
TRACKING_PREFIXES = ("utm_", "mtm_", "pk_")
TRACKING_PARAMETERS = {"fbclid", "gclid", "dclid", "msclkid", "mc_cid", "mc_eid", "igshid"}
# The request headers that make a GET conditional (RFC 9110, section 13.1).
CONDITIONAL_HEADERS = frozenset(
    ("HTTP_IF_MATCH", "HTTP_IF_NONE_MATCH", "HTTP_IF_MODIFIED_SINCE", "HTTP_IF_UNMODIFIED_SINCE")
)
# Headers that belong to one response only, or that outer middleware sets afresh.
UNCACHED_HEADERS = {
    "set-cookie",
    "content-security-policy",
    "content-security-policy-report-only",
    "x-page-cache",
    "x-db-queries",
}


class LocalEntries:
    """A small per-process LRU of cache entries with their expiry time."""

    def __init__(self):
        self.entries = OrderedDict()
        # gunicorn's gthread workers serve requests from several threads.
        self.lock = threading.Lock()

    def get(self, key):
        with self.lock:
            item = self.entries.get(key)
            if item is None:
                return None
            expires, entry = item
            if expires < time.monotonic():
                del self.entries[key]
                return None
            self.entries.move_to_end(key)
            return entry

    def set(self, key, entry, timeout):
        size = settings.PAGE_CACHE_LOCAL_ENTRIES
        if size <= 0:
            return
        with self.lock:
            self.entries[key] = (time.monotonic() + timeout, entry)
            self.entries.move_to_end(key)
            while len(self.entries) > size:
                self.entries.popitem(last=False)

    def clear(self):
        with self.lock:
            self.entries.clear()


local_entries = LocalEntries()


def get_entry(key):
    entry = local_entries.get(key)
    if entry is None:
        entry = page_cache().get(key)
        if entry is not None:
            # Kept locally no longer than a fraction of the shared timeout.
            local_entries.set(key, entry, min(60, settings.PAGE_CACHE_SECONDS))
    return entry


def set_entry(key, entry):
    page_cache().set(key, entry, settings.PAGE_CACHE_SECONDS)
    local_entries.set(key, entry, min(60, settings.PAGE_CACHE_SECONDS))


def page_cache():
    return caches[settings.PAGE_CACHE_ALIAS]


def current_generation():
    """The current generation token, or None when the cache cannot say (Redis unreachable).

    Without a token nothing is read from or kept in the cache: a stand-in token shared by every
    failure could bring back entries kept during an earlier failure.
    """
    return shared_token(page_cache(), GENERATION_KEY)


def shared_token(cache, key):
    """The token under `key`, made if missing (the first of racing workers to add it wins, so
    every worker reads the same one)."""
    token = cache.get(key)
    if token is None:
        cache.add(key, uuid.uuid4().hex, timeout=None)
        token = cache.get(key)
    return token


def new_generation():
    """Make every cached page stale. Called after a publish (or any content change) commits."""
    page_cache().set(GENERATION_KEY, uuid.uuid4().hex, timeout=None)


# Sent when everything kept must go, not only what content changes reach: a release whose
# templates or code may render pages differently (`manage.py renew_cached_pages`). Apps that
# keep rendered HTML under tokens of their own (collection/story_body.py) listen.
everything_renewed = Signal()


def renew_everything():
    new_generation()
    everything_renewed.send(sender=None)


def fragments_allowed(request):
    """Whether a page may reuse what it derived from content in this generation: public GETs only
    (never the admin, where previews and drafts are rendered), with a shared cache configured."""
    if settings.FRAGMENT_CACHE_SECONDS <= 0 or request.method not in ("GET", "HEAD"):
        return False
    # Wagtail's previews run the middleware on a dummy request for the page's public URL.
    if getattr(request, "is_dummy", False) or getattr(request, "is_preview", False):
        return False
    return not request.path_info.startswith(tuple(settings.PAGE_CACHE_EXCLUDED_PREFIXES))


def attach_site(request, generation):
    """Give Wagtail the request's Site, with its root page already specific, from the cache.

    Wagtail looks the site up on every request (a query matching hostname and port) and then
    loads the root page's specific type (another); both only change when content does, which
    replaces the generation. `Site.find_for_request` uses what it finds in `_wagtail_site`.
    """
    from wagtail.models import Site

    if hasattr(request, "_wagtail_site"):
        return
    if generation is None:  # nothing kept: looked up for this request alone
        site = site_for_request(request)
        if site is not None:
            with_root_translations(site)
            share_site_root_paths(request, site)
        request._wagtail_site = site
        return
    # get_host() refuses a Host outside ALLOWED_HOSTS, so made-up hosts cannot fill the cache.
    key = f"site:{generation}:{request.get_host()}:{request.get_port()}"
    cache = page_cache()
    site = cache.get(key)
    if site is None:
        site = Site.find_for_request(request)
        if site is None:
            return  # no site to keep: Wagtail answers 404 as usual
        with_root_translations(site)
        cache.set(key, site, settings.FRAGMENT_CACHE_SECONDS)
    request._wagtail_site = site


def share_site_root_paths(request, site):
    """Let the root page and its translations use the site root paths Wagtail keeps on the
    request. Routing asks the root page its language (`localized`) with no request at hand, so
    Wagtail read the paths from the shared cache once for the root page and again for the
    request: two round trips to Redis on every request. Only for a site looked up for this
    request alone (a kept site may be shared between requests)."""
    root = site.root_page
    if root is None:
        return
    paths = root._get_site_root_paths(request)  # read once, kept on the request by Wagtail
    for page in (root, *getattr(root, "root_translations", {}).values()):
        page._wagtail_cached_site_root_paths = paths


def site_for_request(request):
    """The Site answering `request`, chosen as Wagtail's `Site.find_for_request` chooses (its
    `get_site_for_hostname`: hostname and port, then hostname and default, then the default
    site, then a lone hostname match), with the query compiled once per process
    (operations/compiled_queries.py): Wagtail builds and compiles its query on every request."""
    from django.db.models import Case, IntegerField, Q, When
    from django.http.request import split_domain_port
    from wagtail.models import Site
    from wagtail.models.sites import (
        MATCH_DEFAULT,
        MATCH_HOSTNAME,
        MATCH_HOSTNAME_DEFAULT,
        MATCH_HOSTNAME_PORT,
    )

    from .compiled_queries import run_compiled

    def build(hostname, port):
        match = Case(
            When(hostname=hostname, port=port, then=MATCH_HOSTNAME_PORT),
            When(hostname=hostname, is_default_site=True, then=MATCH_HOSTNAME_DEFAULT),
            When(is_default_site=True, then=MATCH_DEFAULT),
            default=MATCH_HOSTNAME,
            output_field=IntegerField(),
        )
        return (
            Site.objects.annotate(match=match)
            .filter(Q(hostname=hostname) | Q(is_default_site=True))
            .order_by("match")
            .select_related("root_page")
        )

    hostname = split_domain_port(request._get_raw_host())[0]  # as Wagtail reads it
    try:
        port = int(request.get_port())
    except ValueError:
        return Site.find_for_request(request)
    sites = run_compiled("site-for-request", build, hostname=hostname, port=port)
    if not sites:
        return None
    if len(sites) == 1 or sites[0].match in (MATCH_HOSTNAME_PORT, MATCH_HOSTNAME_DEFAULT):
        return sites[0]
    if sites[0].match == MATCH_DEFAULT:
        return sites[len(sites) == 2]
    return None


def with_root_translations(site):
    """Make the site's root page specific, with its translations read in the same query.

    Wagtail routes every request from `site.root_page.localized.specific`: loading the root's
    specific type is a query, and in another language finding the translation two more (the
    page, then its specific type). Here one query reads the root and every translation as
    their specific type, each with `root_translations` (locale id -> page) for the page type's
    `localized` to answer from (collection/models/base.py), and with whether the site restricts
    any page (`any_view_restriction`, as collection's routing reads it), so that the routed root
    needs no query of its own to know it.
    """
    from django.db.models import Exists
    from wagtail.models import PageViewRestriction

    from .compiled_queries import run_compiled

    root = site.root_page
    model = root.specific_class
    if model is None:  # its page type is gone: Wagtail's own way
        return site

    def build(translation_key):  # compiled once per process: every request read afresh asks
        return model.objects.filter(translation_key=translation_key).annotate(
            any_view_restriction=Exists(PageViewRestriction.objects.all())
        )

    rows = run_compiled(
        f"root-translations:{model._meta.label}", build, translation_key=root.translation_key
    )
    by_locale = {row.locale_id: row for row in rows}
    for row in rows:
        row.root_translations = by_locale
    site.root_page = next((row for row in rows if row.pk == root.pk), None) or root.specific
    return site


def request_is_cacheable(request):
    return settings.PAGE_CACHE_SECONDS > 0 and request_is_public(request)


def request_is_public(request):
    """An anonymous GET of a public URL: what the page cache may keep and ETags may answer."""
    if request.method != "GET":
        return False
    # A session (editors, unlocked private pages) or a pending flash message ("messages"
    # cookie) makes the page personal.
    personal_cookies = {settings.SESSION_COOKIE_NAME, "messages"}
    if personal_cookies & request.COOKIES.keys() or "HTTP_AUTHORIZATION" in request.META:
        return False
    if len(request.META.get("QUERY_STRING", "")) > 256:
        return False
    return not request.path_info.startswith(tuple(settings.PAGE_CACHE_EXCLUDED_PREFIXES))


def is_signed_in(request):
    """Whether the request comes from a signed-in person. Only a request that carries a session
    cookie or credentials can be, so an anonymous reader's request never loads a user."""
    if settings.SESSION_COOKIE_NAME not in request.COOKIES and (
        "HTTP_AUTHORIZATION" not in request.META
    ):
        return False
    user = getattr(request, "user", None)
    return bool(user is not None and user.is_authenticated)


def mark_personal(request, response):
    """Make a public page rendered for a signed-in person uncacheable by anyone (this cache, a
    CDN, a proxy): it may show Wagtail's userbar and edit links meant for them alone. The admin
    sets its own headers and is left alone."""
    if request.path_info.startswith(tuple(settings.PAGE_CACHE_EXCLUDED_PREFIXES)):
        return response
    if is_signed_in(request):
        add_never_cache_headers(response)
    return response


def response_is_cacheable(response):
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    cache_control = response.get("Cache-Control", "").lower()
    if any(word in cache_control for word in ("private", "no-store", "no-cache")):
        return False
    if get_max_age(response) == 0 or response.get("Vary", "").strip() == "*":
        return False
    return True


def _is_tracking(name):
    name = name.lower()
    return name.startswith(TRACKING_PREFIXES) or name in TRACKING_PARAMETERS


def cache_key(request, generation):
    """The entry's key: scheme, host, path and query string, less the tracking parameters that
    social networks and newsletters add to shared links (no page reads them). Without this,
    every click on a shared story (Facebook adds a different `fbclid` to each) would render the
    page afresh just when the most readers arrive."""
    # get_host() validates the host against ALLOWED_HOSTS, also on a cache hit.
    scheme = "https" if request.is_secure() else "http"
    query = request.META.get("QUERY_STRING", "")
    if query:
        kept = [
            part for part in query.split("&") if part and not _is_tracking(part.split("=", 1)[0])
        ]
        query = "&".join(kept)
    path = escape_uri_path(request.path) + ("?" + query if query else "")
    return f"page-cache:{generation}:{scheme}://{request.get_host()}{path}"


def body_etag(content, nonce, content_type):
    """A weak ETag over the body as rendered before this response's nonce went in."""
    neutral = content.replace(nonce.encode(), b"") if nonce else content
    digest = hashlib.sha256(content_type.encode() + b"\n" + neutral).hexdigest()[:32]
    return f'W/"{digest}"'


def to_entry(request, response):
    """What is kept of a response: body, headers, the nonce it holds, and its ETag (also set on
    the response itself, unless the view gave one)."""
    nonce = getattr(request, "_csp_nonce", None)
    content = response.content
    if not (isinstance(nonce, str) and nonce.encode() in content):
        nonce = None
    if not response.has_header("ETag"):
        response["ETag"] = body_etag(content, nonce, response.get("Content-Type", ""))
    headers = [
        (name, value) for name, value in response.items() if name.lower() not in UNCACHED_HEADERS
    ]
    return {"content": content, "headers": headers, "nonce": nonce, "etag": response["ETag"]}


def not_modified(request, entry):
    """The 304 (or 412) this request's preconditions call for against a kept entry, or None when
    the full response is due. Only headers are looked at: the body is not rebuilt."""
    if not CONDITIONAL_HEADERS.intersection(request.META):
        return None  # an unconditional request (most of them): nothing to compare
    shell = HttpResponse()
    for name, value in entry["headers"]:
        shell[name] = value
    last_modified = parse_http_date_safe(shell.get("Last-Modified", ""))
    result = get_conditional_response(
        request, etag=entry.get("etag"), last_modified=last_modified, response=shell
    )
    return None if result is shell else result


def from_entry(request, entry):
    content = entry["content"]
    if entry["nonce"]:
        # Reading request.csp_nonce makes the CSP middleware put this new nonce in the header.
        content = content.replace(entry["nonce"].encode(), str(request.csp_nonce).encode())
    response = HttpResponse(content)
    for name, value in entry["headers"]:
        response[name] = value
    if response.has_header("Content-Length"):
        response["Content-Length"] = str(len(content))
    return response
