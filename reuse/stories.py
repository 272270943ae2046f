"""Finding the public story a reuse view is about, by id or by its address on the site."""

from urllib.parse import urlsplit

from django.http import Http404

from collection.models import StoryPage

from . import visibility


class PrivateStory(Exception):
    """The address is a live story behind a view restriction."""


def public_story(request, page_id, *related):
    """The live, public story with this id (with `related` joined), or Http404."""
    story = (
        visibility.public_pages(request, StoryPage)
        .select_related(*related)
        .filter(pk=page_id)
        .first()
        if int(page_id) <= 2**63 - 1
        else None
    )
    if story is None:
        raise Http404("No public story with that id.")
    return story


def story_at(request, url):
    """The live story at `url` on this site, or None; PrivateStory when it is restricted."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return None
    site = visibility.site_for(request)
    if site is None:
        return None
    host = parts.hostname or ""
    if host not in (request.get_host().split(":")[0], site.hostname):
        return None
    path = parts.path if parts.path.endswith("/") else parts.path + "/"
    candidates = StoryPage.objects.live().filter(
        url_path=site.root_page.url_path + path.lstrip("/")
    )
    story = candidates.select_related("hero_image", "hero_image__illustrator").first()
    if story is None:
        return None
    if not visibility.is_public(story, request):
        raise PrivateStory
    return story
