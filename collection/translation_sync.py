"""wagtail-localize's "Sync translated pages" under the site's review rules.

Its sync form has a "Publish immediately" box that publishes every translation at once, with
the original's words wherever a segment is new or changed, for anyone allowed to submit
translations (Editors too). Here the sync still takes in the original's changes for everyone
allowed to sync, but "Publish immediately" publishes only the translations the person may
publish (Reviewers) and that have every segment translated; the rest wait, as drafts, for their
translator and the review workflow, and the message says which.

The view answers at wagtail-localize's own address (registered before its URLs, see
translation_admin.py), so its "Sync" buttons and links lead here.
"""

import contextlib

from django.contrib import messages
from django.core.exceptions import ValidationError
from wagtail.models import DraftStateMixin, Page
from wagtail.snippets.permissions import get_permission_name
from wagtail_localize.views.update_translations import UpdateTranslationsView


def may_publish(user, instance):
    """Whether `user` may publish this translated page or snippet."""
    if isinstance(instance, Page):
        return instance.permissions_for_user(user).can_publish()
    if isinstance(instance, DraftStateMixin):
        return user.has_perm(get_permission_name("publish", type(instance)))
    # A snippet without drafts is live as soon as it is saved: editing it is publishing it.
    return user.has_perm(get_permission_name("change", type(instance)))


class ReviewedUpdateTranslationsView(UpdateTranslationsView):
    def form_valid(self, form):
        from .translation_admin import untranslated_count

        publish = form.cleaned_data.get("publish_translations")
        form.cleaned_data["publish_translations"] = False
        # Take in the original's changes (wagtail-localize's own work, without publishing).
        response = super().form_valid(form)
        if not publish:
            return response
        held = []
        translations = self.object.translations.filter(enabled=True).select_related(
            "target_locale", "source"
        )
        for translation in translations:
            try:
                target = translation.get_target_instance()
            except Exception:  # noqa: BLE001 - not made yet: nothing to publish
                continue
            target = target.specific if isinstance(target, Page) else target
            name = translation.target_locale.get_display_name()
            if not may_publish(self.request.user, target) or untranslated_count(translation):
                held.append(name)
                continue
            with contextlib.suppress(ValidationError):
                translation.save_target(user=self.request.user, publish=True)
        if held:
            messages.warning(
                self.request,
                "Not published, waiting for translation or review: " + ", ".join(held) + ".",
            )
        return response
