"""The illustration tag, the renditions made ahead of readers, and the credits page."""

import io
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.template import Context, Template
from django.test import RequestFactory
from django.urls import reverse
from PIL import Image as PILImage

from illustrations.models import Illustration, IllustrationRendition
from illustrations.renditions import (
    HEADROOM,
    all_site_specs,
    prefetch_renditions_for,
    specs_for_variants,
    with_illustrations,
)
from tests import factories

from .conftest import image_bytes


def render(template, **context):
    request = RequestFactory().get("/")
    return Template("{% load illustration_tags %}" + template).render(
        Context({"request": request, **context})
    )


def red_and_blue_png(width=800, height=500):
    """Red on the left quarter, blue elsewhere: shows which part a crop kept."""
    picture = PILImage.new("RGB", (width, height), (220, 30, 30))
    picture.paste((30, 30, 220), (width // 4, 0, width, height))
    buffer = io.BytesIO()
    picture.save(buffer, "PNG")
    return buffer.getvalue()


@pytest.fixture
def artwork(db, django_capture_on_commit_callbacks):
    """An 800x500 illustration, with its renditions made as they would be after upload (the
    generation task is queued on commit, which the test transaction never reaches)."""
    from django.core.files.base import ContentFile

    with django_capture_on_commit_callbacks(execute=True):
        return factories.IllustrationFactory(
            title="Gap in the data",
            file=ContentFile(red_and_blue_png(), name="gap.png"),
            description="Rows of dots with a rectangle of dots missing.",
            illustrator_name="Ama Mensah",
            licence="cc-by",
        )


@pytest.mark.django_db
class TestTag:
    def test_picture_with_avif_webp_and_fallback_in_several_widths(self, artwork):
        html = render('{% illustration image variant="card" %}', image=artwork)
        assert html.count("<figure") == 1 and "<picture>" in html
        assert '<source type="image/avif" srcset="' in html
        assert '<source type="image/webp" srcset="' in html
        avif = re.search(r'type="image/avif" srcset="([^"]+)"', html).group(1)
        # The card ladder up to the artwork's own 3:2 crop (800x500 -> about 750 wide, never
        # enlarged), each `w` descriptor the real width divided by HEADROOM.
        descriptors = [int(part.split()[-1][:-1]) for part in avif.split(", ")]
        assert descriptors[:4] == [round(w / HEADROOM) for w in (384, 464, 560, 672)]
        assert len(descriptors) == 5 and 745 <= descriptors[-1] * HEADROOM <= 755
        assert all(".avif" in part for part in avif.split(", "))
        img = re.search(r"<img [^>]+>", html).group(0)
        assert 'width="672" height="448"' in img  # one 3:2 fallback for cards
        assert ".png" in re.search(r'src="([^"]+)"', img).group(1)
        assert 'loading="lazy"' in img
        assert 'sizes="auto, (min-width: 76rem) 23.7rem' in img  # lazy: the laid-out width
        assert 'alt="Rows of dots with a rectangle of dots missing."' in img

    def test_hero_is_eager_and_high_priority(self, artwork):
        html = render('{% illustration image variant="hero" %}', image=artwork)
        assert 'loading="eager"' in html and 'fetchpriority="high"' in html

    def test_credit_line_links_illustrator_page_and_licence(self, site_tree, artwork):
        page = factories.ContributorPageFactory(
            parent=site_tree["contributors"], title="Ama Mensah", slug="ama-mensah"
        )
        artwork.illustrator = page
        artwork.save()
        html = render("{% illustration image %}", image=artwork)
        assert "Illustration: " in html
        assert '<a href="/contributors/ama-mensah/">Ama Mensah</a>' in html
        assert (
            '<a href="https://creativecommons.org/licenses/by/4.0/" rel="license">CC BY 4.0</a>'
            in html
        )

    def test_credit_without_a_page_is_plain_text(self, artwork):
        artwork.licence = "commissioned"
        artwork.save()
        html = render("{% illustration image %}", image=artwork)
        assert "Illustration: Ama Mensah, Commissioned (all rights reserved)" in html

    def test_per_use_alt_text_and_decorative(self, artwork):
        html = render('{% illustration image alt="Dots, close up" %}', image=artwork)
        assert 'alt="Dots, close up"' in html
        html = render("{% illustration image decorative=True %}", image=artwork)
        assert 'alt=""' in html
        artwork.is_decorative = True
        html = render('{% illustration image alt="ignored" %}', image=artwork)
        assert 'alt=""' in html

    def test_caption_and_credit_can_be_left_out(self, artwork):
        artwork.default_caption = "Who is missing?"
        html = render("{% illustration image %}", image=artwork)
        assert "Who is missing?" in html
        html = render('{% illustration image caption="" credit=False %}', image=artwork)
        assert "<figcaption" not in html

    def test_no_image_renders_nothing(self):
        assert render("{% illustration image %}", image=None).strip() == ""

    def test_block_template_passes_contextual_alt_text(self, site_tree, artwork):
        story = factories.StoryPageFactory(
            parent=site_tree["stories"],
            body=[
                {
                    "type": "illustration",
                    "value": {
                        "image": {
                            "image": artwork.pk,
                            "alt_text": "In context",
                            "decorative": False,
                        },
                        "caption": "",
                        "width": "text",
                    },
                }
            ],
        )
        html = render(
            "{% load wagtailcore_tags %}"
            "{% for block in page.body %}{% include_block block %}{% endfor %}",
            page=story,
        )
        assert 'alt="In context"' in html
        assert "Illustration: Ama Mensah" in html

    def test_tag_uses_prefetched_renditions_without_queries(
        self, artwork, django_assert_num_queries
    ):
        image = Illustration.objects.for_display("card").get(pk=artwork.pk)
        with django_assert_num_queries(0):
            render('{% illustration image variant="card" %}', image=image)


@pytest.mark.django_db
class TestRenditions:
    def test_every_site_rendition_is_made_on_upload(self, artwork):
        made = set(artwork.renditions.values_list("filter_spec", flat=True))
        assert made == set(all_site_specs(artwork))
        assert any(spec.endswith("format-avif") for spec in made)

    def test_a_visit_does_not_make_renditions(self, artwork, django_assert_max_num_queries):
        image = Illustration.objects.get(pk=artwork.pk)
        before = IllustrationRendition.objects.count()
        for variant in ("hero", "card", "portrait", "text", "wide", "full"):
            render("{% illustration image variant=v %}", image=image, v=variant)
        assert IllustrationRendition.objects.count() == before

    def test_replacing_the_file_makes_fresh_renditions(
        self, client, superuser, artwork, django_capture_on_commit_callbacks
    ):
        client.force_login(superuser)
        old_files = set(artwork.renditions.values_list("file", flat=True))
        data = {
            "title": artwork.title,
            "collection": artwork.collection_id,
            "description": artwork.description,
            "illustrator_name": "Ama Mensah",
            "licence": "cc-by",
            "file": SimpleUploadedFile(
                "new.png", image_bytes(600, 600, colour=(10, 10, 10)), content_type="image/png"
            ),
        }
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(reverse("wagtailimages:edit", args=[artwork.pk]), data)
        assert response.status_code == 302
        artwork.refresh_from_db()
        assert artwork.width == 600
        new_files = set(artwork.renditions.values_list("file", flat=True))
        assert new_files and not new_files & old_files
        assert set(artwork.renditions.values_list("filter_spec", flat=True)) == set(
            all_site_specs(artwork)
        )

    def test_crops_follow_the_focal_point(self, artwork, django_capture_on_commit_callbacks):
        def colours_of(rendition):
            with rendition.file.open() as handle:
                return {
                    colour for _count, colour in PILImage.open(handle).convert("RGB").getcolors()
                }

        centred = artwork.get_rendition("fill-320x320")
        assert len(colours_of(centred)) > 1  # a centred square shows red and blue
        # The subject is on the far right: the square crop must keep it, and only it.
        artwork.focal_point_x, artwork.focal_point_y = 760, 250
        artwork.focal_point_width, artwork.focal_point_height = 40, 40
        with django_capture_on_commit_callbacks(execute=True):
            artwork.save()
        focused = artwork.get_rendition("fill-320x320")
        assert focused.focal_point_key != centred.focal_point_key
        assert colours_of(focused) == {(30, 30, 220)}
        # The site's renditions for the new focal point were made when it was saved.
        assert artwork.renditions.filter(
            filter_spec="fill-384x256|format-avif", focal_point_key=focused.focal_point_key
        ).exists()

    def test_renditions_read_for_another_focal_point_are_not_shown(self, artwork):
        """Prefetched renditions are matched by spec and by the image's focal point now (as
        Wagtail matches them): a crop read before the focal point moved is not drawn."""
        image = Illustration.objects.get(pk=artwork.pk)
        prefetch_renditions_for([image], "card")
        read_before = {r.url for r in image.prefetched_renditions}
        assert any("fill" in r.filter_spec for r in image.prefetched_renditions)
        image.focal_point_x, image.focal_point_y = 760, 250
        image.focal_point_width, image.focal_point_height = 40, 40
        html = render('{% illustration image variant="card" %}', image=image)
        current = image.get_rendition("fill-384x256|format-avif")
        assert current.url in html
        shown = set(re.findall(r"/media/[^ \"]+", html))
        assert not shown & read_before

    def test_helpers_prefetch_for_pages_and_loose_images(
        self, site_tree, artwork, django_assert_num_queries
    ):
        for _n in range(3):
            factories.StoryPageFactory(parent=site_tree["stories"], hero_image=artwork)
        from collection.models import StoryPage

        stories = list(with_illustrations(StoryPage.objects.live(), "hero_image"))
        with django_assert_num_queries(0):
            for story in stories:
                render('{% illustration image variant="card" %}', image=story.hero_image)
        loose = [Illustration.objects.select_related("illustrator").get(pk=artwork.pk)]
        prefetch_renditions_for(loose, "wide")
        with django_assert_num_queries(0):
            render("{% illustration image %}", image=loose[0])
        assert specs_for_variants(["card"])[0] == "fill-384x256|format-avif"


@pytest.mark.django_db
class TestCreditsPage:
    def test_lists_published_illustrations_with_credit_licence_and_stories(self, client, site_tree):
        illustrator = factories.ContributorPageFactory(
            parent=site_tree["contributors"], title="Kofi Boateng", slug="kofi"
        )
        shown = factories.IllustrationFactory(
            title="Ladder", illustrator=illustrator, illustrator_name="", licence="cc-by-sa"
        )
        in_block = factories.IllustrationFactory(title="Bands", illustrator_name="Li Wei")
        draft_only = factories.IllustrationFactory(title="Secret draft art")
        factories.StoryPageFactory(
            parent=site_tree["stories"], title="Consent and biobanks", hero_image=shown
        )
        factories.StoryPageFactory(
            parent=site_tree["stories"],
            title="Missing rungs",
            body=[
                {
                    "type": "illustration",
                    "value": {
                        "image": {"image": in_block.pk, "alt_text": "Bands", "decorative": False},
                        "caption": "",
                        "width": "wide",
                    },
                }
            ],
        )
        factories.StoryPageFactory(
            parent=site_tree["stories"], title="Unpublished", hero_image=draft_only, live=False
        )
        response = client.get("/credits/")
        assert response.status_code == 200
        html = response.content.decode()
        assert html.count('class="story-card credits-card"') == 2  # not the draft's art
        assert ">Unpublished</a>" not in html
        assert "Illustration: Li Wei, Commissioned (all rights reserved)" in html
        assert '<a href="/contributors/kofi/">Kofi Boateng</a>' in html
        assert "https://creativecommons.org/licenses/by-sa/4.0/" in html
        assert ">Consent and biobanks</a>" in html
        assert ">Missing rungs</a>" in html
        assert '<source type="image/avif"' in html

    def test_query_count_does_not_grow_with_30_illustrated_stories(
        self, client, site_tree, django_assert_max_num_queries, django_capture_on_commit_callbacks
    ):
        illustrator = factories.ContributorPageFactory(parent=site_tree["contributors"])
        with django_capture_on_commit_callbacks(execute=True):  # renditions made at upload
            for n in range(30):
                image = factories.IllustrationFactory(
                    title=f"Card art {n}", illustrator=illustrator if n % 2 else None
                )
                factories.StoryPageFactory(parent=site_tree["stories"], hero_image=image)
        # 10 measured: session-free page, references, pages, images with renditions, and the
        # site-root lookup; none of them per illustration.
        with django_assert_max_num_queries(12):
            response = client.get("/credits/")
        assert response.content.decode().count("<figure") == 30

    def test_portfolio_on_an_illustrators_page(self, client, site_tree):
        illustrator = factories.ContributorPageFactory(
            parent=site_tree["contributors"], title="Ama Mensah"
        )
        mine = factories.IllustrationFactory(title="Mine", illustrator=illustrator)
        theirs = factories.IllustrationFactory(title="Theirs")
        for image in (mine, theirs):
            factories.StoryPageFactory(
                parent=site_tree["stories"], hero_image=image, title=f"Story with {image.title}"
            )
        html = render("{% illustrator_portfolio page %}", page=illustrator)
        assert "Story with Mine" in html
        assert "Story with Theirs" not in html


@pytest.mark.django_db
def test_contributor_page_shows_the_illustrators_portfolio_in_constant_queries(
    client, site_tree, django_capture_on_commit_callbacks
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    illustrator = factories.ContributorPageFactory(
        parent=site_tree["contributors"],
        title="Mei Lin Tan",
        slug="mei-lin-tan",
        roles=["illustrator"],
    )

    def add_plates(first, last):
        with django_capture_on_commit_callbacks(execute=True):  # renditions made at upload
            for n in range(first, last):
                image = factories.IllustrationFactory(title=f"Plate {n}", illustrator=illustrator)
                factories.StoryPageFactory(
                    parent=site_tree["stories"], hero_image=image, title=f"Illustrated story {n}"
                )

    def visit():
        with CaptureQueriesContext(connection) as queries:
            response = client.get("/contributors/mei-lin-tan/")
        return response.content.decode(), len(queries)

    add_plates(0, 2)
    client.get("/contributors/mei-lin-tan/")  # warm the site-root cache, as any visit does
    _html, few = visit()
    add_plates(2, 12)
    html, many = visit()
    assert many == few
    assert html.count("Illustrations by Mei Lin Tan") == 1  # once, with the illustrator role
    assert html.count('id="portfolio-heading"') == 1
    assert html.count('class="story-card portfolio__item"') == 12
    assert ">Illustrated story 11</a>" in html


@pytest.mark.django_db
def test_an_image_whose_file_is_missing_is_left_out_not_fatal(artwork):
    artwork.renditions.all().delete()
    IllustrationRendition.cache_backend.clear()
    artwork.file.storage.delete(artwork.file.name)
    image = Illustration.objects.get(pk=artwork.pk)
    assert render("{% illustration image %}", image=image).strip() == ""


@pytest.mark.django_db
def test_make_site_renditions_backfills_every_image():
    from django.core.management import call_command

    images = [factories.IllustrationFactory() for _ in range(2)]  # no task ran for these
    assert not IllustrationRendition.objects.exists()
    out = io.StringIO()
    call_command("make_site_renditions", "--now", stdout=out)
    assert "Made the site's renditions of 2 images." in out.getvalue()
    for image in images:
        made = set(image.renditions.values_list("filter_spec", flat=True))
        assert made == set(all_site_specs(image))
    call_command("make_site_renditions", str(images[0].pk), stdout=out)  # queued (inline here)
    assert "Queued the site's renditions of 1 image." in out.getvalue()
