"""Stories (articles, podcasts, videos, illustrated essays, personal stories) and their index."""

import math
import uuid
from dataclasses import dataclass
from urllib.parse import urlencode

from django import forms
from django.conf import settings
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import models
from django.db.models import Count, Prefetch
from django.http import Http404
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.html import strip_tags
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable
from wagtail.search import index

from ..blocks import StoryBodyBlock
from .base import LINK_FIELDS, BasePage
from .contributors import ContributorRole

# Words a reader gets through in a minute, for the "n min read" line.
READING_WORDS_PER_MINUTE = 220
STORIES_PER_PAGE = 12


@dataclass(frozen=True)
class ContributorLink:
    """What a credit line shows of a contributor: their name, and their page's addresses when
    it is live (empty otherwise, so no link leads to a page readers cannot see)."""

    title: str
    url: str
    full_url: str


@dataclass(frozen=True)
class Credit:
    contributor: ContributorLink
    role: str

    def get_role_display(self):
        return ContributorRole(self.role).label if self.role in ContributorRole.values else ""


class StoryFormat(models.TextChoices):
    ARTICLE = "article", "Article"
    PODCAST = "podcast", "Podcast"
    VIDEO = "video", "Video"
    ILLUSTRATED_ESSAY = "illustrated-essay", "Illustrated essay"
    PERSONAL_STORY = "personal-story", "Personal story"


def with_card_data(queryset, themes=False):
    """Add everything a story card shows, so a listing costs the same queries for 5 or 500.

    Cards show the hero illustration (with its renditions and credit) and the contributors with
    their roles; `themes=True` adds the themes too (the feeds list them as categories).
    """
    from illustrations.renditions import with_illustrations

    queryset = with_illustrations(queryset, "hero_image", variants=("card", "hero"))
    if themes:
        queryset = queryset.prefetch_related("themes")
    return queryset.prefetch_related(
        Prefetch(
            "story_contributors",
            queryset=StoryContributor.objects.select_related("contributor").order_by("sort_order"),
        ),
    )


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

    def get_filters(self, request):
        """The filters a reader chose in the query string, with unknown values dropped."""
        from .series import SeriesPage
        from .themes import Theme

        filters = {"theme": None, "format": None, "series": None}
        theme_slug = request.GET.get("theme", "").strip()
        if theme_slug:
            filters["theme"] = Theme.objects.filter(slug=theme_slug).first()
        story_format = request.GET.get("format", "").strip()
        if story_format in StoryFormat.values:
            filters["format"] = story_format
        series_slug = request.GET.get("series", "").strip()
        if series_slug:
            filters["series"] = SeriesPage.objects.live().filter(slug=series_slug).first()
        return filters

    def route(self, request, path_components):
        """Find a story by its slug in one query (Wagtail's default loads the page and then its
        specific type: two)."""
        if path_components:
            slug, *remaining = path_components
            # With the hero illustration, which the head (social image) needs.
            story = (
                StoryPage.objects.child_of(self)
                .filter(slug=slug)
                .select_related("hero_image")
                .first()
            )
            if story is not None:
                story._cached_parent_obj = self  # as Wagtail does: saves a query for the parent
                story._routing_request = request  # see BasePage.get_view_restrictions
                return story.route(request, remaining)
        # Anything else (no such story, or this page itself) the usual way.
        return super().route(request, path_components)

    def get_context(self, request, *args, **kwargs):
        from .series import SeriesPage
        from .themes import Theme

        context = super().get_context(request, *args, **kwargs)
        filters = self.get_filters(request)
        stories = StoryPage.objects.child_of(self).live()
        if filters["theme"]:
            stories = stories.filter(themes=filters["theme"])
        if filters["format"]:
            stories = stories.filter(format=filters["format"])
        if filters["series"]:
            stories = stories.filter(series_memberships__series=filters["series"])
        # Only ids are paged through: the cards come whole from collection/cards.py, which
        # loads card data for just the stories whose cards are not kept yet.
        story_ids = stories.order_by("-first_published", "-pk").values_list("pk", flat=True)

        paginator = Paginator(story_ids, STORIES_PER_PAGE)
        try:
            stories_page = paginator.page(request.GET.get("page", 1))
        except PageNotAnInteger:
            stories_page = paginator.page(1)
        except EmptyPage:
            stories_page = paginator.page(paginator.num_pages)

        # The active filters as a query string, so pagination links keep them.
        active = {}
        if filters["theme"]:
            active["theme"] = filters["theme"].slug
        if filters["format"]:
            active["format"] = filters["format"]
        if filters["series"]:
            active["series"] = filters["series"].slug
        from .. import cards

        context.update(
            {
                "stories": stories_page,
                "story_cards": cards.story_cards(request, stories_page.object_list),
                "paginator": paginator,
                "filters": filters,
                "active_filters": active,
                "format_label": dict(StoryFormat.choices).get(filters["format"], ""),
                "filter_query": urlencode(active),
                "theme_options": Theme.objects.all(),
                "format_options": StoryFormat.choices,
                "series_options": SeriesPage.objects.live().order_by("title"),
            }
        )
        return context


class StoryPage(RoutablePageMixin, BasePage):
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
    # A copy is a new story: it gets its own podcast GUID.
    exclude_fields_in_copy = ["podcast_guid"]

    template = "collection/story_page.html"
    parent_page_types = ["collection.StoryIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = "story"
        verbose_name_plural = "stories"

    # --- The audio and video the story uses -------------------------------------------------

    def _media_ids(self):
        """Ids of uploaded audio and video items in the body, in the order they appear."""
        ids = []
        for item in self.body.raw_data:
            value = item.get("value") or {}
            if item.get("type") == "podcast_episode" and value.get("audio"):
                ids.append(value["audio"])
            elif item.get("type") == "video" and value.get("video"):
                ids.append(value["video"])
        return ids

    def media_items(self):
        """The uploaded audio and video items of the story, fetched in one query."""
        if not hasattr(self, "_media_items_cache"):
            from .media import StoryMedia

            ids = self._media_ids()
            by_id = StoryMedia.objects.in_bulk(ids) if ids else {}
            seen = set()
            items = []
            for media_id in ids:
                if media_id in by_id and media_id not in seen:
                    seen.add(media_id)
                    items.append(by_id[media_id])
            self._media_items_cache = items
        return self._media_items_cache

    def media_transcripts(self):
        """The plain text of every transcript of the story's media (for the search index)."""
        return "\n".join(strip_tags(item.transcript) for item in self.media_items())

    def episode(self):
        """The story's podcast episode: the first uploaded audio in the body, or None.

        Returns a dict with the audio item, the episode title and the show notes.
        """
        audio_by_id = {item.pk: item for item in self.media_items() if item.type == "audio"}
        for item in self.body.raw_data:
            value = item.get("value") or {}
            if item.get("type") == "podcast_episode" and value.get("audio") in audio_by_id:
                audio = audio_by_id[value["audio"]]
                return {
                    "audio": audio,
                    "title": value.get("episode_title") or audio.title,
                    "show_notes": value.get("show_notes") or "",
                }
        return None

    def video(self):
        """The story's first video block as a dict (uploaded item or external URL), or None."""
        video_by_id = {item.pk: item for item in self.media_items() if item.type == "video"}
        for item in self.body.raw_data:
            value = item.get("value") or {}
            if item.get("type") == "video":
                return {
                    "video": video_by_id.get(value.get("video")),
                    "url": value.get("url") or "",
                    "title": value.get("title") or "",
                }
        return None

    def transcripts(self):
        """Everything a reader can read instead of listening or watching, in body order."""
        entries = []
        media_by_id = {item.pk: item for item in self.media_items()}
        for item in self.body.raw_data:
            value = item.get("value") or {}
            if item.get("type") == "podcast_episode":
                media = media_by_id.get(value.get("audio"))
                if media and media.transcript:
                    title = value.get("episode_title") or media.title
                    entries.append({"title": title, "html": media.transcript, "kind": "audio"})
            elif item.get("type") == "video":
                media = media_by_id.get(value.get("video"))
                if media and media.transcript:
                    entries.append(
                        {"title": media.title, "html": media.transcript, "kind": "video"}
                    )
                elif value.get("transcript"):
                    entries.append(
                        {
                            "title": value.get("title") or "Video",
                            "html": value["transcript"],
                            "kind": "video",
                        }
                    )
        return entries

    def has_transcript_page(self):
        """Whether the body holds media or an external video transcript, read from the raw
        body without a query (publishing requires a transcript for every audio item)."""
        for item in self.body.raw_data:
            value = item.get("value") or {}
            if item.get("type") == "podcast_episode" and value.get("audio"):
                return True
            if item.get("type") == "video" and (value.get("video") or value.get("transcript")):
                return True
        return False

    def get_sitemap_urls(self, request=None):
        urls = super().get_sitemap_urls(request)
        if self.has_transcript_page():
            urls.append(
                {
                    "location": self.get_full_url(request) + self.reverse_subpage("transcript"),
                    "lastmod": urls[0]["lastmod"],
                }
            )
        return urls

    def transcript_url(self):
        """The address of the story's transcript page (the podcast feed links here)."""
        return self.url + self.reverse_subpage("transcript")

    def full_transcript_url(self, request=None):
        return self.get_full_url(request) + self.reverse_subpage("transcript")

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

    # --- What readers see around the body ---------------------------------------------------

    def _body_text(self):
        words = []

        def walk(value):
            if isinstance(value, str):
                words.extend(strip_tags(value).split())
            elif isinstance(value, dict):
                for key, child in value.items():
                    # Ids, URLs and choice values are not read.
                    if key not in ("id", "url", "doi", "level", "width", "style", "type"):
                        walk(child)
            elif isinstance(value, list):
                for child in value:
                    walk(child)

        for item in self.body.raw_data:
            walk(item.get("value"))
        return words

    def time_to_read(self):
        """'6 min read', or for a podcast or video the running time of its media."""
        duration = 0
        if self.format in (StoryFormat.PODCAST, StoryFormat.VIDEO):
            duration = sum(item.duration or 0 for item in self.media_items())
        if duration:
            minutes = max(1, round(duration / 60))
            verb = "listen" if self.format == StoryFormat.PODCAST else "watch"
            return f"{minutes} min {verb}"
        minutes = max(1, math.ceil(len(self._body_text()) / READING_WORDS_PER_MINUTE))
        return f"{minutes} min read"

    def body_with_heading_levels(self):
        """Each body block with the heading level its own heading should use.

        Section headings open a section; a block's own heading (an episode title, a key facts
        box) sits one level below the section it is in, so the outline never skips a level.
        """
        section_level = 1  # the page's h1
        blocks = []
        self.prefetch_body_illustrations()
        for block in self.body:
            if block.block_type == "section_heading":
                wanted = 3 if block.value.get("level") == "h3" else 2
                # An h3 with no h2 before it would skip a level: render it as h2.
                section_level = min(wanted, section_level + 1)
                blocks.append((block, section_level))
            else:
                blocks.append((block, min(section_level + 1, 6)))
        return blocks

    def prefetch_body_illustrations(self):
        """Fetch the renditions and illustrators of every image in the body at once, so a
        story with twenty illustrations costs the same queries as a story with one.

        Runs once per request (the view calls it before rendering so the head and the hero
        need no queries of their own); each image's renditions are read only for the variant
        it is shown in.
        """
        if getattr(self, "_body_illustrations_prefetched", False):
            return
        self._body_illustrations_prefetched = True
        from django.db.models import Prefetch, prefetch_related_objects

        from illustrations.renditions import SOCIAL_SPEC, prefetch_variant_renditions

        from .contributors import ContributorPage

        uses = []
        for block in self.body:
            if block.block_type == "illustration":
                uses.append((block.value.get("image"), (block.value.get("width") or "wide",)))
            elif block.block_type in ("video", "embed"):
                uses.append((block.value.get("poster"), ("wide",)))
        if self.hero_image_id:
            # The head's social card image too (collection/templatetags/site_tags.py).
            uses.append((self.hero_image, ("hero", SOCIAL_SPEC)))
        uses = [(image, variants) for image, variants in uses if image]
        if uses:
            # One query for all the illustrators (what a credit line shows of them) and one for
            # all the renditions, the hero's included.
            images = list({id(image): image for image, _ in uses}.values())
            prefetch_related_objects(
                images,
                Prefetch(
                    "illustrator",
                    queryset=ContributorPage.objects.only(*LINK_FIELDS),
                ),
            )
            prefetch_variant_renditions(uses)

    def credits(self, request=None):
        """The story's contributors with their roles, in order (worked out once per request).

        Each is a `Credit` whose contributor carries only their name and addresses (none for a
        contributor whose page is not live). The names and addresses are kept per content
        generation (collection/fragments.py), since the same people are credited on many
        stories; a preview reads the draft's own credits and keeps nothing.
        """
        if not hasattr(self, "_credits_cache"):
            from .. import fragments
            from .contributors import ContributorPage

            rows = fragments.remember(
                request,
                "story-credit-rows",
                self.pk,
                lambda: [
                    (credit.contributor_id, credit.role)
                    for credit in self.story_contributors.all().order_by("sort_order")
                ],
            )

            def links(ids):
                people = ContributorPage.objects.filter(pk__in=ids).only(*LINK_FIELDS)
                return {
                    person.pk: ContributorLink(
                        title=person.title,
                        url=(person.get_url(request) or "") if person.live else "",
                        full_url=(person.get_full_url(request) or "") if person.live else "",
                    )
                    for person in people
                }

            found = fragments.remember_many(
                request, "contributor-link", [pk for pk, _ in rows], links
            )
            self._credits_cache = [
                Credit(contributor=found[pk], role=role) for pk, role in rows if pk in found
            ]
        return self._credits_cache

    def theme_list(self, request=None):
        """The story's themes (worked out once per request: the head, footer and related use
        them), kept per content generation when a request is given."""
        if not hasattr(self, "_themes_cache"):
            from .. import fragments

            self._themes_cache = fragments.remember(
                request, "story-themes", self.pk, lambda: list(self.themes.all())
            )
        return self._themes_cache

    def related_story_ids(self, limit=3):
        """Ids of the live stories sharing the most themes with this one, newest first.

        The ranking runs on the story-theme link table alone (grouping by story id): ranking
        whole page rows cost tens of milliseconds with a few thousand stories.
        """
        theme_ids = [theme.pk for theme in self.theme_list()]
        if not theme_ids:
            return []
        links = StoryPage.themes.through.objects
        return list(
            links.filter(theme_id__in=theme_ids, storypage__live=True)
            .exclude(storypage_id=self.pk)
            .values("storypage_id")
            .annotate(shared_themes=Count("theme_id"))
            .order_by("-shared_themes", "-storypage__first_published", "-storypage_id")
            .values_list("storypage_id", flat=True)[:limit]
        )

    def related_cards(self, request):
        """The related stories' cards as HTML. The ranking and the cards are kept until content
        changes (collection/fragments.py, collection/cards.py), so a story read again, or a card
        already shown elsewhere, costs no query."""
        from .. import cards, fragments

        ranked = fragments.remember(request, "related-stories", self.pk, self.related_story_ids)
        return cards.story_cards(request, ranked, heading_level=3)

    def series_context(self, request=None):
        """The series this story is in, with its previous and next live stories, as plain
        values (title and URL) that are kept until content changes.

        Only the ids of the series' live stories are read (for the position and length); the
        two neighbours are then loaded by id, so a long series costs no more than a short one.
        """
        from .. import fragments

        return fragments.remember(
            request, "series-navigation", self.pk, lambda: self._series_context(request)
        )

    def _series_context(self, request):
        from .series import SeriesStory

        membership = self.series_memberships.select_related("series").first()
        if not membership or not membership.series.live:
            return {}
        series = membership.series
        ids = list(
            SeriesStory.objects.filter(series=series, story__live=True)
            .order_by("sort_order", "pk")
            .values_list("story_id", flat=True)
        )

        def link(page):
            return {"title": page.title, "url": page.get_url(request)} if page else None

        context = {"series": link(series), "series_length": len(ids)}
        if self.pk in ids:
            position = ids.index(self.pk)
            previous_id = ids[position - 1] if position > 0 else None
            next_id = ids[position + 1] if position + 1 < len(ids) else None
            wanted = [pk for pk in (previous_id, next_id) if pk is not None]
            neighbours = StoryPage.objects.only(*LINK_FIELDS).in_bulk(wanted) if wanted else {}
            context["series_position"] = position + 1
            context["series_previous"] = link(neighbours.get(previous_id))
            context["series_next"] = link(neighbours.get(next_id))
        return context

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        self.prefetch_body_illustrations()
        self.theme_list(request)
        context["credits"] = self.credits(request)
        context.update(self.series_context(request))
        context["related_cards"] = self.related_cards(request)
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
