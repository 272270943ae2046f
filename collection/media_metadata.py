"""Reads an audio or video file's real duration and size, so nobody types them by hand."""

import logging

from tinytag import TinyTag, TinyTagException

logger = logging.getLogger(__name__)


def read_duration_and_size(field_file):
    """Return (duration in seconds or None, size in bytes) of a stored or uploaded file."""
    size = field_file.size
    duration = None
    try:
        field_file.open("rb")
        field_file.seek(0)
        tag = TinyTag.get(file_obj=field_file.file, tags=False)
        duration = tag.duration
    except (TinyTagException, OSError, ValueError) as error:
        # Not every container (e.g. WebM video) is readable; the size is still exact.
        logger.info("Could not read the duration of a media file: %s", type(error).__name__)
    finally:
        field_file.seek(0)
    return duration, size
