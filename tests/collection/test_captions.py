"""Captions are WebVTT by content: checked on upload in the media library, beside the field."""

import pytest
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.models import Collection
from wagtail.test.utils.form_data import rich_text

from collection.captions import captions_problem
from tests import factories

VALID = b"WEBVTT\n\n00:00.000 --> 00:02.500\nNARRATOR: The clinic opens at eight.\n"


@pytest.mark.parametrize(
    "data",
    [
        VALID,
        "\ufeffWEBVTT - Clinic film\r\n\r\n00:00:00.000 --> 00:00:01.000\r\nHi\r\n".encode(),
        b"WEBVTT\tKind: captions\n\nintro\n00:01.000 --> 00:02.000 align:start\n<v Ama>Hello\n",
    ],
)
def test_webvtt_files_are_accepted(data):
    assert captions_problem(data) is None


@pytest.mark.parametrize(
    "data, message",
    [
        (b"1\n00:00:00,000 --> 00:00:01,000\nHello\n", "looks like an SRT subtitles file"),
        (b"WEBVTTX\n\n00:00.000 --> 00:01.000\nHello\n", "its first line must read WEBVTT"),
        (b"%PDF-1.7 not captions", "its first line must read WEBVTT"),
        (b"\xff\xfeW\x00E\x00B\x00", "plain text in UTF-8"),
        (b"WEBVTT\n\n", "holds no captions"),
        (b"WEBVTT\n\n00:00.000 -> 00:01.000\nHello\n", "holds no captions"),
        (b"WEBVTT\n" + b"x" * (2 * 1024 * 1024), "larger than 2 MB"),
    ],
)
def test_anything_else_is_refused_with_a_reason(data, message):
    assert message in captions_problem(data)


@pytest.fixture
def editor(db, django_user_model):
    user = django_user_model.objects.create_user(username="eddie", password="pw")
    user.groups.add(Group.objects.get(name="Editors"))
    return user


def make_video(title):
    return factories.StoryMediaFactory(
        title=title,
        type="video",
        file=ContentFile(b"\x00\x00\x00\x18ftypmp42", name="clinic.mp4"),
    )


def post_captions(client, video, upload, **extra):
    data = {
        "title": video.title,
        "collection": Collection.get_first_root_node().pk,
        "transcript": rich_text("<p>NARRATOR: The clinic opens at eight.</p>"),
        "captions_language": "en",
        "tags": "",
        **({"captions": upload} if upload else {}),
        **extra,
    }
    return client.post(reverse("wagtailmedia:edit", args=[video.pk]), data)


@pytest.mark.django_db
def test_a_renamed_srt_is_refused_beside_the_captions_field(client, editor):
    video = make_video("Clinic film")
    client.force_login(editor)
    srt = SimpleUploadedFile("clinic.vtt", b"1\n00:00:00,000 --> 00:00:01,000\nHello\n")
    response = post_captions(client, video, srt)
    assert response.status_code == 200
    assert "looks like an SRT subtitles file" in response.context["form"].errors["captions"][0]
    assert "looks like an SRT subtitles file" in response.content.decode()
    video.refresh_from_db()
    assert not video.captions


@pytest.mark.django_db
def test_webvtt_is_kept_as_vtt_whatever_its_name(client, editor):
    video = make_video("Clinic film")
    client.force_login(editor)
    response = post_captions(
        client, video, SimpleUploadedFile("captions.txt", VALID), has_no_speech=""
    )
    assert response.status_code == 302, response.context["form"].errors
    video.refresh_from_db()
    assert video.captions.name.endswith(".vtt") and not video.has_no_speech
    with video.captions.open("rb") as handle:
        assert handle.read() == VALID


@pytest.mark.django_db
def test_a_video_can_say_it_has_no_speech(client, editor):
    video = make_video("Title sequence")
    client.force_login(editor)
    response = post_captions(client, video, "", has_no_speech="on")
    assert response.status_code == 302, response.context["form"].errors
    video.refresh_from_db()
    assert video.has_no_speech and not video.captions
    html = client.get(reverse("wagtailmedia:edit", args=[video.pk])).content.decode()
    assert "Has no speech" in html and "nothing is said in the video" in html
