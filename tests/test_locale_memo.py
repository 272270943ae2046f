"""The active Locale is remembered per process (operations/languages.py): one query fewer per
page view, and a Locale added or removed is seen at once in this process."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from wagtail.models import Locale

pytestmark = pytest.mark.django_db


def locale_queries(code):
    with translation.override(code), CaptureQueriesContext(connection) as queries:
        locale = Locale.get_active()
    return locale, sum("wagtailcore_locale" in q["sql"] for q in queries.captured_queries)


def test_the_active_locale_is_read_once_then_remembered():
    first, queries = locale_queries("cy")
    assert first.language_code == "cy" and queries == 1
    again, queries = locale_queries("cy")
    assert again.pk == first.pk and queries == 0


def test_a_language_without_a_locale_falls_back_and_sees_a_new_locale_at_once():
    fallback, _ = locale_queries("pl")
    assert fallback.language_code == "en-gb"
    polish = Locale.objects.create(language_code="pl")
    found, _ = locale_queries("pl")
    assert found.pk == polish.pk


def test_a_deleted_locale_is_forgotten():
    locale_queries("ur")
    Locale.objects.get(language_code="ur").delete()
    found, _ = locale_queries("ur")
    assert found.language_code == "en-gb"


def test_every_locale_code_is_remembered_and_a_new_locale_seen_at_once():
    from collection.locales import locale_codes

    first = locale_codes()
    with CaptureQueriesContext(connection) as queries:
        assert locale_codes() == first
    assert len(queries) == 0
    polish = Locale.objects.create(language_code="pl")
    assert locale_codes()["pl"] == polish.pk
    polish.delete()
    assert "pl" not in locale_codes()
