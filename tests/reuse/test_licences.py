"""Each image's licence decides its reuse: all rights reserved is listed as not for reuse with no
original file in the API; open licences carry a TASL attribution in the API, the card and on
the credits page."""

import pytest

from illustrations.models import Illustration
from illustrations.renditions import generate_site_renditions

from .helpers import validate

pytestmark = pytest.mark.django_db


@pytest.fixture
def story(content):
    story = content.story()
    generate_site_renditions(story.hero_image)
    return story


def image_json(client, image):
    response = client.get(f"/api/v2/images/{image.pk}/")
    assert response.status_code == 200
    data = response.json()
    validate(data, "Image")
    return data


@pytest.mark.parametrize("licence", ["commissioned", "all-rights-reserved"])
def test_all_rights_reserved_is_not_for_reuse(client, story, licence):
    Illustration.objects.filter(pk=story.hero_image_id).update(licence=licence)
    data = image_json(client, story.hero_image)
    assert data["licence"]["reusable"] is False
    assert data["original"] is None and data["attribution"] is None
    assert "original_images" not in str(data)
    assert data["renditions"], "the site's own renditions are still listed"
    listed = client.get("/api/v2/images/?reusable=false").json()["items"]
    assert story.hero_image_id in {item["id"] for item in listed}
    assert "Not for reuse" in client.get("/credits/").content.decode()


def test_openly_licensed_artwork_travels_with_its_attribution(client, story):
    Illustration.objects.filter(pk=story.hero_image_id).update(
        licence="cc-by-sa", title="Three figures"
    )
    data = image_json(client, story.hero_image)
    assert data["licence"] == {
        "code": "cc-by-sa",
        "name": "CC BY-SA 4.0",
        "url": "https://creativecommons.org/licenses/by-sa/4.0/",
        "reusable": True,
    }
    assert data["original"]["url"].startswith("http://testserver/")
    text = data["attribution"]["text"]
    # Title, Author, Source, Licence.
    assert "\u201cThree figures\u201d" in text and "by Ama Mensah" in text
    assert f"/credits/#illustration-{story.hero_image_id}" in text
    assert "CC BY-SA 4.0 (https://creativecommons.org/licenses/by-sa/4.0/)" in text
    formats = {rendition["format"] for rendition in data["renditions"]}
    assert {"avif", "webp", "png"} <= formats

    credits = client.get("/credits/").content.decode()
    assert f'id="illustration-{story.hero_image_id}"' in credits
    assert "Attribution to paste" in credits and "CC BY-SA 4.0" in credits
    card = client.get(f"/embed/stories/{story.pk}/").content.decode()
    assert "Attribution to paste" in card and "\u201cThree figures\u201d" in card


def test_artwork_from_elsewhere_names_its_own_source(client, story):
    Illustration.objects.filter(pk=story.hero_image_id).update(
        licence="cc0", source_url="https://archive.example/item/7"
    )
    text = image_json(client, story.hero_image)["attribution"]["text"]
    assert "https://archive.example/item/7" in text
