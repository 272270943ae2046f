"""A page that uses an incomplete image (or audio without a transcript, video without captions)
cannot be published on any path; drafts can still be saved."""

import datetime
from unittest import mock

import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.models import PageLogEntry

from collection.models import ContributorPage, StoryPage
from collection.publish_rules import PublishBlocked, publish_problems
from tests import factories

from .conftest import contributor_form_data


def story_with_body(site_tree, body, **kwargs):
    story = factories.StoryPageFactory(parent=site_tree["stories"], body=body, **kwargs)
    story.save_revision()
    return story


def illustration_block(image, alt="A crowd with three figures apart", decorative=False):
    return {
        "type": "illustration",
        "value": {
            "image": {"image": image.pk, "alt_text": alt, "decorative": decorative},
            "caption": "",
            "width": "wide",
        },
    }


@pytest.mark.django_db
class TestWhatTheRuleFinds:
    def test_hero_image_missing_everything(self, site_tree, incomplete_image):
        story = factories.StoryPageFactory(parent=site_tree["stories"], hero_image=incomplete_image)
        problems = publish_problems(story)
        assert len(problems) == 1
        assert "scan_0042.png" in problems[0]
        assert "alt text" in problems[0]
        assert "a credit" in problems[0]
        assert "a licence" in problems[0]

    def test_image_inside_streamfield_image_block(self, site_tree, incomplete_image):
        story = story_with_body(site_tree, [illustration_block(incomplete_image)])
        assert any("scan_0042.png" in p for p in publish_problems(story))

    def test_poster_of_external_video_and_embed(self, site_tree, incomplete_image):
        other = factories.IllustrationFactory(title="poster-two", licence="")
        body = [
            {
                "type": "video",
                "value": {
                    "video": None,
                    "url": "https://video.example/watch/1",
                    "title": "Interview",
                    "poster": incomplete_image.pk,
                    "transcript": "<p>Words</p>",
                },
            },
            {
                "type": "embed",
                "value": {"url": "https://x.example/1", "title": "Data story", "poster": other.pk},
            },
        ]
        story = story_with_body(site_tree, body)
        problems = " ".join(publish_problems(story))
        assert "scan_0042.png" in problems
        assert "“poster-two” needs a licence" in problems

    def test_image_embedded_in_rich_text(self, site_tree, incomplete_image):
        html = (
            f'<p>Look:</p><embed embedtype="image" id="{incomplete_image.pk}" '
            'format="left" alt="x"/>'
        )
        story = story_with_body(site_tree, [{"type": "paragraph", "value": html}])
        assert any("scan_0042.png" in p for p in publish_problems(story))

    def test_complete_and_decorative_images_pass(self, site_tree):
        complete = factories.IllustrationFactory()
        decorative = factories.IllustrationFactory(
            description="", is_decorative=True, illustrator_name="", copyright_holder="Archive"
        )
        story = story_with_body(site_tree, [illustration_block(decorative)], hero_image=complete)
        assert publish_problems(story) == []

    def test_audio_without_transcript_is_named(self, site_tree):
        audio = factories.StoryMediaFactory(title="Episode one audio", transcript="<p></p>")
        story = story_with_body(
            site_tree, [{"type": "podcast_episode", "value": {"audio": audio.pk}}]
        )
        assert publish_problems(story) == ["The audio “Episode one audio” needs a transcript."]

    def test_video_needs_captions_unless_it_has_no_speech(self, site_tree):
        video = factories.StoryMediaFactory(title="Clinic film", type="video", transcript="")
        story = story_with_body(
            site_tree,
            [
                {
                    "type": "video",
                    "value": {"video": video.pk, "url": "", "title": "", "poster": None},
                }
            ],
        )
        needs_captions = [
            "The video “Clinic film” needs a captions file (WebVTT), or to be marked as "
            "having no speech."
        ]
        assert publish_problems(story) == needs_captions
        # A transcript alone is not enough: WCAG 2.2 (1.2.2) asks for captions.
        video.transcript = "<p>NARRATOR: The clinic opens at eight.</p>"
        video.save()
        assert publish_problems(story) == needs_captions
        video.captions = ContentFile(b"WEBVTT\n\n00:00.000 --> 00:02.000\nHello\n", "c.vtt")
        video.save()
        assert publish_problems(story) == []
        # ... or a video with nothing said in it.
        video.captions = None
        video.has_no_speech = True
        video.save()
        assert publish_problems(story) == []


@pytest.mark.django_db
class TestRevisionPublish:
    """Bulk publish, workflow approval and scheduled publishing all call revision.publish()."""

    def test_revision_publish_raises_and_page_stays_draft(self, site_tree, incomplete_image):
        story = factories.StoryPageFactory(
            parent=site_tree["stories"], live=False, hero_image=incomplete_image
        )
        revision = story.save_revision()
        with pytest.raises(PublishBlocked) as caught:
            revision.publish()
        assert "scan_0042.png" in str(caught.value)
        story.refresh_from_db()
        assert not story.live

    def test_fixing_the_image_lets_it_publish(self, site_tree, incomplete_image):
        story = factories.StoryPageFactory(
            parent=site_tree["stories"], live=False, hero_image=incomplete_image
        )
        incomplete_image.description = "A hand holding a sample tube."
        incomplete_image.illustrator_name = "Ama Mensah"
        incomplete_image.licence = "cc-by"
        incomplete_image.save()
        story.save_revision().publish()
        story.refresh_from_db()
        assert story.live

    def test_the_draft_revision_is_checked_not_the_live_page(self, site_tree, incomplete_image):
        story = factories.StoryPageFactory(parent=site_tree["stories"])  # live, no images
        story.hero_image = incomplete_image
        revision = story.save_revision()  # a draft may use it
        with pytest.raises(PublishBlocked):
            revision.publish()
        assert StoryPage.objects.get(pk=story.pk).hero_image_id is None

    def test_scheduled_publishing_skips_the_page_and_says_why(self, site_tree):
        image = factories.IllustrationFactory(title="scan_0042.png")
        blocked = factories.StoryPageFactory(
            parent=site_tree["stories"], live=False, hero_image=image, title="Blocked"
        )
        fine = factories.StoryPageFactory(parent=site_tree["stories"], live=False, title="Fine")
        soon = timezone.now() + datetime.timedelta(minutes=5)
        for page in (blocked, fine):
            page.go_live_at = soon
            page.save_revision().publish()  # schedules it
        # Between scheduling and go-live the licence was withdrawn.
        image.licence = ""
        image.save()
        later = soon + datetime.timedelta(minutes=1)
        with mock.patch("django.utils.timezone.now", return_value=later):
            call_command("publish_scheduled")

        blocked.refresh_from_db()
        fine.refresh_from_db()
        assert fine.live
        assert not blocked.live
        assert not blocked.revisions.filter(approved_go_live_at__isnull=False).exists()
        entry = PageLogEntry.objects.get(page=blocked, action="mtg.publish_blocked")
        assert "scan_0042.png" in entry.message

    def test_scheduling_itself_is_refused_for_an_incomplete_page(self, site_tree, incomplete_image):
        story = factories.StoryPageFactory(
            parent=site_tree["stories"], live=False, hero_image=incomplete_image
        )
        story.go_live_at = timezone.now() + datetime.timedelta(days=1)
        with pytest.raises(PublishBlocked):
            story.save_revision().publish()


def contributor_edit_data(page, portrait, action):
    return contributor_form_data(
        page,
        action,
        roles=("illustrator",),
        bio="<p>Draws maps of missing data.</p>",
        portrait=portrait,
    )


@pytest.mark.django_db
class TestEditView:
    @pytest.fixture
    def contributor(self, site_tree):
        return factories.ContributorPageFactory(
            parent=site_tree["contributors"], title="Kofi Boateng", live=False
        )

    def test_publish_is_refused_with_a_message_naming_the_image(
        self, client, reviewer, contributor, incomplete_image
    ):
        client.force_login(reviewer)
        url = reverse("wagtailadmin_pages:edit", args=[contributor.pk])
        response = client.post(
            url, contributor_edit_data(contributor, incomplete_image, "action-publish")
        )
        assert response.status_code == 200  # the form again, with what was typed
        errors = response.context["form"].errors["portrait"]  # beside the field
        assert errors == [
            "The image “scan_0042.png” needs alt text (or the 'decorative' tick), a credit "
            "(illustrator or copyright holder) and a licence before it can appear on a "
            "published page."
        ]
        assert "before it can appear on a published page" in response.content.decode()
        contributor.refresh_from_db()
        assert not contributor.live

    def test_saving_a_draft_with_the_image_is_allowed(
        self, client, reviewer, contributor, incomplete_image
    ):
        client.force_login(reviewer)
        url = reverse("wagtailadmin_pages:edit", args=[contributor.pk])
        response = client.post(
            url, contributor_edit_data(contributor, incomplete_image, "action-save")
        )
        assert response.status_code == 302
        draft = ContributorPage.objects.get(pk=contributor.pk).get_latest_revision_as_object()
        assert draft.portrait_id == incomplete_image.pk
        contributor.refresh_from_db()
        assert not contributor.live

    def test_publish_with_a_complete_image_works(self, client, reviewer, contributor):
        client.force_login(reviewer)
        portrait = factories.IllustrationFactory()
        url = reverse("wagtailadmin_pages:edit", args=[contributor.pk])
        response = client.post(url, contributor_edit_data(contributor, portrait, "action-publish"))
        assert response.status_code == 302
        contributor.refresh_from_db()
        assert contributor.live
        assert ContributorPage.objects.get(pk=contributor.pk).portrait_id == portrait.pk


@pytest.mark.django_db
def test_bulk_publish_is_refused_before_anything_is_published(
    client, reviewer, site_tree, incomplete_image
):
    fine = factories.StoryPageFactory(parent=site_tree["stories"], live=False, title="Fine one")
    fine.save_revision()
    blocked = factories.StoryPageFactory(
        parent=site_tree["stories"], live=False, hero_image=incomplete_image, title="Blocked one"
    )
    blocked.save_revision()
    client.force_login(reviewer)
    url = (
        reverse("wagtail_bulk_action", args=["wagtailcore", "page", "publish"])
        + f"?id={fine.pk}&id={blocked.pk}&next=/admin/pages/{site_tree['stories'].pk}/"
    )
    response = client.post(url, {"include_descendants": ""}, follow=True)
    assert response.status_code == 200
    content = response.content.decode()
    assert "Nothing was published" in content
    assert "scan_0042.png" in content
    fine.refresh_from_db()
    blocked.refresh_from_db()
    assert not fine.live and not blocked.live


@pytest.mark.django_db
def test_workflow_approval_is_refused_and_the_task_stays_open(
    client, reviewer, editor, site_tree, incomplete_image
):
    from django.contrib.auth.models import Group
    from wagtail.models import (
        GroupApprovalTask,
        Workflow,
        WorkflowPage,
        WorkflowState,
        WorkflowTask,
    )

    task = GroupApprovalTask.objects.create(name="Review")
    task.groups.set(Group.objects.filter(name="Reviewers"))
    workflow = Workflow.objects.create(name="Test review")
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    WorkflowPage.objects.update_or_create(
        page=site_tree["stories"], defaults={"workflow": workflow}
    )

    story = factories.StoryPageFactory(
        parent=site_tree["stories"], live=False, hero_image=incomplete_image
    )
    story.save_revision(user=editor)
    state = workflow.start(story, editor)
    task_state = state.current_task_state

    client.force_login(reviewer)
    url = reverse("wagtailadmin_pages:workflow_action", args=[story.pk, "approve", task_state.pk])
    response = client.post(url, {"comment": ""}, HTTP_X_REQUESTED_WITH="XMLHttpRequest")
    assert response.status_code == 200
    assert response.json()["step"] == "success"  # the modal moves on to the edit page...
    messages = [str(m) for m in response.wsgi_request._messages]
    assert any("scan_0042.png" in m for m in messages)  # ...which shows why
    story.refresh_from_db()
    assert not story.live
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_IN_PROGRESS


@pytest.mark.django_db
def test_approving_from_the_edit_view_shows_the_problem_beside_the_form(
    client, reviewer, editor, site_tree, incomplete_image
):
    from django.contrib.auth.models import Group
    from wagtail.models import GroupApprovalTask, Workflow, WorkflowPage, WorkflowTask

    task = GroupApprovalTask.objects.create(name="Review")
    task.groups.set(Group.objects.filter(name="Reviewers"))
    workflow = Workflow.objects.create(name="Test review")
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    WorkflowPage.objects.update_or_create(
        page=site_tree["contributors"], defaults={"workflow": workflow}
    )
    page = factories.ContributorPageFactory(
        parent=site_tree["contributors"], title="Kofi Boateng", live=False
    )
    page.portrait = incomplete_image
    page.save_revision(user=editor)
    workflow.start(page, editor)

    client.force_login(reviewer)
    data = contributor_edit_data(page, incomplete_image, "action-workflow-action")
    data["workflow-action-name"] = "approve"
    response = client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)
    assert response.status_code == 200
    errors = response.context["form"].errors["portrait"]  # beside the field that caused it
    assert any("“scan_0042.png” needs alt text" in error for error in errors)
    assert "before it can appear on a published page" in response.content.decode()
    page.refresh_from_db()
    assert not page.live
    assert page.current_workflow_state is not None
