"""What readers see around a story's body: reading time, heading levels, illustrations fetched
at once and credits (kept per content generation, collection/fragments.py). Its themes, related
stories and series navigation are in story_neighbours.py."""

import math
import uuid
from dataclasses import dataclass

from django.db.models import QuerySet
from django.utils.html import strip_tags
from django.utils.translation import ngettext

from illustrations.json_columns import loaded_instance

from ..page_urls import page_addresses
from .base import LINK_FIELDS
from .contributors import ContributorRole
from .story_formats import StoryFormat

# Words a reader gets through in a minute, for the "n min read" line.
READING_WORDS_PER_MINUTE = 220


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


def contributor_link(person, request, locale_id):
    """A credit's name and addresses: the contributor's page when it is live and in the
    story's language; their page in another language (with the note saying why, ?untranslated)
    when it has no live translation here; no address when no version is live."""
    from ..locales import UNTRANSLATED_PARAMETER, language_of_locale

    if not person.live or person.alias_of_id:
        return ContributorLink(title=person.title, url="", full_url="")
    url, full_url = page_addresses(person, request)
    url, full_url = url or "", full_url or ""
    if person.locale_id != locale_id and url:
        language = language_of_locale(request, locale_id)
        if language:
            suffix = f"?{UNTRANSLATED_PARAMETER}={language}"
            url, full_url = url + suffix, full_url + suffix
    return ContributorLink(title=person.title, url=url, full_url=full_url)


def _local_page(contributor, local, fields):
    """The contributor's page in the story's language: theirs, or the translation read along
    (a dict of its link fields, built into a page with no query)."""
    if not local or local.get("id") == contributor.pk:
        return contributor
    from .contributors import ContributorPage

    values = {name: local.get(name) for name in ("id", *fields)}
    if values["translation_key"]:
        values["translation_key"] = uuid.UUID(str(values["translation_key"]))
    return loaded_instance(ContributorPage, **values)


class StoryReadingMixin:
    """For StoryPage: what its template shows of the story itself besides the body."""

    @classmethod
    def routed_columns(cls):
        """The story's credits, read by the query that routes to it
        (collection/credit_columns.py)."""
        from ..credit_columns import credit_rows

        return {**super().routed_columns(), "credit_rows": credit_rows()}

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
            if self.format == StoryFormat.PODCAST:
                return ngettext("%(minutes)d min listen", "%(minutes)d min listen", minutes) % {
                    "minutes": minutes
                }
            return ngettext("%(minutes)d min watch", "%(minutes)d min watch", minutes) % {
                "minutes": minutes
            }
        minutes = max(1, math.ceil(len(self._body_text()) / READING_WORDS_PER_MINUTE))
        return ngettext("%(minutes)d min read", "%(minutes)d min read", minutes) % {
            "minutes": minutes
        }

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

        from illustrations.renditions import drop_incomplete_prefetch, prefetch_variant_renditions

        from .contributors import ContributorPage

        uses = []
        from ..body_images import HERO_USES, body_images_read_ahead

        with body_images_read_ahead(self):
            blocks = list(self.body)  # the blocks' images, from what was read ahead
        # The audio and video items the blocks read: the head's episode and video take them.
        self._body_blocks = blocks
        for block in blocks:
            if block.block_type == "illustration":
                uses.append((block.value.get("image"), (block.value.get("width") or "wide",)))
            elif block.block_type in ("video", "embed"):
                uses.append((block.value.get("poster"), ("wide",)))
        if self.hero_image_id:
            # The head's social card image too (collection/templatetags/site_tags.py).
            uses.append((self.hero_image, HERO_USES))
        uses = [(image, variants) for image, variants in uses if image]
        for image, variants in uses:  # those read with the body's images: only when all made
            drop_incomplete_prefetch(image, variants)
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
        contributor whose page is not live), naming their page in this story's language where
        one is live. Kept per content generation (collection/fragments.py); a preview reads the
        draft's own credits and keeps nothing.
        """
        if not hasattr(self, "_credits_cache"):
            from .. import fragments

            self._credits_cache = fragments.remember(
                request, "story-credits", self.pk, lambda: self._read_credits(request)
            )
        return self._credits_cache

    def _read_credits(self, request):
        from django.db.models import JSONField, OuterRef, Subquery
        from django.db.models.functions import JSONObject

        from .contributors import ContributorPage

        credited = self.story_contributors.all()
        locale_id = self.locale_id
        fields = (*LINK_FIELDS, "translation_key", "alias_of_id")
        read_along = getattr(self, "credit_rows", None)
        if read_along is not None and isinstance(credited, QuerySet):
            # Read by the query that routed to the story (collection/credit_columns.py).
            from ..credit_columns import credits_from_rows

            return [
                Credit(
                    contributor=contributor_link(
                        _local_page(person, local, fields), request, locale_id
                    ),
                    role=role,
                )
                for role, person, local in credits_from_rows(read_along)
            ]
        if not isinstance(credited, QuerySet):
            # A preview's unsaved credits (modelcluster keeps them in memory).
            rows = [(credit, None) for credit in credited.order_by("sort_order")]
        else:
            # One query: each credit with its contributor's link fields and their live page in
            # this story's language (the same page for most stories; for a translated story
            # that credits pages of its source language, their translation here, read along).
            # Compiled once per process (operations/compiled_queries.py).
            from operations.compiled_queries import run_compiled

            credit_model = credited.model

            def build(story_id, locale_id):
                local = ContributorPage.objects.filter(
                    translation_key=OuterRef("contributor__translation_key"),
                    locale_id=locale_id,
                    live=True,
                    alias_of__isnull=True,
                )
                local_row = JSONObject(id="pk", **{name: name for name in fields})
                return (
                    credit_model.objects.filter(story_id=story_id)
                    .order_by("sort_order", "pk")  # rows added without an order: as added
                    .select_related("contributor")
                    .only("role", "sort_order", "story_id", *(f"contributor__{f}" for f in fields))
                    .annotate(
                        local=Subquery(
                            local.annotate(row=local_row).values("row")[:1],
                            output_field=JSONField(),
                        )
                    )
                )

            credited = run_compiled("story-credits", build, story_id=self.pk, locale_id=locale_id)
            rows = [(credit, credit.local) for credit in credited]
        return [
            Credit(
                contributor=contributor_link(
                    _local_page(credit.contributor, local, fields), request, locale_id
                ),
                role=credit.role,
            )
            for credit, local in rows
        ]
