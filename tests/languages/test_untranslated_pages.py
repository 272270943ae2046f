"""A page never shows English in a Welsh or Urdu frame: an address under a language prefix
that has no live translation sends the reader to the English page, which says so in the
language they asked for (collection/locales.py)."""

import pytest
from wagtail.models import Page

from operations import page_cache
from tests.languages.translated_content import (  # noqa: F401 (fixtures, by their names)
    catalogues_fixture,
    content_fixture,
    locale,
    translated_fixture,
)

pytestmark = pytest.mark.django_db

WELSH_NOTE = "Nid yw'r dudalen hon ar gael yn Gymraeg eto, felly dyma hi yn Saesneg."
URDU_NOTE = "یہ صفحہ ابھی اردو میں دستیاب نہیں، اس لیے یہ انگریزی میں دکھایا جا رہا ہے۔"


@pytest.fixture(autouse=True)
def no_page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 0


def note_of(html):
    """The untranslated note's opening tag and text, or None."""
    start = html.find('<aside class="content-note untranslated-note"')
    if start < 0:
        return None
    return html[start : html.find("</aside>", start)]


def test_a_language_with_no_pages_yet_sends_readers_to_english_with_a_note_in_urdu(
    client, translated
):
    translated.content.stories_up_to(1)
    response = client.get("/ur/")
    assert response.status_code == 302
    assert response["Location"] == "/?untranslated=ur"
    html = client.get(response["Location"]).content.decode()
    note = note_of(html)
    assert note is not None
    assert 'lang="ur"' in note and 'dir="rtl"' in note
    assert URDU_NOTE in note
    # The same English page without the parameter says nothing.
    assert note_of(client.get("/").content.decode()) is None


def test_an_english_only_story_under_the_welsh_prefix_redirects_with_a_welsh_note(
    client, translated
):
    stories = translated.content.stories_up_to(2)
    welsh = translated.translate_tree("cy")
    # The Welsh stories index is live, but this story has no Welsh translation.
    response = client.get(f"{welsh['stories'].url}{stories[1].slug}/")
    assert response.status_code == 302
    assert response["Location"] == f"{stories[1].url}?untranslated=cy"
    html = client.get(response["Location"]).content.decode()
    note = note_of(html)
    assert 'lang="cy"' in note and 'dir="ltr"' in note
    assert WELSH_NOTE in note
    assert "Story number 1" in html


def test_an_english_page_reached_under_a_prefix_is_never_served_there(client, translated):
    story = translated.content.stories_up_to(1)[0]
    # No Urdu pages at all: Wagtail would route /ur/stories/... through the English home.
    response = client.get(f"/ur{story.url}")
    assert response.status_code == 302
    assert response["Location"] == f"{story.url}?untranslated=ur"


def test_a_translated_page_under_another_slug_is_reached_directly(client, translated):
    story = translated.content.stories_up_to(1)[0]
    welsh = translated.story("cy", story, slug="stori-gyntaf")
    response = client.get(f"{translated.cy['stories'].url}{story.slug}/")
    assert response.status_code == 302
    assert response["Location"] == welsh.url
    # And a link made before the translation existed leads to it too.
    response = client.get(f"{story.url}?untranslated=cy")
    assert response.status_code == 302
    assert response["Location"] == welsh.url
    page = client.get(welsh.url)
    assert page.status_code == 200
    assert note_of(page.content.decode()) is None


def test_an_alias_made_by_tree_synchronisation_is_not_shown_as_welsh(client, translated):
    translated.content.stories_up_to(1)
    person = translated.content.regular
    welsh = translated.translate_tree("cy")
    # What wagtail-localize's synchronised trees make: an alias of the English page in the
    # Welsh tree, showing the English content. (A story cannot be aliased: its podcast GUID is
    # unique and Wagtail copies every field into an alias.)
    alias = person.create_alias(parent=welsh["contributors"], update_locale=locale("cy"))
    assert alias.live and alias.alias_of_id == person.pk
    assert alias.url.startswith("/cy/")
    response = client.get(alias.url)
    assert response.status_code == 302
    assert response["Location"] == f"{person.url}?untranslated=cy"
    # Listed nowhere in Welsh either: the Welsh contributors index lists Welsh pages only.
    html = client.get(welsh["contributors"].url).content.decode()
    assert person.title not in html


def test_unknown_or_pointless_untranslated_values_are_dropped_and_never_cached(
    client, translated, settings, clear_caches
):
    settings.PAGE_CACHE_SECONDS = 300
    story = translated.content.stories_up_to(1)[0]
    for value in ("zz", "xx-yy", "<script>", "fr", "en-gb"):
        # fr is a language Django knows but the site has no Locale for; en-gb is the page's own.
        response = client.get(story.url, {"untranslated": value, "page": "2"})
        assert response.status_code == 302, value
        assert response["Location"] == f"{story.url}?page=2", value
        assert "X-Page-Cache" not in response
    generation = page_cache.current_generation()
    request = client.get(story.url, {"untranslated": "zz"}).wsgi_request
    assert page_cache.get_entry(page_cache.cache_key(request, generation)) is None
    # A real one is kept, apart from the plain page.
    assert client.get(story.url, {"untranslated": "cy"})["X-Page-Cache"] == "miss"
    assert client.get(story.url, {"untranslated": "cy"})["X-Page-Cache"] == "hit"
    assert note_of(client.get(story.url).content.decode()) is None


def test_a_prefix_for_a_language_without_a_locale_goes_to_english_without_a_note(
    client, translated
):
    translated.content.stories_up_to(1)
    response = client.get("/fr/")
    assert response.status_code == 302
    assert response["Location"] == "/"


def test_a_welsh_page_is_served_under_its_own_prefix(client, translated):
    story = translated.content.stories_up_to(1)[0]
    welsh = translated.story("cy", story, title="Y stori gyntaf")
    response = client.get(welsh.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Y stori gyntaf" in html
    assert note_of(html) is None
    # A Welsh page never claims to be "shown in English" for want of an Urdu version.
    response = client.get(welsh.url, {"untranslated": "ur"})
    assert response.status_code == 302 and response["Location"] == welsh.url
    assert Page.objects.get(pk=welsh.pk).locale.language_code == "cy"


@pytest.mark.usefixtures("clear_caches")
def test_a_home_page_translated_after_the_site_was_kept_is_served_at_once(
    client, translated, settings
):
    """The kept site holds its root with the translations it had (operations/page_cache.py
    with_root_translations); one made since, even with no new content generation (a page
    created live by a script sends no publish signal), is looked up, never sent in circles."""
    settings.FRAGMENT_CACHE_SECONDS = 300
    assert client.get("/").status_code == 200  # the site is kept, with its English root only
    welsh_home = translated.translate_tree("cy")["home"]
    response = client.get("/cy/")
    assert response.status_code == 200
    assert '<html lang="cy"' in response.content.decode()
    assert welsh_home.title in response.content.decode()
