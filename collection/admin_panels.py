"""The "Before you submit" panel at the top of the page editor: the checks of
collection/editorial_checks.py for the page as it stands (the last saved draft, or what was just
posted when a save or submission was refused)."""

from wagtail.admin.panels import Panel


class EditorialChecksPanel(Panel):
    """Read-only: lists what stops the page being submitted and what readers will miss."""

    def __init__(self, **kwargs):
        kwargs.setdefault("heading", "Before you submit")
        super().__init__(**kwargs)

    @property
    def clean_name(self):
        return super().clean_name or "editorial_checks"

    class BoundPanel(Panel.BoundPanel):
        template_name = "collection/admin/editorial_checks_panel.html"

        def get_context_data(self, parent_context=None):
            from .editorial_checks import page_checks

            context = super().get_context_data(parent_context)
            checks = page_checks(self.instance)
            form_fields = set(self.form.fields) if self.form is not None else set()
            context["blocking"] = [c for c in checks if c.blocking]
            context["advice"] = [c for c in checks if not c.blocking]
            context["linkable_fields"] = form_fields
            return context
