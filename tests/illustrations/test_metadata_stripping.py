"""No location or device metadata in a stored original or in any rendition, in any format.

Real revealing files (tests/image_samples.py: a phone JPEG with GPS, make, model, serial, maker
notes, orientation 6, an ICC profile, a comment and XMP location; a PNG with tEXt, zTXt, iTXt
and eXIf; a WebP and an AVIF with EXIF and XMP) are uploaded through the admin as an editor
would, then the stored original and every rendition the site makes (every variant, width and
format, the crops and the 1200x630 social card) are read back with Pillow and as raw bytes.
"""

import io
import struct

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from PIL import Image
from wagtail.models import Collection, UploadedFile

from collection.models import StoryMedia
from illustrations.clean_images import clean_image_bytes
from illustrations.metadata_strip import strip_gif, strip_jpeg
from illustrations.models import Illustration
from illustrations.renditions import SOCIAL_SPEC, all_site_specs, generate_site_renditions
from tests import factories
from tests import image_samples as samples

from .test_uploads import form_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, superuser):
    client.force_login(superuser)
    return client


def upload(client, name, content, content_type="image/jpeg"):
    data = form_data(title=name)
    data["file"] = SimpleUploadedFile(name, content, content_type=content_type)
    response = client.post(reverse("wagtailimages:add"), data)
    assert response.status_code == 302, response.context["form"].errors
    return Illustration.objects.get(title=name)


def stored_bytes(field_file):
    with field_file.storage.open(field_file.name, "rb") as handle:
        return handle.read()


def icc_of(data):
    with Image.open(io.BytesIO(data)) as image:
        return image.info.get("icc_profile")


def assert_clean(data, *, icc=True, label=""):
    assert samples.private_metadata_in(data) == [], label
    assert samples.orientation_in(data) == 1, label
    if icc:
        assert icc_of(data) == samples.srgb_profile(), f"ICC profile lost: {label}"


def assert_every_rendition_clean(image, icc=True):
    specs = generate_site_renditions(image)
    renditions = {r.filter_spec: r for r in image.renditions.all()}
    assert set(specs) <= set(renditions)
    formats = set()
    for spec in specs:
        data = stored_bytes(renditions[spec].file)
        with Image.open(io.BytesIO(data)) as picture:
            formats.add(picture.format)
        assert_clean(data, icc=icc, label=spec)
    return formats, renditions


class TestPhoneJpeg:
    def test_single_upload_stores_a_clean_turned_original_and_clean_renditions(self, admin_client):
        photo = samples.gps_jpeg(size=(900, 600))
        assert samples.private_metadata_in(photo)  # the sample really does reveal
        image = upload(admin_client, "IMG_2041.jpg", photo)

        original = stored_bytes(image.file)
        assert image.file.name.startswith("original_images/")
        assert_clean(original)
        with Image.open(io.BytesIO(original)) as stored:
            assert stored.size == (600, 900)  # orientation 6 applied: the pixels turned
        assert (image.width, image.height) == (600, 900)
        assert samples.red_on_top(original)
        assert image.file_size == len(original)

        formats, renditions = assert_every_rendition_clean(image)
        assert formats == {"AVIF", "WEBP", "JPEG"}
        # The crops, the smallest portrait and the social card are among them.
        assert {"fill-384x256", "fill-160x160", SOCIAL_SPEC} <= set(renditions)
        social = renditions[SOCIAL_SPEC]
        assert abs(social.width / social.height - 1200 / 630) < 0.02
        widths = [spec for spec in renditions if spec.startswith("width-")]
        assert widths and samples.red_on_top(stored_bytes(renditions[widths[0]].file))

    def test_the_lossless_path_keeps_the_compressed_pixels_byte_for_byte(self):
        buffer = io.BytesIO()
        samples.picture((64, 48)).save(
            buffer,
            "JPEG",
            exif=samples.revealing_exif(orientation=1),
            comment=samples.COMMENT,
            xmp=samples.XMP,
        )
        photo = buffer.getvalue() + b"\xff\xd8 a second picture after the end \xff\xd9"
        cleaned = clean_image_bytes(photo)
        assert samples.private_metadata_in(cleaned) == []
        assert b"second picture" not in cleaned
        scan = photo[photo.index(b"\xff\xda") : photo.index(b"\xff\xd9") + 2]
        assert cleaned.endswith(scan)
        assert cleaned == strip_jpeg(photo)

    def test_multiple_upload_never_parks_the_revealing_file(self, admin_client):
        response = admin_client.post(
            reverse("wagtailimages:add_multiple"),
            {"files[]": SimpleUploadedFile("IMG_2042.jpg", samples.gps_jpeg(), "image/jpeg")},
        )
        data = response.json()
        assert data["success"] is True
        parked = UploadedFile.objects.get(pk=data["uploaded_file_id"])
        assert_clean(stored_bytes(parked.file))  # Wagtail parks it in public media storage

        url = reverse("wagtailimages:create_multiple_from_uploaded_image", args=[parked.pk])
        prefix = f"uploaded-image-{parked.pk}"
        details = {f"{prefix}-{key}": value for key, value in form_data().items()}
        created = admin_client.post(url, details).json()
        assert created["success"] is True
        image = Illustration.objects.get(pk=created["image_id"])
        original = stored_bytes(image.file)
        assert_clean(original)
        assert (image.width, image.height) == (40, 80)
        assert image.file_size == len(original)

    def test_an_upload_spooled_to_a_temporary_file_is_cleaned_too(self, admin_client, settings):
        # Large uploads reach the form as a file on disk that storage may move into place.
        settings.FILE_UPLOAD_MAX_MEMORY_SIZE = 1
        image = upload(admin_client, "IMG_2043.jpg", samples.gps_jpeg())
        original = stored_bytes(image.file)
        assert_clean(original)
        assert image.file_size == len(original)

    def test_replacing_the_file_of_an_image_cleans_the_new_one(self, admin_client):
        image = factories.IllustrationFactory(title="Portrait")
        data = form_data(title="Portrait")
        data["file"] = SimpleUploadedFile("new.jpg", samples.gps_jpeg(), "image/jpeg")
        response = admin_client.post(reverse("wagtailimages:edit", args=[image.pk]), data)
        assert response.status_code == 302
        image.refresh_from_db()
        assert_clean(stored_bytes(image.file))

    def test_an_image_made_in_code_is_cleaned_too(self):
        """The demo, an import, the submissions inbox: every path goes through the model."""
        image = factories.IllustrationFactory(
            file=ContentFile(samples.gps_jpeg(), name="import.jpg")
        )
        original = stored_bytes(image.file)
        assert_clean(original)
        assert (image.width, image.height) == (40, 80)
        image.refresh_from_db()
        assert image.file_size == len(original)

    def test_a_file_written_before_the_model_is_saved_is_rewritten(self):
        # Wagtail's multiple uploader writes the file itself, then saves the model.
        image = Illustration(title="Written first", **factories_metadata())
        image.file.save("written.jpg", ContentFile(samples.gps_jpeg()), save=False)
        first_name = image.file.name
        image.save()
        assert_clean(stored_bytes(image.file))
        assert not image.file.storage.exists(first_name) or image.file.name == first_name


def factories_metadata():
    return {
        "description": "A street at dusk.",
        "illustrator_name": "Ama Mensah",
        "licence": "commissioned",
        "collection": Collection.get_first_root_node(),
    }


class TestOtherFormats:
    def test_png_text_and_exif_chunks_go_and_the_profile_stays(self, admin_client):
        image = upload(admin_client, "scan.png", samples.revealing_png(), "image/png")
        original = stored_bytes(image.file)
        assert_clean(original)
        chunks = chunk_types(original)
        assert not {b"tEXt", b"zTXt", b"iTXt", b"eXIf"} & chunks
        assert b"iCCP" in chunks
        formats, _ = assert_every_rendition_clean(image)
        assert formats == {"AVIF", "WEBP", "PNG", "JPEG"}  # JPEG: the social card

    def test_webp_exif_and_xmp_go_and_the_profile_stays(self, admin_client):
        image = upload(admin_client, "art.webp", samples.revealing_webp(), "image/webp")
        original = stored_bytes(image.file)
        assert_clean(original)
        assert b"EXIF" not in original and b"XMP " not in original
        formats, _ = assert_every_rendition_clean(image)
        assert formats == {"AVIF", "WEBP", "PNG", "JPEG"}  # JPEG: the social card

    def test_avif_exif_and_xmp_go(self, admin_client):
        buffer = io.BytesIO()
        samples.picture((40, 30)).save(
            buffer,
            "AVIF",
            exif=samples.revealing_exif(orientation=1),
            xmp=samples.XMP,
            icc_profile=samples.srgb_profile(),
        )
        assert samples.private_metadata_in(buffer.getvalue())
        image = upload(admin_client, "art.avif", buffer.getvalue(), "image/avif")
        assert_clean(stored_bytes(image.file))

    def test_gif_comments_and_xmp_go(self):
        buffer = io.BytesIO()
        samples.picture((20, 10)).convert("P").save(buffer, "GIF", comment=samples.COMMENT)
        gif = buffer.getvalue()
        xmp = b"\x21\xff\x0bXMP DataXMP" + bytes([len(samples.XMP[:200])]) + samples.XMP[:200]
        gif = gif[:-1] + xmp + b"\x00;"
        assert samples.COMMENT in gif
        cleaned = strip_gif(gif)
        assert samples.COMMENT not in cleaned and b"GPSLatitude" not in cleaned
        with Image.open(io.BytesIO(cleaned)) as picture:
            picture.load()
            assert picture.size == (20, 10)

    def test_a_media_poster_is_published_clean(self):
        media = StoryMedia(
            title="Night shift",
            type="audio",
            file=ContentFile(factories.mp3_bytes(0.5), name="episode.mp3"),
            thumbnail=ContentFile(samples.gps_jpeg(), name="poster.jpg"),
        )
        media.save()
        assert_clean(stored_bytes(media.thumbnail))


def chunk_types(png):
    kinds, i = set(), 8
    while i < len(png):
        length = struct.unpack(">I", png[i : i + 4])[0]
        kinds.add(png[i + 4 : i + 8])
        i += 12 + length
    return kinds


class TestImagesStoredBeforeThis:
    def test_make_site_renditions_never_copies_old_metadata(self):
        image = factories.IllustrationFactory(title="Old photo")
        # Put a revealing file under the image, as an upload from before this change left it.
        storage = image.file.storage
        storage.delete(image.file.name)
        storage.save(image.file.name, ContentFile(samples.gps_jpeg(size=(120, 60))))
        Illustration.objects.filter(pk=image.pk).update(width=120, height=60)
        image.refresh_from_db()
        assert samples.private_metadata_in(stored_bytes(image.file))

        call_command("make_site_renditions", "--now", str(image.pk))
        renditions = list(image.renditions.all())
        assert len(renditions) == len(all_site_specs(image))
        for rendition in renditions:
            data = stored_bytes(rendition.file)
            assert_clean(data, label=rendition.filter_spec)
        turned = image.renditions.filter(filter_spec__startswith="width-").first()
        assert turned.height > turned.width  # orientation applied in the rendition too

    def test_strip_image_metadata_cleans_old_originals_once(self):
        image = factories.IllustrationFactory(title="Old photo")
        storage = image.file.storage
        storage.delete(image.file.name)
        storage.save(image.file.name, ContentFile(samples.gps_jpeg()))
        Illustration.objects.filter(pk=image.pk).update(width=80, height=40)
        old_name = image.file.name
        untouched = factories.IllustrationFactory(title="Clean drawing")
        untouched_name = untouched.file.name

        out = io.StringIO()
        call_command("strip_image_metadata", "--dry-run", stdout=out)
        assert "Would clean 1 image;" in out.getvalue()
        assert samples.private_metadata_in(stored_bytes(image.file))

        call_command("strip_image_metadata", stdout=io.StringIO())
        image.refresh_from_db()
        original = stored_bytes(image.file)
        assert_clean(original)
        assert (image.width, image.height) == (40, 80)
        assert image.file_size == len(original)
        assert not storage.exists(old_name)
        untouched.refresh_from_db()
        assert untouched.file.name == untouched_name

        again = io.StringIO()
        call_command("strip_image_metadata", stdout=again)
        assert "Cleaned 0 images;" in again.getvalue()
