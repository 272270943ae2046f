"""Admin registration of the operations app: the failed-task report, its menu item under
Reports, and a dashboard panel that appears only while tasks have failed or are waiting."""

from django.urls import path, reverse
from redis.exceptions import RedisError
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component

from . import failed_tasks, views
from .models import TaskOutbox


@hooks.register("register_admin_urls")
def register_failed_tasks_urls():
    return [
        path("failed-tasks/", views.FailedTasksView.as_view(), name="operations_failed_tasks"),
        path(
            "failed-tasks/<str:queue_name>/<str:job_id>/retry/",
            views.retry_task,
            name="operations_retry_task",
        ),
    ]


class FailedTasksMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(views.PERMISSION)


@hooks.register("register_reports_menu_item")
def register_failed_tasks_menu_item():
    return FailedTasksMenuItem(
        "Failed background tasks",
        reverse("operations_failed_tasks"),
        icon_name="warning",
        order=900,
    )


class BackgroundTasksPanel(Component):
    name = "background_tasks"
    order = 50
    template_name = "operations/dashboard_panel.html"

    def __init__(self, failed_count, waiting_count):
        self.failed_count = failed_count
        self.waiting_count = waiting_count

    def get_context_data(self, parent_context=None):
        return {
            "failed_count": self.failed_count,
            "waiting_count": self.waiting_count,
            "report_url": reverse("operations_failed_tasks"),
        }


@hooks.register("construct_homepage_panels")
def add_background_tasks_panel(request, panels):
    if not request.user.has_perm(views.PERMISSION):
        return
    failed = None
    if failed_tasks.uses_rq():
        try:
            failed = failed_tasks.failed_count()
        except (RedisError, OSError):
            failed = None  # the queue is away: the outbox count still shows
    waiting = TaskOutbox.objects.count()
    if failed or waiting or failed is None and failed_tasks.uses_rq():
        panels.append(BackgroundTasksPanel(failed, waiting))
