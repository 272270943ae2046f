"""Pages under /cy/ and /ur/ speak the reader's language in everything the site itself writes:
navigation, footer, the share-your-story form and the "page not found" page. The pages are
translated with wagtail-localize as editors would; the site's words come from the catalogues.
"""

import re

import pytest

from tests import factories

WELSH_NAV = ["Straeon", "Cyfresi", "Cyfranwyr", "Rhannwch eich stori"]
ENGLISH_NAV = ["Stories", "Series", "Contributors", "Share your story"]


def section(html, pattern):
    match = re.search(pattern, html, re.S)
    assert match, f"no {pattern!r} in the page"
    return match.group(0)


def words(fragment):
    """The text of an HTML fragment, tags removed."""
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", fragment))


@pytest.mark.parametrize("name", ["home", "story", "share"])
def test_welsh_pages_have_welsh_navigation(client, welsh_site, name):
    page = welsh_site[name]
    url = page.get_url()
    assert url.startswith("/cy/")
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    nav = section(html, r'<nav class="site-nav".*?</nav>')
    footer = section(html, r'<footer class="site-footer">.*?</footer>')
    for word in WELSH_NAV:
        assert word in words(nav), f"{word!r} missing from the Welsh navigation"
    for word in ENGLISH_NAV:
        assert word not in words(nav), f"English {word!r} in the Welsh navigation"
        assert word not in words(footer), f"English {word!r} in the Welsh footer"
    assert '<a class="brand" href="/cy/">' in html  # home, in Welsh
    assert "Neidio i’r cynnwys" in html  # the skip link
    assert "Skip to content" not in html
    # The section links lead to the Welsh index pages, not the English ones.
    for key in ("stories", "series", "contributors", "share"):
        assert f'href="{welsh_site[key].get_url()}"' in nav


def test_welsh_share_form_speaks_welsh(client, welsh_site):
    html = client.get(welsh_site["share"].get_url()).content.decode()
    form = section(html, r'<form id="share-story-form".*?</form>')
    for welsh in ("Eich enw neu ffugenw", "Eich cyfeiriad e-bost", "Anfon fy stori", "Wrth fy enw"):
        assert welsh in form
    for english in ("Your name or a pseudonym", "Send my story", "By my name", "About you"):
        assert english not in form


def test_welsh_form_errors_are_welsh(client, welsh_site):
    response = client.post(welsh_site["share"].get_url(), {"name": ""})
    html = response.content.decode()
    assert response.status_code == 400
    assert "Rhowch eich enw neu ffugenw i ni." in html
    assert "Please tell us your name" not in html


def test_story_page_marks_the_welsh_stories_section_current(client, welsh_site):
    html = client.get(welsh_site["story"].get_url()).content.decode()
    nav = section(html, r'<nav class="site-nav".*?</nav>')
    stories_url = welsh_site["stories"].get_url()
    assert f'href="{stories_url}" aria-current="true"' in nav
    index_html = client.get(stories_url).content.decode()
    assert f'href="{stories_url}" aria-current="page"' in section(
        index_html, r'<nav class="site-nav".*?</nav>'
    )


def test_untranslated_sections_fall_back_to_english_pages(client, site_tree):
    """Urdu words, English addresses: no Urdu index pages exist, so the links lead to the
    English ones rather than nowhere."""
    factories.ShareYourStoryPageFactory(parent=site_tree["home"])
    html = client.get("/ur/search/").content.decode()
    nav = section(html, r'<nav class="site-nav".*?</nav>')
    assert "کہانیاں" in nav and "Stories" not in words(nav)
    assert 'href="/stories/"' in nav and 'href="/share-your-story/"' in nav


def test_urdu_page_not_found_is_in_urdu(client, site_tree):
    response = client.get("/ur/does-not-exist/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "ہمیں یہ صفحہ نہیں ملا" in html
    assert "We could not find that page" not in html
    assert "Page not found" not in html


def test_english_stays_the_source_language(client, welsh_site):
    html = client.get(welsh_site["home"].get_url().replace("/cy/", "/", 1)).content.decode()
    nav = section(html, r'<nav class="site-nav".*?</nav>')
    for word in ENGLISH_NAV:
        assert word in words(nav)
    for word in WELSH_NAV:
        assert word not in words(nav)
