"""The credits page's entry in the sitemap, at the same origin as the pages' entries.

Wagtail's sitemap lists pages; the credits page is a plain view, so it gets a Django sitemap
section whose address is built from the default Wagtail Site, as every page's address is.
"""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse
from wagtail.models import Site


class CreditsSitemap(Sitemap):
    changefreq = "weekly"

    def items(self):
        return ["illustrations:credits"]

    def location(self, item):
        return reverse(item)

    def _site(self):
        return Site.objects.filter(is_default_site=True).first()

    def get_domain(self, site=None):
        wagtail_site = self._site()
        if wagtail_site is None:
            return super().get_domain(site)
        if wagtail_site.port in (80, 443):
            return wagtail_site.hostname
        return f"{wagtail_site.hostname}:{wagtail_site.port}"

    def get_protocol(self, protocol=None):
        wagtail_site = self._site()
        if wagtail_site is not None and wagtail_site.port == 443:
            return "https"
        return super().get_protocol(protocol)
