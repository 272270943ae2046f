"""The custom image model (an illustration with its credit and licence) and its renditions.

Set as WAGTAILIMAGES_IMAGE_MODEL from the first migration. Other apps are referenced only by
string model labels.
"""

from django.db import models
from wagtail.images.models import AbstractImage, AbstractRendition, Image

from .licences import LICENCE_URLS, Licence


class Illustration(AbstractImage):
    """An image in the library: commissioned artwork, portraits, posters."""

    is_decorative = models.BooleanField(
        "decorative",
        default=False,
        help_text=(
            "Tick only if the image adds nothing a reader would miss (a pattern, a texture). "
            "Screen readers then skip it. Otherwise write alt text in the description."
        ),
    )
    illustrator = models.ForeignKey(
        "collection.ContributorPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="illustrations",
        help_text="The illustrator's contributor page, when they have one.",
    )
    illustrator_name = models.CharField(
        max_length=255,
        blank=True,
        help_text="The illustrator's name as it should be credited, if they have no page.",
    )
    copyright_holder = models.CharField(
        max_length=255,
        blank=True,
        help_text="Who holds the copyright, if not the illustrator (an agency, an archive).",
    )
    licence = models.CharField(
        max_length=32,
        choices=Licence.choices,
        blank=True,
        help_text="The licence under which we may show this image.",
    )
    source_url = models.URLField(
        blank=True, help_text="Where the image came from, if it was not made for us."
    )
    default_caption = models.CharField(
        max_length=500,
        blank=True,
        help_text="Shown under the image unless a story gives its own caption.",
    )
    commission = models.ForeignKey(
        "illustrations.Commission",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="illustrations",
        help_text="The commission this artwork was delivered against.",
    )

    admin_form_fields = Image.admin_form_fields + (
        "is_decorative",
        "illustrator",
        "illustrator_name",
        "copyright_holder",
        "licence",
        "source_url",
        "default_caption",
        "commission",
    )

    @property
    def default_alt_text(self):
        # Never fall back to the title: multiple upload sets it to the file name.
        if self.is_decorative:
            return ""
        return self.description or ""

    @property
    def credit_name(self):
        if self.illustrator_id:
            return self.illustrator.title
        return self.illustrator_name or self.copyright_holder

    @property
    def licence_url(self):
        return LICENCE_URLS.get(self.licence, "")


class IllustrationRendition(AbstractRendition):
    image = models.ForeignKey(Illustration, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)


class Commission(models.Model):
    """A piece of artwork the collection has asked an illustrator to make."""

    class Status(models.TextChoices):
        BRIEFED = "briefed", "Briefed"
        SKETCH = "sketch", "Sketch"
        FINAL = "final", "Final"
        DELIVERED = "delivered", "Delivered"
        PUBLISHED = "published", "Published"

    title = models.CharField(max_length=255, help_text="A short name for the commission.")
    brief = models.TextField(help_text="What the artwork should show, and for whom.")
    illustrator = models.ForeignKey(
        "collection.ContributorPage",
        on_delete=models.PROTECT,
        related_name="commissions",
        help_text="Who is making the artwork.",
    )
    for_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The story or series the artwork is for.",
    )
    status = models.CharField(
        max_length=16,
        choices=Status.choices,
        default=Status.BRIEFED,
        help_text="Where the commission has got to.",
    )
    due_date = models.DateField(null=True, blank=True, help_text="When the final is due.")
    notes = models.TextField(blank=True, help_text="Anything the editor and illustrator agree.")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["due_date", "title"]

    def __str__(self):
        return self.title
