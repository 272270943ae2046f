"""Renditions read as plain values, for pages that only show them.

A listing or a story shows dozens of images, each offered in a dozen widths and three formats:
a series page reads about 600 renditions. Building a Django model instance for each (with the
image field's dimension bookkeeping on every one) cost more than the query that read them, so
the prefetches in illustrations/renditions.py read each rendition's few values and wrap them in
`ShownRendition`, which offers what Wagtail's `get_renditions()` looks at when it matches
prefetched renditions (`filter_spec`, `focal_point_key`) and what a template prints (`url`,
`width`, `height`).
"""

from functools import cache

FIELDS = ("id", "image_id", "filter_spec", "focal_point_key", "file", "width", "height")


@cache
def _storage():
    from wagtail.images import get_image_model

    return get_image_model().get_rendition_model()._meta.get_field("file").storage


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

    # Wagtail marks a matched prefetched rendition so it is not written back to its cache.
    _from_cache = True

    def __setattr__(self, name, value):
        if name != "_from_cache":
            object.__setattr__(self, name, value)

    @property
    def url(self):
        if self._url is None:
            self._url = _storage().url(self.name)
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
