"""Public views of the "Share your story" page: the form, and the confirmation after it.

Post/redirect/get: a successful post stores the submission, queues its emails (a task: the
visitor never waits on a mail server) and redirects to the confirmation route with the
reference signed into the address, so reloading the confirmation never sends the story twice.
A form posted again (a double click, a replay, a resend after a lost response) is answered with
the confirmation of what it already stored and stores nothing new (see
services.store_submission_once).
"""

import logging

from django.core import signing
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _

from operations.queue import enqueue_on_commit

from .forms import ShareStoryForm, stamp_token
from .rate_limit import limit_reached
from .services import store_submission_once, submission_for_form
from .tasks import send_submission_emails

logger = logging.getLogger(__name__)

REFERENCE_SALT = "submissions.share-story.reference"

RATE_LIMITED_MESSAGE = _(
    "We have received several stories from your connection in a short time. To protect the "
    "form from automated abuse, please wait an hour and send it again. Everything you typed "
    "is still here."
)
SAVE_FAILED_MESSAGE = _(
    "Something went wrong on our side and your story was not saved. Everything you typed is "
    "still here: please try again in a few minutes."
)


def render_form(page, request, form, status=200, problem=None):
    files_dropped = bool(form.is_bound and request.FILES)
    response = page.render(
        request,
        context_overrides={
            "form": form,
            "problem": problem,
            "files_dropped": files_dropped,
            "error_summary": form.error_summary() if form.is_bound and form.errors else [],
        },
    )
    response.status_code = status
    return response


def share_story(page, request):
    # Keep whatever the visitor typed out of Django's error reports.
    request.sensitive_post_parameters = "__ALL__"
    if request.method != "POST":
        return render_form(page, request, ShareStoryForm())

    form = ShareStoryForm(request.POST, request.FILES)
    form_token = stamp_token(request.POST.get("started"))
    # A form already stored: the same confirmation, without counting against the limit. (Only a
    # shortcut: the unique constraint is what keeps a racing repeat out.)
    already_stored = submission_for_form(form_token)
    if already_stored is not None:
        return redirect_to_thanks(page, request, already_stored)

    if limit_reached(request):
        logger.warning("Share-your-story rate limit reached")
        return render_form(page, request, form, status=429, problem=RATE_LIMITED_MESSAGE)

    if not form.is_valid():
        return render_form(page, request, form, status=400)

    try:
        submission, new = store_submission_once(
            form.cleaned_data,
            form.checked_files,
            form_token=form_token,
            consent_text=form.consent_record(page.consent_text),
        )
    except Exception as exc:  # noqa: BLE001 - tell the visitor, keep their text on screen
        logger.error("Storing a submission failed (%s)", type(exc).__name__)
        return render_form(page, request, form, status=503, problem=SAVE_FAILED_MESSAGE)

    if new:
        enqueue_on_commit(send_submission_emails, submission.pk, page.pk)
    return redirect_to_thanks(page, request, submission)


def redirect_to_thanks(page, request, submission):
    thanks = page.get_url(request) + page.reverse_subpage("thanks_view")
    return redirect(f"{thanks}?ref={signing.dumps(submission.reference, salt=REFERENCE_SALT)}")


def share_story_thanks(page, request):
    try:
        reference = signing.loads(
            request.GET.get("ref", ""), salt=REFERENCE_SALT, max_age=24 * 60 * 60
        )
    except signing.BadSignature:
        return redirect(page.get_url(request))
    return page.render(
        request,
        template="submissions/share_your_story_thanks.html",
        context_overrides={"reference": reference},
    )
