"""A story's rendered body is kept by what it was made from (collection/story_body.py): its live
revision and a body generation that only changes a body can show replace.

Each test counts the body renders (StoryPage.render_body) a reader's requests cause, after doing
what an editor does: publishing another story must not throw the body away; a new revision of the
story, an edited image, a renamed or unpublished linked page must show on the next request.
"""

import pytest

from collection.models import StoryPage

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fragments_on(settings, clear_caches):
    settings.FRAGMENT_CACHE_SECONDS = 300


@pytest.fixture
def renders(monkeypatch):
    """The ids of the stories whose body was rendered afresh, in order."""
    calls = []
    original = StoryPage.render_body

    def counting(self, request):
        calls.append(self.pk)
        return original(self, request)

    monkeypatch.setattr(StoryPage, "render_body", counting)
    return calls


def read(client, story):
    response = client.get(story.url)
    assert response.status_code == 200
    return response.content.decode()


def redescribe(image, text, capture_on_commit):
    """An editor changes an image's description (its alt text) and saves it."""
    image.description = text
    with capture_on_commit(execute=True):
        image.save()


def assert_figure_and_card_read(html, alt):
    """The figure and the social card's alt text both say `alt`."""
    assert f'alt="{alt}"' in html
    assert f'property="og:image:alt" content="{alt}"' in html


def test_publishing_another_story_keeps_the_body(
    client, content, renders, django_capture_on_commit_callbacks
):
    first, other = content.stories_up_to(2)
    html = read(client, first)
    assert renders == [first.pk]
    other.title = "Another story, retitled"
    with django_capture_on_commit_callbacks(execute=True):
        other.save_revision().publish()
    again = read(client, first)
    assert renders == [first.pk], "a publish elsewhere threw the body away"
    body = html.split('id="story-body"', 1)[1].split("</div>\n  <footer", 1)[0]
    assert body in again
    # Everything else on the page follows the publish at once: the related card's new title.
    assert "Another story, retitled" in again


def test_a_new_story_published_keeps_other_bodies(
    client, content, renders, django_capture_on_commit_callbacks
):
    first = content.stories_up_to(1)[0]
    read(client, first)
    with django_capture_on_commit_callbacks(execute=True):
        content.story(title="A brand new story", in_series=False)
    renders.clear()
    read(client, first)
    assert renders == []


def test_a_new_revision_of_the_story_shows_at_once(
    client, content, renders, django_capture_on_commit_callbacks
):
    story = content.stories_up_to(1)[0]
    read(client, story)
    story.body = [{"type": "paragraph", "value": "<p>A rewritten opening paragraph.</p>"}]
    with django_capture_on_commit_callbacks(execute=True):
        story.save_revision().publish()
    html = read(client, StoryPage.objects.get(pk=story.pk))
    assert "A rewritten opening paragraph." in html
    assert "Most studies draw on few communities." not in html
    assert renders == [story.pk, story.pk]


def test_a_draft_of_the_story_does_not_show(client, content, django_capture_on_commit_callbacks):
    story = content.stories_up_to(1)[0]
    read(client, story)
    story.body = [{"type": "paragraph", "value": "<p>Not ready yet.</p>"}]
    with django_capture_on_commit_callbacks(execute=True):
        story.save_revision()
    assert "Not ready yet." not in read(client, StoryPage.objects.get(pk=story.pk))


def test_an_edited_body_illustration_shows_at_once(
    client, content, renders, django_capture_on_commit_callbacks
):
    story = content.stories_up_to(1)[0]
    image_id = next(b.value["image"].pk for b in story.body if b.block_type == "illustration")
    from illustrations.models import Illustration

    image = Illustration.objects.get(pk=image_id)
    image.description = "Three people at a clinic table"
    with django_capture_on_commit_callbacks(execute=True):
        image.save()
    assert 'alt="Three people at a clinic table"' in read(client, story)
    image.description = "Four people at a clinic table"
    with django_capture_on_commit_callbacks(execute=True):
        image.save()
    assert 'alt="Four people at a clinic table"' in read(client, story)
    assert renders == [story.pk, story.pk]


def linking_story(content, target):
    link = f'<p>Read <a linktype="page" id="{target.pk}">the other story</a>.</p>'
    return content.story(in_series=False, body=[{"type": "paragraph", "value": link}])


def test_a_linked_page_moved_to_a_new_address_updates_the_link(
    client, content, django_capture_on_commit_callbacks
):
    target = content.stories_up_to(1)[0]
    story = linking_story(content, target)
    assert f'href="{target.url}"' in read(client, story)
    target.slug = "a-new-address"
    with django_capture_on_commit_callbacks(execute=True):
        target.save_revision().publish()
    target.refresh_from_db()
    assert target.url.rstrip("/").endswith("a-new-address")
    assert f'href="{target.url}"' in read(client, story)


def test_unpublishing_a_linked_page_renders_the_body_again(
    client, content, renders, django_capture_on_commit_callbacks
):
    target = content.stories_up_to(1)[0]
    story = linking_story(content, target)
    read(client, story)
    with django_capture_on_commit_callbacks(execute=True):
        target.unpublish()
    read(client, story)
    assert renders == [story.pk, story.pk]


def test_a_renamed_illustrator_shows_in_the_body_credit(
    content, client, django_capture_on_commit_callbacks
):
    from illustrations.models import Illustration

    story = content.stories_up_to(1)[0]
    person = content.contributors[0]
    image_id = next(b.value["image"].pk for b in story.body if b.block_type == "illustration")
    image = Illustration.objects.get(pk=image_id)
    image.illustrator = person
    image.illustrator_name = ""
    with django_capture_on_commit_callbacks(execute=True):
        image.save()
    body = read(client, story).split('id="story-body"', 1)[1].split("<footer", 1)[0]
    assert person.title in body
    person.title = "A new name"
    with django_capture_on_commit_callbacks(execute=True):
        person.save_revision().publish()
    body = read(client, story).split('id="story-body"', 1)[1].split("<footer", 1)[0]
    assert "A new name" in body


def test_a_contributor_nothing_shows_keeps_the_body(
    content, renders, client, django_capture_on_commit_callbacks
):
    # Credited on the story (its byline follows at once) but in no body.
    story = content.stories_up_to(1)[0]
    read(client, story)
    person = content.contributors[0]
    person.title = "A new name"
    with django_capture_on_commit_callbacks(execute=True):
        person.save_revision().publish()
    assert "A new name" in read(client, story)
    assert renders == [story.pk]


def test_nothing_is_kept_without_fragments(client, content, renders, settings):
    settings.FRAGMENT_CACHE_SECONDS = 0
    story = content.stories_up_to(1)[0]
    read(client, story)
    read(client, story)
    assert renders == [story.pk, story.pk]


def test_the_hero_and_social_card_are_kept_with_the_body(
    client, content, renders, django_capture_on_commit_callbacks
):
    story = content.stories_up_to(1)[0]
    fresh = read(client, story)
    kept = read(client, story)
    assert renders == [story.pk]

    def head_and_hero(html):
        og = html.split('property="og:image" content="', 1)[1].split('"', 1)[0]
        return og, html.split('class="story__hero"', 1)[1].split("</figure>", 1)[0]

    assert head_and_hero(kept) == head_and_hero(fresh)
    # An edited hero shows at once, in the figure and the social card's alt text.
    redescribe(
        story.hero_image, "A clinic waiting room at dawn", django_capture_on_commit_callbacks
    )
    assert_figure_and_card_read(read(client, story), "A clinic waiting room at dawn")


def test_a_series_keeps_its_introduction_cover_and_social_card_by_revision(
    client, content, monkeypatch, django_capture_on_commit_callbacks
):
    """A series page's own parts (SeriesPage.render_header) are kept like a story's body: a
    publish elsewhere keeps them, an edited cover or a new revision shows at once."""
    from collection.models import SeriesPage

    calls = []
    original = SeriesPage.render_header
    monkeypatch.setattr(
        SeriesPage,
        "render_header",
        lambda self, request: calls.append(self.pk) or original(self, request),
    )
    series = content.series
    series.introduction = "<p>Who the samples came from.</p>"
    with django_capture_on_commit_callbacks(execute=True):
        series.save_revision().publish()
    content.stories_up_to(2)
    fresh = read(client, series)
    kept = read(client, series)
    assert calls == [series.pk] and kept == fresh
    assert "Who the samples came from." in kept

    other = content.stories[1]
    other.title = "Retitled elsewhere"
    with django_capture_on_commit_callbacks(execute=True):
        other.save_revision().publish()
    assert "Retitled elsewhere" in read(client, series)
    assert calls == [series.pk], "a publish elsewhere threw the series header away"

    redescribe(series.cover_image, "A map of sample origins", django_capture_on_commit_callbacks)
    assert_figure_and_card_read(read(client, series), "A map of sample origins")

    series = SeriesPage.objects.get(pk=series.pk)
    series.introduction = "<p>A new introduction.</p>"
    with django_capture_on_commit_callbacks(execute=True):
        series.save_revision().publish()
    assert "A new introduction." in read(client, series)
