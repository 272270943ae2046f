"""Which illustrations appear on the public site, and where: for the credits page and for an
illustrator's portfolio on their contributor page.

Uses Wagtail's reference index (the same data as each image's "Usage" tab), so an image counts
wherever a live page uses it: in a hero, card, cover or portrait field, inside StreamField
blocks or in rich text. The number of queries does not grow with the number of images or pages.
"""

from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.utils import translation
from wagtail.images import get_image_model
from wagtail.models import Page, ReferenceIndex


@dataclass
class CreditEntry:
    image: object
    pages: list = field(default_factory=list)  # [(title, url)] in title order


def credited_illustrations(request=None, illustrator=None, variants=("card",)):
    """Every illustration used on a live, public page, with the pages it appears on.

    `illustrator`: a ContributorPage to list only their work (their portfolio).
    """
    image_model = get_image_model()
    references = ReferenceIndex.objects.filter(
        to_content_type=ContentType.objects.get_for_model(image_model),
        base_content_type=ContentType.objects.get_for_model(Page),
    ).values_list("object_id", "to_object_id")
    pages_by_image = {}
    for page_id, image_id in references:
        pages_by_image.setdefault(image_id, set()).add(int(page_id))
    if not pages_by_image:
        return []

    page_ids = set().union(*pages_by_image.values())
    # Pages of the address's language only: the Welsh credits list the Welsh pages an
    # illustration appears on (an image used only on English pages is not listed there).
    live = Page.objects.live()
    # No page is private when the site restricts none: a page routed to knows that already
    # (`any_view_restriction`, read with it by collection's routing), saving the query for
    # the restrictions that `public()` makes.
    if getattr(illustrator, "any_view_restriction", None) is not False:
        live = live.public()
    pages = {
        page.pk: page
        for page in live.filter(pk__in=page_ids, locale__language_code=translation.get_language())
        .filter(alias_of__isnull=True)  # placeholders showing another language's page
        .only("id", "title", "url_path", "path", "depth", "locale_id")
    }
    images = image_model.objects.filter(pk__in=[int(pk) for pk in pages_by_image])
    if illustrator is not None:
        # The illustrator's page in any language: images name the page they were credited to.
        images = images.filter(illustrator__translation_key=illustrator.translation_key)

    entries = []
    for image in images.for_display(*variants).order_by("title"):
        used_on = [pages[pk] for pk in pages_by_image.get(str(image.pk), ()) if pk in pages]
        if not used_on:
            continue  # only on drafts or private pages: not public yet
        entries.append(
            CreditEntry(
                image=image,
                pages=sorted(
                    ((page.title, page.get_url(request)) for page in used_on),
                    key=lambda item: item[0].lower(),
                ),
            )
        )
    entries.sort(key=lambda entry: ((entry.image.credit_name or "").lower(), entry.image.title))
    return entries
