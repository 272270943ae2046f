"""Feeds on Django's syndication framework: new stories (RSS and Atom) and the podcast.

The podcast feed adds the itunes: and podcast: namespaces that podcast directories read, with
each episode's real file size, MIME type and duration (read from the file on upload), a GUID
kept in StoryPage.podcast_guid that never changes, and a link to the published transcript. The
channel carries its `podcast:guid`: a UUIDv5 of the feed's address without scheme and trailing
slash (Podcast Namespace), from the Site's public origin (SITE_URL), or PODCAST_GUID when set
(to keep the GUID after the feed moves to another domain).

Every feed's Last-Modified is the latest of its items' dates and the latest publish, unpublish,
move or deletion of any page, so a reader asking If-Modified-Since also learns of an item that
was taken down (the page cache adds an ETag: operations/page_cache.py).
"""

import copy
import datetime
import uuid

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.feedgenerator import Atom1Feed, Enclosure, Rss201rev2Feed
from django.utils.html import strip_tags
from django.utils.http import http_date, parse_http_date_safe
from django.utils.translation import gettext
from wagtail.models import Locale, PageLogEntry, Site

from .models import PodcastChannelSettings, StoryMedia, StoryPage
from .models.story_index import with_card_data

FEED_LENGTH = 30
ITUNES_NS = "http://www.itunes.com/dtds/podcast-1.0.dtd"
PODCAST_NS = "https://podcastindex.org/namespace/1.0"
# Stories carry a date, not a time; feeds need both. Publish times are shown as 09:00 local.
PUBLISH_TIME = datetime.time(9, 0)


# The namespace the Podcast Namespace's <podcast:guid> is derived in (docs/tags/guid.md; its
# example, mp3s.nashownotes.com/pc20rss.xml -> 917393e3-..., is checked in the tests).
PODCAST_GUID_NAMESPACE = uuid.UUID("ead4c236-bf58-58c6-a2c6-a6b28d128cb6")
# Page changes that add an item to a feed, change it or take it away.
LISTING_ACTIONS = ("wagtail.publish", "wagtail.unpublish", "wagtail.delete", "wagtail.move")


def podcast_guid(feed_url):
    """The channel GUID: UUIDv5 of the feed URL with the scheme and trailing slashes removed."""
    address = feed_url.split("://", 1)[-1].rstrip("/")
    return uuid.uuid5(PODCAST_GUID_NAMESPACE, address)


def latest_listing_change():
    """When a page was last published, unpublished, moved or deleted (one indexed query)."""
    return (
        PageLogEntry.objects.filter(action__in=LISTING_ACTIONS)
        .order_by("-timestamp")
        .values_list("timestamp", flat=True)
        .first()
    )


class ListingChangeLastModified:
    """Last-Modified that also moves when an item leaves the feed (Django's counts items only)."""

    def __call__(self, request, *args, **kwargs):
        response = super().__call__(request, *args, **kwargs)
        changed = latest_listing_change()
        if changed is not None:
            items = parse_http_date_safe(response.get("Last-Modified", "")) or 0
            response["Last-Modified"] = http_date(max(items, int(changed.timestamp()) + 1))
        return response


def story_pubdate(story):
    return timezone.make_aware(
        datetime.datetime.combine(story.first_published, PUBLISH_TIME),
        timezone.get_default_timezone(),
    )


def language_stories():
    """The live, public stories of the address's language (/cy/feeds/... lists Welsh ones)."""
    locale = Locale.objects.filter(language_code=translation.get_language()).first()
    if locale is None:
        return StoryPage.objects.none()
    return StoryPage.objects.live().public().filter(locale=locale, alias_of__isnull=True)


def stories_index_url(query=""):
    """The stories listing in the address's language (the home page when it has none)."""
    from .models import StoryIndexPage

    index = (
        StoryIndexPage.objects.live()
        .filter(locale__language_code=translation.get_language())
        .first()
    )
    url = index.url if index is not None else reverse("wagtail_serve", args=[""])
    return url + query


class StoriesFeed(ListingChangeLastModified, Feed):
    """The newest stories of every format, as RSS 2.0, one feed per language: the channel's
    <language> is the address's (Django's Feed uses the active language when `language` is
    None), its words are translated, and items link to the pages in that language."""

    language = None

    def title(self):
        return gettext("Mind The Gap: new stories")

    def description(self):
        return gettext("New stories about who is missing from health data, and why it matters.")

    def link(self):
        return stories_index_url()

    def items(self):
        return list(
            with_card_data(language_stories().order_by("-first_published", "-pk"), themes=True)[
                :FEED_LENGTH
            ]
        )

    def item_title(self, story):
        return story.title

    def item_description(self, story):
        return story.listing_summary or story.summary

    def item_link(self, story):
        return story.url

    def item_pubdate(self, story):
        return story_pubdate(story)

    def item_updateddate(self, story):
        return story.last_published_at

    def item_author_name(self, story):
        names = [credit.contributor.title for credit in story.story_contributors.all()]
        return ", ".join(names) or None

    def item_categories(self, story):
        return [theme.name for theme in story.themes.all()] + [story.get_format_display()]


class AtomStoriesFeed(StoriesFeed):
    feed_type = Atom1Feed

    def subtitle(self):
        return self.description()


class PodcastRssFeed(Rss201rev2Feed):
    """RSS 2.0 with the itunes: and podcast: elements podcast directories require."""

    def __init__(
        self, *args, channel=None, artwork=None, podcast_language=None, guid=None, **kwargs
    ):
        super().__init__(*args, **kwargs)
        self.channel = channel
        self.artwork = artwork
        self.guid = guid
        if podcast_language:
            self.feed["language"] = podcast_language

    def rss_attributes(self):
        attrs = super().rss_attributes()
        attrs["xmlns:itunes"] = ITUNES_NS
        attrs["xmlns:podcast"] = PODCAST_NS
        return attrs

    def add_root_elements(self, handler):
        super().add_root_elements(handler)
        channel = self.channel
        if self.artwork:
            handler.startElement("image", {})
            handler.addQuickElement("url", self.artwork)
            handler.addQuickElement("title", self.feed["title"])
            handler.addQuickElement("link", self.feed["link"])
            handler.endElement("image")
            handler.addQuickElement("itunes:image", attrs={"href": self.artwork})
        handler.addQuickElement("itunes:author", channel.author)
        handler.addQuickElement("itunes:summary", channel.description)
        handler.addQuickElement("itunes:type", "episodic")
        handler.addQuickElement("itunes:explicit", "true" if channel.explicit else "false")
        main, sub = channel.category_parts
        handler.startElement("itunes:category", {"text": main})
        if sub:
            handler.addQuickElement("itunes:category", attrs={"text": sub})
        handler.endElement("itunes:category")
        if channel.owner_name or channel.owner_email:
            handler.startElement("itunes:owner", {})
            if channel.owner_name:
                handler.addQuickElement("itunes:name", channel.owner_name)
            if channel.owner_email:
                handler.addQuickElement("itunes:email", channel.owner_email)
            handler.endElement("itunes:owner")
        if channel.owner_email:
            handler.addQuickElement("podcast:locked", "no", {"owner": channel.owner_email})
        if self.guid:
            handler.addQuickElement("podcast:guid", str(self.guid))

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        handler.addQuickElement("itunes:title", item["title"])
        handler.addQuickElement("itunes:episodeType", "full")
        if item.get("duration"):
            handler.addQuickElement("itunes:duration", str(int(round(item["duration"]))))
        handler.addQuickElement("itunes:explicit", "true" if item.get("explicit") else "false")
        if item.get("summary"):
            handler.addQuickElement("itunes:summary", item["summary"])
        if item.get("transcript_url"):
            handler.addQuickElement(
                "podcast:transcript",
                attrs={
                    "url": item["transcript_url"],
                    "type": "text/html",
                    "language": self.feed["language"] or "en",
                },
            )


def language_channel(request):
    """The podcast channel settings, for the address's language: as edited for the default
    language; for another, the show's name and description in the site's words in that
    language (the settings are written once, in English) and that language's code. A copy that
    is never saved."""
    channel = PodcastChannelSettings.for_request(request)
    language = translation.get_language()
    if language == settings.LANGUAGE_CODE:
        return channel
    channel = copy.copy(channel)
    channel.title = gettext("Mind The Gap podcast")
    channel.description = gettext(
        "Conversations about who is missing from health data, and why it matters."
    )
    channel.language = language
    return channel


class PodcastFeed(ListingChangeLastModified, Feed):
    """Episodes: live stories with an uploaded audio episode, newest first."""

    feed_type = PodcastRssFeed

    def link(self, obj):
        return stories_index_url("?format=podcast")

    def get_object(self, request, *args, **kwargs):
        return {"request": request, "channel": language_channel(request)}

    def title(self, obj):
        return obj["channel"].title

    def description(self, obj):
        return obj["channel"].description

    def author_name(self, obj):
        return obj["channel"].author

    def feed_copyright(self, obj):
        return obj["channel"].copyright or None

    def feed_extra_kwargs(self, obj):
        rendition = obj["channel"].artwork_rendition()
        artwork = obj["request"].build_absolute_uri(rendition.url) if rendition else None
        return {
            "channel": obj["channel"],
            "artwork": artwork,
            "podcast_language": obj["channel"].language,
            "guid": self.channel_guid(obj["request"]),
        }

    def channel_guid(self, request):
        """Each language's feed is its own show in podcast directories, with its own GUID: the
        feed address differs (/cy/feeds/podcast/), and a fixed PODCAST_GUID is kept for the
        default language and derived from for the others."""
        if settings.PODCAST_GUID:
            fixed = uuid.UUID(settings.PODCAST_GUID)
            language = translation.get_language()
            if language == settings.LANGUAGE_CODE:
                return fixed
            return uuid.uuid5(fixed, language)
        # The Site's public origin (apply_site_url), not whatever Host this request came with.
        site = Site.find_for_request(request)
        origin = site.root_url if site else request.build_absolute_uri("/").rstrip("/")
        return podcast_guid(origin + reverse("feed-podcast"))

    def items(self, obj):
        stories = list(
            language_stories()
            # Only stories whose body has a podcast episode block: the rest of the catalogue
            # (most of it) is never loaded. A superset test on the stored JSON text that works
            # on every database; episode() below still decides what is an episode.
            .filter(body__icontains='"podcast_episode"')
            .prefetch_related("story_contributors__contributor")
            .order_by("-first_published", "-pk")
        )
        # Fetch every story's audio in one query, rather than one query per story.
        audio_ids = {media_id for story in stories for media_id in story._media_ids()}
        media = StoryMedia.objects.in_bulk(audio_ids) if audio_ids else {}
        episodes = []
        for story in stories:
            ids = dict.fromkeys(story._media_ids())
            story._media_items_cache = [media[pk] for pk in ids if pk in media]
            episode = story.episode()
            if episode and episode["audio"].file_size:
                story.feed_episode = episode
                story.feed_request = obj["request"]
                story.feed_channel = obj["channel"]
                episodes.append(story)
        return episodes[: FEED_LENGTH * 10]

    def item_title(self, story):
        return story.feed_episode["title"]

    def item_description(self, story):
        notes = strip_tags(story.feed_episode["show_notes"]).strip()
        return notes or story.summary

    def item_link(self, story):
        return story.url

    def item_guid(self, story):
        return str(story.podcast_guid)

    def item_guid_is_permalink(self, story):
        return False

    def item_pubdate(self, story):
        return story_pubdate(story)

    def item_author_name(self, story):
        names = [credit.contributor.title for credit in story.story_contributors.all()]
        return ", ".join(names) or None

    def item_enclosures(self, story):
        audio = story.feed_episode["audio"]
        return [
            Enclosure(
                story.feed_request.build_absolute_uri(audio.url),
                str(audio.file_size),
                audio.mime_type,
            )
        ]

    def item_extra_kwargs(self, story):
        audio = story.feed_episode["audio"]
        transcript_url = None
        if audio.transcript:
            transcript_url = story.feed_request.build_absolute_uri(story.transcript_url())
        return {
            "duration": audio.duration,
            "explicit": story.feed_channel.explicit,
            "summary": story.summary,
            "transcript_url": transcript_url,
        }
