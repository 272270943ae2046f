"""The home page and site-wide settings."""

from django.db import models
from django.db.models import Count
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField

from collection import cards, fragments
from collection.blocks import LinkBlock
from collection.listings import more_in_default_language, own_language
from collection.models import BasePage, SeriesPage, StoryPage, Theme
from collection.models.series import with_cover_data


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
        # Only this home page's language: every language's home lists its own stories.
        latest = StoryPage.objects.live().filter(own_language(), locale_id=self.locale_id)
        latest = latest.order_by("-first_published", "-pk")
        featured_id = None
        if self.featured_story_id:
            # The featured story as chosen in the source language, in this page's language
            # (a translated home page keeps the English story it was copied with).
            chosen = StoryPage.objects.filter(pk=self.featured_story_id).values("translation_key")
            featured_id = latest.filter(translation_key__in=chosen).values_list("pk", flat=True)
            featured_id = featured_id.first()
        # The newest seven are enough for the featured story and six more.
        ids = list(latest.values_list("pk", flat=True)[:7])
        if featured_id is None and ids:
            featured_id = ids[0]
        ids = [featured_id] + [pk for pk in ids if pk != featured_id][:6] if featured_id else []
        # The cards come whole from collection/cards.py, which loads card data only for the
        # stories whose cards are not kept yet.
        story_cards = cards.story_cards(request, ids, featured_first=True)
        context["featured_story"] = story_cards[0] if story_cards else None
        context["latest_stories"] = story_cards[1:]
        context["series_list"] = list(
            with_cover_data(
                SeriesPage.objects.live()
                .filter(own_language(), locale_id=self.locale_id)
                .order_by("title")
            )[:6]
        )
        # Counting every theme's live stories scans the whole catalogue: kept until content
        # changes (collection/fragments.py; the key holds the language).
        context["themes"] = fragments.remember(
            request, "themes-with-counts", "home", lambda: theme_counts(self.locale_id)
        )
        context.update(more_in_default_language(self, request, len(story_cards)))
        return context


def theme_counts(locale_id):
    """The themes in this locale that have live stories in it, each with how many.

    A translated story keeps the themes of the story it was translated from (wagtail-localize
    copies the links as they are), so stories are counted by the theme's translation key.
    """
    links = StoryPage.themes.through.objects.filter(
        storypage__live=True, storypage__locale_id=locale_id, storypage__alias_of__isnull=True
    )
    counts = dict(
        links.values("theme__translation_key")
        .annotate(count=Count("storypage_id", distinct=True))
        .values_list("theme__translation_key", "count")
    )
    themes = list(Theme.objects.filter(locale_id=locale_id, translation_key__in=list(counts)))
    for theme in themes:
        theme.story_count = counts[theme.translation_key]
    return themes


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

    @classmethod
    def for_request(cls, request):
        """The site's footer settings, kept until content changes (collection/fragments.py):
        every public page's footer shows them."""
        from wagtail.models import Site

        from collection import fragments

        attr_name = cls.get_cache_attr_name()
        if hasattr(request, attr_name):
            return getattr(request, attr_name)
        site = Site.find_for_request(request)
        if site is None:
            return super().for_request(request)
        site_settings = fragments.remember(
            request,
            "site-settings",
            f"{cls._meta.label_lower}:{site.pk}",
            lambda: cls.for_site(site),
        )
        site_settings._request = request
        setattr(request, attr_name, site_settings)
        return site_settings

    class Meta:
        verbose_name = "footer and social links"
