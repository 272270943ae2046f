"""Who reaches each admin view this work adds, by role: anonymous visitors, Illustrators,
Editors, Reviewers and superusers.

ALLOWED means the view answers (200, or its own redirect for a POST action); LOGIN means the
visitor is sent to sign in; DENIED means a signed-in person is turned away (Wagtail redirects
to the dashboard with a message, or answers 403) and sees nothing of what the view shows.
"""

import pytest
from django.urls import reverse
from wagtail.models import Collection

from submissions.services import create_submission
from tests import factories

pytestmark = pytest.mark.django_db

ALLOWED, LOGIN, DENIED = "allowed", "login", "denied"
ROLES = ("anonymous", "illustrator", "editor", "reviewer", "superuser")
EDITORIAL = {"anonymous": LOGIN, "illustrator": DENIED, "editor": ALLOWED}
EDITORIAL |= {"reviewer": ALLOWED, "superuser": ALLOWED}
STAFF = {"anonymous": LOGIN} | {role: ALLOWED for role in ROLES[1:]}


@pytest.fixture
def things(site_tree, illustrator, story):
    own_image = factories.IllustrationFactory(
        title="Ama's own",
        illustrator=illustrator.page,
        illustrator_name="",
        uploaded_by_user=illustrator,
        collection=Collection.objects.get(name="Illustrations"),
    )
    story.hero_image = own_image
    story.save_revision().publish()
    submission = create_submission(
        {
            "name": "Kofi Mensah",
            "email": "kofi@example.org",
            "credit_preference": "pseudonym",
            "story_title": "What the registry left out",
            "story_text": "Private words.",
            "preferred_format": "written",
            "consent_contact": True,
            "consent_publish": True,
            "consent_edit": False,
            "themes": [],
        },
        [],
    )
    return {"own_image": own_image, "story": story, "submission": submission}


def views(things):
    """(name, method, url, expected by role, a string only an allowed person may see)."""
    image, story, submission = things["own_image"], things["story"], things["submission"]
    rows = []
    for name in (
        "illustrations_report_incomplete",
        "illustrations_report_unused",
        "illustrations_report_illustrator_work",
    ):
        rows.append((name, "get", reverse(name), EDITORIAL, None))
        rows.append((f"{name}_results", "get", reverse(f"{name}_results"), EDITORIAL, None))
        rows.append((f"{name} csv", "get", reverse(name) + "?export=csv", EDITORIAL, None))
    inbox = reverse("submissions_inbox:index")
    inspect = reverse("submissions_inbox:inspect", args=[submission.pk])
    rows += [
        ("inbox", "get", inbox, EDITORIAL, submission.reference),
        ("inbox results", "get", reverse("submissions_inbox:index_results"), EDITORIAL, None),
        ("inbox inspect", "get", inspect, EDITORIAL, "Private words."),
        (
            "image usage (own image)",
            "get",
            reverse("wagtailimages:image_usage", args=[image.pk]),
            STAFF,
            story.title,
        ),
        (
            "forget unkept uploads",
            "post",
            reverse("illustrations_forget_unkept_uploads"),
            STAFF,
            None,
        ),
        (
            "share card preview",
            "get",
            f"/admin/pages/{story.pk}/edit/preview/?mode=share-card",
            EDITORIAL,
            None,
        ),
        (
            "block preview",
            "get",
            reverse("wagtailadmin_block_preview")
            + "?id="
            + story.body.stream_block.child_blocks["paragraph"].definition_prefix,
            STAFF,
            None,
        ),
    ]
    return rows


def outcome(response, method):
    if response.status_code == 302 and "/admin/login/" in response["Location"]:
        return LOGIN
    if response.status_code == 403:
        return DENIED
    if response.status_code == 302 and response["Location"] in ("/admin/", "/admin"):
        return DENIED
    if response.status_code == 200 or (method == "post" and response.status_code == 302):
        return ALLOWED
    return f"unexpected {response.status_code}"


def test_permission_matrix(client, people, things, editor):
    # The share card preview needs preview data in the session, as the editor's panel sends.
    from tests.admin.conftest import story_form_data

    found, wanted = {}, {}
    for role in ROLES:
        client.logout()
        user = people[role]
        if user is not None:
            client.force_login(user)
            client.post(
                f"/admin/pages/{things['story'].pk}/edit/preview/",
                story_form_data(things["story"]),
            )
        for name, method, url, expected, secret in views(things):
            response = getattr(client, method)(url)
            found[(name, role)] = outcome(response, method)
            wanted[(name, role)] = expected[role]
            if found[(name, role)] != ALLOWED and secret and hasattr(response, "content"):
                assert secret.encode() not in response.content, (name, role)
    mismatches = {key: (found[key], wanted[key]) for key in wanted if found[key] != wanted[key]}
    assert not mismatches, mismatches


def test_an_illustrator_cannot_see_the_usage_of_someone_elses_image(client, illustrator):
    other = factories.IllustrationFactory(title="Someone else's")
    client.force_login(illustrator)
    response = client.get(reverse("wagtailimages:image_usage", args=[other.pk]))
    assert outcome(response, "get") == DENIED
