"""The home page and site-wide settings."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction
from django.db.models import (
    BooleanField,
    ExpressionWrapper,
    Q,
)
from django.utils import translation
from django.utils.functional import SimpleLazyObject
from django.utils.translation import get_language
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, TranslatableMixin
from wagtail.snippets.models import register_snippet

from collection import cards, fragments
from collection.blocks import LinkBlock
from collection.listings import more_in_default_language, own_language
from collection.models import BasePage, SeriesPage, StoryPage, Theme
from collection.translated_relations import TranslatedRelations
from operations.compiled_queries import run_compiled


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

    # A translated home page features the featured story's translation, where there is one.
    translated_relations = TranslatedRelations(foreign_keys=["featured_story"])

    template = "home/home_page.html"
    parent_page_types = ["wagtailcore.Page"]
    max_count = 1

    def shown_ids(self, loaded_series=None):
        """Ids of the stories (the featured one first, then the six newest) and the series
        (six, by title) the page shows, in its own language only: every language's home lists
        its own stories. The series are read with their card data, put in `loaded_series` (a
        dict, by id) for the cards, so rendering them reads no row again."""

        def newest(locale_id, featured_id):
            latest = StoryPage.objects.live().filter(own_language(), locale_id=locale_id)
            order = ("-first_published", "-pk")
            if featured_id is not None:
                # The featured story as chosen in the source language, in this page's language
                # (a translated home page keeps the English story it was copied with), first.
                chosen = StoryPage.objects.filter(pk=featured_id).values("translation_key")
                featured = Q(translation_key__in=chosen)
                latest = latest.annotate(
                    featured=ExpressionWrapper(featured, output_field=BooleanField())
                )
                order = ("-featured", *order)
            # The featured story (when it is live here) and the newest after it: seven are
            # enough for the featured story and six more.
            return latest.order_by(*order).values_list("pk", flat=True)[:7]

        def series_by_title(locale_id):
            return cards.with_series_card_data(
                SeriesPage.objects.live().filter(own_language(), locale_id=locale_id)
            ).order_by("title")[:6]

        # Both compiled once per process (operations/compiled_queries.py).
        ids = run_compiled(
            "home-newest", newest, locale_id=self.locale_id, featured_id=self.featured_story_id
        )
        series = run_compiled(
            "home-series", series_by_title, shape=(get_language(),), locale_id=self.locale_id
        )
        series_ids = []
        for item in series:
            series_ids.append(item.pk)
            if loaded_series is not None:
                loaded_series[item.pk] = item
        return {"stories": ids, "series": series_ids}

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Which stories and series the page shows: kept until content changes
        # (collection/fragments.py), so a kept home page reads no row to choose them.
        loaded_series = {}  # filled when the ids are worked out, not when they were kept
        shown = fragments.remember(
            request, "home-shown", self.pk, lambda: self.shown_ids(loaded_series)
        )
        ids = shown["stories"]
        # The cards and theme counts are made only when rendered: not when the page's content
        # was kept whole ({% keep %}, collection/templatetags/kept.py).
        story_cards = SimpleLazyObject(lambda: cards.story_cards(request, ids, featured_first=True))
        context["featured_story"] = SimpleLazyObject(
            lambda: story_cards[0] if len(story_cards) else ""
        )
        context["latest_stories"] = SimpleLazyObject(lambda: story_cards[1:])
        context["series_cards"] = SimpleLazyObject(
            lambda: cards.series_cards(request, shown["series"], loaded=loaded_series)
        )
        # Counting every theme's live stories scans the whole catalogue: kept until content
        # changes (collection/fragments.py; the key holds the language).
        context["themes"] = SimpleLazyObject(
            lambda: fragments.remember(
                request, "themes-with-counts", "home", lambda: theme_counts(self.locale_id)
            )
        )
        context.update(more_in_default_language(self, request, len(ids)))
        return context


def theme_counts(locale_id):
    """The themes in this locale that have live stories in it, each with how many, by name.

    A translated story keeps the themes of the story it was translated from (wagtail-localize
    copies the links as they are), so stories are counted by the theme's translation key.
    One query that groups the story-theme links once: counting each theme in a subquery of its
    own took about 20 ms with 2,000 stories, this takes about 4 (3 with the distinct pairs of
    key and story hashed rather than COUNT(DISTINCT) sorting every link).
    """
    links = StoryPage.themes.through._meta
    theme = Theme._meta.db_table
    page = Page._meta.db_table
    story_column = links.get_field("storypage").column
    theme_column = links.get_field("theme").column
    sql = f"""
        SELECT theme.*, counted.story_count FROM {theme} theme
        INNER JOIN (
            SELECT pairs.translation_key, COUNT(*) AS story_count FROM (
                SELECT DISTINCT linked.translation_key, link.{story_column}
                FROM {links.db_table} link
                INNER JOIN {theme} linked ON linked.id = link.{theme_column}
                INNER JOIN {page} story ON story.id = link.{story_column}
                WHERE story.live AND story.locale_id = %s AND story.alias_of_id IS NULL
            ) pairs
            GROUP BY pairs.translation_key
        ) counted ON counted.translation_key = theme.translation_key
        WHERE theme.locale_id = %s
        ORDER BY theme.name, theme.id
    """  # noqa: S608 (table and column names from the models' own metadata; values as params)
    return list(Theme.objects.raw(sql, [locale_id, locale_id]))


@register_snippet
class FooterText(TranslatableMixin, models.Model):
    """The words of the footer, one per language (translated with wagtail-localize like
    any snippet). The addresses beside them stay in SiteFooterSettings, shared by every
    language."""

    about_text = models.TextField(
        help_text="A line about the collection shown in every page's footer, in this language."
    )

    panels = [FieldPanel("about_text")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = "footer text"
        verbose_name_plural = "footer text"

    def __str__(self):
        return f"Footer text ({self.locale.get_display_name()})"

    def clean(self):
        super().clean()
        # One footer per language: a second one (not a translation of the first) would never
        # be shown, and an editor would wonder why their change did not appear.
        others = FooterText.objects.filter(locale_id=self.locale_id).exclude(
            translation_key=self.translation_key
        )
        if self.locale_id and others.exists():
            raise ValidationError(
                "There is already a footer text in this language: edit that one instead."
            )

    @classmethod
    def about_text_for_request(cls, request):
        """The footer line in the request's language, or in the default language when it has
        no translation yet ("" when there is none at all). Read with the footer settings, in
        their one query, and kept with them (SiteFooterSettings.for_request)."""
        return SiteFooterSettings.for_request(request).about_text

    @classmethod
    def in_language(cls, code):
        """A subquery: the footer line in the language `code` (the oldest, if several)."""
        return models.Subquery(
            cls.objects.filter(locale__language_code=code).order_by("pk").values("about_text")[:1]
        )


def footer_languages():
    """(the active content language, the default one): the footer's words in the first, or
    else in the second."""
    from wagtail.coreutils import get_supported_content_language_variant

    default = get_supported_content_language_variant(settings.LANGUAGE_CODE)
    try:
        return get_supported_content_language_variant(translation.get_language()), default
    except LookupError:
        return default, default


@register_setting(icon="site")
class SiteFooterSettings(BaseSiteSetting):
    contact_email = models.EmailField(blank=True, help_text="Where readers can write to us.")
    social_links = StreamField(
        [("link", LinkBlock())], blank=True, help_text="Our profiles on other sites."
    )

    # The footer's words are FooterText snippets, one per language.
    panels = [FieldPanel("contact_email"), FieldPanel("social_links")]

    @property
    def about_text(self):
        """The footer line (FooterText) in the language these settings were read for."""
        return getattr(self, "about_active", None) or getattr(self, "about_default", None) or ""

    @classmethod
    def for_site_in_language(cls, site, active, default):
        """The site's settings (made if missing, as for_site does) with the footer's words in
        `active`, else in `default`, read in the same query."""

        def build(site_id, active, default):  # compiled once per process
            return cls.objects.filter(site_id=site_id).annotate(
                about_active=FooterText.in_language(active),
                about_default=FooterText.in_language(default),
            )

        def read():
            return run_compiled(
                "footer-settings", build, site_id=site.pk, active=active, default=default
            )

        existing = read()
        if existing:
            return existing[0]
        try:  # none yet: made, as for_site makes it
            with transaction.atomic():
                found = cls.objects.create(site=site)
        except IntegrityError:  # made meanwhile by another request
            return read()[0]
        # A new row has no annotations: the words are read on their own, once.
        texts = dict(
            FooterText.objects.filter(locale__language_code__in={active, default})
            .order_by("-pk")  # the oldest of a language wins, as dict() keeps the last
            .values_list("locale__language_code", "about_text")
        )
        found.about_active, found.about_default = texts.get(active), texts.get(default)
        return found

    @classmethod
    def for_request(cls, request):
        """The site's footer settings with the footer's words in the request's language, kept
        until content changes (collection/fragments.py), per language: every public page's
        footer shows them."""
        from wagtail.models import Site

        from collection import fragments

        attr_name = cls.get_cache_attr_name()
        if hasattr(request, attr_name):
            return getattr(request, attr_name)
        site = Site.find_for_request(request)
        if site is None:
            return super().for_request(request)
        active, default = footer_languages()
        site_settings = fragments.remember(
            request,
            "site-settings",
            f"{cls._meta.label_lower}:{site.pk}:{active}",
            lambda: cls.for_site_in_language(site, active, default),
        )
        site_settings._request = request
        setattr(request, attr_name, site_settings)
        return site_settings

    class Meta:
        verbose_name = "footer and social links"
