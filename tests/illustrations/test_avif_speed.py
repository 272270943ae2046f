"""AVIF renditions are encoded at the configured encoder speed."""

from unittest import mock

import pytest
from PIL import Image as PILImage

from tests.factories import IllustrationFactory


@pytest.mark.django_db
def test_avif_rendition_uses_the_configured_speed(settings):
    settings.WAGTAILIMAGES_AVIF_SPEED = 9
    image = IllustrationFactory()
    original_save = PILImage.Image.save
    calls = []

    def spy(self, fp, format=None, **params):
        if format == "AVIF":
            calls.append(params)
        return original_save(self, fp, format, **params)

    with mock.patch.object(PILImage.Image, "save", spy):
        rendition = image.get_rendition("width-8|format-avif")
    assert rendition.file.name.endswith(".avif")
    assert calls and calls[0]["speed"] == 9
