"""Absolute addresses on public pages come from the configured origin (SITE_URL), once the
release command has applied it to the Site: never from the demo's localhost."""

import json
import re

import pytest
from django.core.management import call_command

from operations.origin import parse_origin

ORIGIN = "https://mindthegap.example"


@pytest.fixture
def public_origin(settings):
    settings.SITE_ORIGIN = parse_origin(ORIGIN)
    settings.SITE_URL = ORIGIN


@pytest.mark.django_db
@pytest.mark.usefixtures("clear_caches")
def test_pages_sitemap_and_json_ld_carry_the_configured_origin(client, content, public_origin):
    story = content.stories_up_to(1)[0]
    call_command("apply_site_url", verbosity=0)
    expected = f"{ORIGIN}/stories/{story.slug}/"

    html = client.get(story.url).content.decode()
    assert f'<link rel="canonical" href="{expected}">' in html
    assert f'<meta property="og:url" content="{expected}">' in html
    data = json.loads(
        re.search(r'<script type="application/ld\+json">(.*?)</script>', html).group(1)
    )
    assert data["url"] == expected
    assert "localhost" not in html

    xml = client.get("/sitemap.xml").content.decode()
    locations = re.findall(r"<loc>(.*?)</loc>", xml)
    assert expected in locations
    assert locations and all(loc.startswith(ORIGIN + "/") for loc in locations)
