"""Demo-content step for submissions, found by `collection.demo.load()` by module name."""

from .demo import ensure_demo_submissions, ensure_share_page
from .signals import assign_editorial_workflow


def load(demo):
    # The home page and indexes go to the Reviewers (also on a database where the demo pages
    # were made before the workflow was attached to them).
    for page in [demo.home, *demo.indexes.values()]:
        assign_editorial_workflow(page)
    page, status = ensure_share_page(demo.home)
    demo.record("pages", page, status)
    for submission, outcome in ensure_demo_submissions(demo.themes.values()):
        demo.record("submissions", submission, outcome)
