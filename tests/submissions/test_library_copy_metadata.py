"""A visitor's photo stays exactly as sent in private storage; the copy an editor adds to the
image library is stripped of location and device metadata like every upload."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image
from wagtail.images import get_image_model

from submissions.models import SubmissionFile
from submissions.services import change_status
from tests import image_samples as samples

pytestmark = pytest.mark.django_db


def test_the_library_copy_is_clean_and_the_private_file_untouched(
    client, share_page, form_data, editor
):
    photo = samples.gps_jpeg()
    form_data["files"] = [SimpleUploadedFile("me.jpg", photo, "image/jpeg")]
    assert client.post(share_page.url, form_data).status_code == 302
    stored = SubmissionFile.objects.get()
    change_status(stored.submission, "in-review", editor)
    change_status(stored.submission, "accepted", editor)

    client.force_login(editor)
    response = client.post(reverse("submissions_add_file_to_library", args=[stored.pk]))
    image = get_image_model().objects.get()
    assert response["Location"] == reverse("wagtailimages:edit", args=[image.pk])

    with image.file.open("rb") as handle:
        library_copy = handle.read()
    assert samples.private_metadata_in(library_copy) == []
    assert samples.orientation_in(library_copy) == 1
    with Image.open(io.BytesIO(library_copy)) as picture:
        assert picture.size == (40, 80)
        assert picture.info["icc_profile"] == samples.srgb_profile()
    assert (image.width, image.height) == (40, 80)

    with stored.file.open("rb") as handle:
        assert handle.read() == photo  # the sender's file, metadata and all, stays private
