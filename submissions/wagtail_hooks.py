"""The Submissions inbox (Wagtail's ModelViewSet, see viewsets.py), its action URLs, the
dashboard panel, and a link from a story made from a submission back to that submission.

Kept thin: the rules live in services.py. Submissions cannot be created, edited or deleted
through the admin: they arrive through the public form, change only through the review actions
(which record who and when), and leave only through erasure (which keeps an audit line).
"""

from django.db.models import Min
from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.menus import MenuItem

from collection.models import StoryPage

from . import admin_views
from .models import WAITING_STATUSES, StorySubmission, SubmissionStatus
from .viewsets import INDEX_URL_NAME, submission_inbox_viewset


@hooks.register("register_admin_viewset")
def register_submission_inbox():
    return submission_inbox_viewset


@hooks.register("register_admin_urls")
def keep_the_modeladmin_url_names():
    """The names wagtail-modeladmin gave the inbox's addresses, for code (or another branch)
    that still reverses them: the same addresses, answered by the viewset's own views."""
    return [
        path(
            "submissions/storysubmission/",
            submission_inbox_viewset.index_view,
            name="submissions_storysubmission_modeladmin_index",
        ),
        path(
            "submissions/storysubmission/inspect/<int:pk>/",
            submission_inbox_viewset.inspect_view,
            name="submissions_storysubmission_modeladmin_inspect",
        ),
    ]


@hooks.register("register_admin_urls")
def register_submission_action_urls():
    return [
        path(
            "submission-files/<int:pk>/",
            admin_views.open_file,
            name="submissions_open_file",
        ),
        path(
            "submission-actions/<int:pk>/status/",
            admin_views.set_status,
            name="submissions_set_status",
        ),
        path(
            "submission-actions/<int:pk>/draft-story/",
            admin_views.make_draft_story,
            name="submissions_make_draft_story",
        ),
        path(
            "submission-files/<int:pk>/add-to-library/",
            admin_views.add_to_library,
            name="submissions_add_file_to_library",
        ),
        path(
            "submission-actions/<int:pk>/erase/",
            admin_views.erase,
            name="submissions_erase",
        ),
    ]


class SubmissionsWaitingPanel(Component):
    """Dashboard panel: how many submissions wait for a decision, and since when."""

    name = "submissions_waiting"
    order = 90
    template_name = "submissions/admin/dashboard_panel.html"

    def get_context_data(self, parent_context):
        waiting = StorySubmission.objects.filter(
            status__in=WAITING_STATUSES, erased_at__isnull=True
        )
        summary = waiting.aggregate(oldest=Min("submitted_at"))
        oldest = (
            waiting.order_by("submitted_at", "pk").only("pk", "reference", "submitted_at").first()
            if summary["oldest"]
            else None
        )
        return {
            "waiting_count": waiting.count(),
            "new_count": waiting.filter(status=SubmissionStatus.NEW).count(),
            "oldest": oldest,
            "inbox_url": reverse(INDEX_URL_NAME),
        }


@hooks.register("construct_homepage_panels")
def add_submissions_panel(request, panels):
    if request.user.has_perm(admin_views.VIEW_PERMISSION):
        panels.append(SubmissionsWaitingPanel())


@hooks.register("register_page_header_buttons")
def link_story_to_its_submission(page, user, view_name, next_url=None):
    if not isinstance(page.specific_deferred, StoryPage):
        return
    if not user.has_perm(admin_views.VIEW_PERMISSION):
        return
    for submission in StorySubmission.objects.filter(draft_story_id=page.pk).only("reference"):
        yield MenuItem(
            f"Source submission {submission.reference}",
            admin_views.inspect_url(submission),
            icon_name="mail",
            priority=80,
        )
