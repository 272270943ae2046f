"""The inbox on Wagtail's ModelViewSet: same addresses as before, Wagtail 8's own listing with
filters and search, the story above the decision, and an accepted submission can go back to
review."""

import re

import pytest
from django.urls import reverse

from submissions.services import change_status
from submissions.viewsets import SubmissionInboxViewSet

from .test_inbox import make_submission

pytestmark = pytest.mark.django_db


def test_the_inbox_keeps_its_addresses():
    assert reverse("submissions_inbox:index") == "/admin/submissions/storysubmission/"
    assert reverse("submissions_inbox:inspect", args=[7]) == (
        "/admin/submissions/storysubmission/inspect/7/"
    )


def test_the_listing_is_wagtails_own_with_filters(client, editor, theme):
    make_submission(theme, with_file=False)
    client.force_login(editor)
    response = client.get(reverse("submissions_inbox:index"))
    assert response.status_code == 200
    html = response.content.decode()
    # Wagtail 8's filters drawer and its search box, as on pages and snippets.
    assert "w-drilldown" in html
    for name in ('name="status"', 'name="preferred_format"', 'name="themes"', 'name="q"'):
        assert name in html, name
    assert SubmissionInboxViewSet.inspect_view_enabled


def test_the_story_comes_before_the_decline_box(client, editor, theme):
    submission = make_submission(theme, with_file=False)
    change_status(submission, "in-review", editor)
    client.force_login(editor)
    html = client.get(reverse("submissions_inbox:inspect", args=[submission.pk])).content.decode()
    story = html.index("Second paragraph.")
    decline = html.index('id="decline"')
    assert story < decline
    assert html.index('<h2 class="w-h3">Story:') < html.index("submission-decision-heading")


def test_an_accepted_submission_can_go_back_to_review(client, editor, theme):
    submission = make_submission(theme, with_file=False)
    change_status(submission, "in-review", editor)
    change_status(submission, "accepted", editor)
    client.force_login(editor)
    url = reverse("submissions_inbox:inspect", args=[submission.pk])
    html = client.get(url).content.decode()
    assert re.search(r'name="status" value="in-review"', html)
    assert "Mark as in review" in html
    response = client.post(
        reverse("submissions_set_status", args=[submission.pk]), {"status": "in-review"}
    )
    assert response.status_code == 302
    submission.refresh_from_db()
    assert submission.status == "in-review"
    event = submission.events.order_by("-pk").first()
    assert (event.from_status, event.to_status) == ("accepted", "in-review")


def test_the_old_url_names_still_reverse_to_the_same_inbox(client, editor, theme):
    submission = make_submission(theme, with_file=False)
    old = reverse("submissions_storysubmission_modeladmin_inspect", args=[submission.pk])
    assert old == reverse("submissions_inbox:inspect", args=[submission.pk])
    assert reverse("submissions_storysubmission_modeladmin_index") == reverse(
        "submissions_inbox:index"
    )
    client.force_login(editor)
    assert submission.reference in client.get(old).content.decode()
