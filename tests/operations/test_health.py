"""The health endpoint: JSON, never cached, 503 when the database or cache fails."""

import json

import pytest
from django.test import override_settings

from operations import health

pytestmark = pytest.mark.django_db


def test_healthy_site_answers_200_with_json_and_no_caching(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert json.loads(response.content) == {
        "status": "ok",
        "checks": {"database": "ok", "cache": "ok"},
    }
    assert "no-store" in response["Cache-Control"]


@override_settings(ALLOWED_HOSTS=["mindthegap.example"], SECURE_SSL_REDIRECT=True)
def test_probe_by_node_address_over_http_is_answered_not_refused_or_redirected(client):
    response = client.get("/healthz", HTTP_HOST="10.0.0.7:8000")
    assert response.status_code == 200
    # The same host elsewhere is still refused: only the probe is exempt.
    assert client.get("/", HTTP_HOST="10.0.0.7:8000").status_code == 400


def test_database_failure_gives_503(client, monkeypatch):
    def broken_database():
        raise ConnectionError("could not connect to server at db.internal:5432 password=x")

    monkeypatch.setitem(health.CHECKS, "database", broken_database)
    response = client.get("/healthz")
    assert response.status_code == 503
    body = json.loads(response.content)
    assert body["status"] == "error"
    assert body["checks"] == {"database": "error: ConnectionError", "cache": "ok"}
    # Error details (hosts, credentials) are logged, not shown.
    assert b"password" not in response.content


@override_settings(CACHES={"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}})
def test_cache_that_loses_values_gives_503(client):
    response = client.get("/healthz")
    assert response.status_code == 503
    assert json.loads(response.content)["checks"]["cache"] == "error: RuntimeError"


def test_only_get_and_head_are_answered(client):
    assert client.head("/healthz").status_code == 200
    assert client.post("/healthz").status_code != 200
