"""Editors see, while writing and when submitting, what would stop publication and what readers
will miss; "Submit for review" is refused while a publish-blocking problem remains, with the
message beside the field or block that causes it."""

import pytest
from django.urls import reverse
from wagtail.models import WorkflowState

from collection.editorial_checks import page_checks
from tests import factories
from tests.editing import edit_form_data

pytestmark = pytest.mark.django_db


def illustration(image):
    return {
        "type": "illustration",
        "value": {
            "image": {"image": image.pk, "alt_text": "", "decorative": False},
            "caption": "",
            "width": "wide",
        },
    }


@pytest.fixture
def theme(db):
    return factories.ThemeFactory(name="Consent", slug="consent")


@pytest.fixture
def story(site_tree):
    page = factories.StoryPageFactory(
        parent=site_tree["stories"], live=False, title="Blood and silence", content_note=""
    )
    page.save_revision()
    return page


def social_sized_image():
    """An illustration wide enough for the 1200x630 social card (small in bytes)."""
    from django.core.files.base import ContentFile

    return factories.IllustrationFactory(
        file=ContentFile(factories.png_bytes(1200, 630), name="wide.png")
    )


def edit(client, page, **extra):
    return client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), extra)


class TestWhatTheChecksFind:
    def test_a_bare_draft_lists_what_readers_will_miss(self, story):
        checks = page_checks(story)
        assert [c.where for c in checks] == ["Hero image", "Themes"]
        assert not any(c.blocking for c in checks)
        assert "empty box" in checks[0].message

    def test_an_incomplete_hero_image_blocks_and_says_where(self, story, incomplete_image, theme):
        story.hero_image = incomplete_image
        story.themes = [theme]
        [check] = page_checks(story)
        assert check.blocking and check.where == "Hero image" and check.field == "hero_image"
        assert "“scan_0042.png” needs alt text" in check.message

    def test_a_body_block_is_named_by_its_position(self, story, incomplete_image, theme):
        story.body = [{"type": "paragraph", "value": "<p>One.</p>"}, illustration(incomplete_image)]
        story.themes = [theme]
        story.hero_image = social_sized_image()
        [check] = page_checks(story)
        assert check.blocking and check.field == "body"
        assert check.where == "Body, block 2 (Illustration): image"

    def test_a_video_without_captions_blocks(self, story, theme):
        video = factories.StoryMediaFactory(title="Clinic film", type="video")
        story.body = [{"type": "video", "value": {"video": video.pk, "url": "", "title": ""}}]
        story.themes = [theme]
        story.hero_image = social_sized_image()
        [check] = page_checks(story)
        assert check.blocking and "“Clinic film” needs a captions file" in check.message

    @pytest.mark.parametrize(
        "text", ["Racism in the clinic", "the harm done by samples taken", "Eugenics, again"]
    )
    def test_a_story_touching_harm_or_racism_needs_a_content_note(self, story, theme, text):
        story.summary = text
        story.themes = [theme]
        story.hero_image = social_sized_image()
        [check] = page_checks(story)
        assert check.where == "Content note" and not check.blocking
        story.content_note = "This story discusses racism in medical research."
        assert page_checks(story) == []

    def test_a_hero_too_small_for_social_cards_is_advice(self, story, theme):
        story.themes = [theme]
        story.hero_image = factories.IllustrationFactory()  # 8 px wide
        [check] = page_checks(story)
        assert check.where == "Hero image" and not check.blocking
        assert "8 px wide" in check.message and "1200 x 630" in check.message

    def test_harmony_is_not_harm(self, story, theme):
        story.summary = "A choir sings in harmony."
        story.themes = [theme]
        story.hero_image = social_sized_image()
        assert page_checks(story) == []


class TestThePanelWhileWriting:
    def test_the_editor_sees_the_checks_at_the_top_of_the_editor(
        self, client, editor, story, incomplete_image
    ):
        story.hero_image = incomplete_image
        story.save_revision()
        client.force_login(editor)
        html = client.get(reverse("wagtailadmin_pages:edit", args=[story.pk])).content.decode()
        assert "Before you submit" in html
        assert "Must be fixed before you can submit for review (1)" in html
        assert "“scan_0042.png” needs alt text" in html
        assert "Readers will miss (1)" in html and "There are no themes" in html
        assert '<a href="#id_hero_image">Hero image</a>' in html

    def test_a_complete_story_says_nothing_to_fix(self, client, editor, story, theme):
        story.hero_image = social_sized_image()
        story.themes = [theme]
        story.save_revision()
        client.force_login(editor)
        html = client.get(reverse("wagtailadmin_pages:edit", args=[story.pk])).content.decode()
        assert "data-checks-clear" in html and "data-checks-blocking" not in html


class TestSubmitting:
    def test_submit_is_refused_with_the_error_beside_the_hero_image(
        self, client, editor, story, incomplete_image
    ):
        client.force_login(editor)
        data = edit_form_data(client, story, **{"action-submit": "action-submit"})
        data["hero_image"] = str(incomplete_image.pk)
        response = edit(client, story, **data)
        assert response.status_code == 200
        form = response.context["form"]
        assert "“scan_0042.png” needs alt text" in form.errors["hero_image"][0]
        assert any("was not submitted for review" in e for e in form.non_field_errors())
        messages = [str(m) for m in response.context["messages"]]
        assert not any("submitted for moderation" in m for m in messages)
        assert any("could not be saved" in m for m in messages)
        assert not WorkflowState.objects.filter(object_id=str(story.pk)).exists()
        # What was typed comes back, so nothing is lost.
        assert form["hero_image"].value() == str(incomplete_image.pk)

    def test_a_body_problem_is_put_on_its_block(self, client, editor, story, incomplete_image):
        client.force_login(editor)
        data = edit_form_data(client, story, **{"action-submit": "action-submit"})
        for key in [k for k in data if k.startswith("body-")]:
            del data[key]
        from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

        data.update(
            nested_form_data(
                {
                    "body": streamfield(
                        [
                            ("paragraph", rich_text("<p>One.</p>")),
                            (
                                "illustration",
                                {
                                    # Alt text given here: the block itself is valid,
                                    # the image still lacks its credit and licence.
                                    "image": {
                                        "image": incomplete_image.pk,
                                        "alt_text": "Three figures apart from a crowd",
                                        "decorative": "",
                                    },
                                    "caption": "",
                                    "width": "wide",
                                },
                            ),
                        ]
                    )
                }
            )
        )
        response = edit(client, story, **data)
        assert response.status_code == 200
        # On the second block (the illustration), on its image.
        on_image = [
            error.block_errors[1].block_errors["image"]
            for error in response.context["form"].errors.as_data()["body"]
            if 1 in getattr(error, "block_errors", {})
        ]
        assert any("“scan_0042.png” needs" in " ".join(e.messages) for e in on_image)
        assert not WorkflowState.objects.filter(object_id=str(story.pk)).exists()

    def test_a_draft_save_with_the_same_problem_is_kept(
        self, client, editor, story, incomplete_image
    ):
        client.force_login(editor)
        data = edit_form_data(client, story)
        data["hero_image"] = str(incomplete_image.pk)
        assert edit(client, story, **data).status_code == 302
        story.refresh_from_db()
        assert story.get_latest_revision_as_object().hero_image_id == incomplete_image.pk

    def test_once_fixed_it_is_submitted(self, client, editor, story, incomplete_image):
        incomplete_image.description = "Three figures apart from a crowd"
        incomplete_image.illustrator_name = "Ama Mensah"
        incomplete_image.licence = "cc-by-4.0"
        incomplete_image.save()
        client.force_login(editor)
        data = edit_form_data(client, story, **{"action-submit": "action-submit"})
        data["hero_image"] = str(incomplete_image.pk)
        response = edit(client, story, **data)
        assert response.status_code == 302, response.context["form"].errors
        state = WorkflowState.objects.get(object_id=str(story.pk))
        assert state.status == WorkflowState.STATUS_IN_PROGRESS

    def test_reader_advice_does_not_stop_a_submission(self, client, editor, story):
        client.force_login(editor)
        data = edit_form_data(client, story, **{"action-submit": "action-submit"})
        assert edit(client, story, **data).status_code == 302
        assert WorkflowState.objects.filter(object_id=str(story.pk)).exists()
