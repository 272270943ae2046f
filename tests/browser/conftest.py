"""Headless Chromium (Debian's, driven by Playwright's sync API) against pytest-django's
live_server, with the demo site loaded.

Skipped when /usr/bin/chromium is missing, unless REQUIRE_BROWSER=1, which turns the skip into
a failure (CI sets it so a missing browser cannot pass silently).
"""

import os
import shutil

import pytest

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
PHONE = {"width": 375, "height": 812}
DESKTOP = {"width": 1280, "height": 900}

# Playwright's sync API runs an event loop in this thread; Django's ORM must still be allowed
# to run here (the live server and fixtures use it).
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def _browser_missing_reason():
    if not (os.path.exists(CHROMIUM) or shutil.which(CHROMIUM)):
        return f"Chromium not found at {CHROMIUM} (apt-get install chromium)"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "Playwright is not installed (pip install -e '.[dev]')"
    return None


def pytest_collection_modifyitems(config, items):
    # With REQUIRE_BROWSER=1 nothing is skipped: the `browser` fixture fails instead.
    reason = _browser_missing_reason()
    if reason is None or os.environ.get("REQUIRE_BROWSER") == "1":
        return
    for item in items:
        if "browser" in item.keywords:
            item.add_marker(pytest.mark.skip(reason=reason))


@pytest.fixture(scope="session")
def browser():
    reason = _browser_missing_reason()
    if reason:
        if os.environ.get("REQUIRE_BROWSER") == "1":
            pytest.fail(f"REQUIRE_BROWSER=1 but the browser cannot run: {reason}")
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
        yield browser
        browser.close()


def block_third_parties(context, live_server_url):
    """Abort every request that is not to the live server: tests never touch the network, and
    a click-to-load player's request is recorded instead of made."""
    requested = []

    def handle(route):
        if route.request.url.startswith(live_server_url):
            route.continue_()
        else:
            requested.append(route.request.url)
            route.abort()

    context.route("**/*", handle)
    return requested


@pytest.fixture
def new_page(browser, live_server):
    """Open a page at a viewport size: new_page(PHONE) / new_page(DESKTOP, javascript=False)."""
    contexts = []

    def open_page(viewport=DESKTOP, javascript=True, reduced_motion="no-preference"):
        context = browser.new_context(
            viewport=viewport,
            java_script_enabled=javascript,
            reduced_motion=reduced_motion,
            base_url=live_server.url,
        )
        context.set_default_timeout(30_000)
        contexts.append(context)
        page = context.new_page()
        page.third_party_requests = block_third_parties(context, live_server.url)
        return page

    yield open_page
    for context in contexts:
        context.close()


@pytest.fixture
def demo_site(live_server, settings, tmp_path, monkeypatch):
    """The demo content (every page type, format and block) in the live server's database."""
    from django.core.management import call_command

    from collection.demo import artwork

    # Smaller artwork draws and renders faster; layout and markup are the same.
    monkeypatch.setattr(artwork, "SCALE", 0.25)
    settings.MEDIA_ROOT = str(tmp_path / "media")
    call_command("load_demo_content", verbosity=0)
    return live_server


@pytest.fixture(autouse=True)
def quick_renditions(monkeypatch):
    """Render one small WebP and fallback per variant instead of every width in AVIF too.

    The demo artwork is large and the demo loader leaves renditions to be made on first view;
    AVIF encoding would then dominate these tests. The full picture markup (AVIF, WebP,
    srcset) is tested in tests/illustrations; here what matters is what a reader meets.
    """
    from dataclasses import replace

    from illustrations import renditions
    from illustrations.templatetags import illustration_tags

    monkeypatch.setattr(illustration_tags, "MODERN_FORMATS", ("webp",))
    for name, variant in list(renditions.VARIANTS.items()):
        monkeypatch.setitem(renditions.VARIANTS, name, replace(variant, widths=variant.widths[:1]))
