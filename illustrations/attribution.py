"""Which licences let others reuse an illustration, and the ready-to-paste attribution for them.

An attribution names the work's Title, its Author, its Source and its Licence (TASL, as Creative
Commons recommends). Artwork under "all rights reserved" (commissioned or not) may be shown on
this site only: it gets no attribution to paste, and the read API offers no original file.
"""

from dataclasses import dataclass

from django.urls import reverse
from django.utils.html import format_html

from .licences import LICENCE_URLS, Licence

# Licences under which anyone may reuse the artwork, on the licence's own terms.
REUSABLE_LICENCES = frozenset({Licence.CC_BY, Licence.CC_BY_SA, Licence.CC_BY_NC, Licence.CC0})


def is_reusable(image):
    return image.licence in REUSABLE_LICENCES


@dataclass(frozen=True)
class Attribution:
    title: str
    author: str
    author_url: str
    source_url: str
    licence: str
    licence_url: str

    @property
    def text(self):
        """Plain text, e.g. '"Gap" by Ama Mensah, https://…, CC BY 4.0 (https://…)'."""
        author = f" by {self.author}" if self.author else ""
        return (
            f"\u201c{self.title}\u201d{author}, {self.source_url}, is licensed under "
            f"{self.licence} ({self.licence_url})"
        )

    @property
    def html(self):
        title = format_html('<a href="{}">\u201c{}\u201d</a>', self.source_url, self.title)
        author = ""
        if self.author:
            author = (
                format_html(' by <a href="{}">{}</a>', self.author_url, self.author)
                if self.author_url
                else format_html(" by {}", self.author)
            )
        licence = format_html('<a href="{}" rel="license">{}</a>', self.licence_url, self.licence)
        return format_html("{}{} is licensed under {}", title, author, licence)


def credits_entry_url(image, request=None):
    """The address of the image's entry on the credits page (absolute given a request)."""
    path = f"{reverse('illustrations:credits')}#illustration-{image.pk}"
    return request.build_absolute_uri(path) if request is not None else path


def attribution_for(image, source_url, author_url=""):
    """The TASL attribution of an openly licensed image, or None when it is not for reuse.

    `source_url` is where the work can be found (the image's own source when it came from
    elsewhere, otherwise its entry on the credits page); `author_url` the illustrator's page.
    """
    if not is_reusable(image):
        return None
    return Attribution(
        title=image.title,
        author=image.credit_name or "",
        author_url=author_url,
        source_url=image.source_url or source_url,
        licence=Licence(image.licence).label,
        licence_url=LICENCE_URLS[image.licence],
    )
