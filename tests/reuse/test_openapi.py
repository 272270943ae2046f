"""The OpenAPI 3.1 description is valid, served, and true of the live API: schemathesis calls
every operation with every parameter against a live server and finds no server error and no
response outside the description."""

import os

import pytest
from openapi_spec_validator import validate as validate_spec

from reuse.api.openapi import SPEC

# Examples per operation: small in CI, more when run by hand (SCHEMATHESIS_MAX_EXAMPLES).
MAX_EXAMPLES = int(
    os.environ.get("SCHEMATHESIS_MAX_EXAMPLES", "15" if os.environ.get("CI") else "40")
)


def test_the_description_is_valid_openapi_3_1():
    assert SPEC["openapi"].startswith("3.1")
    validate_spec(SPEC)


@pytest.mark.django_db
def test_the_description_is_served(client):
    response = client.get("/api/v2/openapi.json")
    assert response.status_code == 200
    assert response.json() == SPEC


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_schemathesis_finds_no_server_error_and_nothing_outside_the_schema(
    live_server, content, settings
):
    import schemathesis
    from hypothesis import HealthCheck, given
    from hypothesis import settings as hypothesis_settings
    from schemathesis.checks import not_a_server_error
    from schemathesis.specs.openapi.checks import (
        content_type_conformance,
        response_schema_conformance,
        status_code_conformance,
    )

    settings.REUSE_API_RATE_LIMIT = "100000/m"
    settings.ALLOWED_HOSTS = ["*"]
    content.stories_up_to(2)
    content.podcast()
    content.video()
    content.private()
    content.draft()

    @schemathesis.check
    def no_server_error(ctx, response, case):
        """Any 5xx fails, but the 501 the oEmbed specification asks for (format=xml), which
        the description declares."""
        if response.status_code == 501 and case.operation.path == "/api/oembed/":
            assert case.query.get("format") not in (None, "json")
            return None
        return not_a_server_error(ctx, response, case)

    schema = schemathesis.openapi.from_dict(SPEC)
    checks = [
        no_server_error,
        status_code_conformance,
        content_type_conformance,
        response_schema_conformance,
    ]
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) == len([method for path in SPEC["paths"].values() for method in path])
    for operation in operations:

        @given(case=operation.as_strategy())
        @hypothesis_settings(
            max_examples=MAX_EXAMPLES,
            deadline=None,
            database=None,
            suppress_health_check=list(HealthCheck),
        )
        def check(case):
            case.call_and_validate(base_url=live_server.url, checks=checks)

        check()
