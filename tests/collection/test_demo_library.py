"""The get-or-update helpers demo content is built with (other apps' demo steps use them too)."""

import pytest

from collection.demo.artwork import Artwork
from collection.demo.library import ensure_image, ensure_page, ensure_theme
from collection.models import StoryPage
from tests import factories


def story_fields(**overrides):
    fields = {
        "title": "What did I agree to?",
        "summary": "A participant goes looking for her sample.",
        "format": "article",
        "body": [{"type": "paragraph", "value": "<p>I gave blood in 2008.</p>"}],
    }
    fields.update(overrides)
    return fields


@pytest.mark.django_db
def test_ensure_page_creates_publishes_then_leaves_alone(site_tree):
    stories = site_tree["stories"]
    page, status = ensure_page(stories, StoryPage, "agree", fields=story_fields())
    assert status == "created"
    assert page.live and page.revisions.count() == 1

    again, status = ensure_page(stories, StoryPage, "agree", fields=story_fields())
    assert (again.pk, status) == (page.pk, "unchanged")
    assert again.revisions.count() == 1


@pytest.mark.django_db
def test_ensure_page_updates_only_what_differs_through_a_revision(site_tree):
    stories = site_tree["stories"]
    page, _ = ensure_page(stories, StoryPage, "agree", fields=story_fields())
    body = [{"type": "paragraph", "value": "<p>I gave blood on a wet Tuesday.</p>"}]
    page, status = ensure_page(stories, StoryPage, "agree", fields=story_fields(body=body))
    assert status == "updated"
    assert page.revisions.count() == 2
    assert "wet Tuesday" in str(page.body)

    page, status = ensure_page(stories, StoryPage, "agree", fields=story_fields(), update=False)
    assert status == "unchanged"
    assert "wet Tuesday" in str(page.body)


@pytest.mark.django_db
def test_ensure_page_stores_child_order_and_many_to_many(site_tree):
    stories = site_tree["stories"]
    people = [
        factories.ContributorPageFactory(parent=site_tree["contributors"], title=name)
        for name in ("Siân Lewis", "Ama Mensah")
    ]
    theme = factories.ThemeFactory(slug="consent", name="Consent")
    credits = [
        {"contributor": people[1], "role": "illustrator", "sort_order": 0},
        {"contributor": people[0], "role": "author", "sort_order": 1},
    ]
    page, _ = ensure_page(
        stories,
        StoryPage,
        "agree",
        fields=story_fields(),
        many={"themes": [theme]},
        children={"story_contributors": credits},
    )
    assert [c.contributor for c in page.story_contributors.all()] == [people[1], people[0]]
    assert list(page.themes.all()) == [theme]

    credits.reverse()
    for position, row in enumerate(credits):
        row["sort_order"] = position
    page, status = ensure_page(
        stories,
        StoryPage,
        "agree",
        fields=story_fields(),
        many={"themes": [theme]},
        children={"story_contributors": credits},
    )
    assert status == "updated"
    assert [c.contributor for c in page.story_contributors.all()] == people

    page, status = ensure_page(
        stories, StoryPage, "agree", fields=story_fields(), children={"story_contributors": []}
    )
    assert status == "updated"
    assert not page.story_contributors.exists()


@pytest.mark.django_db
def test_ensure_image_draws_once_and_updates_its_words():
    artwork = Artwork(
        key="test-gap",
        title="Test gap",
        style="dot-grid",
        palette="ochre-teal",
        seed=1,
        description="Rows of ochre and teal dots with a gap.",
        illustrator_name="Ama Mensah",
        size=(48, 30),
    )
    image, status = ensure_image(artwork)
    assert status == "created"
    assert (image.width, image.height) == (48, 30)
    assert image.file_hash and image.file_size

    same, status = ensure_image(artwork)
    assert (same.pk, status, same.file.name) == (image.pk, "unchanged", image.file.name)

    changed = Artwork(**{**artwork.__dict__, "description": "Dots with a gap, redrawn."})
    same, status = ensure_image(changed)
    assert status == "updated"
    same.refresh_from_db()
    assert same.description == "Dots with a gap, redrawn."
    assert same.file.name == image.file.name  # the picture is not drawn again


@pytest.mark.django_db
def test_ensure_theme():
    assert ensure_theme("consent", "Consent", "What people agree to.")[1] == "created"
    assert ensure_theme("consent", "Consent", "What people agree to.")[1] == "unchanged"
    theme, status = ensure_theme("consent", "Consent", "What people agree to, and are told.")
    assert status == "updated" and theme.description.endswith("are told.")
