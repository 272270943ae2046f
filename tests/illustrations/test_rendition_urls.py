"""Addresses on figures. A rendition's is built without `urljoin` (illustrations/
shown_renditions.py): a name needing no quoting is not quoted, and any name is quoted exactly as
`filepath_to_uri` quotes it. An illustrator's is worked out once per request and language."""

from django.core.files.storage import default_storage
from django.utils import translation
from django.utils.encoding import filepath_to_uri
from hypothesis import given, settings
from hypothesis import strategies as st

from illustrations.shown_renditions import _url_of


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=40))
def test_any_name_is_quoted_as_django_quotes_it(name):
    name = "images/" + name.replace("\\", "/")
    assert _url_of(name) == default_storage.base_url + filepath_to_uri(name).lstrip("/")


def test_a_changed_media_address_or_storage_is_seen(settings):
    """The storage is unwrapped once (a series page asks ~600 times); a settings change that
    moves the files or swaps the storage is still followed."""
    name = "images/drawing_1.fill-384x256.format-avif.avif"
    _url_of(name)  # the storage unwrapped before the change
    settings.MEDIA_URL = "https://media.example.org/files/"
    assert _url_of(name) == "https://media.example.org/files/" + name
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"base_url": "/elsewhere/"},
        },
    }
    assert _url_of(name) == "/elsewhere/" + name


def test_a_plain_name_is_left_as_it_is():
    name = "images/drawing_1.fill-384x256.format-avif.avif"
    assert _url_of(name) == default_storage.url(name)
    assert _url_of(name).endswith(name)


class CountingPage:
    def __init__(self, pk, url_path):
        self.pk, self.url_path, self.asked = pk, url_path, 0

    def get_url(self, request):
        self.asked += 1
        return f"/{translation.get_language()}{self.url_path}"


def test_an_illustrators_address_is_worked_out_once_per_request_and_language(rf):
    from illustrations.templatetags.illustration_tags import _page_url

    request, page = rf.get("/series/x/"), CountingPage(7, "/home/contributors/ada/")
    with translation.override("en-gb"):
        assert {_page_url(page, request) for _ in range(5)} == {"/en-gb/home/contributors/ada/"}
    with translation.override("cy"):
        assert _page_url(page, request) == "/cy/home/contributors/ada/"
    page.url_path = "/home/contributors/ada-lovelace/"  # moved: a new address
    with translation.override("cy"):
        assert _page_url(page, request) == "/cy/home/contributors/ada-lovelace/"
    assert page.asked == 3
    assert _page_url(page, None) and page.asked == 4  # no request: nothing to keep it on
