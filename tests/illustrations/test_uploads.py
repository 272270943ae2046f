"""The upload and edit forms: alt text or decorative, credit and licence are required; the file's
content decides its type; oversized files, pixel bombs, disguised text and SVG are refused."""

import io
import os
import struct
import zlib

import pytest
from django.conf import settings
from django.urls import reverse
from PIL import Image as PILImage
from wagtail.models import Collection, UploadedFile

from illustrations.models import Illustration
from tests import factories

from .conftest import image_bytes, upload


def form_data(**overrides):
    data = {
        "title": "Three figures",
        "collection": Collection.get_first_root_node().pk,
        "description": "Three figures stand apart from a crowd drawn in one colour.",
        "is_decorative": "",
        "illustrator": "",
        "illustrator_name": "Ama Mensah",
        "copyright_holder": "",
        "licence": "commissioned",
        "source_url": "",
        "default_caption": "",
        "commission": "",
        "tags": "",
    }
    data.update(overrides)
    return data


def post_image(client, name="art.png", content=None, **overrides):
    data = form_data(**overrides)
    data["file"] = upload(name, content if content is not None else image_bytes())
    return client.post(reverse("wagtailimages:add"), data)


def errors_of(response):
    return response.context["form"].errors


@pytest.fixture
def admin_client(client, superuser):
    client.force_login(superuser)
    return client


@pytest.mark.django_db
class TestRequiredMetadata:
    def test_a_complete_upload_is_saved(self, admin_client):
        response = post_image(admin_client)
        assert response.status_code == 302
        image = Illustration.objects.get()
        assert image.is_complete
        assert image.uploaded_by_user.username == "admin"

    def test_missing_alt_text_is_refused_and_the_rest_is_kept(self, admin_client):
        response = post_image(admin_client, description="")
        assert response.status_code == 200
        assert "Write alt text" in errors_of(response)["description"][0]
        # What was typed is still in the form.
        assert 'value="Ama Mensah"' in response.content.decode()
        assert not Illustration.objects.exists()

    def test_decorative_needs_no_alt_text_and_renders_empty_alt(self, admin_client):
        response = post_image(admin_client, description="", is_decorative="on")
        assert response.status_code == 302
        image = Illustration.objects.get()
        assert image.is_decorative and image.default_alt_text == ""

    def test_missing_credit_is_refused(self, admin_client):
        response = post_image(admin_client, illustrator_name="")
        assert response.status_code == 200
        assert "Credit the artwork" in errors_of(response)["illustrator_name"][0]

    def test_a_copyright_holder_or_contributor_page_is_credit_enough(self, admin_client, site_tree):
        assert (
            post_image(admin_client, illustrator_name="", copyright_holder="Wellcome").status_code
            == 302
        )
        # The Illustrator field offers contributor pages with the Illustrator role.
        page = factories.ContributorPageFactory(
            parent=site_tree["contributors"], roles=["illustrator"]
        )
        assert post_image(admin_client, illustrator_name="", illustrator=page.pk).status_code == 302

    def test_missing_licence_is_refused(self, admin_client):
        response = post_image(admin_client, licence="")
        assert response.status_code == 200
        assert errors_of(response)["licence"] == [
            "Choose the licence under which we may show this image."
        ]

    def test_alt_text_never_falls_back_to_the_title(self):
        image = Illustration(title="IMG_2041.jpg", description="")
        assert image.default_alt_text == ""

    def test_the_edit_form_applies_the_same_rules(self, admin_client):
        image = factories.IllustrationFactory()
        data = form_data(description="", title=image.title)
        response = admin_client.post(reverse("wagtailimages:edit", args=[image.pk]), data)
        assert response.status_code == 200
        assert "description" in errors_of(response)
        image.refresh_from_db()
        assert image.description


@pytest.mark.django_db
class TestMultipleUpload:
    """Wagtail's multiple uploader validates the file first; with the metadata missing it keeps
    the upload aside and only creates the image when its form is completed."""

    def test_a_bare_upload_does_not_create_an_incomplete_image(self, admin_client):
        response = admin_client.post(
            reverse("wagtailimages:add_multiple"),
            {"files[]": upload("scan_0042.png", image_bytes()), "title": "scan_0042.png"},
        )
        data = response.json()
        assert data["success"] is True
        assert "uploaded_file_id" in data
        assert not Illustration.objects.exists()
        assert "Alt text" in data["form"]

        upload_id = data["uploaded_file_id"]
        url = reverse("wagtailimages:create_multiple_from_uploaded_image", args=[upload_id])
        prefix = f"uploaded-image-{upload_id}"
        incomplete = {f"{prefix}-{key}": value for key, value in form_data(description="").items()}
        refused = admin_client.post(url, incomplete).json()
        assert refused["success"] is False
        assert "Write alt text" in refused["form"]
        assert not Illustration.objects.exists()

        complete = {f"{prefix}-{key}": value for key, value in form_data().items()}
        created = admin_client.post(url, complete).json()
        assert created["success"] is True
        image = Illustration.objects.get(pk=created["image_id"])
        assert image.is_complete
        assert not UploadedFile.objects.exists()

    def test_a_disguised_text_file_is_refused_outright(self, admin_client):
        response = admin_client.post(
            reverse("wagtailimages:add_multiple"),
            {"files[]": upload("notes.png", b"just some text, honestly\n" * 20)},
        )
        data = response.json()
        assert data["success"] is False
        assert "not an image we can read" in data["error_message"]
        assert not UploadedFile.objects.exists()


def png_header_only(width, height):
    """A PNG that claims to be width x height: a decompression bomb in a few dozen bytes."""

    def chunk(kind, payload):
        body = kind + payload
        return struct.pack(">I", len(payload)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\x00" * 16))
        + chunk(b"IEND", b"")
    )


@pytest.mark.django_db
class TestUploadSafety:
    def test_limits_are_set_deliberately(self):
        assert settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE == 30 * 1024 * 1024
        assert settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS == 50_000_000
        assert "svg" not in settings.WAGTAILIMAGES_EXTENSIONS

    def test_oversized_file_is_refused(self, admin_client, settings):
        settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE = 5_000
        noise = PILImage.frombytes("RGB", (60, 60), os.urandom(60 * 60 * 3))
        buffer = io.BytesIO()
        noise.save(buffer, "PNG")  # noise does not compress: about 11 kB
        assert buffer.tell() > 5_000
        response = post_image(admin_client, content=buffer.getvalue())
        assert response.status_code == 200
        assert "too big" in errors_of(response)["file"][0]
        assert not Illustration.objects.exists()

    def test_pixel_bomb_is_refused(self, admin_client):
        response = post_image(admin_client, content=png_header_only(40_000, 40_000))
        assert response.status_code == 200
        assert (
            "40,000 × 40,000 pixels, more than the 50 megapixels" in errors_of(response)["file"][0]
        )
        assert not Illustration.objects.exists()

    def test_large_but_sane_dimensions_over_the_pixel_limit(self, admin_client):
        response = post_image(admin_client, content=png_header_only(8_000, 8_000))  # 64 MP
        assert response.status_code == 200
        assert "more than the 50 megapixels we can accept" in errors_of(response)["file"][0]

    def test_text_file_renamed_png_is_refused(self, admin_client):
        response = post_image(admin_client, content=b"<html>not a picture</html>" * 10)
        assert response.status_code == 200
        assert "not an image we can read" in errors_of(response)["file"][0]

    def test_svg_with_script_is_refused(self, admin_client):
        svg = (
            b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
            b"<script>alert(1)</script><rect width='10' height='10'/></svg>"
        )
        for name in ("drawing.svg", "drawing.png"):
            response = post_image(admin_client, name=name, content=svg)
            assert response.status_code == 200
            message = errors_of(response)["file"][0]
            assert (
                "SVG" in message or "not an image we can read" in message or "supported" in message
            )
        assert not Illustration.objects.exists()

    def test_png_named_jpg_is_accepted_and_stored_as_png(self, admin_client):
        response = post_image(admin_client, name="portrait.jpg", content=image_bytes())
        assert response.status_code == 302
        image = Illustration.objects.get()
        assert image.file.name.endswith(".png")
        assert image.get_rendition("width-8").file.name.endswith(".png")

    def test_jpeg_webp_avif_and_gif_are_accepted(self, admin_client):
        for name, image_format in (
            ("a.jpg", "JPEG"),
            ("b.webp", "WEBP"),
            ("c.avif", "AVIF"),
            ("d.gif", "GIF"),
        ):
            response = post_image(
                admin_client, name=name, content=image_bytes(image_format=image_format), title=name
            )
            assert response.status_code == 302, name
        assert Illustration.objects.count() == 4


@pytest.mark.django_db
def test_incomplete_images_are_flagged_in_the_library(client, superuser, incomplete_image):
    complete = factories.IllustrationFactory(title="All good")
    client.force_login(superuser)
    listing = client.get(reverse("wagtailimages:index")).content.decode()
    assert listing.count("Incomplete: needs") == 1
    edit = client.get(reverse("wagtailimages:edit", args=[incomplete_image.pk])).content.decode()
    assert "cannot appear on a published page until it has alt text" in edit
    edit = client.get(reverse("wagtailimages:edit", args=[complete.pk])).content.decode()
    assert "cannot appear on a published page" not in edit
