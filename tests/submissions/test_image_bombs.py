"""Decompression bombs and damaged pictures attached to the share-your-story form.

Posted as a visitor would, each real hostile file gets the same refusal as every other bad
file on this form (400 with the message beside the files field, never a 500), the story typed
is still on screen, and nothing is stored: no submission row, no file row, no file on disk.
"""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from submissions.models import StorySubmission, SubmissionFile
from tests import image_samples as samples

from .test_form import assert_nothing_stored, stored_files

pytestmark = pytest.mark.django_db

HOSTILE = {
    "holiday.png": (samples.png_bomb_30000, "more than the 50 megapixels we can accept"),
    "wide.png": (
        lambda: samples.png_claiming(2147483647, 1),
        "more than the 50 megapixels we can accept",
    ),
    "square.webp": (
        lambda: samples.webp_claiming(16383, 16383),
        "more than the 50 megapixels we can accept",
    ),
    "huge.jpg": (
        lambda: samples.jpeg_claiming(65000, 65000),
        "more than the 50 megapixels we can accept",
    ),
    "cut.jpg": (lambda: samples.truncated("JPEG"), "could not be read"),
    "cut.webp": (lambda: samples.truncated("WEBP"), "could not be read"),
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_a_hostile_picture_is_refused_beside_the_field(client, share_page, form_data, name):
    make, message = HOSTILE[name]
    before = stored_files()
    form_data["files"] = [SimpleUploadedFile(name, make(), "image/png")]
    response = client.post(share_page.url, form_data)

    assert response.status_code == 400  # the form's answer to every refused post
    assert message in " ".join(response.context["form"].errors["files"])
    html = response.content.decode()
    assert f"“{name}”" in html and message in html
    # The field's error sits with the field, and the summary links to it.
    assert 'href="#id_files"' in html
    # What the visitor typed is still there.
    assert 'value="Ama Owusu"' in html
    assert "Nobody told us what came of it." in html
    assert 'value="The study that forgot us"' in html
    assert_nothing_stored(before)
    assert not StorySubmission.objects.exists() and not SubmissionFile.objects.exists()


def test_a_bomb_beside_a_good_file_stores_neither(client, share_page, form_data):
    form_data["files"] = [
        SimpleUploadedFile("me.png", samples.real_image("PNG"), "image/png"),
        SimpleUploadedFile("bomb.png", samples.png_bomb_30000(), "image/png"),
    ]
    response = client.post(share_page.url, form_data)
    assert response.status_code == 400
    assert "“bomb.png” is 30,000 × 30,000 pixels" in response.content.decode()
    assert_nothing_stored()


def test_a_large_real_photo_under_the_limit_is_accepted_and_kept_as_sent(
    client, share_page, form_data
):
    photo = samples.gps_jpeg(size=(1200, 800))
    form_data["files"] = [SimpleUploadedFile("me.jpg", photo, "image/jpeg")]
    assert client.post(share_page.url, form_data).status_code == 302
    stored = SubmissionFile.objects.get()
    # Files sent with a story stay untouched in private storage, metadata and all.
    with stored.file.open("rb") as handle:
        assert handle.read() == photo
