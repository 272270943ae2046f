"""Every page type has a factory, and every factory builds a page that renders."""

import pytest
from django.apps import apps
from wagtail.models import Page

from tests import factories


def project_page_models():
    return [
        model
        for model in apps.get_models()
        if issubclass(model, Page)
        and model is not Page
        and model._meta.app_label in {"home", "collection", "illustrations", "submissions"}
    ]


def test_every_page_type_has_a_factory():
    missing = [m.__name__ for m in project_page_models() if m not in factories.PAGE_FACTORIES]
    assert not missing, f"Page types without a factory in tests/factories.py: {missing}"


@pytest.mark.django_db
def test_story_factory_builds_a_live_story_that_renders(site_tree, client):
    story = factories.StoryPageFactory(parent=site_tree["stories"], title="Consent")
    response = client.get(story.url)
    assert response.status_code == 200
    assert b"Consent" in response.content


@pytest.mark.django_db
def test_media_factory_reads_duration_and_size_from_the_file():
    media = factories.StoryMediaFactory()
    assert media.file_size == media.file.size > 0
    assert 0.5 < media.duration < 2.0
