"""The Submissions inbox (wagtail-modeladmin), its action URLs, the dashboard panel, and a link
from a story made from a submission back to that submission.

Kept thin: the rules live in services.py. Submissions cannot be created, edited or deleted
through the admin: they arrive through the public form, change only through the review actions
(which record who and when), and leave only through erasure (which keeps an audit line).
"""

from django.db.models import Min
from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.menus import MenuItem
from wagtail_modeladmin.helpers import PermissionHelper
from wagtail_modeladmin.options import ModelAdmin, modeladmin_register
from wagtail_modeladmin.views import InspectView

from collection.models import StoryPage

from . import admin_views
from .forms import DeclineForm
from .models import WAITING_STATUSES, StorySubmission, SubmissionStatus


class SubmissionPermissionHelper(PermissionHelper):
    def user_can_create(self, user):
        return False

    def user_can_edit_obj(self, user, obj):
        return False

    def user_can_delete_obj(self, user, obj):
        return False


class SubmissionInspectView(InspectView):
    def get_page_subtitle(self):
        return self.instance.reference

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        submission = self.instance
        user = self.request.user
        context.update(
            {
                "submission": submission,
                "files": submission.files.all(),
                "themes": submission.themes.all(),
                "events": submission.events.select_related("user"),
                "can_change": user.has_perm(admin_views.CHANGE_PERMISSION),
                "can_erase": user.has_perm(admin_views.ERASE_PERMISSION),
                "next_statuses": submission.next_statuses,
                "declined": SubmissionStatus.DECLINED,
                "decline_form": DeclineForm(),
            }
        )
        return context


class StorySubmissionAdmin(ModelAdmin):
    model = StorySubmission
    menu_label = "Submissions"
    menu_icon = "mail"
    menu_order = 250
    add_to_admin_menu = True
    permission_helper_class = SubmissionPermissionHelper
    inspect_view_enabled = True
    inspect_view_class = SubmissionInspectView
    inspect_template_name = "submissions/admin/inspect.html"
    list_display = ("reference", "title_display", "status", "submitted_at", "preferred_format")
    list_display += ("theme_list",)
    list_filter = ("status", "preferred_format", "themes", "submitted_at")
    search_fields = ("reference", "name", "email", "story_title", "story_text")
    list_per_page = 50

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("themes")

    def title_display(self, obj):
        return obj.story_title or "(erased)"

    title_display.short_description = "Title"

    def theme_list(self, obj):
        return ", ".join(theme.name for theme in obj.themes.all()) or "-"

    theme_list.short_description = "Themes"


modeladmin_register(StorySubmissionAdmin)


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
            "inbox_url": reverse("submissions_storysubmission_modeladmin_index"),
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
