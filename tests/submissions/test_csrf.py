"""Cross-site posts: without the page's CSRF token, neither the form nor the admin accepts one.

The test client skips CSRF checks unless asked; these clients enforce them as a browser's
request from another site would meet them.
"""

import pytest
from django.test import Client
from django.urls import reverse

from submissions.models import StorySubmission

from .test_inbox import make_submission

pytestmark = pytest.mark.django_db


def test_a_story_posted_from_another_site_is_refused_and_nothing_stored(share_page, form_data):
    client = Client(enforce_csrf_checks=True)
    response = client.post(share_page.url, form_data)
    assert response.status_code == 403
    assert StorySubmission.objects.count() == 0


def test_a_story_posted_with_the_pages_token_is_stored(share_page, form_data):
    client = Client(enforce_csrf_checks=True)
    client.get(share_page.url)
    form_data["csrfmiddlewaretoken"] = client.cookies["csrftoken"].value
    response = client.post(share_page.url, form_data)
    assert response.status_code == 302
    assert StorySubmission.objects.count() == 1


def test_an_erasure_posted_from_another_site_is_refused(editor, theme):
    submission = make_submission(theme)
    client = Client(enforce_csrf_checks=True)
    client.force_login(editor)
    response = client.post(reverse("submissions_erase", args=[submission.pk]))
    assert response.status_code == 403
    submission.refresh_from_db()
    assert submission.name == "Kofi Mensah" and submission.erased_at is None
