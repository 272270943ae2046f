"""Turns a stored video or audio URL into the address of its provider's player, offline.

No oEmbed request is made: the player address is derived from the URL by rule, so saving and
rendering a page never wait on a provider. The page shows a click-to-load facade and only the
visitor's click (in static/js/site.js) creates the iframe.
"""

import re
from dataclasses import dataclass
from urllib.parse import parse_qs, quote, urlsplit

YOUTUBE_ID = re.compile(r"^[A-Za-z0-9_-]{6,20}$")
SPOTIFY_KINDS = {"episode", "show", "track", "album", "playlist"}


@dataclass(frozen=True)
class EmbedInfo:
    provider: str  # the provider's name as readers know it
    player_url: str  # the player's address, as search engines and others should embed it
    kind: str  # "video" or "audio", for the facade's wording
    autoplay: str = ""  # the query parameter that starts playback at once

    @property
    def embed_url(self):
        """The address the facade loads when a reader presses Play: it starts playing."""
        if not self.autoplay:
            return self.player_url
        joiner = "&" if "?" in self.player_url else "?"
        return f"{self.player_url}{joiner}{self.autoplay}"


def _youtube(parts):
    host = parts.netloc.lower().removeprefix("www.").removeprefix("m.")
    video_id = None
    if host == "youtu.be":
        video_id = parts.path.strip("/").split("/")[0]
    elif host in ("youtube.com", "youtube-nocookie.com", "music.youtube.com"):
        segments = [segment for segment in parts.path.split("/") if segment]
        if segments[:1] == ["watch"]:
            video_id = (parse_qs(parts.query).get("v") or [None])[0]
        elif len(segments) >= 2 and segments[0] in ("embed", "shorts", "live", "v"):
            video_id = segments[1]
    if video_id and YOUTUBE_ID.match(video_id):
        # The privacy-enhanced domain sets no cookies until the visitor plays the video.
        return EmbedInfo(
            "YouTube", f"https://www.youtube-nocookie.com/embed/{video_id}", "video", "autoplay=1"
        )
    return None


def _vimeo(parts):
    host = parts.netloc.lower().removeprefix("www.")
    segments = [segment for segment in parts.path.split("/") if segment]
    if host == "player.vimeo.com" and segments[:1] == ["video"] and len(segments) > 1:
        video_id = segments[1]
    elif host == "vimeo.com":
        video_id = next((segment for segment in segments if segment.isdigit()), None)
    else:
        return None
    if video_id and video_id.isdigit():
        return EmbedInfo(
            "Vimeo", f"https://player.vimeo.com/video/{video_id}?dnt=1", "video", "autoplay=1"
        )
    return None


def _spotify(parts):
    if parts.netloc.lower() != "open.spotify.com":
        return None
    segments = [segment for segment in parts.path.split("/") if segment]
    if segments[:1] == ["embed"]:
        segments = segments[1:]
    if len(segments) >= 2 and segments[0] in SPOTIFY_KINDS and segments[1].isalnum():
        return EmbedInfo(
            "Spotify", f"https://open.spotify.com/embed/{segments[0]}/{segments[1]}", "audio"
        )
    return None


def _soundcloud(parts):
    host = parts.netloc.lower().removeprefix("www.").removeprefix("m.")
    if host != "soundcloud.com" or len([s for s in parts.path.split("/") if s]) < 2:
        return None
    canonical = f"https://soundcloud.com{parts.path}"
    return EmbedInfo(
        "SoundCloud",
        f"https://w.soundcloud.com/player/?url={quote(canonical, safe='')}",
        "audio",
        "auto_play=true",
    )


def embed_info(url):
    """The provider and player address for a URL we know how to embed, or None."""
    if not url:
        return None
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https"):
        return None
    return _youtube(parts) or _vimeo(parts) or _spotify(parts) or _soundcloud(parts)


def provider_name(url):
    """A readable name for the site a URL points at, for 'Open on ...' links."""
    info = embed_info(url)
    if info:
        return info.provider
    host = urlsplit(url or "").netloc.lower().removeprefix("www.")
    return host or "the provider's site"
