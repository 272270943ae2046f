"""The library from an illustrator's side: a dropped file that was never finished is named, not
silently lost; the Illustrator field offers illustrators and defaults to their own page; the
help text names the "Alt text" field; the usage listing names live stories, never drafts; no
"Search all pages" on their dashboard."""

import re

import pytest
from django.urls import resolve, reverse
from wagtail.models import Collection, ReferenceIndex, UploadedFile

from illustrations.admin_views import IllustrationUsageView
from illustrations.models import Illustration
from tests import factories
from tests.factories import png_bytes

pytestmark = pytest.mark.django_db


def drop(client, name):
    from django.core.files.uploadedfile import SimpleUploadedFile

    response = client.post(
        reverse("wagtailimages:add_multiple"),
        {"files[]": SimpleUploadedFile(name, png_bytes(), "image/png")},
    )
    data = response.json()
    assert data["success"] and "uploaded_file_id" in data
    return data


def finish(client, upload_id, **overrides):
    prefix = f"uploaded-image-{upload_id}"
    data = {
        "title": "Three figures",
        "collection": Collection.objects.get(name="Illustrations").pk,
        "description": "Three figures stand apart from a crowd.",
        "is_decorative": "",
        "illustrator": "",
        "illustrator_name": "",
        "copyright_holder": "",
        "licence": "commissioned",
        "source_url": "",
        "default_caption": "",
        "commission": "",
        "tags": "",
        **overrides,
    }
    url = reverse("wagtailimages:create_multiple_from_uploaded_image", args=[upload_id])
    return client.post(url, {f"{prefix}-{key}": value for key, value in data.items()}).json()


class TestDroppedFilesAreNotSilentlyLost:
    def test_the_upload_page_says_a_file_is_kept_only_once_its_details_are_saved(
        self, client, illustrator
    ):
        client.force_login(illustrator)
        html = client.get(reverse("wagtailimages:add_multiple")).content.decode()
        assert "Leave this page before that and the file is not kept." in html
        assert "unkept-uploads" not in html

    def test_a_file_left_unfinished_is_named_on_return_until_finished(
        self, client, illustrator, editor
    ):
        client.force_login(illustrator)
        left = drop(client, "portrait-sketch.png")
        drop(client, "second-try.png")
        html = client.get(reverse("wagtailimages:add_multiple")).content.decode()
        assert "2 files you dropped earlier were not kept" in html
        assert "portrait-sketch.png" in html and "second-try.png" in html
        # Someone else's dropped files are theirs alone.
        client.force_login(editor)
        assert (
            "unkept-uploads"
            not in client.get(reverse("wagtailimages:add_multiple")).content.decode()
        )

        client.force_login(illustrator)
        created = finish(client, left["uploaded_file_id"], illustrator=illustrator.page.pk)
        assert created["success"], created
        html = client.get(reverse("wagtailimages:add_multiple")).content.decode()
        assert "1 file you dropped earlier was not kept" in html
        assert "portrait-sketch.png" not in html and "second-try.png" in html

    def test_the_list_can_be_cleared_and_the_files_go(self, client, illustrator, settings):
        client.force_login(illustrator)
        drop(client, "abandoned.png")
        stored = UploadedFile.objects.get()
        path = stored.file.path
        response = client.post(reverse("illustrations_forget_unkept_uploads"))
        assert response.status_code == 302
        assert not UploadedFile.objects.exists()
        import os

        assert not os.path.exists(path)
        assert client.get(reverse("illustrations_forget_unkept_uploads")).status_code == 405


class TestIllustratorField:
    def test_an_illustrator_is_credited_by_default_and_can_only_credit_themselves(
        self, client, illustrator, site_tree
    ):
        factories.ContributorPageFactory(
            parent=site_tree["contributors"], title="Other Illustrator", roles=["illustrator"]
        )
        client.force_login(illustrator)
        html = client.get(reverse("wagtailimages:add")).content.decode()
        select = re.search(r'<select name="illustrator".*?</select>', html, re.S).group(0)
        assert re.search(rf'<option value="{illustrator.page.pk}" selected>Ama Mensah', select)
        assert "Other Illustrator" not in select
        # In the multiple uploader's details form too.
        form = drop(client, "art.png")["form"]
        assert re.search(rf'<option value="{illustrator.page.pk}" selected>', form)

    def test_editors_are_offered_illustrators_only(self, client, editor, illustrator, site_tree):
        factories.ContributorPageFactory(
            parent=site_tree["contributors"], title="Writer Only", roles=["author"]
        )
        client.force_login(editor)
        html = client.get(reverse("wagtailimages:add")).content.decode()
        select = re.search(r'<select name="illustrator".*?</select>', html, re.S).group(0)
        assert "Ama Mensah" in select and "Writer Only" not in select
        assert '<option value="" selected>' in select  # no default for editors

    def test_an_existing_credit_to_a_non_illustrator_is_kept(self, client, editor, site_tree):
        writer = factories.ContributorPageFactory(
            parent=site_tree["contributors"], title="Writer Who Drew", roles=["author"]
        )
        image = factories.IllustrationFactory(illustrator=writer, illustrator_name="")
        client.force_login(editor)
        html = client.get(reverse("wagtailimages:edit", args=[image.pk])).content.decode()
        assert re.search(rf'<option value="{writer.pk}" selected>Writer Who Drew', html)

    def test_decorative_help_names_the_alt_text_field(self, client, editor):
        client.force_login(editor)
        html = client.get(reverse("wagtailimages:add")).content.decode()
        assert "Alt text" in html
        assert "describe the image in the “Alt text” field" in html
        assert "write alt text in the description" not in html


class TestUsageNamesLiveStories:
    def test_the_usage_url_is_served_by_the_listing_that_names_live_pages(self):
        match = resolve(reverse("wagtailimages:image_usage", args=[1]))
        assert match.func.view_class is IllustrationUsageView

    def test_an_illustrator_sees_live_titles_and_never_a_draft(
        self, client, illustrator, site_tree
    ):
        image = factories.IllustrationFactory(
            illustrator=illustrator.page,
            illustrator_name="",
            uploaded_by_user=illustrator,
            collection=Collection.objects.get(name="Illustrations"),
        )
        factories.StoryPageFactory(
            parent=site_tree["stories"], title="A live story", hero_image=image
        )
        draft = factories.StoryPageFactory(
            parent=site_tree["stories"], title="Secret draft title", hero_image=image, live=False
        )
        # A live story whose unpublished draft adds the artwork: its live version does not
        # show it, so it is not named either.
        later = factories.StoryPageFactory(parent=site_tree["stories"], title="Live, not yet")
        later.hero_image = image
        later.title = "Retitled in a draft"
        later.save_revision()
        # As the index sees a draft saved in the editor: its content refers to the artwork.
        ReferenceIndex.create_or_update_for_object(later)
        assert draft.pk

        client.force_login(illustrator)
        response = client.get(reverse("wagtailimages:image_usage", args=[image.pk]))
        assert response.status_code == 200
        html = response.content.decode()
        story = site_tree["stories"].get_children().get(title="A live story").specific
        assert "A live story" in html and f'href="{story.url}"' in html
        assert "Secret draft title" not in html and "Retitled in a draft" not in html
        assert "Live, not yet" not in html
        assert "(Private page)" not in html
        assert html.count("A draft, not yet published") == 2

    def test_editors_still_get_edit_links(self, client, editor, site_tree):
        image = factories.IllustrationFactory()
        story = factories.StoryPageFactory(
            parent=site_tree["stories"], title="Editable story", hero_image=image
        )
        client.force_login(editor)
        html = client.get(reverse("wagtailimages:image_usage", args=[image.pk])).content.decode()
        assert f"/admin/pages/{story.pk}/edit/" in html and "Editable story" in html


def test_no_search_all_pages_on_an_illustrators_dashboard(client, illustrator, editor):
    client.force_login(illustrator)
    assert "Search all pages" not in client.get(reverse("wagtailadmin_home")).content.decode()
    client.force_login(editor)
    assert "Search all pages" in client.get(reverse("wagtailadmin_home")).content.decode()


def test_an_illustrators_image_from_the_uploader_is_complete(client, illustrator):
    client.force_login(illustrator)
    data = drop(client, "final.png")
    created = finish(client, data["uploaded_file_id"], illustrator=illustrator.page.pk)
    image = Illustration.objects.get(pk=created["image_id"])
    assert image.is_complete and image.illustrator_id == illustrator.page.pk
