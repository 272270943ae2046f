"""The steps that build the demo site, in order, sharing one `Demo` context.

Each step is a function taking the context. Other apps add their own demo content by defining
`load(demo)` in `<app>/demo_content.py`: it runs after these steps with the same context, so it
can use `demo.home`, `demo.indexes["stories"]`, `demo.contributors["ama"]`,
`demo.images["gap-in-the-grid"]`, `demo.stories[slug]` and the helpers in library.py.
"""

from collections import Counter
from dataclasses import dataclass, field

from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from wagtail.models import Locale, Page, Site

from ..models import (
    ContributorIndexPage,
    ContributorPage,
    SeriesIndexPage,
    SeriesPage,
    StoryIndexPage,
    StoryPage,
)
from . import text
from .artwork import ARTWORKS, portrait_artwork
from .body import resolve
from .library import ensure_image, ensure_media, ensure_page, ensure_theme
from .media import MEDIA
from .stories import STORIES

SITE_HOSTNAME = "localhost"
SITE_PORT = 80


@dataclass
class Demo:
    """What the steps have built so far, by demo key, and a tally of what changed."""

    write: object = print
    home: Page | None = None
    indexes: dict = field(default_factory=dict)
    artworks: dict = field(default_factory=dict)
    images: dict = field(default_factory=dict)
    media: dict = field(default_factory=dict)
    themes: dict = field(default_factory=dict)
    contributors: dict = field(default_factory=dict)
    stories: dict = field(default_factory=dict)
    series: dict = field(default_factory=dict)
    # (kind, object key) -> "created", "updated" or "unchanged", the strongest seen this run.
    outcomes: dict = field(default_factory=dict)

    def record(self, kind, obj, status):
        """Note what a step did to an object (a page or theme, an image, a media item)."""
        key = (kind, getattr(obj, "pk", obj))
        rank = ["unchanged", "updated", "created"]
        previous = self.outcomes.get(key, "unchanged")
        self.outcomes[key] = max(previous, status, key=rank.index)
        self.write(f"{kind}: {obj} {status}")

    def tally(self):
        return Counter(self.outcomes.values())

    def summary(self):
        parts = []
        for kind in sorted({kind for kind, _ in self.outcomes}):
            counts = Counter(status for (each, _), status in self.outcomes.items() if each == kind)
            parts.append(
                f"{kind}: {counts['created']} created, {counts['updated']} updated, "
                f"{counts['unchanged']} unchanged"
            )
        return "; ".join(parts)


def _home_page_model():
    # The home app imports collection; collection refers to it only by label.
    return apps.get_model("home", "HomePage")


def build_site(demo):
    """A HomePage as the default site's root (replacing Wagtail's 'Welcome' page), and the
    stories, series and contributors indexes under it."""
    HomePage = _home_page_model()
    root = Page.get_first_root_node()
    # The English home page (its translations are HomePages too).
    home = HomePage.objects.filter(locale=Locale.get_default()).first()
    if home is None:
        _remove_welcome_page(root)
        slug = "home" if not root.get_children().filter(slug="home").exists() else "mind-the-gap"
        home, status = ensure_page(
            root,
            HomePage,
            slug,
            fields={"title": text.HOME["title"], "introduction": text.HOME["introduction"]},
        )
        demo.record("pages", home, status)
    demo.home = home

    site = Site.objects.filter(is_default_site=True).first() or Site(is_default_site=True)
    # A deployment's public origin (SITE_URL) wins over the demo's localhost, so loading the
    # demo on a server never puts the Site back on localhost.
    origin = settings.SITE_ORIGIN
    wanted = {
        "hostname": origin.hostname if origin else SITE_HOSTNAME,
        "port": origin.port if origin else SITE_PORT,
        "root_page_id": home.pk,
        "site_name": text.HOME["title"],
    }
    if any(getattr(site, name) != value for name, value in wanted.items()):
        for name, value in wanted.items():
            setattr(site, name, value)
        site.save()

    for slug, model in (
        ("stories", StoryIndexPage),
        ("series", SeriesIndexPage),
        ("contributors", ContributorIndexPage),
    ):
        page, status = ensure_page(home, model, slug, fields=text.INDEXES[slug])
        demo.indexes[slug] = page
        demo.record("pages", page, status)


def _remove_welcome_page(root):
    """Delete the plain 'Welcome to your new Wagtail site!' page Wagtail's migrations make,
    unless someone has put pages under it."""
    plain_page = ContentType.objects.get_for_model(Page)
    for page in Page.objects.child_of(root).filter(content_type=plain_page):
        if not page.get_children().exists():
            page.delete()


def build_themes(demo):
    for slug, name, description in text.THEMES:
        demo.themes[slug], status = ensure_theme(slug, name, description)
        demo.record("themes", demo.themes[slug], status)


def build_library(demo):
    """Artwork (including contributors' portrait marks) and the audio and video items."""
    artworks = ARTWORKS + [
        portrait_artwork(key, person["title"]) for key, person in text.CONTRIBUTORS.items()
    ]
    demo.artworks = {artwork.key: artwork for artwork in artworks}
    for artwork in artworks:
        demo.images[artwork.key], status = ensure_image(artwork)
        demo.record("images", demo.images[artwork.key], status)
    for item in MEDIA:
        demo.media[item.key], status = ensure_media(item)
        demo.record("media", demo.media[item.key], status)


def build_contributors(demo, with_portraits=False):
    """Contributor pages. Portraits come in a second pass (add_portraits): a portrait must be
    credited before its page is published, and the illustrators credited are contributors."""
    index = demo.indexes["contributors"]
    for key, person in text.CONTRIBUTORS.items():
        fields = {
            "title": person["title"],
            "roles": person["roles"],
            "short_bio": person["short_bio"],
            "links": [
                {"type": "link", "value": {"label": label, "url": url}}
                for label, url in person["links"]
            ],
        }
        if with_portraits:
            fields["portrait"] = demo.images[f"portrait-{key}"]
        demo.contributors[key], status = ensure_page(
            index, ContributorPage, person["slug"], fields=fields
        )
        demo.record("pages", demo.contributors[key], status)


def add_portraits(demo):
    build_contributors(demo, with_portraits=True)


def credit_illustrators(demo):
    """Link each artwork to its illustrator's page, now that the pages exist."""
    for key, artwork in demo.artworks.items():
        image = demo.images[key]
        illustrator = demo.contributors.get(artwork.illustrator)
        wanted = illustrator.pk if illustrator else None
        if image.illustrator_id != wanted:
            image.illustrator_id = wanted
            image.save(update_fields=["illustrator"])


def build_stories(demo):
    index = demo.indexes["stories"]
    for story in STORIES:
        fields = {
            "title": story["title"],
            "summary": story["summary"],
            "format": story["format"],
            "first_published": story["first_published"],
            "content_note": story.get("content_note", ""),
            "hero_image": demo.images[story["hero"]],
            "search_description": story["summary"],
            "body": resolve(story["body"], demo.images, demo.media),
        }
        credits = [
            {"contributor": demo.contributors[person], "role": role, "sort_order": position}
            for position, (person, role) in enumerate(story["credits"])
        ]
        page, status = ensure_page(
            index,
            StoryPage,
            story["slug"],
            fields=fields,
            many={"themes": [demo.themes[slug] for slug in story["themes"]]},
            children={"story_contributors": credits},
        )
        demo.stories[story["slug"]] = page
        demo.record("pages", page, status)


def build_series(demo):
    index = demo.indexes["series"]
    for series in text.SERIES:
        order = [
            {"story": demo.stories[slug], "sort_order": position}
            for position, slug in enumerate(series["stories"])
        ]
        page, status = ensure_page(
            index,
            SeriesPage,
            series["slug"],
            fields={
                "title": series["title"],
                "introduction": series["introduction"],
                "cover_image": demo.images[series["cover"]],
            },
            children={"series_stories": order},
        )
        demo.series[series["slug"]] = page
        demo.record("pages", page, status)


def finish_home(demo):
    """The home page's own words and featured story, once the stories exist."""
    home = demo.home
    demo.home, status = ensure_page(
        home.get_parent(),
        _home_page_model(),
        home.slug,
        fields={
            "title": text.HOME["title"],
            "introduction": text.HOME["introduction"],
            "share_invitation": text.HOME["share_invitation"],
            "search_description": text.HOME["search_description"],
            "featured_story": demo.stories["who-gave-consent-podcast"],
        },
    )
    demo.record("pages", demo.home, status)


STEPS = [
    build_site,
    build_themes,
    build_library,
    build_contributors,
    credit_illustrators,
    add_portraits,
    build_stories,
    build_series,
    finish_home,
]
