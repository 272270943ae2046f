"""Background tasks of the illustrations app: an image's renditions, made by a worker.

`generate_site_renditions_task` runs when an image is uploaded, its file or focal point changes,
or a page that uses it is published (queued by illustrations.renditions.enqueue_site_renditions
on commit). It first deletes the renditions a new focal point made obsolete (a crop made around
the old focal point is never shown again, but Wagtail keeps it), then makes every rendition the
site shows that is missing. Safe to run twice: the second run finds nothing obsolete or missing.

It runs on the "renditions" queue, so a backlog of slow AVIF encodes never holds up mail or
purges on the "default" queue (workers take "default" first).
"""

import logging

from django_tasks import task

from .renditions import filter_for, generate_site_renditions

logger = logging.getLogger(__name__)

RENDITIONS_QUEUE = "renditions"


def delete_obsolete_renditions(image):
    """Delete renditions made for another focal point than the image's current one.

    A rendition records the focal point it was cut around (`focal_point_key`); for a filter that
    does not depend on the focal point the key is empty and always current. The files go with
    the rows (Wagtail deletes a rendition's file when its row is deleted).
    """
    obsolete = [
        pk
        for pk, spec, key in image.renditions.values_list("pk", "filter_spec", "focal_point_key")
        if filter_for(spec).get_cache_key(image) != key
    ]
    if obsolete:
        image.renditions.filter(pk__in=obsolete).delete()
    return len(obsolete)


@task(queue_name=RENDITIONS_QUEUE)
def generate_site_renditions_task(image_pk):
    from wagtail.images import get_image_model

    image = get_image_model().objects.filter(pk=image_pk).first()
    if image is None:
        return 0  # deleted before the worker got to it
    try:
        removed = delete_obsolete_renditions(image)
        specs = generate_site_renditions(image)
    except Exception:
        logger.exception("Could not generate renditions for image %s", image_pk)
        raise
    if removed:
        logger.info("image %s: %d obsolete renditions deleted", image_pk, removed)
    return len(specs)
