"""The admin comforts in a real browser (Debian's Chromium through Playwright):

- Wagtail's userbar on a live story for a signed-in editor: its accessibility checker runs and
  reports its count, with no CSP violation under the strict public policy; in the page editor,
  the preview's userbar fills in the Checks panel (words, reading time, issues found).
- An Illustrator drops a file in the multiple uploader, fills in its details and saves it; the
  image is in the library, complete and credited to them.
- axe-core finds no violations on the admin pages this work adds (the image reports, the
  submissions inbox and a submission, the share card preview, a block preview, the uploader
  with its notices, the usage listing).
"""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.contrib.auth.models import Group
from wagtail.models import Collection, UploadedFile

from illustrations.models import Illustration
from tests import factories
from tests.browser.test_csp import RECORD_VIOLATIONS, ConsoleWatcher
from tests.factories import png_bytes

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

AXE_OPTIONS = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21aa", "wcag22aa"]}}


def editorial_groups():
    """Put back the groups (and submission permissions) the data migrations made, when an
    earlier transactional test in the run flushed them (see ensure_tree_root in conftest.py)."""
    import importlib

    from django.apps import apps

    if Group.objects.filter(name="Illustrators").exists():
        return
    for module, function in (
        ("illustrations.migrations.0002_editorial_groups", "create_groups"),
        (
            "submissions.migrations.0002_editorial_review_workflow",
            "create_workflow_and_permissions",
        ),
    ):
        getattr(importlib.import_module(module), function)(apps, None)


def make_user(django_user_model, username, group):
    editorial_groups()
    user = django_user_model.objects.create_user(username, f"{username}@example.org", "pw")
    user.groups.add(Group.objects.get(name=group))
    return user


def signed_in(browser, live_server, client, user):
    client.force_login(user)
    context = browser.new_context(base_url=live_server.url, viewport={"width": 1280, "height": 900})
    context.set_default_timeout(30_000)
    context.add_init_script(RECORD_VIOLATIONS)
    context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )
    return context


@pytest.fixture
def story(site_tree):
    theme = factories.ThemeFactory(name="Consent", slug="consent")
    story = factories.StoryPageFactory(
        parent=site_tree["stories"],
        title="Who counts",
        slug="who-counts",
        hero_image=factories.IllustrationFactory(),
        body=[
            {"type": "section_heading", "value": {"heading": "Who is missing", "level": "h2"}},
            {
                "type": "paragraph",
                "value": "<p>Most genomic studies draw on few communities. That gap shapes "
                "which treatments work, and for whom, and who is asked.</p>",
            },
        ],
    )
    story.themes.set([theme])
    story.save_revision().publish()
    return story


def wait_for_text(locator, pattern, page, attempts=100):
    for _ in range(attempts):
        text = (locator.text_content() or "").strip()
        if re.fullmatch(pattern, text):
            return text
        page.wait_for_timeout(200)
    raise AssertionError(f"never matched {pattern!r}; last {text!r}")


def test_userbar_checker_on_a_live_page_and_in_preview(
    browser, live_server, client, django_user_model, story
):
    editor = make_user(django_user_model, "edna", "Editors")
    context = signed_in(browser, live_server, client, editor)

    # On the live story: the checker runs by itself and shows how many issues it found.
    page = context.new_page()
    watcher = ConsoleWatcher(page)
    response = page.goto(story.url, wait_until="networkidle")
    assert "script-src 'self'" in response.headers["content-security-policy"]
    page.click("#wagtail-userbar-trigger")
    count = page.locator("#checker-trigger [data-content-checker-count]")
    found = wait_for_text(count, r"\d+", page)
    page.click("#checker-trigger")
    dialog = page.locator("#checker-results")
    dialog.wait_for(state="visible")
    assert "Issues found" in dialog.text_content()
    assert int(found) >= 0
    assert watcher.csp_errors() == []
    page.close()

    # In the editor: the preview's userbar fills in the Checks panel.
    page = context.new_page()
    watcher = ConsoleWatcher(page)
    page.goto(f"/admin/pages/{story.pk}/edit/", wait_until="networkidle")
    page.click("[data-side-panel-toggle='checks']")
    words = page.locator("[data-side-panel='checks'] [data-content-word-count]")
    assert int(wait_for_text(words, r"\d+", page)) >= 20
    reading = page.locator("[data-side-panel='checks'] [data-content-reading-time]")
    assert wait_for_text(reading, r".*\d.*", page)
    issues = page.locator("[data-side-panel='checks'] [data-content-checker-count]")
    assert re.fullmatch(r"\d+", issues.text_content().strip())
    assert watcher.csp_errors() == []
    page.close()
    context.close()


def test_an_illustrator_uploads_and_fills_in_artwork(
    browser, live_server, client, django_user_model, site_tree, tmp_path, settings
):
    settings.MEDIA_ROOT = str(tmp_path)
    illustrator = make_user(django_user_model, "ama", "Illustrators")
    own_page = factories.ContributorPageFactory(
        parent=site_tree["contributors"],
        title="Ama Mensah",
        roles=["illustrator"],
        user=illustrator,
    )
    artwork = tmp_path / "three-figures.png"
    artwork.write_bytes(png_bytes(64, 48))
    context = signed_in(browser, live_server, client, illustrator)
    page = context.new_page()
    page.goto("/admin/images/multiple/add/", wait_until="networkidle")
    assert "the file is not kept" in page.text_content(".upload-keep-note")
    page.set_input_files("#fileupload", str(artwork))

    item = page.locator("#upload-list li").first
    form = item.locator("form")
    form.wait_for(state="visible")
    # Their own page is already chosen as the illustrator.
    selected = form.locator("select[name$='-illustrator']")
    assert selected.input_value() == str(own_page.pk)
    form.get_by_label("Alt text", exact=True).fill("Three figures stand apart from a crowd.")
    form.locator("select[name$='-licence']").select_option("commissioned")
    form.get_by_role("button", name="Update").click()
    # The uploader creates the image and swaps the row for its confirmation.
    for _ in range(100):
        if Illustration.objects.exists() and not UploadedFile.objects.exists():
            break
        page.wait_for_timeout(200)

    image = Illustration.objects.get()
    assert image.is_complete
    assert image.illustrator_id == own_page.pk
    assert image.collection == Collection.objects.get(name="Illustrations")

    # Nothing is left in the "not kept" list.
    page.goto("/admin/images/multiple/add/", wait_until="networkidle")
    assert page.locator(".unkept-uploads").count() == 0
    context.close()


def audit(page):
    results = Axe().run(page, options=AXE_OPTIONS)
    return [
        f"{violation['id']}: {violation['help']} -> "
        + "; ".join(str(node["target"]) for node in violation["nodes"])
        for violation in results.response["violations"]
    ]


def test_admin_pages_this_work_adds_have_no_axe_violations(
    browser, live_server, client, django_user_model, story, site_tree
):
    from django.urls import reverse

    from submissions.services import change_status, create_submission
    from tests.admin.conftest import story_form_data

    editor = make_user(django_user_model, "edna", "Editors")
    illustrator = make_user(django_user_model, "ama", "Illustrators")
    factories.IllustrationFactory(title="No licence", licence="")
    submission = create_submission(
        {
            "name": "Kofi Mensah",
            "email": "kofi@example.org",
            "credit_preference": "pseudonym",
            "story_title": "What the registry left out",
            "story_text": "First paragraph.\n\nSecond paragraph.",
            "preferred_format": "written",
            "consent_contact": True,
            "consent_publish": True,
            "consent_edit": False,
            "themes": [],
        },
        [],
    )
    change_status(submission, "in-review", editor)
    from django.contrib.contenttypes.models import ContentType
    from django.core.files.base import ContentFile

    UploadedFile.objects.create(
        file=ContentFile(png_bytes(), name="left-behind.png"),
        uploaded_by_user=illustrator,
        for_content_type=ContentType.objects.get_for_model(Illustration),
    )

    context = signed_in(browser, live_server, client, editor)
    client.post(f"/admin/pages/{story.pk}/edit/preview/", story_form_data(story))
    paragraph = story.body.stream_block.child_blocks["paragraph"]
    editor_pages = [
        reverse("illustrations_report_incomplete"),
        reverse("illustrations_report_unused"),
        reverse("illustrations_report_illustrator_work"),
        reverse("submissions_inbox:index"),
        reverse("submissions_inbox:inspect", args=[submission.pk]),
        f"/admin/pages/{story.pk}/edit/preview/?mode=share-card",
        reverse("wagtailadmin_block_preview") + f"?id={paragraph.definition_prefix}",
        reverse("wagtailimages:image_usage", args=[story.hero_image_id]),
    ]
    problems = {}
    page = context.new_page()
    for url in editor_pages:
        response = page.goto(url, wait_until="networkidle")
        assert response.status == 200, url
        found = audit(page)
        if found:
            problems[url] = found
    context.close()

    context = signed_in(browser, live_server, client, illustrator)
    page = context.new_page()
    for url in ("/admin/images/multiple/add/", "/admin/"):
        response = page.goto(url, wait_until="networkidle")
        assert response.status == 200, url
        if url.endswith("/add/"):
            assert "left-behind.png" in page.text_content(".unkept-uploads")
        found = audit(page)
        if found:
            problems[url] = found
    context.close()
    assert not problems, problems
