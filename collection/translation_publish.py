"""wagtail-localize's "Publish" in its translation editor, told why a page cannot go live.

That action publishes on commit and turns any ValidationError into a general "new validation
errors were found" message, which would hide what the publish rule (collection/language_rules.py)
says. This hook runs first: it saves the translation as a draft (as "Save draft" would), checks
that draft against the publish rule, and if anything is missing shows the rule's own sentences
and goes back to the translation editor. When nothing is missing, wagtail-localize publishes as
usual, and `BasePage.publish()` checks again.
"""

from django.contrib import messages
from django.shortcuts import redirect
from wagtail import hooks

from .publish_rules import PublishBlocked, publish_problems


# Before wagtail-localize's own before_edit_page hook, which serves its translation editor.
@hooks.register("before_edit_page", order=-10)
def check_translation_before_publishing(request, page):
    if request.method != "POST" or request.POST.get("action") != "publish":
        return None
    from wagtail_localize.models import Translation

    translation = Translation.objects.filter(
        source__object_id=page.translation_key, target_locale_id=page.locale_id, enabled=True
    ).first()
    if translation is None or not page.permissions_for_user(request.user).can_publish():
        return None
    translation.save_target(user=request.user, publish=False)
    draft = page.get_latest_revision_as_object()
    problems = publish_problems(draft)
    if not problems:
        return None
    messages.error(request, PublishBlocked(draft, problems).messages[0])
    return redirect("wagtailadmin_pages:edit", page.pk)
