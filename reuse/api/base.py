"""What every endpoint of the read API shares, on top of Wagtail's `BaseAPIViewSet`.

- JSON only (no browsable API, whose HTML would need inline scripts under the site's CSP), and
  no `?format=` renderer switch: `format` is a story filter here.
- A fixed set of query parameters, checked on listings and details alike; anything else is a
  400 with a message (Wagtail's own `fields` and field filters are not offered, so every
  response has the shape the OpenAPI description gives).
- One serializer per endpoint that builds the whole item from prefetched rows
  (reuse/api/representations.py).
- Pagination is Wagtail's (`limit` up to WAGTAILAPI_LIMIT_MAX, `offset`), always over a stable
  order that ends in the primary key.
"""

from rest_framework import serializers
from rest_framework.negotiation import DefaultContentNegotiation
from rest_framework.renderers import JSONRenderer
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import BaseAPIViewSet

from .representations import api_url

# Largest id or offset accepted: ids are 64-bit signed integers in every database, and a larger
# number would fail in the database rather than find nothing.
MAX_ID = 2**63 - 1
MAX_OFFSET = 1_000_000


class JSONOnly(DefaultContentNegotiation):
    def select_renderer(self, request, renderers, format_suffix=None):
        return renderers[0], renderers[0].media_type


class ItemSerializer(serializers.BaseSerializer):
    """Serializes an item with `build(request, item)` given by the endpoint."""

    def to_representation(self, instance):
        view = self.context["view"]
        return view.represent(self.context["request"], instance)


class ReadOnlyEndpoint(BaseAPIViewSet):
    renderer_classes = [JSONRenderer]
    content_negotiation_class = JSONOnly
    known_query_parameters = frozenset(["limit", "offset", "order"])
    # order value -> order_by fields (the primary key last, so pages never overlap).
    orderings = {"id": ("pk",), "-id": ("-pk",)}
    default_order = "id"
    choice_filters = {}  # parameter -> allowed values, checked before any query

    @classmethod
    def get_urlpatterns(cls):
        return [path for path in super().get_urlpatterns() if path.name != "find"]

    def get_serializer_class(self):
        return ItemSerializer

    def check_query_parameters(self, queryset=None):
        unknown = set(self.request.GET.keys()) - set(self.known_query_parameters)
        if unknown:
            names = ", ".join(sorted(unknown))
            raise BadRequestError(f"query parameter is not an operation or a filter: {names}")
        for name, value in self.request.GET.items():
            if "\x00" in value:
                raise BadRequestError(f"{name}: null characters are not allowed")
        for name, allowed in self.choice_filters.items():
            value = self.request.GET.get(name)
            if value is not None and value not in allowed:
                raise BadRequestError(f"{name} must be one of: {', '.join(sorted(allowed))}")
        offset = self.request.GET.get("offset", "0")
        if offset.isdigit() and int(offset) > MAX_OFFSET:
            raise BadRequestError(f"offset cannot be higher than {MAX_OFFSET}")
        if int(self.kwargs.get("pk", 0)) > MAX_ID:
            from django.http import Http404

            raise Http404("No such item.")
        order = self.request.GET.get("order", self.default_order)
        if order not in self.orderings:
            raise BadRequestError(f"order must be one of: {', '.join(self.orderings)}")

    def order(self, queryset):
        return queryset.order_by(*self.orderings[self.request.GET.get("order", self.default_order)])

    def listing_view(self, request):
        self.check_query_parameters()
        queryset = self.order(self.filter_listing(self.get_queryset()))
        items = list(self.paginate_queryset(queryset))
        self.prepare(request, items)
        serializer = self.get_serializer(items, many=True)
        return self.get_paginated_response(serializer.data)

    def detail_view(self, request, pk):
        self.check_query_parameters()
        instance = self.get_object()
        self.prepare(request, [instance])
        return self.get_paginated_response_item(self.get_serializer(instance).data)

    def get_paginated_response_item(self, data):
        from rest_framework.response import Response

        return Response(data)

    def filter_listing(self, queryset):
        return queryset

    def prepare(self, request, items):
        """Load, in a fixed number of queries, what the items' representations need."""

    def meta(self, request, item):
        return {
            "type": f"{type(item)._meta.app_label}.{type(item).__name__}",
            "detail_url": api_url(request, self.endpoint, item.pk),
        }
