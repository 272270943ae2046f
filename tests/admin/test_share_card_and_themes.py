"""The "Share card" preview mode beside the page preview, and themes as labelled checkboxes."""

import re

import pytest

from collection.models.share_card import NETWORKS, SHARE_CARD_MODE
from illustrations.renditions import SOCIAL_SPEC, filter_for
from tests import factories
from tests.admin.conftest import story_form_data

pytestmark = pytest.mark.django_db


def preview_html(client, story, mode, **overrides):
    url = f"/admin/pages/{story.pk}/edit/preview/"
    assert client.post(url, story_form_data(story, **overrides)).json()["is_valid"]
    response = client.get(url, {"mode": mode})
    assert response.status_code == 200
    return response.content.decode()


def test_share_card_is_a_preview_mode_of_every_page_type(story, site_tree):
    assert (SHARE_CARD_MODE, "Share card") in story.preview_modes
    assert story.default_preview_mode == ""  # the page itself stays the first preview
    for page in site_tree.values():
        assert SHARE_CARD_MODE in dict(page.specific.preview_modes)


def test_share_card_shows_title_summary_and_the_social_crop(client, editor, story):
    client.force_login(editor)
    html = preview_html(client, story, SHARE_CARD_MODE, summary="Who the biobank left out.")
    for network in NETWORKS:
        assert f'data-network="{network.name}"' in html
        assert f'data-width="{network.width}"' in html
    assert html.count("Who is missing from the biobank") >= len(NETWORKS)
    # The draft's own summary (a preview shows what is being written, not the live page).
    assert html.count("Who the biobank left out.") == len(NETWORKS)
    # The same 1200x630 rendition as the page's og:image.
    social = story.hero_image.get_rendition(filter_for(SOCIAL_SPEC))
    images = re.findall(r'<img class="share-card__image[^>]*src="([^"]+)"', html)
    assert len(images) == len(NETWORKS) and all(src.endswith(social.url) for src in images)
    assert "The image has no alt text" not in html

    # And the live page's social meta uses the very same image.
    page_html = client.get(story.url).content.decode()
    og_image = re.search(r'<meta property="og:image" content="([^"]+)"', page_html).group(1)
    assert og_image.endswith(social.url)


def test_share_card_warns_about_a_missing_image(client, editor, story):
    client.force_login(editor)
    html = preview_html(client, story, SHARE_CARD_MODE, hero_image="")
    assert "No image: networks show a plain text card" in html
    assert "share-card__image" not in html


def test_the_page_preview_itself_is_unchanged(client, editor, story):
    client.force_login(editor)
    html = preview_html(client, story, "")
    assert 'class="story"' in html and "share-card" not in html


def test_themes_are_labelled_checkboxes_in_the_story_editor(client, editor, story):
    factories.ThemeFactory(name="Consent", slug="consent")
    factories.ThemeFactory(name="Genomics", slug="genomics")
    client.force_login(editor)
    html = client.get(f"/admin/pages/{story.pk}/edit/").content.decode()
    assert not re.search(r'<select[^>]*name="themes"', html)
    boxes = re.findall(r'<input[^>]*type="checkbox"[^>]*name="themes"[^>]*>', html)
    assert len(boxes) == 2
    for name in ("Consent", "Genomics"):
        assert re.search(rf"<label[^>]*>\s*<input[^>]*name=\"themes\"[^>]*>\s*{name}", html)
