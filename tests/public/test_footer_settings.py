"""The footer settings of a site read with the footer's words in one compiled query
(home/models.py `for_site_in_language`): made when a site has none yet, and a row another request
made meanwhile is read rather than a second one made."""

import pytest

from home.models import FooterText, SiteFooterSettings

pytestmark = pytest.mark.django_db


@pytest.fixture
def site(site_tree):
    site = site_tree["home"].get_site()
    SiteFooterSettings.objects.filter(site=site).delete()
    return site


def test_a_site_without_settings_gets_them_with_the_words(site):
    FooterText.objects.create(about_text="Stories about missing data.")
    made = SiteFooterSettings.for_site_in_language(site, "en-gb", "en-gb")
    assert made.pk and made.about_text == "Stories about missing data."
    again = SiteFooterSettings.for_site_in_language(site, "en-gb", "en-gb")
    assert again.pk == made.pk and again.about_text == "Stories about missing data."
    assert SiteFooterSettings.objects.filter(site=site).count() == 1


def test_a_row_made_meanwhile_is_read_not_made_twice(site, monkeypatch):
    import home.models

    run_compiled = home.models.run_compiled
    reads = []

    def another_request_made_it_after_the_first_read(*args, **kwargs):
        reads.append(args[0])
        if len(reads) == 1:
            SiteFooterSettings.objects.create(site=site, contact_email="first@example.org")
            return []  # what this request read before the other one saved
        return run_compiled(*args, **kwargs)

    monkeypatch.setattr(home.models, "run_compiled", another_request_made_it_after_the_first_read)
    found = SiteFooterSettings.for_site_in_language(site, "en-gb", "en-gb")
    assert found.contact_email == "first@example.org" and reads == ["footer-settings"] * 2
    assert SiteFooterSettings.objects.filter(site=site).count() == 1
