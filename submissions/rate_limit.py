"""The share-your-story rate limit: how many stories one address may send, counted in the cache.

The count lives in the shared cache (Redis in production) so it holds across workers. When that
cache is unreachable the limit fails open: the story is accepted and a warning is logged, since
refusing every visitor's story while Redis is down (django-ratelimit's default) loses exactly the
stories the site exists for. The honeypot, the fill-time stamp and the one-submission-per-form
token still stand in the meantime.
"""

import logging

from django.conf import settings
from django_ratelimit.core import get_usage

from .client_ip import rate_limit_key

logger = logging.getLogger(__name__)

RATE_LIMIT_GROUP = "submissions.share-story"


def limit_reached(request):
    """Count this post against its address; True when the address is over the limit."""
    if not getattr(settings, "RATELIMIT_ENABLE", True):
        return False
    try:
        usage = get_usage(
            request,
            group=RATE_LIMIT_GROUP,
            key=rate_limit_key,
            rate=settings.SUBMISSIONS_RATE_LIMIT,
            method="POST",
            increment=True,
        )
    except Exception as exc:  # noqa: BLE001 - a cache configured to raise: same as unreachable
        usage, error = None, type(exc).__name__
    else:
        error = "no answer"
    # With RATELIMIT_FAIL_OPEN, django-ratelimit answers None when the cache could not count.
    if usage is None:
        logger.warning(
            "Share-your-story rate limit not applied: the cache could not count (%s)", error
        )
        return False
    return usage["should_limit"]
