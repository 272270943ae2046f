"""StreamField blocks for story, series and contributor bodies. Shared blocks live here once.

External URLs (videos, embeds) are stored as plain URLs: saving a page never contacts a
provider, and the page renders a click-to-load facade rather than waiting on one.

Every block has a `description` and a preview in the block picker, drawn with the site's own
stylesheet; blocks that show a library item preview the newest complete one
(collection/block_previews.py).
"""

from django.core.exceptions import ValidationError
from django.forms.utils import ErrorList
from wagtail import blocks
from wagtail.images.blocks import ImageBlock, ImageChooserBlock
from wagtailmedia.blocks import AudioChooserBlock, VideoChooserBlock

from . import block_previews

PARAGRAPH_FEATURES = ["bold", "italic", "link", "ol", "ul", "superscript"]


class ParagraphBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        kwargs.setdefault("features", PARAGRAPH_FEATURES)
        super().__init__(**kwargs)

    class Meta:
        icon = "pilcrow"
        template = "collection/blocks/paragraph.html"
        group = "Text"
        label = "Paragraph"
        description = "Running text with bold, italic, links and lists."
        preview_value = (
            "<p>Most genomic studies still draw on people of European ancestry. "
            "That gap shapes which treatments work, and for whom.</p>"
        )


class SectionHeadingBlock(blocks.StructBlock):
    heading = blocks.CharBlock(max_length=120, help_text="A short heading for the next section.")
    level = blocks.ChoiceBlock(
        choices=[("h2", "Section (h2)"), ("h3", "Sub-section (h3)")],
        default="h2",
        help_text="Use sub-section only inside a section.",
    )

    class Meta:
        icon = "title"
        template = "collection/blocks/section_heading.html"
        group = "Text"
        description = "A heading that starts a new section of the story."
        preview_value = {"heading": "Who is missing from the data", "level": "h2"}


class PullQuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(help_text="The words quoted, without quotation marks.")
    attribution = blocks.CharBlock(
        required=False, max_length=200, help_text="Who said it, and their role if useful."
    )

    class Meta:
        icon = "openquote"
        template = "collection/blocks/pull_quote.html"
        group = "Text"
        description = "A striking sentence, set large, with who said it."
        preview_value = {
            "quote": "Nobody asked us what the samples would be used for.",
            "attribution": "Community advocate, Cardiff",
        }


class KeyFactsBlock(blocks.StructBlock):
    heading = blocks.CharBlock(
        max_length=120, default="Key facts", help_text="The box's heading, e.g. 'Key facts'."
    )
    facts = blocks.ListBlock(
        blocks.CharBlock(max_length=300), help_text="One short fact per line, with its source."
    )
    style = blocks.ChoiceBlock(
        choices=[("facts", "Key facts"), ("callout", "Callout")],
        default="facts",
        help_text="A callout is set apart more strongly, for a warning or a call to act.",
    )

    class Meta:
        icon = "list-ul"
        template = "collection/blocks/key_facts.html"
        group = "Text"
        description = "A boxed list of facts or a callout that readers can scan."
        preview_value = {
            "heading": "Key facts",
            "facts": [
                "About 86% of genome-wide association study participants are of European ancestry.",
                "Gaps in data can make risk scores less accurate for everyone else.",
            ],
            "style": "facts",
        }


class ReferenceBlock(blocks.StructBlock):
    citation = blocks.TextBlock(help_text="The full citation: authors, title, journal, year.")
    doi = blocks.CharBlock(
        required=False, max_length=200, help_text="The DOI, e.g. 10.1038/s41586-019-1310-4."
    )
    url = blocks.URLBlock(required=False, help_text="A link to the research, if it has no DOI.")

    class Meta:
        icon = "doc-full"
        label = "Reference"
        description = "One citation, with its DOI or a link."

    def clean(self, value):
        value = super().clean(value)
        doi = (value.get("doi") or "").strip()
        for prefix in ("https://doi.org/", "http://doi.org/", "doi:"):
            if doi.lower().startswith(prefix):
                doi = doi[len(prefix) :]
        value["doi"] = doi
        if doi and not doi.startswith("10."):
            raise blocks.StructBlockValidationError(
                block_errors={"doi": ErrorList([ValidationError("A DOI starts with '10.'.")])}
            )
        return value


class ReferencesBlock(blocks.StructBlock):
    heading = blocks.CharBlock(
        max_length=120, default="References", help_text="Usually 'References' or 'Further reading'."
    )
    references = blocks.ListBlock(ReferenceBlock())

    class Meta:
        icon = "doc-full-inverse"
        template = "collection/blocks/references.html"
        group = "Text"
        description = "Citations with DOIs or links so readers can reach the research."
        preview_value = {
            "heading": "References",
            "references": [
                {
                    "citation": "Popejoy AB, Fullerton SM. Genomics is failing on diversity. "
                    "Nature 538, 161-164 (2016).",
                    "doi": "10.1038/538161a",
                    "url": "",
                }
            ],
        }


class IllustrationBlock(blocks.StructBlock):
    """A library image with its alt text (or decorative flag), caption and width.

    A StructBlock holding Wagtail's ImageBlock: subclassing ImageBlock would lose added fields.
    """

    image = ImageBlock(
        help_text="Choose the artwork. Describe it in the alt text unless it is decorative."
    )
    caption = blocks.CharBlock(
        required=False,
        max_length=500,
        help_text="Shown under the image. Leave blank to use the image's default caption.",
    )
    width = blocks.ChoiceBlock(
        choices=[("text", "Text width"), ("wide", "Wide"), ("full", "Full bleed")],
        default="wide",
        help_text="How wide the illustration is set on the page.",
    )

    class Meta:
        icon = "image"
        template = "collection/blocks/illustration.html"
        group = "Media"
        description = "A commissioned illustration with its credit and caption."

    def get_preview_value(self):
        image_id = block_previews.sample_image_id()
        return self.to_python(
            {
                "image": {"image": image_id, "alt_text": None, "decorative": False},
                "caption": "",
                "width": "text",
            }
        )

    def get_preview_context(self, value, parent_context=None):
        context = super().get_preview_context(value, parent_context)
        if not value.get("image"):
            context["preview_missing"] = block_previews.missing_note("artwork")
        return context


class PodcastEpisodeBlock(blocks.StructBlock):
    audio = AudioChooserBlock(
        help_text="An MP3 or M4A from the media library. Its transcript travels with it."
    )
    episode_title = blocks.CharBlock(
        required=False,
        max_length=200,
        help_text="Leave blank to use the audio item's title.",
    )
    show_notes = blocks.RichTextBlock(
        features=PARAGRAPH_FEATURES,
        required=False,
        help_text="What the episode covers, who speaks, and links mentioned.",
    )

    class Meta:
        icon = "wagtailmedia-audio"
        template = "collection/blocks/podcast_episode.html"
        group = "Media"
        description = "An audio episode with a player and its transcript."

    def get_preview_value(self):
        return self.to_python(
            {
                "audio": block_previews.sample_audio_id(),
                "episode_title": "",
                "show_notes": "<p>Who gets counted when a biobank decides whose samples to "
                "keep, and who decides.</p>",
            }
        )

    def get_preview_context(self, value, parent_context=None):
        context = super().get_preview_context(value, parent_context)
        if not value.get("audio"):
            context["preview_missing"] = block_previews.missing_note("audio with a transcript")
        return context


def clock_seconds(text):
    """ "4:13" or "1:02:05" as seconds, or None when it is not a running time like that."""
    parts = (text or "").strip().split(":")
    if not 2 <= len(parts) <= 3 or not all(part.isdigit() for part in parts):
        return None
    numbers = [int(part) for part in parts]
    if any(number >= 60 for number in numbers[1:]):
        return None
    seconds = 0
    for number in numbers:
        seconds = seconds * 60 + number
    return seconds or None


class RunningTimeBlock(blocks.CharBlock):
    """A running time ("4:13"): the same in every language, so never offered to translators
    (wagtail-localize copies it as it is; a block saved before the field existed has None,
    which its text extraction cannot take)."""

    def get_translatable_segments(self, value):
        return []

    def restore_translated_segments(self, value, segments):
        return value


class VideoBlock(blocks.StructBlock):
    """An uploaded video, or a video hosted elsewhere shown behind a click-to-load facade."""

    video = VideoChooserBlock(
        required=False,
        help_text="An uploaded video from the media library (with captions or a transcript).",
    )
    url = blocks.URLBlock(
        required=False,
        help_text="Or the address of a video on YouTube, Vimeo or similar. "
        "It is only loaded when a reader asks.",
    )
    title = blocks.CharBlock(
        required=False, max_length=200, help_text="Required for an external video."
    )
    poster = ImageChooserBlock(
        required=False, help_text="Required for an external video: shown until it is played."
    )
    transcript = blocks.RichTextBlock(
        features=PARAGRAPH_FEATURES,
        required=False,
        help_text="Required for an external video: what is said and shown.",
    )
    duration = RunningTimeBlock(
        required=False,
        max_length=10,
        help_text="For an external video: how long it runs, as minutes:seconds (4:13) or "
        "hours:minutes:seconds (1:02:05). Search engines show it; an uploaded video's is read "
        "from the file.",
    )

    class Meta:
        icon = "media"
        template = "collection/blocks/video.html"
        group = "Media"
        description = "A video: uploaded with captions, or external behind a click-to-load."

    def get_preview_value(self):
        # An external video behind its click-to-load stand-in: nothing is fetched.
        return self.to_python(
            {
                "video": None,
                "url": "https://www.youtube.com/watch?v=aaaaaaaaaaa",
                "title": "What happens to a blood sample",
                "poster": block_previews.sample_image_id(),
                "transcript": block_previews.SAMPLE_TRANSCRIPT,
            }
        )

    def clean(self, value):
        value = super().clean(value)
        errors = {}
        if bool(value.get("video")) == bool(value.get("url")):
            message = "Choose an uploaded video or give an external address, not both."
            errors["video"] = ErrorList([ValidationError(message)])
        elif value.get("url"):
            for name in ("title", "poster", "transcript"):
                if not value.get(name):
                    errors[name] = ErrorList([ValidationError("An external video needs this.")])
        if value.get("duration") and clock_seconds(value["duration"]) is None:
            message = "Write the running time as 4:13 or 1:02:05."
            errors["duration"] = ErrorList([ValidationError(message)])
        if errors:
            raise blocks.StructBlockValidationError(block_errors=errors)
        return value


class EmbedBlock(blocks.StructBlock):
    """Any other embeddable thing (a Spotify episode, a SoundCloud track, a data story)."""

    url = blocks.URLBlock(help_text="The address of the thing to embed.")
    title = blocks.CharBlock(
        max_length=200, help_text="What it is, for readers and screen readers."
    )
    poster = ImageChooserBlock(required=False, help_text="An image shown until it is loaded.")

    class Meta:
        icon = "code"
        template = "collection/blocks/embed.html"
        group = "Media"
        description = "An embed from another site, loaded only when a reader asks."
        preview_value = {
            "url": "https://open.spotify.com/episode/0000000000000000000000",
            "title": "A conversation about consent and biobanks",
        }

    def get_preview_value(self):
        value = dict(self.meta.preview_value, poster=block_previews.sample_image_id())
        return self.to_python(value)


class StoryBodyBlock(blocks.StreamBlock):
    paragraph = ParagraphBlock()
    section_heading = SectionHeadingBlock()
    pull_quote = PullQuoteBlock()
    illustration = IllustrationBlock()
    podcast_episode = PodcastEpisodeBlock()
    video = VideoBlock()
    embed = EmbedBlock()
    key_facts = KeyFactsBlock()
    references = ReferencesBlock()


class LinkBlock(blocks.StructBlock):
    label = blocks.CharBlock(max_length=100, help_text="e.g. 'Website' or 'Mastodon'.")
    url = blocks.URLBlock(help_text="The full address.")

    class Meta:
        icon = "link"
        template = "collection/blocks/link.html"
        group = "Links"
        description = "A labelled link to a contributor's own site or profile."
        preview_value = {"label": "Website", "url": "https://example.org"}
        # A link is a list item: its preview puts it in a list, as pages do.
        preview_template = "collection/blocks/link_preview.html"
