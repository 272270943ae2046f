"""`manage.py scale_content`: grow the demo content to benchmark sizes, fast.

Copies the demo's own stories, series, contributors and illustrations (so every page stays as
rich as the demo's) with bulk inserts: Page rows in one `bulk_create`, each page type's own row
with a raw insert, tree paths computed directly. Illustrations reuse the demo's image files.
Run after `load_demo_content`; running again only adds what is missing to reach the counts.
"""

import datetime
import itertools
import random
import time
import uuid

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.db.models import F
from django.utils import timezone
from wagtail.models import Page

from collection.models import (
    ContributorPage,
    SeriesPage,
    SeriesStory,
    StoryContributor,
    StoryPage,
    Theme,
)
from collection.models.live_story_themes import index_stories
from illustrations.models import Illustration
from illustrations.renditions import generate_site_renditions

PAGE_FIELDS = [f for f in Page._meta.concrete_fields if not f.primary_key]


class Command(BaseCommand):
    help = "Grow the demo content to the given counts (benchmarks only; bulk inserts)."

    def add_arguments(self, parser):
        parser.add_argument("--stories", type=int, default=2000)
        parser.add_argument("--illustrations", type=int, default=400)
        parser.add_argument("--series", type=int, default=60)
        parser.add_argument("--contributors", type=int, default=300)
        parser.add_argument("--seed", type=int, default=7)

    def handle(self, *args, stories, illustrations, series, contributors, seed, **options):
        if not StoryPage.objects.live().exists():
            raise CommandError("Load the demo content first: manage.py load_demo_content")
        started = time.monotonic()
        self.random = random.Random(seed)
        with transaction.atomic():
            self.images = self.grow_illustrations(illustrations)
            people = self.grow_pages(ContributorPage, contributors, self.customise_contributor)
            new_series = self.grow_pages(SeriesPage, series, self.customise_series)
            new_stories = self.grow_pages(StoryPage, stories, self.customise_story)
            self.link_stories(new_stories, people, new_series)
        if new_stories or new_series or people:
            call_command("update_index", verbosity=0)
        # Fresh planner statistics, as autovacuum would gather within minutes of a bulk load;
        # without them PostgreSQL plans the grown tables as if they were empty (a 36 ms series
        # query on the home page that takes 8 ms once analysed).
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        self.stdout.write(
            f"Content now: {StoryPage.objects.live().count()} stories, "
            f"{Illustration.objects.count()} illustrations, {SeriesPage.objects.count()} series, "
            f"{ContributorPage.objects.count()} contributors "
            f"({time.monotonic() - started:.1f} s)"
        )

    def grow_illustrations(self, target):
        existing = list(Illustration.objects.order_by("pk"))
        need = target - len(existing)
        if need > 0:
            # A few prototypes with every rendition the site shows (made once, ~10 s each, as the
            # upload task would); their copies share the files, renditions included.
            prototypes = existing[: min(len(existing), 4)]
            for proto in prototypes:
                generate_site_renditions(proto)
            copies = []
            for n, proto in zip(range(len(existing) + 1, target + 1), itertools.cycle(prototypes)):
                copy = Illustration(
                    **{
                        f.attname: getattr(proto, f.attname)
                        for f in Illustration._meta.concrete_fields
                        if not f.primary_key
                    }
                )
                copy.title = f"{proto.title} ({n})"
                copy.uploaded_by_user_id = None
                copies.append(copy)
            Illustration.objects.bulk_create(copies, batch_size=500)
            self.copy_renditions(copies, prototypes)
        return list(Illustration.objects.values_list("pk", flat=True))

    def copy_renditions(self, copies, prototypes):
        Rendition = Illustration.get_rendition_model()
        by_proto = {proto.pk: list(proto.renditions.all()) for proto in prototypes}
        fields = [
            f.attname
            for f in Rendition._meta.concrete_fields
            if not f.primary_key and f.attname != "image_id"
        ]
        rows = []
        for copy, proto in zip(copies, itertools.cycle(prototypes)):
            for rendition in by_proto[proto.pk]:
                row = Rendition(**{name: getattr(rendition, name) for name in fields})
                row.image_id = copy.pk
                rows.append(row)
        Rendition.objects.bulk_create(rows, batch_size=1000, ignore_conflicts=True)

    def grow_pages(self, model, target, customise):
        """Add live copies of the model's existing pages under the same parent."""
        existing = model.objects.count()
        need = target - existing
        if need <= 0:
            return []
        prototypes = list(model.objects.live().order_by("pk")[:10])
        parent = prototypes[0].get_parent()
        last_child = parent.get_last_child()
        step = model._str2int(last_child.path[-model.steplen :]) if last_child else 0
        now = timezone.now()
        rows = []
        for offset in range(need):
            proto = prototypes[offset % len(prototypes)]
            number = existing + offset + 1
            step += 1
            slug = f"{proto.slug}-{number}"
            page = Page(**{f.attname: getattr(proto, f.attname) for f in PAGE_FIELDS})
            page.path = model._get_path(parent.path, parent.depth + 1, step)
            page.depth = parent.depth + 1
            page.numchild = 0
            page.slug = slug
            page.url_path = f"{parent.url_path}{slug}/"
            page.title = page.draft_title = f"{proto.title} ({number})"
            page.translation_key = uuid.uuid4()
            page.latest_revision_id = page.live_revision_id = None
            page.live = True
            page.has_unpublished_changes = False
            page.first_published_at = page.last_published_at = now - datetime.timedelta(
                minutes=number
            )
            rows.append((proto, number, page))
        Page.objects.bulk_create([page for _, _, page in rows], batch_size=500)
        created = []
        for proto, number, page in rows:
            specific = model(
                **{f.attname: getattr(page, f.attname) for f in PAGE_FIELDS},
                **{
                    f.attname: getattr(proto, f.attname)
                    for f in model._meta.local_concrete_fields
                    if not f.primary_key
                },
            )
            specific.pk = specific.page_ptr_id = specific.id = page.pk
            customise(specific, number)
            specific.save_base(raw=True, force_insert=True)
            created.append(specific)
        Page.objects.filter(pk=parent.pk).update(numchild=F("numchild") + need)
        return created

    def customise_contributor(self, page, number):
        page.user_id = None
        page.portrait_id = self.random.choice(self.images)

    def customise_series(self, page, number):
        page.cover_image_id = self.random.choice(self.images)

    def customise_story(self, page, number):
        page.podcast_guid = uuid.uuid4()
        page.hero_image_id = self.random.choice(self.images)
        page.first_published = timezone.localdate() - datetime.timedelta(days=number % 900)

    def link_stories(self, stories, new_people, new_series):
        if not stories:
            return
        people = list(ContributorPage.objects.values_list("pk", flat=True))
        series_ids = list(SeriesPage.objects.values_list("pk", flat=True))
        themes = list(Theme.objects.values_list("pk", flat=True))
        through = StoryPage.themes.through
        theme_links, credits, memberships = [], [], []
        next_order = {}
        for story in stories:
            for theme in self.random.sample(themes, k=min(2, len(themes))):
                theme_links.append(through(storypage_id=story.pk, theme_id=theme))
            for order, person in enumerate(self.random.sample(people, k=2)):
                credits.append(
                    StoryContributor(
                        story_id=story.pk, contributor_id=person, role="author", sort_order=order
                    )
                )
            series = series_ids[story.pk % len(series_ids)]
            next_order[series] = next_order.get(series, 1000) + 1
            memberships.append(
                SeriesStory(series_id=series, story_id=story.pk, sort_order=next_order[series])
            )
        through.objects.bulk_create(theme_links, batch_size=1000)
        StoryContributor.objects.bulk_create(credits, batch_size=1000)
        SeriesStory.objects.bulk_create(memberships, batch_size=1000)
        # Bulk inserts skip StoryPage.save: the ranking's rows of live stories are written here.
        index_stories([story.pk for story in stories])
