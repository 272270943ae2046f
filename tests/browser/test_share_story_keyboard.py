"""Share your story with the keyboard alone: every field is reachable in a sensible order,
choices are made with Space, errors are reachable from the summary, and the story arrives."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from submissions.models import StorySubmission
from tests import factories

from .conftest import DESKTOP

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

AXE_OPTIONS = {
    "runOnly": {
        "type": "tag",
        "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"],
    },
    "resultTypes": ["violations"],
}

# Tab stops from the name field to the send button, in order. The honeypot never appears.
EXPECTED_ORDER = [
    "id_name",
    "id_email",
    "id_credit_preference_0",
    "id_story_title",
    "id_story_text",
    "id_preferred_format_0",
    "id_files",
    "id_themes_0",
    "id_themes_1",
    "link:#how-we-use-your-data",
    "id_consent_contact",
    "id_consent_publish",
    "id_consent_edit",
    "send",
]


def focused(tab):
    return tab.evaluate(
        """() => {
            const el = document.activeElement;
            if (el.id) return el.id;
            if (el.tagName === "A") return "link:" + el.getAttribute("href");
            if (el.type === "submit") return "send";
            return el.tagName;
        }"""
    )


def tab_to(tab, target, limit=60):
    for _ in range(limit):
        tab.keyboard.press("Tab")
        if focused(tab) == target:
            return
    raise AssertionError(f"{target} cannot be reached with the Tab key")


@pytest.fixture
def share_path(live_server, settings, transactional_db, request):
    # Typing is fast in a test; the minimum fill time is for bots, tested elsewhere.
    settings.SUBMISSIONS_MIN_FILL_SECONDS = 0
    factories.ThemeFactory(name="Consent", slug="consent")
    factories.ThemeFactory(name="Genomics", slug="genomics")
    home = request.getfixturevalue("site_tree")["home"]
    page = factories.ShareYourStoryPageFactory(parent=home)
    return page.url


@pytest.mark.parametrize("javascript", [True, False], ids=["with-js", "without-js"])
def test_share_a_story_with_the_keyboard_alone(share_path, new_page, javascript):
    tab = new_page(DESKTOP, javascript=javascript)
    tab.goto(share_path)

    # Tab order from the first field to the button.
    tab_to(tab, "id_name")
    order = ["id_name"]
    while order[-1] != "send" and len(order) < 30:
        tab.keyboard.press("Tab")
        order.append(focused(tab))
    assert order == EXPECTED_ORDER

    # Fill it in, forgetting the publication consent.
    tab.focus("body")
    tab_to(tab, "id_name")
    tab.keyboard.type("Adjoa")
    tab.keyboard.press("Tab")
    tab.keyboard.type("adjoa@example.org")
    tab.keyboard.press("Tab")  # the credit radios: arrow keys choose within the group
    tab.keyboard.press("ArrowDown")
    assert tab.is_checked("#id_credit_preference_1")
    tab.keyboard.press("Tab")
    tab.keyboard.type("Counted at last")
    tab.keyboard.press("Tab")
    tab.keyboard.type("The first time anyone asked us.")
    tab.keyboard.press("Enter")
    tab.keyboard.press("Enter")
    tab.keyboard.type("It took thirty years.")
    tab.keyboard.press("Tab")
    tab.keyboard.press("Space")  # "Written"
    assert tab.is_checked("#id_preferred_format_0")
    tab_to(tab, "id_themes_1")
    tab.keyboard.press("Space")
    tab_to(tab, "id_consent_contact")
    tab.keyboard.press("Space")
    tab_to(tab, "send")
    with tab.expect_navigation():
        tab.keyboard.press("Enter")

    # The error summary comes first and links to the field; what was typed is kept.
    assert tab.title().startswith("Error:")
    summary_link = tab.locator(".error-summary a")
    assert summary_link.count() == 1
    assert "publish your story" in summary_link.inner_text()
    assert tab.input_value("#id_name") == "Adjoa"
    assert tab.is_checked("#id_themes_1") and tab.is_checked("#id_consent_contact")
    assert StorySubmission.objects.count() == 0
    # The error state passes an axe-core audit too (the empty form is audited with the rest of
    # the public pages in test_public_site.py).
    # (axe-core needs scripts, so only when JavaScript is on.)
    if javascript:
        violations = Axe().run(tab, options=AXE_OPTIONS).response["violations"]
        assert not violations, [(v["id"], [n["target"] for n in v["nodes"]]) for v in violations]

    tab.focus("body")
    tab_to(tab, "link:#id_consent_publish")
    tab.keyboard.press("Enter")
    tab_to(tab, "id_consent_publish")
    tab.keyboard.press("Space")
    tab_to(tab, "send")
    with tab.expect_navigation():
        tab.keyboard.press("Enter")

    assert "your story has arrived" in tab.title()
    submission = StorySubmission.objects.get()
    assert submission.reference in tab.inner_text(".confirmation-panel")
    assert submission.credit_preference == "pseudonym"
    assert submission.story_text == "The first time anyone asked us.\n\nIt took thirty years."
    assert [t.slug for t in submission.themes.all()] == ["genomics"]
    assert (submission.consent_contact, submission.consent_publish) == (True, True)
    assert submission.consent_edit is False
