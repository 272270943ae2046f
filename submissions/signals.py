"""Attach the "Editorial review" workflow wherever a tree of pages Editors can submit begins.

The data migrations create the workflow and attach it to the root page and to the pages that
exist then; a home page or index created later (demo content, an editor, a new site) gets it
here when it is first saved, so its pages go to the Reviewers even if the root's workflow is
changed by hand.
"""

from django.db.models.signals import post_save
from django.dispatch import receiver
from wagtail.models import Page, Workflow, WorkflowPage

from collection.models import ContributorIndexPage, SeriesIndexPage, StoryIndexPage

EDITORIAL_WORKFLOW_NAME = "Editorial review"
INDEX_PAGE_TYPES = (StoryIndexPage, SeriesIndexPage, ContributorIndexPage)


def assign_editorial_workflow(page):
    """Give the page the editorial workflow unless it already has one of its own."""
    if WorkflowPage.objects.filter(page=page).exists():
        return None
    workflow = Workflow.objects.filter(name=EDITORIAL_WORKFLOW_NAME, active=True).first()
    if workflow is None:
        return None
    return WorkflowPage.objects.create(page=page, workflow=workflow)


def starts_a_tree(page):
    """A site's home page (a child of the root) or one of the indexes."""
    return page.depth == 2 or isinstance(page, INDEX_PAGE_TYPES)


@receiver(post_save)
def attach_workflow_where_pages_begin(sender, instance, created=False, raw=False, **kwargs):
    if raw or not created:  # loaddata carries its own workflow rows; an edit changes nothing
        return
    if isinstance(instance, Page) and starts_a_tree(instance):
        assign_editorial_workflow(instance)
