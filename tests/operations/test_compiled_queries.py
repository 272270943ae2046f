"""Querysets compiled once per process and run with new values (operations/compiled_queries.py):
the same results as the queryset itself, on both databases, with no queryset built or compiled
after the first run, and a refusal of anything that would freeze a value into the SQL."""

import itertools
import uuid

import pytest
from django.db.models import Count
from django.db.models.sql.compiler import SQLCompiler
from django.test import override_settings
from hypothesis import given, settings
from hypothesis import strategies as st
from wagtail.models import Locale, Page

from collection.models import Theme
from operations import compiled_queries
from operations.compiled_queries import NotCompilable, padded, run_compiled
from tests.factories import ThemeFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def nothing_compiled():
    compiled_queries.forget_compiled()
    yield
    compiled_queries.forget_compiled()


@pytest.fixture
def themes():
    english = Locale.get_default()
    welsh = Locale.objects.get_or_create(language_code="cy")[0]
    made = [ThemeFactory(name=f"Theme {n}", slug=f"compiled-{n}") for n in range(5)]
    for theme in made[:3]:
        theme.copy_for_translation(welsh).save()
    return english, welsh, made


def themes_in(locale_id, keys):
    return Theme.objects.filter(locale_id=locale_id, translation_key__in=keys).order_by("slug")


def test_model_instances_as_the_queryset_gives_them(themes):
    english, welsh, made = themes
    keys = [theme.translation_key for theme in made]
    for locale in (english, welsh, english):
        got = run_compiled("themes", themes_in, shape=(), locale_id=locale.pk, keys=padded(keys))
        expected = list(themes_in(locale.pk, keys))
        assert [(t.pk, t.name, t.translation_key, t.locale_id) for t in got] == [
            (t.pk, t.name, t.translation_key, t.locale_id) for t in expected
        ]
        assert all(isinstance(t, Theme) and not t._state.adding for t in got)
    assert len(got) == 5 and len([*compiled_queries._compiled]) == 1


def test_values_lists_and_annotations(themes):
    english, welsh, made = themes

    def counts(locale_id):
        return (
            Page.objects.filter(locale_id=locale_id)
            .values("locale_id")
            .annotate(pages=Count("pk"))
            .values_list("locale_id", "pages")
        )

    for locale in (english, welsh):
        assert run_compiled("page-counts", counts, locale_id=locale.pk) == list(counts(locale.pk))


def test_nothing_is_built_or_compiled_after_the_first_run(themes, monkeypatch):
    english, welsh, made = themes
    builds = []

    def build(locale_id, key):
        builds.append(locale_id)
        return Theme.objects.filter(locale_id=locale_id, translation_key=key)

    run_compiled("one-theme", build, locale_id=english.pk, key=made[0].translation_key)
    assert len(builds) == 2  # built twice with markers, to see that nothing else varies
    compiled_sql = []
    original = SQLCompiler.as_sql
    monkeypatch.setattr(
        SQLCompiler, "as_sql", lambda self, *a, **k: compiled_sql.append(1) or original(self)
    )
    for theme in made[:3]:
        (found,) = run_compiled("one-theme", build, locale_id=welsh.pk, key=theme.translation_key)
        assert found.locale_id == welsh.pk and found.translation_key == theme.translation_key
    assert len(builds) == 2 and compiled_sql == []


def test_converters_are_worked_out_once_per_connection(themes, monkeypatch):
    """Django asks each column for its converters on every run; a compiled query asks once and
    still converts each row (the translation key comes back a UUID on both databases)."""
    english, welsh, made = themes

    def build(locale_id):
        return Theme.objects.filter(locale_id=locale_id).order_by("pk")

    run_compiled("themes-converted", build, locale_id=english.pk)
    asked = []
    original = SQLCompiler.get_converters
    monkeypatch.setattr(
        SQLCompiler,
        "get_converters",
        lambda self, expressions: asked.append(1) or original(self, expressions),
    )
    for locale in (english, welsh, english):
        found = run_compiled("themes-converted", build, locale_id=locale.pk)
        assert found == list(build(locale.pk))
        assert all(isinstance(theme.translation_key, uuid.UUID) for theme in found)
    assert asked == [1, 1, 1]  # the plain querysets above; none for the compiled runs
    values = run_compiled(
        "theme-values",
        lambda locale_id: Theme.objects.filter(locale_id=locale_id).values_list(
            "translation_key", flat=True
        ),
        locale_id=welsh.pk,
    )
    assert values and all(isinstance(key, uuid.UUID) for key in values)


def test_none_and_list_lengths_compile_apart(themes):
    english, welsh, made = themes
    keys = [theme.translation_key for theme in made]

    def build(locale_id, keys):
        queryset = Theme.objects.filter(translation_key__in=keys)
        if locale_id is None:
            return queryset.filter(locale__isnull=True)
        return queryset.filter(locale_id=locale_id)

    assert run_compiled("by-kind", build, locale_id=None, keys=keys[:2]) == []
    assert len(run_compiled("by-kind", build, locale_id=english.pk, keys=keys[:2])) == 2
    assert len(run_compiled("by-kind", build, locale_id=english.pk, keys=keys)) == 5
    assert run_compiled("by-kind", build, locale_id=english.pk, keys=[]) == []
    assert len(compiled_queries._compiled) == 4


def test_a_queryset_that_reads_what_it_was_not_given_is_refused(themes):
    english, welsh, made = themes
    counter = itertools.count()

    def reads_a_counter(locale_id):
        return Theme.objects.filter(locale_id=locale_id, pk__gt=next(counter))

    with pytest.raises(NotCompilable, match="depends on something other"):
        run_compiled("counter", reads_a_counter, locale_id=english.pk)


def test_a_value_the_database_never_sees_as_given_is_refused(themes):
    with pytest.raises(NotCompilable, match="not passed to the database as parameters"):
        run_compiled("shifted", lambda pk: Theme.objects.filter(pk=pk + 1), pk=3)
    with pytest.raises(NotCompilable, match="boolean"):
        run_compiled("flag", lambda live: Page.objects.filter(live=live), live=True)


def test_like_patterns_take_each_value_escaped(themes):
    english, welsh, made = themes
    ThemeFactory(name="100% data_sets", slug="compiled-percent")

    def named(start, part):
        return Theme.objects.filter(name__startswith=start, name__icontains=part).order_by("pk")

    for start, part in [("Theme", "1"), ("100%", "a_s"), ("100", "%"), ("Theme", "_"), ("x", "")]:
        got = run_compiled("named", named, start=start, part=part)
        assert [t.pk for t in got] == [t.pk for t in named(start, part)], (start, part)
    assert len(compiled_queries._compiled) == 1


def test_a_settings_change_forgets_every_compiled_query(themes):
    english, welsh, made = themes
    run_compiled("one", lambda locale_id: Theme.objects.filter(locale_id=locale_id), locale_id=1)
    assert compiled_queries._compiled
    with override_settings(WAGTAIL_SITE_NAME="Other"):
        assert not compiled_queries._compiled


def test_uuid_values_on_this_database(themes):
    english, welsh, made = themes
    key = made[1].translation_key
    for given_as in (key, uuid.UUID(str(key))):
        (found,) = run_compiled(
            "by-key",
            lambda key, locale_id: Theme.objects.filter(translation_key=key, locale_id=locale_id),
            key=given_as,
            locale_id=welsh.pk,
        )
        assert found.translation_key == key and found.locale_id == welsh.pk


@settings(max_examples=25, deadline=None)
@given(st.lists(st.integers(min_value=1, max_value=10**6), min_size=1, max_size=70))
def test_padding_keeps_the_same_set_in_a_power_of_two(values):
    longer = padded(values)
    assert set(longer) == set(values) and longer[: len(values)] == values
    assert len(longer) & (len(longer) - 1) == 0 and len(longer) < 2 * len(values)
