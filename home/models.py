"""The home page and site-wide settings."""

from django.db import models
from django.db.models import Count, Q
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField

from collection.blocks import LinkBlock
from collection.models import BasePage, SeriesPage, StoryPage, Theme
from collection.models.series import with_cover_data
from collection.models.stories import with_card_data


class HomePage(BasePage):
    introduction = RichTextField(
        features=["bold", "italic", "link"],
        blank=True,
        help_text="A few sentences that tell a first-time visitor what the collection is.",
    )
    featured_story = models.ForeignKey(
        "collection.StoryPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The story shown first. Leave blank to feature the newest story.",
    )
    share_invitation = models.TextField(
        blank=True,
        max_length=400,
        help_text="A sentence inviting readers to share their own story.",
    )

    content_panels = BasePage.content_panels + [
        FieldPanel("introduction"),
        FieldPanel("featured_story"),
        FieldPanel("share_invitation"),
    ]

    template = "home/home_page.html"
    parent_page_types = ["wagtailcore.Page"]
    max_count = 1

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        stories = with_card_data(StoryPage.objects.live().order_by("-first_published", "-pk"))
        featured = None
        if self.featured_story_id:
            featured = stories.filter(pk=self.featured_story_id).first()
        if featured is None:
            featured = stories.first()
        context["featured_story"] = featured
        latest = stories
        if featured:
            latest = latest.exclude(pk=featured.pk)
        context["latest_stories"] = list(latest[:6])
        context["series_list"] = list(
            with_cover_data(SeriesPage.objects.live().order_by("title"))[:6]
        )
        context["themes"] = Theme.objects.annotate(
            story_count=Count("stories", filter=Q(stories__live=True), distinct=True)
        ).filter(story_count__gt=0)
        return context


@register_setting(icon="site")
class SiteFooterSettings(BaseSiteSetting):
    about_text = models.TextField(
        blank=True, help_text="A line about the collection shown in every page's footer."
    )
    contact_email = models.EmailField(blank=True, help_text="Where readers can write to us.")
    social_links = StreamField(
        [("link", LinkBlock())], blank=True, help_text="Our profiles on other sites."
    )

    panels = [FieldPanel("about_text"), FieldPanel("contact_email"), FieldPanel("social_links")]

    class Meta:
        verbose_name = "footer and social links"
