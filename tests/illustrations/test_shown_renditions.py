"""Renditions read as plain values for display (illustrations/shown_renditions.py) show the same
files as Wagtail's own, and never put anything but whole renditions in Wagtail's cache."""

import pickle

import pytest
from wagtail.images.models import Filter

from illustrations.models import Illustration
from illustrations.renditions import prefetch_renditions_for
from illustrations.shown_renditions import ShownRendition
from tests import factories

pytestmark = pytest.mark.django_db


def test_a_shown_rendition_prints_what_the_rendition_would():
    image = factories.IllustrationFactory()
    real = image.get_rendition("width-160")
    [loaded] = prefetch_renditions_for([Illustration.objects.get(pk=image.pk)], "card")
    assert loaded.prefetched_renditions == [] or all(
        isinstance(r, ShownRendition) for r in loaded.prefetched_renditions
    )
    loaded.prefetched_renditions = [
        ShownRendition(real.id, image.pk, "width-160", real.focal_point_key, real.file.name, 160, 1)
    ]
    shown = loaded.get_renditions(Filter("width-160"))["width-160"]
    assert isinstance(shown, ShownRendition)
    assert shown.url == real.url
    # get_rendition() writes what it found to Wagtail's cache: as a whole rendition.
    back = pickle.loads(pickle.dumps(loaded.get_rendition("width-160")))
    assert type(back) is type(real)
    assert (back.pk, back.file.name, back.url) == (real.pk, real.file.name, real.url)
