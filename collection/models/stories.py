"""Stories (articles, podcasts, videos, illustrated essays, personal stories) and their index."""

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable
from wagtail.search import index

from ..blocks import StoryBodyBlock
from .base import BasePage
from .contributors import ContributorRole


class StoryFormat(models.TextChoices):
    ARTICLE = "article", "Article"
    PODCAST = "podcast", "Podcast"
    VIDEO = "video", "Video"
    ILLUSTRATED_ESSAY = "illustrated-essay", "Illustrated essay"
    PERSONAL_STORY = "personal-story", "Personal story"


class StoryIndexPage(BasePage):
    introduction = RichTextField(
        features=["bold", "italic", "link"],
        blank=True,
        help_text="A short welcome above the list of stories.",
    )

    content_panels = BasePage.content_panels + [FieldPanel("introduction")]

    template = "collection/story_index_page.html"
    parent_page_types = ["home.HomePage"]
    subpage_types = ["collection.StoryPage"]
    max_count = 1

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["stories"] = (
            StoryPage.objects.child_of(self)
            .live()
            .select_related("hero_image")
            .order_by("-first_published", "-pk")
        )
        return context


class StoryPage(BasePage):
    summary = models.TextField(
        max_length=400,
        help_text="The standfirst: one or two sentences that tell readers what the story is.",
    )
    format = models.CharField(
        max_length=32,
        choices=StoryFormat.choices,
        default=StoryFormat.ARTICLE,
        help_text="How the story is told. Readers can filter by it.",
    )
    hero_image = models.ForeignKey(
        settings.WAGTAILIMAGES_IMAGE_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The illustration at the top of the story and on its card.",
    )
    themes = ParentalManyToManyField(
        "collection.Theme",
        blank=True,
        related_name="stories",
        help_text="The themes readers can find this story under.",
    )
    first_published = models.DateField(
        default=timezone.localdate,
        help_text="The date shown on the story; stories are listed newest first.",
    )
    content_note = models.TextField(
        blank=True,
        max_length=600,
        help_text="Shown before the story, e.g. 'This story discusses racism in medical "
        "research.' Leave blank if none is needed.",
    )
    body = StreamField(StoryBodyBlock(), help_text="The story itself.")
    podcast_guid = models.UUIDField(
        default=uuid.uuid4,
        editable=False,
        unique=True,
        help_text="The podcast feed's permanent identifier for this story's episode.",
    )

    content_panels = BasePage.content_panels + [
        FieldPanel("summary"),
        FieldPanel("content_note"),
        MultiFieldPanel(
            [FieldPanel("format"), FieldPanel("first_published"), FieldPanel("themes")],
            heading="About the story",
        ),
        FieldPanel("hero_image"),
        InlinePanel("story_contributors", label="Contributor", heading="Contributors"),
        FieldPanel("body"),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("format"),
        index.FilterField("first_published"),
    ]
    # A copy is a new story: it gets its own podcast GUID.
    exclude_fields_in_copy = ["podcast_guid"]

    template = "collection/story_page.html"
    parent_page_types = ["collection.StoryIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = "story"
        verbose_name_plural = "stories"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["credits"] = self.story_contributors.select_related("contributor").all()
        membership = self.series_memberships.select_related("series").first()
        if membership and membership.series.live:
            stories = membership.series.live_stories()
            ids = [story.pk for story in stories]
            position = ids.index(self.pk) if self.pk in ids else None
            context["series"] = membership.series
            if position is not None:
                context["series_previous"] = stories[position - 1] if position > 0 else None
                context["series_next"] = (
                    stories[position + 1] if position + 1 < len(stories) else None
                )
        return context


class StoryContributor(Orderable):
    story = ParentalKey(StoryPage, on_delete=models.CASCADE, related_name="story_contributors")
    contributor = models.ForeignKey(
        "collection.ContributorPage",
        on_delete=models.CASCADE,
        related_name="story_credits",
        help_text="Who worked on or appears in the story.",
    )
    role = models.CharField(
        max_length=32,
        choices=ContributorRole.choices,
        default=ContributorRole.AUTHOR,
        help_text="What they did for this story.",
    )

    panels = [FieldPanel("contributor"), FieldPanel("role")]

    class Meta(Orderable.Meta):
        verbose_name = "contributor"
