"""Themes: the subjects readers browse by (consent, genomics, indigenous data sovereignty...)."""

from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail.snippets.models import register_snippet
from wagtail_localize.fields import SynchronizedField, TranslatableField


@register_snippet
class Theme(TranslatableMixin, index.Indexed, models.Model):
    """A theme in one language; its translations share its `translation_key` and its slug, so
    a filter link (?theme=consent) means the same theme in every language."""

    name = models.CharField(max_length=100, help_text="The theme as readers see it.")
    slug = models.SlugField(max_length=100, help_text="Used in links that filter stories by theme.")
    description = models.TextField(
        blank=True, help_text="One or two sentences introducing the theme."
    )

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]
    # A slug field is translated by wagtail-localize's default; here it is shared by every
    # translation (filter links keep working across languages), so it is synced and not
    # offered to translators.
    override_translatable_fields = [
        TranslatableField("name"),
        SynchronizedField("slug", overridable=False),
        TranslatableField("description"),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["locale", "name"], name="unique_theme_name_per_locale"),
            models.UniqueConstraint(fields=["locale", "slug"], name="unique_theme_slug_per_locale"),
        ]

    def __str__(self):
        return self.name
