"""The pages benchmarked against bakerydemo, read afresh (nothing kept), run their queries with
SQL compiled once per process (operations/compiled_queries.py): building and compiling the same
querysets on every request was a third of a story's time. What Django still compiles on each
reading is counted here; before, it was every query of the page (12 for a story)."""

import pytest
from django.db.models.sql.compiler import SQLCompiler

pytestmark = pytest.mark.django_db

# Top-level queries Django still builds and compiles per reading: the renditions of the series
# cards on the home page, read by spec (their query's shape follows the images shown). A story
# body's figures come with its images (collection/body_images.py).
DJANGO_COMPILED_MAX = {"home": 1, "listing": 0, "story": 0, "series": 0}


@pytest.fixture(autouse=True)
def nothing_kept(settings, clear_caches):
    settings.FRAGMENT_CACHE_SECONDS = 0


def compiled_by_django(client, url, monkeypatch):
    """How many top-level queries Django compiled for one reading of `url` (subqueries are
    compiled inside them and not counted, nor a query Django finds empty without asking)."""
    original = SQLCompiler.as_sql
    depth, count = [0], [0]

    def counting(self, *args, **kwargs):
        top = depth[0] == 0
        depth[0] += 1
        try:
            result = original(self, *args, **kwargs)
        finally:
            depth[0] -= 1
        count[0] += top  # a query that reaches the database (an empty IN list does not)
        return result

    with monkeypatch.context() as patch:
        patch.setattr(SQLCompiler, "as_sql", counting)
        response = client.get(url)
    assert response.status_code == 200
    return count[0]


def test_pages_read_afresh_compile_few_queries_of_their_own(client, content, monkeypatch):
    content.stories_up_to(8)
    story = content.story()
    pages = {
        "home": "/",
        "listing": "/stories/",
        "story": story.url,
        "series": "/series/missing-from-the-data/",
    }
    for url in pages.values():  # the first readings compile (and make renditions)
        assert client.get(url).status_code == 200
        assert client.get(url).status_code == 200
    counts = {name: compiled_by_django(client, url, monkeypatch) for name, url in pages.items()}
    over = {name: n for name, n in counts.items() if n > DJANGO_COMPILED_MAX[name]}
    assert not over, counts
