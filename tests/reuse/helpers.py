"""Shared checks for the reuse tests: responses validated against the OpenAPI description."""

import jsonschema

from reuse.api.openapi import SPEC


def validate(data, schema_name):
    """Raise if `data` does not match components/schemas/<schema_name> of the description."""
    schema = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$ref": f"#/components/schemas/{schema_name}",
        "components": SPEC["components"],
    }
    jsonschema.Draft202012Validator(
        schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    ).validate(data)


def all_text(response):
    return response.content.decode()
