"""Checks behind the health endpoint: can this process reach its database and its cache?"""

import logging
import uuid

from django.core.cache import caches
from django.db import connections

logger = logging.getLogger(__name__)


def check_database(alias="default"):
    with connections[alias].cursor() as cursor:
        cursor.execute("SELECT 1")
        row = cursor.fetchone()
    if not row or row[0] != 1:
        raise RuntimeError("the database did not answer SELECT 1")


def check_cache(alias="default"):
    # A round trip with a value of our own: a cache that swallows errors (django-redis with
    # IGNORE_EXCEPTIONS) would otherwise look healthy while it is down.
    cache = caches[alias]
    key = f"healthcheck:{uuid.uuid4().hex}"
    value = uuid.uuid4().hex
    cache.set(key, value, timeout=10)
    try:
        if cache.get(key) != value:
            raise RuntimeError("the cache did not return what was stored")
    finally:
        cache.delete(key)


CHECKS = {"database": check_database, "cache": check_cache}


def run_checks():
    """Return (healthy, {name: "ok" or a short error}) without raising."""
    results = {}
    healthy = True
    for name, check in CHECKS.items():
        try:
            check()
        except Exception as error:  # noqa: BLE001 - any failure means "unhealthy"
            healthy = False
            # The class name only: error text can hold hostnames or credentials.
            results[name] = f"error: {type(error).__name__}"
            logger.error("health check %s failed", name, exc_info=True)
        else:
            results[name] = "ok"
    return healthy, results
