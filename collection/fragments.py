"""Work a public page derives from content, kept until the content changes.

A story page's related stories, its place in a series and the story cards every listing shows are
worked out from many rows; the results only change when content does. They are kept in the cache
under the request's *content generation*: a token that the deployment replaces whenever anything
public changes (a publish, an unpublish, a move, a deletion, an edited image, theme or setting;
see operations/signals.py). A new token makes every kept result unreachable at once, so nothing
here needs to know which change affects which page, and nothing can be stale.

The token comes from the request (`request.content_generation`, set by the operations app's
page-cache middleware on public GETs). Without it (previews, the admin, tests and development
unless asked for) everything is worked out afresh: keeping a result needs a token every worker
and node shares.

Every key holds the active language as well as the host, so a Welsh page never reuses what an
English page kept, and the reverse.
"""

from django.conf import settings
from django.core.cache import caches
from django.utils import translation

from . import local_copies

_MISSING = local_copies.MISSING


def _generation(request):
    if request is None or settings.FRAGMENT_CACHE_SECONDS <= 0:
        return None
    if getattr(request, "is_preview", False):
        return None
    return getattr(request, "content_generation", None)


def _cache():
    return caches[settings.FRAGMENT_CACHE_ALIAS]


def _key(generation, request, name, part):
    # The host is part of the key: URLs in kept HTML are relative to the request's site. So is
    # the language: kept HTML holds the site's words ("5 min read", format names, dates) in
    # the language it was rendered in, and listings are of that language's pages.
    language = translation.get_language() or settings.LANGUAGE_CODE
    return f"fragment:{generation}:{request.get_host()}:{language}:{name}:{part}"


def remember(request, name, part, compute):
    """`compute()`, or what it returned for the same `name` and `part` in this generation.

    A result of None is returned but not kept.
    """
    generation = _generation(request)
    if generation is None:
        return compute()
    key = _key(generation, request, name, part)
    cache = _cache()
    value = local_copies.get(cache, key)
    if value is _MISSING:
        value = compute()
        if value is not None:  # "nothing found" is not kept: made-up URLs fill no cache
            local_copies.set(cache, key, value, settings.FRAGMENT_CACHE_SECONDS)
    return value


def remember_many(request, name, parts, compute_missing):
    """A dict of part -> value for every part, computing only those not kept yet.

    `compute_missing(parts)` gets the list of parts not kept and returns a dict for them (a part
    it leaves out is left out of the answer too, and not kept).
    """
    parts = list(dict.fromkeys(parts))
    generation = _generation(request)
    if generation is None:
        return compute_missing(parts) if parts else {}
    keys = {part: _key(generation, request, name, part) for part in parts}
    cache = _cache()
    kept = local_copies.get_many(cache, list(keys.values())) if keys else {}
    found = {part: kept[key] for part, key in keys.items() if key in kept}
    missing = [part for part in parts if part not in found]
    if missing:
        computed = compute_missing(missing)
        local_copies.set_many(
            cache,
            {keys[part]: value for part, value in computed.items()},
            settings.FRAGMENT_CACHE_SECONDS,
        )
        found.update(computed)
    return found
