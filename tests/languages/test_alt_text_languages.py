"""Alt text, captions and content notes follow the page's language.

Per-use alt text and captions in an illustration block, and the story's content note, are
wagtail-localize segments; an image's own alt text has a value per language, edited on the image
form; a page in another language is only published when every image it shows has alt text in
that language."""

import pytest
from django.core.management import call_command
from django.db import connection
from django.template import Context, Template
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from collection.publish_rules import PublishBlocked, publish_problems
from illustrations.models import IllustrationTranslation
from tests import factories

from .conftest import source_strings, translate

RIVER_EN = "Three figures wait by a river at dusk."
RIVER_CY = "Tri pherson yn aros wrth afon gyda'r hwyr."


def illustration(image, alt="", caption="", decorative=False):
    return {
        "type": "illustration",
        "value": {
            "image": {"image": image.pk, "alt_text": alt, "decorative": decorative},
            "caption": caption,
            "width": "wide",
        },
    }


def story(site_tree, body, **kwargs):
    page = factories.StoryPageFactory(parent=site_tree["stories"], body=body, **kwargs)
    page.save_revision().publish()
    return page


def image_form_data(image, **overrides):
    data = {
        "title": image.title,
        "description": image.description,
        "is_decorative": "",
        "illustrator": "",
        "illustrator_name": image.illustrator_name,
        "copyright_holder": "",
        "licence": image.licence,
        "source_url": "",
        "default_caption": "",
        "commission": "",
        "tags": "",
        "collection": image.collection_id,
    }
    data.update(overrides)
    return data


@pytest.mark.django_db
class TestBlockAltTextIsTranslated:
    def test_per_use_alt_text_caption_and_content_note_are_segments(self, site_tree):
        image = factories.IllustrationFactory()
        page = story(
            site_tree,
            [illustration(image, alt=RIVER_EN, caption="By the Taff")],
            content_note="This story discusses racism in medical research.",
        )
        strings = source_strings(page)
        assert strings[RIVER_EN].endswith(".image.alt_text")
        assert strings["By the Taff"].endswith(".caption")
        assert strings["This story discusses racism in medical research."] == "content_note"

    def test_the_welsh_page_shows_the_welsh_alt_caption_and_note(
        self, client, site_tree, welsh, django_capture_on_commit_callbacks
    ):
        image = factories.IllustrationFactory()
        page = story(
            site_tree,
            [illustration(image, alt=RIVER_EN, caption="By the Taff")],
            content_note="This story discusses racism in medical research.",
        )
        words = {
            RIVER_EN: RIVER_CY,
            "By the Taff": "Ger afon Taf",
            "This story discusses racism in medical research.": (
                "Mae'r stori hon yn trafod hiliaeth mewn ymchwil feddygol."
            ),
        }
        welsh_page = translate(page, welsh, words, django_capture_on_commit_callbacks)
        assert welsh_page.live and welsh_page.url.startswith("/cy/")
        html = client.get(welsh_page.url).content.decode()
        assert f'alt="{RIVER_CY}"'.replace("'", "&#x27;") in html
        assert "Ger afon Taf" in html
        assert "Mae&#x27;r stori hon yn trafod hiliaeth mewn ymchwil feddygol." in html
        english = client.get(page.url).content.decode()
        assert f'alt="{RIVER_EN}"' in english and "Ger afon Taf" not in english


@pytest.mark.django_db
class TestTheImagesOwnAltTextPerLanguage:
    def test_welsh_page_uses_the_images_welsh_alt_and_caption(
        self, client, site_tree, welsh, django_capture_on_commit_callbacks
    ):
        image = factories.IllustrationFactory(description=RIVER_EN, default_caption="At dusk")
        IllustrationTranslation.objects.create(
            image=image, locale=welsh, alt_text=RIVER_CY, caption="Gyda'r hwyr"
        )
        page = story(site_tree, [illustration(image)], hero_image=image)
        # The Welsh home and stories index first: an untranslated index is never shown in a
        # Welsh frame (collection/locales.py).
        for parent in (site_tree["home"], site_tree["stories"]):
            translate(parent, welsh, {}, django_capture_on_commit_callbacks)
        welsh_page = translate(page, welsh, {}, django_capture_on_commit_callbacks)
        html = client.get(welsh_page.url).content.decode()
        cy_alt = RIVER_CY.replace("'", "&#x27;")
        assert html.count(f'alt="{cy_alt}"') >= 2  # the hero and the block
        assert RIVER_EN not in html  # not in the body, the head's og:image:alt or anywhere
        assert "Gyda&#x27;r hwyr" in html and "At dusk" not in html
        assert 'og:image:alt" content="' + cy_alt in html
        # The Welsh stories index shows the card with the Welsh alt text too.
        index = client.get(welsh_page.get_parent().url).content.decode()
        assert f'alt="{cy_alt}"' in index and RIVER_EN not in index
        # English pages are unchanged.
        english = client.get(page.url).content.decode()
        assert f'alt="{RIVER_EN}"' in english and "At dusk" in english

    def test_missing_welsh_alt_falls_back_marked_with_its_language(self, welsh):
        image = factories.IllustrationFactory(description=RIVER_EN)
        template = Template("{% load illustration_tags %}{% illustration image %}")
        with translation.override("cy"):
            html = template.render(Context({"image": image}))
        assert f'alt="{RIVER_EN}" lang="en-gb"' in html
        IllustrationTranslation.objects.create(image=image, locale=welsh, alt_text=RIVER_CY)
        image = type(image).objects.get(pk=image.pk)
        with translation.override("cy"):
            html = template.render(Context({"image": image}))
        assert 'lang="en-gb"' not in html and RIVER_CY.replace("'", "&#x27;") in html
        html = Template("{% load illustration_tags %}{% illustration image %}").render(
            Context({"image": image})
        )
        assert f'alt="{RIVER_EN}"' in html and "lang=" not in html

    def test_rendition_alt_follows_the_language(self, welsh):
        image = factories.IllustrationFactory(description=RIVER_EN)
        IllustrationTranslation.objects.create(image=image, locale=welsh, alt_text=RIVER_CY)
        rendition = image.get_rendition("width-4")
        assert rendition.alt == RIVER_EN
        with translation.override("cy"):
            assert type(image).objects.get(pk=image.pk).get_rendition("width-4").alt == RIVER_CY

    def test_a_welsh_story_costs_the_same_queries_with_one_image_or_six(
        self, client, site_tree, welsh, django_capture_on_commit_callbacks
    ):
        def queries_for(count):
            images = [factories.IllustrationFactory() for _ in range(count)]
            for image in images:
                IllustrationTranslation.objects.create(image=image, locale=welsh, alt_text="Llun")
            page = story(site_tree, [illustration(image) for image in images])
            welsh_page = translate(page, welsh, {}, django_capture_on_commit_callbacks)
            client.get(welsh_page.url)  # renditions made, routes learnt
            with CaptureQueriesContext(connection) as queries:
                response = client.get(welsh_page.url)
            assert response.content.decode().count('alt="Llun"') == count
            return len(queries)

        assert queries_for(6) <= queries_for(1)


@pytest.mark.django_db
class TestTheImageForm:
    def test_one_optional_box_per_other_language(self, admin_client, welsh):
        image = factories.IllustrationFactory()
        html = admin_client.get(reverse("wagtailimages:edit", args=[image.pk])).content.decode()
        assert "Alt text in Cymraeg (Welsh)" in html and 'name="alt_text_cy"' in html
        assert 'name="alt_text_en-gb"' not in html
        response = admin_client.post(
            reverse("wagtailimages:edit", args=[image.pk]),
            image_form_data(image, **{"alt_text_cy": RIVER_CY, "caption_cy": "Ger yr afon"}),
        )
        assert response.status_code == 302, response.context["form"].errors
        row = IllustrationTranslation.objects.get(image=image, locale=welsh)
        assert (row.alt_text, row.caption) == (RIVER_CY, "Ger yr afon")
        html = admin_client.get(reverse("wagtailimages:edit", args=[image.pk])).content.decode()
        assert RIVER_CY.replace("'", "&#x27;") in html
        # Emptied: the row goes.
        admin_client.post(
            reverse("wagtailimages:edit", args=[image.pk]),
            image_form_data(image, **{"alt_text_cy": "", "caption_cy": ""}),
        )
        assert not IllustrationTranslation.objects.filter(image=image).exists()


@pytest.mark.django_db
class TestPublishingInWelsh:
    """A Welsh page using an image with no Welsh alt text is refused on every path."""

    def welsh_draft(self, site_tree, welsh, capture, body, **kwargs):
        page = story(site_tree, body, **kwargs)
        return page, translate(page, welsh, {}, capture, publish=False)

    def test_the_rule_names_the_image_and_the_language(
        self, site_tree, welsh, django_capture_on_commit_callbacks
    ):
        image = factories.IllustrationFactory(title="River at dusk")
        _page, draft = self.welsh_draft(
            site_tree, welsh, django_capture_on_commit_callbacks, [illustration(image)]
        )
        problems = publish_problems(draft.get_latest_revision_as_object())
        assert problems == [
            "The image “River at dusk” needs alt text in Welsh: write it in the block that "
            "shows it, or on the image in the library (or tick ‘decorative’)."
        ]
        # Any of these is enough: the image's Welsh alt text, a decorative image.
        row = IllustrationTranslation.objects.create(image=image, locale=welsh, alt_text="Afon")
        assert publish_problems(draft.get_latest_revision_as_object()) == []
        row.delete()
        image.is_decorative = True
        image.save()
        assert publish_problems(draft.get_latest_revision_as_object()) == []

    def test_per_use_alt_text_or_decorative_in_the_block_is_enough(
        self, site_tree, welsh, django_capture_on_commit_callbacks
    ):
        image = factories.IllustrationFactory(title="River at dusk")
        _page, draft = self.welsh_draft(
            site_tree,
            welsh,
            django_capture_on_commit_callbacks,
            [illustration(image, alt=RIVER_EN), illustration(image, decorative=True)],
        )
        assert publish_problems(draft.get_latest_revision_as_object()) == []

    def test_the_hero_needs_it_too_and_english_pages_do_not(
        self, site_tree, welsh, django_capture_on_commit_callbacks
    ):
        image = factories.IllustrationFactory(title="Hero art")
        page, draft = self.welsh_draft(
            site_tree, welsh, django_capture_on_commit_callbacks, [], hero_image=image
        )
        assert publish_problems(page) == []
        assert "“Hero art” needs alt text in Welsh" in publish_problems(draft)[0]

    def test_revision_publish_and_the_schedule_are_refused(
        self, site_tree, welsh, django_capture_on_commit_callbacks
    ):
        image = factories.IllustrationFactory(title="River at dusk")
        _page, draft = self.welsh_draft(
            site_tree, welsh, django_capture_on_commit_callbacks, [illustration(image)]
        )
        revision = draft.get_latest_revision()
        with pytest.raises(PublishBlocked, match="River at dusk"):
            revision.publish()
        draft.refresh_from_db()
        assert not draft.live
        revision.approved_go_live_at = timezone.now() - timezone.timedelta(minutes=1)
        revision.save()
        call_command("publish_scheduled")
        draft.refresh_from_db()
        revision.refresh_from_db()
        assert not draft.live and revision.approved_go_live_at is None

    def test_wagtail_localize_publish_translation_is_refused(
        self, admin_client, site_tree, welsh, django_capture_on_commit_callbacks
    ):
        from wagtail_localize.models import TranslationSource

        image = factories.IllustrationFactory(title="River at dusk")
        page, draft = self.welsh_draft(
            site_tree, welsh, django_capture_on_commit_callbacks, [illustration(image)]
        )
        source = TranslationSource.objects.get_for_instance(page)
        translation_record = source.translations.get(target_locale=welsh)
        with django_capture_on_commit_callbacks(execute=True):
            response = admin_client.post(
                reverse("wagtailadmin_pages:edit", args=[draft.pk]),
                {"action": "publish"},
                follow=True,
            )
        draft.refresh_from_db()
        assert not draft.live
        assert "River at dusk" in response.content.decode()
        # Once the image has Welsh alt text, the same action publishes it.
        IllustrationTranslation.objects.create(image=image, locale=welsh, alt_text="Afon")
        with django_capture_on_commit_callbacks(execute=True):
            translation_record.save_target(publish=True)
        draft.refresh_from_db()
        assert draft.live

    def test_bulk_publish_is_refused_naming_the_image(
        self, admin_client, site_tree, welsh, django_capture_on_commit_callbacks
    ):
        image = factories.IllustrationFactory(title="River at dusk")
        _page, draft = self.welsh_draft(
            site_tree, welsh, django_capture_on_commit_callbacks, [illustration(image)]
        )
        url = (
            reverse("wagtail_bulk_action", args=["wagtailcore", "page", "publish"])
            + f"?id={draft.pk}&next=/admin/pages/{draft.get_parent().pk}/"
        )
        response = admin_client.post(url, {"include_descendants": ""}, follow=True)
        assert "“River at dusk” needs alt text in Welsh" in response.content.decode()
        draft.refresh_from_db()
        assert not draft.live
