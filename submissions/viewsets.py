"""The Submissions inbox, on Wagtail's own ModelViewSet: the listing with filters (status,
format, themes, date received) and search, and the inspect view where an editor reads a
submission and decides on it. It looks and behaves like the rest of the Wagtail 8 admin
(the same header, filters drawer, sortable columns and breadcrumbs as pages and snippets).

Why here and not on wagtail-modeladmin, which the Commissions listing still uses
(illustrations/wagtail_hooks.py): the inbox is read and filtered all day by editors and its
listing, filters and inspect page are exactly what ModelViewSet does natively, whereas
wagtail-modeladmin (in maintenance mode) draws an older listing with a filter sidebar of its
own. Commissions stay on wagtail-modeladmin because their admin relies on what ModelViewSet
would need rewriting for: a per-row CSS class for overdue commissions
(`get_extra_attrs_for_row`), its permission helper narrowing rows and actions for
illustrators, and an edit form whose fields are disabled per user; moving them would change
nothing an editor sees and risk those rules.

Nobody creates, edits or deletes a submission here: they arrive through the public form,
change only through the review actions in admin_views.py (which record who and when), and
leave only through erasure. The URLs Wagtail (or wagtail-modeladmin before it) would give
those actions answer with a redirect and a message.
"""

import django_filters
from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.functional import cached_property
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views.generic import IndexView, InspectView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import policy_registry, register_permission_policy

from operations.languages import local_name

from .forms import DeclineForm
from .models import StorySubmission, SubmissionStatus

URL_NAMESPACE = "submissions_inbox"
INDEX_URL_NAME = f"{URL_NAMESPACE}:index"
INSPECT_URL_NAME = f"{URL_NAMESPACE}:inspect"
CHANGE_PERMISSION = "submissions.change_storysubmission"
ERASE_PERMISSION = "submissions.erase_storysubmission"


def inspect_url(submission):
    return reverse(INSPECT_URL_NAME, args=[submission.pk])


class InboxPermissionPolicy(ModelPermissionPolicy):
    """Viewing as the model permissions say; adding, editing and deleting through the generic
    views never (status changes go through admin_views.py, which checks its own permission)."""

    REFUSED = {"add", "change", "delete"}

    def user_has_permission(self, user, action):
        if action in self.REFUSED:
            return False
        return super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action)


register_permission_policy(
    StorySubmission, InboxPermissionPolicy(StorySubmission), exact_class=True
)


def language_label(code):
    """ "Welsh (Cymraeg)": the language's name for editors, then in its own words."""
    name = dict(settings.LANGUAGES).get(code, code)
    own = local_name(code)
    return name if own in (name, code) else f"{name} ({own})"


def languages_received():
    """Only the languages stories have come in (the site knows a hundred), editors' order."""
    codes = set(StorySubmission.objects.values_list("language", flat=True).distinct())
    return [(code, language_label(code)) for code, _name in settings.LANGUAGES if code in codes]


class SubmissionFilterSet(WagtailFilterSet):
    language = django_filters.ChoiceFilter(label="Language", choices=languages_received)


class SubmissionIndexView(IndexView):
    base_filterset_class = SubmissionFilterSet

    def get_base_queryset(self):
        return super().get_base_queryset().prefetch_related("themes")


class SubmissionInspectView(InspectView):
    template_name = "submissions/admin/inspect.html"

    def get_page_subtitle(self):
        return self.object.reference

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        submission = self.object
        user = self.request.user
        context.update(
            {
                "submission": submission,
                "language": language_label(submission.language),
                "files": submission.files.all(),
                "themes": submission.themes.all(),
                "events": submission.events.select_related("user"),
                "can_change": user.has_perm(CHANGE_PERMISSION),
                "can_erase": user.has_perm(ERASE_PERMISSION),
                "next_statuses": submission.next_statuses,
                "declined": SubmissionStatus.DECLINED,
                "decline_form": DeclineForm(),
            }
        )
        return context


def refuse_change(request, pk=None):
    messages.error(
        request,
        "Submissions are not created, edited or deleted in the admin: they arrive through the "
        "public form and change through the review actions on each submission.",
    )
    if pk is not None:
        return redirect(INSPECT_URL_NAME, pk)
    return redirect(INDEX_URL_NAME)


def theme_names(submission):
    return ", ".join(theme.name for theme in submission.themes.all()) or "-"


class SubmissionInboxViewSet(ModelViewSet):
    model = StorySubmission
    icon = "mail"
    menu_label = "Submissions"
    menu_order = 250
    add_to_admin_menu = True
    name = URL_NAMESPACE
    # The address wagtail-modeladmin gave the inbox, so links and bookmarks keep working.
    url_prefix = "submissions/storysubmission"
    index_view_class = SubmissionIndexView
    inspect_view_enabled = True
    inspect_view_class = SubmissionInspectView
    copy_view_enabled = False
    list_filter = ["status", "preferred_format", "language", "themes", "submitted_at"]
    search_fields = ["reference", "name", "email", "story_title", "story_text"]
    list_per_page = 50
    ordering = ["-submitted_at", "-pk"]

    @cached_property
    def permission_policy(self):
        return policy_registry.get_by_type(self.model)

    @cached_property
    def list_display(self):
        return [
            TitleColumn(
                "reference",
                label="Reference",
                url_name=INSPECT_URL_NAME,
                sort_key="reference",
            ),
            Column(
                "story_title",
                label="Title",
                accessor=lambda submission: submission.story_title or "(erased)",
            ),
            Column("status", label="Status", accessor="get_status_display", sort_key="status"),
            DateColumn("submitted_at", label="Received", sort_key="submitted_at"),
            Column("preferred_format", label="Format", accessor="get_preferred_format_display"),
            Column(
                "language",
                label="Language",
                accessor=lambda submission: language_label(submission.language),
                sort_key="language",
            ),
            Column("themes", label="Themes", accessor=theme_names),
        ]

    def get_urlpatterns(self):
        # Only the listing and the inspect view; what the generic views (and wagtail-modeladmin
        # before them) would offer besides is refused plainly.
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("inspect/<int:pk>/", self.inspect_view, name="inspect"),
            path("new/", refuse_change, name="add"),
            path("create/", refuse_change, name="create"),
            path("edit/<int:pk>/", refuse_change, name="edit"),
            path("delete/<int:pk>/", refuse_change, name="delete"),
            path("history/<int:pk>/", refuse_change, name="history"),
            path("usage/<int:pk>/", refuse_change, name="usage"),
        ]


submission_inbox_viewset = SubmissionInboxViewSet()
