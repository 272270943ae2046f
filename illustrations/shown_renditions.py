"""Renditions read as plain values, for pages that only show them.

A listing or a story shows dozens of images, each offered in a dozen widths and three formats:
a series page reads about 600 renditions. Building a Django model instance for each (with the
image field's dimension bookkeeping on every one) cost more than the query that read them, so
the prefetches in illustrations/renditions.py read each rendition's few values and wrap them in
`ShownRendition`, which offers what Wagtail's `get_renditions()` looks at when it matches
prefetched renditions (`filter_spec`, `focal_point_key`) and what a template prints (`url`,
`width`, `height`).
"""

import re
from functools import cache

from django.core.files.storage import FileSystemStorage
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.utils.encoding import filepath_to_uri
from django.utils.functional import LazyObject, empty

FIELDS = ("id", "image_id", "filter_spec", "focal_point_key", "file", "width", "height")


@cache
def _storage():
    """The renditions' storage itself. The default storage's lazy wrapper routes every
    attribute through two Python calls and an AttributeError, and a series page asks ~600
    times, so it is unwrapped once; a settings change that swaps what it wraps forgets it."""
    from wagtail.images import get_image_model

    storage = get_image_model().get_rendition_model()._meta.get_field("file").storage
    if isinstance(storage, LazyObject):
        if storage._wrapped is empty:
            storage._setup()
        storage = storage._wrapped
    return storage


@receiver(setting_changed)
def _forget_storage(*, setting, **kwargs):
    if setting in ("STORAGES", "MEDIA_ROOT", "MEDIA_URL", "WAGTAILIMAGES_IMAGE_MODEL"):
        _storage.cache_clear()


def _url_of(name):
    """The file's address, as its storage gives it. For files on this machine (the storage's
    base URL and the quoted name, which `FileSystemStorage.url` joins with `urljoin`) without
    the join, a dozen times per image on a listing."""
    storage = _storage()
    # A subclass with a `url` of its own is asked as usual.
    if type(storage).url is FileSystemStorage.url and storage.base_url.endswith("/"):
        # Names Wagtail makes are letters, digits and ".-_/": quoting leaves them as they are.
        quoted = name if _UNQUOTED(name) else filepath_to_uri(name)
        return storage.base_url + quoted.lstrip("/")
    return storage.url(name)


# What `filepath_to_uri` (urllib's quote, safe "/~!*()'") never changes.
_UNQUOTED = re.compile(r"[A-Za-z0-9_.\-~/!*()']*").fullmatch


class ShownRendition:
    __slots__ = (
        "id",
        "image_id",
        "filter_spec",
        "focal_point_key",
        "name",
        "width",
        "height",
        "image",
        "_url",
        # Wagtail marks a matched prefetched rendition so it is not written back to its cache;
        # it is one already (True from the start).
        "_from_cache",
    )

    def __init__(self, id, image_id, filter_spec, focal_point_key, name, width, height):
        self.id = id
        self.image_id = image_id
        self.filter_spec = filter_spec
        self.focal_point_key = focal_point_key
        self.name = name
        self.width = width
        self.height = height
        self._url = None
        self._from_cache = True

    @property
    def url(self):
        if self._url is None:
            self._url = _url_of(self.name)
        return self._url

    def __reduce__(self):
        # Wagtail's get_rendition() puts what it found in its renditions cache, which other
        # code (the admin, the API) reads as whole renditions: pickle as one.
        return (
            _rendition,
            (
                self.id,
                self.image_id,
                self.filter_spec,
                self.focal_point_key,
                self.name,
                self.width,
                self.height,
            ),
        )

    def __repr__(self):
        return f"<ShownRendition {self.filter_spec} of image {self.image_id}>"


def _rendition(id, image_id, filter_spec, focal_point_key, name, width, height):
    from wagtail.images import get_image_model

    model = get_image_model().get_rendition_model()
    rendition = model(
        id=id,
        image_id=image_id,
        filter_spec=filter_spec,
        focal_point_key=focal_point_key,
        file=name,
        width=width,
        height=height,
    )
    rendition._state.adding = False
    return rendition


def shown_renditions(queryset):
    """Each rendition of `queryset` as a ShownRendition, in one query."""
    return [ShownRendition(*row) for row in queryset.values_list(*FIELDS)]


def prefetched_match(image, specs):
    """{spec: rendition} for each of `specs` from the renditions prefetched for `image` (with
    the image's current focal point, as Wagtail matches them), or None when any is missing or
    none were prefetched: then Wagtail's `get_renditions()` finds or makes them. Wagtail's own
    matching builds a Filter and looks through every prefetched rendition for each spec."""
    prefetched = getattr(image, "prefetched_renditions", None)
    if prefetched is None or image.is_svg():
        return None
    from .renditions import filter_for

    by_spec = {(r.filter_spec, r.focal_point_key): r for r in prefetched}
    keys = {}  # the image's key for each set of fields a filter varies on (see _vary_fields)
    found = {}
    for spec in specs:
        fields = _vary_fields(spec)
        key = keys.get(fields)
        if key is None:
            key = keys[fields] = filter_for(spec).get_cache_key(image)
        rendition = by_spec.get((spec, key))
        if rendition is None:
            return None
        found[spec] = rendition
    return found


@cache
def _vary_fields(spec):
    """The image fields a filter's key depends on (Wagtail's `Filter.get_cache_key` hashes
    their values): a focal point for a crop, none for a plain resize. Specs that vary on the
    same fields share the image's key, worked out once per image."""
    from .renditions import filter_for

    return tuple(
        field
        for operation in filter_for(spec).operations
        for field in getattr(operation, "vary_fields", ())
    )
