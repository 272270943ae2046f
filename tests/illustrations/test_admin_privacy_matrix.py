"""Permission matrix: every admin URL an Illustrator can reach, with the ids of a draft.

Drafts hold words nobody outside the editorial team may read, and a draft made from a
submission carries the sender's title, name and story. The test builds such a draft (and a
live story with an unpublished retitle, a lock, a comment, a workflow in progress and the
illustrator's own image used in the draft), then walks the URL resolver: every admin URL
pattern is instantiated with every relevant id and fetched as an Illustrator, following
redirects. No response may contain a secret word, and none may be a server error.

The same walk as a superuser must find the secrets in the places that show them to people who
may read drafts, so the walk is known to reach the content it checks.
"""

import re
from itertools import product

import pytest
from django.contrib.messages import get_messages
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.urls.exceptions import NoReverseMatch
from wagtail.models import Collection, Comment, Page, Workflow

from collection.models import StoryPage
from submissions.services import change_status, create_draft_story
from tests import factories
from tests.submissions.test_inbox import make_submission

pytestmark = pytest.mark.django_db

# Unusual words, so a match means a leak and nothing else. Searches use the first word of a
# phrase; the assertions look for the other, which only the content itself can bring.
DRAFT_TITLE = "Marrowstone quillfeather"
SENDER_NAME = "Ysolde Brackenridge"
SENDER_EMAIL = "ysolde.brackenridge@example.org"
STORY_TEXT = "The clinic kept our vellichor samples.\n\nNobody asked again."
RETITLE = "Lanternfish ombrelle"
COMMENT = "Check the sorrowmere passage with the sender."
SECRETS = ("quillfeather", "brackenridge", "vellichor", "ombrelle", "sorrowmere")
SEARCHES = ("marrowstone", "ysolde", "lanternfish")

# Never fetched: logging out would make the rest of the walk anonymous.
SKIPPED = {"wagtailadmin_logout"}


def admin_patterns():
    """(name, route, parameter names) for every URL pattern under /admin/."""

    def walk(patterns, prefix, namespace):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                inner = namespace
                if pattern.namespace:
                    inner = f"{namespace}:{pattern.namespace}" if namespace else pattern.namespace
                yield from walk(pattern.url_patterns, prefix + str(pattern.pattern), inner)
            elif isinstance(pattern, URLPattern):
                name = pattern.name and (
                    f"{namespace}:{pattern.name}" if namespace else pattern.name
                )
                yield name, prefix + str(pattern.pattern), list(pattern.pattern.regex.groupindex)

    return [
        row for row in walk(get_resolver().url_patterns, "", None) if row[1].startswith("admin/")
    ]


@pytest.fixture
def secrets_in_drafts(site_tree, editor, reviewer, illustrator, django_capture_on_commit_callbacks):
    """A draft from a submission with its sender's words, and everything that refers to it."""
    theme = factories.ThemeFactory(name="Consent", slug="consent")
    submission = make_submission(
        theme,
        name=SENDER_NAME,
        email=SENDER_EMAIL,
        credit_preference="name",
        story_title=DRAFT_TITLE,
        story_text=STORY_TEXT,
    )
    change_status(submission, "in-review", editor)
    change_status(submission, "accepted", editor)
    with django_capture_on_commit_callbacks(execute=True):
        draft = create_draft_story(submission, editor)
    draft = StoryPage.objects.get(pk=draft.pk)

    own_image = factories.IllustrationFactory(
        title="Harbour at dawn",
        uploaded_by_user=illustrator,
        collection=Collection.objects.get(name="Illustrations"),
    )
    media = factories.StoryMediaFactory(title="Harbour audio")
    draft.hero_image = own_image
    draft.save()
    draft.body = list(draft.body.raw_data) + [
        {"type": "paragraph", "value": "<p>Second thoughts on vellichor.</p>"}
    ]
    first_revision = draft.get_latest_revision()
    second_revision = draft.save_revision(user=editor, log_action=True)
    # Submitted for review (as the editor would), then locked: starting a workflow saves the
    # page, so the lock comes after it.
    workflow_state = draft.current_workflow_state
    if workflow_state is None:  # the stories index's workflow, started by hand if need be
        workflow_state = Workflow.objects.get(name="Editorial review").start(draft, editor)
    task_state = workflow_state.current_task_state
    draft.refresh_from_db()
    draft.locked, draft.locked_by = True, editor
    draft.save(update_fields=["locked", "locked_by"])
    Comment.objects.create(page=draft, user=editor, text=COMMENT, contentpath="title")

    live = factories.StoryPageFactory(parent=site_tree["stories"], title="Seen by everyone")
    live.title = RETITLE
    live.hero_image = own_image
    live_draft_revision = live.save_revision(user=editor, log_action=True)

    commission = factories.CommissionFactory(
        illustrator=illustrator.contributor_page, for_page=live, title="Harbour cover"
    )
    # A commission for the draft itself: the illustrator learns what to draw from the brief,
    # never the draft's title.
    draft_commission = factories.CommissionFactory(
        illustrator=illustrator.contributor_page, for_page=draft, title="Clinic portrait"
    )
    contributor = submission.draft_story.story_contributors.first().contributor
    return {
        "draft": draft,
        "live": live,
        "contributor": contributor,
        "index": site_tree["stories"],
        "submission": submission,
        "image": own_image,
        "media": media,
        "revisions": [first_revision, second_revision, live_draft_revision],
        "workflow_state": workflow_state,
        "task_state": task_state,
        "commission": commission,
        "draft_commission": draft_commission,
    }


def candidate_values(things):
    """The values to try for each URL parameter, by its name (the first is the draft's)."""
    pages = [things["draft"].pk, things["live"].pk, things["index"].pk, things["contributor"].pk]
    revisions = [r.pk for r in things["revisions"]]
    return {
        "page_id": pages,
        "parent_page_id": pages,
        "page_to_move_id": [things["draft"].pk],
        "destination_id": [things["index"].pk],
        "page_pk": [things["draft"].pk],
        "revision_id": revisions,
        "revision_id_a": ["earliest"],
        "revision_id_b": ["latest"],
        "task_state_id": [things["task_state"].pk],
        "workflow_state_id": [things["workflow_state"].pk],
        "task_id": [things["task_state"].task_id],
        "action_name": ["approve"],
        "image_id": [things["image"].pk],
        "media_id": [things["media"].pk],
        "media_type": ["audio"],
        "content_type_app_name": ["collection"],
        "content_type_model_name": ["storypage"],
        "app_label": ["wagtailcore"],
        "model_name": ["page"],
        "app_name": ["collection"],
        "action": ["publish", "unpublish", "delete", "move"],
        "filter_spec": ["original"],
        "instance_pk": [
            things["submission"].pk,
            things["commission"].pk,
            things["draft_commission"].pk,
        ],
        "object_id": [str(things["draft"].pk)],
        "workflow_pk": [things["workflow_state"].workflow_id],
    }


# Listings, choosers and searches also get query strings: the ids a bulk action reads, and
# searches for the first words of the secret phrases.
LISTING_NAMES = re.compile(r"search|choose|explore|bulk|results|listing|usage|reports|home")


def admin_urls(things):
    """(name, url) for every admin URL pattern, instantiated with the relevant values."""
    values = candidate_values(things)
    page_pks = [things["draft"].pk, things["live"].pk, things["index"].pk]
    other_pks = [things["draft"].pk, things["submission"].pk, things["commission"].pk]
    queries = [f"?id={things['draft'].pk}&id={things['live'].pk}&next=/admin/"]
    queries += [f"?q={word}" for word in SEARCHES]
    queries += [f"?child_of={things['index'].pk}&for_explorer=1", f"?search={SEARCHES[0]}"]
    urls = set()
    for name, route, params in admin_patterns():
        if name in SKIPPED:
            continue
        if name is None:
            urls.add((route, "/" + re.sub(r"[\^$]|\.\*", "", route).replace("//", "/x/")))
            continue
        page_space = name.startswith(("wagtailadmin_pages:", "wagtailadmin_api:pages"))
        options = {**values, "pk": page_pks if page_space else other_pks}
        for combination in product(*(options.get(param, [things["draft"].pk]) for param in params)):
            try:
                url = reverse(name, kwargs=dict(zip(params, combination, strict=True)))
            except NoReverseMatch:
                continue
            urls.add((name, url))
            if LISTING_NAMES.search(name):
                urls.update((name, url + query) for query in queries)
    return sorted(urls)


def walk(client, urls):
    """Fetch every URL; return {name: [url, ...]} for leaks and for server errors.

    Redirects are not followed (their targets are in the walk themselves); what a redirect
    leaves for the next page, its messages and its Location, is read instead.
    """
    leaks, errors = {}, {}
    for name, url in urls:
        response = client.get(url)
        content = b"".join(response.streaming_content) if response.streaming else response.content
        text = content.decode(errors="replace")
        text += " ".join(str(m) for m in get_messages(response.wsgi_request))
        text += response.get("Location", "")
        if response.status_code >= 500:
            errors.setdefault(name, []).append(url)
        if any(secret in text.lower() for secret in SECRETS):
            leaks.setdefault(name, []).append(url)
    return leaks, errors


def test_an_illustrator_reads_no_draft_words_anywhere_in_the_admin(secrets_in_drafts, illustrator):
    client = Client(raise_request_exception=False)
    client.force_login(illustrator)
    urls = admin_urls(secrets_in_drafts)
    assert len(urls) > 300
    leaks, errors = walk(client, urls)
    assert not leaks, "\n".join(f"{name}: {found[0]}" for name, found in sorted(leaks.items()))
    assert not errors, "\n".join(f"{name}: {found[0]}" for name, found in sorted(errors.items()))
    # Still logged in at the end: the walk really was an illustrator's.
    dashboard = client.get(reverse("wagtailadmin_home"))
    assert dashboard.status_code == 200
    # What is theirs to see they still see: their commissions, the live story by its
    # published title, and that the other is not published yet.
    assert "Clinic portrait" in dashboard.content.decode()
    listing = client.get(reverse("illustrations_commission_modeladmin_index")).content.decode()
    assert "Seen by everyone" in listing and "Clinic portrait" in listing
    edit_url = reverse(
        "illustrations_commission_modeladmin_edit", args=[secrets_in_drafts["draft_commission"].pk]
    )
    assert "A story not yet published" in client.get(edit_url).content.decode()


def test_the_same_walk_finds_the_secrets_for_someone_allowed_to_read_drafts(
    secrets_in_drafts, superuser
):
    client = Client(raise_request_exception=False)
    client.force_login(superuser)
    urls = [
        reverse("wagtailadmin_explore", args=[secrets_in_drafts["index"].pk]),
        reverse("wagtailadmin_choose_page_child", args=[secrets_in_drafts["index"].pk]),
        reverse("wagtailadmin_choose_page_search") + "?q=marrowstone",
        reverse("wagtailadmin_pages:search") + "?q=marrowstone",
        reverse("wagtail_bulk_action", args=["wagtailcore", "page", "publish"])
        + f"?id={secrets_in_drafts['draft'].pk}",
        reverse("wagtailadmin_api:pages:listing") + f"?child_of={secrets_in_drafts['index'].pk}",
        reverse("wagtailadmin_reports:locked_pages"),
        reverse("wagtailimages:image_usage", args=[secrets_in_drafts["image"].pk]),
        reverse("wagtailadmin_pages:history", args=[secrets_in_drafts["draft"].pk]),
    ]
    leaks, errors = walk(client, [(url, url) for url in urls])
    assert errors == {}
    assert set(leaks) == set(urls)


class TestFailwhale:
    def test_the_error_test_view_is_not_found_for_anyone(self, client, superuser, illustrator):
        for user in (superuser, illustrator):
            client.force_login(user)
            assert client.get("/admin/failwhale/").status_code == 404


def test_every_page_is_kept(secrets_in_drafts, illustrator):
    """Bulk actions posted by an illustrator change nothing."""
    client = Client(raise_request_exception=False)
    client.force_login(illustrator)
    draft, live = secrets_in_drafts["draft"], secrets_in_drafts["live"]
    for action in ("publish", "unpublish", "delete", "move"):
        url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", action])
        response = client.post(
            f"{url}?id={draft.pk}&id={live.pk}", {"move_applicable": "on"}, follow=True
        )
        assert response.status_code < 500
        body = response.content.decode().lower()
        assert not [secret for secret in SECRETS if secret in body]
    assert not Page.objects.get(pk=draft.pk).live
    assert Page.objects.get(pk=live.pk).live
