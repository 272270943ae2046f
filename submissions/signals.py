"""Attach the "Editorial review" workflow to the stories index wherever it is created.

The data migration creates the workflow, but the stories index may not exist yet at migration
time (demo content or an editor creates it later), so it is also attached when one is saved.
"""

from django.db.models.signals import post_save
from django.dispatch import receiver
from wagtail.models import Workflow, WorkflowPage

from collection.models import StoryIndexPage

EDITORIAL_WORKFLOW_NAME = "Editorial review"


def assign_editorial_workflow(page):
    """Give the page the editorial workflow unless it already has one of its own."""
    if WorkflowPage.objects.filter(page=page).exists():
        return None
    workflow = Workflow.objects.filter(name=EDITORIAL_WORKFLOW_NAME, active=True).first()
    if workflow is None:
        return None
    return WorkflowPage.objects.create(page=page, workflow=workflow)


@receiver(post_save, sender=StoryIndexPage)
def attach_workflow_to_stories_index(sender, instance, raw=False, **kwargs):
    if raw:  # loaddata: the fixture carries its own workflow rows
        return
    assign_editorial_workflow(instance)
