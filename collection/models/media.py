"""The audio and video library item: wagtailmedia's media with transcript, captions and
duration and size read from the file itself. Its poster (wagtailmedia's `thumbnail`) is
published as stored, so it gets the same header check and metadata stripping as every image."""

from pathlib import PurePosixPath

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F
from wagtail.fields import RichTextField
from wagtail.search import index
from wagtailmedia.models import AbstractMedia, MediaQuerySet

from illustrations.clean_images import clean_file_field
from illustrations.image_checks import read_image_header

from ..captions import validate_webvtt
from ..media_metadata import read_duration_and_size

TRANSCRIPT_FEATURES = ["h3", "bold", "italic", "link", "ol", "ul"]


def captions_upload_to(instance, filename):
    """Stored as .vtt whatever the upload was called, so it is served as text/vtt (the file's
    content was checked to be WebVTT)."""
    stem = PurePosixPath(filename).stem or "captions"
    return f"media_captions/{stem}.vtt"


class StoryMediaQuerySet(MediaQuerySet):
    def in_bulk(self, id_list=None, *, field_name="pk"):
        """As Django's; on a page in a language other than the default, with each item's
        transcripts and captions in every language read along (a story body's audio and video
        blocks ask for their items this way), where they took a query of their own."""
        from ..media_languages import MediaTextRows, attach_media_text_rows, is_default_language

        plain = id_list is None or field_name != "pk" or self.query.where
        if plain or "media_text_rows" in self.query.annotations or is_default_language():
            return super().in_bulk(id_list, field_name=field_name)
        found = self.annotate(media_text_rows=MediaTextRows(F("pk"))).in_bulk(id_list)
        for item in found.values():
            attach_media_text_rows(item, item.media_text_rows)
        return found


class StoryMedia(AbstractMedia):
    """An audio episode or a video, as uploaded to the media library."""

    transcript = RichTextField(
        features=TRANSCRIPT_FEATURES,
        blank=True,
        help_text="Everything said (and any important sounds). Required before a page using "
        "this item is published.",
    )
    captions = models.FileField(
        upload_to=captions_upload_to,
        blank=True,
        validators=[validate_webvtt],
        help_text="Video only: the captions as a WebVTT file (its first line reads WEBVTT). "
        "Required before a page using this video is published, unless the video has no "
        "speech.",
    )
    has_no_speech = models.BooleanField(
        default=False,
        verbose_name="Has no speech",
        help_text="Video only: tick when nothing is said in the video (music or silence only), "
        "so it needs no captions. Describe any important sounds in the transcript.",
    )
    captions_language = models.CharField(
        max_length=16, default="en", help_text="The language code of the captions, e.g. en."
    )
    file_size = models.PositiveBigIntegerField(
        null=True, editable=False, help_text="Read from the file when it is saved."
    )

    admin_form_fields = (
        "title",
        "file",
        "collection",
        "thumbnail",
        "transcript",
        "captions",
        "captions_language",
        "has_no_speech",
        "tags",
    )

    search_fields = AbstractMedia.search_fields + [index.SearchField("transcript")]

    objects = StoryMediaQuerySet.as_manager()

    class Meta(AbstractMedia.Meta):
        verbose_name = "audio or video item"
        verbose_name_plural = "audio and video"

    # What a page shows, in the language it is read in (collection/media_languages.py).
    @property
    def reader_transcript(self):
        from ..media_languages import transcript_in

        return transcript_in(self)[0]

    @property
    def reader_transcript_language(self):
        """The transcript's language when it is not the page's (for a `lang` attribute)."""
        from illustrations.alt_text import content_language

        from ..media_languages import transcript_in

        language = transcript_in(self)[1]
        if not language or language.split("-")[0] == content_language().split("-")[0]:
            return None
        return language

    @property
    def caption_tracks(self):
        from ..media_languages import caption_tracks

        return caption_tracks(self)

    @property
    def mime_type(self):
        return self.sources[0]["type"]

    def _new_thumbnail(self):
        thumbnail = self.thumbnail
        return thumbnail if thumbnail and not getattr(thumbnail, "_committed", True) else None

    def clean(self, *args, **kwargs):
        super().clean(*args, **kwargs)
        # The poster is published as it is: the same header check as every image upload.
        thumbnail = self._new_thumbnail()
        if thumbnail is not None:
            try:
                read_image_header(thumbnail)
            except ValidationError as error:
                raise ValidationError({"thumbnail": error.messages}) from error

    def save(self, *args, **kwargs):
        if self._new_thumbnail() is not None:
            # No location or camera details in a published poster (see clean_images.py).
            clean_file_field(self, "thumbnail")
        if self.file:
            duration, size = read_duration_and_size(self.file)
            self.file_size = size
            if duration:
                self.duration = round(duration, 2)
        super().save(*args, **kwargs)


class StoryMediaTranslation(models.Model):
    """An audio or video item's transcript and captions in one of the site's other languages.

    A page in that language shows this transcript and offers these captions first (the
    original captions stay as a second track); it cannot be published without them (see
    collection/language_rules.py). Edited on the media item's own form (collection/media_forms.py).
    """

    item = models.ForeignKey(StoryMedia, on_delete=models.CASCADE, related_name="language_texts")
    locale = models.ForeignKey("wagtailcore.Locale", on_delete=models.CASCADE, related_name="+")
    transcript = RichTextField(
        features=TRANSCRIPT_FEATURES,
        blank=True,
        help_text="Everything said (and any important sounds), in this language.",
    )
    captions = models.FileField(
        upload_to=captions_upload_to,
        blank=True,
        validators=[validate_webvtt],
        help_text="Video only: captions in this language as a WebVTT file.",
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["item", "locale"], name="one_media_text_per_locale")
        ]

    def __str__(self):
        return f"{self.item} ({self.locale})"
