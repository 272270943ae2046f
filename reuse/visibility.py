"""What a visitor could see, as querysets: the one place the API, the oEmbed provider, the cards
and the citation downloads ask what may leave the site.

- Pages: live, without a view restriction on them or an ancestor (whoever asks: a signed-in
  editor's session does not widen what the API shows), under the request's site.
- Images: complete (alt text or decorative, a credit, a licence) and used on such a page.
- Audio and video: used on such a page.

"Used" is read from Wagtail's reference index (the data behind each object's "Usage" tab), which
records what a page's live row refers to, in any field or StreamField block. A draft's new image
is only in its revision, so it stays out until the draft is published.
"""

from django.contrib.contenttypes.models import ContentType
from django.db.models import BigIntegerField, CharField, Q
from django.db.models.functions import Cast
from wagtail.images import get_image_model
from wagtail.models import Page, PageViewRestriction, ReferenceIndex, Site


def site_for(request):
    return Site.find_for_request(request)


def restricted_paths(request):
    """Tree paths of the pages with a view restriction, read once per request."""
    if not hasattr(request, "_reuse_restricted_paths"):
        request._reuse_restricted_paths = list(
            PageViewRestriction.objects.values_list("page__path", flat=True)
        )
    return request._reuse_restricted_paths


def is_public(page, request):
    """Whether a live page loaded elsewhere (a story's series, a contributor) is public."""
    return bool(page.live) and not any(
        page.path.startswith(path) for path in restricted_paths(request)
    )


def public_pages(request, model=Page):
    """Live pages of `model` without view restrictions, on the request's site."""
    site = site_for(request)
    if site is None:
        return model.objects.none()
    queryset = model.objects.live().descendant_of(site.root_page, inclusive=True)
    hidden = Q()
    for path in restricted_paths(request):
        hidden |= Q(path__startswith=path)
    return queryset.exclude(hidden) if hidden else queryset


def _used_ids(request, target_model):
    """A subquery of the ids of `target_model` objects that public pages refer to."""
    page_ids = (
        public_pages(request)
        .annotate(id_text=Cast("pk", CharField(max_length=32)))
        .values("id_text")
    )
    return (
        ReferenceIndex.objects.filter(
            base_content_type=ContentType.objects.get_for_model(Page),
            object_id__in=page_ids,
            to_content_type=ContentType.objects.get_for_model(target_model),
        )
        .annotate(target_id=Cast("to_object_id", BigIntegerField()))
        .values("target_id")
    )


def public_images(request):
    """Complete images that a live, public page shows."""
    image_model = get_image_model()
    return image_model.objects.exclude(pk__in=image_model.objects.incomplete().values("pk")).filter(
        pk__in=_used_ids(request, image_model)
    )


def public_media(request):
    """Audio and video items that a live, public page plays."""
    from wagtailmedia.models import get_media_model

    media_model = get_media_model()
    return media_model.objects.filter(pk__in=_used_ids(request, media_model))


def pages_using(request, target_model, target_ids, page_model):
    """{target id: [public pages of `page_model` using it]} in one query (pages ordered by id)."""
    ids = [str(pk) for pk in target_ids]
    if not ids:
        return {}
    rows = ReferenceIndex.objects.filter(
        base_content_type=ContentType.objects.get_for_model(Page),
        to_content_type=ContentType.objects.get_for_model(target_model),
        to_object_id__in=ids,
    ).values_list("to_object_id", "object_id")
    wanted = {}
    for target_id, page_id in rows:
        wanted.setdefault(int(page_id), set()).add(int(target_id))
    if not wanted:
        return {}
    found = {}
    for page in public_pages(request, page_model).filter(pk__in=list(wanted)).order_by("pk"):
        for target_id in wanted[page.pk]:
            found.setdefault(target_id, []).append(page)
    return found
