"""Panels of the page editor added for editors:

- "Before you submit" at the top: the checks of collection/editorial_checks.py for the page as
  it stands (the last saved draft, or what was just posted when a save or submission was
  refused).
- The publishing schedule (go-live and expiry) with the time zone its times are in.
"""

from django.utils import timezone
from wagtail.admin.panels import FieldPanel, Panel, PublishingPanel


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
            # A bound form with errors: what was posted was refused, nothing was saved.
            context["form_refused"] = bool(
                self.form is not None and self.form.is_bound and self.form.errors
            )
            return context


class ZonedDateTimePanel(FieldPanel):
    """A date and time field whose help says which time zone the time is in (the one the admin
    shows times in: the site's, Europe/London, unless the user chose their own)."""

    class BoundPanel(FieldPanel.BoundPanel):
        def __init__(self, **kwargs):
            super().__init__(**kwargs)
            zone = timezone.get_current_timezone_name()
            note = f"Time zone: {zone}"
            if zone == "Europe/London":
                note += " (UK time: GMT in winter, BST in summer)"
            self.help_text = f"{self.help_text} {note}." if self.help_text else f"{note}."


class ScheduleWithTimeZonePanel(PublishingPanel):
    """Wagtail's go-live and expiry panel, with the time zone beside both fields."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.children = [
            ZonedDateTimePanel(child.field_name, widget=child.widget) for child in self.children
        ]

    def clone_kwargs(self):
        kwargs = super().clone_kwargs()
        kwargs["children"] = self.children
        return kwargs


def settings_panels_with_time_zone(panels):
    """`panels` (a page type's settings panels) with the schedule showing its time zone."""
    from wagtail.models.panels import PanelPlaceholder

    result = []
    for panel in panels:
        is_publishing = isinstance(panel, PublishingPanel) or (
            isinstance(panel, PanelPlaceholder)
            and panel.path == "wagtail.admin.panels.PublishingPanel"
        )
        result.append(ScheduleWithTimeZonePanel() if is_publishing else panel)
    return result
