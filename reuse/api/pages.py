"""`/api/v2/pages/`: the collection's public stories, series and contributors.

Filters: `type` (one of PAGE_TYPES), and for stories `theme` (slug), `format` and `series`
(slug), plus `locale` (a language code). Locale is the hook for translated content: every page
already has a locale, so the filter works today and keeps working when languages are switched
on (WAGTAIL_I18N_ENABLED), with no change here.
"""

from django.http import Http404
from wagtail.api.v2.utils import BadRequestError
from wagtail.models import Page

from collection.models import ContributorPage, SeriesPage, StoryFormat, StoryPage

from .. import visibility
from . import representations as rep
from .base import ReadOnlyEndpoint

PAGE_TYPES = {
    "collection.StoryPage": StoryPage,
    "collection.SeriesPage": SeriesPage,
    "collection.ContributorPage": ContributorPage,
}
STORY_FILTERS = ("theme", "format", "series")


def with_page_data(queryset):
    """The queryset with what its pages' representations need (nothing more for plain pages)."""
    model = queryset.model
    if model is StoryPage:
        return rep.with_story_data(queryset)
    if model is SeriesPage:
        return rep.with_series_data(queryset)
    if model is ContributorPage:
        return rep.with_contributor_data(queryset)
    return queryset


class PublicPagesEndpoint(ReadOnlyEndpoint):
    name = endpoint = "pages"
    model = Page
    known_query_parameters = ReadOnlyEndpoint.known_query_parameters | {
        "type",
        "locale",
        *STORY_FILTERS,
    }
    choice_filters = {"type": set(PAGE_TYPES), "format": set(StoryFormat.values)}
    orderings = {
        "-first_published_at": ("-first_published_at", "-pk"),
        "first_published_at": ("first_published_at", "pk"),
        "title": ("title", "pk"),
        "-title": ("-title", "-pk"),
        "id": ("pk",),
        "-id": ("-pk",),
    }
    default_order = "-first_published_at"

    def requested_model(self):
        """The page model asked for: a `type`, or stories when a story filter is given."""
        model = PAGE_TYPES.get(self.request.GET.get("type", ""))
        if any(name in self.request.GET for name in STORY_FILTERS):
            if model not in (None, StoryPage):
                raise BadRequestError("theme, format and series filter stories only")
            model = StoryPage
        return model

    def get_queryset(self):
        model = self.requested_model()
        if model is None:
            queryset = visibility.public_pages(self.request).type(*PAGE_TYPES.values())
        else:
            queryset = visibility.public_pages(self.request, model)
        return queryset.select_related("locale")

    def filter_listing(self, queryset):
        get = self.request.GET
        if "locale" in get:
            queryset = queryset.filter(locale__language_code=get["locale"])
        if "theme" in get:
            queryset = queryset.filter(themes__slug=get["theme"])
        if "format" in get:
            queryset = queryset.filter(format=get["format"])
        if "series" in get:
            public_series = visibility.public_pages(self.request, SeriesPage)
            queryset = queryset.filter(
                series_memberships__series__in=public_series.filter(slug=get["series"])
            )
        return with_page_data(queryset)

    def get_object(self):
        pk = self.kwargs["pk"]
        model = self.requested_model()
        if model is None:
            found = self.get_queryset().filter(pk=pk).first()
            model = found.specific_class if found is not None else None
        page = None
        if model is not None:
            queryset = visibility.public_pages(self.request, model).select_related("locale")
            page = with_page_data(queryset).filter(pk=pk).first()
        if page is None:
            raise Http404("No public page with that id.")
        return page

    def represent(self, request, page):
        meta = self.meta(request, page)
        if type(page) is Page:
            meta["type"] = next(
                (name for name, model in PAGE_TYPES.items() if model is page.specific_class), None
            )
        meta.update(
            {
                "html_url": page.get_full_url(request),
                "slug": page.slug,
                "first_published_at": (
                    page.first_published_at.isoformat() if page.first_published_at else None
                ),
                "locale": page.locale.language_code,
            }
        )
        data = {"id": page.pk, "meta": meta, "title": page.title}
        if isinstance(page, StoryPage):
            data.update(rep.story_data(request, page))
        elif isinstance(page, SeriesPage):
            data.update(rep.series_data(request, page))
        elif isinstance(page, ContributorPage):
            data.update(rep.contributor_data(request, page))
        return data
