"""Property-based tests (hypothesis): hostile text, bytes, unicode, NULs and parameter names
thrown at the share-your-story form, search, the stories listing and the admin listings.

What must hold for every generated request: no 5xx; the form stores nothing unless the story
is valid, stores a valid story exactly once, and a replay of the same post stores nothing more
and shows the same reference.

Examples per test: HYPOTHESIS_EXAMPLES, else 8 when CI=true (the whole file stays under about
a minute) and 40 otherwise.
"""

import os
import re
import time
from urllib.parse import quote_from_bytes

import pytest
from django.contrib.auth.models import Group
from django.http import QueryDict
from hypothesis import HealthCheck, event, example, given, settings
from hypothesis import strategies as st

from operations.input_guard import is_storable
from submissions.forms import ShareStoryForm, make_stamp
from submissions.models import StorySubmission
from tests import factories

CI = os.environ.get("CI", "").lower() == "true"
EXAMPLES = int(os.environ.get("HYPOTHESIS_EXAMPLES", "8" if CI else "40"))

bounded = settings(
    max_examples=EXAMPLES,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

pytestmark = pytest.mark.django_db

# Any code point, surrogates and NUL included, plus raw bytes that need not be UTF-8 at all.
any_text = st.text(st.characters(codec=None, exclude_categories=()), max_size=40)
hostile_bytes = st.one_of(
    any_text.map(lambda text: text.encode("utf-8", "surrogatepass")),
    st.binary(max_size=40),
    st.sampled_from([b"\x00", b"a\x00b", b"\xed\xa0\x80", b"\xff\xfe", b"caf\xe9", b"%00"]),
)


def field_names(known):
    return st.one_of(st.sampled_from(known).map(str.encode), hostile_bytes)


def query_string(pairs):
    return "&".join(f"{quote_from_bytes(k)}={quote_from_bytes(v)}" for k, v in pairs)


def params(known):
    return st.lists(st.tuples(field_names(known), hostile_bytes), max_size=5)


@pytest.fixture
def content(site_tree):
    theme = factories.ThemeFactory(name="Consent", slug="consent")
    series = factories.SeriesPageFactory(parent=site_tree["series"], title="Biobanks")
    story = factories.StoryPageFactory(parent=site_tree["stories"], title="Blood and data")
    story.themes.add(theme)
    story.save_revision().publish()
    share = factories.ShareYourStoryPageFactory(parent=site_tree["home"])
    return {"stories": site_tree["stories"].url, "theme": theme, "series": series, "share": share}


@bounded
@given(pairs=params(["q", "page", "theme", "series", "format"]))
def test_search_and_the_stories_listing_never_fail(client, content, pairs):
    qs = query_string(pairs)
    for path in ("/search/", content["stories"]):
        response = client.get(f"{path}?{qs}")
        assert response.status_code < 500, (path, qs)


ADMIN_LISTINGS = {
    "/admin/submissions/storysubmission/": [
        "q",
        "status",
        "preferred_format",
        "themes__id__exact",
        "submitted_at__gte",
        "submitted_at__lt",
        "o",
        "p",
    ],
    "/admin/illustrations/commission/": ["q", "status", "o", "p"],
    "/admin/pages/search/": ["q", "content_type", "p", "ordering"],
    "/admin/images/": ["q", "collection_id", "tag", "p", "ordering"],
    "/admin/documents/": ["q", "collection_id", "p", "ordering"],
    "/admin/media/": ["q", "collection_id", "p", "ordering"],
    "/admin/snippets/collection/theme/": ["q", "p", "ordering"],
    "/admin/reports/site-history/": ["action", "user", "timestamp_after", "timestamp_before"],
}


@pytest.fixture
def editor(client, django_user_model):
    user = django_user_model.objects.create_user("eddie", "eddie@mindthegap.example", "pw")
    user.groups.add(Group.objects.get(name="Editors"))
    client.force_login(user)
    return user


@bounded
@given(
    listing=st.sampled_from(sorted(ADMIN_LISTINGS)),
    data=st.data(),
)
def test_admin_listings_never_fail_for_an_editor(client, content, editor, listing, data):
    pairs = data.draw(params(ADMIN_LISTINGS[listing]))
    qs = query_string(pairs)
    response = client.get(f"{listing}?{qs}")
    assert response.status_code < 500, (listing, qs)


# Text any database holds (no NUL, no surrogates): wrong for a field, but not hostile bytes.
storable_text = st.text(
    st.characters(exclude_categories=("Cs",), exclude_characters="\x00"), max_size=60
).map(str.encode)


def field(*valid, weight=12):
    """Mostly a valid value, sometimes storable nonsense, now and then hostile bytes, so that
    valid stories, invalid ones and unstorable ones are all generated."""
    return st.integers(0, weight + 2).flatmap(
        lambda n: (
            st.sampled_from(valid)
            if n < weight
            else (storable_text if n < weight + 2 else hostile_bytes)
        )
    )


THEME = b"<the theme's id>"  # replaced by the real theme's id when posting

VALID_STORY = {
    "name": b"Ama Owusu",
    "email": b"ama@example.org",
    "credit_preference": b"name",
    "story_title": b"The study that forgot us",
    "story_text": b"We were asked for our blood.",
    "preferred_format": b"written",
    "themes": THEME,
    "consent_publish": b"on",
    "consent_contact": b"",
    "website": b"",
}


def form_fields():
    return st.fixed_dictionaries(
        {
            "name": st.one_of(field(b"Ama Owusu", b"K."), storable_text.filter(bytes.strip)),
            "email": field(b"ama@example.org", b"k.mensah+story@example.co.uk"),
            "credit_preference": field(b"name", b"pseudonym", b"anonymous"),
            "story_title": st.one_of(
                field(b"The study that forgot us"), storable_text.filter(bytes.strip)
            ),
            "story_text": st.one_of(
                field(b"We were asked for our blood.\r\n\r\nNobody told us."), storable_text
            ),
            "preferred_format": field(b"written", b"audio", b"video", b"illustration"),
            "themes": field(THEME, b""),
            "consent_publish": field(b"on"),
            "consent_contact": field(b"", b"on"),
            "website": field(b"", weight=30),
        }
    )


def stored_references():
    return set(StorySubmission.objects.values_list("reference", flat=True))


def reference_shown(client, response):
    thanks = client.get(response["Location"])
    assert thanks.status_code == 200
    return re.search(r"MTG-[0-9A-Z]{4}-[0-9A-Z]{4}", thanks.content.decode()).group(0)


def readable(raw_pairs):
    """The fields as a server must read them, or None when no database could hold them."""
    try:
        decoded = [(k.decode("utf-8"), v.decode("utf-8")) for k, v in raw_pairs]
    except UnicodeDecodeError:
        return None
    if not all(is_storable(k) and is_storable(v) for k, v in decoded):
        return None
    return decoded


extra_fields = st.integers(0, 3).flatmap(
    lambda n: params(["name", "story_text", "files", "themes"]) if n == 0 else st.just([])
)


@bounded
@given(fields=form_fields(), extra=extra_fields)
@example(fields=VALID_STORY, extra=[])  # always at least one valid story
@example(fields={**VALID_STORY, "story_text": b"My\x00story"}, extra=[])
@example(fields=VALID_STORY, extra=[(b"x\xed\xa0\x80", b"1")])
def test_the_form_stores_valid_stories_exactly_once_and_nothing_else(
    client, content, settings, fields, extra
):
    settings.SUBMISSIONS_RATE_LIMIT = "100000/h"  # on trial here: validity, not the limit
    theme_id = str(content["theme"].pk).encode()
    stamp = make_stamp(time.time() - 60).encode()
    pairs = [(k.encode(), v.replace(THEME, theme_id)) for k, v in fields.items()]
    pairs += extra + [(b"started", stamp)]
    # The stamp the form reads is the last "started" (as a browser's hidden field would be).
    body = query_string(pairs)

    before = stored_references()
    response = client.post(
        content["share"].url, body, content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code < 500, body
    new = stored_references() - before

    decoded = readable(pairs)
    if decoded is None:
        event("unstorable: 400")
        assert response.status_code == 400
        assert not new
        return
    querydict = QueryDict(mutable=True)
    for key, value in decoded:
        querydict.appendlist(key, value)
    expected_valid = ShareStoryForm(querydict).is_valid()

    if not expected_valid:
        event("invalid: refused")
        assert not new, body
        assert response.status_code in (400, 429)
        return
    event("valid: stored once")
    assert response.status_code == 302, body
    assert len(new) == 1, body
    reference = new.pop()
    assert reference_shown(client, response) == reference
    stored = StorySubmission.objects.get(reference=reference)
    assert stored.story_title == querydict["story_title"].strip()

    # The same post again: nothing more stored, the same reference shown.
    again = client.post(
        content["share"].url, body, content_type="application/x-www-form-urlencoded"
    )
    assert again.status_code == 302
    assert reference_shown(client, again) == reference
    assert stored_references() == before | {reference}
