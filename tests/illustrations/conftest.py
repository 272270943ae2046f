"""Fixtures for the illustrations tests: people in each group, and images complete or not."""

import io

import pytest
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PILImage
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from tests import factories


@pytest.fixture(autouse=True)
def empty_rendition_cache():
    """Renditions are cached by image id, and ids are reused after each test's rollback."""
    from illustrations.models import IllustrationRendition

    IllustrationRendition.cache_backend.clear()
    yield


def image_bytes(width=16, height=10, image_format="PNG", colour=(30, 120, 200)):
    buffer = io.BytesIO()
    PILImage.new("RGB", (width, height), colour).save(buffer, image_format)
    return buffer.getvalue()


def upload(name, content, content_type="image/png"):
    return SimpleUploadedFile(name, content, content_type=content_type)


def contributor_form_data(page, action, roles=("author",), bio="<p>Writes.</p>", portrait=None):
    """The admin edit form's POST data for a contributor page, with an action button."""
    data = nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "roles": list(roles),
            "short_bio": rich_text(bio),
            "portrait": portrait.pk if portrait else "",
            "links": streamfield([]),
            "comments": inline_formset([]),
            "seo_title": "",
            "search_description": "",
            "listing_summary": "",
            "listing_image": "",
            "go_live_at": "",
            "expire_at": "",
        }
    )
    data[action] = action
    return data


def make_user(django_user_model, username, *groups):
    user = django_user_model.objects.create_user(
        username=username, email=f"{username}@example.org", password="pw"
    )
    if groups:
        user.groups.add(*Group.objects.filter(name__in=groups))
    return user


@pytest.fixture
def editor(db, django_user_model):
    return make_user(django_user_model, "editor", "Editors")


@pytest.fixture
def reviewer(db, django_user_model):
    return make_user(django_user_model, "reviewer", "Reviewers")


@pytest.fixture
def superuser(db, django_user_model):
    return django_user_model.objects.create_superuser(
        username="admin", email="admin@example.org", password="pw"
    )


@pytest.fixture
def illustrator(site_tree, django_user_model):
    """An illustrator with an account, linked to their contributor page."""
    user = make_user(django_user_model, "ama", "Illustrators")
    factories.ContributorPageFactory(
        parent=site_tree["contributors"], title="Ama Mensah", roles=["illustrator"], user=user
    )
    return user


@pytest.fixture
def incomplete_image(db):
    """An image as a bare multiple upload might leave it: a file name and nothing else."""
    return factories.IllustrationFactory(
        title="scan_0042.png", description="", illustrator_name="", licence=""
    )
