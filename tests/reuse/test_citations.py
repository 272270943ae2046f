"""Citations: meta tags for reference managers on every story, "Cite this story" in APA and
Vancouver by citeproc-py with the official styles, and RIS, BibTeX and CSL-JSON downloads,
each parsed back."""

import datetime
import json

import bibtexparser
import pytest
import rispy

from .test_oembed_and_cards import LinkFinder

pytestmark = pytest.mark.django_db


@pytest.fixture
def story(content):
    story = content.story(
        title="Who is missing: {data} & 100% of us",
        first_published=datetime.date(2026, 3, 9),
    )
    return story


def names(story):
    credits = list(story.story_contributors.order_by("sort_order", "pk"))
    return [c.contributor.title for c in credits if c.role != "illustrator"]


def test_story_page_carries_citation_meta_tags(client, story):
    finder = LinkFinder()
    finder.feed(client.get(story.url).content.decode())
    meta = finder.meta
    assert ("citation_title", story.title) in meta
    assert [value for name, value in meta if name == "citation_author"] == names(story)
    assert ("citation_publication_date", "2026/03/09") in meta
    assert ("citation_public_url", story.get_full_url()) in meta
    assert ("citation_language", "en-GB") in meta


def test_cite_this_story_in_apa_and_vancouver(client, story):
    html = client.get(story.url).content.decode()
    assert "Cite this story" in html
    author = names(story)[0]  # "Contributor N": family name N, given name Contributor
    family, given = author.rsplit(" ", 1)[1], author.rsplit(" ", 1)[0]
    # APA: Family, G. (2026, March 9). Title. <i>Mind The Gap</i>. URL
    assert f"{family}, {given[0]}." in html
    assert "(2026, March 9)" in html
    assert "<i>Mind The Gap</i>" in html
    # Vancouver: Family G. Title. Mind The Gap [Internet]. ... Available from: URL
    assert f"{family} {given[0]}," in html or f"{family} {given[0]}." in html
    assert "[Internet]" in html and f"Available from: {story.get_full_url()}" in html
    for kind in ("ris", "bib", "json"):
        assert f"/api/citations/{story.pk}.{kind}" in html


def download(client, story, kind):
    response = client.get(f"/api/citations/{story.pk}.{kind}")
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    return response


def test_ris_parses_back(client, story):
    response = download(client, story, "ris")
    assert response["Content-Type"].startswith("application/x-research-info-systems")
    [entry] = rispy.loads(response.content.decode())
    assert entry["type_of_reference"] == "ELEC"
    assert entry["title"] == story.title
    assert entry["urls"] == [story.get_full_url()]
    assert len(entry["authors"]) == len(names(story))
    assert entry["year"] == "2026"


def test_bibtex_parses_back(client, story):
    response = download(client, story, "bib")
    library = bibtexparser.parse_string(response.content.decode())
    assert not library.failed_blocks
    [entry] = library.entries
    assert entry.entry_type == "misc"
    assert entry["url"] == story.get_full_url()
    assert entry["year"] == "2026"
    assert entry["title"] == r"{Who is missing: \{data\} \& 100\% of us}"
    assert entry["author"].count(" and ") == len(names(story)) - 1


def test_csl_json_parses_back_and_formats(client, story):
    response = download(client, story, "json")
    [item] = json.loads(response.content)
    assert item["type"] == "post-weblog"
    assert item["title"] == story.title
    assert item["issued"] == {"date-parts": [[2026, 3, 9]]}
    assert len(item["author"]) == len(names(story))
    from reuse.citations.styles import formatted

    assert "Mind The Gap" in formatted("apa", item)


def test_citations_of_drafts_and_private_stories_are_404(client, content):
    draft, _ = content.draft()
    private, _ = content.private()
    for page in (draft, private):
        for kind in ("ris", "bib", "json"):
            assert client.get(f"/api/citations/{page.pk}.{kind}").status_code == 404


def test_preview_of_a_draft_renders_without_downloads(content):
    draft, _ = content.draft()
    response = draft.make_preview_request()
    assert response.status_code == 200
    html = response.content.decode()
    assert "Cite this story" in html and draft.title in html
    assert "/api/citations/" not in html  # served for live, public stories only


def test_citations_escape_what_editors_typed(client, content):
    """citeproc-py does not escape a record's text: the cite section must."""
    story = content.story(title="Data & us </dd><script>alert(1)</script>")
    html = client.get(story.url).content.decode()
    section = html[html.index('id="cite-heading"') :]
    assert "<script>alert(1)" not in section
    assert "Data &amp; us &lt;/dd&gt;&lt;script&gt;alert(1)&lt;/script&gt;" in section
