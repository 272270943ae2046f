"""Demo-content step for submissions, found by `collection.demo.load()` by module name."""

from .demo import ensure_demo_submissions, ensure_share_page


def load(demo):
    page, status = ensure_share_page(demo.home)
    demo.record("pages", page, status)
    for submission, outcome in ensure_demo_submissions(demo.themes.values()):
        demo.record("submissions", submission, outcome)
