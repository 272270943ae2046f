"""Helpers for the language tests: locales, people of each group, and translating a page or
snippet the way wagtail-localize's editor does."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import Locale, Page
from wagtail_localize.models import StringTranslation, TranslationSource


def locale(code):
    return Locale.objects.get(language_code=code)


def english():
    return Locale.get_default()


def make_user(django_user_model, username, group=None):
    user = django_user_model.objects.create_user(
        username=username, email=f"{username}@example.org", password="pw"
    )
    if group:
        user.groups.add(Group.objects.get(name=group))
    return user


def translate(obj, code, strings=None, publish=True):
    """Translate `obj` into `code` the way the editor does: each segment given in `strings`
    (original text -> translation), then wagtail-localize's save_target."""
    source, created = TranslationSource.get_or_create_from_instance(obj)
    if not created:
        source.update_from_db()  # a sync: the original's current content
    target = locale(code)
    for segment in source.stringsegment_set.select_related("string", "context"):
        if strings and segment.string.data in strings:
            StringTranslation.objects.update_or_create(
                translation_of=segment.string,
                locale=target,
                context=segment.context,
                defaults={"data": strings[segment.string.data]},
            )
    translation, _ = source.translations.get_or_create(target_locale=target)
    translation.save_target(publish=publish)
    return (
        obj.get_translation(target).specific
        if isinstance(obj, Page)
        else obj.get_translation(target)
    )


@pytest.fixture
def editor(db, django_user_model):
    return make_user(django_user_model, "eluned", "Editors")


@pytest.fixture
def reviewer(db, django_user_model):
    return make_user(django_user_model, "rhiannon", "Reviewers")


@pytest.fixture
def illustrator(db, django_user_model):
    return make_user(django_user_model, "iqbal", "Illustrators")


@pytest.fixture
def welsh_sections(site_tree):
    """The home page and the stories and contributors indexes in Welsh."""
    translate(site_tree["home"], "cy", {"Mind The Gap": "Mind The Gap"})
    translate(site_tree["stories"], "cy", {"Stories": "Straeon"})
    translate(site_tree["contributors"], "cy", {"Contributors": "Cyfranwyr"})
    translate(site_tree["series"], "cy", {"Series": "Cyfresi"})
    return site_tree
