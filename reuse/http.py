"""What every /api/ view answers with besides its body: a per-client rate limit (429 with
Retry-After), an ETag with 304 for a matching If-None-Match, and how long caches may keep it.

CORS (GET from any origin) comes from django-cors-headers, limited to /api/ by CORS_URLS_REGEX.
The page cache leaves /api/ alone (PAGE_CACHE_EXCLUDED_PREFIXES), so every call is counted here.
"""

import logging
from functools import wraps

from django.conf import settings
from django.http import JsonResponse
from django.middleware.http import ConditionalGetMiddleware
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.utils.decorators import decorator_from_middleware
from django_ratelimit.core import get_usage

logger = logging.getLogger(__name__)

RATE_LIMIT_GROUP = "reuse-api"

conditional_get = decorator_from_middleware(ConditionalGetMiddleware)


def _usage(request):
    """The client's use of its allowance, or None when the cache cannot say (fail open: an
    outage of the cache must not take the API down with it)."""
    try:
        usage = get_usage(
            request,
            group=RATE_LIMIT_GROUP,
            key=settings.REUSE_API_RATE_LIMIT_KEY,
            rate=settings.REUSE_API_RATE_LIMIT,
            increment=True,
        )
    except Exception:  # noqa: BLE001 - any cache failure
        logger.warning("API rate limit not applied: the cache is unavailable", exc_info=True)
        return None
    # django-ratelimit reports a cache failure as a limit of 0 (unless RATELIMIT_FAIL_OPEN).
    if usage is None or not usage.get("limit"):
        return None
    return usage


def too_many_requests(usage):
    retry_after = max(1, int(usage.get("time_left") or 1))
    response = JsonResponse(
        {"message": f"Too many requests: try again in {retry_after} seconds."}, status=429
    )
    response["Retry-After"] = str(retry_after)
    add_never_cache_headers(response)
    return response


def public_api(view):
    """Wrap an API view: rate limit, then ETag / 304 and Cache-Control on what it returns."""
    conditional_view = conditional_get(view)

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        usage = _usage(request)
        if usage is not None and usage["should_limit"]:
            return too_many_requests(usage)
        response = conditional_view(request, *args, **kwargs)
        if not response.has_header("Cache-Control"):
            patch_cache_control(response, public=True, max_age=settings.REUSE_API_MAX_AGE)
        if usage is not None:
            response["X-RateLimit-Limit"] = str(usage["limit"])
        return response

    return wrapped
