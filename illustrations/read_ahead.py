"""Images read ahead for a StreamField that would read them one block type at a time.

Wagtail turns a StreamField's image choices into images per block type: each image chooser asks
the image model's `in_bulk` for its own ids. A story body with illustrations and video posters
then reads images twice, and their illustrators once more. A page that knows from the raw body
which images it chooses reads them all in one query, illustrators joined, and hands them over
(`images_read_ahead`) while the body is turned into blocks: `in_bulk` on the whole image table
(IllustrationQuerySet.in_bulk) answers from them when they cover every id it is asked for.
"""

import contextvars
import copy
from contextlib import contextmanager

_read = contextvars.ContextVar("illustrations_read_ahead", default=None)


@contextmanager
def images_read_ahead(asked, images):
    """While in the block, `in_bulk(ids)` for ids among `asked` answers from `images` (those of
    `asked` that exist) instead of the database."""
    token = _read.set(({pk for pk in asked if pk is not None}, {i.pk: i for i in images}, set()))
    try:
        yield
    finally:
        _read.reset(token)


def answer(ids):
    """{pk: image} for `ids` from the images read ahead, or None when some id was not read ahead.
    An image handed out before is handed out again as a copy, as Wagtail copies an image chosen
    twice, so no two blocks share one instance."""
    read = _read.get()
    if read is None:
        return None
    asked, images, handed = read
    wanted = [pk for pk in ids if pk is not None]
    if not asked.issuperset(wanted):
        return None
    found = {}
    for pk in wanted:
        image = images.get(pk)
        if image is None:
            continue  # asked for, not found: no longer in the library
        found[pk] = copy.copy(image) if pk in handed else image
        handed.add(pk)
    return found
