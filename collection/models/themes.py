"""Themes: the subjects readers browse by (consent, genomics, indigenous data sovereignty...)."""

from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.search import index
from wagtail.snippets.models import register_snippet


@register_snippet
class Theme(index.Indexed, models.Model):
    name = models.CharField(max_length=100, unique=True, help_text="The theme as readers see it.")
    slug = models.SlugField(
        max_length=100, unique=True, help_text="Used in links that filter stories by theme."
    )
    description = models.TextField(
        blank=True, help_text="One or two sentences introducing the theme."
    )

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name
