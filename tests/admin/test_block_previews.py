"""Every body block has a description and a preview in the block picker, rendered with the
site's own stylesheet, whether or not the library has anything to show in it yet."""

import pytest
from django.urls import reverse

from collection.models import ContributorPage, StoryPage
from home.models import SiteFooterSettings
from tests import factories

pytestmark = pytest.mark.django_db

SITE_CSS = "/static/css/site.css"


def picker_blocks():
    """Every block an editor can pick in any StreamField of the site."""
    fields = [
        StoryPage._meta.get_field("body"),
        ContributorPage._meta.get_field("links"),
        SiteFooterSettings._meta.get_field("social_links"),
    ]
    return [
        (f"{field.model.__name__}.{field.name}.{name}", block)
        for field in fields
        for name, block in field.stream_block.child_blocks.items()
    ]


BLOCKS = picker_blocks()
IDS = [name for name, _ in BLOCKS]


def preview(client, block):
    response = client.get(reverse("wagtailadmin_block_preview"), {"id": block.definition_prefix})
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.parametrize("name, block", BLOCKS, ids=IDS)
def test_each_block_is_described_and_previewable(name, block):
    assert block.get_description(), name
    assert block.is_previewable, name


@pytest.mark.parametrize("name, block", BLOCKS, ids=IDS)
def test_each_preview_renders_with_the_site_css(
    client, editor, name, block, settings, tmp_path, site_tree
):
    settings.MEDIA_ROOT = str(tmp_path)
    image = factories.IllustrationFactory(title="Preview artwork")
    audio = factories.StoryMediaFactory(title="Biobank voices")
    factories.StoryPageFactory(
        parent=site_tree["stories"],
        hero_image=image,
        body=[{"type": "podcast_episode", "value": {"audio": audio.pk, "episode_title": ""}}],
    )
    client.force_login(editor)
    html = preview(client, block)
    assert f'href="{SITE_CSS}' in html, name
    assert "block-preview__missing" not in html, name
    block_type = name.rsplit(".", 1)[1]
    if block_type in ("illustration", "video", "embed"):
        assert image.description in html or "facade" in html, name
    if block_type == "illustration":
        assert image.description in html and "Ama Mensah" in html  # alt text and credit
    if block_type == "podcast_episode":
        assert "Biobank voices" in html and "<audio" in html


@pytest.mark.parametrize(
    "block_type, kind", [("illustration", "artwork"), ("podcast_episode", "audio")]
)
def test_a_library_block_says_plainly_when_nothing_is_published(
    client, editor, block_type, kind, site_tree
):
    unfinished = factories.IllustrationFactory(title="Unfinished", description="", licence="")
    factories.StoryPageFactory(parent=site_tree["stories"], hero_image=unfinished)
    # Complete, but on no live page (e.g. a file added from a submission): never previewed.
    kept_back = factories.IllustrationFactory(title="Kept back")
    factories.StoryPageFactory(parent=site_tree["stories"], hero_image=kept_back, live=False)
    factories.StoryMediaFactory(title="Unpublished audio")
    client.force_login(editor)
    block = StoryPage._meta.get_field("body").stream_block.child_blocks[block_type]
    html = preview(client, block)
    assert f'href="{SITE_CSS}' in html
    assert "block-preview__missing" in html and f"shows {kind}" in html
    assert "Kept back" not in html and kept_back.description not in html
    assert "Unpublished audio" not in html


def test_previews_are_for_signed_in_staff_only(client):
    block = StoryPage._meta.get_field("body").stream_block.child_blocks["paragraph"]
    url = reverse("wagtailadmin_block_preview")
    response = client.get(url, {"id": block.definition_prefix})
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
