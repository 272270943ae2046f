"""Template tags for the reader's languages: the <html> tag's lang and dir, the language
switcher in the header and the hreflang alternates in the head.

The switcher and the alternates show the same versions of the page, worked out once per
request (one query for every translation of a page, whatever the number of locales) and kept
on the request, so the head and the header never query twice.
"""

from dataclasses import dataclass

from django import template
from django.conf import settings
from django.db.models import F, Q
from django.urls import translate_url
from django.utils import translation
from django.utils.html import format_html
from wagtail.models import Page

from collection.page_urls import page_addresses
from operations.languages import is_rtl, local_name

register = template.Library()

_CACHE_ATTRIBUTE = "_language_versions"
# The fields of a page row that working out its address (Page.get_url_parts) and telling a
# translation from a section index page read.
ADDRESS_FIELDS = (
    "id",
    "path",
    "depth",
    "url_path",
    "live",
    "locale_id",
    "translation_key",
    "alias_of_id",
    "content_type_id",
)


def bcp47(code):
    """A Django language code as a BCP 47 tag: en-gb -> en-GB, zh-hans -> zh-Hans, cy -> cy."""
    language, *rest = code.split("-")
    parts = [language.lower()]
    for part in rest:
        if len(part) == 2 or part.isdigit():
            parts.append(part.upper())  # region (GB, BR) or UN M.49 area (419)
        elif len(part) == 4:
            parts.append(part.title())  # script (Hans, Latn)
        else:
            parts.append(part.lower())
    return "-".join(parts)


def direction(code):
    return "rtl" if is_rtl(code) else "ltr"


@dataclass(frozen=True)
class LanguageVersion:
    """One language a reader can have the current page (or view) in."""

    code: str  # Django's code: "en-gb", "cy", "ur"
    url: str  # for the switcher: same sub-page and query as the address being read
    full_url: str  # absolute, for hreflang (no query string)
    current: bool

    @property
    def tag(self):
        return bcp47(self.code)

    @property
    def name(self):
        return local_name(self.code)

    @property
    def direction(self):
        return direction(self.code)


def _language_order():
    order = {code: index for index, (code, _name) in enumerate(settings.LANGUAGES)}
    return lambda version: order.get(version.code, len(order))


def _page_versions(request, page):
    """Every live translation of a page (the page itself included), in one query."""
    from collection import fragments

    def live_translations():
        from operations.compiled_queries import run_compiled

        from .localized_links import (
            offer_section_pages,
            section_page_values,
            section_pages_wanted,
            sections_filter,
        )

        # Aliases are placeholders wagtail-localize makes for untranslated pages: never a
        # version to offer (collection/locales.py sends their readers to the source).
        # The section index pages the navigation links to are read in the same query and
        # offered to it (collection/templatetags/localized_links.py): one query for both.
        # Compiled once per process (operations/compiled_queries.py).
        _sections, is_section = section_pages_wanted()
        type_ids, languages = section_page_values()

        def build(translation_key, type_ids, languages):
            own = Q(translation_key=translation_key, alias_of__isnull=True)
            return (
                Page.objects.live()
                .filter(own | sections_filter(type_ids, languages))
                .only(*ADDRESS_FIELDS)  # what an address and a section's test need
                .annotate(language=F("locale__language_code"))
            )

        rows = run_compiled(
            "page-versions",
            build,
            translation_key=page.translation_key,
            type_ids=type_ids,
            languages=languages,
        )
        offer_section_pages(request, [row for row in rows if is_section(row)])
        return [
            row
            for row in rows
            if row.translation_key == page.translation_key and row.alias_of_id is None
        ]

    # Kept until content changes, like every fragment (a publish starts a new generation).
    translations = fragments.remember(
        request, "language-versions", str(page.translation_key), live_translations
    )
    own_url = page.get_url(request) or ""
    # A sub-page of the page (a story's transcript/) and the reader's filters (?theme=) follow
    # the reader to the other language; the slugs of routes and filter values are shared.
    path = request.path if request else own_url
    sub_path = path[len(own_url) :] if own_url and path.startswith(own_url) else ""
    query = request.META.get("QUERY_STRING", "") if request else ""
    versions = []
    for translated in translations:
        url, full_url = page_addresses(translated, request)
        if not url or not full_url:
            continue  # not routable on any site
        versions.append(
            LanguageVersion(
                code=translated.language,
                url=url + sub_path + (f"?{query}" if query else ""),
                full_url=full_url + sub_path,
                current=translated.pk == page.pk,
            )
        )
    return sorted(versions, key=_language_order())


def _view_versions(request):
    """A view that is not a page (search, credits, not found) under each shipped language."""
    current = translation.get_language() or settings.LANGUAGE_CODE
    full_path = request.get_full_path()
    versions = []
    for code in settings.SHIPPED_LANGUAGES:
        url = full_path if code == current else translate_url(full_path, code)
        if code != current and url == full_path:
            continue  # the address has no version in that language
        versions.append(
            LanguageVersion(
                code=code,
                url=url,
                full_url=request.build_absolute_uri(url.split("?", 1)[0]),
                current=code == current,
            )
        )
    return versions


def language_versions_for(request, page=None):
    """The versions of what the request shows, worked out once per request."""
    is_page = isinstance(page, Page) and page.pk is not None
    key = (page.pk if is_page else None, request.get_full_path() if request else None)
    cached = getattr(request, _CACHE_ATTRIBUTE, None)
    if cached is not None and cached[0] == key:
        return cached[1]
    if is_page:
        versions = _page_versions(request, page)
    elif request is not None:
        versions = _view_versions(request)
    else:
        versions = []
    if request is not None:
        setattr(request, _CACHE_ATTRIBUTE, (key, versions))
    return versions


@register.simple_tag(takes_context=True)
def language_versions(context):
    """The languages a reader can switch to; a list of one means there is nothing to switch."""
    return language_versions_for(context.get("request"), context.get("page"))


@register.simple_tag(takes_context=True)
def language_alternates(context):
    """(hreflang, absolute URL) pairs for the head: every live translation of the page and
    x-default for the default language's version. Empty when the page has no translation
    or the view is not a page (a search result or error page is not an indexable version)."""
    page = context.get("page")
    if not isinstance(page, Page):
        return []
    versions = language_versions_for(context.get("request"), page)
    if len(versions) < 2:
        return []
    pairs = [(version.tag, version.full_url) for version in versions]
    for version in versions:
        if version.code == settings.LANGUAGE_CODE:
            pairs.append(("x-default", version.full_url))
    return pairs


@register.simple_tag
def html_language_attributes():
    """lang and dir for the <html> tag, from the active language (the address's)."""
    code = translation.get_language() or settings.LANGUAGE_CODE
    return format_html('lang="{}" dir="{}"', bcp47(code), direction(code))


@register.simple_tag
def current_language_is(code):
    """Whether the active language is the given one (or a variant of it: ur, ur-pk)."""
    current = (translation.get_language() or settings.LANGUAGE_CODE).lower()
    return current == code or current.startswith(f"{code}-")
