"""Links to the site's sections (stories, series, contributors, share your story) in the reader's
language.

The navigation, footer and a few empty states link to the section index pages. Their slugs are
translatable (the Welsh stories index may be /cy/straeon/), so the address cannot be written in
the template: it is the index page of the active language when that exists, else the default
language's (an untranslated section still leads somewhere), else the English address the site
has always used.

    {% load localized_links %}
    {% section_url "stories" as stories_url %}
    <a href="{{ stories_url }}"{% aria_current stories_url %}>...</a>

All four sections are found with one query per request, kept on the request object, and kept
between requests until content changes where the site keeps fragments (collection/fragments.py).
"""

from django import template
from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import F, Q
from django.utils import translation
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Page

from collection import fragments

register = template.Library()

# Section name -> (app label, model name, address used when no such page exists at all).
# submissions is looked up by name: collection must not import it.
SECTIONS = {
    "stories": ("collection", "StoryIndexPage", "/stories/"),
    "series": ("collection", "SeriesIndexPage", "/series/"),
    "contributors": ("collection", "ContributorIndexPage", "/contributors/"),
    "share": ("submissions", "ShareYourStoryPage", "/share-your-story/"),
}

REQUEST_CACHE_ATTRIBUTE = "_localized_section_urls"
OFFERED_ATTRIBUTE = "_offered_section_pages"


def _language_codes():
    """(active content language, default content language), as Locale stores them."""
    default = get_supported_content_language_variant(settings.LANGUAGE_CODE)
    try:
        active = get_supported_content_language_variant(translation.get_language())
    except LookupError:
        active = default
    return active, default


def _section_of_type():
    """{content type id: section name}; get_for_models is served from ContentType's own cache
    after the first request."""
    models = {name: apps.get_model(app, model) for name, (app, model, _url) in SECTIONS.items()}
    content_types = ContentType.objects.get_for_models(*models.values())
    return {content_types[model].pk: name for name, model in models.items()}


def section_page_values():
    """(the ids of the section index page types, the active and default language codes), both
    sorted: what section_pages_wanted filters by, as values a compiled query is given."""
    active, default = _language_codes()
    return sorted(set(_section_of_type())), sorted({active, default})


def sections_filter(type_ids, languages):
    """A filter for the section index pages of these types in these languages."""
    return Q(content_type_id__in=type_ids, locale__language_code__in=languages)


def section_pages_wanted():
    """(a filter for the section index pages of the active and default languages, and a test
    telling whether a page row read with `language` annotated is one of them)."""
    type_ids, languages = section_page_values()
    condition = sections_filter(type_ids, languages)

    def is_wanted(page):
        return page.content_type_id in type_ids and page.language in languages

    return condition, is_wanted


def offer_section_pages(request, pages):
    """Section pages another query of this request read along (collection/templatetags/
    languages.py reads them with the page's translations), for find_section_urls to use
    instead of a query of its own. `pages` are live, with `language` annotated."""
    if request is not None:
        setattr(request, OFFERED_ATTRIBUTE, (translation.get_language(), list(pages)))


def find_section_urls(request=None):
    """{section name: address} for the active language, in one query (none when the pages were
    read along with another query of the request: offer_section_pages)."""
    active, _default = _language_codes()
    section_of_type = _section_of_type()
    offered = getattr(request, OFFERED_ATTRIBUTE, None)
    if offered is not None and offered[0] == translation.get_language():
        pages = sorted(offered[1], key=lambda page: page.path)
    else:
        condition, _is_wanted = section_pages_wanted()
        pages = (
            Page.objects.live()
            .filter(condition)
            .annotate(language=F("locale__language_code"))
            .order_by("path")
        )
    found = {}
    for page in pages:
        name = section_of_type[page.content_type_id]
        # The active language's page wins over the default's; the first in the tree otherwise.
        if name not in found or (page.language == active and found[name].language != active):
            found[name] = page
    urls = {}
    for name, (_app, _model, fallback) in SECTIONS.items():
        page = found.get(name)
        url = page.get_url(request) if page is not None else None
        urls[name] = url or fallback
    return urls


def section_urls(request=None):
    """The section addresses for this request's language, worked out once per request."""
    if request is None:
        return find_section_urls()
    language = translation.get_language()
    cached = getattr(request, REQUEST_CACHE_ATTRIBUTE, None)
    if cached is None or cached[0] != language:
        urls = fragments.remember(
            request, "section-urls", language, lambda: find_section_urls(request)
        )
        cached = (language, urls)
        setattr(request, REQUEST_CACHE_ATTRIBUTE, cached)
    return cached[1]


@register.simple_tag(takes_context=True)
def section_url(context, name):
    """The address of a section's index page in the reader's language."""
    if name not in SECTIONS:
        raise template.TemplateSyntaxError(f"Unknown section {name!r}: one of {list(SECTIONS)}")
    return section_urls(context.get("request"))[name]


@register.simple_tag(takes_context=True)
def aria_current(context, url, inside="true"):
    """` aria-current="page"` on the link to the page being read, ` aria-current="<inside>"` on
    the link to the section it is in, nothing otherwise."""
    request = context.get("request")
    path = getattr(request, "path", "")
    if not url or url == "/" or not path:
        return ""
    if path == url:
        return mark_safe(' aria-current="page"')
    if path.startswith(url):
        return format_html(' aria-current="{}"', inside)
    return ""
