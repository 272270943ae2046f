"""Contributors (writers, researchers, illustrators, community voices) and their index."""

from django import forms
from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index
from wagtail_localize.fields import BaseTranslatableField

from ..blocks import LinkBlock
from ..page_form import BasePageForm
from .base import BasePage


class ContributorRole(models.TextChoices):
    # Translated labels: credit lines and contributor pages show them to readers.
    AUTHOR = "author", _("Author")
    INTERVIEWEE = "interviewee", _("Interviewee")
    HOST = "host", _("Host")
    RESEARCHER = "researcher", _("Researcher")
    ILLUSTRATOR = "illustrator", _("Illustrator")
    COMMUNITY_CONTRIBUTOR = "community-contributor", _("Community contributor")


class ContributorIndexPage(BasePage):
    introduction = RichTextField(
        features=["bold", "italic", "link"],
        blank=True,
        help_text="A short welcome above the list of contributors.",
    )

    content_panels = BasePage.content_panels + [FieldPanel("introduction")]

    template = "collection/contributor_index_page.html"
    parent_page_types = ["home.HomePage"]
    subpage_types = ["collection.ContributorPage"]
    max_count = 1

    def get_context(self, request, *args, **kwargs):
        from illustrations.renditions import with_illustrations

        from ..listings import own_language

        context = super().get_context(request, *args, **kwargs)
        context["contributors"] = with_illustrations(
            ContributorPage.objects.child_of(self).live().filter(own_language()).order_by("title"),
            "portrait",
            variants=("avatar",),
        )
        return context


class ContributorPageForm(BasePageForm):
    roles = forms.TypedMultipleChoiceField(
        choices=ContributorRole.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text="What this person does for the collection.",
    )


class ContributorPage(BasePage):
    """A person who made or appears in stories. The page title is their name."""

    roles = models.JSONField(default=list, blank=True)
    short_bio = RichTextField(
        features=["bold", "italic", "link"],
        blank=True,
        help_text="Two or three sentences, in the third person.",
    )
    portrait = models.ForeignKey(
        settings.WAGTAILIMAGES_IMAGE_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="A portrait or an illustration they chose to represent them.",
    )
    links = StreamField(
        [("link", LinkBlock())],
        blank=True,
        help_text="Their own website or profiles elsewhere.",
    )
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="contributor_page",
        help_text="Their admin account, if they have one (illustrators see their own "
        "commissions through it).",
    )

    base_form_class = ContributorPageForm
    content_panels = BasePage.content_panels + [
        FieldPanel("roles"),
        FieldPanel("short_bio"),
        FieldPanel("portrait"),
        FieldPanel("links"),
        FieldPanel("user", permission="wagtailusers.change_user"),
    ]
    search_fields = BasePage.search_fields + [index.SearchField("short_bio")]
    # The admin account belongs to one page (a one-to-one link): a copy or a translation
    # would take it from the original, so neither copies it and wagtail-localize neither
    # translates nor syncs it (a bare BaseTranslatableField is "leave alone"). Illustrators
    # reach their commissions through the original page.
    exclude_fields_in_copy = ["user"]
    override_translatable_fields = [BaseTranslatableField("user")]

    template = "collection/contributor_page.html"
    parent_page_types = ["collection.ContributorIndexPage"]
    subpage_types = []

    @property
    def role_labels(self):
        labels = dict(ContributorRole.choices)
        # Plain strings in the active language (the labels themselves are lazy translations).
        return [str(labels[role]) for role in self.roles if role in labels]

    def get_context(self, request, *args, **kwargs):
        from .. import cards
        from ..listings import own_language, stories_crediting
        from .stories import StoryPage

        context = super().get_context(request, *args, **kwargs)
        # Their stories in this page's language (a translated story credits the contributor
        # page it was translated with: followed by translation key), drawn as every listing
        # draws them: cards read in one query and kept until content changes (collection/cards.py).
        stories = StoryPage.objects.live().filter(own_language(), locale_id=self.locale_id)
        ids = stories_crediting(stories, self).order_by("-first_published", "-pk")
        context["story_cards"] = cards.story_cards(request, ids.values_list("pk", flat=True))
        return context
