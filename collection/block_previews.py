"""What the block picker's previews show for blocks that need something from the library.

Wagtail renders a preview of each block in the page editor's block picker (Block.Meta
`preview_value` and `description`, drawn with the global preview template, which this project
overrides in site_project/templates/wagtailcore/shared/block_preview.html to use the site's own
stylesheet). Text blocks carry a fixed `preview_value`; an illustration, a podcast episode or a
poster need a real image or audio item, so their previews use the newest complete one in the
library that a live page already shows (so a preview never puts a picture or recording in front
of someone who could not otherwise see it: the library also holds files from submissions), and
say plainly when there is none yet rather than showing an empty box.
"""

from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField
from django.db.models.functions import Cast
from wagtail.models import Page, ReferenceIndex

SAMPLE_TRANSCRIPT = (
    "<p>Host: Today we ask who gets counted when a biobank decides whose samples to keep.</p>"
)


def ids_on_live_pages(model):
    """Ids of `model` objects that live pages refer to (Wagtail's reference index)."""
    live_page_ids = Page.objects.live().annotate(key=Cast("pk", CharField())).values("key")
    return ReferenceIndex.objects.filter(
        to_content_type=ContentType.objects.get_for_model(model),
        base_content_type=ContentType.objects.get_for_model(Page),
        object_id__in=live_page_ids,
    ).values_list("to_object_id", flat=True)


def sample_image_id():
    """The newest complete image (alt text, credit, licence) that a live page shows."""
    from wagtail.images import get_image_model

    image_model = get_image_model()
    on_live_pages = [int(pk) for pk in ids_on_live_pages(image_model)]
    return (
        image_model.objects.filter(pk__in=on_live_pages)
        .exclude(pk__in=image_model.objects.incomplete())
        .order_by("-created_at", "-pk")
        .values_list("pk", flat=True)
        .first()
    )


def sample_audio_id():
    """The newest audio item with a transcript that a live page plays."""
    from wagtailmedia.models import get_media_model

    media_model = get_media_model()
    on_live_pages = [int(pk) for pk in ids_on_live_pages(media_model)]
    return (
        media_model.objects.filter(type="audio", pk__in=on_live_pages)
        .exclude(transcript="")
        .order_by("-created_at", "-pk")
        .values_list("pk", flat=True)
        .first()
    )


def missing_note(kind):
    return (
        f"This preview shows {kind} already published on the site, and there is none yet. "
        f"Choose {kind} from the library in this block to see it on the page preview."
    )
