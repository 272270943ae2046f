"""The podcast channel's details (title, artwork, iTunes category, owner), edited in the admin.

The podcast feed (collection/feeds.py) reads them; each episode's own details come from its
story and the audio item it uses.
"""

import logging

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

from illustrations.image_checks import read_image_header

logger = logging.getLogger(__name__)

# Podcast directories ask for square artwork between these sizes (in pixels).
ARTWORK_MIN_SIZE = 1400
ARTWORK_MAX_SIZE = 3000

# Apple Podcasts categories that fit the collection, as "Category" or "Category > Subcategory".
PODCAST_CATEGORIES = [
    ("Health & Fitness > Medicine", "Health & Fitness: Medicine"),
    ("Health & Fitness > Mental Health", "Health & Fitness: Mental Health"),
    ("Health & Fitness", "Health & Fitness"),
    ("Science > Life Sciences", "Science: Life Sciences"),
    ("Science > Social Sciences", "Science: Social Sciences"),
    ("Science", "Science"),
    ("Society & Culture > Documentary", "Society & Culture: Documentary"),
    ("Society & Culture > Personal Journals", "Society & Culture: Personal Journals"),
    ("Society & Culture", "Society & Culture"),
    ("Education", "Education"),
    ("News > Health News", "News: Health News"),
]


@register_setting(icon="wagtailmedia-audio")
class PodcastChannelSettings(BaseSiteSetting):
    title = models.CharField(
        max_length=255,
        default="Mind The Gap",
        help_text="The podcast's name as listeners see it in their podcast app.",
    )
    description = models.TextField(
        max_length=4000,
        default="Conversations about who is missing from health data, and why it matters.",
        help_text="What the podcast is about, in a few sentences. Shown in podcast apps.",
    )
    artwork = models.ForeignKey(
        settings.WAGTAILIMAGES_IMAGE_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=f"The podcast's cover art. It must be at least {ARTWORK_MIN_SIZE} pixels on "
        "its shorter side; it is cropped to a square around its focal point.",
    )
    author = models.CharField(
        max_length=255,
        default="Mind The Gap",
        help_text="Who makes the podcast, as shown under its name in podcast apps.",
    )
    owner_name = models.CharField(
        max_length=255,
        blank=True,
        help_text="The person or organisation podcast directories contact about the feed.",
    )
    owner_email = models.EmailField(
        blank=True,
        help_text="The address podcast directories use to confirm who owns the feed. It is "
        "published in the feed.",
    )
    category = models.CharField(
        max_length=100,
        choices=PODCAST_CATEGORIES,
        default="Health & Fitness > Medicine",
        help_text="The category podcast directories list the show under.",
    )
    explicit = models.BooleanField(
        default=False,
        help_text="Tick if episodes contain explicit language. Discussing harm or racism is "
        "not 'explicit' in this sense; use content notes on the stories for that.",
    )
    language = models.CharField(
        max_length=16, default="en-gb", help_text="The language code of the episodes, e.g. en-gb."
    )
    copyright = models.CharField(
        max_length=255,
        blank=True,
        help_text="e.g. '© 2026 Mind The Gap'. Leave blank to leave it out of the feed.",
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel("title"), FieldPanel("description"), FieldPanel("artwork")],
            heading="The show",
        ),
        MultiFieldPanel(
            [
                FieldPanel("author"),
                FieldPanel("owner_name"),
                FieldPanel("owner_email"),
                FieldPanel("copyright"),
            ],
            heading="Who makes it",
        ),
        MultiFieldPanel(
            [FieldPanel("category"), FieldPanel("explicit"), FieldPanel("language")],
            heading="Directories",
        ),
    ]

    class Meta:
        verbose_name = "podcast channel"

    def clean(self):
        super().clean()
        if self.artwork_id and self.artwork:
            self._check_artwork_file()
            shorter = min(self.artwork.width, self.artwork.height)
            if shorter < ARTWORK_MIN_SIZE:
                raise ValidationError(
                    {
                        "artwork": f"Podcast apps need artwork at least {ARTWORK_MIN_SIZE} "
                        f"pixels square; '{self.artwork.title}' is {self.artwork.width} x "
                        f"{self.artwork.height}. Choose a larger image."
                    }
                )

    def _check_artwork_file(self):
        """The same header check as every upload, for artwork already in the library (an old
        upload or an import may predate it): a pixel bomb never becomes the feed's cover."""
        try:
            with self.artwork.open_file() as handle:
                read_image_header(handle)
        except ValidationError as error:
            raise ValidationError({"artwork": error.messages}) from error
        except Exception as error:  # noqa: BLE001 - the file is missing or unreadable
            raise ValidationError(
                {
                    "artwork": f"The file of '{self.artwork.title}' cannot be read. Choose another "
                    "image or upload it again."
                }
            ) from error

    @property
    def category_parts(self):
        """(category, subcategory or '') for the itunes:category element."""
        main, _, sub = self.category.partition(" > ")
        return main, sub

    def artwork_rendition(self):
        """A square rendition of the artwork between 1400 and 3000 pixels, or None."""
        if not self.artwork_id:
            return None
        image = self.artwork
        side = min(image.width, image.height, ARTWORK_MAX_SIZE)
        if side < ARTWORK_MIN_SIZE:
            return None
        try:
            return image.get_rendition(f"fill-{side}x{side}|format-jpeg|jpegquality-85")
        except Exception:  # noqa: BLE001 - a broken or oversized file: the feed goes out without
            logger.exception("Podcast artwork %s could not be rendered", image.pk)
            return None
