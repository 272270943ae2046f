"""Keep each image's renditions ready: queue them when an image is created or its file or focal
point changes (see renditions.py). Saves through the admin form queue them from the form instead,
because the form deletes the old renditions only after the model is saved."""

from django.db.models.signals import post_save

from .renditions import enqueue_site_renditions


def queue_renditions_on_save(sender, instance, created, raw=False, **kwargs):
    if raw or getattr(instance, "_renditions_queued_by_form", False):
        return
    key = instance.rendition_source_key()
    previous = getattr(instance, "_rendition_source", None)
    if created or key != previous:
        if not created and previous and key[0] != previous[0]:
            # A new file under an existing image: every old rendition shows the old picture.
            instance.renditions.all().delete()
        enqueue_site_renditions([instance.pk])
    instance._rendition_source = key


def register_signal_handlers():
    from .models import Illustration

    post_save.connect(
        queue_renditions_on_save, sender=Illustration, dispatch_uid="illustrations-renditions"
    )
