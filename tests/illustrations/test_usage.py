"""Each illustration's admin usage listing shows every page that uses it, however it is used, so
a takedown or withdrawn consent can be handled completely."""

import pytest
from django.urls import reverse

from tests import factories


@pytest.mark.django_db
def test_usage_lists_field_streamfield_rich_text_and_poster_uses(client, superuser, site_tree):
    image = factories.IllustrationFactory(title="Withdrawn artwork")
    factories.StoryPageFactory(parent=site_tree["stories"], title="As hero", hero_image=image)
    factories.StoryPageFactory(
        parent=site_tree["stories"],
        title="In an illustration block",
        body=[
            {
                "type": "illustration",
                "value": {
                    "image": {"image": image.pk, "alt_text": "Art", "decorative": False},
                    "caption": "",
                    "width": "wide",
                },
            }
        ],
    )
    factories.StoryPageFactory(
        parent=site_tree["stories"],
        title="In rich text",
        body=[
            {
                "type": "paragraph",
                "value": f'<p>See</p><embed embedtype="image" id="{image.pk}" format="left" '
                'alt="Art"/>',
            }
        ],
    )
    factories.StoryPageFactory(
        parent=site_tree["stories"],
        title="As an embed poster",
        body=[
            {
                "type": "embed",
                "value": {"url": "https://x.example/1", "title": "Data story", "poster": image.pk},
            }
        ],
    )
    factories.SeriesPageFactory(parent=site_tree["series"], title="As a cover", cover_image=image)
    factories.ContributorPageFactory(
        parent=site_tree["contributors"], title="As a portrait", portrait=image
    )
    factories.StoryPageFactory(parent=site_tree["stories"], title="Not using it")

    client.force_login(superuser)
    response = client.get(reverse("wagtailimages:image_usage", args=[image.pk]))
    assert response.status_code == 200
    content = response.content.decode()
    for title in (
        "As hero",
        "In an illustration block",
        "In rich text",
        "As an embed poster",
        "As a cover",
        "As a portrait",
    ):
        assert title in content, title
    assert "Not using it" not in content
