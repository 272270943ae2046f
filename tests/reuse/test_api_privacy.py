"""Only what a visitor could see leaves through the API: a draft, a private (restricted) page,
their images, a submission and any personal data never appear, in listings, details or
filters of every endpoint."""

import json

import pytest

from submissions.models import StorySubmission

from .helpers import validate

pytestmark = pytest.mark.django_db

LISTINGS = [
    ("/api/v2/pages/", "PageListing"),
    ("/api/v2/pages/?type=collection.StoryPage", "PageListing"),
    ("/api/v2/pages/?type=collection.SeriesPage", "PageListing"),
    ("/api/v2/pages/?type=collection.ContributorPage", "PageListing"),
    ("/api/v2/pages/?theme=consent", "PageListing"),
    ("/api/v2/pages/?format=article", "PageListing"),
    ("/api/v2/pages/?format=podcast", "PageListing"),
    ("/api/v2/pages/?series=missing-from-the-data", "PageListing"),
    ("/api/v2/pages/?locale=en", "PageListing"),
    ("/api/v2/pages/?order=title&limit=100", "PageListing"),
    ("/api/v2/images/?limit=100", "ImageListing"),
    ("/api/v2/images/?licence=cc-by", "ImageListing"),
    ("/api/v2/images/?reusable=true", "ImageListing"),
    ("/api/v2/media/", "MediaListing"),
    ("/api/v2/media/?kind=audio", "MediaListing"),
    ("/api/v2/media/?kind=video", "MediaListing"),
]


@pytest.fixture
def world(content, django_user_model):
    editor = django_user_model.objects.create_user(
        "editor", email="editor-secret@example.org", password="x"
    )
    story = content.story()
    story.owner = editor
    story.save()
    person = content.contributors[0]
    person.user = editor
    person.save_revision().publish()
    content.podcast()
    content.video()
    draft, draft_image = content.draft()
    private, private_image = content.private()
    # The private story is in the series and credited like any other: it must still not leak.
    from collection.models import SeriesStory

    SeriesStory.objects.create(series=content.series, story=private, sort_order=99)
    submission = StorySubmission.objects.create(
        name="Submitter Person",
        email="submitter-secret@example.org",
        story_title="Submitted story title",
        story_text="The text of a submitted story.",
        consent_publish=True,
    )
    return {
        "draft": draft,
        "draft_image": draft_image,
        "private": private,
        "private_image": private_image,
        "submission": submission,
        "story": story,
    }


SECRETS = (
    "Draft story never published",
    "Draft-only artwork",
    "Private story behind a password",
    "Private-only artwork",
    "Submitted story title",
    "Submitter Person",
    "secret@example.org",
    "editor",
    "password",
)


def assert_clean(text):
    found = [secret for secret in SECRETS if secret in text]
    assert not found, found


def test_listings_and_filters_show_only_public_content(client, world):
    for url, schema in LISTINGS:
        response = client.get(url)
        assert response.status_code == 200, (url, response.content)
        data = response.json()
        validate(data, schema)
        assert_clean(response.content.decode())
        ids = {item["id"] for item in data["items"]}
        for key in ("draft", "private", "draft_image", "private_image"):
            if (key.endswith("image")) == ("/images/" in url):
                assert world[key].pk not in ids, (url, key)


def test_listings_have_content(client, world):
    assert client.get("/api/v2/pages/?type=collection.StoryPage").json()["meta"]["total_count"] >= 3
    assert client.get("/api/v2/images/").json()["meta"]["total_count"] >= 3
    assert client.get("/api/v2/media/").json()["meta"]["total_count"] == 2


def test_details_of_draft_private_and_their_images_are_404(client, world):
    for url in (
        f"/api/v2/pages/{world['draft'].pk}/",
        f"/api/v2/pages/{world['private'].pk}/",
        f"/api/v2/pages/{world['private'].pk}/?type=collection.StoryPage",
        f"/api/v2/images/{world['draft_image'].pk}/",
        f"/api/v2/images/{world['private_image'].pk}/",
        f"/api/citations/{world['draft'].pk}.ris",
        f"/api/citations/{world['private'].pk}.bib",
        f"/embed/stories/{world['draft'].pk}/",
        f"/embed/stories/{world['private'].pk}/",
    ):
        response = client.get(url)
        assert response.status_code == 404, url
        assert_clean(response.content.decode())


def test_a_signed_in_editor_sees_no_more_than_a_visitor(client, world, django_user_model):
    client.force_login(django_user_model.objects.get(username="editor"))
    for url, _schema in LISTINGS:
        assert_clean(client.get(url).content.decode().replace('"editor"', ""))
    assert client.get(f"/api/v2/pages/{world['private'].pk}/").status_code == 404


def test_public_details_validate_and_carry_no_personal_data(client, world):
    for item in client.get("/api/v2/pages/?limit=100").json()["items"]:
        response = client.get(item["meta"]["detail_url"])
        assert response.status_code == 200
        validate(response.json(), "Page")
        assert_clean(response.content.decode())
        assert "user" not in response.json() and "owner" not in response.json()
    for endpoint, schema in (("images", "Image"), ("media", "Media")):
        for item in client.get(f"/api/v2/{endpoint}/?limit=100").json()["items"]:
            response = client.get(item["meta"]["detail_url"])
            validate(response.json(), schema)
            assert_clean(response.content.decode())


def test_a_contributor_is_name_roles_bio_portrait_and_web_links_only(client, world, content):
    person = content.contributors[0]
    person.links = json.dumps(
        [
            {"type": "link", "value": {"label": "Site", "url": "https://example.org/me"}},
            {"type": "link", "value": {"label": "Mail", "url": "mailto:person@example.org"}},
        ]
    )
    person.save_revision().publish()
    data = client.get(f"/api/v2/pages/{person.pk}/").json()
    assert set(data) == {"id", "meta", "title", "roles", "bio", "portrait", "links"}
    assert data["links"] == [{"label": "Site", "url": "https://example.org/me"}]


def test_an_incomplete_image_is_not_listed(client, world, content):
    from illustrations.models import Illustration

    image = content.stories[0].hero_image
    Illustration.objects.filter(pk=image.pk).update(licence="")
    ids = {item["id"] for item in client.get("/api/v2/images/?limit=100").json()["items"]}
    assert image.pk not in ids
    assert client.get(f"/api/v2/images/{image.pk}/").status_code == 404
    story = client.get(f"/api/v2/pages/{content.stories[0].pk}/").json()
    assert story["hero_image"] is None
