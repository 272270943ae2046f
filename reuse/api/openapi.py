"""The read API's OpenAPI 3.1 description, kept here as data and served at
/api/v2/openapi.json.

It is the contract: the tests validate it (openapi-spec-validator), check real responses against
its schemas (jsonschema), and let schemathesis call every operation with every parameter on a
live server. Change a representation (reuse/api/representations.py) and this together.
"""

from django.http import JsonResponse
from django.views.decorators.http import require_safe

from collection.models import StoryFormat
from illustrations.licences import Licence

from .base import MAX_ID, MAX_OFFSET
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


def _json(schema_name):
    return {"application/json": {"schema": _ref(schema_name)}}


def _error(description):
    return {"description": description, "content": _json("Error")}


COMMON_ERRORS = {
    "400": _error("A query parameter is unknown or has a value it cannot take."),
    "429": {
        "description": "Too many requests from this client: wait Retry-After seconds.",
        "headers": {"Retry-After": {"schema": {"type": "integer", "minimum": 1}}},
        "content": _json("Error"),
    },
}

PAGINATION = [
    {
        "name": "limit",
        "in": "query",
        "description": f"Items per page (default 20, at most {MAX_LIMIT}).",
        "schema": {"type": "integer", "minimum": 0, "maximum": MAX_LIMIT},
    },
    {
        "name": "offset",
        "in": "query",
        "description": "Items to skip.",
        "schema": {"type": "integer", "minimum": 0, "maximum": MAX_OFFSET},
    },
]


def _order(values, default):
    return {
        "name": "order",
        "in": "query",
        "description": f"Sort order (default {default}); ties are broken by id.",
        "schema": {"type": "string", "enum": list(values)},
    }


def _choice(name, values, description):
    return {
        "name": name,
        "in": "query",
        "description": description,
        "schema": {"type": "string", "enum": list(values)},
    }


def _text(name, description):
    return {
        "name": name,
        "in": "query",
        "description": description,
        "schema": {"type": "string", "minLength": 1, "maxLength": 255},
    }


ID_PARAMETER = {
    "name": "id",
    "in": "path",
    "required": True,
    "schema": {"type": "integer", "minimum": 1, "maximum": MAX_ID},
}


def _listing(summary, listing_schema, parameters):
    return {
        "get": {
            "summary": summary,
            "parameters": PAGINATION + parameters,
            "responses": {
                "200": {"description": "A page of results.", "content": _json(listing_schema)},
                **COMMON_ERRORS,
            },
        }
    }


def _detail(summary, schema):
    return {
        "get": {
            "summary": summary,
            "parameters": [ID_PARAMETER],
            "responses": {
                "200": {"description": "The item.", "content": _json(schema)},
                "404": _error("No public item with that id."),
                **COMMON_ERRORS,
            },
        }
    }


def _citation(kind, media_type, description):
    return {
        "get": {
            "summary": f"Download a story's citation as {description}",
            "parameters": [ID_PARAMETER],
            "responses": {
                "200": {
                    "description": description,
                    "content": {media_type: {"schema": {"type": "string"}}}
                    if kind != "json"
                    else {media_type: {"schema": {"type": "array", "items": {"type": "object"}}}},
                },
                "404": _error("No public story with that id."),
                "429": COMMON_ERRORS["429"],
            },
        }
    }


PAGE_ORDERS = ["-first_published_at", "first_published_at", "title", "-title", "id", "-id"]
OBJECT_ORDERS = ["id", "-id", "title", "-title"]

SPEC = {
    "openapi": "3.1.0",
    "info": {
        "title": "Mind The Gap read API",
        "version": "2.0.0",
        "summary": "Public stories, series, contributors, illustrations and media; oEmbed and "
        "citations.",
        "description": "Read-only and public: GET from any origin (CORS), ETag / 304, a "
        "per-client rate limit (429 with Retry-After). Only live, public pages appear, and only "
        "complete images and media that they show. See docs/api.md.",
        "license": {"name": "Content under each item's own licence", "identifier": "CC-BY-4.0"},
    },
    "servers": [{"url": "/"}],
    "paths": {
        "/api/v2/pages/": _listing(
            "List public stories, series and contributors",
            "PageListing",
            [
                _choice("type", PAGE_TYPES, "Only pages of this type (with all its fields)."),
                _text("theme", "Stories under the theme with this slug."),
                _choice("format", StoryFormat.values, "Stories told in this format."),
                _text("series", "Stories in the series with this slug."),
                _text("locale", "Pages in this language (a language code, e.g. en)."),
                _order(PAGE_ORDERS, "-first_published_at"),
            ],
        ),
        "/api/v2/pages/{id}/": _detail("A public story, series or contributor", "Page"),
        "/api/v2/images/": _listing(
            "List the illustrations public pages show",
            "ImageListing",
            [
                _choice("licence", Licence.values, "Only images under this licence."),
                _choice("reusable", ["true", "false"], "Only images others may (not) reuse."),
                _order(OBJECT_ORDERS, "id"),
            ],
        ),
        "/api/v2/images/{id}/": _detail("An illustration with credit and licence", "Image"),
        "/api/v2/media/": _listing(
            "List the audio and video public stories play",
            "MediaListing",
            [
                _choice("kind", ["audio", "video"], "Audio or video only."),
                _order(OBJECT_ORDERS, "id"),
            ],
        ),
        "/api/v2/media/{id}/": _detail("An audio or video item", "Media"),
        "/api/v2/openapi.json": {
            "get": {
                "summary": "This description",
                "responses": {
                    "200": {
                        "description": "OpenAPI 3.1",
                        "content": {"application/json": {"schema": {"type": "object"}}},
                    },
                    "429": COMMON_ERRORS["429"],
                },
            }
        },
        "/api/oembed/": {
            "get": {
                "summary": "oEmbed for a story: a rich embed of its card",
                "parameters": [
                    {
                        "name": "url",
                        "in": "query",
                        "required": True,
                        "description": "A story's address on this site.",
                        "schema": {"type": "string", "maxLength": 2000},
                    },
                    {
                        "name": "format",
                        "in": "query",
                        "description": "Only json is served (xml answers 501).",
                        "schema": {"type": "string", "enum": ["json", "xml"]},
                    },
                    {
                        "name": "maxwidth",
                        "in": "query",
                        "schema": {"type": "integer", "minimum": 1, "maximum": 100_000},
                    },
                    {
                        "name": "maxheight",
                        "in": "query",
                        "schema": {"type": "integer", "minimum": 1, "maximum": 100_000},
                    },
                ],
                "responses": {
                    "200": {"description": "The embed.", "content": _json("OEmbed")},
                    "400": _error("A parameter is missing or malformed."),
                    "401": _error("The story is private."),
                    "404": _error("No public story at that address, or none fits the size."),
                    "501": _error("The format asked for is not served."),
                    "429": COMMON_ERRORS["429"],
                },
            }
        },
        "/api/citations/{id}.ris": _citation("ris", "application/x-research-info-systems", "RIS"),
        "/api/citations/{id}.bib": _citation("bib", "application/x-bibtex", "BibTeX"),
        "/api/citations/{id}.json": _citation(
            "json", "application/vnd.citationstyles.csl+json", "CSL-JSON"
        ),
    },
    "components": {"schemas": SCHEMAS},
}


@require_safe
def openapi_view(request):
    return JsonResponse(SPEC, json_dumps_params={"indent": 2})
