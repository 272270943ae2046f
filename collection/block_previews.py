"""What the block picker's previews show for blocks that need something from the library.

Wagtail renders a preview of each block in the page editor's block picker (Block.Meta
`preview_value` and `description`, drawn with the global preview template, which this project
overrides in site_project/templates/wagtailcore/shared/block_preview.html to use the site's own
stylesheet). Text blocks carry a fixed `preview_value`; an illustration, a podcast episode or a
poster need a real image or audio item, so their previews use the newest complete one in the
library, and say plainly when there is none yet rather than showing an empty box.
"""

SAMPLE_TRANSCRIPT = (
    "<p>Host: Today we ask who gets counted when a biobank decides whose samples to keep.</p>"
)


def sample_image_id():
    """The newest image that may appear on a published page (alt text, credit, licence)."""
    from wagtail.images import get_image_model

    image_model = get_image_model()
    complete = image_model.objects.exclude(pk__in=image_model.objects.incomplete())
    return complete.order_by("-created_at", "-pk").values_list("pk", flat=True).first()


def sample_audio_id():
    """The newest audio item with a transcript."""
    from wagtailmedia.models import get_media_model

    return (
        get_media_model()
        .objects.filter(type="audio")
        .exclude(transcript="")
        .order_by("-created_at", "-pk")
        .values_list("pk", flat=True)
        .first()
    )


def missing_note(kind):
    return (
        f"This preview shows {kind} from the library, and there is none yet. "
        f"Upload {kind} with its details first, then choose it in this block."
    )
