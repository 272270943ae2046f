"""Who may use the views this work changed: "Create draft story" (submissions inbox), the bulk
Publish action (hidden and refused for Editors), the approval of a review task."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import Workflow

from collection.models import StoryPage
from submissions.models import StorySubmission
from tests import factories

pytestmark = pytest.mark.django_db

PEOPLE = ["anonymous", "illustrator", "editor", "reviewer", "superuser"]


@pytest.fixture
def people(django_user_model):
    made = {"anonymous": None}
    for name, group in (("illustrator", "Illustrators"), ("editor", "Editors")):
        made[name] = django_user_model.objects.create_user(username=name, password="pw")
        made[name].groups.add(Group.objects.get(name=group))
    made["reviewer"] = django_user_model.objects.create_user(username="reviewer", password="pw")
    made["reviewer"].groups.add(Group.objects.get(name="Reviewers"))
    made["superuser"] = django_user_model.objects.create_superuser(
        username="root", password="pw", email="root@example.org"
    )
    return made


def as_(client, people, who):
    if people[who] is not None:
        client.force_login(people[who])
    return client


def accepted_submission():
    return StorySubmission.objects.create(
        name="Ama Owusu",
        email="ama@example.org",
        credit_preference="anonymous",
        story_title="The study that forgot us",
        story_text="We were asked for our blood.",
        preferred_format="written",
        consent_contact=True,
        consent_publish=True,
        consent_edit=True,
        status="accepted",
    )


@pytest.mark.parametrize(
    "who, allowed",
    [
        ("anonymous", False),
        ("illustrator", False),
        ("editor", True),
        ("reviewer", True),
        ("superuser", True),
    ],
)
def test_create_draft_story(client, people, site_tree, who, allowed):
    submission = accepted_submission()
    response = as_(client, people, who).post(
        reverse("submissions_make_draft_story", args=[submission.pk])
    )
    submission.refresh_from_db()
    if who == "anonymous":
        assert response.status_code == 302 and "/login/" in response["Location"]
    elif not allowed:
        assert response.status_code in (302, 403)
        assert "/edit/" not in response.get("Location", "")
    else:
        assert response["Location"] == reverse(
            "wagtailadmin_pages:edit", args=[submission.draft_story_id]
        )
    assert (submission.draft_story_id is not None) == allowed


@pytest.mark.parametrize(
    "who, offered, publishes",
    [
        ("editor", False, False),
        ("reviewer", True, True),
        ("superuser", True, True),
    ],
)
def test_bulk_publish(client, people, site_tree, who, offered, publishes):
    story = factories.StoryPageFactory(parent=site_tree["stories"], live=False)
    story.save_revision()
    client = as_(client, people, who)
    url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "publish"])
    html = client.get(reverse("wagtailadmin_explore", args=[site_tree["stories"].pk])).content
    assert (f'href="{url}"'.encode() in html) == offered
    client.post(url + f"?id={story.pk}", {"include_descendants": ""})
    assert StoryPage.objects.get(pk=story.pk).live == publishes


@pytest.mark.parametrize(
    "who, approves",
    [("illustrator", False), ("editor", False), ("reviewer", True), ("superuser", True)],
)
def test_approving_a_review(client, people, site_tree, who, approves):
    story = factories.StoryPageFactory(parent=site_tree["stories"], live=False)
    story.save_revision(user=people["editor"])
    task_state = (
        Workflow.objects.get(name="Editorial review")
        .start(story, people["editor"])
        .current_task_state
    )
    client = as_(client, people, who)
    url = reverse("wagtailadmin_pages:workflow_action", args=[story.pk, "approve", task_state.pk])
    client.post(url, {"comment": ""})
    assert StoryPage.objects.get(pk=story.pk).live == approves
