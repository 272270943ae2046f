"""Search per language: /cy/search/ finds Welsh pages only, /search/ English ones; on
PostgreSQL each language is indexed and queried with its own text search configuration
(collection/search_backend.py). The PostgreSQL test runs when DATABASE_URL is PostgreSQL."""

import pytest
from django.db import connection
from django.utils import translation

from collection.search_backend import config_for_language
from tests.languages.translated_content import (  # noqa: F401 (fixtures, by their names)
    catalogues_fixture,
    content_fixture,
    translated_fixture,
)

pytestmark = pytest.mark.django_db

on_postgres = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="PostgreSQL text search configurations"
)


@pytest.fixture(autouse=True)
def no_page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 0


@pytest.fixture
def pages(translated):
    content = translated.content
    english = content.story(title="Consenting communities and biobanks", in_series=False)
    welsh = translated.story(
        "cy", english, title="Stori am gydsyniad a biobanciau", slug="stori-am-gydsyniad"
    )
    urdu = translated.story("ur", english, title="بائیو بینک اور رضامندی", slug="urdu-biobank")
    return {"en": english, "cy": welsh, "ur": urdu}


def result_titles(client, url):
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    return {title for title in ("Consenting", "Stori am", "بائیو بینک") if title in html}


def test_results_are_in_the_address_s_language_only(client, pages):
    # "biobank*" is in all three, and the English title is in every translation's index
    # entry history: only the address's language is listed.
    assert result_titles(client, "/search/?q=biobanks") == {"Consenting"}
    assert result_titles(client, "/cy/search/?q=biobanciau") == {"Stori am"}
    assert result_titles(client, "/ur/search/?q=بائیو") == {"بائیو بینک"}
    # A word only the English page has finds nothing in Welsh.
    assert result_titles(client, "/cy/search/?q=consenting") == set()


def test_each_language_has_its_configuration():
    assert config_for_language("en-gb") == "english"
    assert config_for_language("cy") == "simple"
    assert config_for_language("ur") == "simple"
    assert config_for_language("so") == "simple"
    assert config_for_language("fr") == "french"
    assert config_for_language("pt-br") == "portuguese"


def test_the_postgres_backend_indexes_and_queries_per_language(pages):
    """The PostgreSQL classes themselves (built without a PostgreSQL connection): an object is
    indexed with its own language's configuration, a query with the active language's."""
    from modelsearch.backends.database.postgres import postgres as base

    from collection.search_backend import _postgres_backend_class

    backend_class = _postgres_backend_class()
    backend = backend_class({"SEARCH_CONFIG": "english"})
    assert base.ObjectIndexer(pages["cy"], backend).config == "simple"
    assert base.ObjectIndexer(pages["en"], backend).config == "english"
    compiler = backend_class.query_compiler_class(type(pages["en"]).objects.all(), "biobank")
    with translation.override("cy"):
        assert compiler.get_config(backend) == "simple"
    with translation.override("en-gb"):
        assert compiler.get_config(backend) == "english"

    # Wagtail's own backend (another configuration) is unchanged by the replaced indexer.
    plain = base.PostgresSearchBackend({"SEARCH_CONFIG": "english"})
    assert base.ObjectIndexer(pages["cy"], plain).config == "english"


@on_postgres
def test_on_postgres_welsh_words_are_not_english_stop_words_or_stems(client, pages):
    from django.db.models import TextField
    from django.db.models.functions import Cast
    from modelsearch.conf import get_app_config

    index_entries = get_app_config().get_model("IndexEntry").objects

    # "am" (Welsh: about) is an English stop word: with the english configuration the Welsh
    # story could never be found by it.
    assert result_titles(client, "/cy/search/?q=am") == {"Stori am"}
    # English keeps its stemming: "community" finds "communities".
    assert result_titles(client, "/search/?q=community") == {"Consenting"}

    def lexemes(page):
        rows = index_entries.filter(object_id=str(page.pk)).annotate(
            text=Cast("title", TextField())
        )
        return " ".join(rows.values_list("text", flat=True))

    assert "'am'" in lexemes(pages["cy"])
    assert "'communiti'" in lexemes(pages["en"])
