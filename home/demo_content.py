"""Demo-content step for the site-wide settings: the footer (its words in English, Welsh and
Urdu, translated through wagtail-localize so translators find them in its editor) and the
podcast channel.

Found by `collection.demo.load()` by module name and run after the pages exist. Idempotent: a
setting or text is only filled in when it is still empty or missing, so an editor's own values
are kept.
"""

from django.conf import settings
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale, Site

from collection.demo.artwork import Artwork
from collection.demo.library import ensure_image
from collection.models import PodcastChannelSettings

from .models import FooterText, SiteFooterSettings

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

FOOTER = {"contact_email": "stories@mindthegap.example"}
ABOUT_TEXT = (
    "Mind The Gap collects stories about who is missing from health data, and why it matters. "
    "Told by the people affected, the researchers who listen and the illustrators who draw "
    "what data leaves out."
)
# The brand stays in Latin letters in every language, as in the logo.
ABOUT_TEXT_TRANSLATIONS = {
    "cy": "Mae Mind The Gap yn casglu straeon am bwy sydd ar goll o ddata iechyd, a pham mae "
    "hynny'n bwysig. Straeon wedi'u hadrodd gan y bobl y mae'n effeithio arnyn nhw, yr "
    "ymchwilwyr sy'n gwrando a'r darlunwyr sy'n tynnu lluniau o'r hyn y mae data'n ei adael "
    "allan.",
    "ur": "Mind The Gap ایسے لوگوں کی کہانیاں جمع کرتا ہے جو صحت کے اعداد و شمار میں شامل "
    "نہیں، اور بتاتا ہے کہ یہ کیوں اہم ہے۔ یہ کہانیاں وہ لوگ سناتے ہیں جن پر یہ گزری، وہ "
    "محققین جو ان کی بات سنتے ہیں اور وہ مصور جو تصویروں میں وہ دکھاتے ہیں جو اعداد و شمار "
    "سے رہ جاتا ہے۔",
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
    load_footer_text(demo)

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


def load_footer_text(demo):
    """The footer line in the default language, and its Welsh and Urdu translations made the
    way a translator would (wagtail-localize's translation of the one segment, then publish)."""
    from wagtail_localize.models import StringTranslation, TranslationSource

    default = Locale.objects.get(
        language_code=get_supported_content_language_variant(settings.LANGUAGE_CODE)
    )
    footer = FooterText.objects.filter(locale=default).order_by("pk").first()
    if footer is None:
        footer = FooterText.objects.create(locale=default, about_text=ABOUT_TEXT)
        demo.record("snippets", footer, "created")
    source, _ = TranslationSource.get_or_create_from_instance(footer)
    for code, text in ABOUT_TEXT_TRANSLATIONS.items():
        locale = Locale.objects.filter(language_code=code).first()
        if locale is None or footer.has_translation(locale):
            continue
        if footer.about_text != ABOUT_TEXT:
            continue  # an editor rewrote the English line: the demo's translation would not fit
        segment = source.stringsegment_set.select_related("string", "context").get(
            context__path="about_text"
        )
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=locale,
            context=segment.context,
            defaults={"data": text},
        )
        translation, _ = source.translations.get_or_create(target_locale=locale)
        translation.save_target()
        demo.record("snippets", footer.get_translation(locale), "created")
