"""The visitor's address for rate limiting, trusting X-Forwarded-For only from our own proxies.

Behind a reverse proxy every request comes from the proxy's address, so one limit would cover
every visitor; but X-Forwarded-For is written by the client too, so trusting it blindly lets
anyone pick a fresh address per request. The rule here: when the direct peer (REMOTE_ADDR) is
one of settings.TRUSTED_PROXIES, walk X-Forwarded-For from the right (the hops our proxies
appended) and take the first address that is not one of our proxies. (django-ipware's
trusted-proxy mode matches the forwarded chain without anchoring it to REMOTE_ADDR, which a
client reaching the app directly can forge, hence this short explicit rule.)
"""

import ipaddress
from functools import lru_cache

from django.conf import settings


@lru_cache(maxsize=8)
def _networks(proxies):
    return tuple(ipaddress.ip_network(p.strip(), strict=False) for p in proxies if p.strip())


def _parse(value):
    try:
        return ipaddress.ip_address(value.strip())
    except ValueError:
        return None


def _is_trusted(address, networks):
    return address is not None and any(address in network for network in networks)


def client_ip(request):
    remote = request.META.get("REMOTE_ADDR", "")
    networks = _networks(tuple(getattr(settings, "TRUSTED_PROXIES", ()) or ()))
    if not networks or not _is_trusted(_parse(remote), networks):
        return remote
    hops = [hop for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if hop.strip()]
    for hop in reversed(hops):
        address = _parse(hop)
        if address is None:
            # A malformed hop was not written by our proxies: stop at the last proxy we trust.
            break
        if not _is_trusted(address, networks):
            return str(address)
    return remote


def rate_limit_key(group, request):
    """django-ratelimit key function."""
    return client_ip(request)
