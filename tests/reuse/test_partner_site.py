"""A partner organisation's site using the API as docs/api.md describes: over real HTTP with
`requests` against a live server, from another origin, following listings, images and oEmbed,
and caching with ETags."""

import pytest
import requests

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PARTNER = "https://health-partner.example"


def test_a_partner_shows_our_podcast_stories_with_credited_artwork(live_server, content):
    content.stories_up_to(2)
    story, audio = content.podcast(title="Who said yes?")
    session = requests.Session()
    session.headers["Origin"] = PARTNER
    api = f"{live_server.url}/api/v2"

    # 1. The partner lists podcast stories, newest first.
    listing = session.get(f"{api}/pages/", params={"format": "podcast", "limit": 10}, timeout=10)
    assert listing.status_code == 200
    assert listing.headers["Access-Control-Allow-Origin"] == "*"
    items = listing.json()["items"]
    assert [item["title"] for item in items] == ["Who said yes?"]
    item = items[0]
    assert item["meta"]["html_url"].endswith("/stories/" + story.slug + "/")

    # 2. The artwork, with the credit line it must show.
    image = session.get(item["hero_image"]["detail_url"], timeout=10).json()
    assert image["credit"] == "Ama Mensah"
    assert image["alt_text"]
    assert image["licence"]["reusable"] is False and image["original"] is None

    # 3. The episode's audio and where its transcript lives.
    media = session.get(f"{api}/media/", params={"kind": "audio"}, timeout=10).json()["items"]
    assert media[0]["id"] == audio.pk
    assert media[0]["transcript"]["text"].startswith("HOST:")
    assert media[0]["story"]["id"] == story.pk

    # 4. An embeddable card through oEmbed, its iframe frameable from the partner's page.
    embed = session.get(item["oembed_url"], params={"maxwidth": 400}, timeout=10).json()
    assert embed["type"] == "rich" and embed["width"] <= 400
    card_url = embed["html"].split('src="', 1)[1].split('"', 1)[0]
    card = session.get(card_url, timeout=10)
    assert card.status_code == 200
    assert "frame-ancestors *" in card.headers["Content-Security-Policy"]

    # 5. A second fetch with the ETag costs the partner no body.
    again = session.get(
        f"{api}/pages/",
        params={"format": "podcast", "limit": 10},
        headers={"If-None-Match": listing.headers["ETag"]},
        timeout=10,
    )
    assert again.status_code == 304

    # 6. A researcher's reference manager fetches the citation.
    ris = session.get(item["citations"]["ris"], timeout=10)
    assert ris.text.startswith("TY  - ELEC")
