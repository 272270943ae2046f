"""Admin template tags for the editorial workflow: the bulk actions a user may actually use."""

from django import template
from django.urls import reverse
from wagtail.admin.templatetags.wagtailadmin_tags import bulk_action_choices
from wagtail.permission_policies.pages import PagePermissionPolicy

register = template.Library()

# Page bulk actions that need publish permission (which only Reviewers have).
PUBLISHING_ACTIONS = ("publish", "unpublish")


def _url(button):
    return getattr(button, "url", "") or ""


@register.inclusion_tag("wagtailadmin/shared/buttons.html", takes_context=True)
def permitted_bulk_action_choices(context, app_label, model_name):
    """Wagtail's bulk action buttons, without Publish and Unpublish for someone who may not
    publish any page: they would only be told afterwards that nothing was published."""
    result = bulk_action_choices(context, app_label, model_name)
    request = context.get("request")
    user = getattr(request, "user", None)
    if (app_label, model_name) != ("wagtailcore", "page") or user is None:
        return result
    if PagePermissionPolicy().user_has_permission(user, "publish"):
        return result
    hidden = {
        reverse("wagtail_bulk_action", args=[app_label, model_name, action])
        for action in PUBLISHING_ACTIONS
    }
    buttons = []
    for button in result["buttons"]:
        if _url(button) in hidden:
            continue
        if getattr(button, "dropdown_buttons", None) is not None:
            button.dropdown_buttons = [b for b in button.dropdown_buttons if _url(b) not in hidden]
        buttons.append(button)
    return {"buttons": buttons}
