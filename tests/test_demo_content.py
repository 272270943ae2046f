"""`load_demo_content` builds a complete, believable site, offline, and a second run changes
nothing. Every demo page answers visitors, and every page type's editor opens for an admin.

Loading takes several seconds, so the module loads once, inside a transaction rolled back at
the end of the module; each test runs in its own savepoint within it (pytest-django's `db`).
"""

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import transaction
from django.http import HttpRequest
from wagtail.images import get_image_model
from wagtail.models import Page, Revision, Site

from collection.blocks import StoryBodyBlock
from collection.captions import captions_problem
from collection.demo import artwork
from collection.models import (
    ContributorPage,
    SeriesPage,
    SeriesStory,
    StoryContributor,
    StoryFormat,
    StoryMedia,
    StoryPage,
    Theme,
)
from home.models import HomePage

PASSWORD = "a-test-password-for-the-demo"


def load():
    out = io.StringIO()
    call_command("load_demo_content", stdout=out)
    return out.getvalue()


@pytest.fixture(scope="module")
def demo_site(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), pytest.MonkeyPatch.context() as patch:
        # Small artwork keeps drawing and renditions fast; the content is the same.
        patch.setattr(artwork, "SCALE", 0.2)
        patch.setenv("DEMO_ADMIN_PASSWORD", PASSWORD)
        outer = transaction.atomic()
        outer.__enter__()
        try:
            yield load()
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)


@pytest.fixture
def demo(demo_site, db, monkeypatch):
    monkeypatch.setattr(artwork, "SCALE", 0.2)
    monkeypatch.setenv("DEMO_ADMIN_PASSWORD", PASSWORD)
    return demo_site


def counts():
    return {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "images": get_image_model().objects.count(),
        "media": StoryMedia.objects.count(),
        "themes": Theme.objects.count(),
        "users": get_user_model().objects.count(),
        "credits": StoryContributor.objects.count(),
        "series order": SeriesStory.objects.count(),
        "sites": Site.objects.count(),
    }


def test_loading_twice_changes_nothing(demo):
    first = counts()
    output = load()
    assert counts() == first
    assert " created" in output and "1 created" not in output
    for kind in ("pages", "images", "media", "themes"):
        assert f"{kind}: 0 created, 0 updated" in output


def test_a_second_run_puts_back_what_differs_through_a_new_revision(demo):
    story = StoryPage.objects.get(slug="what-did-i-agree-to")
    revisions = story.revisions.count()
    story.summary = "Changed by hand."
    story.save_revision().publish()

    output = load()

    story.refresh_from_db()
    assert story.summary.startswith("Siân Lewis signed a biobank consent form")
    assert story.revisions.count() == revisions + 2
    assert "pages: 0 created, 1 updated" in output


def test_home_page_is_the_default_sites_root_instead_of_the_welcome_page(demo):
    site = Site.objects.get(is_default_site=True)
    assert site.hostname == "localhost"
    assert isinstance(site.root_page.specific, HomePage)
    root = Page.get_first_root_node()
    # The home page and its translations, and nothing else (the Welcome page is gone).
    children = root.get_children()
    assert {page.specific_class for page in children} == {HomePage}
    assert {page.translation_key for page in children} == {site.root_page.translation_key}
    home = site.root_page.specific
    assert home.featured_story is not None
    # Other apps may add pages of their own after the three indexes.
    slugs = [child.slug for child in home.get_children()]
    assert slugs[:3] == ["stories", "series", "contributors"]


def test_demo_covers_every_format_and_every_block(demo):
    stories = list(StoryPage.objects.live())
    assert len(stories) >= 12
    assert {story.format for story in stories} == set(StoryFormat.values)
    block_types = {block.block_type for story in stories for block in story.body}
    assert block_types == set(StoryBodyBlock().child_blocks)
    videos = [b.value for s in stories for b in s.body if b.block_type == "video"]
    assert any(video["video"] for video in videos), "an uploaded video"
    assert any(video["url"] and video["poster"] and video["transcript"] for video in videos)
    embeds = [(s, b.value) for s in stories for b in s.body if b.block_type == "embed"]
    assert any("spotify.com" in embed["url"] for _, embed in embeds)
    for story, embed in embeds:
        # The link reads 'Listen "<title>" on Spotify': the title must not say it again, and
        # the poster must not repeat the hero shown above it.
        assert not embed["title"].lower().endswith(" on spotify"), embed["title"]
        assert not embed["poster"] or embed["poster"].pk != story.hero_image_id, story.title
    # Spread over time, some with content notes, every one credited and themed.
    assert len({story.first_published.year for story in stories}) >= 3
    assert sum(bool(story.content_note) for story in stories) >= 2
    for story in stories:
        assert story.story_contributors.exists(), story.title
        assert story.themes.exists(), story.title
        assert story.hero_image_id, story.title
        assert story.revisions.exists(), story.title


def test_demo_story_bodies_pass_the_editors_validation(demo):
    # An editor who opens a demo story and presses Publish must not meet an error.
    for story in StoryPage.objects.live():
        story.body.stream_block.clean(story.body)


def test_demo_has_series_in_order_and_contributors_of_every_kind(demo):
    series = list(SeriesPage.objects.live())
    assert len(series) >= 3
    for each in series:
        assert each.series_stories.count() >= 3
        assert each.cover_image_id
    whose_samples = SeriesPage.objects.get(slug="whose-samples")
    assert [s.story.slug for s in whose_samples.series_stories.all()][:2] == [
        "what-did-i-agree-to",
        "consent-without-words",
    ]
    contributors = list(ContributorPage.objects.live())
    assert len(contributors) >= 6
    roles = [set(person.roles) for person in contributors]
    assert sum("illustrator" in r for r in roles) >= 2
    assert any("researcher" in r for r in roles)
    assert any("community-contributor" in r for r in roles)
    assert all(person.portrait_id and person.short_bio for person in contributors)


def test_every_demo_image_has_alt_text_credit_and_licence(demo):
    images = list(get_image_model().objects.all())
    assert len(images) >= 12
    for image in images:
        assert image.is_decorative or len(image.description) > 30, image.title
        assert image.credit_name, image.title
        assert image.licence, image.title
        assert image.is_decorative or image.default_caption, image.title
    assert any(image.illustrator_id for image in images)
    assert any(image.illustrator_name and not image.illustrator_id for image in images)


def test_demo_media_have_transcripts_and_the_video_has_captions(demo):
    audio = list(StoryMedia.objects.filter(type="audio"))
    assert audio
    for item in audio:
        assert item.file.name.endswith(".mp3")
        assert item.duration > 1 and item.file_size > 1000  # read from a real MP3
        assert "<p>" in item.transcript
    video = StoryMedia.objects.get(type="video")
    assert video.file.name.endswith(".mp4")
    with video.captions.open("rb") as captions:
        assert captions_problem(captions.read()) is None  # real WebVTT with cues
    assert video.transcript
    podcast = StoryPage.objects.filter(format="podcast").first()
    assert any(block.block_type == "podcast_episode" for block in podcast.body)


def test_admin_account_is_created_once_with_the_given_password(demo, client):
    admin = get_user_model().objects.get(username="admin")
    assert admin.is_superuser
    assert client.login(request=HttpRequest(), username="admin", password=PASSWORD)
    assert "already exists" in load()


def test_no_well_known_password_outside_development(demo, monkeypatch, settings):
    get_user_model().objects.filter(username="admin").delete()
    monkeypatch.delenv("DEMO_ADMIN_PASSWORD", raising=False)
    settings.DEBUG = False
    output = load()
    assert not get_user_model().objects.filter(username="admin").exists()
    assert "DEMO_ADMIN_PASSWORD" in output


def test_the_documented_password_in_development(demo, monkeypatch, settings, client):
    get_user_model().objects.filter(username="admin").delete()
    monkeypatch.delenv("DEMO_ADMIN_PASSWORD", raising=False)
    settings.DEBUG = True
    output = load()
    assert "mind-the-gap-demo" in output
    # Through the real sign-in page, as a person would (and past the login throttle).
    response = client.post("/admin/login/", {"username": "admin", "password": "mind-the-gap-demo"})
    assert response.status_code == 302


def test_every_demo_page_answers_a_visitor(demo, client):
    pages = Page.objects.live().filter(depth__gt=1).specific()
    assert len(pages) >= 29
    for page in pages:
        response = client.get(page.url)
        assert response.status_code == 200, page.url


def test_admin_edit_view_of_every_page_type_answers(demo, admin_client):
    seen = {}
    for page in Page.objects.filter(depth__gt=1).specific():
        seen.setdefault(type(page), page)
    assert {HomePage, StoryPage, SeriesPage, ContributorPage} <= set(seen)
    assert len(seen) >= 7
    for model, page in seen.items():
        response = admin_client.get(f"/admin/pages/{page.pk}/edit/")
        assert response.status_code == 200, model.__name__
