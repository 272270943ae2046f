"""Demo-content step for the site-wide settings: the footer and the podcast channel.

Found by `collection.demo.load()` by module name and run after the pages exist. Idempotent: a
setting is only filled in when it is still empty, so an editor's own values are kept.
"""

from wagtail.models import Site

from collection.demo.artwork import Artwork
from collection.demo.library import ensure_image
from collection.models import PodcastChannelSettings

from .models import SiteFooterSettings

# Podcast directories want square cover art of 1400 to 3000 pixels.
PODCAST_COVER = Artwork(
    key="podcast-cover",
    title="Podcast cover: Mind The Gap",
    style="rings",
    palette="plum-coral",
    seed=1400,
    description="Concentric rings in plum, coral and peach on a pale background: the cover of "
    "the Mind The Gap podcast.",
    caption="The Mind The Gap podcast cover.",
    illustrator="meilin",
    size=(1400, 1400),
)

FOOTER = {
    "about_text": "Mind The Gap collects stories about who is missing from health data, and "
    "why it matters. Told by the people affected, the researchers who listen and the "
    "illustrators who draw what data leaves out.",
    "contact_email": "stories@mindthegap.example",
}
SOCIAL_LINKS = [
    {"label": "Mastodon", "url": "https://mastodon.example/@mindthegap"},
    {"label": "Newsletter", "url": "https://mindthegap.example/newsletter"},
]

PODCAST = {
    "owner_name": "Mind The Gap editors",
    "owner_email": "podcast@mindthegap.example",
    "copyright": "© 2026 Mind The Gap",
}


def load(demo):
    site = Site.objects.filter(root_page=demo.home).first() or Site.objects.get(
        is_default_site=True
    )

    footer = SiteFooterSettings.for_site(site)
    changed = [name for name, value in FOOTER.items() if not getattr(footer, name)]
    for name in changed:
        setattr(footer, name, FOOTER[name])
    if not footer.social_links:
        footer.social_links = [("link", link) for link in SOCIAL_LINKS]
        changed.append("social_links")
    if changed:
        footer.save()
    demo.record("settings", "footer", "updated" if changed else "unchanged")

    cover, status = ensure_image(PODCAST_COVER)
    demo.record("images", cover, status)
    illustrator = demo.contributors.get(PODCAST_COVER.illustrator)
    if illustrator and cover.illustrator_id != illustrator.pk:
        cover.illustrator = illustrator
        cover.save(update_fields=["illustrator"])

    channel = PodcastChannelSettings.for_site(site)
    changed = [name for name, value in PODCAST.items() if not getattr(channel, name)]
    for name in changed:
        setattr(channel, name, PODCAST[name])
    if not channel.artwork_id:
        channel.artwork = cover
        changed.append("artwork")
    if changed:
        channel.save()
    demo.record("settings", "podcast channel", "updated" if changed else "unchanged")
