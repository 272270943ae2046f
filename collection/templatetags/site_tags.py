"""Template tags for the public site's head (canonical, social cards, JSON-LD) and embeds."""

import json

from django import template
from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from collection import fragments
from collection.blocks import clock_seconds
from collection.embeds import embed_info as derive_embed_info
from collection.embeds import provider_name as derive_provider_name
from collection.locales import bcp47
from collection.social import absolute_url, social_image_for

register = template.Library()
# A page whose social card was kept brings it in the context as `kept_social_image` (maybe None).
_NOT_KEPT = object()

# Escape the characters that could end a <script> element early inside JSON-LD.
_JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.simple_tag(takes_context=True)
def social_image(context, page):
    """The page's illustration as a 1200x630 social card image: a dict, or None. A story whose
    body was kept brings the card it was kept with (collection/story_body.py)."""
    kept = context.get("kept_social_image", _NOT_KEPT)
    if kept is not _NOT_KEPT:
        return kept
    return social_image_for(page, context.get("request"))


@register.simple_tag(takes_context=True)
def canonical_url(context, page=None):
    """The page's own address, without query strings, as an absolute URL."""
    request = context.get("request")
    if page is not None and hasattr(page, "get_full_url"):
        return page.get_full_url(request)
    return request.build_absolute_uri(request.path) if request else ""


@register.simple_tag(takes_context=True)
def og_locales(context, page=None):
    """Open Graph's locale of the page (its language: en_GB, cy_GB, ur_PK) and the locales of
    its other live translations."""
    from collection.locales import og_locale

    from .languages import language_versions_for

    request = context.get("request")
    language = translation.get_language() or settings.LANGUAGE_CODE
    alternates = []
    if page is not None and getattr(page, "pk", None) and hasattr(page, "get_translations"):
        # The same versions the switcher and hreflang links show: one lookup per request.
        codes = sorted(version.code for version in language_versions_for(request, page))
        alternates = [og_locale(code) for code in codes if code != language]
    return {"locale": og_locale(language), "alternates": alternates}


@register.simple_tag
def embed_info(url):
    return derive_embed_info(url)


@register.filter
def provider_name(url):
    return derive_provider_name(url)


@register.filter
def iso_duration(seconds):
    """Seconds as an ISO 8601 duration (PT4M13S), as schema.org expects."""
    seconds = int(round(float(seconds or 0)))
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    text = "PT"
    if hours:
        text += f"{hours}H"
    if minutes:
        text += f"{minutes}M"
    return text + f"{secs}S"


@register.filter
def clock_duration(seconds):
    """Seconds as 4:13 or 1:02:05, for people."""
    seconds = int(round(float(seconds or 0)))
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours}:{minutes:02d}:{secs:02d}"
    return f"{minutes}:{secs:02d}"


def page_language():
    """The page's language as schema.org's inLanguage wants it (en-GB, cy, ur): a page is only
    ever served in its own language (collection/locales.py)."""
    return bcp47(translation.get_language() or settings.LANGUAGE_CODE)


def story_structured_data(page, request, image_url=None):
    """schema.org data for a story: Article, PodcastEpisode or VideoObject as fits."""
    url = page.get_full_url(request)
    people = [
        {"@type": "Person", "name": credit.contributor.title, "url": credit.contributor.full_url}
        if credit.contributor.full_url
        else {"@type": "Person", "name": credit.contributor.title}
        for credit in page.credits(request)
    ]
    data = {
        "@context": "https://schema.org",
        "@type": "Article",
        "url": url,
        "name": page.title,
        "description": page.summary,
        "datePublished": page.first_published.isoformat(),
        "inLanguage": page_language(),
    }
    if page.last_published_at:
        data["dateModified"] = page.last_published_at.isoformat()
    if image_url:
        data["image"] = image_url
    episode = page.episode() if page.format == "podcast" else None
    video = page.video() if page.format == "video" else None
    if episode:
        audio = episode["audio"]
        data.update(
            {
                "@type": "PodcastEpisode",
                "name": episode["title"],
                "associatedMedia": {
                    "@type": "MediaObject",
                    "contentUrl": absolute_url(request, audio.url),
                    "encodingFormat": audio.mime_type,
                    "duration": iso_duration(audio.duration),
                },
                "duration": iso_duration(audio.duration),
                "partOfSeries": {"@type": "PodcastSeries", "name": "Mind The Gap"},
            }
        )
        if people:
            data["creator"] = people
    elif video and (video["video"] or video["url"]):
        data["@type"] = "VideoObject"
        data["uploadDate"] = page.first_published.isoformat()
        if image_url:
            data["thumbnailUrl"] = image_url
        if video["video"]:
            item = video["video"]
            data["contentUrl"] = absolute_url(request, item.url)
            if item.duration:
                data["duration"] = iso_duration(item.duration)
        else:
            info = derive_embed_info(video["url"])
            data["embedUrl"] = info.player_url if info else video["url"]
            seconds = clock_seconds(video.get("duration"))
            if seconds:
                data["duration"] = iso_duration(seconds)
        if people:
            data["creator"] = people
    else:
        data.update(
            {
                "@type": "Article",
                "headline": page.title[:110],
                "mainEntityOfPage": url,
                "publisher": {"@type": "Organization", "name": "Mind The Gap"},
            }
        )
        if people:
            data["author"] = people
    return data


def page_structured_data(page, request, image_url=None):
    from collection.models import ContributorPage, SeriesPage, StoryPage

    if isinstance(page, StoryPage):
        return story_structured_data(page, request, image_url)
    if isinstance(page, SeriesPage):
        return {
            "@context": "https://schema.org",
            "@type": "CreativeWorkSeries",
            "name": page.title,
            "url": page.get_full_url(request),
            "inLanguage": page_language(),
        }
    if isinstance(page, ContributorPage):
        return {
            "@context": "https://schema.org",
            "@type": "ProfilePage",
            "mainEntity": {"@type": "Person", "name": page.title},
            "url": page.get_full_url(request),
            "inLanguage": page_language(),
        }
    if page is not None and page.depth == 2:
        return {
            "@context": "https://schema.org",
            "@type": "WebSite",
            "name": "Mind The Gap",
            "url": page.get_full_url(request),
            "inLanguage": page_language(),
            "potentialAction": {
                "@type": "SearchAction",
                # The search of the page's language (/cy/search/ under Welsh).
                "target": absolute_url(request, reverse("search")) + "?q={query}",
                "query-input": "required name=query",
            },
        }
    return None


@register.simple_tag(takes_context=True)
def json_ld(context, page, image=None):
    """A <script type="application/ld+json"> describing the page, or nothing."""
    request = context.get("request")
    data = page_structured_data(page, request, image["url"] if image else None)
    if not data:
        return ""
    text = json.dumps(data, ensure_ascii=False).translate(_JSON_SCRIPT_ESCAPES)
    nonce = getattr(request, "csp_nonce", None)
    if nonce:
        return format_html(
            '<script type="application/ld+json" nonce="{}">{}</script>', nonce, mark_safe(text)
        )
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))


@register.filter
def page_links(page_obj):
    """The page numbers a pagination bar links to: the first and last, and two either side of
    the current one, with None where numbers are left out. A listing of 2,000 stories is 167
    pages: linking every one made the bar unusable and the page twice as heavy."""
    paginator = page_obj.paginator
    return [
        None if number == paginator.ELLIPSIS else number
        for number in paginator.get_elided_page_range(page_obj.number, on_each_side=2, on_ends=1)
    ]


@register.simple_tag(takes_context=True)
def site_footer(context):
    """The site's footer (includes/site_footer.html), the same on every page of a language:
    kept until content changes, like the fragments it is made of (collection/fragments.py)."""
    request = context.get("request")

    def render():
        return render_to_string("includes/site_footer.html", context.flatten())

    return mark_safe(fragments.remember(request, "site-footer", "html", render))  # noqa: S308
