"""Checks on files sent with a story: type read from the content, sizes and count limited,
pictures checked for pixel bombs and damage without being decoded."""

import filetype
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.functional import lazy
from django.utils.translation import gettext as _

from illustrations.image_checks import read_image_header, unreadable

MAX_FILES = 3
MAX_FILE_SIZE = 20 * 1024 * 1024
MAX_TOTAL_SIZE = 40 * 1024 * 1024

# Content type read from the file's first bytes -> (kind, extension we store it under).
ACCEPTED_TYPES = {
    "image/jpeg": ("image", "jpg"),
    "image/png": ("image", "png"),
    "image/webp": ("image", "webp"),
    "audio/mpeg": ("audio", "mp3"),
    "audio/mp4": ("audio", "m4a"),
    "audio/ogg": ("audio", "ogg"),
    "audio/x-wav": ("audio", "wav"),
    "application/pdf": ("pdf", "pdf"),
}


def _limits_text():
    return _(
        "Optional. Up to %(count)s files: images (JPEG, PNG or WebP), audio (MP3, M4A, OGG or "
        "WAV) or PDF documents, each up to %(each)s and %(total)s in all."
    ) % {
        "count": MAX_FILES,
        "each": filesizeformat(MAX_FILE_SIZE),
        "total": filesizeformat(MAX_TOTAL_SIZE),
    }


# Worked out when shown, in the reader's language.
LIMITS_TEXT = lazy(_limits_text, str)()


def _head(upload, length=8192):
    upload.seek(0)
    head = upload.read(length)
    upload.seek(0)
    return head


def inspect_upload(upload):
    """Return (kind, content_type, extension) for an acceptable file, or raise ValidationError.

    The sender's file name and the browser's stated type are ignored: a page of HTML renamed
    "photo.jpg" is refused.
    """
    # The sender's own file name, shown back to them; Django escapes it in the template.
    name = upload.name
    if upload.size == 0:
        raise ValidationError(
            _("“%(name)s” is empty. Please choose the file again.") % {"name": name}
        )
    if upload.size > MAX_FILE_SIZE:
        raise ValidationError(
            _(
                "“%(name)s” is %(size)s; each file can be up to %(limit)s. Could you send a "
                "smaller version?"
            )
            % {
                "name": name,
                "size": filesizeformat(upload.size),
                "limit": filesizeformat(MAX_FILE_SIZE),
            }
        )
    guess = filetype.guess(_head(upload))
    accepted = ACCEPTED_TYPES.get(guess.mime) if guess else None
    if accepted is None:
        raise ValidationError(
            _(
                "We could not recognise “%(name)s” as an image, audio file or PDF, whatever its "
                "name says. Please send a JPEG, PNG, WebP, MP3, M4A, OGG, WAV or PDF file."
            )
            % {"name": name}
        )
    kind, extension = accepted
    if kind == "image":
        # The shared check (illustrations/image_checks.py): a pixel bomb or a damaged picture
        # gets the same message as in the admin, read from the header without decoding.
        # The file itself is kept exactly as sent.
        try:
            read_image_header(upload, name=name)
        except ValidationError as error:
            if error.code == "not_an_image":
                raise unreadable(name) from error
            raise
    return kind, guess.mime, extension


def check_uploads(uploads):
    """Check count, total size and each file; return [(upload, kind, mime, extension)]."""
    if len(uploads) > MAX_FILES:
        raise ValidationError(
            _("You attached %(count)s files; please choose at most %(limit)s.")
            % {"count": len(uploads), "limit": MAX_FILES}
        )
    total = sum(upload.size for upload in uploads)
    if total > MAX_TOTAL_SIZE:
        raise ValidationError(
            _(
                "Your files come to %(total)s; together they can be up to %(limit)s. Please "
                "send fewer or smaller files."
            )
            % {"total": filesizeformat(total), "limit": filesizeformat(MAX_TOTAL_SIZE)}
        )
    checked, errors = [], []
    for upload in uploads:
        try:
            checked.append((upload, *inspect_upload(upload)))
        except ValidationError as error:
            errors.extend(error.messages)
    if errors:
        raise ValidationError(errors)
    return checked
