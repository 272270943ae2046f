"""Reviewers' dashboard and confirmation; no bulk Publish for those who cannot publish; the
publishing schedule names its time zone."""

import pytest
from django.urls import reverse
from wagtail.models import Workflow

from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def submitted_story(site_tree, editor):
    story = factories.StoryPageFactory(
        parent=site_tree["stories"], live=False, title="Waiting for Rita"
    )
    story.save_revision(user=editor)
    state = Workflow.objects.get(name="Editorial review").start(story, editor)
    return story, state.current_task_state


def panel_names(response):
    return [getattr(panel, "name", "") for panel in response.context["panels"]]


class TestReviewers:
    def test_awaiting_your_review_comes_first_on_their_dashboard(
        self, client, reviewer, submitted_story
    ):
        client.force_login(reviewer)
        response = client.get(reverse("wagtailadmin_home"))
        names = panel_names(response)
        assert names[0] == "workflow_objects_to_moderate", names
        assert "submissions_waiting" in names
        html = response.content.decode()
        assert html.index("Awaiting your review") < html.index("Waiting for Rita")

    def test_approving_from_the_dashboard_confirms_it(self, client, reviewer, submitted_story):
        story, task_state = submitted_story
        client.force_login(reviewer)
        url = reverse(
            "wagtailadmin_pages:workflow_action", args=[story.pk, "approve", task_state.pk]
        )
        response = client.post(
            url, {"comment": ""}, HTTP_X_REQUESTED_WITH="XMLHttpRequest", follow=False
        )
        assert response.json()["step"] == "success"
        following = client.get(response.json()["redirect"])
        messages = [str(m) for m in following.context["messages"]]
        assert "You approved “Waiting for Rita” (Editorial review). It is now live." in messages

    def test_no_confirmation_when_the_approval_was_refused(
        self, client, reviewer, site_tree, editor
    ):
        image = factories.IllustrationFactory(title="scan_0042.png", description="", licence="")
        story = factories.StoryPageFactory(
            parent=site_tree["stories"], live=False, hero_image=image
        )
        story.save_revision(user=editor)
        task_state = (
            Workflow.objects.get(name="Editorial review").start(story, editor).current_task_state
        )
        client.force_login(reviewer)
        url = reverse(
            "wagtailadmin_pages:workflow_action", args=[story.pk, "approve", task_state.pk]
        )
        response = client.post(url, {"comment": ""}, HTTP_X_REQUESTED_WITH="XMLHttpRequest")
        messages = [str(m) for m in response.wsgi_request._messages]
        assert not any("You approved" in m for m in messages)
        assert any("scan_0042.png" in m for m in messages)


def bulk_buttons(client, site_tree):
    html = client.get(reverse("wagtailadmin_explore", args=[site_tree["stories"].pk]))
    return html.content.decode()


class TestBulkPublish:
    def test_editors_are_not_offered_bulk_publish(self, client, editor, site_tree):
        factories.StoryPageFactory(parent=site_tree["stories"], live=False)
        client.force_login(editor)
        html = bulk_buttons(client, site_tree)
        assert "data-bulk-action-footer" in html
        publish = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "publish"])
        unpublish = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "unpublish"])
        move = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "move"])
        assert f'href="{publish}"' not in html and f'href="{unpublish}"' not in html
        assert f'href="{move}"' in html  # what they may do stays

    def test_reviewers_are(self, client, reviewer, site_tree):
        factories.StoryPageFactory(parent=site_tree["stories"], live=False)
        client.force_login(reviewer)
        html = bulk_buttons(client, site_tree)
        publish = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "publish"])
        assert f'href="{publish}"' in html


class TestSchedule:
    def test_go_live_and_expiry_name_the_time_zone(self, client, editor, site_tree):
        story = factories.StoryPageFactory(parent=site_tree["stories"], live=False)
        client.force_login(editor)
        html = client.get(reverse("wagtailadmin_pages:edit", args=[story.pk])).content.decode()
        assert html.count("Time zone: Europe/London (UK time: GMT in winter, BST in summer)") == 2
        assert "collection/admin/editorial.css" in html
