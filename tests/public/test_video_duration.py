"""An external video's running time: typed by the editor, checked, and given to search engines
in the story's JSON-LD as an ISO 8601 duration."""

import json
import re

import pytest
from wagtail.blocks import StructBlockValidationError

from collection.blocks import VideoBlock, clock_seconds
from tests import factories

pytestmark = pytest.mark.django_db


def external_video(**extra):
    return {
        "video": None,
        "url": "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
        "title": "A talk on data equity",
        "poster": factories.IllustrationFactory().pk,
        "transcript": "<p>SPEAKER: Thank you for coming.</p>",
        **extra,
    }


def structured_data(client, story):
    html = client.get(story.url).content.decode()
    return json.loads(
        re.search(r'<script type="application/ld\+json"[^>]*>(.*?)</script>', html).group(1)
    )


@pytest.mark.parametrize(
    "text, seconds",
    [("4:13", 253), ("1:02:05", 3725), ("0:59", 59), ("", None), ("4:73", None), ("4m13s", None)],
)
def test_running_times_editors_type(text, seconds):
    assert clock_seconds(text) == seconds


def test_external_video_duration_in_json_ld(client, content):
    story, _ = content.video(body=[{"type": "video", "value": external_video(duration="1:02:05")}])
    data = structured_data(client, story)
    assert data["@type"] == "VideoObject"
    assert data["duration"] == "PT1H2M5S"


def test_external_video_without_duration_has_none(client, content):
    story, _ = content.video(body=[{"type": "video", "value": external_video()}])
    assert "duration" not in structured_data(client, story)


def test_a_duration_that_is_not_a_running_time_is_refused():
    block = VideoBlock()
    with pytest.raises(StructBlockValidationError) as caught:
        block.clean(block.to_python(external_video(duration="about four minutes")))
    assert "duration" in caught.value.block_errors
