"""Each StreamField block of a story renders realistic values, and rejects what it must."""

import pytest
from django.core.files.base import ContentFile
from wagtail.blocks import StructBlockValidationError

from collection.blocks import (
    EmbedBlock,
    IllustrationBlock,
    KeyFactsBlock,
    LinkBlock,
    ParagraphBlock,
    PodcastEpisodeBlock,
    PullQuoteBlock,
    ReferenceBlock,
    ReferencesBlock,
    SectionHeadingBlock,
    StoryBodyBlock,
    VideoBlock,
)
from tests import factories

VTT = b"WEBVTT\n\n00:00:00.000 --> 00:00:01.000\n[Soft chimes]\n"


def render(block, raw):
    return block.render(block.to_python(raw))


@pytest.fixture
def artwork(db):
    return factories.IllustrationFactory(
        title="Gap in the grid",
        description="Rows of ochre and teal dots with a rectangle of dots missing.",
        illustrator_name="Ama Mensah",
        licence="commissioned",
        default_caption="Who is counted, and who is left out.",
    )


@pytest.fixture
def episode(db):
    return factories.StoryMediaFactory(
        title="Episode 1: Who gave consent?",
        transcript="<p><b>Leila:</b> Welcome to Mind The Gap.</p>",
    )


@pytest.fixture
def video(db):
    return factories.StoryMediaFactory(
        title="Consent, explained without words",
        type="video",
        file=ContentFile(b"\x00\x00\x00\x18ftypmp42", name="consent.mp4"),
        captions=ContentFile(VTT, name="consent.vtt"),
        transcript="<p>A grid of dots fills in, one at a time.</p>",
    )


def test_every_story_body_block_has_a_test_here():
    tested = {
        "paragraph",
        "section_heading",
        "pull_quote",
        "illustration",
        "podcast_episode",
        "video",
        "embed",
        "key_facts",
        "references",
    }
    assert set(StoryBodyBlock().child_blocks) == tested


def test_paragraph_keeps_its_rich_text():
    html = render(
        ParagraphBlock(),
        '<p>Most studies draw on <b>few</b> communities. <a href="https://example.org">More'
        "</a></p>",
    )
    assert "<b>few</b>" in html
    assert 'href="https://example.org"' in html


def test_section_heading_renders_at_the_level_the_page_outline_gives_it():
    block = SectionHeadingBlock()
    value = block.to_python({"heading": "Who is missing", "level": "h3"})
    # The story page works out each heading's level so the outline never skips (an h3 with
    # no h2 before it becomes an h2); on its own a heading opens a section.
    assert "<h2" in block.render(value) and "Who is missing</h2>" in block.render(value)
    html = block.render(value, context={"heading_level": 3})
    assert "<h3" in html and "Who is missing</h3>" in html


def test_pull_quote_shows_quote_and_attribution():
    html = render(
        PullQuoteBlock(),
        {
            "quote": "Nobody asked us what the samples would be used for.",
            "attribution": "Community advocate, Cardiff",
        },
    )
    assert "<blockquote" in html
    assert "Nobody asked us what the samples would be used for." in html
    assert "Community advocate, Cardiff" in html


def test_key_facts_and_callout():
    raw = {
        "heading": "Four things any study can do",
        "facts": ["Explain why a question is asked.", "Report what is missing."],
        "style": "callout",
    }
    html = render(KeyFactsBlock(), raw)
    assert "Four things any study can do" in html
    assert html.count("<li") == 2
    assert "callout" in html


def test_references_link_the_doi_or_the_url():
    html = render(
        ReferencesBlock(),
        {
            "heading": "References",
            "references": [
                {
                    "citation": "Popejoy AB, Fullerton SM. Genomics is failing on diversity.",
                    "doi": "10.1038/538161a",
                    "url": "",
                },
                {
                    "citation": "UCL. Inquiry into the History of Eugenics at UCL (2020).",
                    "doi": "",
                    "url": "https://www.ucl.ac.uk/provost/inquiry-history-eugenics-ucl",
                },
            ],
        },
    )
    assert "Genomics is failing on diversity." in html
    assert 'href="https://doi.org/10.1038/538161a"' in html
    assert 'href="https://www.ucl.ac.uk/provost/inquiry-history-eugenics-ucl"' in html


def test_reference_accepts_a_doi_link_and_stores_the_bare_doi():
    block = ReferenceBlock()
    value = block.clean(
        block.to_python(
            {
                "citation": "Martin AR et al. Clinical use of current polygenic risk scores.",
                "doi": "https://doi.org/10.1038/s41588-019-0379-x",
                "url": "",
            }
        )
    )
    assert value["doi"] == "10.1038/s41588-019-0379-x"


def test_reference_rejects_something_that_is_not_a_doi():
    block = ReferenceBlock()
    with pytest.raises(StructBlockValidationError) as caught:
        block.clean(block.to_python({"citation": "A paper.", "doi": "nature-538", "url": ""}))
    assert set(caught.value.block_errors) == {"doi"}


@pytest.mark.django_db
def test_illustration_renders_alt_text_caption_and_credit(artwork):
    raw = {
        "image": {"image": artwork.pk, "alt_text": "Dots with a gap", "decorative": False},
        "caption": "Who is counted.",
        "width": "wide",
    }
    html = render(IllustrationBlock(), raw)
    assert "<img" in html
    assert 'alt="Dots with a gap"' in html
    assert "Who is counted." in html
    assert "Ama Mensah" in html


@pytest.mark.django_db
def test_decorative_illustration_has_empty_alt(artwork):
    raw = {
        "image": {"image": artwork.pk, "alt_text": "", "decorative": True},
        "caption": "",
        "width": "full",
    }
    html = render(IllustrationBlock(), raw)
    assert 'alt=""' in html
    assert "Rows of ochre" not in html


@pytest.mark.django_db
def test_podcast_episode_has_player_and_transcript(episode):
    html = render(
        PodcastEpisodeBlock(),
        {
            "audio": episode.pk,
            "episode_title": "",
            "show_notes": "<p>Joseph and Siân compare notes on consent forms.</p>",
        },
    )
    assert "Episode 1: Who gave consent?" in html  # the audio item's title stands in
    assert "<audio" in html
    assert episode.file.url in html
    assert "audio/mpeg" in html
    assert "Joseph and Siân compare notes" in html
    assert "Welcome to Mind The Gap." in html


@pytest.mark.django_db
def test_uploaded_video_has_captions_track_and_transcript(video):
    raw = {"video": video.pk, "url": "", "title": "", "poster": None, "transcript": ""}
    html = render(VideoBlock(), raw)
    assert "<video" in html
    assert video.file.url in html
    assert "<track" in html and video.captions.url in html
    assert 'kind="captions"' in html
    assert "A grid of dots fills in" in html


@pytest.mark.django_db
def test_external_video_is_a_link_with_poster_and_transcript_not_an_iframe(artwork):
    raw = {
        "video": None,
        "url": "https://www.youtube.com/watch?v=Qm7dGvXk2pA",
        "title": "Who holds the key?",
        "poster": artwork.pk,
        "transcript": "<p><b>Aroha:</b> Three people can open it.</p>",
    }
    html = render(VideoBlock(), raw)
    assert "Who holds the key?" in html
    assert "https://www.youtube.com/watch?v=Qm7dGvXk2pA" in html
    assert "<img" in html
    assert "Three people can open it." in html
    assert "<iframe" not in html  # nothing is loaded from the provider until asked


@pytest.mark.django_db
def test_video_needs_exactly_one_source(video):
    block = VideoBlock()
    empty = {"video": None, "url": "", "title": "", "poster": None, "transcript": ""}
    with pytest.raises(StructBlockValidationError) as neither:
        block.clean(block.to_python(empty))
    assert "video" in neither.value.block_errors

    both = dict(empty, video=video.pk, url="https://vimeo.com/123456789")
    with pytest.raises(StructBlockValidationError) as caught:
        block.clean(block.to_python(both))
    assert "video" in caught.value.block_errors


@pytest.mark.django_db
def test_external_video_needs_title_poster_and_transcript():
    block = VideoBlock()
    raw = {
        "video": None,
        "url": "https://vimeo.com/123456789",
        "title": "",
        "poster": None,
        "transcript": "",
    }
    with pytest.raises(StructBlockValidationError) as caught:
        block.clean(block.to_python(raw))
    assert set(caught.value.block_errors) == {"title", "poster", "transcript"}


@pytest.mark.django_db
def test_valid_videos_pass_validation(video, artwork):
    block = VideoBlock()
    uploaded = {"video": video.pk, "url": "", "title": "", "poster": None, "transcript": ""}
    assert block.clean(block.to_python(uploaded))["video"] == video
    external = {
        "video": None,
        "url": "https://vimeo.com/123456789",
        "title": "A film",
        "poster": artwork.pk,
        "transcript": "<p>What is said.</p>",
    }
    assert block.clean(block.to_python(external))["url"] == "https://vimeo.com/123456789"


@pytest.mark.django_db
def test_embed_is_stored_and_shown_without_contacting_the_provider(artwork, monkeypatch):
    def no_network(*args, **kwargs):
        raise AssertionError("the provider was contacted")

    monkeypatch.setattr("urllib.request.urlopen", no_network)
    block = EmbedBlock()
    raw = {
        "url": "https://open.spotify.com/episode/6lPqXb3nRz0ZkT8vWc1MmY",
        "title": "Asking different questions, on Spotify",
        "poster": artwork.pk,
    }
    value = block.clean(block.to_python(raw))
    html = block.render(value)
    assert "https://open.spotify.com/episode/6lPqXb3nRz0ZkT8vWc1MmY" in html
    assert "Asking different questions, on Spotify" in html
    assert "<iframe" not in html


def test_link_block():
    html = render(LinkBlock(), {"label": "Portfolio", "url": "https://amamensah.example.com"})
    assert 'href="https://amamensah.example.com"' in html and "Portfolio" in html
