"""Middleware for production concerns: health probes, the input guard, CSP per area, the
anonymous page cache."""

import json

from csp.middleware import CSPMiddleware
from csp.utils import default_config
from django.conf import settings
from django.contrib.admin.options import IncorrectLookupParameters
from django.core.exceptions import BadRequest
from django.http import HttpResponse, JsonResponse
from django.utils.cache import add_never_cache_headers
from django.views.defaults import bad_request
from wagtail.views import serve as wagtail_serve

from . import health, input_guard, page_cache


class HealthCheckMiddleware:
    """Answer GET/HEAD on HEALTH_CHECK_PATH with the state of the database and cache.

    First in MIDDLEWARE so that probes from a load balancer or orchestrator (which send the
    node's own address as Host, over plain HTTP) are not refused by ALLOWED_HOSTS or redirected
    to HTTPS, and are never cached.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info != settings.HEALTH_CHECK_PATH or request.method not in (
            "GET",
            "HEAD",
        ):
            return self.get_response(request)
        healthy, results = health.run_checks()
        body = {"status": "ok" if healthy else "error", "checks": results}
        response = HttpResponse(
            json.dumps(body),
            content_type="application/json",
            status=200 if healthy else 503,
        )
        add_never_cache_headers(response)
        return response


class InputGuardMiddleware:
    """Answer 400 to a request carrying text no database can hold (operations.input_guard),
    before any view can put it in a query, and to an admin listing filter of the wrong kind.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            input_guard.check_request(request)
        except BadRequest as problem:
            # Clients of the read API parse errors as JSON, the API's own error shape.
            if request.path_info.startswith(tuple(settings.INPUT_GUARD_JSON_PREFIXES)):
                return JsonResponse({"message": str(problem)}, status=400)
            raise
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, IncorrectLookupParameters):
            return bad_request(request, BadRequest("A listing filter of the wrong kind"))
        return None


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp with two policies: CONTENT_SECURITY_POLICY for the public site, and
    CONTENT_SECURITY_POLICY_ADMIN under the admin prefixes, whose page editor relies on inline
    scripts and styles (date pickers, inline panels, wagtailmedia's forms) that carry no nonce.
    Per-view decorators (csp_update, csp_replace) still apply on top of either.

    Under CSP_FRAMEABLE_PATH_PREFIXES (the embeddable story cards) any site may frame the page:
    `frame-ancestors *`. It is decided here by path rather than by a view decorator, because a
    page served from the page cache is a new response that carries no decorator's attributes.
    """

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        path = request.path_info
        if (
            not report_only
            and parts.config is None
            and path.startswith(tuple(settings.CSP_ADMIN_PATH_PREFIXES))
        ):
            parts.config = default_config(settings.CONTENT_SECURITY_POLICY_ADMIN["DIRECTIVES"])
        frameable = tuple(getattr(settings, "CSP_FRAMEABLE_PATH_PREFIXES", ()))
        if frameable and path.startswith(frameable):
            parts.replace = {**(parts.replace or {}), "frame-ancestors": ["*"]}
        return parts


class PageCacheMiddleware:
    """Serve anonymous readers whole pages from the cache; see operations.page_cache.

    On every public GET it also hands the current generation to the page as
    `request.content_generation`, so a page rendered afresh can reuse what it derives from content.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def process_view(self, request, view_func, view_args, view_kwargs):
        # A page served with nothing kept: its site and root page (in every language) are read
        # in two queries where Wagtail's routing takes up to four (page_cache.attach_site).
        if view_func is wagtail_serve and page_cache.request_is_public(request):
            page_cache.attach_site(request, None)

    def __call__(self, request):
        generation = fragments_generation = None
        if page_cache.fragments_allowed(request):
            # Pages keep what they derive from content under the same token (see
            # collection/fragments.py): read once here for both.
            generation = fragments_generation = request.content_generation = (
                page_cache.current_generation()
            )
        if not page_cache.request_is_public(request):
            if fragments_generation:
                page_cache.attach_site(request, fragments_generation)
            return page_cache.mark_personal(request, self.get_response(request))
        key = None
        if page_cache.request_is_cacheable(request):
            generation = generation or page_cache.current_generation()
            # Without a generation (the cache is unreachable) render and keep nothing.
            key = page_cache.cache_key(request, generation) if generation else None
        entry = page_cache.get_entry(key) if key else None
        if entry is not None:
            # A hit needs nothing else: no site, no rendering.
            response = page_cache.not_modified(request, entry)
            if response is None:
                response = page_cache.from_entry(request, entry)
            response["X-Page-Cache"] = "hit"
            return response
        if fragments_generation:
            page_cache.attach_site(request, fragments_generation)
        response = self.get_response(request)
        if not page_cache.response_is_cacheable(response):
            return response
        entry = page_cache.to_entry(request, response)
        if key:
            page_cache.set_entry(key, entry)
            response["X-Page-Cache"] = "miss"
        # Rendered anyway (nothing kept to answer from), but a match still saves the transfer.
        return page_cache.not_modified(request, entry) or response
