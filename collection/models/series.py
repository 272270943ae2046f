"""Series: ordered runs of stories. The order of a series lives here and nowhere else."""

from django.conf import settings
from django.db import models
from django.template.loader import render_to_string
from django.utils.functional import SimpleLazyObject
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable
from wagtail.search import index

from illustrations.json_columns import loaded_instance

from ..translated_relations import TranslatedRelations
from .base import BasePage


def with_cover_data(queryset):
    """Add what a series card shows (cover with renditions, number of live stories in the
    series' own language)."""
    from ..listings import live_story_count

    return (
        queryset.select_related("cover_image", "cover_image__illustrator")
        .prefetch_related("cover_image__renditions")
        .annotate(story_count=live_story_count())
    )


class SeriesIndexPage(BasePage):
    introduction = RichTextField(
        features=["bold", "italic", "link"],
        blank=True,
        help_text="A short welcome above the list of series.",
    )

    content_panels = BasePage.content_panels + [FieldPanel("introduction")]

    template = "collection/series_index_page.html"
    parent_page_types = ["home.HomePage"]
    subpage_types = ["collection.SeriesPage"]
    max_count = 1

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        from .. import cards
        from ..listings import own_language

        def series_ids():
            return list(
                SeriesPage.objects.child_of(self)
                .live()
                .filter(own_language())
                .order_by("title")
                .values_list("pk", flat=True)
            )

        # Made only when rendered: not when the page's content was kept whole ({% keep %}).
        context["series_cards"] = SimpleLazyObject(
            lambda: cards.series_cards(request, series_ids(), heading_level=2)
        )
        return context


class SeriesPage(BasePage):
    introduction = RichTextField(
        features=["bold", "italic", "link"],
        help_text="What the series is about and why it exists.",
    )
    cover_image = models.ForeignKey(
        settings.WAGTAILIMAGES_IMAGE_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The series' cover illustration.",
    )

    content_panels = BasePage.content_panels + [
        FieldPanel("introduction"),
        FieldPanel("cover_image"),
        InlinePanel(
            "series_stories",
            label="Stories in order",
            heading="Stories",
            help_text="Drag to set the order readers follow.",
        ),
    ]
    search_fields = BasePage.search_fields + [index.SearchField("introduction")]
    # A translated series runs through the translated stories, where they exist.
    translated_relations = TranslatedRelations(children={"series_stories": "story"})

    template = "collection/series_page.html"
    parent_page_types = ["collection.SeriesIndexPage"]
    subpage_types = []

    def live_stories(self):
        """The ids of the series' live stories in its own language, in the series' order, and
        the first one (a page carrying what links to it, for "start from part 1"), read with the
        series' rows in one query compiled once per process (operations/compiled_queries.py).
        The cards come whole from collection/cards.py."""
        from operations.compiled_queries import run_compiled

        from ..listings import series_rows
        from .stories import StoryPage

        def build(series_id, locale_id):
            rows = series_rows(series_id, locale_id, fields=("url_path",))
            return rows.values_list("local_id", "local_url_path")

        first, ids = None, {}
        for pk, url_path in run_compiled(
            "series-stories", build, series_id=self.pk, locale_id=self.locale_id
        ):
            if pk is not None and pk not in ids:
                ids[pk] = url_path
        if ids:
            pk, url_path = next(iter(ids.items()))
            first = loaded_instance(StoryPage, id=pk, url_path=url_path, locale_id=self.locale_id)
        return list(ids), first

    def render_header(self, request):
        """What is kept of a series by revision (collection/story_body.py): its introduction and
        cover figure as HTML, and the social card the head shows."""
        from wagtail.templatetags.wagtailcore_tags import richtext

        from ..social import social_image_for

        return {
            "introduction": str(richtext(self.introduction)),
            "cover": render_to_string(
                "collection/includes/series_cover.html", {"page": self}, request=request
            ),
            "social": social_image_for(self, request),
        }

    def get_context(self, request, *args, **kwargs):
        from .. import cards, fragments
        from ..story_body import kept_body

        def story_list():
            ids, first = self.live_stories()
            return {"ids": ids, "start_url": first.get_url(request) if first else ""}

        context = super().get_context(request, *args, **kwargs)
        parts = kept_body(request, self, lambda: self.render_header(request))
        context["introduction_html"] = parts["introduction"]
        context["cover_html"] = parts["cover"]
        context["kept_as"] = parts["kept_as"]
        context["kept_social_image"] = parts["social"]
        # Which stories, in which order, and where part 1 is: kept until content changes.
        kept = fragments.remember(request, "series-stories", self.pk, story_list)
        context["story_count"] = len(kept["ids"])
        context["start_url"] = kept["start_url"]
        # Made only when rendered: not when the series' content was kept whole ({% keep %}).
        context["story_cards"] = SimpleLazyObject(lambda: cards.story_cards(request, kept["ids"]))
        return context


class SeriesStory(Orderable):
    series = ParentalKey(SeriesPage, on_delete=models.CASCADE, related_name="series_stories")
    story = models.ForeignKey(
        "collection.StoryPage",
        on_delete=models.CASCADE,
        related_name="series_memberships",
        help_text="A story in this series.",
    )

    panels = [FieldPanel("story")]

    class Meta(Orderable.Meta):
        unique_together = [("series", "story")]
        verbose_name = "story in series"
