"""What Editors, Reviewers and Illustrators can and cannot do, through the real admin views."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Collection, GroupPagePermission

from illustrations.models import Commission, Illustration
from tests import factories

from .conftest import contributor_form_data, image_bytes, upload
from .test_uploads import form_data


def refused(response):
    """Wagtail answers a forbidden admin page with 403 or a redirect to the dashboard."""
    if response.status_code == 403:
        return True
    return response.status_code == 302 and "/login/" not in response["Location"]


def contributor_data(page, action):
    return contributor_form_data(page, action)


@pytest.mark.django_db
class TestGroupsExist:
    def test_only_reviewers_may_publish(self):
        publishers = set(
            GroupPagePermission.objects.filter(permission__codename="publish_page").values_list(
                "group__name", flat=True
            )
        )
        assert publishers == {"Reviewers"}
        assert Group.objects.filter(name="Illustrators").exists()
        assert not GroupPagePermission.objects.filter(group__name="Illustrators").exists()
        assert Collection.objects.filter(name="Illustrations", depth=2).exists()


@pytest.mark.django_db
class TestEditors:
    def test_can_create_and_edit_pages_but_not_publish(self, client, editor, site_tree):
        client.force_login(editor)
        add_url = reverse(
            "wagtailadmin_pages:add",
            args=["collection", "storypage", site_tree["stories"].pk],
        )
        assert client.get(add_url).status_code == 200
        page = factories.ContributorPageFactory(parent=site_tree["contributors"], live=False)
        edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
        response = client.get(edit_url)
        assert response.status_code == 200
        assert 'name="action-publish"' not in response.content.decode()
        assert 'name="action-submit"' in response.content.decode()
        client.post(edit_url, contributor_data(page, "action-publish"))
        page.refresh_from_db()
        assert not page.live  # the publish request was treated as a plain save

    def test_can_upload_and_edit_any_image_and_manage_commissions(
        self, client, editor, illustrator
    ):
        client.force_login(editor)
        assert client.get(reverse("wagtailimages:add")).status_code == 200
        someone_elses = factories.IllustrationFactory(uploaded_by_user=illustrator)
        assert client.get(reverse("wagtailimages:edit", args=[someone_elses.pk])).status_code == 200
        assert client.get(reverse("illustrations_commission_modeladmin_create")).status_code == 200

    def test_cannot_manage_users(self, client, editor):
        client.force_login(editor)
        assert refused(client.get(reverse("wagtailusers_users:index")))


@pytest.mark.django_db
class TestReviewers:
    def test_can_publish(self, client, reviewer, site_tree):
        client.force_login(reviewer)
        page = factories.ContributorPageFactory(parent=site_tree["contributors"], live=False)
        edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
        assert 'name="action-publish"' in client.get(edit_url).content.decode()
        response = client.post(edit_url, contributor_data(page, "action-publish"))
        assert response.status_code == 302
        page.refresh_from_db()
        assert page.live


@pytest.mark.django_db
class TestIllustrators:
    def test_has_admin_but_no_pages_snippets_or_users(self, client, illustrator, site_tree):
        client.force_login(illustrator)
        assert client.get(reverse("wagtailadmin_home")).status_code == 200
        add_url = reverse(
            "wagtailadmin_pages:add",
            args=["collection", "storypage", site_tree["stories"].pk],
        )
        assert refused(client.get(add_url))
        story = factories.StoryPageFactory(parent=site_tree["stories"])
        assert refused(client.get(reverse("wagtailadmin_pages:edit", args=[story.pk])))
        assert refused(client.get(reverse("wagtailsnippets_collection_theme:list")))
        assert refused(client.get(reverse("wagtailusers_users:index")))

    def test_uploads_into_the_illustrations_collection_only(self, client, illustrator):
        client.force_login(illustrator)
        illustrations = Collection.objects.get(name="Illustrations")
        root = Collection.get_first_root_node()
        own_commission = factories.CommissionFactory(illustrator=illustrator.contributor_page)
        factories.CommissionFactory(title="Someone else's")
        form = client.get(reverse("wagtailimages:add")).context["form"]
        assert "collection" not in form.fields  # only one collection is theirs: no choice
        assert list(form.fields["commission"].queryset) == [own_commission]
        assert form.fields["illustrator"].initial == illustrator.contributor_page.pk
        data = form_data(collection=root.pk)  # asking for the root anyway changes nothing
        data["file"] = upload("mine.png", image_bytes())
        response = client.post(reverse("wagtailimages:add"), data)
        assert response.status_code == 302
        image = Illustration.objects.get()
        assert image.collection == illustrations and image.uploaded_by_user == illustrator

    def test_edits_own_images_only(self, client, illustrator, editor):
        illustrations = Collection.objects.get(name="Illustrations")
        own = factories.IllustrationFactory(uploaded_by_user=illustrator, collection=illustrations)
        other = factories.IllustrationFactory(uploaded_by_user=editor, collection=illustrations)
        client.force_login(illustrator)
        assert client.get(reverse("wagtailimages:edit", args=[own.pk])).status_code == 200
        assert refused(client.get(reverse("wagtailimages:edit", args=[other.pk])))
        data = form_data(collection=illustrations.pk, title="Changed by someone else")
        client.post(reverse("wagtailimages:edit", args=[other.pk]), data)
        other.refresh_from_db()
        assert other.title != "Changed by someone else"

    def test_sees_and_updates_only_their_own_commissions(self, client, illustrator, site_tree):
        own_page = illustrator.contributor_page
        other_page = factories.ContributorPageFactory(parent=site_tree["contributors"])
        mine = factories.CommissionFactory(
            title="Cover for consent", illustrator=own_page, due_date=datetime.date(2030, 1, 1)
        )
        theirs = factories.CommissionFactory(title="Someone else's job", illustrator=other_page)
        client.force_login(illustrator)

        listing = client.get(reverse("illustrations_commission_modeladmin_index"))
        assert listing.status_code == 200
        content = listing.content.decode()
        assert "Cover for consent" in content and "Someone else&#x27;s job" not in content
        assert "Someone else's job" not in content

        assert refused(
            client.get(reverse("illustrations_commission_modeladmin_edit", args=[theirs.pk]))
        )
        assert refused(client.get(reverse("illustrations_commission_modeladmin_create")))

        edit_url = reverse("illustrations_commission_modeladmin_edit", args=[mine.pk])
        assert client.get(edit_url).status_code == 200
        response = client.post(
            edit_url,
            {
                "title": "Renamed by the illustrator",
                "brief": "Changed brief",
                "illustrator": other_page.pk,
                "for_page": "",
                "status": "sketch",
                "due_date": "2031-01-01",
                "notes": "Sketch attached by email.",
            },
        )
        assert response.status_code == 302
        mine.refresh_from_db()
        assert mine.status == "sketch" and mine.notes == "Sketch attached by email."
        # The brief, the assignment and the dates stay the editors' to change.
        assert mine.title == "Cover for consent"
        assert mine.illustrator == own_page
        assert mine.due_date == datetime.date(2030, 1, 1)


@pytest.mark.django_db
class TestCommissionListingAndDashboard:
    def test_overdue_commissions_stand_out_and_delivered_art_is_listed(
        self, client, editor, site_tree
    ):
        illustrator = factories.ContributorPageFactory(parent=site_tree["contributors"])
        late = factories.CommissionFactory(
            title="Late cover",
            illustrator=illustrator,
            due_date=timezone.localdate() - datetime.timedelta(days=3),
        )
        factories.CommissionFactory(
            title="Done cover",
            illustrator=illustrator,
            status=Commission.Status.DELIVERED,
            due_date=timezone.localdate() - datetime.timedelta(days=3),
        )
        factories.IllustrationFactory(title="Delivered sketch", commission=late)
        client.force_login(editor)
        content = client.get(reverse("illustrations_commission_modeladmin_index")).content.decode()
        assert content.count("Overdue:") == 1  # delivered work is never overdue
        assert "Delivered sketch" in content
        edit = client.get(reverse("illustrations_commission_modeladmin_edit", args=[late.pk]))
        assert "Delivered sketch" in edit.content.decode()

    def test_dashboard_panel_lists_incomplete_images_and_commissions_due(
        self, client, editor, illustrator, incomplete_image
    ):
        factories.CommissionFactory(
            title="Due Friday",
            illustrator=illustrator.contributor_page,
            due_date=timezone.localdate() + datetime.timedelta(days=2),
        )
        factories.CommissionFactory(
            title="Due next year",
            illustrator=illustrator.contributor_page,
            due_date=timezone.localdate() + datetime.timedelta(days=300),
        )
        client.force_login(editor)
        content = client.get(reverse("wagtailadmin_home")).content.decode()
        assert "Illustrations to finish" in content
        assert "scan_0042.png" in content
        assert "Due Friday" in content and "Due next year" not in content

        client.force_login(illustrator)
        assert (
            "Illustrations to finish"
            not in client.get(reverse("wagtailadmin_home")).content.decode()
        )


@pytest.mark.django_db
def test_reviewers_approve_a_submitted_page_and_it_goes_live(client, editor, reviewer, site_tree):
    from wagtail.models import GroupApprovalTask, Workflow, WorkflowPage, WorkflowTask

    task = GroupApprovalTask.objects.create(name="Review")
    task.groups.set(Group.objects.filter(name="Reviewers"))
    workflow = Workflow.objects.create(name="Test review")
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    WorkflowPage.objects.update_or_create(
        page=site_tree["contributors"], defaults={"workflow": workflow}
    )
    page = factories.ContributorPageFactory(parent=site_tree["contributors"], live=False)
    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])

    client.force_login(editor)
    response = client.post(edit_url, contributor_data(page, "action-submit"))
    assert response.status_code == 302
    page.refresh_from_db()
    state = page.current_workflow_state
    assert state is not None and not page.live

    # An editor cannot approve their own submission: the task belongs to Reviewers.
    approve_url = reverse(
        "wagtailadmin_pages:workflow_action",
        args=[page.pk, "approve", state.current_task_state.pk],
    )
    assert refused(client.post(approve_url, {"comment": ""}))
    page.refresh_from_db()
    assert not page.live

    client.force_login(reviewer)
    response = client.post(approve_url, {"comment": "Good to go"})
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.live
