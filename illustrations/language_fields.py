"""The image form's alt text and caption in each of the site's other languages.

One optional box for alt text (and one for the caption) per language the site has besides the
default, right below the image's own alt text, so an illustrator writes them in one place. What
is typed is kept in `IllustrationTranslation` rows (illustrations/models.py); emptying both
boxes of a language removes its row.
"""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from .alt_text import default_language
from .models import IllustrationTranslation


def _other_locales():
    return [
        locale
        for locale in Locale.objects.order_by("pk")
        if locale.language_code != default_language()
    ]


def _names(locale):
    from operations.languages import local_name

    own = local_name(locale.language_code)
    display = locale.get_display_name() or locale.language_code
    return own if str(own) == str(display) else f"{own} ({display})"


def add_language_fields(form):
    """Add `alt_text_<code>` and `caption_<code>` boxes after the form's alt text field."""
    existing = {}
    if form.instance.pk:
        existing = {row.locale_id: row for row in form.instance.language_texts.all()}
    form.language_locales = _other_locales()
    added = {}
    for locale in form.language_locales:
        row = existing.get(locale.pk)
        name = _names(locale)
        added[f"alt_text_{locale.language_code}"] = forms.CharField(
            required=False,
            widget=forms.Textarea(attrs={"rows": 2, "lang": locale.language_code, "dir": "auto"}),
            label=_("Alt text in %(language)s") % {"language": name},
            help_text=_(
                "The alt text in this language, for pages in it. Optional here, but a page in "
                "this language cannot be published without it unless the image is decorative."
            ),
            initial=row.alt_text if row else "",
        )
        added[f"caption_{locale.language_code}"] = forms.CharField(
            required=False,
            max_length=500,
            widget=forms.TextInput(attrs={"lang": locale.language_code, "dir": "auto"}),
            label=_("Default caption in %(language)s") % {"language": name},
            help_text=_("Optional. Pages in this language show no default caption without it."),
            initial=row.caption if row else "",
        )
    # Right after the image's own alt text, where the illustrator is already writing.
    fields = list(form.fields.items())
    position = next(
        (index + 1 for index, (key, _field) in enumerate(fields) if key == "description"),
        len(fields),
    )
    form.fields = dict(fields[:position] + list(added.items()) + fields[position:])


def save_language_fields(form, image):
    """Store (or remove) each language's row from the form's cleaned data."""
    for locale in getattr(form, "language_locales", []):
        alt_text = (form.cleaned_data.get(f"alt_text_{locale.language_code}") or "").strip()
        caption = (form.cleaned_data.get(f"caption_{locale.language_code}") or "").strip()
        if alt_text or caption:
            IllustrationTranslation.objects.update_or_create(
                image=image, locale=locale, defaults={"alt_text": alt_text, "caption": caption}
            )
        else:
            IllustrationTranslation.objects.filter(image=image, locale=locale).delete()
