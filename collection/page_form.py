"""The page editor's form for every page type: what it refuses, and where it says why.

Publishing (or approving a review task) and submitting for review are refused while the page
uses an image or media item that is not ready (collection/publish_rules.py), each problem shown
beside the field or body block that causes it (collection/editorial_checks.py). Saving a draft
is never refused for these: an editor may save work in progress.
"""

import copy

from django.forms.models import construct_instance
from wagtail.admin.forms import WagtailAdminPageForm

from .editorial_checks import add_errors_to_form, blocking_checks


class BasePageForm(WagtailAdminPageForm):
    def is_publishing(self):
        data = self.data
        return bool(data.get("action-publish")) or (
            bool(data.get("action-workflow-action"))
            and data.get("workflow-action-name") == "approve"
        )

    def is_submitting(self):
        """Submitting for review (or resubmitting after changes were asked for, or restarting
        the workflow): the page is about to go to a Reviewer."""
        data = self.data
        return bool(data.get("action-submit") or data.get("action-restart-workflow"))

    def clean(self):
        cleaned_data = super().clean()
        if self.is_deferred_validation or not (self.is_publishing() or self.is_submitting()):
            return cleaned_data
        page = copy.copy(self.instance)
        construct_instance(self, page, fields=self._meta.fields, exclude=self._meta.exclude)
        checks = blocking_checks(page)
        if checks and self.is_submitting():
            self.add_error(
                None,
                "This page was not submitted for review: fix what is marked below first "
                "(a Reviewer could not publish it as it is).",
            )
        add_errors_to_form(self, page, checks)
        return cleaned_data
