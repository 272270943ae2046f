"""Shared by the language tests: compiled catalogues, and a site translated into Welsh with
wagtail-localize as an editor would translate it."""

import pytest
from django.core.management import call_command
from django.utils.translation import trans_real
from wagtail.models import Locale
from wagtail_localize.models import TranslationSource

from tests import factories


@pytest.fixture(scope="session", autouse=True)
def compiled_catalogues():
    """The .mo files (gitignored; bin/install compiles them), compiled if the .po is newer,
    and Django's cached catalogues dropped so a test run started without them still sees them."""
    call_command("compile_translations", verbosity=0)
    trans_real._translations = {}
    trans_real._default = None


def translate(page, language, on_commit):
    """The page in another locale, published, the way wagtail-localize's editor makes it (it
    publishes once the transaction commits: the test's callbacks run at once)."""
    locale = Locale.objects.get(language_code=language)
    source, _created = TranslationSource.get_or_create_from_instance(page)
    translation, _created = source.translations.get_or_create(target_locale=locale)
    with on_commit(execute=True):
        translation.save_target(publish=True)
    translated = page.get_translation(locale)
    assert translated.live
    return translated


@pytest.fixture
def welsh_site(site_tree, django_capture_on_commit_callbacks):
    share = factories.ShareYourStoryPageFactory(parent=site_tree["home"])
    story = factories.StoryPageFactory(
        parent=site_tree["stories"], title="Who is missing", slug="who-is-missing"
    )
    story.save_revision().publish()
    pages = {"home": site_tree["home"], **site_tree, "share": share, "story": story}
    # Parents before children: a translation needs its parent in the locale already.
    order = ["home", "stories", "series", "contributors", "share", "story"]
    return {
        name: translate(pages[name], "cy", django_capture_on_commit_callbacks) for name in order
    }
