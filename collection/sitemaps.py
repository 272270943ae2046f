"""The sitemap in every language: each page with its translations as hreflang alternates.

Wagtail's sitemap lists the default Site's root page and what lies below it, that is the
English tree only (each locale has its own root). This one lists every locale's tree, and gives
each entry an `xhtml:link` for every live translation plus x-default (the English version), as
search engines read them. Two queries for the alternates whatever the number of locales: the
page restrictions and one list of every listed page's locale and address.
"""

from collections import defaultdict

from django.conf import settings
from django.db.models import Q
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page

from collection.templatetags.languages import bcp47
from illustrations.sitemaps import CreditsSitemap


class TranslatedPagesSitemap(Sitemap):
    def _pages(self):
        roots = self.get_wagtail_site().root_page.get_translations(inclusive=True)
        in_a_tree = Q()
        for root in roots.only("path"):
            in_a_tree |= Q(path__startswith=root.path)
        return Page.objects.filter(in_a_tree).live().public()

    def items(self):
        # Bodies are read with their pages: whether a story has a transcript page (its entry's
        # second URL) is read from its body, one query per story if it were deferred.
        return self._pages().order_by("path").specific()

    def _alternates_by_translation_key(self):
        """translation_key -> [(hreflang, absolute URL)], x-default last, for every listed
        page that has at least one listed translation."""
        versions = defaultdict(list)
        pages = (
            self._pages()
            .select_related("locale")
            .only("id", "url_path", "translation_key", "locale__language_code")
        )
        for page in pages:
            url = page.get_full_url(self.request)
            if url:
                versions[page.translation_key].append((page.locale.language_code, url))
        order = {code: index for index, (code, _name) in enumerate(settings.LANGUAGES)}
        alternates = {}
        for key, found in versions.items():
            if len(found) < 2:
                continue
            found.sort(key=lambda version: order.get(version[0], len(order)))
            pairs = [(bcp47(code), url) for code, url in found]
            pairs += [("x-default", url) for code, url in found if code == settings.LANGUAGE_CODE]
            alternates[key] = pairs
        return alternates

    def _urls(self, page, protocol, domain):
        alternates = self._alternates_by_translation_key()
        urls = []
        last_mods = set()
        for item in self.paginator.page(page).object_list.iterator():
            own_url = item.get_full_url(self.request) or ""
            pairs = alternates.get(item.translation_key, [])
            for url_info in item.get_sitemap_urls(self.request):
                location = url_info.get("location", "")
                if pairs and own_url and location.startswith(own_url):
                    # A sub-page (a story's transcript/) has the same route in each language.
                    rest = location[len(own_url) :]
                    url_info = {
                        **url_info,
                        "alternates": [
                            {"lang_code": tag, "location": url + rest} for tag, url in pairs
                        ],
                    }
                urls.append(url_info)
                last_mods.add(url_info.get("lastmod"))
        # As Wagtail's: no lastmod for the sitemap when any entry lacks one.
        if last_mods and None not in last_mods:
            self.latest_lastmod = max(last_mods)
        return urls


class CreditsInEveryLanguage(CreditsSitemap):
    """The illustration credits page under each shipped language, with its alternates."""

    i18n = True
    alternates = True
    x_default = True

    def _languages(self):
        return list(settings.SHIPPED_LANGUAGES)
