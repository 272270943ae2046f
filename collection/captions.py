"""Captions files are WebVTT by their content, not by their name.

A browser's <track> element only shows captions from a WebVTT file: UTF-8 text that starts with
"WEBVTT" (after an optional byte order mark) and holds timed cues. An .srt renamed to .vtt, a
Word document or an empty file would leave a video without captions while looking complete, so
the upload is read and parsed (webvtt-py) and refused with a message that says what is wrong.
"""

import io
import re

import webvtt
from django.core.exceptions import ValidationError
from webvtt.errors import MalformedCaptionError, MalformedFileError

# Captions for an hour of speech are a few hundred kilobytes.
MAX_CAPTIONS_BYTES = 2 * 1024 * 1024
# The signature line: WEBVTT alone, or followed by a space or tab and anything (a title).
SIGNATURE = re.compile(r"\A\ufeff?WEBVTT(?:[ \t][^\r\n]*)?(?:\r\n|\r|\n|\Z)")


def read_upload(value):
    """The bytes of an uploaded or stored file (up to one byte past the limit)."""
    handle = getattr(value, "file", value)
    if hasattr(value, "open") and getattr(value, "closed", False):
        value.open("rb")
    if hasattr(handle, "seek"):
        handle.seek(0)
    data = handle.read(MAX_CAPTIONS_BYTES + 1)
    if hasattr(handle, "seek"):
        handle.seek(0)
    return data.encode() if isinstance(data, str) else data


def captions_problem(data):
    """Why `data` (bytes) is not a usable WebVTT captions file, or None when it is."""
    if len(data) > MAX_CAPTIONS_BYTES:
        return "This captions file is larger than 2 MB: is it really a WebVTT captions file?"
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return "This file is not a WebVTT captions file: WebVTT is plain text in UTF-8."
    if not SIGNATURE.match(text):
        if "-->" in text and re.search(r"\d\d:\d\d:\d\d,\d\d\d", text):
            return (
                "This looks like an SRT subtitles file, not WebVTT. Convert it to WebVTT (its "
                "first line must read WEBVTT) and upload it again."
            )
        return "This file is not a WebVTT captions file: its first line must read WEBVTT."
    try:
        parsed = webvtt.from_buffer(io.StringIO(text.lstrip("\ufeff")), strict=True)
    except (MalformedCaptionError, MalformedFileError) as error:
        return f"This WebVTT file has a cue that cannot be read ({error}). Fix it and try again."
    if not parsed.captions:
        return "This WebVTT file holds no captions: it needs at least one timed cue."
    return None


def validate_webvtt(value):
    """Model field validator for a captions upload."""
    problem = captions_problem(read_upload(value))
    if problem:
        raise ValidationError(problem, code="invalid_captions")
