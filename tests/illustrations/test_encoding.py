"""Renditions are encoded with the settings for their kind of image (illustrations/encoding.py):
flat-colour artwork keeps full colour resolution in AVIF (4:4:4), photographs are left at 4:2:0."""

import io
import random
from unittest import mock

import pytest
from django.core.files.base import ContentFile
from PIL import Image as PILImage
from PIL import ImageDraw

from illustrations.encoding import ENCODING, encoder_options, image_kind
from tests.factories import IllustrationFactory


def flat_picture():
    picture = PILImage.new("RGB", (240, 150), "#f4ecdf")
    draw = ImageDraw.Draw(picture)
    for x in range(10, 240, 20):
        for y in range(10, 150, 20):
            draw.ellipse((x - 6, y - 6, x + 6, y + 6), fill="#1f6f78")
    return picture


def photo_like_picture():
    # Smooth light plus grain: every pixel a slightly different colour, as in a photograph.
    rng = random.Random(4)
    picture = PILImage.new("RGB", (240, 150))
    picture.putdata(
        [
            (min(255, x + rng.randrange(12)), min(255, y + rng.randrange(12)), rng.randrange(90))
            for y in range(150)
            for x in range(240)
        ]
    )
    return picture


def test_kinds_are_read_from_the_pixels():
    assert image_kind(flat_picture()) == "flat"
    assert image_kind(photo_like_picture()) == "photo"


def test_each_kind_has_its_own_settings():
    assert encoder_options(flat_picture(), "avif") == ENCODING["flat"]["avif"]
    assert encoder_options(photo_like_picture(), "avif") == ENCODING["photo"]["avif"]
    assert ENCODING["flat"]["avif"]["subsampling"] == "4:4:4"


@pytest.mark.django_db
@pytest.mark.parametrize(
    "make, subsampling", [(flat_picture, "4:4:4"), (photo_like_picture, "4:2:0")]
)
def test_avif_renditions_are_encoded_for_their_kind(make, subsampling):
    buffer = io.BytesIO()
    make().save(buffer, "PNG")
    image = IllustrationFactory(file=ContentFile(buffer.getvalue(), name="art.png"))
    original_save = PILImage.Image.save
    calls = []

    def spy(self, fp, format=None, **params):
        if format == "AVIF":
            calls.append(params)
        return original_save(self, fp, format, **params)

    with mock.patch.object(PILImage.Image, "save", spy):
        image.get_rendition("width-120|format-avif")
    assert calls and calls[0]["subsampling"] == subsampling
