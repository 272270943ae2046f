"""The demo's audio and video library: two podcast episodes (MP3 made with lameenc) and a short
captioned animation (a committed MP4, see make_video_asset.py), each with its transcript.

The audio is a few seconds of soft chimes standing in for a recorded episode; the transcripts
are what the episodes would say. Nothing here needs the network or ffmpeg.
"""

import math
from array import array
from dataclasses import dataclass
from pathlib import Path

from .artwork import Artwork, draw_png

ASSETS = Path(__file__).resolve().parent / "assets"
SAMPLE_RATE = 22050


@dataclass(frozen=True)
class MediaItem:
    key: str
    title: str
    type: str  # "audio" or "video"
    filename: str
    transcript: str
    notes: tuple[int, ...] = ()  # chime pitches in Hz, audio only
    captions: str = ""  # WebVTT, video only


def chimes_mp3(notes, seconds_per_note=1.5):
    """A short valid MP3: each note a decaying sine, encoded with lameenc (mono, 48 kbit/s)."""
    import lameenc

    samples = array("h")
    per_note = int(SAMPLE_RATE * seconds_per_note)
    for frequency in notes:
        for n in range(per_note):
            t = n / SAMPLE_RATE
            level = math.exp(-3 * t) * 0.3
            samples.append(int(32767 * level * math.sin(2 * math.pi * frequency * t)))
    encoder = lameenc.Encoder()
    encoder.set_bit_rate(48)
    encoder.set_in_sample_rate(SAMPLE_RATE)
    encoder.set_channels(1)
    encoder.set_quality(7)
    return encoder.encode(samples.tobytes()) + encoder.flush()


def file_bytes(item: MediaItem) -> bytes:
    if item.type == "audio":
        return chimes_mp3(item.notes)
    return (ASSETS / item.filename).read_bytes()


def poster_png() -> bytes:
    """The video's poster frame: the opening of the animation, a grid of dots with a gap."""
    frame = Artwork(
        key="consent-poster",
        title="",
        style="dot-grid",
        palette="ochre-teal",
        seed=31,
        description="",
        size=(320, 180),
    )
    return draw_png(frame)


def _say(speaker, words):
    return f"<p><b>{speaker}:</b> {words}</p>"


EPISODE_ONE_TRANSCRIPT = "".join(
    [
        "<p>[Soft chimes]</p>",
        _say(
            "Leila Haddad",
            "Welcome to Mind The Gap, the podcast about who is missing from health data. I'm "
            "Leila Haddad. Today: consent. What are we agreeing to when we give a sample? With "
            "me are Joseph Okafor, who chairs a sickle cell patient group in south London, and "
            "Siân Lewis, who gave blood to a biobank in 2008.",
        ),
        _say(
            "Siân Lewis",
            "I signed on a clipboard on my knee. Four pages. I remember being proud, and I "
            "remember not reading page three.",
        ),
        _say(
            "Joseph Okafor",
            "For me it was the opposite. I read every word, and I still did not know what "
            "would happen to my blood after the study ended. The form said 'future research'. "
            "Whose future?",
        ),
        _say("Leila Haddad", "What would a good consent conversation have sounded like?"),
        _say(
            "Joseph Okafor",
            "Someone sitting down with me, not standing up with a clipboard. Telling me who "
            "might use it, including companies. And telling me how to find out later.",
        ),
        _say(
            "Siân Lewis",
            "And that I could change my mind. I did not know I could withdraw until I "
            "went looking, fifteen years later.",
        ),
        _say(
            "Leila Haddad",
            "Siân's article, What did I agree to?, is on the site. Thank you both. You have "
            "been listening to Mind The Gap.",
        ),
        "<p>[Chimes fade out]</p>",
    ]
)

EPISODE_TWO_TRANSCRIPT = "".join(
    [
        "<p>[Soft chimes]</p>",
        _say(
            "Daniel Reyes",
            "This is Mind The Gap. I'm Daniel Reyes, here with Leila Haddad, and we are "
            "talking about community-led research with Aroha Ngata and Joseph Okafor.",
        ),
        _say(
            "Aroha Ngata",
            "Community-led means the questions start with us. Researchers are welcome, but "
            "they come to help answer our questions, on terms we have written down together.",
        ),
        _say(
            "Joseph Okafor",
            "In our group we asked why pain relief in A&amp;E took so long for people with "
            "sickle cell. No study had asked it that way. Once we did, the hospital changed "
            "its protocol within a year.",
        ),
        _say("Leila Haddad", "Who holds the data in a project like that?"),
        _say(
            "Aroha Ngata",
            "The community is its guardian; the university looks after it. Any new use comes "
            "back to the board. It is slower at the start and much faster afterwards, because "
            "people trust it.",
        ),
        _say(
            "Daniel Reyes",
            "And who gets paid?",
        ),
        _say(
            "Joseph Okafor",
            "Everyone who gives their time. That should not be radical.",
        ),
        "<p>[Chimes fade out]</p>",
    ]
)

ANIMATION_TRANSCRIPT = "".join(
    [
        "<p>The animation has no speech. Soft chimes play throughout.</p>",
        "<p>0:00. A grid of ochre and teal dots on a cream background. Right of centre, a "
        "rectangle of the grid is empty.</p>",
        "<p>0:02. One by one, dark dots appear in the empty rectangle, each as a person is "
        "asked and says yes.</p>",
        "<p>0:06. The gap is filled. The new dots stay a different colour: they joined on "
        "their own terms.</p>",
        "<p>0:08. The chimes fade and the animation ends.</p>",
    ]
)

ANIMATION_CAPTIONS = """WEBVTT

00:00:00.000 --> 00:00:02.000
[Soft chimes begin]

00:00:02.000 --> 00:00:06.000
[Chimes continue as the gap fills]

00:00:06.000 --> 00:00:08.000
[Chimes fade out]
"""

MEDIA = [
    MediaItem(
        key="episode-who-gave-consent",
        title="Mind The Gap podcast, episode 1: Who gave consent?",
        type="audio",
        filename="mind-the-gap-episode-1.mp3",
        notes=(523, 659, 784, 659),
        transcript=EPISODE_ONE_TRANSCRIPT,
    ),
    MediaItem(
        key="episode-asking-different-questions",
        title="Mind The Gap podcast, episode 2: Asking different questions",
        type="audio",
        filename="mind-the-gap-episode-2.mp3",
        notes=(440, 554, 659, 880),
        transcript=EPISODE_TWO_TRANSCRIPT,
    ),
    MediaItem(
        key="consent-animation",
        title="Consent, explained without words (animation)",
        type="video",
        filename="consent-animation.mp4",
        transcript=ANIMATION_TRANSCRIPT,
        captions=ANIMATION_CAPTIONS,
    ),
]
