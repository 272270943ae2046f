"""What must be true of everything a page uses before the page may be published.

- Every image it uses (hero, listing, cover and portrait fields, images inside StreamField
  blocks, posters, images embedded in rich text) has alt text or the decorative tick, a credit
  and a licence.
- Every audio item it uses has a transcript; every video has captions (WCAG 2.2, 1.2.2), unless
  it is marked as having no speech.

The rule is enforced in `BasePage.publish()`, which every publish path reaches (the edit view,
bulk publish, workflow approval, scheduled publishing, copies), and checked earlier in the page
form (`BasePageForm`) so the editor gets a friendly message beside the form rather than an error
page. Drafts are never checked: an editor may save work in progress.

Images and media are found the same way Wagtail's reference index (the "Usage" tab) finds them,
so what this rule checks is exactly what the usage listing shows.
"""

import copy
import logging

from django.core.exceptions import ValidationError
from django.forms.models import construct_instance
from django.utils.html import strip_tags
from django.utils.text import get_text_list
from wagtail.admin.forms import WagtailAdminPageForm
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


def used_object_ids(page):
    """{model: [ids]} for the images and media items `page` (saved or not) refers to."""
    from wagtailmedia.models import get_media_model

    wanted = {model: [] for model in (get_image_model(), get_media_model())}
    content_type_ids = {ReferenceIndex._get_base_content_type(model).id: model for model in wanted}
    for (
        content_type_id,
        object_id,
        _model_path,
        _content_path,
    ) in ReferenceIndex._extract_references_from_object(page):
        model = content_type_ids.get(content_type_id)
        if model is not None and object_id not in wanted[model]:
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


def publish_problems(page):
    """Sentences naming each image or media item `page` uses that is not ready to publish."""
    from wagtailmedia.models import get_media_model

    ids = used_object_ids(page)
    problems = []
    image_ids = ids[get_image_model()]
    if image_ids:
        images = {
            str(image.pk): image for image in get_image_model().objects.filter(pk__in=image_ids)
        }
        for image_id in image_ids:
            image = images.get(image_id)
            if image is None:
                continue  # a deleted image renders nothing
            missing = image.missing_metadata()
            if missing:
                problems.append(
                    f"The image “{image.title}” needs {get_text_list(missing, 'and')} "
                    "before it can appear on a published page."
                )
    media_ids = ids[get_media_model()]
    if media_ids:
        items = {str(item.pk): item for item in get_media_model().objects.filter(pk__in=media_ids)}
        for item_id in media_ids:
            item = items.get(item_id)
            problem = media_problems(item) if item is not None else None
            if problem:
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


class BasePageForm(WagtailAdminPageForm):
    """The page editor's form: refuses to publish (or approve) a page whose images or media are
    not ready, naming each item, while saving a draft stays possible."""

    def is_publishing(self):
        data = self.data
        return bool(data.get("action-publish")) or (
            bool(data.get("action-workflow-action"))
            and data.get("workflow-action-name") == "approve"
        )

    def clean(self):
        cleaned_data = super().clean()
        if self.is_deferred_validation or not self.is_publishing():
            return cleaned_data
        page = copy.copy(self.instance)
        construct_instance(self, page, fields=self._meta.fields, exclude=self._meta.exclude)
        for problem in publish_problems(page):
            self.add_error(None, problem)
        return cleaned_data


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
