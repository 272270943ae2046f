"""The demo's commissions step: commissions at each stage, artwork delivered against them, and
a second run that changes nothing."""

import pytest

from collection.demo.pages import Demo
from illustrations import demo_content
from illustrations.models import Commission
from tests import factories


@pytest.fixture
def demo(site_tree):
    demo = Demo(write=lambda *args: None)
    for key in ("ama", "meilin"):
        demo.contributors[key] = factories.ContributorPageFactory(
            parent=site_tree["contributors"], roles=["illustrator"]
        )
    for key in ("cover-missing-map", "cover-whose-samples", "gap-in-the-grid"):
        demo.images[key] = factories.IllustrationFactory(title=key)
    demo.stories["why-genomic-data-comes-from-a-fraction-of-the-world"] = (
        factories.StoryPageFactory(parent=site_tree["stories"])
    )
    demo.series["whose-samples"] = factories.SeriesPageFactory(parent=site_tree["series"])
    return demo


@pytest.mark.django_db
def test_commissions_are_created_once_with_delivered_artwork(demo):
    demo_content.load(demo)
    assert Commission.objects.count() == len(demo_content.COMMISSIONS)
    cover = Commission.objects.get(title="Cover: Whose samples?")
    assert cover.illustrator == demo.contributors["ama"]
    assert cover.for_page.pk == demo.series["whose-samples"].pk
    assert list(cover.illustrations.all()) == [demo.images["cover-whose-samples"]]
    assert any(commission.is_overdue for commission in Commission.objects.all())
    assert Commission.due_this_week().exists()
    assert all(image.is_complete for image in demo.images.values())

    demo.outcomes.clear()
    demo_content.load(demo)
    assert Commission.objects.count() == len(demo_content.COMMISSIONS)
    assert set(demo.outcomes.values()) == {"unchanged"}
