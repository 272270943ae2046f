"""Every page type Editors can submit has a workflow that Reviewers approve.

Wagtail's default workflow on the root page is approved by "Moderators", a group this site
removed; the migration and submissions.signals put "Editorial review" (Reviewers) in its place.
"""

import pytest
from django.apps import apps
from django.test import Client
from django.urls import reverse
from wagtail.models import Page, Workflow, WorkflowState

from tests import factories
from tests.editing import edit_form_data

pytestmark = pytest.mark.django_db


def reviewer_groups(workflow):
    return {
        name
        for task in workflow.tasks.all()
        for name in task.specific.groups.values_list("name", flat=True)
    }


def page_types():
    return [
        model
        for model in apps.get_models()
        if issubclass(model, Page) and model is not Page and model.is_creatable
    ]


def test_the_root_page_goes_to_the_reviewers():
    root = Page.get_first_root_node()
    assert root.get_workflow().name == "Editorial review"
    assert reviewer_groups(root.get_workflow()) == {"Reviewers"}


def test_no_active_workflow_has_a_task_nobody_can_approve():
    for workflow in Workflow.objects.filter(active=True):
        assert reviewer_groups(workflow), workflow.name


@pytest.mark.parametrize("model", page_types(), ids=lambda model: model.__name__)
def test_every_page_type_in_the_site_has_a_reviewer_workflow(model, site_tree):
    """A page of each type, wherever it may be made, has a workflow Reviewers approve."""
    parents = [Page.get_first_root_node(), *site_tree.values()]
    parent = next(p.specific for p in parents if model in p.specific.creatable_subpage_models())
    workflow = parent.get_workflow()
    assert workflow is not None and reviewer_groups(workflow) == {"Reviewers"}


def test_a_home_page_made_later_gets_the_workflow_itself():
    home = factories.HomePageFactory(parent=Page.get_first_root_node(), slug="another-site")
    assert home.workflowpage.workflow.name == "Editorial review"


@pytest.mark.parametrize("kind", ["series", "contributor", "story"])
def test_editor_submits_and_reviewer_approves(kind, client, editor, reviewer, site_tree):
    page = {
        "series": lambda: factories.SeriesPageFactory(parent=site_tree["series"], live=False),
        "contributor": lambda: factories.ContributorPageFactory(
            parent=site_tree["contributors"], live=False
        ),
        "story": lambda: factories.StoryPageFactory(parent=site_tree["stories"], live=False),
    }[kind]()
    page.save_revision()
    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])

    client.force_login(editor)
    response = client.post(
        edit_url, edit_form_data(client, page, **{"action-submit": "action-submit"})
    )
    assert response.status_code == 302
    state = WorkflowState.objects.get(object_id=str(page.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    task_state = state.current_task_state
    assert set(task_state.task.specific.groups.values_list("name", flat=True)) == {"Reviewers"}

    approve = reverse(
        "wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk]
    )
    client.post(approve, {"comment": ""})  # the editor's own approval is refused
    page.refresh_from_db()
    assert not page.live

    client.force_login(reviewer)
    client.post(approve, {"comment": "Good to go."})
    page.refresh_from_db()
    state.refresh_from_db()
    assert page.live and state.status == WorkflowState.STATUS_APPROVED
    assert Client().get(page.url).status_code == 200
