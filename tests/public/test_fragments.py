"""What pages keep between requests (collection/fragments.py, collection/cards.py): related
stories, series navigation, story cards, the site and its footer settings.

Kept results live under the content generation, so every test here changes content the way an
editor does (publishing, unpublishing, editing an image) and checks that readers see the change
on their very next request, and that nothing is ever kept for a preview or the admin.
"""

import pytest
from django.core.cache import caches
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from collection import fragments
from collection.models import base as base_models
from home.models import SiteFooterSettings

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fragments_on(settings, clear_caches):
    settings.FRAGMENT_CACHE_SECONDS = 300


def queries_for(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries), response.content.decode()


def test_a_story_read_again_reuses_its_related_stories_and_series_navigation(client, content):
    content.stories_up_to(6)
    story = content.stories[3]
    first, first_html = queries_for(client, story.url)
    again, again_html = queries_for(client, story.url)
    assert again < first

    def after(html, marker):
        return html.split(marker, 1)[1]

    # The kept related cards and series navigation are what a fresh render printed.
    assert after(again_html, 'id="series-nav-heading"') == after(
        first_html, 'id="series-nav-heading"'
    )
    assert "Story number 2" in again_html  # the previous story in the series
    assert "Story number 4" in again_html  # the next one


def test_publishing_a_story_shows_it_among_related_at_once(
    client, content, django_capture_on_commit_callbacks
):
    content.stories_up_to(4)
    story = content.stories[0]
    client.get(story.url)  # related stories and cards are kept now
    with django_capture_on_commit_callbacks(execute=True):
        newest = content.story(title="A brand new story on consent", in_series=False)
    assert content.themes[0] in newest.themes.all()
    html = client.get(story.url).content.decode()
    related = html.split('id="related-heading"', 1)[1]
    assert "A brand new story on consent" in related


def test_a_retitled_story_shows_its_new_title_on_every_card(
    client, content, site_tree, django_capture_on_commit_callbacks
):
    content.stories_up_to(4)
    listed = content.stories[-1]
    for url in ("/", site_tree["stories"].url, content.series.url, content.stories[0].url):
        assert "Story number 3" in client.get(url).content.decode(), url
    listed.title = "A better title for the story"
    with django_capture_on_commit_callbacks(execute=True):
        listed.save_revision().publish()
    for url in ("/", site_tree["stories"].url, content.series.url, content.stories[0].url):
        html = client.get(url).content.decode()
        assert "A better title for the story" in html, url
        assert "Story number 3<" not in html, url


def test_unpublishing_a_story_closes_the_gap_in_its_series(
    client, content, django_capture_on_commit_callbacks
):
    first, middle, last = content.stories_up_to(3)
    assert "Story number 1" in client.get(first.url).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        middle.unpublish()
    html = client.get(first.url).content.decode()
    navigation = html.split('id="series-nav-heading"', 1)[1]
    assert "Story number 1" not in navigation
    assert "Story number 2" in navigation
    assert f'<a href="{last.url}" rel="next">' in navigation
    assert "part 1 of 2" in html
    assert client.get(middle.url).status_code == 404


def test_an_edited_illustration_shows_on_kept_cards(
    client, content, site_tree, django_capture_on_commit_callbacks
):
    content.stories_up_to(2)
    image = content.stories[-1].hero_image
    image.description = "An old description"
    image.save()
    client.get(site_tree["stories"].url)
    image.is_decorative = True
    with django_capture_on_commit_callbacks(execute=True):
        image.save()
    html = client.get(site_tree["stories"].url).content.decode()
    assert 'alt="An old description"' not in html


def test_nothing_is_kept_for_previews_or_without_a_generation():
    calls = []

    def compute():
        calls.append(1)
        return "fresh"

    request = RequestFactory().get("/stories/")
    assert fragments.remember(request, "test", 1, compute) == "fresh"  # no generation given
    request.content_generation = "g1"
    request.is_preview = True
    assert fragments.remember(request, "test", 1, compute) == "fresh"
    request.is_preview = False
    fragments.remember(request, "test", 1, compute)
    fragments.remember(request, "test", 1, compute)
    assert len(calls) == 4 - 1  # the last one came from the cache
    request.content_generation = "g2"
    fragments.remember(request, "test", 1, compute)
    assert len(calls) == 4


def test_the_admin_and_previews_get_no_generation(admin_client, admin_user, content):
    story = content.stories_up_to(1)[0]
    seen = []

    from django.test.signals import template_rendered

    def on_render(sender, template, context, **kwargs):
        request = context.get("request")
        if request is not None:
            seen.append(
                (
                    request.path,
                    bool(getattr(request, "is_preview", False)),
                    getattr(request, "content_generation", None),
                )
            )

    template_rendered.connect(on_render)
    try:
        assert admin_client.get(story.url).status_code == 200
        assert admin_client.get(f"/admin/pages/{story.pk}/edit/").status_code == 200
        # A preview of a draft, the way the editor's preview panel makes it: Wagtail runs the
        # middleware on a dummy request for the story's own public URL.
        story.title = "A draft title only the editor sees"
        original = RequestFactory().get("/admin/")
        original.user = admin_user
        preview = story.make_preview_request(original, story.default_preview_mode)
    finally:
        template_rendered.disconnect(on_render)
    assert "A draft title only the editor sees" in preview.content.decode()
    public = [generation for path, preview, generation in seen if not preview]
    previews = [generation for path, preview, generation in seen if preview]
    admin = [generation for path, preview, generation in seen if path.startswith("/admin/")]
    assert public and public[0]  # the reader's view of the story had a generation
    assert previews and not any(previews)  # the preview (at the story's own URL) had none
    assert admin and not any(admin)


def test_footer_settings_change_at_once(client, site_tree, django_capture_on_commit_callbacks):
    assert client.get("/").status_code == 200
    footer = SiteFooterSettings.for_site(site_tree["home"].get_site())
    footer.contact_email = "today@mindthegap.example"
    with django_capture_on_commit_callbacks(execute=True):
        footer.save()
    assert "today@mindthegap.example" in client.get("/").content.decode()


def test_routing_recovers_when_a_remembered_child_type_is_wrong(client, content, site_tree):
    story = content.stories_up_to(1)[0]
    assert client.get(site_tree["stories"].url).status_code == 200
    home = site_tree["home"]
    key = (home.pk, site_tree["stories"].slug)
    assert key in base_models._child_types
    # As if the stories index had been deleted and a series index given its slug.
    base_models._child_types[key] = site_tree["series"].content_type_id
    assert client.get(story.url).status_code == 200
    assert base_models._child_types[key] == site_tree["stories"].content_type_id
    assert client.get("/no-such-page/").status_code == 404


def test_a_page_first_routed_to_in_a_process_is_kept_with_its_illustrations(
    client, content, site_tree
):
    """The first request in a process learns the page's type from its generic row; the row kept
    for the generation is the typed one, with its cover and whether any page is restricted, so
    the next reader of the series needs no query, nor an illustrator's page one for the site's
    view restrictions."""
    content.stories_up_to(2)
    person = content.contributor(title="Drew Illustrator")
    content.series.cover_image.illustrator = person
    content.series.cover_image.save()
    for url in (content.series.url, person.url):
        slug = url.rstrip("/").rsplit("/", 1)[-1]
        parent = content.series.get_parent() if url == content.series.url else person.get_parent()
        base_models._child_types.pop((parent.pk, slug), None)
        assert client.get(url).status_code == 200  # routed without its type known: kept
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        read = [query["sql"] for query in queries.captured_queries]
        if url == content.series.url:
            assert read == []
        else:  # the portfolio is worked out afresh; the restrictions are known already
            assert not [sql for sql in read if "pageviewrestriction" in sql], read


def test_routing_recovers_when_a_remembered_child_type_no_longer_exists(client, content, site_tree):
    story = content.stories_up_to(1)[0]
    assert client.get(site_tree["stories"].url).status_code == 200
    key = (site_tree["home"].pk, site_tree["stories"].slug)
    # As after a database flush that made the content types again under other ids.
    base_models._child_types[key] = 987_654
    assert client.get(story.url).status_code == 200
    assert base_models._child_types[key] == site_tree["stories"].content_type_id


def test_a_private_section_stays_private(
    client, content, site_tree, django_capture_on_commit_callbacks
):
    story = content.stories_up_to(1)[0]
    # Read while nothing is restricted: "no restrictions anywhere" is kept.
    assert "Most studies draw on few communities" in client.get(story.url).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        PageViewRestriction.objects.create(
            page=site_tree["stories"], restriction_type=PageViewRestriction.PASSWORD, password="x"
        )
    response = client.get(story.url)
    assert response.status_code == 200
    assert "Most studies draw on few communities" not in response.content.decode()
    assert 'name="password"' in response.content.decode()
    # Logged-in-only on the home page keeps every story behind a login.
    PageViewRestriction.objects.all().delete()
    PageViewRestriction.objects.create(
        page=site_tree["home"], restriction_type=PageViewRestriction.LOGIN
    )
    assert client.get(story.url).status_code == 302


def test_a_made_up_host_is_refused_before_anything_is_kept(client, content, settings):
    settings.ALLOWED_HOSTS = ["testserver"]
    story = content.stories_up_to(1)[0]
    response = client.get(story.url, HTTP_HOST="made-up.example")
    assert response.status_code == 400
    assert not any("made-up.example" in str(key) for key in caches["default"]._cache)


def test_new_themes_and_credits_show_on_the_story_at_once(
    client, content, django_capture_on_commit_callbacks
):
    story = content.stories_up_to(2)[0]
    html = client.get(story.url).content.decode()
    assert "Data sovereignty" not in html.split('id="themes-heading"', 1)[1].split("</section>")[0]
    newcomer = content.contributor(title="A newly credited person")
    story.themes.add(content.themes[2])
    story.story_contributors.add(
        story.story_contributors.model(contributor=newcomer, role="interviewee")
    )
    with django_capture_on_commit_callbacks(execute=True):
        story.save_revision().publish()
    html = client.get(story.url).content.decode()
    themes = html.split('id="themes-heading"', 1)[1].split("</section>")[0]
    assert "Data sovereignty" in themes
    assert "A newly credited person" in html.split('id="credits-heading"', 1)[1]


def test_a_kept_listing_page_shows_a_new_story_and_count_at_once(
    client, content, site_tree, django_capture_on_commit_callbacks
):
    content.stories_up_to(3)
    listing = site_tree["stories"].url + "?theme=consent"
    first, html = queries_for(client, listing)
    again, _ = queries_for(client, listing)
    # The page of ids, its count and the filter options are kept with the cards.
    assert again <= 2 < first
    assert "3 stories" in html
    with django_capture_on_commit_callbacks(execute=True):
        content.story(title="A brand new story on consent", in_series=False)
    html = client.get(listing).content.decode()
    assert "A brand new story on consent" in html
    assert "4 stories" in html


def test_made_up_page_numbers_share_one_kept_entry(client, content, site_tree):
    content.stories_up_to(1)
    url = site_tree["stories"].url
    for page in ("99999", "123456789", "999999999999"):
        assert client.get(f"{url}?page={page}").status_code == 200
    keys = [key for key in caches["default"]._cache if "story-listing" in key]
    assert len(keys) == 1
