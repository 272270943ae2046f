"""Admin comforts for the editorial workflow: Reviewers see what awaits them first; the page
editor's own stylesheet (the checks panel, the schedule dialog) and script (no "Saved" at the
top after a refused save)."""

from django.templatetags.static import static
from django.utils.html import format_html
from wagtail import hooks

# Wagtail's "Awaiting your review" dashboard panel.
AWAITING_REVIEW_PANEL = "workflow_objects_to_moderate"


# Runs after the other apps have added their panels.
@hooks.register("construct_homepage_panels", order=100)
def awaiting_review_first(request, panels):
    """Put "Awaiting your review" above every other dashboard panel (it is shown only to those
    who have something to review)."""
    for panel in panels:
        if getattr(panel, "name", "") == AWAITING_REVIEW_PANEL:
            panel.order = min(getattr(other, "order", 0) for other in panels) - 1


@hooks.register("insert_global_admin_css")
def editorial_admin_css():
    return format_html(
        '<link rel="stylesheet" href="{}">', static("collection/admin/editorial.css")
    )


@hooks.register("insert_editor_js")
def editor_not_saved_js():
    return format_html('<script src="{}"></script>', static("collection/admin/editor_not_saved.js"))


@hooks.register("before_serve_page")
def untranslated_page_redirect(page, request, serve_args, serve_kwargs):
    """A page not in the address's language is never shown in that language's frame: the
    reader goes to the source page, which says why (collection/locales.py)."""
    from .locales import redirect_untranslated

    return redirect_untranslated(page, request, serve_args, serve_kwargs)


# The translators' additions to wagtail-localize (out-of-date notes, submit for review), and
# the translation editor's "Publish" checking the publish rule first: both register hooks.
from . import translation_admin, translation_publish  # noqa: E402, F401
