"""The story page (articles, podcasts, videos, illustrated essays, personal stories): its fields,
editor panels, transcript page and publishing, and its contributors. What it does with its media
is in story_media.py, what readers see around the body in story_reading.py, its themes, related
stories and series navigation in story_neighbours.py, the index in story_index.py."""

import uuid

from django import forms
from django.conf import settings
from django.db import models
from django.http import Http404
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.functional import SimpleLazyObject
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Orderable
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from ..blocks import StoryBodyBlock
from ..translated_relations import TranslatedRelations
from .base import BasePage
from .contributors import ContributorRole
from .live_story_themes import index_stories, saved_fields_matter
from .story_formats import StoryFormat
from .story_media import StoryMediaMixin
from .story_neighbours import StoryNeighboursMixin
from .story_reading import StoryReadingMixin


class StoryPage(
    StoryMediaMixin, StoryReadingMixin, StoryNeighboursMixin, RoutablePageMixin, BasePage
):
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
        help_text="The date shown on the story; stories are listed newest first. A story "
        "scheduled to go live takes its go-live date until it is first published.",
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
            [
                FieldPanel("format"),
                FieldPanel("first_published"),
                # Labelled checkboxes: a multiple select needs Ctrl-click and hides choices.
                FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
            ],
            heading="About the story",
        ),
        FieldPanel("hero_image"),
        InlinePanel("story_contributors", label="Contributor", heading="Contributors"),
        FieldPanel("body"),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        # What is said in the story's audio and video, so a search finds spoken words too.
        # Re-indexed when a transcript changes (collection/signals.py).
        index.SearchField("media_transcripts"),
        index.FilterField("format"),
        index.FilterField("first_published"),
    ]
    # A copy is a new story: it gets its own podcast GUID. So does a translation, which
    # wagtail-localize makes by copying (and never syncs: the field is not editable), since it
    # is another episode in another language's feed.
    exclude_fields_in_copy = ["podcast_guid"]
    # What wagtail-localize's defaults get wrong here (see collection/translated_relations.py):
    # themes are left out of translations altogether unless named; the date a story is shown
    # with is the same in every language and not for translators to change.
    override_translatable_fields = [
        SynchronizedField("themes"),
        SynchronizedField("first_published", overridable=False),
    ]
    translated_relations = TranslatedRelations(
        many_to_many=["themes"], children={"story_contributors": "contributor"}
    )

    template = "collection/story_page.html"
    parent_page_types = ["collection.StoryIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = "story"
        verbose_name_plural = "stories"
        indexes = [
            # The related-stories ranking and the home page's theme counts join every story
            # sharing a theme to its publication date: read from this index alone rather
            # than from the rows, body and all (migration 0008).
            models.Index(fields=["page_ptr", "first_published"], name="story_published_idx"),
        ]

    # --- Scheduling ---------------------------------------------------------------------------

    def follow_go_live_date(self):
        """A story not yet published but scheduled to go live shows its go-live date."""
        if self.go_live_at and self.first_published_at is None:
            self.first_published = timezone.localdate(self.go_live_at)

    def save_revision(self, *args, **kwargs):
        self.follow_go_live_date()
        return super().save_revision(*args, **kwargs)

    def save(self, *args, **kwargs):
        """Saves the story, then rewrites its rows of the related-stories ranking from what was
        saved (live_story_themes.py): after its themes are written, which modelcluster does
        once the page row is."""
        result = super().save(*args, **kwargs)
        if saved_fields_matter(kwargs.get("update_fields")):
            index_stories([self.pk])
        return result

    def publish(self, revision, *args, **kwargs):
        """As BasePage.publish; a story first published by its schedule was first published at
        its go-live time (Wagtail records when the scheduler ran, a minute or more later)."""
        never_published = self.first_published_at is None
        result = super().publish(revision, *args, **kwargs)
        go_live_at = revision.as_object().go_live_at
        if never_published and go_live_at and go_live_at <= timezone.now():
            StoryPage.objects.filter(pk=self.pk, live=True).update(first_published_at=go_live_at)
            self.first_published_at = go_live_at
        return result

    @path("transcript/", name="transcript")
    def transcript(self, request):
        """The transcripts of the story's audio and video, at their own address."""
        entries = self.transcripts()
        if not entries:
            raise Http404("This story has no transcript.")
        # Only what the transcript page shows: not the related stories or series of the story.
        context = super().get_context(request)
        context["transcripts"] = entries
        context["credits"] = self.credits(request)
        return TemplateResponse(request, "collection/story_transcript.html", context)

    def serve(self, request, view=None, args=None, kwargs=None):
        # RoutablePageMixin calls the route's view directly, bypassing BasePage.serve.
        response = super().serve(request, view, args, kwargs)
        if not response.has_header("Cache-Control"):
            patch_cache_control(response, public=True, max_age=self.cache_max_age)
        return response

    def render_body(self, request):
        """What is kept of a story by revision (collection/story_body.py): its body's blocks as
        HTML (each heading at its level in the page's outline), its hero figure, and the social
        card the head shows."""
        from ..social import social_image_for

        self.prefetch_body_illustrations()
        self.prefetch_body_media_texts()
        return {
            "body": render_to_string(
                "collection/includes/story_body.html", {"page": self}, request=request
            ),
            "hero": render_to_string(
                "collection/includes/story_hero.html", {"page": self}, request=request
            ),
            "social": social_image_for(self, request),
        }

    def get_context(self, request, *args, **kwargs):
        from ..story_body import kept_body

        context = super().get_context(request, *args, **kwargs)
        parts = kept_body(request, self, lambda: self.render_body(request))
        context["body_html"] = parts["body"]
        context["hero_html"] = parts["hero"]
        context["kept_social_image"] = parts["social"]
        context["kept_as"] = parts["kept_as"]
        # Worked out only when the template renders them: not at all when the story's content
        # was kept whole ({% keep "story" %}).
        context["credits"] = SimpleLazyObject(lambda: self.credits(request))
        context["series_nav"] = SimpleLazyObject(lambda: self.series_context(request))
        context["related_cards"] = SimpleLazyObject(lambda: self.related_cards(request))
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
