"""The stories feeds and the podcast feed podcast directories read."""

import xml.etree.ElementTree as ET

import pytest
from django.core.exceptions import ValidationError
from PIL import Image as PILImage

from collection.models import PodcastChannelSettings, StoryPage
from tests import factories

pytestmark = pytest.mark.django_db

ITUNES = "{http://www.itunes.com/dtds/podcast-1.0.dtd}"
PODCAST = "{https://podcastindex.org/namespace/1.0}"


def big_artwork(size=(1600, 1500)):
    import io

    from django.core.files.base import ContentFile

    buffer = io.BytesIO()
    PILImage.new("RGB", size, (120, 30, 80)).save(buffer, "JPEG")
    return factories.IllustrationFactory(file=ContentFile(buffer.getvalue(), name="cover.jpg"))


def podcast_channel(client, **values):
    from wagtail.models import Site

    channel = PodcastChannelSettings.for_site(Site.objects.get(is_default_site=True))
    for name, value in values.items():
        setattr(channel, name, value)
    channel.save()
    return channel


def test_stories_feed_lists_newest_stories_first(client, content):
    stories = content.stories_up_to(3)
    rss = ET.fromstring(client.get("/feeds/stories/").content)
    titles = [item.findtext("title") for item in rss.iter("item")]
    assert titles == [story.title for story in reversed(stories)]
    atom = client.get("/feeds/stories/atom/")
    assert atom["Content-Type"].startswith("application/atom+xml")
    assert stories[0].title in atom.content.decode()


def test_podcast_feed_has_what_directories_require(client, content):
    content.stories_up_to(2)  # articles without audio are not episodes
    story, audio = content.podcast()
    podcast_channel(
        client,
        artwork=big_artwork(),
        owner_name="Mind The Gap editors",
        owner_email="podcast@example.org",
        category="Health & Fitness > Medicine",
    )

    response = client.get("/feeds/podcast/")
    assert response.status_code == 200
    rss = ET.fromstring(response.content)
    channel = rss.find("channel")
    items = channel.findall("item")
    assert len(items) == 1
    item = items[0]

    enclosure = item.find("enclosure")
    assert enclosure.get("length") == str(audio.file_size) and audio.file_size > 0
    assert enclosure.get("type") == "audio/mpeg"
    assert enclosure.get("url").endswith(audio.file.url)
    assert item.findtext(f"{ITUNES}duration") == str(round(audio.duration))
    assert audio.duration and audio.duration > 0.5  # read from the file, not typed
    guid = item.find("guid")
    assert guid.text == str(story.podcast_guid) and guid.get("isPermaLink") == "false"
    transcript = item.find(f"{PODCAST}transcript")
    assert transcript.get("type") == "text/html"
    transcript_response = client.get(transcript.get("url").replace("http://testserver", ""))
    assert transcript_response.status_code == 200
    assert "The word biobank comes up a lot." in transcript_response.content.decode()

    image = channel.find(f"{ITUNES}image").get("href")
    rendition = PodcastChannelSettings.objects.get().artwork_rendition()
    assert image.endswith(rendition.url)
    assert rendition.width == rendition.height == 1500
    category = channel.find(f"{ITUNES}category")
    assert category.get("text") == "Health & Fitness"
    assert category.find(f"{ITUNES}category").get("text") == "Medicine"
    assert channel.findtext(f"{ITUNES}explicit") == "false"
    assert channel.findtext(f"{ITUNES}author") == "Mind The Gap"
    owner = channel.find(f"{ITUNES}owner")
    assert owner.findtext(f"{ITUNES}email") == "podcast@example.org"


def test_episode_guid_survives_edits_and_new_addresses_and_is_not_copied(client, content):
    story, _ = content.podcast()
    guid = story.podcast_guid
    story.title = "A new title"
    story.slug = "a-new-slug"
    story.save_revision().publish()
    story.refresh_from_db()
    assert story.podcast_guid == guid

    copy = StoryPage.objects.get(pk=story.pk).copy(
        update_attrs={"slug": "a-copy", "title": "A copy"}
    )
    assert copy.podcast_guid != guid
    feed = client.get("/feeds/podcast/").content.decode()
    assert feed.count(str(guid)) == 1


def test_channel_artwork_must_be_large_enough():
    channel = PodcastChannelSettings(artwork=factories.IllustrationFactory())
    with pytest.raises(ValidationError) as error:
        channel.clean()
    assert "1400" in str(error.value)


def test_every_page_links_both_feeds(client, content):
    story = content.stories_up_to(1)[0]
    for url in ("/", story.url, "/search/?q=x"):
        html = client.get(url).content.decode()
        assert 'rel="alternate" type="application/rss+xml" title="Mind The Gap podcast"' in html
        assert 'href="/feeds/stories/"' in html


def test_channel_details_are_edited_in_the_admin_with_a_clear_message(admin_client, site_tree):
    from wagtail.models import Site

    site = Site.objects.get(is_default_site=True)
    url = f"/admin/settings/collection/podcastchannelsettings/{site.pk}/"
    assert admin_client.get(url).status_code == 200
    small = factories.IllustrationFactory(title="Tiny cover")
    form = {
        "title": "Mind The Gap",
        "description": "Conversations about health data.",
        "artwork": small.pk,
        "author": "Mind The Gap",
        "owner_name": "Editors",
        "owner_email": "podcast@example.org",
        "category": "Science",
        "language": "en-gb",
        "copyright": "",
    }
    response = admin_client.post(url, form)
    assert response.status_code == 200
    assert "Podcast apps need artwork at least 1400 pixels square" in response.content.decode()
    assert "Editors" in response.content.decode()  # what was typed is kept

    form["artwork"] = big_artwork().pk
    response = admin_client.post(url, form)
    assert response.status_code == 302
    channel = PodcastChannelSettings.for_site(site)
    assert channel.owner_name == "Editors" and channel.category == "Science"
