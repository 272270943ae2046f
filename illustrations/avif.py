"""AVIF and WebP encoders for renditions: faster AVIF, and settings per kind of image.

Willow encodes AVIF at libavif's default speed (6), which took about 2 s for a 1,600 px
illustration here; speed 8 took about 0.4 s for a file still smaller than the WebP. The speed is
a setting (WAGTAILIMAGES_AVIF_SPEED, 0 slowest and smallest to 10 fastest) so a deployment with a
real worker queue can trade encoding time for bytes.

Quality and chroma subsampling come from illustrations/encoding.py, by kind of image (flat
illustration or photograph), in place of the single WAGTAILIMAGES_AVIF/WEBP_QUALITY.
"""

from django.conf import settings
from willow.plugins.pillow import PillowImage
from willow.registry import registry

from .encoding import encoder_options

DEFAULT_AVIF_SPEED = 8


def save_as_avif(image, f, quality=80, lossless=False, apply_optimizers=True):
    """Willow's PillowImage.save_as_avif with an encoder speed; otherwise the same."""
    from willow.image import AvifImageFile

    speed = getattr(settings, "WAGTAILIMAGES_AVIF_SPEED", DEFAULT_AVIF_SPEED)
    kwargs = {"speed": speed, **encoder_options(image.image, "avif")}
    if lossless:
        kwargs.update(quality=100, subsampling="4:4:4")
    pillow_image = image.image
    icc_profile = image.get_icc_profile()
    if icc_profile is not None:
        if pillow_image.mode == "CMYK":
            srgb = image.transform_colorspace_to_srgb()
            pillow_image = srgb.image
            kwargs["icc_profile"] = srgb.get_icc_profile()
        else:
            kwargs["icc_profile"] = icc_profile
    pillow_image.save(f, "AVIF", **kwargs)
    if not lossless and apply_optimizers:
        image.optimize(f, "heic")
    return AvifImageFile(f)


_willow_save_as_webp = PillowImage.save_as_webp


def save_as_webp(image, f, quality=80, lossless=False, apply_optimizers=True):
    """Willow's own WebP encoder, at the quality for this kind of image."""
    if not lossless:
        quality = encoder_options(image.image, "webp")["quality"]
    return _willow_save_as_webp(image, f, quality, lossless, apply_optimizers)


def register_fast_avif():
    # Willow dispatches through its registry, but a PillowImage also calls its own method
    # directly: replace both.
    registry.register_operation(PillowImage, "save_as_avif", save_as_avif)
    PillowImage.save_as_avif = save_as_avif
    registry.register_operation(PillowImage, "save_as_webp", save_as_webp)
    PillowImage.save_as_webp = save_as_webp
