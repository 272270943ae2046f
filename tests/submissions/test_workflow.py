"""From the public form to a published story, through the real admin views and the workflow.

Only Reviewers publish: an Editor can make the draft and send it for review, but the Publish
button, the edit form's publish action, bulk publish and the approval all refuse them.
"""

import pytest
from django.test import Client
from django.urls import reverse
from wagtail.models import Page, Workflow, WorkflowState

from collection.models import ContributorPage, StoryPage
from submissions.models import StorySubmission
from submissions.services import change_status, create_draft_story, story_body_from_text
from tests import factories
from tests.editing import edit_form_data

pytestmark = pytest.mark.django_db


def accepted_submission(client, share_page, form_data, editor, **overrides):
    form_data.update(overrides)
    assert client.post(share_page.url, form_data).status_code == 302
    submission = StorySubmission.objects.latest("pk")
    change_status(submission, "in-review", editor)
    change_status(submission, "accepted", editor)
    return submission


class TestTheWorkflow:
    def test_the_migration_made_the_editorial_review_workflow_for_reviewers(self):
        workflow = Workflow.objects.get(name="Editorial review")
        tasks = [task.specific for task in workflow.tasks.all()]
        assert len(tasks) == 1
        assert list(tasks[0].groups.values_list("name", flat=True)) == ["Reviewers"]

    def test_a_stories_index_gets_the_workflow_wherever_it_is_created(self, site_tree):
        index = site_tree["stories"]
        assert index.get_workflow().name == "Editorial review"
        # A story under it inherits the workflow.
        story = factories.StoryPageFactory(parent=index)
        assert story.get_workflow().name == "Editorial review"


class TestFromFormToPublishedStory:
    def test_happy_path(self, client, share_page, form_data, editor, reviewer, site_tree, theme):
        # 1. A visitor sends a story.
        submission = accepted_submission(client, share_page, form_data, editor)

        # 2. The editor sees it in the inbox and makes a draft story.
        client.force_login(editor)
        inspect = reverse("submissions_inbox:inspect", args=[submission.pk])
        assert "Create draft story" in client.get(inspect).content.decode()
        response = client.post(reverse("submissions_make_draft_story", args=[submission.pk]))
        submission.refresh_from_db()
        story = submission.draft_story.specific
        assert response["Location"] == reverse("wagtailadmin_pages:edit", args=[story.pk])

        # A draft under /stories/, the text as paragraphs, the themes, the credit.
        assert not story.live and story.first_published_at is None
        assert story.get_parent().pk == site_tree["stories"].pk
        assert story.title == "The study that forgot us"
        assert [block.block_type for block in story.body] == ["paragraph", "paragraph"]
        assert str(story.body[1].value.source) == "<p>Nobody told us what came of it.</p>"
        assert list(story.themes.all()) == [theme]
        assert story.format == "personal-story"
        credit = story.story_contributors.get()
        assert credit.contributor.title == "Ama Owusu" and not credit.contributor.live
        # Visitors cannot see the draft.
        assert Client().get(story.url).status_code == 404

        # ... a link back to the submission from the page editor ...
        edit_page = client.get(reverse("wagtailadmin_pages:edit", args=[story.pk]))
        edit_html = edit_page.content
        messages = [str(m) for m in edit_page.context["messages"]]
        assert any("It stays a draft, yours to edit" in m for m in messages)
        assert f"Source submission {submission.reference}".encode() in edit_html
        assert inspect.encode() in edit_html

        # 3. No workflow has started: the draft is the editor's to keep editing, not locked.
        assert not WorkflowState.objects.filter(object_id=str(story.pk)).exists()
        assert b"Only reviewers for this task can edit" not in edit_html
        assert b'name="action-submit"' in edit_html
        # The editor keeps editing: a draft save is kept and leaves it out of review.
        client.post(
            reverse("wagtailadmin_pages:edit", args=[story.pk]),
            edit_form_data(client, story),
        )
        story.refresh_from_db()
        assert (
            "Edited before review." in story.get_latest_revision().as_object().body[0].value.source
        )
        assert not WorkflowState.objects.filter(object_id=str(story.pk)).exists()

        # ... then submits it for review when it is ready.
        submitted = client.post(
            reverse("wagtailadmin_pages:edit", args=[story.pk]),
            edit_form_data(client, story, **{"action-submit": "action-submit"}),
        )
        assert submitted.status_code == 302
        state = WorkflowState.objects.get(base_content_type__model="page", object_id=str(story.pk))
        assert state.status == WorkflowState.STATUS_IN_PROGRESS
        task_state = state.current_task_state
        assert task_state.task.name == "Editorial review"
        edit_html = client.get(reverse("wagtailadmin_pages:edit", args=[story.pk])).content

        # 4. The editor cannot publish: no button, the publish action only saves a draft...
        assert b'name="action-publish"' not in edit_html
        client.post(
            reverse("wagtailadmin_pages:edit", args=[story.pk]),
            edit_form_data(client, story, **{"action-publish": "action-publish"}),
        )
        story.refresh_from_db()
        assert not story.live
        # ... bulk publish skips the page ...
        client.post(
            reverse("wagtail_bulk_action", args=["wagtailcore", "page", "publish"])
            + f"?id={story.pk}",
            {"include_descendants": ""},
        )
        story.refresh_from_db()
        assert not story.live
        # ... and approving the review task is refused.
        approve = reverse(
            "wagtailadmin_pages:workflow_action", args=[story.pk, "approve", task_state.pk]
        )
        client.post(approve, {"comment": ""})
        story.refresh_from_db()
        assert not story.live

        # 5. A Reviewer approves, which publishes it.
        client.force_login(reviewer)
        assert b"Approve" in client.get(reverse("wagtailadmin_pages:edit", args=[story.pk])).content
        client.post(approve, {"comment": "Lovely. Publishing."})
        story.refresh_from_db()
        assert story.live
        state.refresh_from_db()
        assert state.status == WorkflowState.STATUS_APPROVED
        assert client.get(story.url).status_code == 200

    def test_the_editor_form_data_is_real(self, client, site_tree, reviewer):
        """Control for the refusal above: the same edit-form post publishes for a Reviewer."""
        story = factories.StoryPageFactory(parent=site_tree["stories"], live=False)
        client.force_login(reviewer)
        response = client.post(
            reverse("wagtailadmin_pages:edit", args=[story.pk]),
            edit_form_data(client, story, **{"action-publish": "action-publish"}),
        )
        assert response.status_code == 302
        story.refresh_from_db()
        assert story.live

    def test_bulk_publish_works_for_a_reviewer(self, client, site_tree, reviewer, editor):
        story = factories.StoryPageFactory(parent=site_tree["stories"], live=False)
        url = (
            reverse("wagtail_bulk_action", args=["wagtailcore", "page", "publish"])
            + f"?id={story.pk}"
        )
        client.force_login(editor)
        client.post(url, {"include_descendants": ""})
        story.refresh_from_db()
        assert not story.live
        client.force_login(reviewer)
        client.post(url, {"include_descendants": ""})
        story.refresh_from_db()
        assert story.live


class TestDraftStoryRules:
    def test_anonymous_credit_names_nobody(self, client, share_page, form_data, editor):
        submission = accepted_submission(
            client, share_page, form_data, editor, credit_preference="anonymous"
        )
        story = create_draft_story(submission, editor)
        assert story.story_contributors.count() == 0
        assert not ContributorPage.objects.filter(title="Ama Owusu").exists()
        assert "Ama" not in str(story.body.raw_data) + story.title + story.summary

    def test_no_story_without_publication_consent(self, client, share_page, form_data, editor):
        submission = accepted_submission(client, share_page, form_data, editor)
        StorySubmission.objects.filter(pk=submission.pk).update(consent_publish=False)
        client.force_login(editor)
        response = client.post(
            reverse("submissions_make_draft_story", args=[submission.pk]), follow=True
        )
        assert "agreed to publication" in response.content.decode()
        assert StoryPage.objects.count() == 0

    def test_no_story_before_acceptance_and_only_once(
        self, client, share_page, form_data, editor, site_tree
    ):
        assert client.post(share_page.url, form_data).status_code == 302
        submission = StorySubmission.objects.get()
        client.force_login(editor)
        url = reverse("submissions_make_draft_story", args=[submission.pk])
        client.post(url)
        assert StoryPage.objects.count() == 0
        change_status(submission, "in-review", editor)
        change_status(submission, "accepted", editor)
        client.post(url)
        client.post(url)
        assert StoryPage.objects.count() == 1

    def test_the_story_text_is_escaped_into_paragraphs(self):
        body = story_body_from_text('One <b>bold</b> & "quoted"\nline two\n\n\nTwo')
        assert body == [
            {
                "type": "paragraph",
                "value": "<p>One &lt;b&gt;bold&lt;/b&gt; &amp; &quot;quoted&quot;<br/>line two</p>",
            },
            {"type": "paragraph", "value": "<p>Two</p>"},
        ]

    def test_slugs_do_not_clash(self, client, share_page, form_data, editor, site_tree):
        factories.StoryPageFactory(parent=site_tree["stories"], slug="the-study-that-forgot-us")
        submission = accepted_submission(client, share_page, form_data, editor)
        story = create_draft_story(submission, editor)
        assert story.slug == "the-study-that-forgot-us-2"
        assert Page.objects.filter(slug="the-study-that-forgot-us-2").count() == 1
