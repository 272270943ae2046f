"""PostgreSQL connections bind parameters on the server so repeated queries are prepared
(site_project/settings/base.py), and a deployment behind a transaction pooler can turn it off.
Settings are read once per process: each case imports them in a subprocess."""

import json

import pytest
from django.db import connection

from tests.settings_probe import settings_in_subprocess

POSTGRES_URL = "postgres://postgres@127.0.0.1:5432/test"


def database_options(extra_env):
    result = settings_in_subprocess(extra_env, "s.DATABASES['default'].get('OPTIONS', {})")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_postgresql_binds_on_the_server_and_prepares_repeated_queries():
    options = database_options({"DATABASE_URL": POSTGRES_URL})
    assert options["server_side_binding"] is True
    assert options["prepare_threshold"] == 5


def test_a_transaction_pooler_can_turn_prepared_statements_off():
    options = database_options({"DATABASE_URL": POSTGRES_URL, "DATABASE_PREPARE_THRESHOLD": "none"})
    assert options["prepare_threshold"] is None
    off = database_options({"DATABASE_URL": POSTGRES_URL, "DATABASE_SERVER_SIDE_BINDING": "no"})
    assert off["server_side_binding"] is False


def test_sqlite_gets_no_postgresql_options():
    assert "server_side_binding" not in database_options({"DATABASE_URL": "sqlite:///x.db"})


@pytest.mark.django_db
def test_a_page_query_run_repeatedly_is_prepared_on_postgresql(client, site_tree):
    if connection.vendor != "postgresql":
        pytest.skip("prepared statements are PostgreSQL's")
    for _ in range(8):
        assert client.get("/").status_code == 200
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM pg_prepared_statements")
        assert cursor.fetchone()[0] > 0


def test_postgresql_prices_an_index_lookup_for_memory_not_a_spinning_disk():
    options = database_options({"DATABASE_URL": POSTGRES_URL})
    assert "-c random_page_cost=1.1" in options["options"]
    tuned = database_options({"DATABASE_URL": POSTGRES_URL, "DATABASE_RANDOM_PAGE_COST": "2"})
    assert "-c random_page_cost=2.0" in tuned["options"]


@pytest.mark.django_db
def test_the_connection_really_runs_with_the_lower_page_cost():
    if connection.vendor != "postgresql":
        pytest.skip("random_page_cost is PostgreSQL's")
    with connection.cursor() as cursor:
        cursor.execute("SHOW random_page_cost")
        assert float(cursor.fetchone()[0]) == pytest.approx(1.1)
