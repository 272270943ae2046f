"""Admin registration for the illustrations app: the Commissions listing (wagtail-modeladmin),
the editors' dashboard panel, the admin side of the publish rule (bulk publish refusal and
its page-history entry), and the illustrators' comforts (admin_views.py: the usage listing that
names live pages, the list of dropped files that were never kept).

The admin classes stay thin: who may see and change what lives in `permissions.py`, the rules
about images in `forms.py` and `collection/publish_rules.py`.
"""

from django.contrib import messages
from django.http import HttpResponseRedirect
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, HelpPanel, ObjectList, PageChooserPanel
from wagtail.admin.ui.components import Component
from wagtail_modeladmin.options import ModelAdmin, modeladmin_register

from .forms import CommissionForm
from .models import Commission, Illustration
from .permissions import (
    CommissionPermissionHelper,
    is_editor,
    is_illustrator_only,
    public_page_title,
)

# Written by collection/publish_rules.py when scheduled publishing stops a page; the same
# string, not an import, because this app refers to other apps only by name.
BLOCKED_LOG_ACTION = "mtg.publish_blocked"


class CommissionAdmin(ModelAdmin):
    model = Commission
    menu_label = "Commissions"
    menu_icon = "image"
    menu_order = 310
    add_to_settings_menu = False
    permission_helper_class = CommissionPermissionHelper
    list_display = ("title", "illustrator", "for_page", "status", "due", "delivered")
    list_filter = ("status",)
    search_fields = ("title", "brief")
    ordering = ("due_date", "title")
    edit_handler = ObjectList(
        [
            FieldPanel("title"),
            FieldPanel("brief"),
            FieldPanel("illustrator"),
            PageChooserPanel("for_page", ["collection.StoryPage", "collection.SeriesPage"]),
            FieldPanel("status"),
            FieldPanel("due_date"),
            FieldPanel("notes"),
            HelpPanel(
                template="illustrations/admin/delivered_illustrations.html",
                heading="Delivered illustrations",
            ),
        ],
        base_form_class=CommissionForm,
    )

    def get_queryset(self, request):
        queryset = (
            super()
            .get_queryset(request)
            .select_related("illustrator", "for_page")
            .prefetch_related("illustrations")
        )
        if is_illustrator_only(request.user):
            return queryset.filter(illustrator__user=request.user)
        return queryset

    def get_list_display(self, request):
        if is_illustrator_only(request.user):
            # The page by its published title only: a draft's title is not theirs to read.
            return tuple("for_story" if name == "for_page" else name for name in self.list_display)
        return self.list_display

    @staticmethod
    def for_story(obj):
        return public_page_title(obj.for_page) or "—"

    for_story.short_description = "For page"

    @staticmethod
    def due(obj):
        if not obj.due_date:
            return "—"
        if obj.is_overdue:
            return format_html(
                '<strong class="commission--overdue" style="color: #cd4444">Overdue: {}</strong>',
                obj.due_date.strftime("%-d %b %Y"),
            )
        return obj.due_date.strftime("%-d %b %Y")

    due.short_description = "Due"
    due.admin_order_field = "due_date"

    @staticmethod
    def delivered(obj):
        images = list(obj.illustrations.all())
        if not images:
            return "—"
        return format_html_join(
            ", ",
            '<a href="{}">{}</a>',
            ((reverse("wagtailimages:edit", args=[image.pk]), image.title) for image in images),
        )

    delivered.short_description = "Delivered illustrations"

    def get_extra_attrs_for_row(self, obj, context):
        return {"class": "commission--overdue"} if obj.is_overdue else {}


modeladmin_register(CommissionAdmin)


class IllustrationsToDoPanel(Component):
    """Dashboard panel for editors: images that cannot be published yet, commissions due."""

    name = "illustrations_to_do"
    order = 110
    template_name = "illustrations/admin/dashboard_panel.html"

    def __init__(self, request):
        self.request = request

    def get_context_data(self, parent_context=None):
        incomplete = Illustration.objects.incomplete().order_by("-created_at")
        return {
            "incomplete_count": incomplete.count(),
            "incomplete": list(incomplete[:10]),
            "commissions": list(Commission.due_this_week().order_by("due_date")[:10]),
        }


class MyCommissionsPanel(Component):
    """Dashboard panel for an illustrator: their open commissions, soonest due first."""

    name = "my_commissions"
    order = 90
    template_name = "illustrations/admin/my_commissions_panel.html"

    def __init__(self, request):
        self.request = request

    def get_context_data(self, parent_context=None):
        commissions = (
            Commission.objects.filter(illustrator__user=self.request.user)
            .exclude(status=Commission.Status.PUBLISHED)
            .select_related("for_page")
            .order_by("due_date")
        )
        return {"commissions": list(commissions)}


@hooks.register("construct_homepage_panels")
def add_illustrations_panel(request, panels):
    if is_editor(request.user):
        panels.append(IllustrationsToDoPanel(request))
    if is_illustrator_only(request.user):
        panels.append(MyCommissionsPanel(request))


@hooks.register("before_bulk_action")
def refuse_bulk_publish_of_incomplete_pages(request, action_type, objects, action_class_instance):
    """Check every selected page before bulk publish starts, so none is published halfway."""
    if action_type != "publish":
        return None
    from collection.publish_rules import publish_problems

    pages = list(objects)
    if request.POST.get("include_descendants"):
        for page in list(pages):
            pages.extend(page.get_descendants().not_live())
    refusals = []
    for page in pages:
        specific = page.specific
        revision = specific.get_latest_revision()
        content = revision.as_object() if revision else specific
        problems = publish_problems(content)
        if problems:
            refusals.append((content.title, " ".join(problems)))
    if not refusals:
        return None
    messages.error(
        request,
        format_html(
            "Nothing was published. Fix these pages first: <ul>{}</ul>",
            format_html_join("", "<li><strong>{}</strong>: {}</li>", refusals),
        ),
    )
    return HttpResponseRedirect(action_class_instance.next_url or reverse("wagtailadmin_home"))


@hooks.register("register_log_actions")
def register_publish_blocked_action(actions):
    from wagtail.log_actions import LogFormatter

    @actions.register_action(BLOCKED_LOG_ACTION)
    class PublishBlockedFormatter(LogFormatter):
        label = "Publishing stopped"

        def format_message(self, log_entry):
            problems = (log_entry.data or {}).get("problems", [])
            return "Scheduled publishing stopped: " + " ".join(problems)


@hooks.register("register_admin_urls")
def register_usage_listing_naming_live_pages():
    """Takes over Wagtail's image usage URL (this app's hooks load before wagtail.images')."""
    from .admin_views import IllustrationUsageView

    return [
        path(
            "images/usage/<int:image_id>/",
            IllustrationUsageView.as_view(),
            name="illustrations_image_usage",
        )
    ]


@hooks.register("register_admin_urls")
def register_forget_unkept_uploads():
    from .admin_views import forget_unkept_uploads

    return [
        path(
            "images/multiple/unkept/forget/",
            forget_unkept_uploads,
            name="illustrations_forget_unkept_uploads",
        )
    ]


@hooks.register("register_admin_urls")
def register_image_report_urls():
    from .reports import IllustratorWorkReport, IncompleteImagesReport, UnusedImagesReport

    urls = []
    for slug, view, name in (
        ("incomplete", IncompleteImagesReport, "illustrations_report_incomplete"),
        ("unused", UnusedImagesReport, "illustrations_report_unused"),
        ("illustrator-work", IllustratorWorkReport, "illustrations_report_illustrator_work"),
    ):
        urls.append(path(f"reports/images/{slug}/", view.as_view(), name=name))
        urls.append(
            path(
                f"reports/images/{slug}/results/",
                view.as_view(results_only=True),
                name=f"{name}_results",
            )
        )
    return urls


class ImageReportMenuItem(MenuItem):
    """Shown to people who may change images (the reports check the same permission)."""

    def is_shown(self, request):
        from .reports import user_may_see_image_reports

        return user_may_see_image_reports(request.user)


@hooks.register("register_reports_menu_item")
def register_incomplete_images_report_menu_item():
    return ImageReportMenuItem(
        "Images missing details",
        reverse("illustrations_report_incomplete"),
        name="images-missing-details",
        icon_name="image",
        order=1300,
    )


@hooks.register("register_reports_menu_item")
def register_unused_images_report_menu_item():
    return ImageReportMenuItem(
        "Images used nowhere",
        reverse("illustrations_report_unused"),
        name="images-used-nowhere",
        icon_name="image",
        order=1310,
    )


@hooks.register("register_reports_menu_item")
def register_illustrator_work_report_menu_item():
    return ImageReportMenuItem(
        "Illustrators' work in use",
        reverse("illustrations_report_illustrator_work"),
        name="illustrator-work",
        icon_name="image",
        order=1320,
    )
