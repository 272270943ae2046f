"""Demo content for submissions: the "Share your story" page under the home page.

Called through SubmissionsConfig.load_demo_content by collection's `load_demo_content`
command. Idempotent: an existing page is left as it is.
"""

from .models import ShareYourStoryPage

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
    existing = ShareYourStoryPage.objects.first()
    if existing is not None:
        return existing
    page = ShareYourStoryPage(
        title="Share your story",
        slug="share-your-story",
        introduction=INTRODUCTION,
        guidance=GUIDANCE,
        data_use=DATA_USE,
        confirmation_message=CONFIRMATION,
        listing_summary="Send us your own story about health data: in words, sound or pictures.",
    )
    home.add_child(instance=page)
    page.save_revision().publish()
    return page
