"""What must be true of everything a page uses before the page may be published.

- Every image it uses (hero, listing, cover and portrait fields, images inside StreamField
  blocks, posters, images embedded in rich text) has alt text or the decorative tick, a credit
  and a licence.
- Every audio item it uses has a transcript; every video has captions (WCAG 2.2, 1.2.2), unless
  it is marked as having no speech.
- On a page in another language than the default, all of that in the page's language
  (collection/language_rules.py).

The rule is enforced in `BasePage.publish()`, which every publish path reaches (the edit view,
bulk publish, workflow approval, scheduled publishing, copies), and checked earlier in the page
form (`collection/page_form.py`) so the editor gets a friendly message beside the field rather
than an error page. Drafts are never checked: an editor may save work in progress.

Images and media are found the same way Wagtail's reference index (the "Usage" tab) finds them,
so what this rule checks is exactly what the usage listing shows.
"""

import logging

from django.core.exceptions import ValidationError
from django.utils.html import strip_tags
from django.utils.text import get_text_list
from wagtail.images import get_image_model
from wagtail.log_actions import log
from wagtail.models import ReferenceIndex

logger = logging.getLogger(__name__)

BLOCKED_LOG_ACTION = "mtg.publish_blocked"


class PublishBlocked(ValidationError):
    """Raised by `BasePage.publish()` when the page uses an image or media that is not ready."""

    def __init__(self, page, problems):
        self.page = page
        self.problems = list(problems)
        super().__init__(
            f"“{page.title}” was not published. " + " ".join(self.problems),
            code="publish_blocked",
        )


def _references(page):
    """(model, object id, where) for each image or media use in `page` (saved or not).

    `where` is (field name, block position or None, path inside the block): StreamFields are
    walked block by block (each block's own `extract_references`), so a block is found by its
    position even before it has an id (a block just added in the editor); other fields as
    Wagtail's reference index finds them.
    """
    from wagtail.fields import StreamField
    from wagtailmedia.models import get_media_model

    wanted = (get_image_model(), get_media_model())
    models = {ReferenceIndex._get_base_content_type(model).id: model for model in wanted}
    streams = [f.name for f in page._meta.get_fields() if isinstance(f, StreamField)]
    for (
        content_type_id,
        object_id,
        _model_path,
        content_path,
    ) in ReferenceIndex._extract_references_from_object(page):
        model = models.get(content_type_id)
        field_name = content_path.split(".")[0]
        if model is not None and field_name not in streams:
            yield model, object_id, (field_name, None, "")
    for field_name in streams:
        for position, child in enumerate(getattr(page, field_name) or []):
            for model, object_id, _model_path, inner in child.block.extract_references(child.value):
                base = next((m for m in wanted if issubclass(model, m)), None)
                if base is not None:
                    yield base, str(object_id), (field_name, position, inner)


def used_object_ids(page):
    """{model: [ids]} for the images and media items `page` (saved or not) refers to."""
    from wagtailmedia.models import get_media_model

    wanted = {model: [] for model in (get_image_model(), get_media_model())}
    for model, object_id, _content_path in _references(page):
        if object_id not in wanted[model]:
            wanted[model].append(object_id)
    return wanted


def _has_text(html):
    return bool(strip_tags(html or "").strip())


def media_problems(item):
    if item.type == "audio" and not _has_text(item.transcript):
        return f"The audio “{item.title}” needs a transcript."
    if item.type == "video" and not item.captions and not item.has_no_speech:
        return (
            f"The video “{item.title}” needs a captions file (WebVTT), or to be marked as "
            "having no speech."
        )
    return None


def image_problem(image):
    missing = image.missing_metadata()
    if missing:
        return (
            f"The image “{image.title}” needs {get_text_list(missing, 'and')} "
            "before it can appear on a published page."
        )
    return None


def located_publish_problems(page):
    """[(sentence, where)] for each use of an image or media item that is not ready.

    `where` is (field name, block position or None, path inside the block), e.g.
    ("hero_image", None, "") or ("body", 1, "image"). An item used twice is named at each place
    it is used.
    """
    from wagtailmedia.models import get_media_model

    uses = list(_references(page))
    found = {}
    for model in (get_image_model(), get_media_model()):
        ids = {object_id for used_model, object_id, _ in uses if used_model is model}
        if ids:
            found[model] = {str(item.pk): item for item in model.objects.filter(pk__in=ids)}
    problems = []
    for model, object_id, where in uses:
        item = found.get(model, {}).get(object_id)
        if item is None:
            continue  # a deleted image or media item renders nothing
        problem = image_problem(item) if model is get_image_model() else media_problems(item)
        if problem:
            problems.append((problem, where))
    # A page in another language: alt text, transcripts and captions in that language too.
    from .language_rules import language_problems

    problems.extend(language_problems(page, uses, found))
    return problems


def publish_problems(page):
    """Sentences naming each image or media item `page` uses that is not ready to publish."""
    problems = []
    for problem, _where in located_publish_problems(page):
        if problem not in problems:
            problems.append(problem)
    return problems


def check_before_publish(page, revision, scheduled=False):
    """Raise PublishBlocked (or, for a scheduled publish, stop the schedule) if not ready.

    Returns True when the revision may be published.
    """
    content = revision.as_object()
    problems = publish_problems(content)
    if not problems:
        return True
    if not scheduled:
        raise PublishBlocked(content, problems)
    # publish_scheduled publishes every due page in one loop; raising would stop the pages after
    # this one too. Instead take this revision off the schedule and say why in the page history.
    revision.approved_go_live_at = None
    revision.save(update_fields=["approved_go_live_at"])
    logger.error(
        "Scheduled publishing of page %s (%s) stopped: %s", page.pk, page.title, " ".join(problems)
    )
    log(
        instance=page,
        action=BLOCKED_LOG_ACTION,
        data={"problems": problems},
        revision=revision,
    )
    return False


class PublishBlockedMiddleware:
    """Turns a PublishBlocked raised deep inside an admin action (a workflow approval from the
    dashboard, a bulk publish of descendants) into an error message and a way back, rather than
    a server error. Workflow actions run in a transaction, so nothing was half-done."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, PublishBlocked):
            return None
        from django.contrib import messages
        from django.http import HttpResponseRedirect
        from django.urls import reverse
        from django.utils.http import url_has_allowed_host_and_scheme
        from wagtail.admin.modal_workflow import render_modal_workflow

        messages.error(request, exception.messages[0])
        page = exception.page
        target = reverse("wagtailadmin_pages:edit", args=[page.pk]) if page.pk else "/admin/"
        if request.headers.get("x-requested-with") == "XMLHttpRequest":
            # The workflow action modal expects JSON telling it where to go next.
            return render_modal_workflow(
                request, "", None, {}, json_data={"step": "success", "redirect": target}
            )
        referer = request.headers.get("referer")
        if referer and url_has_allowed_host_and_scheme(referer, {request.get_host()}):
            target = referer
        return HttpResponseRedirect(target)
