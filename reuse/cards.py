"""The story card page that other sites frame through oEmbed: title, summary, the illustration
with its credit (and its attribution when openly licensed), and a link back to the story.

It is the one page other sites may frame: the CSP middleware gives paths under
CSP_FRAMEABLE_PATH_PREFIXES `frame-ancestors *` (also when served from the page cache), and the
view is exempt from X-Frame-Options. `?image=0` leaves the illustration out, for embeds whose
`maxheight` has no room for it.
"""

from django.template.response import TemplateResponse
from django.utils.cache import patch_cache_control
from django.views.decorators.clickjacking import xframe_options_exempt
from django.views.decorators.http import require_safe

from .citations.records import author_names
from .stories import public_story


@xframe_options_exempt
@require_safe
def story_card(request, page_id):
    story = public_story(request, page_id, "hero_image", "hero_image__illustrator")
    show_image = request.GET.get("image") != "0" and story.hero_image is not None
    image = story.hero_image if show_image and story.hero_image.is_complete else None
    response = TemplateResponse(
        request,
        "reuse/card.html",
        {
            "story": story,
            "story_url": story.get_full_url(request),
            "authors": author_names(story.credits(request)),
            "image": image,
        },
    )
    patch_cache_control(response, public=True, max_age=story.cache_max_age)
    return response
