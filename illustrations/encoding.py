"""Encoder settings per kind of image, chosen from a measured quality floor.

Flat-colour illustrations (most of the site's artwork) and photographs compress differently:
AVIF's default 4:2:0 chroma subsampling halves colour resolution, which leaves blotches around
small coloured dots on a flat ground; photographs hide it. benchmarks/image_quality.py scores
each setting with SSIMULACRA 2 against the source resized to the same width, and the settings
below are the smallest files whose worst score over the sample images reaches the floor
(benchmarks/RESULTS.md, "Picture quality"). WAGTAILIMAGES_ENCODING in settings may replace them.

The kind is read from the pixels of the original, so editors choose nothing: in flat artwork
most pixels are exactly the colour of their neighbour; in a photograph grain and light make
almost none the same. The original is read (once per file) when a rendition is made
(Illustration.generate_rendition_file), since a small rendition's resampled edges blur the
difference; an image encoded outside that is judged by its own pixels.
"""

from contextlib import contextmanager
from contextvars import ContextVar

from django.conf import settings

# The kind of the original whose rendition is being made (see rendering_from).
SOURCE_KIND = ContextVar("source_kind", default=None)

QUALITY_FLOOR = 80  # SSIMULACRA 2: "high quality" on its author's scale

ENCODING = {
    "flat": {
        "avif": {"quality": 60, "subsampling": "4:4:4"},
        "webp": {"quality": 90},
    },
    "photo": {
        "avif": {"quality": 75, "subsampling": "4:2:0"},
        "webp": {"quality": 90},
    },
}

# Share of side-by-side pixel pairs of exactly one colour above which an image is flat art.
FLAT_SHARE = 0.5


def image_kind(pillow_image):
    """ "flat" for flat-colour artwork, "photo" for everything else."""
    from PIL import Image, ImageChops

    sample = pillow_image.convert("RGB")
    if sample.width > 256:
        size = (256, max(1, round(sample.height * 256 / sample.width)))
        sample = sample.resize(size, Image.Resampling.NEAREST)
    width, height = sample.size
    if width < 2:
        return "photo"
    left, right = sample.crop((0, 0, width - 1, height)), sample.crop((1, 0, width, height))
    same = ImageChops.difference(left, right).convert("L").histogram()[0]
    return "flat" if same >= FLAT_SHARE * (width - 1) * height else "photo"


# (file name, file hash) -> kind, for the originals this process has read.
_KINDS = {}


def kind_of(image):
    """The kind of an Illustration's original file, read once per file (by name and hash)."""
    from PIL import Image

    key = (image.file.name, image.file_hash)
    if key not in _KINDS:
        try:
            with image.open_file() as handle, Image.open(handle) as picture:
                picture.draft("RGB", (512, 512))  # JPEGs decode at a fraction of their size
                kind = image_kind(picture)
        except (OSError, ValueError):
            return None
        if len(_KINDS) > 1000:
            _KINDS.clear()
        _KINDS[key] = kind
    return _KINDS[key]


@contextmanager
def rendering_from(image):
    """While making a rendition of `image`, encode for the kind of its original."""
    token = SOURCE_KIND.set(kind_of(image))
    try:
        yield
    finally:
        SOURCE_KIND.reset(token)


def encoder_options(pillow_image, image_format):
    """The options for `image_format` ("avif" or "webp") suited to this image's kind."""
    table = getattr(settings, "WAGTAILIMAGES_ENCODING", None) or ENCODING
    kind = SOURCE_KIND.get() or image_kind(pillow_image)
    return dict(table[kind][image_format])
