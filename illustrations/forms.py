"""The image upload and edit form (WAGTAILIMAGES_IMAGE_FORM_BASE), used by the single upload,
the edit view and both steps of the multiple uploader.

It requires alt text or the decorative tick, a credit and a licence, and lets the file's content,
not its name, decide its type: a PNG called .jpg is stored as .png, a text file called .png or an
SVG (which can carry scripts) is refused with a message saying why. A pixel bomb or a damaged
file is refused from its header (illustrations/image_checks.py), and the upload is rewritten
without its location and device metadata before anything stores it (clean_images.py).

The multiple uploader first validates only the file with this form; because the metadata is
missing, Wagtail keeps the upload aside (an `UploadedFile`) and creates the image only when the
editor completes this form for it, so the uploader cannot create an incomplete image.
"""

import os

import willow
from django import forms
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm

from .clean_images import clean_upload
from .image_checks import read_image_header
from .language_fields import add_language_fields, save_language_fields
from .permissions import is_illustrator_only, public_page_title
from .renditions import enqueue_site_renditions

# What Willow calls each format, and the extension a file of that format is stored under.
EXTENSION_FOR_FORMAT = {"jpeg": "jpg", "png": "png", "gif": "gif", "webp": "webp", "avif": "avif"}

ALT_TEXT_MISSING = (
    "Write alt text: describe what the image shows for people who cannot see it. "
    "If it adds nothing a reader would miss (a pattern, a texture), tick 'decorative' instead."
)
CREDIT_MISSING = (
    "Credit the artwork: choose the illustrator's contributor page, type the illustrator's "
    "name, or give the copyright holder."
)
DECORATIVE_HELP = (
    "Tick only if the image adds nothing a reader would miss (a pattern, a texture). Screen "
    "readers then skip it. Otherwise describe the image in the “Alt text” field."
)
LICENCE_MISSING = "Choose the licence under which we may show this image."


class IllustrationFileField(WagtailImageField):
    """Wagtail's image field, with the type decided by the file's content."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.error_messages["invalid_image"] = (
            "This file is not an image we can read. Upload a JPEG, PNG, WebP, AVIF or GIF file "
            "(a file renamed to .png or .jpg is still checked for what it really is)."
        )
        self.help_text = (
            f"JPEG, PNG, WebP, AVIF or GIF, up to {filesizeformat(self.max_upload_size)} "
            f"and {self.max_image_pixels // 1_000_000} megapixels. Upload the largest version "
            "you have: the site makes the smaller sizes."
        )

    def check_image_pixel_size(self, f):
        # The shared header check (image_checks.py) instead of Wagtail's, which asks Willow for
        # the frame count and, for some formats, decodes to find it.
        try:
            read_image_header(f, limit=self.max_image_pixels)
        except ValidationError as error:
            if error.code == "not_an_image":
                raise ValidationError(
                    self.error_messages["invalid_image"], code="invalid_image"
                ) from error
            raise

    def to_python(self, data):
        f = super().to_python(data)
        if f is not None and clean_upload(f):
            # What was uploaded is rewritten without its location and device metadata, so
            # every later step (Wagtail's parked multiple upload too) stores only the clean copy.
            f.image = willow.Image.open(f)
            f.seek(0)
        return f

    def allowed_formats(self):
        return {"jpeg" if ext == "jpg" else ext for ext in self.allowed_image_extensions}

    def check_image_file_format(self, f):
        content_format = f.image.format_name
        if content_format == "svg":
            raise ValidationError(
                "SVG files are not accepted: they can carry scripts. Export the artwork as PNG "
                "(for flat colour) or JPEG/WebP (for painted work) and upload that.",
                code="invalid_image_extension",
            )
        if content_format not in self.allowed_formats():
            raise ValidationError(
                f"This is a {content_format.upper()} file, which the site cannot show. "
                "Upload a JPEG, PNG, WebP, AVIF or GIF file.",
                code="invalid_image_extension",
            )
        # Store the file under the extension of what it really is (a PNG named .jpg -> .png).
        stem, extension = os.path.splitext(f.name)
        wanted = EXTENSION_FOR_FORMAT.get(content_format, content_format)
        if extension.lower().lstrip(".") not in (wanted, content_format):
            f.name = f"{stem}.{wanted}"


class IllustrationForm(BaseImageForm):
    """The base of every image form in the admin: requires alt text, credit and licence."""

    def __init__(self, *args, **kwargs):
        # The base form takes `user` but does not keep it.
        self.user = kwargs.get("user")
        super().__init__(*args, **kwargs)
        file_field = self.fields.get("file")
        if file_field is not None and not isinstance(file_field, IllustrationFileField):
            self.fields["file"] = IllustrationFileField(
                label=file_field.label,
                required=file_field.required,
                widget=file_field.widget,
            )
        if "description" in self.fields:
            field = self.fields["description"]
            field.label = "Alt text"
            field.help_text = (
                "What the image shows, for people who cannot see it: the people, the action, "
                "the mood, any words in it. One or two sentences; don't start with 'Image of'."
            )
        if "title" in self.fields:
            self.fields[
                "title"
            ].help_text = "A name for finding the image in the library (not shown to readers)."
        if "is_decorative" in self.fields:
            self.fields["is_decorative"].help_text = DECORATIVE_HELP
        self._offer_only_illustrators()
        self._limit_choices_for_illustrators()
        if "description" in self.fields:
            add_language_fields(self)

    def _offer_only_illustrators(self):
        """The Illustrator field lists contributor pages with the Illustrator role (and the
        image's current illustrator, so an older credit is never dropped by a save)."""
        field = self.fields.get("illustrator")
        if field is None:
            return
        pages = field.queryset.only("pk", "roles")
        wanted = [page.pk for page in pages if "illustrator" in (page.roles or [])]
        if self.instance.illustrator_id:
            wanted.append(self.instance.illustrator_id)
        field.queryset = field.queryset.filter(pk__in=wanted).order_by("title")

    def _limit_choices_for_illustrators(self):
        """An illustrator may only attach their own commissions and credit themselves."""
        user = self.user
        if user is None or "commission" not in self.fields or not is_illustrator_only(user):
            return
        page = getattr(user, "contributor_page", None)
        commissions = self.fields["commission"].queryset
        self.fields["commission"].queryset = (
            commissions.filter(illustrator=page) if page else commissions.none()
        )
        if "illustrator" in self.fields:
            # They credit themselves: their own page is the only choice, and the default.
            own = [page.pk] if page else []
            if self.instance.illustrator_id:
                own.append(self.instance.illustrator_id)
            field = self.fields["illustrator"]
            field.queryset = field.queryset.filter(pk__in=own)
            if page and not self.instance.pk and not self.is_bound:
                # A model form's initial data (from the empty instance) wins over a field's,
                # so both are set.
                field.initial = page.pk
                self.initial["illustrator"] = page.pk

    def clean(self):
        cleaned_data = super().clean()

        # Fields left out of a form (e.g. by a partial form) keep the instance's values.
        def value(name):
            if name in self.fields:
                return cleaned_data.get(name)
            return getattr(self.instance, name, None)

        if not value("is_decorative") and not (value("description") or "").strip():
            self._add_error_to("description", ALT_TEXT_MISSING)
        if not (
            value("illustrator")
            or (value("illustrator_name") or "").strip()
            or (value("copyright_holder") or "").strip()
        ):
            self._add_error_to("illustrator_name", CREDIT_MISSING)
        if not value("licence"):
            self._add_error_to("licence", LICENCE_MISSING)
        return cleaned_data

    def _add_error_to(self, name, message):
        # Never attach these to "file": the multiple uploader rejects the upload outright for
        # file errors, whereas other errors make it ask for the missing details.
        self.add_error(name if name in self.fields else None, message)

    def save(self, commit=True):
        if not commit:
            return super().save(commit=False)
        # The base form deletes a replaced file's renditions after saving the model, so the
        # fresh ones are queued here, afterwards, rather than from the post_save signal.
        self.instance._renditions_queued_by_form = True
        try:
            instance = super().save(commit=True)
        finally:
            self.instance._renditions_queued_by_form = False
        self.instance._rendition_source = self.instance.rendition_source_key()
        save_language_fields(self, instance)
        enqueue_site_renditions([instance.pk])
        return instance


class CommissionForm(WagtailAdminModelForm):
    """The commission form. An illustrator may move the status on and add notes; the brief,
    dates and assignment are the editors' to change."""

    ILLUSTRATOR_EDITABLE = ("status", "notes")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = self.for_user
        if user is not None and is_illustrator_only(user):
            for name, field in self.fields.items():
                if name not in self.ILLUSTRATOR_EDITABLE:
                    field.disabled = True
            self._show_illustrators_only_what_is_theirs()

    def _show_illustrators_only_what_is_theirs(self):
        """A disabled choice still lists every option: an illustrator's form offers only the
        current one, and names the page the artwork is for as readers know it (a draft's
        title may be a sender's words, see permissions.py)."""
        for name, field in self.fields.items():
            if isinstance(field, forms.ModelChoiceField):
                current = getattr(self.instance, f"{name}_id", None)
                field.queryset = field.queryset.filter(pk=current)
        if "for_page" in self.fields:
            self.fields["for_page"] = PublicPageTitleField(
                queryset=self.fields["for_page"].queryset,
                disabled=True,
                required=False,
                label=self.fields["for_page"].label,
                help_text="The story the artwork is for, once it is published.",
            )


class PublicPageTitleField(forms.ModelChoiceField):
    """A page shown by its published title, or as not yet published."""

    widget = forms.Select

    def label_from_instance(self, obj):
        return public_page_title(obj) or "A story not yet published"
