"""An Editor turns an accepted submission into a draft, keeps editing it, sees the checks, fixes
them and submits; a Reviewer approves and the story is live. Driven in Chromium as a person
would, through the real admin."""

import importlib
import re

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.models import Page, Site

from collection.models import StoryPage
from submissions.models import StorySubmission
from tests import factories

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PASSWORD = "a-long-test-password"


def ensure_editorial_setup():
    """The groups, permissions and workflow the data migrations make, put back if a previous
    transactional browser test flushed them (see conftest.ensure_tree_root)."""
    for module, function in (
        ("illustrations.migrations.0002_editorial_groups", "create_groups"),
        (
            "submissions.migrations.0002_editorial_review_workflow",
            "create_workflow_and_permissions",
        ),
        ("submissions.migrations.0005_editorial_review_for_every_page", "attach_everywhere"),
    ):
        getattr(importlib.import_module(module), function)(apps, None)


def person(username, group):
    user = get_user_model().objects.create_user(
        username=username, email=f"{username}@example.org", password=PASSWORD
    )
    user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def newsroom(live_server, settings):
    # Autosave posts the editor's form every half second: on the live server's shared SQLite
    # database those writes race the test's own reads ("table is locked").
    settings.WAGTAIL_AUTOSAVE_INTERVAL = 0
    ensure_editorial_setup()
    root = Page.get_first_root_node()
    home = factories.HomePageFactory(parent=root, slug="home-journey", title="Mind The Gap")
    Site.objects.filter(is_default_site=True).update(root_page=home)
    Page.objects.filter(depth=2).exclude(pk=home.pk).delete()
    stories = factories.StoryIndexPageFactory(parent=home)
    factories.ContributorIndexPageFactory(parent=home)
    theme = factories.ThemeFactory(name="Consent", slug="consent")
    scan = factories.IllustrationFactory(
        title="scan_0042.png", description="", illustrator_name="", licence=""
    )
    submission = StorySubmission.objects.create(
        name="Ama Owusu",
        email="ama@example.org",
        credit_preference="name",
        story_title="The study that forgot us",
        story_text="We were asked for our blood.\n\nNobody told us what came of it.",
        preferred_format="written",
        consent_contact=True,
        consent_publish=True,
        consent_edit=True,
        status="accepted",
    )
    return {
        "editor": person("eddie", "Editors"),
        "reviewer": person("rita", "Reviewers"),
        "stories": stories,
        "theme": theme,
        "scan": scan,
        "submission": submission,
    }


def log_in(tab, username):
    tab.goto("/admin/login/")
    tab.fill("#id_username", username)
    tab.fill("#id_password", PASSWORD)
    tab.click("button[type=submit]")
    tab.wait_for_url(re.compile(r"/admin/$"))


def choose_hero_image(tab, title):
    section = tab.locator("[data-contentpath=hero_image]")
    section.get_by_role("button", name=re.compile("Choose an image")).click()
    tab.locator(".modal").get_by_role("link", name=title).first.click()
    section.get_by_text(title).wait_for()


def choose_theme(tab, theme):
    checkbox = tab.locator(f"input[name=themes][value='{theme.pk}']")
    if checkbox.count():
        checkbox.check()
    else:
        tab.select_option("#id_themes", [str(theme.pk)])


def submit_for_review(tab):
    tab.locator("footer [data-w-dropdown-target=toggle], footer .dropdown-toggle").first.click()
    tab.get_by_role("button", name=re.compile("Submit to Editorial review")).click()


def test_from_accepted_submission_to_a_live_story(new_page, newsroom):
    tab = new_page()
    log_in(tab, "eddie")

    # The accepted submission becomes a draft the editor keeps.
    tab.goto(f"/admin/submissions/storysubmission/inspect/{newsroom['submission'].pk}/")
    tab.get_by_role("button", name="Create draft story").click()
    tab.wait_for_url(re.compile(r"/admin/pages/\d+/edit/$"))
    assert "It stays a draft, yours to edit" in tab.locator(".messages").inner_text()
    assert "Only reviewers for this task can edit" not in tab.content()
    story = StoryPage.objects.get(title="The study that forgot us")

    # The checks are there from the start: what readers will miss.
    checks = tab.locator("[data-editorial-checks]")
    assert "There is no hero image" in checks.inner_text()
    assert "There are no themes" in checks.inner_text()

    # The editor keeps editing: a better summary, a theme, a hero image; saves the draft.
    tab.fill("#id_summary", "A community gave blood to a study and never heard back.")
    choose_theme(tab, newsroom["theme"])
    choose_hero_image(tab, "scan_0042.png")
    tab.get_by_role("button", name="Save draft").click()
    tab.wait_for_load_state()
    checks = tab.locator("[data-editorial-checks]")
    blocking = checks.locator("[data-checks-blocking]").inner_text()
    assert "Hero image" in blocking and "“scan_0042.png” needs alt text" in blocking

    # Submitting is refused, with the problem beside the hero image, and nothing says "Saved".
    submit_for_review(tab)
    tab.wait_for_load_state()
    hero = tab.locator("[data-contentpath=hero_image]")
    assert "“scan_0042.png” needs alt text" in hero.inner_text()
    assert "was not submitted for review" in tab.locator(".messages").inner_text()
    story.refresh_from_db()
    assert story.current_workflow_state is None

    # The editor completes the image in the library ...
    tab.goto(f"/admin/images/{newsroom['scan'].pk}/")
    tab.fill("#id_description", "Three figures apart from a crowd, drawn in one colour.")
    tab.fill("#id_illustrator_name", "Ama Mensah")
    tab.select_option("#id_licence", index=1)
    tab.locator("form button[type=submit]", has_text="Save").first.click()
    tab.wait_for_load_state()

    # ... comes back, sees nothing left to fix, and submits.
    tab.goto(f"/admin/pages/{story.pk}/edit/")
    assert tab.locator("[data-checks-blocking]").count() == 0
    submit_for_review(tab)
    tab.wait_for_url(re.compile(r"/admin/pages/\d+/$"))
    assert "submitted for moderation" in tab.locator(".messages").inner_text()
    story.refresh_from_db()
    assert story.current_workflow_state is not None

    # The Reviewer sees it first on their dashboard and approves it.
    reviewer = new_page()
    log_in(reviewer, "rita")
    headings = [
        text.strip()
        for text in reviewer.locator("main h2").all_inner_texts()
        if text.strip() not in ("", "Site summary", "rita")  # the greeting names them
    ]
    assert headings and headings[0].startswith("Awaiting your review"), headings
    assert "The study that forgot us" in reviewer.locator("main").inner_text()
    reviewer.goto(f"/admin/pages/{story.pk}/edit/")
    reviewer.locator(
        "footer [data-w-dropdown-target=toggle], footer .dropdown-toggle"
    ).first.click()
    reviewer.get_by_role("button", name="Approve").first.click()
    dialog = reviewer.locator(".modal, [role=dialog]").filter(has_text="Comment")
    if dialog.count():
        dialog.get_by_role("button", name=re.compile("Approve")).last.click()
    reviewer.wait_for_load_state()
    reviewer.locator(".messages", has_text="You approved").wait_for()

    # It is live: readers can read it.
    story.refresh_from_db()
    assert story.live
    public = new_page()
    response = public.goto(story.url)
    assert response.status == 200
    assert public.locator("h1").inner_text().strip() == "The study that forgot us"


def test_no_saved_after_a_refused_submission_and_the_schedule_stays_usable(
    new_page, newsroom, settings
):
    story = factories.StoryPageFactory(
        parent=newsroom["stories"], live=False, title="Scheduled", hero_image=newsroom["scan"]
    )
    story.save_revision()

    # With autosave on (as in production): the refused submission does not say "Saved".
    settings.WAGTAIL_AUTOSAVE_INTERVAL = 500
    tab = new_page()
    log_in(tab, "eddie")
    tab.goto(f"/admin/pages/{story.pk}/edit/")
    tab.fill("#id_summary", "A changed summary.")
    submit_for_review(tab)
    tab.wait_for_load_state()
    assert "was not submitted for review" in tab.locator(".messages").inner_text()
    assert not tab.locator("#w-autosave-indicator").is_visible()
    tab.close()  # stop autosave before the database is reset

    # The schedule names its time zone, and an open date picker leaves "Save schedule" usable.
    settings.WAGTAIL_AUTOSAVE_INTERVAL = 0
    tab = new_page()
    log_in(tab, "eddie")
    tab.goto(f"/admin/pages/{story.pk}/edit/")
    tab.locator("[data-side-panel-toggle=status]").click()
    tab.locator("button:has-text('Set schedule')").first.click()
    dialog = tab.locator("#schedule-publishing-dialog")
    assert dialog.inner_text().count("Time zone: Europe/London") == 2
    tab.locator("#id_go_live_at").click()
    tab.locator(".xdsoft_datetimepicker:visible").first.wait_for()
    save = dialog.locator(".action-save")
    box = save.bounding_box()
    centre = [box["x"] + box["width"] / 2, box["y"] + box["height"] / 2]
    on_top = tab.evaluate(
        "([x, y]) => document.elementFromPoint(x, y).closest('.action-save') !== null", centre
    )
    assert on_top, "the date picker covers Save schedule"
