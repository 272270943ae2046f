"""The custom image model (an illustration with its credit and licence) and its renditions.

Set as WAGTAILIMAGES_IMAGE_MODEL from the first migration. Other apps are referenced only by
string model labels.
"""

import datetime

from django.db import models
from django.db.models import Q
from django.utils import timezone
from PIL import Image as PILImage
from wagtail.images.models import (
    AbstractImage,
    AbstractRendition,
    Image,
    ImageQuerySet,
    SourceImageIOError,
)

from .licences import LICENCE_URLS, Licence


class IllustrationQuerySet(ImageQuerySet):
    def in_bulk(self, id_list=None, *, field_name="pk"):
        # A StreamField's image chooser asks the whole table by id: answered from images a page
        # read ahead for its body when they cover the ids (illustrations/read_ahead.py).
        if id_list is not None and field_name == "pk" and not self.query.where:
            from .read_ahead import answer

            found = answer(id_list)
            if found is not None:
                return found
        return super().in_bulk(id_list, field_name=field_name)

    def incomplete(self):
        """Images that may not appear on a published page: no alt text, credit or licence."""
        return self.filter(
            Q(is_decorative=False, description="")
            | Q(illustrator__isnull=True, illustrator_name="", copyright_holder="")
            | Q(licence="")
        )

    def for_display(self, *variants):
        """Ready to render with `{% illustration %}`: credit joined, renditions prefetched.

        One query for the images and one for all their renditions in the given variants.
        """
        from .alt_text import language_texts_prefetch
        from .renditions import specs_for_variants

        queryset = self.select_related("illustrator").prefetch_renditions(
            *specs_for_variants(variants)
        )
        texts = language_texts_prefetch()
        return queryset.prefetch_related(texts) if texts is not None else queryset


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

    objects = IllustrationQuerySet.as_manager()

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

    @classmethod
    def from_db(cls, db, field_names, values):
        instance = super().from_db(db, field_names, values)
        # Remember what the renditions were made from, so a save can tell if they are stale.
        instance._rendition_source = instance.rendition_source_key()
        return instance

    def rendition_source_key(self):
        values = self.__dict__
        return (
            str(values.get("file") or ""),
            values.get("focal_point_x"),
            values.get("focal_point_y"),
            values.get("focal_point_width"),
            values.get("focal_point_height"),
        )

    def save(self, *args, **kwargs):
        update_fields = kwargs.get("update_fields")
        if update_fields is None or "file" in update_fields:
            self._clean_new_file()
        super().save(*args, **kwargs)

    def _clean_new_file(self):
        """Strip location and device metadata from a new or replaced original (every path
        that creates an image comes through here; see clean_images.py)."""
        from .clean_images import clean_file_field

        previous = getattr(self, "_rendition_source", None)
        if clean_file_field(self, "file", previous_name=previous[0] if previous else None):
            self.finish_file_replacement()

    def finish_file_replacement(self):
        """After the file was rewritten: its size, hash and (turned) dimensions."""
        self._set_image_file_metadata()
        with self.open_file() as handle, PILImage.open(handle) as picture:
            self.width, self.height = picture.size

    def generate_rendition_file(self, filter, *, source=None):
        # A file that Pillow refuses to decode (over the pixel limit, cut short, damaged: an old
        # upload or an import that predates the header check) is reported as Wagtail's
        # SourceImageIOError, which its admin listings, chooser previews and
        # `get_rendition_or_not_found` show as a "not found" placeholder instead of a 500.
        from .encoding import rendering_from

        try:
            # Encoder settings follow the original's kind (flat artwork or photograph).
            with rendering_from(self):
                return super().generate_rendition_file(filter, source=source)
        except (PILImage.DecompressionBombError, OSError, SyntaxError) as error:
            if isinstance(error, SourceImageIOError):
                raise
            raise SourceImageIOError(f"Image {self.pk} cannot be decoded: {error}") from error

    @property
    def default_alt_text(self):
        # Never fall back to the title: multiple upload sets it to the file name.
        if self.is_decorative:
            return ""
        return self.description or ""

    def missing_metadata(self):
        """What this image lacks before it may appear on a published page, in editors' words."""
        missing = []
        if not self.is_decorative and not (self.description or "").strip():
            missing.append("alt text (or the 'decorative' tick)")
        if not (
            self.illustrator_id
            or (self.illustrator_name or "").strip()
            or (self.copyright_holder or "").strip()
        ):
            missing.append("a credit (illustrator or copyright holder)")
        if not self.licence:
            missing.append("a licence")
        return missing

    @property
    def is_complete(self):
        return not self.missing_metadata()

    @property
    def credit_name(self):
        if self.illustrator_id:
            return self.illustrator.title
        return self.illustrator_name or self.copyright_holder

    @property
    def licence_url(self):
        return LICENCE_URLS.get(self.licence, "")

    @property
    def is_reusable(self):
        """Whether its licence lets others reuse it (see illustrations/attribution.py)."""
        from .attribution import is_reusable

        return is_reusable(self)


class IllustrationRendition(AbstractRendition):
    image = models.ForeignKey(Illustration, on_delete=models.CASCADE, related_name="renditions")

    @property
    def alt(self):
        """As Wagtail's (decorative and per-use alt text from an ImageBlock first), with the
        image's own alt text in the active language rather than the default language's."""
        from .alt_text import alt_text_in

        if getattr(self.image, "decorative", False):
            return ""
        if getattr(self.image, "contextual_alt_text", None):
            return self.image.contextual_alt_text
        return alt_text_in(self.image)[0]

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

    @property
    def public_page_title(self):
        """The title readers know the page by; blank while it is unpublished. What an
        illustrator is shown, since a draft's title may be a sender's words."""
        page = self.for_page
        return page.title if page is not None and page.live else ""

    @property
    def is_open(self):
        return self.status not in (self.Status.DELIVERED, self.Status.PUBLISHED)

    @property
    def is_overdue(self):
        return bool(self.due_date and self.is_open and self.due_date < timezone.localdate())

    @classmethod
    def due_this_week(cls):
        """Open commissions due in the next seven days, and any already overdue."""
        today = timezone.localdate()
        return (
            cls.objects.exclude(status__in=[cls.Status.DELIVERED, cls.Status.PUBLISHED])
            .filter(due_date__lte=today + datetime.timedelta(days=7))
            .select_related("illustrator")
        )


class IllustrationTranslation(models.Model):
    """An image's alt text (and default caption) in one of the site's other languages.

    The image's own `description` is its alt text in the default language; a page in another
    language shows this text instead, and cannot be published without it (unless the image is
    decorative or the block using it gives its own alt text). See illustrations/alt_text.py.
    """

    image = models.ForeignKey(Illustration, on_delete=models.CASCADE, related_name="language_texts")
    locale = models.ForeignKey("wagtailcore.Locale", on_delete=models.CASCADE, related_name="+")
    alt_text = models.TextField(
        blank=True,
        help_text="What the image shows, written in this language for people who cannot see it.",
    )
    caption = models.CharField(
        max_length=500,
        blank=True,
        help_text="The default caption in this language. Leave blank for no caption on pages "
        "in this language.",
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["image", "locale"], name="one_image_text_per_locale")
        ]

    def __str__(self):
        return f"{self.image} ({self.locale})"
