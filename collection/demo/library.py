"""Idempotent get-or-update helpers for demo content: pages, images, media and themes.

Each helper finds its object by a stable key (a slug under a parent, an image or media title),
creates it when missing, updates it only where it differs, and otherwise leaves it alone. Pages
are published through a revision, and only when something changed, so a second run adds no
revisions.
"""

import io

from django.core.files.base import ContentFile
from django.db import models
from wagtail.blocks import StreamValue
from wagtail.fields import StreamField
from wagtail.images import get_image_model
from wagtail.models import Locale

from ..models import StoryMedia, Theme
from .artwork import Artwork, draw_png
from .media import MediaItem, file_bytes, poster_png


def _strip_ids(data):
    """Block ids are random; compare stream content without them."""
    if isinstance(data, list):
        return [_strip_ids(item) for item in data]
    if isinstance(data, dict):
        return {key: _strip_ids(value) for key, value in data.items() if key != "id"}
    return data


def _canonical_stream(field, value):
    stream_block = field.stream_block
    if not isinstance(value, StreamValue):
        value = stream_block.to_python(value)
    return _strip_ids(
        [
            {"type": child.block_type, "value": child.block.get_prep_value(child.value)}
            for child in value
        ]
    )


def _field_differs(page, name, value):
    field = page._meta.get_field(name)
    if isinstance(field, models.ForeignKey):
        return getattr(page, field.attname) != (value.pk if value is not None else None)
    if isinstance(field, StreamField):
        current = getattr(page, name)
        return _canonical_stream(field, current) != _canonical_stream(field, value)
    return getattr(page, name) != value


def _children_differ(page, name, rows):
    # Fields given as model instances compare by primary key.
    def as_key(row):
        return tuple(
            (key, value.pk if isinstance(value, models.Model) else value)
            for key, value in sorted(row.items())
        )

    children = getattr(page, name).all()
    if not rows:
        return children.exists()
    current = [{key: getattr(child, key) for key in rows[0]} for child in children]
    return [as_key(row) for row in current] != [as_key(row) for row in rows]


def ensure_page(parent, model, slug, *, fields, many=None, children=None, update=True):
    """Find the `model` page called `slug` under `parent`; create, update or leave it.

    fields: plain, foreign-key and StreamField values (streams as raw lists of blocks).
    many: ParentalManyToMany name -> list of objects.
    children: child relation name -> list of dicts of field values, in order; give
        `sort_order` for orderables so the order is stored.
    update: False to return an existing page untouched (e.g. a page finished by a later step).

    Returns (page, status) where status is "created", "updated" or "unchanged".
    """
    many = many or {}
    children = children or {}
    page = model.objects.child_of(parent).filter(slug=slug).first()
    if page is not None and not update:
        return page, "unchanged"
    created = page is None
    if created:
        page = model(slug=slug, live=False)
        changed = True
    else:
        changed = (
            any(_field_differs(page, name, value) for name, value in fields.items())
            or any(
                sorted(obj.pk for obj in getattr(page, name).all())
                != sorted(obj.pk for obj in objs)
                for name, objs in many.items()
            )
            or any(_children_differ(page, name, rows) for name, rows in children.items())
            or not page.live
        )
    if not changed:
        return page, "unchanged"

    for name, value in fields.items():
        setattr(page, name, value)
    for name, objs in many.items():
        getattr(page, name).set(objs)
    for name, rows in children.items():
        child_model = model._meta.get_field(name).related_model
        setattr(page, name, [child_model(**row) for row in rows])
    if created:
        parent.add_child(instance=page)
    page.save_revision().publish()
    return model.objects.get(pk=page.pk), "created" if created else "updated"


def ensure_image(artwork: Artwork):
    """The library image for `artwork`, drawn only when it does not exist yet.

    Credit to an illustrator's page is set separately (see pages.credit_illustrators), since
    the pages themselves use images as portraits.
    """
    Image = get_image_model()
    values = {
        "description": artwork.description,
        "is_decorative": artwork.is_decorative,
        "illustrator_name": artwork.illustrator_name,
        "licence": artwork.licence,
        "default_caption": artwork.caption,
    }
    image = Image.objects.filter(title=artwork.title).first()
    if image is None:
        image = Image(
            title=artwork.title,
            file=ContentFile(draw_png(artwork), name=f"{artwork.key}.png"),
            **values,
        )
        image._set_image_file_metadata()
        image.save()
        return image, "created"
    changed = [name for name, value in values.items() if getattr(image, name) != value]
    if not changed:
        return image, "unchanged"
    for name in changed:
        setattr(image, name, values[name])
    image.save(update_fields=changed)
    return image, "updated"


def ensure_media(item: MediaItem):
    """The audio or video library item for `item`; the file is only written when missing."""
    media = StoryMedia.objects.filter(title=item.title).first()
    if media is None:
        media = StoryMedia(
            title=item.title,
            type=item.type,
            file=ContentFile(file_bytes(item), name=item.filename),
            transcript=item.transcript,
        )
        if item.type == "video":
            media.width, media.height = 320, 180
            media.thumbnail = ContentFile(poster_png(), name=f"{item.key}-poster.png")
        if item.captions:
            media.captions = ContentFile(item.captions.encode(), name=f"{item.key}.vtt")
        media.save()
        return media, "created"
    status = "unchanged"
    if media.transcript != item.transcript:
        media.transcript = item.transcript
        status = "updated"
    if item.captions and _file_text(media.captions) != item.captions:
        media.captions = ContentFile(item.captions.encode(), name=f"{item.key}.vtt")
        status = "updated"
    if status == "updated":
        media.save()
    return media, status


def _file_text(field_file):
    if not field_file:
        return ""
    try:
        with field_file.open("rb") as handle:
            return io.TextIOWrapper(handle, encoding="utf-8").read()
    except OSError:  # the file went missing from storage: write it again
        return ""


def ensure_theme(slug, name, description):
    # The English theme: its translations share its slug.
    theme, created = Theme.objects.get_or_create(
        slug=slug, locale=Locale.get_default(), defaults={"name": name, "description": description}
    )
    if created:
        return theme, "created"
    if (theme.name, theme.description) == (name, description):
        return theme, "unchanged"
    theme.name, theme.description = name, description
    theme.save()
    return theme, "updated"
