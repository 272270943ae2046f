"""The JSON schemas of the read API's responses: components/schemas of its OpenAPI
description (reuse/api/openapi.py). Each mirrors a function of reuse/api/representations.py."""

from collection.models import StoryFormat
from illustrations.licences import Licence

from .pages import PAGE_TYPES

MAX_LIMIT = 100  # WAGTAILAPI_LIMIT_MAX


def _nullable(schema):
    return {"anyOf": [schema, {"type": "null"}]}


def _ref(name):
    return {"$ref": f"#/components/schemas/{name}"}


URL = {"type": "string", "format": "uri"}
NULLABLE_URL = {"type": ["string", "null"], "format": "uri"}

SCHEMAS = {
    "Error": {
        "type": "object",
        "required": ["message"],
        "properties": {"message": {"type": "string"}},
    },
    "ListingMeta": {
        "type": "object",
        "required": ["total_count"],
        "properties": {"total_count": {"type": "integer", "minimum": 0}},
    },
    "ObjectMeta": {
        "type": "object",
        "required": ["type", "detail_url"],
        "properties": {"type": {"type": "string"}, "detail_url": URL},
    },
    "PageMeta": {
        "type": "object",
        "required": ["type", "detail_url", "html_url", "slug", "first_published_at", "locale"],
        "properties": {
            "type": {"type": ["string", "null"], "enum": [*PAGE_TYPES, None]},
            "detail_url": URL,
            "html_url": URL,
            "slug": {"type": "string"},
            "first_published_at": {"type": ["string", "null"], "format": "date-time"},
            "locale": {"type": "string"},
        },
        "additionalProperties": False,
    },
    "ImageRef": _nullable(
        {
            "type": "object",
            "required": ["id", "detail_url"],
            "properties": {"id": {"type": "integer"}, "detail_url": URL},
            "additionalProperties": False,
        }
    ),
    "PageLink": _nullable(
        {
            "type": "object",
            "required": ["id", "title", "html_url"],
            "properties": {"id": {"type": "integer"}, "title": {"type": "string"}, "html_url": URL},
            "additionalProperties": False,
        }
    ),
    "PageBase": {
        "type": "object",
        "required": ["id", "meta", "title"],
        "properties": {
            "id": {"type": "integer"},
            "meta": _ref("PageMeta"),
            "title": {"type": "string"},
        },
    },
    "Story": {
        "allOf": [_ref("PageBase")],
        "type": "object",
        "required": [
            "summary",
            "format",
            "published",
            "content_note",
            "themes",
            "contributors",
            "series",
            "hero_image",
            "oembed_url",
            "citations",
        ],
        "properties": {
            "summary": {"type": "string"},
            "format": {"type": "string", "enum": list(StoryFormat.values)},
            "published": {"type": "string", "format": "date"},
            "content_note": {"type": "string"},
            "themes": {
                "type": "array",
                "items": {
                    "type": "object",
                    "required": ["name", "slug"],
                    "properties": {"name": {"type": "string"}, "slug": {"type": "string"}},
                    "additionalProperties": False,
                },
            },
            "contributors": {
                "type": "array",
                "items": {
                    "type": "object",
                    "required": ["name", "role", "html_url"],
                    "properties": {
                        "name": {"type": "string"},
                        "role": {"type": "string"},
                        "html_url": NULLABLE_URL,
                    },
                    "additionalProperties": False,
                },
            },
            "series": _ref("PageLink"),
            "hero_image": _ref("ImageRef"),
            "oembed_url": URL,
            "citations": {
                "type": "object",
                "required": ["ris", "bib", "json"],
                "properties": {"ris": URL, "bib": URL, "json": URL},
                "additionalProperties": False,
            },
        },
        "unevaluatedProperties": False,
    },
    "Series": {
        "allOf": [_ref("PageBase")],
        "type": "object",
        "required": ["introduction", "cover_image"],
        "properties": {"introduction": {"type": "string"}, "cover_image": _ref("ImageRef")},
        "unevaluatedProperties": False,
    },
    "Contributor": {
        "allOf": [_ref("PageBase")],
        "type": "object",
        "required": ["roles", "bio", "portrait", "links"],
        "properties": {
            "roles": {"type": "array", "items": {"type": "string"}},
            "bio": {"type": "string"},
            "portrait": _ref("ImageRef"),
            "links": {
                "type": "array",
                "items": {
                    "type": "object",
                    "required": ["label", "url"],
                    "properties": {"label": {"type": "string"}, "url": URL},
                    "additionalProperties": False,
                },
            },
        },
        # Nothing else: no user, no e-mail address, only what their public page shows.
        "unevaluatedProperties": False,
    },
    # A page listed without `type`: the fields every page has.
    "GenericPage": {"allOf": [_ref("PageBase")], "unevaluatedProperties": False},
    "Page": {"anyOf": [_ref("Story"), _ref("Series"), _ref("Contributor"), _ref("GenericPage")]},
    "PageListing": {
        "type": "object",
        "required": ["meta", "items"],
        "properties": {
            "meta": _ref("ListingMeta"),
            "items": {"type": "array", "maxItems": MAX_LIMIT, "items": _ref("Page")},
        },
    },
    "Licence": {
        "type": "object",
        "required": ["code", "name", "url", "reusable"],
        "properties": {
            "code": {"type": "string", "enum": list(Licence.values)},
            "name": {"type": "string"},
            "url": NULLABLE_URL,
            "reusable": {"type": "boolean"},
        },
        "additionalProperties": False,
    },
    "Image": {
        "type": "object",
        "required": [
            "id",
            "meta",
            "title",
            "alt_text",
            "decorative",
            "width",
            "height",
            "credit",
            "illustrator",
            "copyright_holder",
            "caption",
            "licence",
            "attribution",
            "original",
            "renditions",
        ],
        "properties": {
            "id": {"type": "integer"},
            "meta": _ref("ObjectMeta"),
            "title": {"type": "string"},
            "alt_text": {"type": "string"},
            "decorative": {"type": "boolean"},
            "width": {"type": "integer"},
            "height": {"type": "integer"},
            "credit": {"type": "string", "minLength": 1},
            "illustrator": _nullable(
                {
                    "type": "object",
                    "required": ["name", "html_url"],
                    "properties": {"name": {"type": "string"}, "html_url": NULLABLE_URL},
                    "additionalProperties": False,
                }
            ),
            "copyright_holder": {"type": "string"},
            "caption": {"type": "string"},
            "licence": _ref("Licence"),
            "attribution": _nullable(
                {
                    "type": "object",
                    "required": ["text", "html"],
                    "properties": {"text": {"type": "string"}, "html": {"type": "string"}},
                    "additionalProperties": False,
                }
            ),
            "original": _nullable(
                {
                    "type": "object",
                    "required": ["url", "width", "height"],
                    "properties": {
                        "url": URL,
                        "width": {"type": "integer"},
                        "height": {"type": "integer"},
                    },
                    "additionalProperties": False,
                }
            ),
            "renditions": {
                "type": "array",
                "items": {
                    "type": "object",
                    "required": ["format", "width", "height", "url"],
                    "properties": {
                        "format": {
                            "type": "string",
                            "enum": ["avif", "webp", "jpeg", "png", "gif"],
                        },
                        "width": {"type": "integer"},
                        "height": {"type": "integer"},
                        "url": URL,
                    },
                    "additionalProperties": False,
                },
            },
        },
        "additionalProperties": False,
    },
    "ImageListing": {
        "type": "object",
        "required": ["meta", "items"],
        "properties": {
            "meta": _ref("ListingMeta"),
            "items": {"type": "array", "maxItems": MAX_LIMIT, "items": _ref("Image")},
        },
    },
    "Media": {
        "type": "object",
        "required": [
            "id",
            "meta",
            "title",
            "kind",
            "duration",
            "size",
            "mime_type",
            "file_url",
            "transcript",
            "captions",
            "story",
        ],
        "properties": {
            "id": {"type": "integer"},
            "meta": _ref("ObjectMeta"),
            "title": {"type": "string"},
            "kind": {"type": "string", "enum": ["audio", "video"]},
            "duration": {"type": ["number", "null"], "description": "Seconds."},
            "size": {"type": ["integer", "null"], "description": "Bytes."},
            "mime_type": {"type": "string"},
            "file_url": URL,
            "transcript": {
                "type": "object",
                "required": ["text", "html_url"],
                "properties": {"text": {"type": "string"}, "html_url": NULLABLE_URL},
                "additionalProperties": False,
            },
            "captions": _nullable(
                {
                    "type": "object",
                    "required": ["url", "language"],
                    "properties": {"url": URL, "language": {"type": "string"}},
                    "additionalProperties": False,
                }
            ),
            "story": _ref("PageLink"),
        },
        "additionalProperties": False,
    },
    "MediaListing": {
        "type": "object",
        "required": ["meta", "items"],
        "properties": {
            "meta": _ref("ListingMeta"),
            "items": {"type": "array", "maxItems": MAX_LIMIT, "items": _ref("Media")},
        },
    },
    "OEmbed": {
        "type": "object",
        "required": ["type", "version", "title", "provider_name", "provider_url", "html"],
        "properties": {
            "type": {"const": "rich"},
            "version": {"const": "1.0"},
            "title": {"type": "string"},
            "author_name": {"type": "string"},
            "author_url": URL,
            "provider_name": {"type": "string"},
            "provider_url": URL,
            "cache_age": {"type": "integer"},
            "html": {"type": "string"},
            "width": {"type": "integer", "minimum": 1},
            "height": {"type": "integer", "minimum": 1},
            "thumbnail_url": URL,
            "thumbnail_width": {"type": "integer"},
            "thumbnail_height": {"type": "integer"},
        },
        "dependentRequired": {
            "thumbnail_url": ["thumbnail_width", "thumbnail_height"],
        },
    },
}
