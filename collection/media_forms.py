"""The media library's add and edit form (wagtailmedia's MEDIA_FORM_BASE): wagtailmedia's own,
with a transcript and a captions file for each of the site's other languages.

The boxes are optional on the form: a page in a language needs them only when it is published
(collection/language_rules.py). A captions upload is checked to be WebVTT by its content, as the
original captions are (collection/captions.py). Clearing a language's transcript and captions
removes its row.
"""

from django import forms
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale
from wagtailmedia.forms import BaseMediaForm

from illustrations.alt_text import default_language
from operations.languages import local_name

from .captions import validate_webvtt
from .models.media import StoryMediaTranslation


class StoryMediaForm(BaseMediaForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.language_locales = [
            locale
            for locale in Locale.objects.order_by("pk")
            if locale.language_code != default_language()
        ]
        self.language_rows = {}
        if self.instance.pk:
            self.language_rows = {row.locale_id: row for row in self.instance.language_texts.all()}
        for locale in self.language_locales:
            self._add_language_fields(locale)

    def _add_language_fields(self, locale):
        code = locale.language_code
        row = self.language_rows.get(locale.pk)
        name = local_name(code)
        display = locale.get_display_name() or code
        if str(name) != str(display):
            name = f"{name} ({display})"
        transcript = StoryMediaTranslation._meta.get_field("transcript").formfield(
            required=False,
            label=_("Transcript in %(language)s") % {"language": name},
            help_text=_(
                "Everything said, in this language. Optional here, but a page in this language "
                "cannot be published with this item without it (a video may have captions "
                "instead)."
            ),
        )
        transcript.initial = row.transcript if row else ""
        self.fields[f"transcript_{code}"] = transcript
        if self.instance.type != "audio":
            captions = forms.FileField(
                required=False,
                validators=[validate_webvtt],
                widget=forms.ClearableFileInput(attrs={"accept": ".vtt,text/vtt"}),
                label=_("Captions in %(language)s") % {"language": name},
                help_text=_("Video only: captions in this language as a WebVTT file."),
            )
            captions.initial = row.captions if row and row.captions else None
            self.fields[f"captions_{code}"] = captions

    def save(self, commit=True):
        instance = super().save(commit=commit)
        if commit:
            self.save_language_fields(instance)
        return instance

    def save_language_fields(self, instance):
        for locale in self.language_locales:
            code = locale.language_code
            row = self.language_rows.get(locale.pk) or StoryMediaTranslation(
                item=instance, locale=locale
            )
            row.transcript = self.cleaned_data.get(f"transcript_{code}") or ""
            captions = self.cleaned_data.get(f"captions_{code}")
            if captions is False:  # "Clear" ticked
                row.captions = None
            elif captions:
                row.captions = captions
            if strip_tags(row.transcript or "").strip() or row.captions:
                row.save()
            elif row.pk:
                row.delete()
