"""A confirmation for the Reviewer after they approve a page, wherever they approved it.

Approving from the dashboard's "Awaiting your review" (a modal) says nothing in Wagtail 8, and
approving in the page editor says only "Page '...' has been updated." Wagtail has no hook after
a workflow action, so this middleware looks, once the view has run, for the task this user
approved during the request and says what became of the page (live, scheduled, or on to the
next step of its workflow).
"""

from django.contrib import messages
from django.utils import timezone

APPROVING_VIEWS = {"wagtailadmin_pages:workflow_action", "wagtailadmin_pages:edit"}


class ApprovalConfirmationMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        started = timezone.now()
        response = self.get_response(request)
        if request.method == "POST" and response.status_code in (200, 302):
            match = getattr(request, "resolver_match", None)
            if match is not None and match.view_name in APPROVING_VIEWS:
                self.confirm(request, match, started)
        return response

    def confirm(self, request, match, started):
        from wagtail.models import Page, TaskState

        page_id = match.kwargs.get("page_id")
        if page_id is None or not getattr(request.user, "is_authenticated", False):
            return
        approved = (
            TaskState.objects.filter(
                workflow_state__base_content_type__model="page",
                workflow_state__object_id=str(page_id),
                status=TaskState.STATUS_APPROVED,
                finished_by=request.user,
                finished_at__gte=started,
            )
            .select_related("task")
            .first()
        )
        if approved is None:
            return
        page = Page.objects.filter(pk=page_id).first()
        if page is None:
            return
        title = page.get_admin_display_title()
        if page.live and not page.has_unpublished_changes:
            outcome = "It is now live."
        elif page.scheduled_revision:
            outcome = "It will go live at its scheduled time."
        elif page.workflow_in_progress:
            outcome = "It moves on to the next review step."
        else:
            outcome = "It is approved."
        messages.success(request, f"You approved “{title}” ({approved.task.name}). {outcome}")
