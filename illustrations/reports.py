"""Library-wide image reports in the admin's Reports menu, each exportable as CSV or Excel:

- Images that cannot appear on a published page (missing alt text, credit or licence).
- Images used nowhere (nothing in Wagtail's reference index points at them).
- Every use of the work of one illustrator (or all of them): each page, snippet or setting that
  uses each image, with where it is and whether it is live, for a takedown or a portfolio.

Only people who may change images (Editors, Reviewers, superusers) see them; the rows are the
images each person may change. Exported cells that a spreadsheet would run as a formula are
written as text.
"""

import datetime

import django_filters
from django.contrib.contenttypes.models import ContentType
from django.utils.functional import cached_property
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.images import get_image_model, get_permission_policy
from wagtail.models import Page, ReferenceIndex

from .permissions import is_editor

# What a spreadsheet reads as the start of a formula in a CSV cell.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value):
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def user_may_see_image_reports(user):
    """Editors, Reviewers and superusers who may change images. Illustrators may change their
    own uploads but edit no stories: the library-wide view is not theirs."""
    return is_editor(user) and get_permission_policy().user_has_permission(user, "change")


def edit_url(image):
    from django.urls import reverse

    return reverse("wagtailimages:edit", args=[image.pk])


class ImageReportView(ReportView):
    """What the image reports share: who may see them and which images they list."""

    permission_required = "change"
    header_icon = "image"
    custom_value_preprocess = {
        **ReportView.custom_value_preprocess,
        str: {ReportView.FORMAT_CSV: safe_cell},
    }

    @cached_property
    def permission_policy(self):
        return get_permission_policy()

    def user_has_permission(self, permission):
        return user_may_see_image_reports(self.request.user)

    def get_filename(self):
        return f"{self.export_filename}-{datetime.date.today():%Y-%m-%d}"

    def images(self):
        """The images this person may change, with their credit joined."""
        return self.permission_policy.instances_user_has_permission_for(
            self.request.user, "change"
        ).select_related("illustrator")


class IncompleteImagesFilterSet(WagtailFilterSet):
    missing = django_filters.ChoiceFilter(
        label="Missing",
        empty_label="Anything",
        choices=[("alt", "Alt text"), ("credit", "Credit"), ("licence", "Licence")],
        method="filter_missing",
    )

    class Meta:
        model = get_image_model()
        fields = []

    def filter_missing(self, queryset, name, value):
        if value == "alt":
            return queryset.filter(is_decorative=False, description="")
        if value == "credit":
            return queryset.filter(
                illustrator__isnull=True, illustrator_name="", copyright_holder=""
            )
        if value == "licence":
            return queryset.filter(licence="")
        return queryset


class IncompleteImagesReport(ImageReportView):
    page_title = "Images missing alt text, credit or licence"
    index_url_name = "illustrations_report_incomplete"
    index_results_url_name = "illustrations_report_incomplete_results"
    filterset_class = IncompleteImagesFilterSet
    export_filename = "images-missing-details"
    list_export = ["pk", "title", "missing_text", "credit_name", "created_at", "admin_url"]
    export_headings = {
        "pk": "Image id",
        "title": "Title",
        "missing_text": "Missing",
        "credit_name": "Credit",
        "created_at": "Uploaded",
        "admin_url": "Edit in the admin",
    }

    @cached_property
    def columns(self):
        return [
            TitleColumn("title", label="Image", get_url=edit_url),
            Column("missing_text", label="Missing"),
            Column("credit_name", label="Credit"),
            DateColumn("created_at", label="Uploaded"),
        ]

    def get_queryset(self):
        return self.images().incomplete().order_by("-created_at", "-pk")

    def decorate_paginated_queryset(self, images):
        for image in images:
            image.missing_text = "; ".join(image.missing_metadata())
            image.admin_url = self.request.build_absolute_uri(edit_url(image))
        return images


class UnusedImagesReport(ImageReportView):
    page_title = "Images used nowhere"
    index_url_name = "illustrations_report_unused"
    index_results_url_name = "illustrations_report_unused_results"
    export_filename = "images-used-nowhere"
    list_export = ["pk", "title", "credit_name", "created_at", "admin_url"]
    export_headings = {
        "pk": "Image id",
        "title": "Title",
        "credit_name": "Credit",
        "created_at": "Uploaded",
        "admin_url": "Edit in the admin",
    }

    @cached_property
    def columns(self):
        return [
            TitleColumn("title", label="Image", get_url=edit_url),
            Column("credit_name", label="Credit"),
            DateColumn("created_at", label="Uploaded"),
        ]

    def get_queryset(self):
        usage = ReferenceIndex.usage_count_subquery(get_image_model())
        return self.images().annotate(usage_count=usage).filter(usage_count=0).order_by("title")

    def decorate_paginated_queryset(self, images):
        for image in images:
            image.admin_url = self.request.build_absolute_uri(edit_url(image))
        return images


def illustrator_pages(request=None):
    from django.apps import apps

    contributor_model = apps.get_model("collection", "ContributorPage")
    pages = contributor_model.objects.only("pk", "title", "roles").order_by("title")
    return contributor_model.objects.filter(
        pk__in=[page.pk for page in pages if "illustrator" in (page.roles or [])]
    ).order_by("title")


class IllustratorWorkFilterSet(WagtailFilterSet):
    illustrator = django_filters.ModelChoiceFilter(
        label="Illustrator",
        empty_label="Every illustrator",
        queryset=illustrator_pages,
        method="filter_illustrator",
    )
    credited_as = django_filters.CharFilter(
        label="Or credited as",
        method="filter_credited_as",
        help_text="A name typed in the image's credit (for illustrators without a page).",
    )

    class Meta:
        model = ReferenceIndex
        fields = []

    def filter_illustrator(self, queryset, name, value):
        ids = get_image_model().objects.filter(illustrator=value).values_list("pk", flat=True)
        return queryset.filter(to_object_id__in=[str(pk) for pk in ids])

    def filter_credited_as(self, queryset, name, value):
        from django.db.models import Q

        value = value.strip()
        if not value:
            return queryset
        ids = (
            get_image_model()
            .objects.filter(
                Q(illustrator_name__icontains=value) | Q(copyright_holder__icontains=value)
            )
            .values_list("pk", flat=True)
        )
        return queryset.filter(to_object_id__in=[str(pk) for pk in ids])


class IllustratorWorkReport(ImageReportView):
    """One row per use of an image: the image, its illustrator and where it is used."""

    page_title = "Every use of an illustrator's work"
    index_url_name = "illustrations_report_illustrator_work"
    index_results_url_name = "illustrations_report_illustrator_work_results"
    filterset_class = IllustratorWorkFilterSet
    export_filename = "illustrator-work"
    list_export = [
        "image.credit_name",
        "image.pk",
        "image.title",
        "used_in",
        "used_in_type",
        "status",
        "field_label",
        "public_url",
        "image_admin_url",
    ]
    export_headings = {
        "image.credit_name": "Illustrator",
        "image.pk": "Image id",
        "image.title": "Image",
        "used_in": "Used in",
        "used_in_type": "Type",
        "status": "Status",
        "field_label": "Where",
        "public_url": "Address on the site",
        "image_admin_url": "Image in the admin",
    }

    @cached_property
    def columns(self):
        return [
            TitleColumn(
                "image",
                label="Image",
                accessor="image.title",
                get_url=lambda row: edit_url(row.image),
            ),
            Column("illustrator", label="Illustrator", accessor="image.credit_name"),
            TitleColumn("used_in", label="Used in", get_url=lambda row: row.public_url or None),
            Column("used_in_type", label="Type"),
            Column("status", label="Status"),
            Column("field_label", label="Where"),
        ]

    def get_queryset(self):
        image_ids = [str(pk) for pk in self.images().values_list("pk", flat=True)]
        return (
            ReferenceIndex.objects.filter(
                to_content_type=ContentType.objects.get_for_model(get_image_model()),
                to_object_id__in=image_ids,
            )
            .select_related("content_type", "base_content_type")
            .order_by("to_object_id", "base_content_type_id", "object_id", "content_path")
        )

    def decorate_paginated_queryset(self, references):
        references = list(references)
        images = self.images().in_bulk({int(ref.to_object_id) for ref in references})
        sources = self._sources(references)
        rows = []
        for ref in references:
            source = sources.get((ref.base_content_type_id, ref.object_id))
            image = images.get(int(ref.to_object_id))
            if image is None or source is None:
                continue
            ref.image = image
            ref.image_admin_url = self.request.build_absolute_uri(edit_url(image))
            ref.used_in = str(source)
            ref.used_in_type = ref.content_type.name.capitalize()
            ref.field_label = ref.describe_source_field()
            ref.status, ref.public_url = self._status(source)
            rows.append(ref)
        return rows

    def _sources(self, references):
        """The objects holding each reference, one query per kind of object."""
        wanted = {}
        for ref in references:
            wanted.setdefault(ref.base_content_type_id, set()).add(ref.object_id)
        found = {}
        for content_type_id, ids in wanted.items():
            model = ContentType.objects.get_for_id(content_type_id).model_class()
            if model is None:
                continue
            queryset = model.objects.filter(pk__in=ids)
            if issubclass(model, Page):
                queryset = queryset.specific()
            for obj in queryset:
                found[(content_type_id, str(obj.pk))] = obj
        return found

    def _status(self, source):
        if isinstance(source, Page):
            if source.live:
                return "Live", source.get_full_url(self.request) or ""
            return "Draft", ""
        return "", ""
