"""URLs for the browser CSP test: the site's own, plus a probe page that shows what the public
policy lets run (a script with the response's nonce, a JSON-LD data block) and what it stops (an
inline script without one)."""

from django.http import HttpResponse
from django.urls import path

from site_project import urls as site_urls


def csp_probe(request):
    nonce = request.csp_nonce
    return HttpResponse(
        "<!doctype html><html><head><title>probe</title>"
        '<script type="application/ld+json">{"@context": "https://schema.org", '
        '"@type": "Article", "headline": "Probe"}</script>'
        f'<script nonce="{nonce}">window.nonceScriptRan = true;</script>'
        "<script>window.strayScriptRan = true;</script>"
        "</head><body><p>probe</p></body></html>"
    )


# The site's own patterns spliced in, not included: they hold i18n_patterns, which Django
# allows only in a root URLconf.
urlpatterns = [path("csp-probe/", csp_probe), *site_urls.urlpatterns]
