"""A rendition's address built without `urljoin` (illustrations/shown_renditions.py): a name
needing no quoting is not quoted, and any name is quoted exactly as `filepath_to_uri` quotes it."""

from django.core.files.storage import default_storage
from django.utils.encoding import filepath_to_uri
from hypothesis import given, settings
from hypothesis import strategies as st

from illustrations.shown_renditions import _url_of


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=40))
def test_any_name_is_quoted_as_django_quotes_it(name):
    name = "images/" + name.replace("\\", "/")
    assert _url_of(name) == default_storage.base_url + filepath_to_uri(name).lstrip("/")


def test_a_plain_name_is_left_as_it_is():
    name = "images/drawing_1.fill-384x256.format-avif.avif"
    assert _url_of(name) == default_storage.url(name)
    assert _url_of(name).endswith(name)
