"""`/api/v2/images/`: the illustrations that public pages show, with credit and licence.

Only complete images (alt text or decorative, a credit, a licence) used on a live, public page
(reuse/visibility.py). Renditions are the ones the site already made (AVIF, WebP and the JPEG or
PNG fallback at the widths in illustrations/renditions.py): the API never makes one on request.
An image under "all rights reserved" has no `original` and no `attribution`.
"""

from wagtail.images import get_image_model

from illustrations.licences import Licence

from .. import visibility
from . import representations as rep
from .base import ReadOnlyEndpoint


class PublicImagesEndpoint(ReadOnlyEndpoint):
    name = endpoint = "images"
    model = get_image_model()
    known_query_parameters = ReadOnlyEndpoint.known_query_parameters | {"licence", "reusable"}
    choice_filters = {"licence": set(Licence.values), "reusable": {"true", "false"}}
    orderings = {
        "id": ("pk",),
        "-id": ("-pk",),
        "title": ("title", "pk"),
        "-title": ("-title", "-pk"),
    }

    def get_queryset(self):
        return rep.with_image_data(visibility.public_images(self.request))

    def filter_listing(self, queryset):
        from illustrations.attribution import REUSABLE_LICENCES

        get = self.request.GET
        if "licence" in get:
            queryset = queryset.filter(licence=get["licence"])
        if "reusable" in get:
            lookup = {"licence__in": [str(code) for code in REUSABLE_LICENCES]}
            queryset = (
                queryset.filter(**lookup)
                if get["reusable"] == "true"
                else queryset.exclude(**lookup)
            )
        return queryset

    def get_object(self):
        from django.http import Http404

        image = self.get_queryset().filter(pk=self.kwargs["pk"]).first()
        if image is None:
            raise Http404("No public image with that id.")
        return image

    def represent(self, request, image):
        return {
            "id": image.pk,
            "meta": self.meta(request, image),
            "title": image.title,
            **rep.image_data(request, image),
        }
