"""Short constructors for StreamField blocks in demo content, one per block in StoryBodyBlock.

Images and media are named by their demo key (`Ref`); `resolve()` swaps each key for the
library item's id once the library exists, giving the raw data a StreamField accepts.
"""

import uuid
from dataclasses import dataclass


@dataclass(frozen=True)
class Ref:
    """A demo image ("image") or audio/video item ("media"), named by its demo key."""

    kind: str
    key: str


def paragraph(html):
    return {"type": "paragraph", "value": html}


def heading(text, level="h2"):
    return {"type": "section_heading", "value": {"heading": text, "level": level}}


def pull_quote(quote, attribution=""):
    return {"type": "pull_quote", "value": {"quote": quote, "attribution": attribution}}


def illustration(image_key, caption="", width="wide", alt_text=None, decorative=False):
    """`alt_text=None` uses the image's own description, as the admin's chooser does."""
    return {
        "type": "illustration",
        "value": {
            "image": {
                "image": Ref("image", image_key),
                "alt_text": "" if decorative else alt_text,
                "decorative": decorative,
            },
            "caption": caption,
            "width": width,
        },
    }


def key_facts(facts, heading_text="Key facts", style="facts"):
    # List items in Wagtail's block format (with ids): wagtail-localize extracts a list's items
    # for translation only in that format. The ids come from the text so they are stable.
    items = [
        {"type": "item", "value": fact, "id": str(uuid.uuid5(uuid.NAMESPACE_URL, fact))}
        for fact in facts
    ]
    return {
        "type": "key_facts",
        "value": {"heading": heading_text, "facts": items, "style": style},
    }


def references(items, heading_text="References"):
    """`items` are (citation, doi, url) triples; leave doi or url empty."""
    return {
        "type": "references",
        "value": {
            "heading": heading_text,
            "references": [
                {"citation": citation, "doi": doi, "url": url} for citation, doi, url in items
            ],
        },
    }


def podcast_episode(media_key, episode_title="", show_notes=""):
    return {
        "type": "podcast_episode",
        "value": {
            "audio": Ref("media", media_key),
            "episode_title": episode_title,
            "show_notes": show_notes,
        },
    }


def uploaded_video(media_key):
    return {
        "type": "video",
        "value": {
            "video": Ref("media", media_key),
            "url": "",
            "title": "",
            "poster": None,
            "transcript": "",
        },
    }


def external_video(url, title, poster_key, transcript):
    return {
        "type": "video",
        "value": {
            "video": None,
            "url": url,
            "title": title,
            "poster": Ref("image", poster_key),
            "transcript": transcript,
        },
    }


def embed(url, title, poster_key=None):
    return {
        "type": "embed",
        "value": {
            "url": url,
            "title": title,
            "poster": Ref("image", poster_key) if poster_key else None,
        },
    }


def resolve(data, images, media):
    """Copy `data`, replacing each Ref by the id of the image or media item it names.

    An illustration whose alt text is None gets the image's own description.
    """
    if isinstance(data, Ref):
        return (images if data.kind == "image" else media)[data.key].pk
    if isinstance(data, list):
        return [resolve(item, images, media) for item in data]
    if isinstance(data, dict):
        resolved = {name: resolve(value, images, media) for name, value in data.items()}
        if set(data) == {"image", "alt_text", "decorative"} and data["alt_text"] is None:
            resolved["alt_text"] = images[data["image"].key].default_alt_text
        return resolved
    return data
