"""The admin's "Failed background tasks" report: what the queue gave up on, with a retry button.

Lists the jobs in RQ's failed-job registries (operations.failed_tasks) and the tasks still
waiting in the outbox because Redis did not answer. Only users with the
`operations.manage_background_tasks` permission (superusers have it) see or retry them.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView
from redis.exceptions import RedisError
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from . import failed_tasks
from .models import TaskOutbox

PERMISSION = "operations.manage_background_tasks"


def require_permission(user):
    if not user.has_perm(PERMISSION):
        raise PermissionDenied


class FailedTasksView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "operations/failed_tasks.html"
    page_title = "Failed background tasks"
    header_icon = "warning"

    def dispatch(self, request, *args, **kwargs):
        require_permission(request.user)
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["uses_rq"] = failed_tasks.uses_rq()
        context["queue_error"] = None
        context["failed"] = []
        if context["uses_rq"]:
            try:
                context["failed"] = failed_tasks.failed_tasks()
            except (RedisError, OSError) as error:
                context["queue_error"] = type(error).__name__
        context["waiting"] = TaskOutbox.objects.order_by("created_at")[:200]
        context["waiting_count"] = TaskOutbox.objects.count()
        return context


@require_POST
def retry_task(request, queue_name, job_id):
    require_permission(request.user)
    if failed_tasks.retry_failed(queue_name, job_id):
        messages.success(request, f"Task {job_id} is back on the {queue_name} queue.")
    else:
        messages.error(request, f"Task {job_id} is no longer in the failed list.")
    return redirect("operations_failed_tasks")
