"""Keep caches honest when content changes.

- The anonymous page cache gets a new generation after any publish, unpublish, move or deletion
  of a page, or a change to a content model (a theme, an illustration, site settings), once the
  transaction commits, so readers see a publish on their next request.
- When a CDN is configured (WAGTAILFRONTENDCACHE), Wagtail's frontend_cache app purges the
  published page itself; here a task is queued (operations.tasks.purge_pages_listing) that
  purges the pages that *list* it too (operations.purges).
- A task that fails is logged, whichever backend ran it.
"""

import logging

from django.conf import settings
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django_tasks.signals import task_finished
from wagtail.images.models import AbstractRendition
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from . import page_cache

logger = logging.getLogger(__name__)

# Models in these apps are shown on public pages: a change to one makes cached pages stale.
CONTENT_APPS = {"home", "collection", "illustrations", "wagtailmedia", "taggit"}


def schedule_new_generation(**kwargs):
    transaction.on_commit(page_cache.new_generation)


def model_changed(sender, **kwargs):
    # Renditions are written while a page renders: they change no content.
    if issubclass(sender, AbstractRendition):
        return
    if (
        sender._meta.app_label in CONTENT_APPS
        or issubclass(sender, Page)
        or sender in (Site, PageViewRestriction)
    ):
        schedule_new_generation()


def purge_related_pages(sender, instance, **kwargs):
    if not getattr(settings, "WAGTAILFRONTENDCACHE", None):
        return
    from .queue import enqueue_on_commit
    from .tasks import purge_pages_listing

    enqueue_on_commit(purge_pages_listing, instance.pk)


def log_failed_task(sender, task_result, **kwargs):
    """Say so when a task fails, whatever the backend (the immediate one records it silently)."""
    from django_tasks.base import TaskResultStatus

    if task_result.status == TaskResultStatus.FAILED:
        error = task_result.errors[-1].exception_class_path if task_result.errors else "?"
        logger.error("background task %s failed (%s)", task_result.task.module_path, error)


def connect():
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(schedule_new_generation, dispatch_uid=f"page-cache-{id(signal)}")
    post_save.connect(model_changed, dispatch_uid="page-cache-post-save")
    post_delete.connect(model_changed, dispatch_uid="page-cache-post-delete")
    page_published.connect(purge_related_pages, dispatch_uid="frontend-cache-related-published")
    page_unpublished.connect(purge_related_pages, dispatch_uid="frontend-cache-related-unpub")
    task_finished.connect(log_failed_task, dispatch_uid="operations-log-failed-task")
