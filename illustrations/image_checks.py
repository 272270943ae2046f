"""The one check every place that accepts an image file runs before anything else opens it.

The share-your-story form, Wagtail's single and multiple image upload, media posters and podcast
artwork all call `read_image_header`. It reads the file's header (Pillow's `Image.open` without
`load()`, and for WebP the canvas size from the first 30 bytes, since Pillow's WebP decoder
allocates its canvas as soon as it is created), so a 100 KB file that claims 30,000 x 30,000
pixels is refused in milliseconds without a pixel being decoded or a byte allocated for them. A
truncated or damaged file is refused too, by checking its structure (chunk checksums, an end
marker), still without decoding. Every caller shows the same two messages beside its field.

`limit_pillow_for_this_process` (called when the app is ready) makes Pillow itself refuse
anything above the same pixel limit everywhere in the process, renditions included.
`read_image_header` does not depend on it: it compares the header with the limit itself.
"""

import io
import struct
import warnings
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from PIL import Image, UnidentifiedImageError

from .metadata_strip import strip_gif

# Used when WAGTAILIMAGES_MAX_IMAGE_PIXELS is unset or None.
DEFAULT_MAX_PIXELS = 50_000_000

TOO_MANY_PIXELS = (
    "{subject} is {size}, more than the {limit} megapixels we can accept. Please save a "
    "smaller version (for example {example} pixels) and choose that instead."
)
UNREADABLE = (
    "{subject} looks like an image but could not be read: it may be damaged or cut short. "
    "Please export it again and choose the new copy."
)
NOT_AN_IMAGE = "{subject} is not an image we can read."

BOMB_ERRORS = (Image.DecompressionBombError, Image.DecompressionBombWarning)


@dataclass(frozen=True)
class ImageHeader:
    """What the header says: Pillow's format name in lower case ("jpeg", "png", "webp"...)."""

    format: str
    width: int
    height: int
    frames: int = 1

    @property
    def pixels(self):
        return self.width * self.height * self.frames


def max_image_pixels():
    return getattr(settings, "WAGTAILIMAGES_MAX_IMAGE_PIXELS", None) or DEFAULT_MAX_PIXELS


def limit_pillow_for_this_process():
    """Make Pillow refuse, in every code path of this process, images over the upload limit.

    Pillow warns above MAX_IMAGE_PIXELS and raises DecompressionBombError above twice that.
    Turning the warning into an error with a warnings filter does not hold: any
    `warnings.catch_warnings()` (pytest wraps every test in one, libraries use them) puts the
    old filters back. So the error threshold itself is set to the upload limit, and the
    warning, which now fires only for pictures under that limit, is silenced. A rendition of an
    old upload or an import never decodes a bomb; legitimate artwork up to the limit opens.
    """
    Image.MAX_IMAGE_PIXELS = max_image_pixels() // 2
    warnings.filterwarnings("ignore", category=Image.DecompressionBombWarning)


def _subject(name, default="This image"):
    return f"“{name}”" if name else default


def too_many_pixels(name=None, header=None, limit=None):
    limit = limit or max_image_pixels()
    if header is not None:
        size = f"{header.width:,} × {header.height:,} pixels"
        if header.frames > 1:
            size += f" in {header.frames:,} frames"
    else:
        size = "far larger than it looks"
    side = int((limit * 3 / 4) ** 0.5)  # a 4:3 picture within the limit
    example = f"{side * 4 // 3 // 100 * 100:,} × {side // 100 * 100:,}"
    message = TOO_MANY_PIXELS.format(
        subject=_subject(name), size=size, limit=f"{limit / 1_000_000:g}", example=example
    )
    return ValidationError(message, code="too_many_pixels")


def unreadable(name=None):
    message = UNREADABLE.format(subject=_subject(name, "This file"))
    return ValidationError(message, code="unreadable_image")


def claimed_size(head):
    """(format, width, height) from the first bytes of a PNG, GIF, JPEG, WebP or AVIF, or None.

    Read before Pillow sees the file, so the message can say what the file claims and a WebP
    decoder never allocates a canvas for it.
    """
    if head[:8] == b"\x89PNG\r\n\x1a\n" and head[12:16] == b"IHDR" and len(head) >= 24:
        width, height = struct.unpack(">II", head[16:24])
        return "png", width, height
    if head[:6] in (b"GIF87a", b"GIF89a") and len(head) >= 10:
        width, height = struct.unpack("<HH", head[6:10])
        return "gif", width, height
    if head[4:8] == b"ftyp" and (at := head.find(b"ispe")) > 0 and len(head) >= at + 16:
        # AVIF/HEIF: the image spatial extents property of the (first) image item.
        width, height = struct.unpack(">II", head[at + 8 : at + 16])
        return "avif", width, height
    if head[:2] == b"\xff\xd8":
        size = jpeg_frame_size(head)
        return ("jpeg", *size) if size else None
    size = webp_canvas_size(head)
    return ("webp", *size) if size else None


# Start-of-frame markers (baseline, progressive, lossless, arithmetic): they carry the size.
JPEG_FRAME_MARKERS = {0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF}


def jpeg_frame_size(head):
    """(width, height) from a JPEG's frame header among its first bytes, or None."""
    i = 2
    while i + 9 <= len(head) and head[i] == 0xFF:
        marker = head[i + 1]
        length = struct.unpack(">H", head[i + 2 : i + 4])[0]
        if marker in JPEG_FRAME_MARKERS:
            height, width = struct.unpack(">HH", head[i + 5 : i + 9])
            return width, height
        if marker == 0xDA:
            return None
        i += 2 + length
    return None


def webp_canvas_size(head):
    """(width, height) from a WebP file's first 30 bytes, or None if they do not say."""
    if len(head) < 30 or head[:4] != b"RIFF" or head[8:12] != b"WEBP":
        return None
    chunk = head[12:16]
    if chunk == b"VP8X":
        return (
            int.from_bytes(head[24:27], "little") + 1,
            int.from_bytes(head[27:30], "little") + 1,
        )
    if chunk == b"VP8L" and head[20] == 0x2F:
        bits = int.from_bytes(head[21:25], "little")
        return (bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1
    if chunk == b"VP8 " and head[23:26] == b"\x9d\x01\x2a":
        return (
            int.from_bytes(head[26:28], "little") & 0x3FFF,
            int.from_bytes(head[28:30], "little") & 0x3FFF,
        )
    return None


def _check_structure(image_format, data):
    """Refuse a file cut short or damaged, without decoding its pixels."""
    if image_format == "png":
        # verify() walks every chunk and checks its CRC; the compressed pixels stay compressed.
        with Image.open(io.BytesIO(data)) as image:
            image.verify()
    elif image_format == "jpeg":
        scan = data.find(b"\xff\xda")
        if scan < 0 or data.find(b"\xff\xd9", scan) < 0:
            raise SyntaxError("JPEG without a scan or an end marker")
    elif image_format == "gif":
        strip_gif(data)  # walks every block to the trailer, raising if one is cut short
    elif image_format == "webp":
        declared = struct.unpack("<I", data[4:8])[0] + 8
        if len(data) < declared:
            raise SyntaxError("WebP shorter than its RIFF header says")


def read_image_header(file, *, name=None, limit=None):
    """Check an image file without decoding it; return its ImageHeader.

    Raises ValidationError with code "too_many_pixels", "unreadable_image" or "not_an_image"
    (the message names the file when `name` is given). The file is left at its start.
    """
    limit = limit or max_image_pixels()
    try:
        file.seek(0)
        data = file.read()
    finally:
        file.seek(0)
    if isinstance(data, str):
        data = data.encode()

    claimed = claimed_size(data[:65536])
    if claimed and claimed[1] * claimed[2] > limit:
        raise too_many_pixels(name, ImageHeader(*claimed), limit)

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as image:
                width, height = image.size
                image_format = (image.format or "").lower()
                frames = getattr(image, "n_frames", 1) or 1
    except BOMB_ERRORS as error:
        raise too_many_pixels(name, limit=limit) from error
    except UnidentifiedImageError as error:
        raise ValidationError(
            NOT_AN_IMAGE.format(subject=_subject(name, "This file")), code="not_an_image"
        ) from error
    except Exception as error:  # noqa: BLE001 - any decoder complaint means a damaged file
        raise unreadable(name) from error

    header = ImageHeader(image_format, width, height, frames)
    if width <= 0 or height <= 0:
        raise unreadable(name)
    if header.pixels > limit:
        raise too_many_pixels(name, header, limit)
    try:
        _check_structure(image_format, data)
    except BOMB_ERRORS as error:
        raise too_many_pixels(name, header, limit) from error
    except Exception as error:  # noqa: BLE001
        raise unreadable(name) from error
    return header
