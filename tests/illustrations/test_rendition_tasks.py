"""The rendition task: a new focal point's crops replace the old ones, and a second run of the
task changes nothing (it is safe to run twice)."""

import pytest
from django.core.files.base import ContentFile

from illustrations.renditions import all_site_specs
from illustrations.tasks import generate_site_renditions_task
from tests import factories
from tests.illustrations.conftest import image_bytes

pytestmark = pytest.mark.django_db


@pytest.fixture
def artwork(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        return factories.IllustrationFactory(
            file=ContentFile(image_bytes(600, 400), name="focal.png"),
        )


def site_renditions(image):
    return set(image.renditions.values_list("filter_spec", "focal_point_key"))


def test_a_new_focal_point_leaves_no_obsolete_crops(artwork, django_capture_on_commit_callbacks):
    made = site_renditions(artwork)
    assert len(made) == len(all_site_specs(artwork))
    for x in (100, 300, 500):  # three focal-point saves, as an editor nudging it
        artwork.focal_point_x, artwork.focal_point_y = x, 200
        artwork.focal_point_width = artwork.focal_point_height = 50
        with django_capture_on_commit_callbacks(execute=True):
            artwork.save()
    # As many renditions as the site shows, each cut around the current focal point (on the
    # old code: 1,108 -> 1,158 over three saves in the demo library, here 3 x the crops).
    assert artwork.renditions.count() == len(all_site_specs(artwork))
    crops = artwork.renditions.filter(filter_spec__startswith="fill-")
    assert crops.exists()
    assert set(crops.values_list("focal_point_key", flat=True)) == {crops.first().focal_point_key}
    assert not site_renditions(artwork) & {(s, k) for s, k in made if s.startswith("fill-")}


def test_running_the_task_twice_changes_nothing(artwork):
    before = set(artwork.renditions.values_list("pk", "file"))
    assert generate_site_renditions_task.call(artwork.pk) == len(all_site_specs(artwork))
    assert generate_site_renditions_task.call(artwork.pk) == len(all_site_specs(artwork))
    assert set(artwork.renditions.values_list("pk", "file")) == before


def test_an_image_deleted_before_the_worker_runs_is_skipped(artwork):
    pk = artwork.pk
    artwork.delete()
    assert generate_site_renditions_task.call(pk) == 0
