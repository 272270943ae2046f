"""Transcripts and captions follow the page's language.

An audio or video item has a transcript and captions per language (StoryMediaTranslation),
edited on its own form; the page in a language shows that language's transcript and captions
(the original captions kept as a second track), its transcript page too; a page in another
language is only published when its audio has a transcript, and its video captions or a
transcript, in that language."""

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.models import Collection
from wagtail.test.utils.form_data import rich_text

from collection.models.media import StoryMediaTranslation
from collection.publish_rules import PublishBlocked, publish_problems
from tests import factories

from .conftest import translate

VTT_EN = b"WEBVTT\n\n00:00.000 --> 00:02.000\nThe clinic opens at eight.\n"
VTT_CY = b"WEBVTT\n\n00:00.000 --> 00:02.000\nMae'r clinig yn agor am wyth.\n"
TRANSCRIPT_CY = "<p>CYFLWYNYDD: Croeso i Mind The Gap.</p>"


def make_video(title="Clinic film", **kwargs):
    kwargs.setdefault("captions", ContentFile(VTT_EN, name="clinic.vtt"))
    return factories.StoryMediaFactory(
        title=title,
        type="video",
        file=ContentFile(b"\x00\x00\x00\x18ftypmp42", name="clinic.mp4"),
        transcript="<p>NARRATOR: The clinic opens at eight.</p>",
        **kwargs,
    )


def episode(audio):
    return {
        "type": "podcast_episode",
        "value": {"audio": audio.pk, "episode_title": "", "show_notes": ""},
    }


def video_block(video):
    return {
        "type": "video",
        "value": {"video": video.pk, "url": "", "title": "", "poster": None, "transcript": ""},
    }


def story(site_tree, body):
    page = factories.StoryPageFactory(parent=site_tree["stories"], body=body)
    page.save_revision().publish()
    return page


def media_form_data(item, **extra):
    return {
        "title": item.title,
        "collection": Collection.get_first_root_node().pk,
        "transcript": rich_text(item.transcript),
        "captions_language": "en",
        "tags": "",
        **extra,
    }


@pytest.mark.django_db
class TestTheWelshPage:
    def test_podcast_transcript_in_welsh_on_the_page_and_its_transcript_page(
        self, client, site_tree, welsh, django_capture_on_commit_callbacks
    ):
        audio = factories.StoryMediaFactory(title="Episode one")
        StoryMediaTranslation.objects.create(item=audio, locale=welsh, transcript=TRANSCRIPT_CY)
        page = story(site_tree, [episode(audio)])
        welsh_page = translate(page, welsh, {}, django_capture_on_commit_callbacks)
        html = client.get(welsh_page.url).content.decode()
        assert "CYFLWYNYDD: Croeso i Mind The Gap." in html
        assert "HOST: Welcome to Mind The Gap." not in html
        transcript_url = welsh_page.transcript_url()
        assert transcript_url.startswith("/cy/") and transcript_url.endswith("/transcript/")
        assert f'href="{transcript_url}"' in html
        response = client.get(transcript_url)
        assert response.status_code == 200
        text = response.content.decode()
        assert "CYFLWYNYDD: Croeso i Mind The Gap." in text and "HOST: Welcome" not in text
        english = client.get(page.transcript_url()).content.decode()
        assert "HOST: Welcome to Mind The Gap." in english and "CYFLWYNYDD" not in english

    def test_welsh_captions_first_with_the_original_kept_in_its_own_language(
        self, client, site_tree, welsh, django_capture_on_commit_callbacks
    ):
        video = make_video()
        StoryMediaTranslation.objects.create(
            item=video,
            locale=welsh,
            transcript="<p>ADRODDWR: Mae'r clinig yn agor am wyth.</p>",
            captions=ContentFile(VTT_CY, name="clinig.vtt"),
        )
        page = story(site_tree, [video_block(video)])
        welsh_page = translate(page, welsh, {}, django_capture_on_commit_callbacks)
        html = client.get(welsh_page.url).content.decode()
        row = StoryMediaTranslation.objects.get(item=video)
        welsh_track = (
            f'<track kind="captions" src="{row.captions.url}" srclang="cy" label="Cymraeg" default>'
        )
        english_track = (
            f'<track kind="captions" src="{video.captions.url}" srclang="en" label="English">'
        )
        assert welsh_track + english_track in html
        assert "ADRODDWR: Mae" in html and "NARRATOR: The clinic" not in html
        english = client.get(page.url).content.decode()
        assert (
            f'<track kind="captions" src="{video.captions.url}" srclang="en" label="English" '
            "default>"
        ) in english
        assert 'srclang="cy"' not in english

    def test_without_a_welsh_transcript_the_original_is_marked_as_english(
        self, client, site_tree, welsh, django_capture_on_commit_callbacks
    ):
        audio = factories.StoryMediaFactory(title="Episode one")
        page = story(site_tree, [episode(audio)])
        welsh_page = translate(page, welsh, {}, django_capture_on_commit_callbacks, publish=False)
        # The editor's preview runs a request for the page's own address through the
        # middleware, so it reads in the page's language.
        response = welsh_page.make_preview_request()
        html = response.render().content.decode() if hasattr(response, "render") else ""
        html = html or response.content.decode()
        assert 'class="transcript__text" lang="en"' in html

    def test_queries_do_not_grow_with_the_number_of_media_items(
        self, client, site_tree, welsh, django_capture_on_commit_callbacks
    ):
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        def queries_for(count):
            items = [factories.StoryMediaFactory() for _ in range(count)]
            for item in items:
                StoryMediaTranslation.objects.create(
                    item=item, locale=welsh, transcript=TRANSCRIPT_CY
                )
            page = story(site_tree, [episode(item) for item in items])
            welsh_page = translate(page, welsh, {}, django_capture_on_commit_callbacks)
            client.get(welsh_page.url)
            with CaptureQueriesContext(connection) as queries:
                html = client.get(welsh_page.url).content.decode()
            assert html.count("CYFLWYNYDD") == count
            return len(queries)

        assert queries_for(4) <= queries_for(1)


@pytest.mark.django_db
class TestTheMediaForm:
    def test_welsh_transcript_and_captions_are_edited_on_the_media_form(self, admin_client, welsh):
        video = make_video()
        url = reverse("wagtailmedia:edit", args=[video.pk])
        html = admin_client.get(url).content.decode()
        assert "Transcript in Cymraeg (Welsh)" in html and "Captions in Cymraeg (Welsh)" in html
        response = admin_client.post(
            url,
            media_form_data(
                video,
                transcript_cy=rich_text(TRANSCRIPT_CY),
                captions_cy=SimpleUploadedFile("clinig.txt", VTT_CY),
            ),
        )
        assert response.status_code == 302, response.context["form"].errors
        row = StoryMediaTranslation.objects.get(item=video, locale=welsh)
        assert "CYFLWYNYDD: Croeso i Mind The Gap." in row.transcript
        assert row.captions.name.endswith(".vtt")
        with row.captions.open("rb") as handle:
            assert handle.read() == VTT_CY

    def test_welsh_captions_are_checked_like_the_original(self, admin_client, welsh):
        video = make_video()
        srt = SimpleUploadedFile("clinig.vtt", b"1\n00:00:00,000 --> 00:00:01,000\nHelo\n")
        response = admin_client.post(
            reverse("wagtailmedia:edit", args=[video.pk]),
            media_form_data(video, captions_cy=srt),
        )
        assert response.status_code == 200
        assert (
            "looks like an SRT subtitles file" in response.context["form"].errors["captions_cy"][0]
        )
        assert not StoryMediaTranslation.objects.filter(item=video).exists()

    def test_audio_gets_no_captions_box(self, admin_client, welsh):
        audio = factories.StoryMediaFactory()
        html = admin_client.get(reverse("wagtailmedia:edit", args=[audio.pk])).content.decode()
        assert "Transcript in Cymraeg (Welsh)" in html and "captions_cy" not in html


@pytest.mark.django_db
class TestPublishingInWelsh:
    def welsh_draft(self, site_tree, welsh, capture, body):
        page = story(site_tree, body)
        return page, translate(page, welsh, {}, capture, publish=False)

    def test_audio_needs_a_welsh_transcript(
        self, site_tree, welsh, django_capture_on_commit_callbacks
    ):
        audio = factories.StoryMediaFactory(title="Episode one")
        page, draft = self.welsh_draft(
            site_tree, welsh, django_capture_on_commit_callbacks, [episode(audio)]
        )
        assert publish_problems(page) == []
        assert publish_problems(draft) == ["The audio “Episode one” needs a transcript in Welsh."]
        with pytest.raises(PublishBlocked, match="Episode one"):
            draft.get_latest_revision().publish()
        draft.refresh_from_db()
        assert not draft.live
        StoryMediaTranslation.objects.create(item=audio, locale=welsh, transcript=TRANSCRIPT_CY)
        assert publish_problems(draft) == []
        draft.get_latest_revision().publish()
        draft.refresh_from_db()
        assert draft.live

    def test_video_needs_welsh_captions_or_transcript_unless_it_has_no_speech(
        self, site_tree, welsh, django_capture_on_commit_callbacks
    ):
        video = make_video(title="Clinic film")
        _page, draft = self.welsh_draft(
            site_tree, welsh, django_capture_on_commit_callbacks, [video_block(video)]
        )
        assert publish_problems(draft) == [
            "The video “Clinic film” needs captions or a transcript in Welsh."
        ]
        row = StoryMediaTranslation.objects.create(
            item=video, locale=welsh, captions=ContentFile(VTT_CY, name="clinig.vtt")
        )
        assert publish_problems(draft) == []
        row.delete()
        StoryMediaTranslation.objects.create(item=video, locale=welsh, transcript=TRANSCRIPT_CY)
        assert publish_problems(draft) == []
        StoryMediaTranslation.objects.all().delete()
        video.has_no_speech = True
        video.save()
        assert publish_problems(draft) == []
        # A video spoken in Welsh: its own captions are the Welsh ones.
        video.has_no_speech = False
        video.captions_language = "cy"
        video.save()
        assert publish_problems(draft) == []

    def test_wagtail_localize_publish_translation_is_refused_and_says_why(
        self, admin_client, site_tree, welsh, django_capture_on_commit_callbacks
    ):
        audio = factories.StoryMediaFactory(title="Episode one")
        _page, draft = self.welsh_draft(
            site_tree, welsh, django_capture_on_commit_callbacks, [episode(audio)]
        )
        with django_capture_on_commit_callbacks(execute=True):
            response = admin_client.post(
                reverse("wagtailadmin_pages:edit", args=[draft.pk]),
                {"action": "publish"},
                follow=True,
            )
        draft.refresh_from_db()
        assert not draft.live
        assert "“Episode one” needs a transcript in Welsh." in response.content.decode()
