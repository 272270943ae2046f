"""Template helpers for the admin templates this app overrides (the multiple image uploader,
the dashboard). Not for public templates: see illustration_tags.py for those."""

import os

from django import template

from ..admin_views import unkept_uploads
from ..permissions import is_illustrator_only

register = template.Library()


@register.simple_tag
def unkept_upload_names(user):
    """The file names of what `user` dropped in the uploader and never finished."""
    return [os.path.basename(upload.file.name) for upload in unkept_uploads(user)]


@register.filter
def illustrator_only(user):
    return is_illustrator_only(user)
