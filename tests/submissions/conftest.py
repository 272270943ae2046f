"""Fixtures for the submissions suite: the form page, the editorial users, valid form data."""

import shutil
import time
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.cache import cache

from submissions.forms import make_stamp
from tests import factories


@pytest.fixture(autouse=True)
def fresh_rate_limit_cache():
    # The rate limit counts in the default cache; each test starts with a clean count.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def empty_private_storage():
    # The private storage folder is shared by the whole run: start each test with it empty,
    # so "nothing was stored" can be checked on disk.
    root = Path(settings.STORAGES["submissions"]["OPTIONS"]["location"])
    for child in root.iterdir() if root.exists() else []:
        shutil.rmtree(child) if child.is_dir() else child.unlink()
    yield


@pytest.fixture
def share_page(site_tree):
    return factories.ShareYourStoryPageFactory(parent=site_tree["home"])


def make_user(django_user_model, username, group_name=None, **extra):
    user = django_user_model.objects.create_user(
        username=username, email=f"{username}@mindthegap.example", password="pw", **extra
    )
    if group_name:
        user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.fixture
def editor(db, django_user_model):
    return make_user(django_user_model, "eddie", "Editors")


@pytest.fixture
def reviewer(db, django_user_model):
    return make_user(django_user_model, "rita", "Reviewers")


@pytest.fixture
def illustrator(db, django_user_model):
    return make_user(django_user_model, "ines", "Illustrators")


@pytest.fixture
def theme(db):
    return factories.ThemeFactory(name="Consent", slug="consent")


@pytest.fixture
def form_data(theme):
    """A complete, valid submission, as a browser would post it."""
    return {
        "name": "Ama Owusu",
        "email": "ama@example.org",
        "credit_preference": "name",
        "story_title": "The study that forgot us",
        "story_text": "We were asked for our blood.\n\nNobody told us what came of it.",
        "preferred_format": "written",
        "themes": [str(theme.pk)],
        "consent_contact": "on",
        "consent_publish": "on",
        "consent_edit": "on",
        "website": "",
        # Opened a minute ago: past the minimum fill time.
        "started": make_stamp(time.time() - 60),
    }
