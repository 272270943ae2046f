"""Delete a never-published page made from a submission, with every copy Wagtail keeps of it.

Deleting a page removes its row, and Wagtail's relations take its revisions, comments,
workflow and task states with it; but its page log keeps the title of every entry in
`PageLogEntry.label` (and deleting writes one more entry, "wagtail.delete", with the title
again). For a draft made from a submission that title, and the contributor page's title, are
the sender's own words. Erasure calls `forget_page` so nothing of them stays: the log entries,
revisions, workflow states (and their task states), search index entries and references of the
page are removed explicitly, whichever of them the relations did not already take.

`tests/submissions/test_erasure.py` checks every column of every table afterwards.
"""

from django.contrib.contenttypes.models import ContentType
from wagtail.models import Page, PageLogEntry, ReferenceIndex, Revision, WorkflowState
from wagtail.search.backends import get_search_backends


def forget_page(page):
    """Delete `page` (and any pages under it) and the traces Wagtail keeps of them."""
    pages = [p.specific for p in page.get_descendants(inclusive=True)]
    ids = [p.pk for p in pages]
    object_ids = [str(pk) for pk in ids]
    page_type = ContentType.objects.get_for_model(Page)
    # Search index entries go first, while the pages (and their specific types) still exist:
    # the index may be updated by a background task later, after the page is long gone.
    for backend in get_search_backends(with_auto_update=True):
        for item in pages:
            backend.delete(item)
    page.delete()
    PageLogEntry.objects.filter(page_id__in=ids).delete()
    Revision.objects.filter(base_content_type=page_type, object_id__in=object_ids).delete()
    WorkflowState.objects.filter(base_content_type=page_type, object_id__in=object_ids).delete()
    ReferenceIndex.objects.filter(base_content_type=page_type, object_id__in=object_ids).delete()
