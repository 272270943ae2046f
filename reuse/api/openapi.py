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
from .schemas import MAX_LIMIT, SCHEMAS, _ref


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
