"""Story page tags of the reuse app: citation meta tags, oEmbed discovery and "Cite this story".

All three work from what the page already loaded (its credits, date and address), so they add
no query to the story page.

    {% load reuse_tags %}
    {% story_reuse_head page %}   {# in <head>: citation_* meta tags and the oEmbed link #}
    {% cite_this_story page %}    {# APA and Vancouver, and the RIS/BibTeX/CSL-JSON downloads #}
"""

from urllib.parse import urlencode

from django import template
from django.urls import reverse

from collection import fragments

from ..citations.records import SITE_NAME, author_names, csl_item, story_language
from ..citations.styles import all_styles

register = template.Library()


@register.inclusion_tag("reuse/includes/story_head.html", takes_context=True)
def story_reuse_head(context, page):
    request = context["request"]
    full_url = page.get_full_url(request)
    oembed_url = None
    # A preview of a story not saved yet has no address to embed.
    if page.pk and full_url:
        query = urlencode({"url": full_url, "format": "json"})
        oembed_url = request.build_absolute_uri(reverse("reuse:oembed") + "?" + query)
    return {
        "page": page,
        "full_url": full_url or "",
        "authors": author_names(page.credits(request)),
        "site_name": SITE_NAME,
        "language": story_language(page),
        "oembed_url": oembed_url,
    }


@register.inclusion_tag("reuse/includes/cite_this_story.html", takes_context=True)
def cite_this_story(context, page):
    request = context["request"]
    record = csl_item(page, request)
    # Kept per content generation where the site keeps fragments; each style's output is also
    # kept per process by its record (reuse/citations/styles.py).
    styles = fragments.remember(
        request,
        "story-citations",
        page.pk,
        lambda: [(label, str(html)) for label, html in all_styles(record)],
    )
    downloads = []
    if page.pk and page.live:  # the downloads serve live, public stories only
        downloads = [
            (label, reverse("reuse:citation", args=(page.pk, kind)))
            for kind, label in (("ris", "RIS"), ("bib", "BibTeX"), ("json", "CSL-JSON"))
        ]
    return {"styles": styles, "downloads": downloads}
