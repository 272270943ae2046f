"""Deploy checks (`manage.py check --deploy`): the site must say who it is.

operations.E001  no public origin is configured (SITE_URL, or WAGTAILADMIN_BASE_URL)
operations.E002  the configured origin is localhost or a loopback address
operations.E003  the default Site's host is localhost or a loopback address
operations.E004  the default Site's host or port differs from the configured origin

When the Site cannot be read (a fresh database before `migrate`, or no database reachable from
where the check runs, e.g. a build step), only the configuration is judged and an Info says so:
the release runs `migrate` and then `apply_site_url`, which writes the checked origin into the
Site, so the configuration is what decides the Site's address from then on.
"""

from django.core import checks
from django.db import DatabaseError

from .origin import is_loopback_host
from .site_origin import configured_origin, default_site_address

HINT_APPLY = "Run `manage.py apply_site_url` (the Procfile's release step does) after migrate."


@checks.register("site_origin", deploy=True)
def check_site_origin(app_configs=None, **kwargs):
    messages = []
    origin = configured_origin()
    if origin is None:
        messages.append(
            checks.Error(
                "No public origin is configured, so the site would call itself localhost.",
                hint="Set SITE_URL to the public origin, e.g. https://mindthegap.example.",
                id="operations.E001",
            )
        )
    elif is_loopback_host(origin.hostname):
        messages.append(
            checks.Error(
                f"The public origin {origin.url} is a loopback address.",
                hint="Set SITE_URL to the address readers use, e.g. https://mindthegap.example.",
                id="operations.E002",
            )
        )
    address = default_site_address()
    if isinstance(address, DatabaseError) or address is None:
        why = "there is no default Site yet" if address is None else "the database is not ready"
        messages.append(
            checks.Info(
                f"The default Site was not checked: {why}.",
                hint=HINT_APPLY,
                id="operations.I001",
            )
        )
        return messages
    hostname, port = address
    if is_loopback_host(hostname):
        messages.append(
            checks.Error(
                f"The default Site's host is {hostname}: canonical links, og:url, JSON-LD and "
                "the sitemap would point readers and search engines at a loopback address.",
                hint=HINT_APPLY,
                id="operations.E003",
            )
        )
    elif origin is not None and (hostname, port) != (origin.hostname, origin.port):
        messages.append(
            checks.Error(
                f"The default Site is {hostname}:{port} but SITE_URL is {origin.url} "
                f"({origin.hostname}:{origin.port}).",
                hint=HINT_APPLY,
                id="operations.E004",
            )
        )
    return messages
