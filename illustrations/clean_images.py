"""No location or device metadata leaves with a published image.

A phone photo carries where it was taken (EXIF GPS, XMP location), the camera's make, model and
serial number, and comments. This module removes them:

- from the stored original, whenever an image's file is new or replaced, whatever created it
  (single and multiple upload, the demo, an editor adding a submission's file to the library,
  an import): `Illustration.save()` calls `clean_original`, and the upload field cleans the
  uploaded file in place (`clean_upload`) so that Wagtail's multiple uploader never parks the
  untouched file in public storage while the editor completes its details;
- from media posters (`collection.StoryMedia.thumbnail`), which are published as they are;
- from every rendition in every format: `register_metadata_free_renditions` replaces Willow's
  `auto_orient`, the first step of every Wagtail rendition, with one that keeps only what shows
  the picture (ICC profile, transparency, animation timing), so no encoder is handed EXIF, XMP
  or a comment, even for an original stored before this existed.

The orientation is kept by turning the pixels (EXIF orientation 6 -> the picture is rotated and
the tag goes), the ICC colour profile is kept. JPEG, PNG, WebP and GIF originals are cleaned
without re-encoding (illustrations/metadata_strip.py); only a rotation, or an AVIF/HEIF carrying
metadata, is re-encoded (a JPEG with its own quantisation tables, so nothing visible is lost).

Files visitors send with a story are not touched: they stay as sent, in private storage.
"""

import io
import os

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from PIL import Image, ImageOps, JpegImagePlugin

from .image_checks import read_image_header
from .metadata_strip import STRIPPERS, png_exif, webp_exif

ORIENTATION = 0x0112
# What a decoded picture may carry into an encoder: nothing that says who, where or with what.
KEEP_INFO = {"icc_profile", "transparency", "duration", "loop", "background", "disposal", "blend"}


def _exif_of(data, image_format):
    if image_format == "png":
        return png_exif(data)
    if image_format == "webp":
        return webp_exif(data)
    with Image.open(io.BytesIO(data)) as image:
        return image.info.get("exif")


def orientation_of(data, image_format):
    exif_bytes = _exif_of(data, image_format)
    if not exif_bytes:
        return 1
    exif = Image.Exif()
    try:
        exif.load(exif_bytes)
    except Exception:  # noqa: BLE001 - unreadable EXIF says nothing about orientation
        return 1
    return exif.get(ORIENTATION, 1)


def has_embedded_metadata(data):
    """For formats cleaned by re-encoding (AVIF, HEIF): is there EXIF or XMP to remove?"""
    with Image.open(io.BytesIO(data)) as image:
        return bool(image.info.get("exif") or image.info.get("xmp"))


def reencode(data, image_format):
    """The picture with its orientation applied and nothing but its ICC profile, re-encoded."""
    with Image.open(io.BytesIO(data)) as source:
        picture = ImageOps.exif_transpose(source)
        icc_profile = source.info.get("icc_profile")
        options = {"icc_profile": icc_profile} if icc_profile else {}
        if image_format == "jpeg":
            # The original's own quantisation tables and subsampling: no visible generation loss.
            options["qtables"] = source.quantization
            sampling = JpegImagePlugin.get_sampling(source)
            if sampling != -1:
                options["subsampling"] = sampling
        elif image_format == "webp":
            options.update(lossless=b"VP8L" in data[:64], quality=90)
        elif image_format in ("avif", "heif"):
            options["quality"] = 90
            options["speed"] = getattr(settings, "WAGTAILIMAGES_AVIF_SPEED", 8)
    picture.info = {key: value for key, value in picture.info.items() if key in KEEP_INFO}
    picture.info.pop("icc_profile", None)
    output = io.BytesIO()
    picture.save(output, format=image_format.upper(), **options)
    return output.getvalue()


def clean_image_bytes(data, *, name=None):
    """`data` without location or device metadata and with its orientation applied.

    Refuses (ValidationError, see image_checks.py) a file that is too large or unreadable,
    before anything is decoded. Returns `data` itself when there is nothing to remove.
    """
    header = read_image_header(io.BytesIO(data), name=name)
    image_format = header.format
    stripper = STRIPPERS.get(image_format)
    try:
        if header.frames == 1 and orientation_of(data, image_format) not in (1, 0):
            data = reencode(data, image_format)
        if stripper is not None:
            cleaned = stripper(data)
        elif has_embedded_metadata(data):
            cleaned = reencode(data, image_format)
        else:
            cleaned = data
    except ValidationError:
        raise
    except Exception as error:  # noqa: BLE001 - a structure we cannot follow: refuse it
        raise ValidationError(
            f"{'“' + name + '”' if name else 'This image'} could not be prepared for "
            "publication (its structure is unusual). Please export it again and choose the "
            "new copy.",
            code="unreadable_image",
        ) from error
    return cleaned


def clean_upload(upload, *, name=None):
    """Clean an uploaded file (Django's UploadedFile) in place; return whether it changed."""
    upload.seek(0)
    data = upload.read()
    upload.seek(0)
    cleaned = clean_image_bytes(data, name=name)
    if cleaned == data:
        return False
    # Rewrite the same file object, so every later reader (Wagtail's temporary upload, a
    # storage moving a temporary file into place) sees the cleaned bytes.
    handle = upload.file
    handle.seek(0)
    handle.write(cleaned)
    handle.truncate()
    handle.flush()
    handle.seek(0)
    upload.size = len(cleaned)
    return True


def _file_is_new(field_file, previous_name):
    if not getattr(field_file, "_committed", True):
        return True
    return previous_name != field_file.name


def clean_file_field(model_instance, field_name, previous_name=None, dry_run=False):
    """Clean a model's image file when it is new or replaced; return whether it changed.

    An uncommitted file (about to be written by this save) is replaced in memory; a file
    already written under a new name (Wagtail's multiple uploader writes it before saving the
    model) is rewritten in storage and its first copy deleted. With no `previous_name`, a
    stored file counts as new (the strip_image_metadata command cleans old originals so).
    """
    field_file = getattr(model_instance, field_name)
    if not field_file or not _file_is_new(field_file, previous_name):
        return False
    committed = getattr(field_file, "_committed", True)
    if committed:
        with field_file.storage.open(field_file.name, "rb") as handle:
            data = handle.read()
    else:
        field_file.seek(0)
        data = field_file.read()
        field_file.seek(0)
    cleaned = clean_image_bytes(data)
    if cleaned == data or dry_run:
        return cleaned != data
    name = os.path.basename(field_file.name)
    if committed:
        old_name, storage = field_file.name, field_file.storage
        field_file.save(name, ContentFile(cleaned), save=False)
        storage.delete(old_name)
    else:
        setattr(model_instance, field_name, ContentFile(cleaned, name=name))
    return True


def auto_orient_without_metadata(willow_image):
    """Willow's auto_orient, keeping only the picture's ICC profile and animation timing."""
    from willow.plugins.pillow import PillowImage

    picture = ImageOps.exif_transpose(willow_image.image)
    picture.info = {key: value for key, value in picture.info.items() if key in KEEP_INFO}
    return PillowImage(picture)


def register_metadata_free_renditions():
    from willow.plugins.pillow import PillowImage
    from willow.registry import registry

    # As in avif.py: Willow dispatches through its registry, and a PillowImage also calls its
    # own method directly.
    registry.register_operation(PillowImage, "auto_orient", auto_orient_without_metadata)
    PillowImage.auto_orient = auto_orient_without_metadata
