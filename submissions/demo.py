"""Demo content for submissions: the "Share your story" page under the home page.

`collection.demo.load()` calls `submissions.demo_content.load(demo)` (it asks every installed
app for a `demo_content` module, so `collection` never imports `submissions`), which calls
these. Idempotent, like the rest of the demo content.
"""

from collection.demo.library import ensure_page

from .models import (
    CreditPreference,
    PreferredFormat,
    ShareYourStoryPage,
    StorySubmission,
    SubmissionEvent,
    SubmissionStatus,
)

INTRODUCTION = (
    "<p>Have you, your family or your community been left out of health research, or "
    "harmed by how data about you was used? We would like to hear from you, in your own "
    "words.</p>"
)
GUIDANCE = (
    "<ul><li>Tell it in your own way: a few paragraphs are enough.</li>"
    "<li>You can use a pseudonym, or ask us to publish it anonymously.</li>"
    "<li>Please do not name other people without their agreement.</li>"
    "<li>We read every story and reply within four weeks. Nothing is published until our "
    "editors have reviewed it with you.</li></ul>"
)
DATA_USE = (
    "<p>We use what you send only to consider, prepare and (if you agree) publish your "
    "story. Your email address is used to confirm your story and, if you agree, to contact "
    "you about it. Only our editors and reviewers can see your story and files; files are kept "
    "in private storage and never published without your agreement.</p>"
    "<p>If we do not publish your story, we delete your details and files a year after our "
    "decision. You can ask us to delete them sooner at any time: reply to your confirmation "
    "email quoting your reference number.</p>"
)
CONFIRMATION = (
    "<p>An editor will read your story within four weeks. If you agreed to be contacted, we "
    "may write with questions. Thank you for trusting us with it.</p>"
)


def ensure_share_page(home):
    """The one "Share your story" page under `home`. Returns (page, status)."""
    existing = ShareYourStoryPage.objects.exclude(slug="share-your-story").first()
    if existing is not None:
        # An editor moved or renamed it: leave their page alone.
        return existing, "unchanged"
    return ensure_page(
        home,
        ShareYourStoryPage,
        "share-your-story",
        fields={
            "title": "Share your story",
            "introduction": INTRODUCTION,
            "guidance": GUIDANCE,
            "data_use": DATA_USE,
            "confirmation_message": CONFIRMATION,
            "listing_summary": "Send us your own story about health data: in words, sound or "
            "pictures.",
        },
    )


# Invented senders (example.org addresses), so the inbox has something to show in a demo.
DEMO_SUBMISSIONS = [
    {
        "story_title": "Nobody asked my grandmother",
        "name": "Demo sender: Efua",
        "email": "efua@example.org",
        "credit_preference": CreditPreference.PSEUDONYM,
        "preferred_format": PreferredFormat.AUDIO,
        "story_text": "My grandmother gave blood for a study in the 1970s.\n\nShe never heard "
        "what it was used for, and when we asked, the records were gone.",
        "status": SubmissionStatus.NEW,
    },
    {
        "story_title": "The form had no box for us",
        "name": "Demo sender: anonymous",
        "email": "anon@example.org",
        "credit_preference": CreditPreference.ANONYMOUS,
        "preferred_format": PreferredFormat.WRITTEN,
        "story_text": "Every form at the clinic asked for an ethnicity, and none of the boxes "
        "was ours.\n\nSo the data says we do not exist.",
        "status": SubmissionStatus.IN_REVIEW,
    },
]


def ensure_demo_submissions(themes=()):
    """Two invented submissions waiting in the inbox. Returns [(submission, status)]."""
    results = []
    for values in DEMO_SUBMISSIONS:
        values = dict(values)
        status = values.pop("status")
        submission = StorySubmission.objects.filter(story_title=values["story_title"]).first()
        if submission is not None:
            results.append((submission, "unchanged"))
            continue
        submission = StorySubmission.objects.create(
            **values,
            status=status,
            consent_contact=True,
            consent_publish=True,
            consent_edit=True,
        )
        submission.themes.set(list(themes)[:2])
        SubmissionEvent.objects.create(
            submission=submission,
            reference=submission.reference,
            action=SubmissionEvent.Action.SUBMITTED,
        )
        results.append((submission, "created"))
    return results
