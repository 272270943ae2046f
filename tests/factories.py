"""Factories for every page type and model (one test fails when a page type has none)."""

import io

import factory
import wagtail_factories
from django.core.files.base import ContentFile
from factory.django import DjangoModelFactory
from PIL import Image as PILImage
from wagtail.models import Collection

from collection.models import (
    ContributorIndexPage,
    ContributorPage,
    SeriesIndexPage,
    SeriesPage,
    StoryIndexPage,
    StoryMedia,
    StoryPage,
    Theme,
)
from home.models import HomePage
from illustrations.models import Commission, Illustration
from submissions.models import ShareYourStoryPage


def png_bytes(width=8, height=6, colour=(200, 80, 40)):
    """A tiny valid PNG: renditions of tiny images are fast."""
    buffer = io.BytesIO()
    PILImage.new("RGB", (width, height), colour).save(buffer, "PNG")
    return buffer.getvalue()


def mp3_bytes(seconds=1.0):
    """A short valid MP3 of silence, encoded with lameenc."""
    import lameenc

    encoder = lameenc.Encoder()
    encoder.set_bit_rate(64)
    encoder.set_in_sample_rate(22050)
    encoder.set_channels(1)
    encoder.set_quality(7)
    pcm = b"\x00\x00" * int(22050 * seconds)
    return encoder.encode(pcm) + encoder.flush()


def illustration_block(image, width="wide", caption=""):
    """A story body's illustration block, as stored, showing `image` with its own alt text."""
    return {
        "type": "illustration",
        "value": {
            "image": {"image": image.pk, "alt_text": "", "decorative": False},
            "caption": caption,
            "width": width,
        },
    }


class IllustrationFactory(wagtail_factories.ImageFactory):
    class Meta:
        model = Illustration

    title = factory.Sequence(lambda n: f"Illustration {n}")
    # The library's root collection, as an upload gets (wagtail-factories would make a new
    # root collection per image, outside every group's permissions).
    collection = factory.LazyFunction(lambda: Collection.get_first_root_node())
    file = factory.LazyFunction(lambda: ContentFile(png_bytes(), name="artwork.png"))
    description = "Three figures stand apart from a crowd drawn in a single colour."
    illustrator_name = "Ama Mensah"
    licence = "commissioned"


class ThemeFactory(DjangoModelFactory):
    class Meta:
        model = Theme
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Theme {n}")
    slug = factory.Sequence(lambda n: f"theme-{n}")


class StoryMediaFactory(DjangoModelFactory):
    class Meta:
        model = StoryMedia

    title = factory.Sequence(lambda n: f"Episode audio {n}")
    type = "audio"
    file = factory.LazyFunction(lambda: ContentFile(mp3_bytes(), name="episode.mp3"))
    transcript = "<p>HOST: Welcome to Mind The Gap.</p>"


class HomePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = HomePage

    title = "Mind The Gap"


class StoryIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = StoryIndexPage

    title = "Stories"
    slug = "stories"


class SeriesIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = SeriesIndexPage

    title = "Series"
    slug = "series"


class ContributorIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = ContributorIndexPage

    title = "Contributors"
    slug = "contributors"


class ContributorPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = ContributorPage

    title = factory.Sequence(lambda n: f"Contributor {n}")
    roles = factory.LazyFunction(lambda: ["author"])
    short_bio = "<p>Writes about health data.</p>"


class StoryPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = StoryPage

    title = factory.Sequence(lambda n: f"Story {n}")
    summary = "A story about who is missing from the data."
    format = "article"
    body = factory.LazyFunction(
        lambda: [{"type": "paragraph", "value": "<p>Most studies draw on few communities.</p>"}]
    )


class SeriesPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = SeriesPage

    title = factory.Sequence(lambda n: f"Series {n}")
    introduction = "<p>A series of stories.</p>"


class CommissionFactory(DjangoModelFactory):
    class Meta:
        model = Commission

    title = factory.Sequence(lambda n: f"Commission {n}")
    brief = "A cover for the consent series."
    illustrator = factory.SubFactory(ContributorPageFactory)


class ShareYourStoryPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = ShareYourStoryPage

    title = "Share your story"
    slug = "share-your-story"
    introduction = "<p>We would like to hear your story.</p>"
    guidance = "<p>A few paragraphs are enough.</p>"
    data_use = "<p>Only our editors see what you send. We delete it on request.</p>"
    confirmation_message = "<p>An editor will read it within four weeks.</p>"


# Page models -> their factory; tests/test_factories.py fails when a page type is missing here.
PAGE_FACTORIES = {
    HomePage: HomePageFactory,
    StoryIndexPage: StoryIndexPageFactory,
    SeriesIndexPage: SeriesIndexPageFactory,
    ContributorIndexPage: ContributorIndexPageFactory,
    ContributorPage: ContributorPageFactory,
    StoryPage: StoryPageFactory,
    SeriesPage: SeriesPageFactory,
    ShareYourStoryPage: ShareYourStoryPageFactory,
}
