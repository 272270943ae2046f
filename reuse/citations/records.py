"""A story as a citation record: CSL-JSON (the format citeproc, Zotero and Pandoc read), built
from what the story page already loaded (its credits, date, title and address), so citing costs
the page no query."""

from django.conf import settings
from django.utils import translation

from collection.models import ContributorRole

SITE_NAME = "Mind The Gap"

# Credited as authors of the story in a citation; illustrators and interviewees are credited on
# the page but did not write it. A story crediting none of these cites all its contributors.
AUTHOR_ROLES = (
    ContributorRole.AUTHOR,
    ContributorRole.HOST,
    ContributorRole.RESEARCHER,
    ContributorRole.COMMUNITY_CONTRIBUTOR,
)


def story_language(story):
    """The story's language as a BCP 47 tag (e.g. en-GB): the active language, which is the
    page's own once translated pages are served (the locale hook), else the site's."""
    code = (translation.get_language() or settings.LANGUAGE_CODE).replace("_", "-")
    language, _, region = code.partition("-")
    return f"{language}-{region.upper()}" if region else language


def author_names(credits):
    """The names to cite, in credit order, without repeats."""
    chosen = [credit for credit in credits if credit.role in AUTHOR_ROLES] or list(credits)
    return list(dict.fromkeys(credit.contributor.title for credit in chosen))


def csl_name(name):
    """A CSL name: family and given names split at the last space; one word is kept whole."""
    parts = name.strip().rsplit(" ", 1)
    if len(parts) == 1:
        return {"literal": name.strip()}
    return {"family": parts[1], "given": parts[0]}


def csl_item(story, request):
    """The story as one CSL-JSON item."""
    published = story.first_published
    record = {
        "id": f"mind-the-gap-{story.pk}",
        "type": "post-weblog",
        "title": story.title,
        "author": [csl_name(name) for name in author_names(story.credits(request))],
        "issued": {"date-parts": [[published.year, published.month, published.day]]},
        "container-title": SITE_NAME,
        "genre": str(story.get_format_display()),  # a lazy translation: JSON needs a str
        "abstract": story.summary,
        "URL": story.get_full_url(request),
        "language": story_language(story),
    }
    if not record["URL"]:  # a preview of a story not in the tree yet
        del record["URL"]
    return record
