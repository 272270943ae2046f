"""The site's public origin (SITE_URL) parsed once, for the settings and the release command.

`SITE_URL=https://mindthegap.example` names the scheme, host and port readers use. From it the
settings derive WAGTAILADMIN_BASE_URL and the defaults of ALLOWED_HOSTS and CSRF_TRUSTED_ORIGINS;
`manage.py apply_site_url` writes its host and port into the default Wagtail Site (which is what
canonical links, og:url, JSON-LD and the sitemap are built from); and a deploy check refuses a
loopback host (operations/checks.py).
"""

import ipaddress
from dataclasses import dataclass
from urllib.parse import urlsplit

DEFAULT_PORTS = {"http": 80, "https": 443}


@dataclass(frozen=True)
class Origin:
    scheme: str
    hostname: str
    port: int

    @property
    def url(self):
        """The origin as a URL without a trailing slash; the port only when not the default."""
        host = f"[{self.hostname}]" if ":" in self.hostname else self.hostname
        if self.port == DEFAULT_PORTS[self.scheme]:
            return f"{self.scheme}://{host}"
        return f"{self.scheme}://{host}:{self.port}"


def parse_origin(value):
    """`scheme://host[:port]` (a trailing slash is allowed, nothing else) as an Origin.

    Raises ValueError with a message saying what is wrong.
    """
    text = (value or "").strip()
    parts = urlsplit(text)
    if parts.scheme not in DEFAULT_PORTS or not parts.hostname:
        raise ValueError(f"{value!r} is not an origin like https://mindthegap.example")
    if parts.path not in ("", "/") or parts.query or parts.fragment or parts.username:
        raise ValueError(
            f"{value!r} must be an origin only (scheme, host and port), without a path, query "
            "or credentials, e.g. https://mindthegap.example"
        )
    try:
        port = parts.port
    except ValueError as error:
        raise ValueError(f"{value!r} has an invalid port") from error
    return Origin(parts.scheme, parts.hostname.lower(), port or DEFAULT_PORTS[parts.scheme])


def origin_setting(value):
    """SITE_URL as the settings read it: (its Origin, its normalised URL), or (None, "") unset.

    A malformed value stops the start with ImproperlyConfigured saying what is wrong.
    """
    if not value:
        return None, ""
    from django.core.exceptions import ImproperlyConfigured

    try:
        origin = parse_origin(value)
    except ValueError as error:
        raise ImproperlyConfigured(f"SITE_URL: {error}") from error
    return origin, origin.url


def is_loopback_host(hostname):
    """Whether a host name can only mean this machine: localhost, *.localhost, 127.0.0.0/8,
    ::1 (and the unspecified 0.0.0.0 / ::, which no reader can visit either)."""
    host = (hostname or "").strip().strip("[]").rstrip(".").lower()
    if not host:
        return True
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return False
    if getattr(address, "ipv4_mapped", None):
        address = address.ipv4_mapped
    return address.is_loopback or address.is_unspecified
