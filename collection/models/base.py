"""The abstract page every page type of the site inherits: listing fields and cache headers."""

from django.conf import settings
from django.db import models
from django.utils.cache import patch_cache_control
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import Page


class BasePage(Page):
    """Shared fields for search engines, social cards and listings."""

    listing_summary = models.TextField(
        blank=True,
        max_length=300,
        help_text="A sentence or two shown on cards and in search results. "
        "Leave blank to use the page's own summary.",
    )
    listing_image = models.ForeignKey(
        settings.WAGTAILIMAGES_IMAGE_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The illustration shown on cards and social shares. "
        "Leave blank to use the page's own illustration.",
    )

    promote_panels = Page.promote_panels + [
        MultiFieldPanel(
            [FieldPanel("listing_summary"), FieldPanel("listing_image")],
            heading="Cards and sharing",
        ),
    ]

    # Seconds a shared cache (CDN) may keep a public page; forms override this with no-store.
    cache_max_age = 300

    class Meta:
        abstract = True

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        if not response.has_header("Cache-Control"):
            patch_cache_control(response, public=True, max_age=self.cache_max_age)
        return response
