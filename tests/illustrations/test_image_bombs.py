"""Decompression bombs and damaged images, at every place the admin opens an image.

Each hostile file is real (built byte by byte in tests/image_samples.py) and posted through
Django's test client as an editor would: the single and multiple image upload, a media item's
poster, the podcast channel's artwork. Each time: no 500, the same message beside the field,
what was typed still in the form, nothing stored. The shared check itself is shown not to
decode pixels (no decoder runs, and it allocates next to nothing for a 900-megapixel bomb).
"""

import io
import tracemalloc
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image, ImageFile, WebPImagePlugin
from wagtail.models import Collection, Site, UploadedFile
from wagtail.test.utils.form_data import rich_text

from collection.models import PodcastChannelSettings, StoryMedia
from illustrations.image_checks import read_image_header
from illustrations.models import Illustration
from tests import factories
from tests import image_samples as samples

from .test_uploads import form_data

pytestmark = pytest.mark.django_db

BOMBS = {
    "png-30000x30000.png": samples.png_bomb_30000,
    "png-2147483647x1.png": lambda: samples.png_claiming(2147483647, 1),
    "webp-16383x16383.webp": lambda: samples.webp_claiming(16383, 16383),
    "gif-65535x65535.gif": lambda: samples.gif_claiming(65535, 65535),
    "jpeg-65000x65000.jpg": lambda: samples.jpeg_claiming(65000, 65000),
    "avif-30000x30000.avif": lambda: samples.avif_claiming(30000, 30000),
}
DAMAGED = {
    "cut.png": lambda: samples.truncated("PNG"),
    "cut.jpg": lambda: samples.truncated("JPEG"),
    "cut.webp": lambda: samples.truncated("WEBP"),
    "cut.gif": lambda: samples.truncated("GIF"),
}
TOO_MANY_PIXELS = "more than the 50 megapixels we can accept"
DAMAGED_MESSAGE = "could not be read: it may be damaged or cut short"


def expected_message(name):
    return TOO_MANY_PIXELS if name in BOMBS else DAMAGED_MESSAGE


ALL_FILES = {**BOMBS, **DAMAGED}


def stored_files(folder):
    root = Path(settings.MEDIA_ROOT) / folder
    return {p for p in root.rglob("*") if p.is_file()} if root.exists() else set()


@pytest.fixture
def admin_client(client, superuser):
    client.force_login(superuser)
    return client


class TestTheSharedCheck:
    @pytest.mark.parametrize("name", sorted(BOMBS))
    def test_every_bomb_is_refused_with_its_claimed_size(self, name):
        with pytest.raises(Exception) as caught:
            read_image_header(io.BytesIO(BOMBS[name]()), name=name)
        assert caught.value.code == "too_many_pixels"
        message = caught.value.messages[0]
        assert f"“{name}”" in message and TOO_MANY_PIXELS in message

    @pytest.mark.parametrize("name", sorted(DAMAGED))
    def test_every_damaged_file_is_refused(self, name):
        with pytest.raises(Exception) as caught:
            read_image_header(io.BytesIO(DAMAGED[name]()))
        assert caught.value.code == "unreadable_image"

    def test_the_real_bomb_is_refused_without_decoding_or_allocating(self, monkeypatch):
        decoded = []
        original_load = ImageFile.ImageFile.load

        def spy_load(image):
            decoded.append(image.format)
            return original_load(image)

        monkeypatch.setattr(ImageFile.ImageFile, "load", spy_load)
        bomb = samples.png_bomb_30000()
        assert len(bomb) < 120_000  # 109 KB on disk, 112 MB of pixels once inflated
        tracemalloc.start()
        try:
            with pytest.raises(Exception, match="30,000 × 30,000"):
                read_image_header(io.BytesIO(bomb))
            _, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
        assert decoded == []
        assert peak < 2_000_000  # a copy of the file and a little more, never the pixels

    def test_a_webp_bomb_never_reaches_the_webp_decoder(self, monkeypatch):
        # libwebp allocates the whole canvas (here 1 GB) when its decoder is created.
        created = []
        monkeypatch.setattr(
            WebPImagePlugin._webp,
            "WebPAnimDecoder",
            lambda *args: created.append(args) or pytest.fail("decoder created"),
        )
        with pytest.raises(Exception, match="16,383 × 16,383"):
            read_image_header(io.BytesIO(samples.webp_claiming(16383, 16383)))
        assert created == []

    def test_pillow_refuses_bombs_everywhere_in_the_process(self):
        """The process-wide limit: a bomb opened by any other code is refused too."""
        # Pillow's own error (not a warnings filter, which catch_warnings undoes) at the limit.
        assert Image.MAX_IMAGE_PIXELS * 2 == settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS
        with pytest.raises(Image.DecompressionBombError):
            Image.open(io.BytesIO(samples.png_claiming(8000, 7000)))  # 56 MP
        with pytest.raises(Image.DecompressionBombError):
            Image.open(io.BytesIO(samples.png_claiming(2147483647, 1)))
        with Image.open(io.BytesIO(samples.png_claiming(8000, 6000))) as image:  # 48 MP
            assert image.size == (8000, 6000)

    def test_large_artwork_under_the_limit_still_opens_and_decodes(self):
        # 8,000 x 6,000 = 48 megapixels, 1-bit grey so the test stays light.
        buffer = io.BytesIO()
        Image.new("1", (8000, 6000), 1).save(buffer, "PNG")
        header = read_image_header(buffer)
        assert (header.width, header.height) == (8000, 6000)
        with Image.open(buffer) as image:
            image.load()
            assert image.size == (8000, 6000)


def post_single(client, name, content, **overrides):
    data = form_data(title="Field recording, Accra", **overrides)
    data["file"] = SimpleUploadedFile(name, content, content_type="image/png")
    return client.post(reverse("wagtailimages:add"), data)


class TestImageUpload:
    @pytest.mark.parametrize("name", sorted(ALL_FILES))
    def test_single_upload_answers_with_the_message_beside_the_file(self, admin_client, name):
        before = stored_files("original_images")
        response = post_single(admin_client, name, ALL_FILES[name]())
        assert response.status_code == 200
        errors = response.context["form"].errors
        assert expected_message(name) in " ".join(errors["file"])
        html = response.content.decode()
        assert expected_message(name) in html
        # What was typed is still in the form.
        assert 'value="Field recording, Accra"' in html
        assert "Three figures stand apart from a crowd" in html
        assert not Illustration.objects.exists()
        assert stored_files("original_images") == before

    @pytest.mark.parametrize("name", ["png-30000x30000.png", "webp-16383x16383.webp", "cut.jpg"])
    def test_multiple_upload_refuses_before_parking_anything(self, admin_client, name):
        before = stored_files("")
        response = admin_client.post(
            reverse("wagtailimages:add_multiple"),
            {"files[]": SimpleUploadedFile(name, ALL_FILES[name](), "image/png")},
        )
        assert response.status_code == 200
        data = response.json()
        assert data["success"] is False
        assert expected_message(name) in data["error_message"]
        assert not UploadedFile.objects.exists()
        assert not Illustration.objects.exists()
        assert stored_files("") == before

    def test_large_artwork_under_the_limit_is_accepted(self, admin_client):
        buffer = io.BytesIO()
        Image.new("1", (8000, 6000), 1).save(buffer, "PNG")  # 48 megapixels, 1-bit
        response = post_single(admin_client, "poster-a1.png", buffer.getvalue())
        assert response.status_code == 302
        image = Illustration.objects.get()
        assert (image.width, image.height) == (8000, 6000)

    def test_replacing_a_file_with_a_bomb_keeps_the_old_file(self, admin_client):
        image = factories.IllustrationFactory(title="Kept")
        old_name = image.file.name
        data = form_data(title="Kept, renamed")
        data["file"] = SimpleUploadedFile("bomb.png", samples.png_bomb_30000(), "image/png")
        response = admin_client.post(reverse("wagtailimages:edit", args=[image.pk]), data)
        assert response.status_code == 200
        assert TOO_MANY_PIXELS in " ".join(response.context["form"].errors["file"])
        assert 'value="Kept, renamed"' in response.content.decode()
        image.refresh_from_db()
        assert (image.title, image.file.name) == ("Kept", old_name)


class TestMediaPoster:
    def post_audio(self, client, poster_name, poster):
        data = {
            "title": "Night shift, episode 3",
            "file": SimpleUploadedFile("episode.mp3", factories.mp3_bytes(0.5), "audio/mpeg"),
            "collection": Collection.get_first_root_node().pk,
            "thumbnail": SimpleUploadedFile(poster_name, poster, "image/png"),
            "transcript": rich_text("<p>Everything said in the episode.</p>"),
            "captions_language": "en",
            "tags": "",
        }
        return client.post(reverse("wagtailmedia:add", args=["audio"]), data)

    @pytest.mark.parametrize("name", ["png-30000x30000.png", "png-2147483647x1.png", "cut.png"])
    def test_a_bomb_poster_is_refused_beside_the_field(self, admin_client, name):
        before = stored_files("media_thumbnails") | stored_files("media")
        response = self.post_audio(admin_client, name, ALL_FILES[name]())
        assert response.status_code == 200
        errors = response.context["form"].errors
        assert expected_message(name) in " ".join(errors["thumbnail"])
        assert 'value="Night shift, episode 3"' in response.content.decode()
        assert not StoryMedia.objects.exists()
        assert stored_files("media_thumbnails") | stored_files("media") == before

    def test_a_real_poster_is_accepted(self, admin_client):
        response = self.post_audio(admin_client, "poster.png", samples.real_image("PNG"))
        assert response.status_code == 302
        assert StoryMedia.objects.get().thumbnail.name.startswith("media_thumbnails/")


class TestPodcastArtwork:
    def settings_url(self):
        site = Site.objects.get(is_default_site=True)
        args = ["collection", "podcastchannelsettings", site.pk]
        return reverse("wagtailsettings:edit", args=args)

    def post_settings(self, client, artwork):
        data = {
            "title": "Voices from the gap",
            "description": "Conversations about who is missing from health data.",
            "artwork": artwork.pk,
            "author": "Mind The Gap",
            "owner_name": "",
            "owner_email": "",
            "category": "Science",
            "language": "en-gb",
            "copyright": "",
        }
        return client.post(self.settings_url(), data)

    def legacy_image(self, content, name):
        """A library image stored before the header check existed (or by an import)."""
        image = factories.IllustrationFactory(title="Old cover")
        storage = image.file.storage
        storage.delete(image.file.name)
        storage.save(image.file.name, ContentFile(content))
        Illustration.objects.filter(pk=image.pk).update(width=3000, height=3000)
        return image

    @pytest.mark.parametrize("name", ["png-30000x30000.png", "webp-16383x16383.webp", "cut.png"])
    def test_a_bomb_in_the_library_cannot_become_the_cover(self, admin_client, site_tree, name):
        image = self.legacy_image(ALL_FILES[name](), name)
        response = self.post_settings(admin_client, image)
        assert response.status_code == 200
        errors = response.context["form"].errors
        assert expected_message(name) in " ".join(errors["artwork"])
        assert 'value="Voices from the gap"' in response.content.decode()
        assert not PodcastChannelSettings.objects.filter(artwork=image).exists()

    def test_a_cover_already_set_to_a_bomb_does_not_break_the_feed(self, client, site_tree):
        image = self.legacy_image(samples.png_bomb_30000(), "bomb.png")
        site = Site.objects.get(is_default_site=True)
        channel = PodcastChannelSettings.for_site(site)
        channel.artwork = image
        channel.save()
        assert channel.artwork_rendition() is None
        assert client.get("/feeds/podcast/").status_code == 200
