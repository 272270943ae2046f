"""Citation downloads (RIS, BibTeX, CSL-JSON) of a public story, at their own addresses so the
story page itself never builds them."""

from django.http import Http404, HttpResponse, JsonResponse
from django.views.decorators.http import require_safe

from .citations.formats import FORMATS
from .citations.records import csl_item
from .stories import public_story


@require_safe
def citation_download(request, page_id, kind):
    try:
        story = public_story(request, page_id)
    except Http404 as exc:
        return JsonResponse({"message": str(exc)}, status=404)
    write, content_type, extension = FORMATS[kind]
    response = HttpResponse(
        write(csl_item(story, request)), content_type=f"{content_type}; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{story.slug}.{extension}"'
    return response
