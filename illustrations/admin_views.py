"""Admin views that make the library kinder to illustrators:

- `IllustrationUsageView` replaces Wagtail's image usage listing (same URL, registered first in
  wagtail_hooks.py). Wagtail names only the pages a person may edit and shows "(Private page)"
  for the rest; an illustrator, who edits no stories, saw nothing but that. Here a page the
  viewer cannot edit is named, with a link to it on the site, when it is live and its live
  version shows the artwork; a draft is never named (its title may not be public yet).
- `forget_unkept_uploads`: the multiple uploader keeps a dropped file aside until its details
  are saved (see forms.py); a file whose details never were is not in the library. The upload
  page lists such files by name (templatetags/illustration_admin_tags.py) and this view clears
  that list, deleting the files kept aside.
"""

from django.contrib import messages
from django.contrib.contenttypes.models import ContentType
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from wagtail.admin.ui.tables import Column, ReferencesColumn, TitleColumn
from wagtail.images import get_image_model
from wagtail.images.views.images import UsageView
from wagtail.models import Page, UploadedFile

DRAFT_LABEL = gettext_lazy("A draft, not yet published")


def unkept_uploads(user):
    """The files `user` dropped in the multiple image uploader whose details were never saved."""
    if not user.is_authenticated:
        return UploadedFile.objects.none()
    return UploadedFile.objects.filter(
        uploaded_by_user=user,
        for_content_type=ContentType.objects.get_for_model(get_image_model()),
    ).order_by("pk")


@require_POST
def forget_unkept_uploads(request):
    count = 0
    for upload in unkept_uploads(request.user):
        upload.file.delete(save=False)
        upload.delete()
        count += 1
    if count:
        messages.success(request, f"Cleared {count} file(s) that were never added to the library.")
    return redirect("wagtailimages:add_multiple")


def _live_version_uses(page, image):
    from collection.publish_rules import used_object_ids

    # The reference index keeps object ids as strings.
    return str(image.pk) in used_object_ids(page)[get_image_model()]


class IllustrationUsageView(UsageView):
    """Wagtail's image usage listing, naming live pages the viewer cannot edit."""

    @property
    def columns(self):
        return [
            TitleColumn(
                "name",
                label=gettext_lazy("Name"),
                accessor="label",
                get_url=lambda row: row["edit_url"] or row.get("live_url"),
            ),
            Column(
                "content_type",
                label=gettext_lazy("Type"),
                accessor=lambda row: row["references"][0].model_name.capitalize(),
            ),
            ReferencesColumn(
                "field",
                label=gettext_lazy("Field"),
                accessor="references",
                get_url=lambda row: row["edit_url"],
            ),
        ]

    def get_table(self, object_list, **kwargs):
        table = super().get_table(object_list, **kwargs)
        for row in table.data:
            if row["edit_url"] is None and isinstance(row["object"], Page):
                self._describe_page_for_reader(row)
        return table

    def _describe_page_for_reader(self, row):
        page = row["object"].specific
        if page.live and _live_version_uses(page, self.object):
            # The page row holds the live version's title; a newer draft title is not shown.
            row["label"] = page.title
            row["live_url"] = page.get_url(self.request)
        else:
            row["label"] = DRAFT_LABEL
            row["live_url"] = None
