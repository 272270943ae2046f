"""The library-wide image reports: images missing details, images used nowhere, every use of
an illustrator's work; each in the Reports menu and exportable as CSV."""

import csv
import io

import pytest
from django.urls import reverse

from tests import factories

pytestmark = pytest.mark.django_db


def csv_rows(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    content = b"".join(response.streaming_content) if response.streaming else response.content
    return list(csv.DictReader(io.StringIO(content.decode("utf-8-sig"))))


@pytest.fixture
def library(site_tree, illustrator):
    complete = factories.IllustrationFactory(
        title="Finished artwork", illustrator=illustrator.page, illustrator_name=""
    )
    no_alt = factories.IllustrationFactory(title="No alt text", description="")
    no_licence = factories.IllustrationFactory(title="No licence", licence="")
    unused = factories.IllustrationFactory(title="Never used", illustrator_name="Jo Bloggs")
    live = factories.StoryPageFactory(
        parent=site_tree["stories"], title="A live story", hero_image=complete
    )
    draft = factories.StoryPageFactory(
        parent=site_tree["stories"],
        title="A draft story",
        live=False,
        body=[factories.illustration_block(complete)],
    )
    factories.StoryPageFactory(parent=site_tree["stories"], title="Uses no alt", hero_image=no_alt)
    factories.SeriesPageFactory(parent=site_tree["series"], title="Cover", cover_image=no_licence)
    return {
        "complete": complete,
        "no_alt": no_alt,
        "no_licence": no_licence,
        "unused": unused,
        "live": live,
        "draft": draft,
    }


def test_the_reports_are_in_the_reports_menu_for_editors(client, editor, illustrator):
    client.force_login(editor)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    for name in (
        "illustrations_report_incomplete",
        "illustrations_report_unused",
        "illustrations_report_illustrator_work",
    ):
        assert reverse(name) in html
    client.force_login(illustrator)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse("illustrations_report_incomplete") not in html


def test_images_missing_details(client, editor, library):
    client.force_login(editor)
    html = client.get(reverse("illustrations_report_incomplete")).content.decode()
    assert "No alt text" in html and "No licence" in html
    assert "Finished artwork" not in html and "Never used" not in html
    filtered = client.get(reverse("illustrations_report_incomplete"), {"missing": "licence"})
    assert "No licence" in filtered.content.decode()
    assert "No alt text" not in filtered.content.decode()

    rows = csv_rows(client.get(reverse("illustrations_report_incomplete"), {"export": "csv"}))
    by_title = {row["Title"]: row for row in rows}
    assert set(by_title) == {"No alt text", "No licence"}
    assert "alt text" in by_title["No alt text"]["Missing"]
    assert by_title["No licence"]["Edit in the admin"].endswith(
        reverse("wagtailimages:edit", args=[library["no_licence"].pk])
    )


def test_images_used_nowhere(client, editor, library):
    client.force_login(editor)
    html = client.get(reverse("illustrations_report_unused")).content.decode()
    assert "Never used" in html
    for title in ("Finished artwork", "No alt text", "No licence"):
        assert title not in html
    rows = csv_rows(client.get(reverse("illustrations_report_unused"), {"export": "csv"}))
    assert [row["Title"] for row in rows] == ["Never used"]
    assert rows[0]["Credit"] == "Jo Bloggs"


def test_every_use_of_one_illustrators_work_as_csv(client, editor, library, illustrator):
    client.force_login(editor)
    url = reverse("illustrations_report_illustrator_work")
    html = client.get(url, {"illustrator": illustrator.page.pk}).content.decode()
    assert "A live story" in html and "A draft story" in html
    assert "Uses no alt" not in html and "Cover" not in html

    rows = csv_rows(client.get(url, {"illustrator": illustrator.page.pk, "export": "csv"}))
    uses = {(row["Used in"], row["Status"]) for row in rows}
    assert uses == {("A live story", "Live"), ("A draft story", "Draft")}
    for row in rows:
        assert row["Illustrator"] == "Ama Mensah" and row["Image"] == "Finished artwork"
    live = next(row for row in rows if row["Status"] == "Live")
    assert live["Address on the site"].endswith(library["live"].url)
    draft = next(row for row in rows if row["Status"] == "Draft")
    assert draft["Address on the site"] == ""

    by_name = csv_rows(client.get(url, {"credited_as": "bloggs", "export": "csv"}))
    assert by_name == []  # Jo Bloggs's image is used nowhere


def test_a_title_that_looks_like_a_formula_is_exported_as_text(client, editor, library):
    factories.IllustrationFactory(title='=HYPERLINK("http://x")', licence="")
    client.force_login(editor)
    rows = csv_rows(client.get(reverse("illustrations_report_incomplete"), {"export": "csv"}))
    assert '\'=HYPERLINK("http://x")' in {row["Title"] for row in rows}
