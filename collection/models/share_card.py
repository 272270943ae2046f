"""A "Share card" preview mode beside the page preview: how the page looks when someone shares
its link on Mastodon, Bluesky or Facebook, with the title, summary and image the page's social
meta tags give (site_project/templates/base.html) and the same crop (the 1200x630 social
rendition, illustrations.renditions.SOCIAL_SPEC).

Wagtail passes the chosen mode to the page as `request.preview_mode`; the page is served as
usual (RoutablePageMixin included), and only the template and its context change.
"""

from dataclasses import dataclass

SHARE_CARD_MODE = "share-card"


@dataclass(frozen=True)
class Network:
    """How one network lays out a link card on a desktop timeline (its width in CSS pixels, the
    image's aspect ratio, and about how much of the title and description fit)."""

    name: str
    width: int
    image_ratio: str
    title_chars: int
    description_chars: int
    domain_first: bool = False


# Measured on each network's web client (2026): all three crop the image to about 1.91:1.
NETWORKS = (
    Network("Mastodon", width=550, image_ratio="1.91 / 1", title_chars=90, description_chars=140),
    Network("Bluesky", width=560, image_ratio="1.91 / 1", title_chars=100, description_chars=160),
    Network(
        "Facebook",
        width=500,
        image_ratio="1.91 / 1",
        title_chars=88,
        description_chars=80,
        domain_first=True,
    ),
)


class ShareCardPreviewMixin:
    """Adds the "Share card" mode to a page's preview modes."""

    share_card_template = "collection/share_card_preview.html"

    @property
    def preview_modes(self):
        return [*super().preview_modes, (SHARE_CARD_MODE, "Share card")]

    def is_share_card_preview(self, request):
        return getattr(request, "preview_mode", None) == SHARE_CARD_MODE

    def get_template(self, request, *args, **kwargs):
        if self.is_share_card_preview(request):
            return self.share_card_template
        return super().get_template(request, *args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        if self.is_share_card_preview(request):
            context["networks"] = NETWORKS
        return context
