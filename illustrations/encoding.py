"""Encoder settings per kind of image, chosen from a measured quality floor.

Flat-colour illustrations (most of the site's artwork) and photographs compress differently:
AVIF's default 4:2:0 chroma subsampling halves colour resolution, which leaves blotches around
small coloured dots on a flat ground; photographs hide it. benchmarks/image_quality.py scores
each setting with SSIMULACRA 2 against the source resized to the same width, and the settings
below are the smallest files whose worst score over the sample images reaches the floor
(benchmarks/RESULTS.md, "Picture quality"). WAGTAILIMAGES_ENCODING in settings may replace them.

The kind is read from the pixels, so editors choose nothing: sampled on a 96 x 96 grid (nearest
pixel, so no colours are blended), flat artwork has most of its pixels in a handful of colours;
a photograph spreads them over thousands.
"""

from django.conf import settings

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

# Share of a thumbnail's pixels in its 16 commonest colours above which an image is flat art.
FLAT_SHARE = 0.8


def image_kind(pillow_image):
    """ "flat" for flat-colour artwork, "photo" for everything else."""
    from PIL import Image

    thumb = pillow_image.convert("RGB").resize((96, 96), Image.Resampling.NEAREST)
    total = thumb.width * thumb.height
    colours = thumb.getcolors(maxcolors=total) or []
    commonest = sorted((count for count, _colour in colours), reverse=True)[:16]
    return "flat" if sum(commonest) >= FLAT_SHARE * total else "photo"


def encoder_options(pillow_image, image_format):
    """The options for `image_format` ("avif" or "webp") suited to this image's kind."""
    table = getattr(settings, "WAGTAILIMAGES_ENCODING", None) or ENCODING
    return dict(table[image_kind(pillow_image)][image_format])
