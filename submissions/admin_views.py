"""Admin views behind the Submissions inbox: opening a file, moving a submission through review,
making a draft story, erasing personal data. Each checks its own permission; all sit under
/admin/, so a visitor is sent to the login page before reaching any of them.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.views.decorators.http import require_POST

from .forms import DeclineForm
from .models import StorySubmission, SubmissionFile, SubmissionStatus
from .services import (
    add_file_to_library,
    change_status,
    create_draft_story,
    erase_personal_data,
)
from .viewsets import inspect_url as viewset_inspect_url

VIEW_PERMISSION = "submissions.view_storysubmission"
CHANGE_PERMISSION = "submissions.change_storysubmission"
ERASE_PERMISSION = "submissions.erase_storysubmission"


def inspect_url(submission):
    return viewset_inspect_url(submission)


def require_permission(user, permission):
    if not user.has_perm(permission):
        raise PermissionDenied


def open_file(request, pk):
    """Stream a submitted file to an editor. Never cached, never run as a web page."""
    require_permission(request.user, VIEW_PERMISSION)
    stored = get_object_or_404(SubmissionFile.objects.select_related("submission"), pk=pk)
    try:
        handle = stored.file.open("rb")
    except FileNotFoundError as exc:
        raise Http404("The file is missing from private storage.") from exc
    extension = stored.file.name.rsplit(".", 1)[-1]
    # Images and audio open in the browser; a PDF downloads, so no PDF viewer runs it on
    # the admin's origin. The sender's own file name is not reused.
    response = FileResponse(
        handle,
        content_type=stored.content_type,
        as_attachment=stored.kind == "pdf",
        filename=f"{stored.submission.reference}-{stored.pk}.{extension}",
    )
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "sandbox; default-src 'none'"
    return response


@require_POST
def set_status(request, pk):
    require_permission(request.user, CHANGE_PERMISSION)
    submission = get_object_or_404(StorySubmission, pk=pk)
    target = request.POST.get("status", "")
    if target not in SubmissionStatus.values:
        messages.error(request, "Choose a status to move the submission to.")
        return redirect(inspect_url(submission))
    reason = ""
    if target == SubmissionStatus.DECLINED:
        form = DeclineForm(request.POST)
        if not form.is_valid():
            messages.error(request, "Please give a reason for declining.")
            return redirect(inspect_url(submission) + "#decline")
        reason = form.cleaned_data["reason"]
    try:
        change_status(submission, target, request.user, reason=reason)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            f"Submission {submission.reference} is now {SubmissionStatus(target).label.lower()}.",
        )
    return redirect(inspect_url(submission))


@require_POST
def make_draft_story(request, pk):
    require_permission(request.user, CHANGE_PERMISSION)
    submission = get_object_or_404(StorySubmission, pk=pk)
    try:
        story = create_draft_story(submission, request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(inspect_url(submission))
    note = ""
    if not submission.consent_edit:
        note = " The sender did not agree to editing for length: publish their words as sent."
    if submission.credit_name:
        note += " A draft contributor page was made for their credit; publish it with the story."
    index = story.get_parent()
    if not index.live:
        # The index was made for this language just now (services.create_draft_story).
        note += (
            f" The story is in {story.locale.get_display_name()}, whose stories index is not "
            "published yet: translate it and submit it for review too, or readers cannot "
            "reach the story."
        )
    messages.success(
        request,
        f"Draft story made from {submission.reference}. It stays a draft, yours to edit: complete "
        "it (summary, hero image, themes), work through “Before you submit” at the top of the "
        "editor, then submit it for review from the menu beside “Save draft”." + note,
    )
    return redirect("wagtailadmin_pages:edit", story.pk)


@require_POST
def add_to_library(request, pk):
    require_permission(request.user, CHANGE_PERMISSION)
    stored = get_object_or_404(SubmissionFile.objects.select_related("submission"), pk=pk)
    try:
        add_file_to_library(stored, request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(inspect_url(stored.submission))
    messages.success(
        request,
        f"The file is now in the {stored.library_label}. Complete its details (alt text or "
        "transcript, credit, licence) before using it in a story.",
    )
    return redirect(stored.library_edit_url)


def erase(request, pk):
    require_permission(request.user, ERASE_PERMISSION)
    submission = get_object_or_404(StorySubmission, pk=pk)
    if request.method == "POST":
        erase_personal_data(submission, user=request.user)
        messages.success(
            request,
            f"The personal data and files of {submission.reference} have been erased. "
            "The audit line records who did it and when.",
        )
        return redirect(inspect_url(submission))
    story = submission.draft_story
    return TemplateResponse(
        request,
        "submissions/admin/erase_confirm.html",
        {
            "submission": submission,
            "story": story,
            "story_was_published": bool(story and story.first_published_at),
            "files_in_libraries": submission.files.exclude(library_id=None),
            "back_url": inspect_url(submission),
        },
    )
