"""The abstract page every page type of the site inherits: listing fields, cache headers and the
rule that a page using an incomplete image or media item cannot be published."""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Exists, Q
from django.http import Http404
from django.utils import translation
from django.utils.cache import patch_cache_control
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import Page, PageViewRestriction

from illustrations.renditions import SOCIAL_SPEC

from ..admin_panels import EditorialChecksPanel, settings_panels_with_time_zone
from ..page_form import BasePageForm
from ..publish_rules import check_before_publish, used_object_ids
from ..translated_relations import is_full_save, move_to_locale
from .share_card import ShareCardPreviewMixin

# (parent page id, child slug) -> the child's content type id, learnt per process as pages are
# routed to. A page never changes type, and a wrong guess (a page deleted and another type given
# its slug) finds nothing and falls back to the usual lookup, which learns the new type.
_child_types = {}

# The fields a link to a page needs (its title, whether it is live, and what its URL is made of):
# for `.only()` where a page is shown as a link and nothing more.
LINK_FIELDS = ("title", "live", "url_path", "path", "depth", "locale_id")


def with_view_restriction_check(pages):
    """`pages` with whether the site restricts any page at all (`any_view_restriction`), read
    in the same query: most sites restrict nothing, and then a routed page needs no query of
    its own to know it (BasePage.get_view_restrictions)."""
    return pages.annotate(any_view_restriction=Exists(PageViewRestriction.objects.all()))


def with_shown_images(pages, model):
    """`pages` with the illustrations a page of this type shows in its head or header joined
    (shown_images) and, in a language other than the default, their alt texts and captions read
    along as JSON columns (illustrations/json_columns.py): a routed page in Welsh needs no query
    of its own for them. `attach_shown_image_texts` hands them to the images."""
    from django.db.models import F

    from illustrations.alt_text import is_default_language
    from illustrations.json_columns import LanguageTextRows, RenditionRows
    from illustrations.renditions import specs_for_uses

    names = shown_images(model)
    pages = pages.select_related(*names)
    # A cover's or portrait's renditions for its figure and the social card, so the header and
    # the head find them without asking the renditions cache (two round trips and a dozen whole
    # renditions unpickled for a series' cover). Only for images whose every use on the page is
    # known here: Wagtail asks the database, not the cache, for a spec missing from what was
    # read along. (A story's hero is also a podcast's poster: the story reads it with its body's
    # images, StoryPage.prefetch_body_illustrations.)
    pages = pages.annotate(
        **{
            f"{name}_rendition_rows": RenditionRows(F(f"{name}_id"), specs_for_uses(uses))
            for name, uses in SHOWN_USES.items()
            if name in names
        }
    )
    if not is_default_language():
        pages = pages.annotate(
            **{
                f"{name}_text_rows": LanguageTextRows(F(f"{name}_id"))
                for name in names
                if "__" not in name
            }
        )
    return pages


def attach_shown_image_texts(page):
    """Give a page's shown images the texts and renditions `with_shown_images` read along (if
    it did)."""
    from illustrations.json_columns import attach_language_text_rows, attach_rendition_rows
    from illustrations.renditions import drop_incomplete_prefetch

    if page is None:
        return page
    for name in shown_images(type(page)):
        if "__" in name:
            continue
        rows = getattr(page, f"{name}_text_rows", None)
        if rows is not None:
            attach_language_text_rows(getattr(page, name), rows)
        renditions = getattr(page, f"{name}_rendition_rows", None)
        image = getattr(page, name)
        if renditions is not None and image is not None:
            attach_rendition_rows(image, renditions)
            # Kept page rows carry them: only when all are made (none asked for one by one).
            drop_incomplete_prefetch(image, SHOWN_USES[name])
    return page


def children_at(pages, parent_path, depth):
    """Wagtail's `child_of` with the parent's path and the children's depth given as values
    (as a compiled query is given them)."""
    return pages.filter(path__startswith=parent_path, depth=depth)


def routed_child(model, parent, slug, shown=True):
    """The child of `parent` with this slug read as `model` (or None), with what it shows when it
    is the page `shown` (its illustrations and their texts, whether any page is restricted).
    Routing asks on every request read afresh: the query is compiled once per process
    (operations/compiled_queries.py)."""
    from operations.compiled_queries import run_compiled

    def build(parent_path, depth, slug):
        child = children_at(model.objects.all(), parent_path, depth).filter(slug=slug)
        if shown:
            child = with_view_restriction_check(with_shown_images(child, model))
            # What the page type reads along when it is the page shown (a story's themes).
            child = child.annotate(**model.routed_columns())
        return child[:1] if child.ordered else child.order_by("pk")[:1]

    found = run_compiled(
        f"routed-child:{model._meta.label}:{int(shown)}",
        build,
        shape=(translation.get_language(),),
        parent_path=parent.path,
        depth=parent.depth + 1,
        slug=slug,
    )
    return attach_shown_image_texts(found[0] if found else None)


# What a series' cover and a contributor's portrait are drawn as on their own page: their
# figure and the social card (illustrations/renditions.py SOCIAL_SPEC).
SHOWN_USES = {"cover_image": ("cover", SOCIAL_SPEC), "portrait": ("portrait", SOCIAL_SPEC)}


def shown_images(model):
    """The illustrations a page of this type shows in its head or header (its social card, hero,
    cover or portrait) with the illustrators of those shown with a credit line: read with the
    page itself. (The social card's image is only linked in the head: no illustrator.)"""
    names = [
        name
        for name in ("listing_image", "hero_image", "cover_image", "portrait")
        if any(field.name == name for field in model._meta.concrete_fields)
    ]
    credited = [f"{name}__illustrator" for name in names if name != "listing_image"]
    return [*names, *credited]


class BasePage(ShareCardPreviewMixin, Page):
    """Shared fields for search engines, social cards and listings; a "Share card" preview
    mode beside the page preview (see share_card.py)."""

    listing_summary = models.TextField(
        blank=True,
        max_length=300,
        help_text="A sentence or two shown on cards and in search results. "
        "Leave blank to use the page's own summary.",
    )
    listing_image = models.ForeignKey(
        settings.WAGTAILIMAGES_IMAGE_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The illustration shown on cards and social shares. "
        "Leave blank to use the page's own illustration.",
    )

    # "Before you submit" first: what stops a submission, and what readers will miss.
    content_panels = [EditorialChecksPanel(), *Page.content_panels]

    promote_panels = Page.promote_panels + [
        MultiFieldPanel(
            [FieldPanel("listing_summary"), FieldPanel("listing_image")],
            heading="Cards and sharing",
        ),
    ]

    # Go-live and expiry say which time zone their times are in.
    settings_panels = settings_panels_with_time_zone(Page.settings_panels)

    base_form_class = BasePageForm

    # Seconds a shared cache (CDN) may keep a public page; forms override this with no-store.
    cache_max_age = 300

    # Links to other pages and themes that follow this page's language (translated_relations.py).
    translated_relations = None

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if is_full_save(kwargs):
            move_to_locale(self)
        return super().save(*args, **kwargs)

    def save_revision(self, *args, **kwargs):
        # wagtail-localize makes a revision of a translation after copying the source's links.
        move_to_locale(self)
        return super().save_revision(*args, **kwargs)

    def add_cache_headers(self, response):
        """Let shared caches keep the response, unless the view already said otherwise."""
        if not response.has_header("Cache-Control"):
            patch_cache_control(response, public=True, max_age=self.cache_max_age)
        return response

    def publish(
        self,
        revision,
        user=None,
        changed=True,
        log_action=True,
        previous_revision=None,
        skip_permission_checks=False,
    ):
        """Publish `revision`, unless it uses an image lacking alt text, credit or licence, or
        audio/video lacking a transcript or captions (see collection/publish_rules.py).

        Every publish path comes through here: the edit view, bulk publish, workflow approval
        and scheduled publishing all call `revision.publish()`, which calls this method.
        """
        scheduled = log_action == "wagtail.publish.scheduled"
        if not check_before_publish(self, revision, scheduled=scheduled):
            return None
        result = super().publish(
            revision,
            user=user,
            changed=changed,
            log_action=log_action,
            previous_revision=previous_revision,
            skip_permission_checks=skip_permission_checks,
        )
        # Make sure the renditions this page shows exist before the first reader asks.
        from wagtail.images import get_image_model

        from illustrations.renditions import enqueue_site_renditions

        enqueue_site_renditions(used_object_ids(revision.as_object())[get_image_model()])
        return result

    def __getstate__(self):
        # The request a page was routed with is for that request alone: a page kept in a cache
        # (the site root, with its Site) must not take it along, and cannot pickle it.
        state = super().__getstate__()
        state.pop("_routing_request", None)
        return state

    def serve(self, request, *args, **kwargs):
        return self.add_cache_headers(super().serve(request, *args, **kwargs))

    def route(self, request, path_components):
        """Find the child page in one query where Wagtail's default takes two (the page, then
        its specific type), by remembering each child's type from the first time it was
        routed to. The child is kept per content generation (collection/fragments.py): saving
        or publishing any page starts a new one, so a kept page is its row as it is now."""
        if not path_components:
            # The site's root page is routed to directly (no parent sets this for it).
            self._routing_request = request
            return super().route(request, path_components)
        from .. import fragments

        slug, *remaining = path_components
        name = "route-through" if remaining else "route-to"
        child = fragments.remember(
            request, name, f"{self.pk}:{slug}", lambda: self._child(slug, shown=not remaining)
        )
        if child is None:
            child = self._child_in_other_language(slug)
            if child is None:
                raise Http404
            # Routed to from a translation of its parent: the serve hook sends the reader to
            # the page's own address (collection/locales.py).
            child._routing_request = request
            return child.route(request, remaining)
        child._cached_parent_obj = self
        child._routing_request = request
        return child.route(request, remaining)

    def _child(self, slug, shown=True):
        """The live or draft child page with this slug, as its specific type, or None; with the
        illustrations it shows when it is the page `shown` (not when only routed through)."""
        content_type_id = _child_types.get((self.pk, slug))
        if content_type_id is not None:
            try:
                model = ContentType.objects.get_for_id(content_type_id).model_class()
            except ContentType.DoesNotExist:
                # The remembered type is gone (its row was deleted and made again, as a
                # database flush does): forget it and look the page up as Wagtail does.
                model = None
                _child_types.pop((self.pk, slug), None)
            if model is not None:
                child = self._typed_child(model, slug, shown)
                if child is not None:
                    return child
        child = self.get_children().filter(slug=slug).first()
        if child is None:
            return None
        _child_types[(self.pk, slug)] = child.content_type_id
        model = child.specific_class
        if model is None:
            return child.specific
        # Read again as its type, the way it is read from now on (with its shown images and
        # whether any page is restricted): the row may be kept for the whole generation, and
        # two queries is what Wagtail's `specific` costs here too.
        return self._typed_child(model, slug, shown) or child.specific

    @classmethod
    def routed_columns(cls):
        """Columns a page of this type reads in the query that routes to it, for what it shows
        (name -> expression; routed_child): none by default."""
        return {}

    def _typed_child(self, model, slug, shown):
        """The child with this slug read as `model`, with what it shows when it is the page
        `shown` (its illustrations and their texts, whether any page is restricted)."""
        return routed_child(model, self, slug, shown)

    @property
    def localized(self):
        """This page in the active language (Wagtail's `localized`), without Wagtail's query for
        the active Locale when the page is already in that language: the language of the site
        root the page is under is in Wagtail's cached site root paths. Wagtail asks on every
        request (`site.root_page.localized` routes it) and for every `{% pageurl %}`."""
        from ..locales import page_language

        if page_language(self) == translation.get_language():
            return self
        translations = getattr(self, "root_translations", None)
        if translations is not None:
            # A site's root, read with its translations (operations/page_cache.py): as
            # Wagtail answers, the live translation in the active language, else the page.
            from wagtail.models import Locale

            try:
                found = translations.get(Locale.get_active().pk)
            except (LookupError, Locale.DoesNotExist):
                return self
            if found is not None:
                return found if found.live else self
            # None read (or none when the site was kept): Wagtail looks, so a translation
            # made since is never missed.
        return super().localized

    def _child_in_other_language(self, slug):
        """A child with this slug under another language's version of this page (a story not
        translated yet, asked for under /cy/stories/), or None. Only on the way to a 404, so
        it costs a found page nothing."""
        from wagtail.models import Page

        for path in self.get_translations().values_list("path", flat=True):
            child = Page.objects.filter(path__startswith=path, depth=self.depth + 1, slug=slug)
            child = child.first()
            if child is not None:
                return child.specific
        return None

    def get_context(self, request, *args, **kwargs):
        from ..locales import untranslated_note

        context = super().get_context(request, *args, **kwargs)
        context["untranslated_note"] = untranslated_note(self, request)
        return context

    def get_view_restrictions(self):
        """The view restrictions on this page and its ancestors, in one query (Wagtail's own
        takes two: the ancestors, then their restrictions).

        As in Wagtail, an ancestor that is an alias is governed by its source page's
        restrictions; an alias's own restrictions count too here, which can only restrict more.
        """
        # Most sites restrict nothing: whether any restriction exists is kept until content
        # changes (a new restriction starts a new generation), when the page was routed to
        # from a public request.
        request = getattr(self, "_routing_request", None)
        known = getattr(self, "any_view_restriction", None)
        if known is False:
            # Read with the page when it was routed to (with_view_restriction_check).
            return PageViewRestriction.objects.none()
        if known is None and request is not None:
            from .. import fragments

            exists = PageViewRestriction.objects.exists
            if not fragments.remember(request, "view-restrictions", "any", exists):
                return PageViewRestriction.objects.none()
        paths = [self.path[:end] for end in range(Page.steplen, len(self.path) + 1, Page.steplen)]
        return PageViewRestriction.objects.filter(
            Q(page__path__in=paths) | Q(page__aliases__path__in=paths)
        ).distinct()
