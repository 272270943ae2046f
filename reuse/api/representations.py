"""What the read API says about each object, as plain dicts built from data already loaded.

Each `*_data` function takes an object whose related rows the endpoint prefetched (see the
`with_*` queryset helpers beside them) and does no query of its own, so a page of 100 results
costs the same queries as a page of one. Nothing here reads a user, a submission or an e-mail
address: contributors are given by name, roles, bio and their public links only.
"""

from django.db.models import Prefetch
from django.urls import reverse
from django.utils.html import strip_tags

from collection.models import SeriesStory, StoryContributor
from illustrations.attribution import attribution_for, credits_entry_url, is_reusable
from illustrations.renditions import MODERN_FORMATS, VARIANTS, spec_for

from .. import visibility

# The widths the site makes of every uncropped illustration (illustrations/renditions.py).
RENDITION_WIDTHS = tuple(
    sorted({width for variant in VARIANTS.values() if not variant.crop for width in variant.widths})
)
_UNCROPPED = next(variant for variant in VARIANTS.values() if not variant.crop)
RENDITION_FORMATS = (*MODERN_FORMATS, None)  # None: the JPEG or PNG the site falls back to


def rendition_specs():
    return [
        spec_for(_UNCROPPED, width, image_format)
        for width in RENDITION_WIDTHS
        for image_format in RENDITION_FORMATS
    ]


def absolute(request, url):
    return request.build_absolute_uri(url) if url else None


def plain_text(html):
    return " ".join(strip_tags(html or "").split())


def api_url(request, name, pk):
    return request.build_absolute_uri(reverse(f"wagtailapi_v2:{name}:detail", args=(pk,)))


def image_reference(request, image):
    """A nested image: its id and API address, or None when it is missing or incomplete."""
    if image is None or not image.is_complete:
        return None
    return {"id": image.pk, "detail_url": api_url(request, "images", image.pk)}


def page_link(request, page):
    if page is None or not visibility.is_public(page, request):
        return None
    return {"id": page.pk, "title": page.title, "html_url": page.get_full_url(request)}


# --- Stories ---------------------------------------------------------------------------------


def with_story_data(queryset):
    return queryset.select_related("hero_image", "hero_image__illustrator").prefetch_related(
        "themes",
        Prefetch(
            "story_contributors",
            queryset=StoryContributor.objects.select_related("contributor").order_by(
                "sort_order", "pk"
            ),
        ),
        Prefetch("series_memberships", queryset=SeriesStory.objects.select_related("series")),
    )


def story_contributors(request, story):
    """[(name, role, public page URL or None)] in credit order."""
    return [
        {
            "name": credit.contributor.title,
            "role": credit.role,
            "html_url": (
                credit.contributor.get_full_url(request)
                if visibility.is_public(credit.contributor, request)
                else None
            ),
        }
        for credit in story.story_contributors.all()
    ]


def story_data(request, story):
    series = next(
        (
            page_link(request, membership.series)
            for membership in story.series_memberships.all()
            if visibility.is_public(membership.series, request)
        ),
        None,
    )
    return {
        "summary": story.summary,
        "format": story.format,
        "published": story.first_published.isoformat(),
        "content_note": story.content_note,
        "themes": [{"name": theme.name, "slug": theme.slug} for theme in story.themes.all()],
        "contributors": story_contributors(request, story),
        "series": series,
        "hero_image": image_reference(request, story.hero_image),
        "oembed_url": absolute(
            request, reverse("reuse:oembed") + "?" + _url_query(story.get_full_url(request))
        ),
        "citations": {
            kind: absolute(request, reverse("reuse:citation", args=(story.pk, kind)))
            for kind in ("ris", "bib", "json")
        },
    }


def _url_query(url):
    from urllib.parse import urlencode

    return urlencode({"url": url, "format": "json"})


# --- Series and contributors -----------------------------------------------------------------


def with_series_data(queryset):
    return queryset.select_related("cover_image", "cover_image__illustrator")


def series_data(request, series):
    return {
        "introduction": plain_text(series.introduction),
        "cover_image": image_reference(request, series.cover_image),
    }


def with_contributor_data(queryset):
    return queryset.select_related("portrait", "portrait__illustrator")


def contributor_data(request, person):
    links = []
    for block in person.links:
        url = block.value.get("url") or ""
        # Only web addresses: a profile link is never a way to reach someone's inbox.
        if url.startswith(("https://", "http://")):
            links.append({"label": block.value.get("label") or "", "url": url})
    return {
        "roles": [role for role in person.roles if isinstance(role, str)],
        "bio": plain_text(person.short_bio),
        "portrait": image_reference(request, person.portrait),
        "links": links,
    }


# --- Images ----------------------------------------------------------------------------------


def with_image_data(queryset):
    from django.db.models import Prefetch
    from wagtail.images import get_image_model

    rendition_model = get_image_model().get_rendition_model()
    return queryset.select_related("illustrator").prefetch_related(
        Prefetch(
            "renditions",
            queryset=rendition_model.objects.filter(filter_spec__in=rendition_specs()).order_by(
                "width", "filter_spec"
            ),
            to_attr="api_renditions",
        )
    )


def _format_of(rendition):
    name = rendition.file.name.rsplit(".", 1)[-1].lower()
    return {"jpg": "jpeg"}.get(name, name)


def image_data(request, image):
    illustrator = None
    if image.illustrator_id:
        person = image.illustrator
        illustrator = {
            "name": person.title,
            "html_url": (
                person.get_full_url(request) if visibility.is_public(person, request) else None
            ),
        }
    reusable = is_reusable(image)
    attribution = attribution_for(
        image,
        credits_entry_url(image, request),
        (illustrator or {}).get("html_url") or "",
    )
    return {
        "alt_text": image.default_alt_text,
        "decorative": image.is_decorative,
        "width": image.width,
        "height": image.height,
        "credit": image.credit_name,
        "illustrator": illustrator,
        "copyright_holder": image.copyright_holder,
        "caption": image.default_caption,
        "licence": {
            "code": image.licence,
            "name": image.get_licence_display(),
            "url": image.licence_url or None,
            "reusable": reusable,
        },
        "attribution": (
            {"text": attribution.text, "html": str(attribution.html)} if attribution else None
        ),
        # The original file only where the licence allows reuse.
        "original": (
            {"url": absolute(request, image.file.url), "width": image.width, "height": image.height}
            if reusable
            else None
        ),
        "renditions": [
            {
                "format": _format_of(rendition),
                "width": rendition.width,
                "height": rendition.height,
                "url": absolute(request, rendition.url),
            }
            for rendition in getattr(image, "api_renditions", ())
        ],
    }


# --- Audio and video -------------------------------------------------------------------------


def media_data(request, item, stories):
    """`stories`: the public stories using the item, first published first."""
    story = stories[0] if stories else None
    transcript_url = None
    if story is not None and story.has_transcript_page():
        transcript_url = story.full_transcript_url(request)
    captions = None
    if item.type == "video" and item.captions:
        captions = {"url": absolute(request, item.captions.url), "language": item.captions_language}
    return {
        "kind": item.type,
        "duration": float(item.duration) if item.duration else None,
        "size": item.file_size,
        "mime_type": item.mime_type,
        "file_url": absolute(request, item.file.url),
        "transcript": {"text": plain_text(item.transcript), "html_url": transcript_url},
        "captions": captions,
        "story": page_link(request, story),
    }
