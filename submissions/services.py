"""What happens to a submission: saved, moved through review, made into a draft story, erased.

Views (public and admin) and the retention command call these functions; they hold the rules
so each rule is written once.
"""

import logging
import uuid

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.html import escape
from django.utils.text import Truncator, slugify
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, Locale
from wagtailmedia.models import get_media_model

from collection.models import (
    ContributorIndexPage,
    ContributorPage,
    ContributorRole,
    StoryContributor,
    StoryFormat,
    StoryIndexPage,
    StoryPage,
)

from .forget import forget_page
from .languages import active_language, submission_locale, translated_index
from .models import (
    STATUS_TRANSITIONS,
    PreferredFormat,
    StorySubmission,
    SubmissionEvent,
    SubmissionFile,
    SubmissionStatus,
    submission_storage,
)

# Log lines carry the reference and the kind of failure only, never what the sender wrote.
logger = logging.getLogger(__name__)

FORMAT_TO_STORY_FORMAT = {
    PreferredFormat.WRITTEN: StoryFormat.PERSONAL_STORY,
    PreferredFormat.AUDIO: StoryFormat.PODCAST,
    PreferredFormat.VIDEO: StoryFormat.VIDEO,
    PreferredFormat.ILLUSTRATION: StoryFormat.ILLUSTRATED_ESSAY,
}


def record_event(submission, action, user=None, from_status="", to_status=""):
    return SubmissionEvent.objects.create(
        submission=submission,
        reference=submission.reference,
        action=action,
        from_status=from_status,
        to_status=to_status,
        user=user,
        user_name=user.get_username() if user else "",
    )


def create_submission(cleaned_data, checked_files, form_token=None, consent_text=""):
    """Store the submission and its files in one transaction, before anything else happens.

    The submission records the language it was sent in (the active one: the form page's) and
    the consent wording its sender saw (see ShareStoryForm.consent_record).

    If anything fails, the database rolls back and the files already written are removed, so
    no half-stored submission and no orphaned personal file is left behind.
    """
    storage = submission_storage()
    written = []
    try:
        with transaction.atomic():
            submission = StorySubmission.objects.create(
                form_token=form_token,
                name=cleaned_data["name"],
                email=cleaned_data["email"],
                credit_preference=cleaned_data["credit_preference"],
                story_title=cleaned_data["story_title"],
                story_text=cleaned_data["story_text"],
                preferred_format=cleaned_data["preferred_format"],
                consent_contact=cleaned_data["consent_contact"],
                consent_publish=cleaned_data["consent_publish"],
                consent_edit=cleaned_data["consent_edit"],
                consent_text=consent_text,
                language=active_language(),
            )
            submission.themes.set(cleaned_data.get("themes") or [])
            for upload, kind, content_type, extension in checked_files:
                stored = SubmissionFile(
                    submission=submission,
                    original_name=upload.name[:255],
                    kind=kind,
                    content_type=content_type,
                    size=upload.size,
                )
                upload.seek(0)
                stored.file.save(f"{uuid.uuid4().hex}.{extension}", upload, save=False)
                written.append(stored.file.name)
                stored.save()
            record_event(submission, SubmissionEvent.Action.SUBMITTED)
    except Exception:
        for name in written:
            try:
                storage.delete(name)
            except OSError:
                logger.warning("Could not remove a file left by a failed submission")
        raise
    return submission


def store_submission_once(cleaned_data, checked_files, form_token, consent_text=""):
    """Store a submission unless the form it came from was already stored: (submission, new).

    The unique constraint on form_token decides, not a look-up before the insert: of two posts
    of one form racing each other, the database lets one in, and the other (on PostgreSQL it
    waits for the first to commit) gets an IntegrityError before writing any file, then finds
    the stored submission and answers with it.
    """
    try:
        submission = create_submission(
            cleaned_data, checked_files, form_token=form_token, consent_text=consent_text
        )
        return submission, True
    except IntegrityError:
        existing = submission_for_form(form_token)
        if existing is None:
            raise
        logger.info("A repeated post of the form of submission %s stored nothing", existing)
        return existing, False


def submission_for_form(form_token):
    if not form_token:
        return None
    return StorySubmission.objects.filter(form_token=form_token).first()


def change_status(submission, new_status, user, reason=""):
    new_status = SubmissionStatus(new_status)
    current = SubmissionStatus(submission.status)
    if submission.is_erased or new_status not in STATUS_TRANSITIONS[current]:
        raise ValidationError(
            f"A submission that is {current.label.lower()} cannot become "
            f"{new_status.label.lower()}."
        )
    if new_status == SubmissionStatus.DECLINED and not reason.strip():
        raise ValidationError("Please give a reason for declining.")
    with transaction.atomic():
        submission.status = new_status
        submission.status_changed_at = timezone.now()
        submission.status_changed_by = user
        if new_status == SubmissionStatus.DECLINED:
            submission.decline_reason = reason.strip()
        submission.save(
            update_fields=["status", "status_changed_at", "status_changed_by", "decline_reason"]
        )
        record_event(
            submission,
            SubmissionEvent.Action.STATUS_CHANGED,
            user=user,
            from_status=current,
            to_status=new_status,
        )
    return submission


def story_body_from_text(text):
    """Plain text to paragraph blocks: blank lines split paragraphs, line breaks are kept.

    Every character is escaped, so nothing the sender typed can become markup.
    """
    paragraphs = [p.strip() for p in text.replace("\r\n", "\n").split("\n\n") if p.strip()]
    return [
        {"type": "paragraph", "value": "<p>" + escape(p).replace("\n", "<br/>") + "</p>"}
        for p in paragraphs
    ]


def unique_child_slug(parent, base):
    # Unicode kept: a Welsh or Urdu title makes a slug in its own letters, not "story".
    base = (slugify(base, allow_unicode=True) or "story")[:60].strip("-") or "story"
    taken = set(parent.get_children().values_list("slug", flat=True))
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    return slug


def create_draft_story(submission, user):
    """Make a draft StoryPage from an accepted submission, for the editor to keep working on.

    The page is never published here: it goes to the stories index as a draft, with the
    sender's text as paragraphs and their credit as they chose it (no name when anonymous).
    No workflow starts: a page in review is locked to everyone but the Reviewers, and a draft
    made from a submission still needs its summary, hero image and checks. The editor submits
    it for review from the page editor when it is ready.
    """
    if not submission.can_create_draft_story:
        raise ValidationError(
            "A draft story can only be made from an accepted submission whose sender agreed "
            "to publication, once."
        )
    locale = submission_locale(submission)
    default_index = StoryIndexPage.objects.filter(locale=Locale.get_default()).first()
    index = StoryIndexPage.objects.filter(locale=locale).first()
    if default_index is None and index is None:
        raise ValidationError("There is no stories index to put the draft story in.")
    if not (index or default_index).permissions_for_user(user).can_add_subpage():
        raise PermissionDenied

    with transaction.atomic():
        if index is None:
            index = translated_index(default_index, locale, user)
        contributor = None
        credit_name = submission.credit_name
        if credit_name:
            contributors_index = (
                ContributorIndexPage.objects.filter(locale=locale).first()
                or ContributorIndexPage.objects.filter(locale=Locale.get_default()).first()
            )
            if contributors_index is not None:
                # A new draft page rather than a match on name: two senders may share a name
                # or pseudonym, and an editor can swap in an existing page before publishing.
                contributor = ContributorPage(
                    title=credit_name,
                    slug=unique_child_slug(contributors_index, credit_name),
                    roles=[ContributorRole.COMMUNITY_CONTRIBUTOR],
                    live=False,
                    owner=user,
                    locale=contributors_index.locale,
                )
                contributors_index.add_child(instance=contributor)
                contributor.save_revision(user=user, log_action=True)

        story = StoryPage(
            title=submission.story_title,
            slug=unique_child_slug(index, submission.story_title),
            summary=Truncator(submission.story_text.split("\n\n")[0]).chars(300),
            format=FORMAT_TO_STORY_FORMAT[PreferredFormat(submission.preferred_format)],
            body=story_body_from_text(submission.story_text),
            live=False,
            owner=user,
            locale=index.locale,
        )
        story.themes = list(submission.themes.all())
        if contributor is not None:
            story.story_contributors = [
                StoryContributor(contributor=contributor, role=ContributorRole.AUTHOR)
            ]
        index.add_child(instance=story)
        story.save_revision(user=user, log_action=True)

        submission.draft_story = story
        submission.save(update_fields=["draft_story"])
        record_event(submission, SubmissionEvent.Action.DRAFT_STORY_CREATED, user=user)
    return story


def add_file_to_library(stored, user):
    """Copy an accepted submission's file into the image, media or document library.

    This is the editor's explicit step that takes a file out of private storage: it needs an
    accepted submission whose sender agreed to publication. The library item starts without
    alt text, transcript or licence, which the editor completes on its edit page (publishing
    rules refuse pages that use it until then). The private copy stays with the submission.
    """
    submission = stored.submission
    if (
        submission.is_erased
        or submission.status != SubmissionStatus.ACCEPTED
        or not submission.consent_publish
    ):
        raise ValidationError(
            "Only the files of an accepted submission whose sender agreed to publication can "
            "be added to a library."
        )
    if stored.library_id is not None:
        raise ValidationError(f"This file is already in the {stored.library_label}.")
    extension = stored.file.name.rsplit(".", 1)[-1]
    with stored.file.open("rb") as handle:
        content = ContentFile(
            handle.read(), name=f"{submission.reference.lower()}-{stored.pk}.{extension}"
        )
    common = {
        "title": f"{submission.story_title} ({submission.reference})"[:255],
        "file": content,
        "collection": Collection.get_first_root_node(),
        "uploaded_by_user": user,
    }
    with transaction.atomic():
        if stored.kind == "image":
            model = get_image_model()
            extra = {}
            if any(f.name == "illustrator_name" for f in model._meta.get_fields()):
                extra["illustrator_name"] = submission.credit_name or "Anonymous contributor"
            item = model(**common, **extra)
        elif stored.kind == "audio":
            item = get_media_model()(**common, type="audio")
        else:
            item = get_document_model()(**common)
        item.save()
        stored.library_model = item._meta.label_lower
        stored.library_id = item.pk
        stored.save(update_fields=["library_model", "library_id"])
        record_event(submission, SubmissionEvent.Action.FILE_ADDED_TO_LIBRARY, user=user)
    return item


def erase_personal_data(submission, user=None, action=SubmissionEvent.Action.ERASED):
    """Blank the sender's personal data and delete their files, keeping an audit line.

    A draft story made from the submission that was never published holds the same text, so
    it goes too (with the draft contributor page made for it), and with it every copy Wagtail
    keeps: its page log, revisions, workflow states, search index entries (see forget.py).
    A story already published with the sender's consent stays: unpublishing it is an
    editorial decision taken in the page editor.
    """
    if submission.is_erased:
        return submission
    with transaction.atomic():
        names = list(submission.files.values_list("file", flat=True))
        submission.files.all().delete()
        story = submission.draft_story
        if story is not None and story.first_published_at is None and not story.live:
            story = story.specific
            contributors = [
                credit.contributor
                for credit in story.story_contributors.select_related("contributor")
            ]
            forget_page(story)
            submission.draft_story = None
            for contributor in contributors:
                if (
                    contributor.first_published_at is None
                    and not contributor.story_credits.exists()
                ):
                    forget_page(contributor)
        submission.name = ""
        submission.email = ""
        submission.story_title = ""
        submission.story_text = ""
        submission.decline_reason = ""
        submission.erased_at = timezone.now()
        submission.save()
        record_event(submission, action, user=user)

        storage = submission_storage()

        def delete_files():
            for name in names:
                try:
                    storage.delete(name)
                except OSError:
                    logger.error("Could not delete a file of erased submission %s", submission)

        # Files go once the erasure is committed, so a rollback never leaves rows without files.
        transaction.on_commit(delete_files)
    return submission
