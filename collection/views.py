"""Public views that are not pages: search and robots.txt."""

from urllib.parse import urlencode

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.dateformat import format as format_date
from django.utils.html import strip_tags
from django.utils.translation import gettext as _
from django.utils.translation import ngettext, pgettext
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET
from wagtail.models import Page

from illustrations.renditions import with_illustrations

from .listings import own_language
from .locales import active_locale_id
from .models import ContributorPage, SeriesPage, StoryPage, Theme
from .models.series import with_cover_data
from .models.story_index import with_card_data

RESULTS_PER_PAGE = 10
MAX_QUERY_LENGTH = 200


def _search_results(page_list):
    """Turn one page of search hits into what the template shows, in a fixed number of queries.

    The search returns base Page objects; their specific stories, series and contributors are
    fetched in one query per type, with everything their result rows show.
    """
    ids = [page.pk for page in page_list]
    # Placeholder aliases of pages in another language are left out (own_language).
    stories = with_card_data(StoryPage.objects.filter(own_language(), pk__in=ids)).in_bulk()
    series = with_cover_data(SeriesPage.objects.filter(own_language(), pk__in=ids)).in_bulk()
    people = with_illustrations(
        ContributorPage.objects.filter(own_language(), pk__in=ids), "portrait", variants=("card",)
    ).in_bulk()
    results = []
    for pk in ids:
        if pk in stories:
            story = stories[pk]
            credits = ", ".join(c.contributor.title for c in story.story_contributors.all())
            results.append(
                {
                    "page": story,
                    "kind": story.get_format_display(),
                    "kind_slug": story.format,
                    "summary": story.listing_summary or story.summary,
                    "image": story.hero_image,
                    "meta": " · ".join(
                        part
                        # Month names in the reader's language.
                        for part in (credits, format_date(story.first_published, "j F Y"))
                        if part
                    ),
                }
            )
        elif pk in series:
            item = series[pk]
            results.append(
                {
                    "page": item,
                    "kind": pgettext("one series", "Series"),
                    "kind_slug": "series",
                    "summary": item.listing_summary or strip_tags(item.introduction),
                    "image": item.cover_image,
                    "meta": ngettext("%(count)d story", "%(count)d stories", item.story_count)
                    % {"count": item.story_count},
                }
            )
        elif pk in people:
            person = people[pk]
            results.append(
                {
                    "page": person,
                    "kind": _("Contributor"),
                    "kind_slug": "contributor",
                    "summary": person.listing_summary or strip_tags(person.short_bio),
                    "image": person.portrait,
                    "meta": ", ".join(person.role_labels),
                }
            )
    return results


@require_GET
@cache_control(public=True, max_age=60)
def search(request):
    query = request.GET.get("q", "").strip()[:MAX_QUERY_LENGTH]
    context = {"search_query": query}
    # Pages and themes of the address's language only (/cy/search/ finds Welsh pages). The
    # PostgreSQL backend matches them with that language's text search configuration
    # (collection/search_backend.py).
    locale_id = active_locale_id(request)
    if query:
        hits = (
            Page.objects.live()
            .public()
            .filter(locale=locale_id)
            .type(StoryPage, SeriesPage, ContributorPage)
            .search(query, operator="and")
        )
        paginator = Paginator(hits, RESULTS_PER_PAGE)
        try:
            results = paginator.page(request.GET.get("page", 1))
        except PageNotAnInteger:
            results = paginator.page(1)
        except EmptyPage:
            results = paginator.page(paginator.num_pages)
        context.update(
            {
                "paginator": paginator,
                "results": results,
                "result_pages": _search_results(list(results.object_list)),
                "search_querystring": urlencode({"q": query}),
            }
        )
    else:
        context["themes"] = Theme.objects.filter(locale_id=locale_id)
    return TemplateResponse(request, "collection/search/search.html", context)


@require_GET
@cache_control(public=True, max_age=3600)
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /search/",
        "",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")
