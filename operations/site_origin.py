"""The default Wagtail Site against the configured public origin (settings.SITE_ORIGIN).

Wagtail builds every absolute page address (canonical links, og:url, JSON-LD, the sitemap's
`<loc>`, feed links) from the Site's hostname and port, not from the request. The release
command (`apply_site_url`) writes the origin into the default Site; the deploy check
(operations/checks.py) refuses a Site or an origin that only this machine can reach.
"""

from django.conf import settings
from django.db import DatabaseError, transaction

from .origin import is_loopback_host


class SiteOriginError(Exception):
    """The origin cannot be applied; the message says why and what to do."""


def configured_origin():
    return getattr(settings, "SITE_ORIGIN", None)


def default_site_address():
    """(hostname, port) of the default Site, None when there is none, or the DatabaseError that
    kept us from reading it (no database, or migrations not applied yet)."""
    from wagtail.models import Site

    try:
        return Site.objects.filter(is_default_site=True).values_list("hostname", "port").first()
    except DatabaseError as error:
        return error


def apply_origin(origin, allow_loopback=False):
    """Give the default Site the origin's host and port. Returns (site, changed)."""
    from wagtail.models import Page, Site

    if origin is None:
        raise SiteOriginError(
            "No public origin is configured: set SITE_URL, e.g. SITE_URL=https://mindthegap.example"
        )
    if is_loopback_host(origin.hostname) and not allow_loopback:
        raise SiteOriginError(
            f"SITE_URL is {origin.url}, which only this machine can reach: set the public origin."
        )
    with transaction.atomic():
        site = Site.objects.select_for_update().filter(is_default_site=True).first()
        same_address = Site.objects.filter(hostname=origin.hostname, port=origin.port)
        if site is None:
            site = same_address.first()
            if site is None:
                root = Page.get_first_root_node()
                home = root.get_children().first() if root else None
                if home is None:
                    raise SiteOriginError("There is no page to be the site's home page yet.")
                site = Site(root_page=home, site_name=settings.WAGTAIL_SITE_NAME)
            site.is_default_site = True
        elif same_address.exclude(pk=site.pk).exists():
            other = same_address.exclude(pk=site.pk).get()
            raise SiteOriginError(
                f"Another Site ({other.site_name or other.pk}) already uses "
                f"{origin.hostname}:{origin.port}: remove it or make it the default site in "
                "Settings > Sites."
            )
        changed = (
            site.pk is None
            or not site.is_default_site
            or site.hostname != origin.hostname
            or site.port != origin.port
        )
        if changed:
            site.hostname = origin.hostname
            site.port = origin.port
            site.is_default_site = True
            site.save()
    return site, changed
