"""The Content-Security-Policy in a real browser: public pages and the admin's page editor
(with its preview) load with no CSP violations, and the public policy does block what it should.

Runs headless Debian Chromium through the shared `browser` fixture in tests/browser/conftest.py.
"""

import pytest
from django.test import override_settings

from collection.models import SeriesStory
from tests import factories

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

# Recorded in every frame (the preview is an iframe) before any page script runs.
RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', (event) => {
  window.__cspViolations.push(event.violatedDirective + ' ' + (event.blockedURI || 'inline'));
});
"""


class ConsoleWatcher:
    def __init__(self, page):
        self.page = page
        self.messages = []
        page.on("console", self.on_console)

    def on_console(self, message):
        if message.type == "error":
            self.messages.append(message.text)

    def csp_errors(self):
        violations = []
        for frame in self.page.frames:
            try:
                violations += frame.evaluate("window.__cspViolations || []")
            except Exception:  # noqa: BLE001 - a frame that went away has nothing to report
                continue
        console = [
            text
            for text in self.messages
            if "Content Security Policy" in text or "Refused to" in text
        ]
        return violations + console


@pytest.fixture
def context(browser):
    context = browser.new_context()
    context.add_init_script(RECORD_VIOLATIONS)
    yield context
    context.close()


@pytest.fixture
def content(site_tree):
    themes = [factories.ThemeFactory(name="Consent", slug="consent")]
    author = factories.ContributorPageFactory(
        parent=site_tree["contributors"], title="Ama Mensah", slug="ama-mensah"
    )
    story = factories.StoryPageFactory(
        parent=site_tree["stories"],
        title="Who counts",
        slug="who-counts",
        hero_image=factories.IllustrationFactory(),
        body=[
            {"type": "section_heading", "value": {"heading": "Who is missing", "level": "h2"}},
            {"type": "paragraph", "value": "<p>Most studies draw on few communities.</p>"},
            factories.illustration_block(factories.IllustrationFactory()),
            {"type": "pull_quote", "value": {"quote": "Nobody asked us.", "attribution": "A"}},
        ],
    )
    story.themes.set(themes)
    story.story_contributors.create(contributor=author, role="author")
    story.save_revision().publish()
    series = factories.SeriesPageFactory(parent=site_tree["series"], slug="counting")
    SeriesStory.objects.create(series=series, story=story)
    return {"story": story, "series": series, "author": author}


def visit(context, url):
    page = context.new_page()
    watcher = ConsoleWatcher(page)
    response = page.goto(url, wait_until="networkidle")
    return page, watcher, response


def check_public_pages(context, live_server, content):
    paths = [
        "/",
        "/stories/",
        content["story"].url,
        content["series"].url,
        content["author"].url,
        "/search/?q=counts",
    ]
    for path in paths:
        page, watcher, response = visit(context, live_server.url + path)
        assert response.status == 200, path
        assert "script-src 'self'" in response.headers["content-security-policy"]
        assert watcher.csp_errors() == [], path
        page.close()


def check_public_policy_blocks_stray_inline_scripts(context, live_server):
    with override_settings(ROOT_URLCONF="tests.operations.csp_probe_urls"):
        page, watcher, _ = visit(context, live_server.url + "/csp-probe/")
        assert page.evaluate("window.nonceScriptRan") is True
        assert page.evaluate("window.strayScriptRan") is None
        errors = watcher.csp_errors()
        # Exactly one violation: the stray inline script. The JSON-LD data block is not a
        # script the browser runs, so it needs no nonce.
        assert len([e for e in errors if e.startswith("script-src")]) == 1, errors
        page.close()


def preview_shows(page, text, attempts=50):
    """Wagtail swaps in a fresh preview iframe once the preview is rendered: poll the frames."""
    for _ in range(attempts):
        for frame in page.frames:
            try:
                if "/preview/" in frame.url and text in frame.content():
                    return True
            except Exception:  # noqa: BLE001 - a frame replaced while we read it
                continue
        page.wait_for_timeout(200)
    return False


def check_admin_editor_and_preview(context, live_server, content, editor_session):
    context.add_cookies([{"name": "sessionid", "value": editor_session, "url": live_server.url}])
    story = content["story"]
    for path in (
        "/admin/",
        f"/admin/pages/{story.pk}/edit/",
        f"/admin/pages/add/collection/storypage/{story.get_parent().pk}/",
        f"/admin/pages/{content['series'].pk}/edit/",
    ):
        page, watcher, response = visit(context, live_server.url + path)
        assert response.status == 200, path
        assert "'unsafe-inline'" in response.headers["content-security-policy"]
        if path.endswith(f"/{story.pk}/edit/"):
            # Open the preview panel: the public template inside the admin's iframe.
            page.click("[data-side-panel-toggle='preview']")
            assert preview_shows(page, "Who counts"), [f.url for f in page.frames]
        assert watcher.csp_errors() == [], path
        page.close()


def test_csp_in_a_real_browser(context, live_server, content, django_user_model, client):
    """One test for the three checks: each browser test empties the database when it ends."""
    editor = django_user_model.objects.create_superuser("editor", "ed@example.com", "pw")
    client.force_login(editor)
    check_public_pages(context, live_server, content)
    check_public_policy_blocks_stray_inline_scripts(context, live_server)
    check_admin_editor_and_preview(context, live_server, content, client.cookies["sessionid"].value)
