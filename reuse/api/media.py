"""`/api/v2/media/`: the audio and video that public stories play, with duration, size, file,
transcript (its text and the story's transcript page) and captions."""

from django.http import Http404
from wagtailmedia.models import get_media_model

from collection.models import StoryPage

from .. import visibility
from . import representations as rep
from .base import ReadOnlyEndpoint


class PublicMediaEndpoint(ReadOnlyEndpoint):
    name = endpoint = "media"
    model = get_media_model()
    known_query_parameters = ReadOnlyEndpoint.known_query_parameters | {"kind"}
    choice_filters = {"kind": {"audio", "video"}}
    orderings = {
        "id": ("pk",),
        "-id": ("-pk",),
        "title": ("title", "pk"),
        "-title": ("-title", "-pk"),
    }

    def get_queryset(self):
        return visibility.public_media(self.request)

    def filter_listing(self, queryset):
        if "kind" in self.request.GET:
            queryset = queryset.filter(type=self.request.GET["kind"])
        return queryset

    def get_object(self):
        item = self.get_queryset().filter(pk=self.kwargs["pk"]).first()
        if item is None:
            raise Http404("No public audio or video with that id.")
        return item

    def prepare(self, request, items):
        # One query for the references and one for the stories, for the whole page of items.
        self._stories = visibility.pages_using(
            request, self.model, [item.pk for item in items], StoryPage
        )

    def represent(self, request, item):
        return {
            "id": item.pk,
            "meta": self.meta(request, item),
            "title": item.title,
            **rep.media_data(request, item, self._stories.get(item.pk, [])),
        }
