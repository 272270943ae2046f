"""The site-wide input guard: text a database cannot hold gets 400, bad listing filters never 500.

Every request goes through URLs, as a visitor or an editor would send it, so the guard holds
whatever view (modeladmin today, a Wagtail viewset tomorrow) answers behind it.
"""

import time

import pytest
from django.contrib.auth.models import Group

from submissions.forms import make_stamp
from submissions.models import StorySubmission
from tests import factories

pytestmark = pytest.mark.django_db

GUARD_PAGE = "We could not read that request"


@pytest.fixture
def listing(site_tree):
    theme = factories.ThemeFactory(name="Consent", slug="consent")
    series = factories.SeriesPageFactory(parent=site_tree["series"], title="Biobanks")
    story = factories.StoryPageFactory(parent=site_tree["stories"], title="Blood and data")
    story.themes.add(theme)
    story.save_revision().publish()
    return {"stories": site_tree["stories"].url, "theme": theme, "series": series}


@pytest.fixture
def editor(client, django_user_model):
    user = django_user_model.objects.create_user("eddie", "eddie@mindthegap.example", "pw")
    user.groups.add(Group.objects.get(name="Editors"))
    client.force_login(user)
    return user


def assert_guarded(response):
    assert response.status_code == 400
    assert GUARD_PAGE in response.content.decode()


class TestPublicPages:
    @pytest.mark.parametrize(
        "query",
        [
            "q=a%00b",
            "q=%00",
            "q%00=a",  # in a parameter's name
            "q=%ED%A0%80",  # a UTF-16 surrogate encoded as UTF-8: not UTF-8 at all
            "q=%FF%FE",  # not UTF-8
            "q=caf%E9",  # latin-1, not UTF-8
            "q=ok&page=%00",
        ],
    )
    def test_search(self, client, listing, query):
        assert_guarded(client.get(f"/search/?{query}"))

    @pytest.mark.parametrize(
        "query", ["theme=x%00", "series=%00", "format=%00", "theme=consent&page=%00", "%00=1"]
    )
    def test_stories_listing(self, client, listing, query):
        assert_guarded(client.get(f"{listing['stories']}?{query}"))

    def test_a_path_with_nul(self, client, listing):
        assert_guarded(client.get(listing["stories"] + "blood%00/"))
        assert_guarded(client.get("/no-such-page%00/"))

    def test_a_session_cookie_with_nul(self, client, listing):
        assert_guarded(client.get("/search/?q=blood", HTTP_COOKIE="sessionid=abcdefgh\x00ij"))

    @pytest.mark.parametrize(
        "query",
        [
            "q=caf%C3%A9",  # real unicode is welcome
            "q=%F0%9F%A9%B8+data",
            "q=" + "x" * 5000,
            "q=a&page=abc",
            "q=a&page=-3",
            "q=a&page=99999999999999999999999",
        ],
    )
    def test_ordinary_and_odd_but_storable_searches_answer(self, client, listing, query):
        assert client.get(f"/search/?{query}").status_code == 200

    @pytest.mark.parametrize(
        "query",
        [
            "theme=no-such-theme",
            "theme=%C3%A9%F0%9F%A9%B8",
            "series=" + "s" * 3000,
            "format=bogus",
            "theme=consent&theme=other",
            "page=abc",
            "page=0",
            "page=99999999999999999999999",
            "series=biobanks&theme=consent&format=article&page=2",
        ],
    )
    def test_malformed_listing_filters_are_ignored(self, client, listing, query):
        response = client.get(f"{listing['stories']}?{query}")
        assert response.status_code == 200


class TestForms:
    def _story(self, **changes):
        data = {
            "name": "Ama",
            "email": "ama@example.org",
            "credit_preference": "name",
            "story_title": "A title",
            "story_text": "A story.",
            "preferred_format": "written",
            "consent_publish": "on",
            "started": make_stamp(time.time() - 60),
        }
        data.update(changes)
        return data

    @pytest.fixture
    def share_page(self, site_tree):
        return factories.ShareYourStoryPageFactory(parent=site_tree["home"])

    def test_a_multipart_story_with_nul_stores_nothing(self, client, share_page):
        response = client.post(share_page.url, self._story(story_text="My\x00story"))
        assert_guarded(response)
        assert StorySubmission.objects.count() == 0

    def test_a_field_name_with_nul(self, client, share_page):
        assert_guarded(client.post(share_page.url, {**self._story(), "x\x00": "1"}))
        assert StorySubmission.objects.count() == 0

    def test_a_url_encoded_body_that_is_not_utf8(self, client, share_page):
        body = "name=Ama&story_text=caf%E9"
        response = client.post(
            share_page.url, body, content_type="application/x-www-form-urlencoded"
        )
        assert_guarded(response)
        assert StorySubmission.objects.count() == 0

    def test_an_ordinary_story_still_arrives(self, client, share_page):
        response = client.post(share_page.url, self._story(story_text="Ça va 🩸 ok"))
        assert response.status_code == 302
        assert StorySubmission.objects.get().story_text == "Ça va 🩸 ok"


class TestAdminListings:
    @pytest.mark.parametrize(
        "query",
        [
            "q=a%00b",
            "status=%00",
            "%00=1",
        ],
    )
    def test_commissions(self, client, editor, query):
        factories.CommissionFactory()
        assert_guarded(client.get(f"/admin/illustrations/commission/?{query}"))

    @pytest.mark.parametrize(
        "query",
        [
            "q=a%00b",
            "status=%00",
            "preferred_format=x%00",
            "themes__id__exact=%00",
        ],
    )
    def test_submissions_inbox_nul(self, client, editor, query):
        assert_guarded(client.get(f"/admin/submissions/storysubmission/?{query}"))

    @pytest.mark.parametrize(
        "query",
        [
            "status=bogus",
            "themes__id__exact=abc",
            "submitted_at__gte=notadate",
            "submitted_at__lt=2026-13-45",
            "submitted_at__gte=2026-01-01&submitted_at__lt=notadate",
            "themes__id__in=1,a",
            "no_such_field=1",
            "o=abc",
            "p=abc",
            "p=-1",
        ],
    )
    def test_submissions_inbox_malformed_filters_never_500(self, client, editor, query):
        response = client.get(f"/admin/submissions/storysubmission/?{query}")
        assert response.status_code in (200, 400)
        if response.status_code == 400:
            assert GUARD_PAGE in response.content.decode()

    @pytest.mark.parametrize("query", ["status=bogus", "o=abc", "p=abc", "no_such_field=1"])
    def test_commissions_malformed_filters_never_500(self, client, editor, query):
        factories.CommissionFactory()
        response = client.get(f"/admin/illustrations/commission/?{query}")
        assert response.status_code in (200, 400)

    @pytest.mark.parametrize(
        "url",
        [
            "/admin/pages/search/?q=a%00b",
            "/admin/images/?q=a%00",
            "/admin/documents/?q=%00",
            "/admin/media/?q=%00",
            "/admin/snippets/collection/theme/?q=%00",
            "/admin/reports/site-history/?action=%00",
        ],
    )
    def test_wagtail_listings_nul(self, client, editor, listing, url):
        assert_guarded(client.get(url))

    @pytest.mark.parametrize(
        "url",
        [
            "/admin/images/?collection_id=abc",
            "/admin/images/?p=abc",
            "/admin/pages/?ordering=bogus",
            "/admin/snippets/collection/theme/?ordering=bogus",
            "/admin/media/?ordering=bogus",
            "/admin/reports/site-history/?timestamp_after=notadate",
            "/admin/reports/site-history/?action=bogus&user=abc",
            "/admin/reports/aging-pages/?last_published_at=notadate",
            "/admin/pages/search/?q=x&content_type=abc",
        ],
    )
    def test_wagtail_listings_malformed_filters_never_500(self, client, editor, listing, url):
        assert client.get(url).status_code < 500
