"""Keep people with no page permission (Illustrators) out of the admin's page views.

Drafts hold words only the editorial team may read, and a draft made from a submission carries
its sender's title, name and story. Many of Wagtail's page views show page titles to anyone
with admin access before (or instead of) checking page permissions: the bulk action
confirmations ("You don't have permission to publish this page <title>"), the page chooser and
its search, the admin API behind the explorer menu, the reports. Rather than patch each one,
this middleware answers every view of the page admin with Wagtail's own "permission denied"
for a user who holds no page permission at all, before the view runs.

Editors and Reviewers (page permissions on the whole tree) and superusers are unaffected.
`tests/illustrations/test_admin_privacy_matrix.py` walks every admin URL as an Illustrator to
prove no draft's words come through.
"""

from django.apps import apps
from wagtail.admin.auth import permission_denied, user_has_any_page_permission
from wagtail.models import Page

# URL names (with their namespace) that make up the page admin: everything that lists, shows,
# chooses, compares or acts on pages, their revisions, workflows, forms and reports.
PAGE_ADMIN_PREFIXES = (
    "wagtailadmin_explore",  # the explorer and its results
    "wagtailadmin_pages:",  # add, edit, preview, revisions, history, search, usage, move...
    "wagtailadmin_choose_page",  # the page chooser, its search and its link tabs
    "wagtailadmin_api:pages:",  # the explorer menu's JSON
    "wagtailadmin_reports:",  # locked pages, workflows, site history, aging pages, types
    "wagtailadmin_workflows:",  # workflows and tasks, with the pages they are used on
    "wagtailforms:",  # form pages and what was sent through them
    # wagtail-localize: its report and snippet listing check no permission at all, and every
    # one of its views shows or changes pages and their translations.
    "wagtail_localize:",
    # collection/translation_admin.py: submit a translation for review, the reviewed sync.
    "collection_submit_translation_for_review",
    "collection_sync_translations",
)
# Views shared with other models: denied when they act on a page model.
MODEL_ARGUMENT_VIEWS = ("wagtail_bulk_action", "wagtailadmin_editing_sessions:ping")


def is_page_admin_view(view_name, view_kwargs):
    if view_name.startswith(PAGE_ADMIN_PREFIXES):
        return True
    if view_name in MODEL_ARGUMENT_VIEWS:
        try:
            model = apps.get_model(view_kwargs.get("app_label"), view_kwargs.get("model_name"))
        except (LookupError, ValueError, TypeError):
            return False  # the view itself answers "not found"
        return issubclass(model, Page)
    return False


class PageAdminAccessMiddleware:
    """Deny the page admin to signed-in users without any page permission."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        user = getattr(request, "user", None)
        if match is None or user is None or not user.is_authenticated:
            return None  # anonymous users meet the admin's own login redirect
        if not is_page_admin_view(match.view_name or "", view_kwargs):
            return None
        if user_has_any_page_permission(user):
            return None
        return permission_denied(request)
