"""URLs for the browser CSP test: the site's own, plus a probe page that shows what the public
policy lets run (a script with the response's nonce, a JSON-LD data block) and what it stops (an
inline script without one)."""

from django.http import HttpResponse
from django.urls import include, path

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


urlpatterns = [path("csp-probe/", csp_probe), path("", include(site_urls))]
