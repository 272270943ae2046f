"""The public "Share your story" form and the editors' small action forms.

Spam checks live here too: a honeypot field people never see, and a signed fill-time stamp
(the form must have been open for a few seconds, and not forged). Each stamp also carries a
random nonce, so it names one rendered form: the submission stores the stamp's digest under a
unique constraint (`stamp_token`), and a replayed or double-clicked post stores nothing new.
"""

import hashlib
import html
import secrets
import time

import nh3
from django import forms
from django.conf import settings
from django.core import signing
from django.db.models import Q
from django.utils import translation
from django.utils.formats import number_format
from django.utils.functional import lazy
from django.utils.html import strip_tags
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.coreutils import get_supported_content_language_variant

from collection.models import Theme

from .models import CreditPreference, PreferredFormat
from .uploads import LIMITS_TEXT, check_uploads

STAMP_SALT = "submissions.share-story.started"
# Long enough to write a story in, short enough that an old harvested stamp stops working.
STAMP_MAX_AGE = 3 * 24 * 60 * 60
MAX_STORY_LENGTH = 30_000

HONEYPOT_MESSAGE = _(
    "We could not accept this form because the field “Leave this field empty” was filled in. "
    "If you are a person, please empty that field and send your story again."
)
TOO_FAST_MESSAGE = _(
    "That was quicker than a person can usually fill in this form, so we held it back. "
    "Please check your story and send it again."
)
STALE_MESSAGE = _(
    "This form was open for a very long time or could not be checked. Everything you typed "
    "is still here: please send it again."
)
HTML_MESSAGE = _(
    "This seems to contain HTML code (text inside angle brackets, such as <b> or <a href…>). "
    "We accept plain text only: please remove the angle brackets and send it again."
)


def min_fill_seconds():
    return getattr(settings, "SUBMISSIONS_MIN_FILL_SECONDS", 5)


def make_stamp(started=None):
    return signing.dumps(
        {"t": started if started is not None else time.time(), "n": secrets.token_urlsafe(16)},
        salt=STAMP_SALT,
    )


def read_stamp(value):
    """The time the form was first shown, or None when the stamp is missing, forged or stale."""
    try:
        started = float(signing.loads(value or "", salt=STAMP_SALT, max_age=STAMP_MAX_AGE)["t"])
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        return None
    return started if time.time() - started <= STAMP_MAX_AGE else None


def stamp_token(value):
    """The one-time token of a valid stamp (its digest), or None for a missing or bad stamp.

    The signed stamp is unique to the form it was rendered into (its nonce), so its digest
    identifies that form without keeping the stamp itself.
    """
    if read_stamp(value) is None:
        return None
    return hashlib.sha256(value.encode()).hexdigest()


def reject_html(value):
    if value and nh3.is_html(value):
        raise forms.ValidationError(HTML_MESSAGE)
    return value


class MultipleFileInput(forms.FileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        single_clean = super().clean
        if isinstance(data, list | tuple):
            return [single_clean(item, initial) for item in data if item]
        return [single_clean(data, initial)] if data else []


def _story_text_help():
    return gettext(
        "Plain text, up to %(limit)s characters. Leave an empty line between paragraphs. If "
        "you would rather tell it as audio, video or pictures, a short description here is "
        "enough."
    ) % {"limit": number_format(MAX_STORY_LENGTH, force_grouping=True)}


# Worked out when shown, so the number is written the reader's way.
STORY_TEXT_HELP = lazy(_story_text_help, str)()


class ShareStoryForm(forms.Form):
    name = forms.CharField(
        label=_("Your name or a pseudonym"),
        max_length=200,
        help_text=_("The name you would like us to use. It does not have to be your real name."),
        error_messages={"required": _("Please tell us your name or a pseudonym.")},
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    email = forms.EmailField(
        label=_("Your email address"),
        help_text=_(
            "We send your confirmation and reference number here. We only write to you about "
            "your story if you agree below."
        ),
        error_messages={
            "required": _("Please give an email address so we can send your confirmation."),
            "invalid": _("Please give an email address in the form name@example.org."),
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    credit_preference = forms.ChoiceField(
        label=_("How would you like to be credited if we publish your story?"),
        choices=CreditPreference.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Please choose how you would like to be credited.")},
    )
    story_title = forms.CharField(
        label=_("A title for your story"),
        max_length=200,
        help_text=_("A working title is fine: we can choose one together."),
        error_messages={"required": _("Please give your story a title.")},
        validators=[reject_html],
    )
    story_text = forms.CharField(
        label=_("Your story"),
        max_length=MAX_STORY_LENGTH,
        help_text=STORY_TEXT_HELP,
        error_messages={
            "required": _("Please write your story, or a short description of it."),
            "max_length": _(
                "Your story is %(show_value)d characters long; please shorten it to "
                "%(limit_value)d, or attach it as a PDF."
            ),
        },
        widget=forms.Textarea(attrs={"rows": 14}),
        validators=[reject_html],
        strip=True,
    )
    preferred_format = forms.ChoiceField(
        label=_("How would you like your story told?"),
        choices=PreferredFormat.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Please choose how you would like your story told.")},
    )
    files = MultipleFileField(label=_("Files (optional)"), required=False, help_text=LIMITS_TEXT)
    themes = forms.ModelMultipleChoiceField(
        label=_("Which themes does your story touch on? (optional)"),
        queryset=Theme.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    consent_contact = forms.BooleanField(
        label=_("You may contact me about my story."),
        help_text=_("For example, to ask a question or to agree on edits before we publish."),
        required=False,
    )
    consent_publish = forms.BooleanField(
        label=_("You may publish my story on Mind The Gap, credited as I chose above."),
        help_text=_(
            "We can only consider stories we are allowed to publish. Nothing is published "
            "until our editors have reviewed it."
        ),
        error_messages={
            "required": _(
                "Please tick to say we may publish your story: we can only consider stories "
                "we are allowed to publish."
            )
        },
    )
    consent_edit = forms.BooleanField(
        label=_("You may edit my story for length."),
        help_text=_(
            "If you leave this unticked, we will publish your words as you sent them, or ask "
            "you first."
        ),
        required=False,
    )
    # The honeypot: hidden from people by the stylesheet and from assistive technology by
    # aria-hidden; its label tells anyone who does reach it what to do.
    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )
    started = forms.CharField(widget=forms.HiddenInput, required=False)

    # Fields shown on the form in this order; the error summary follows it.
    visible_field_names = [
        "name",
        "email",
        "credit_preference",
        "story_title",
        "story_text",
        "preferred_format",
        "files",
        "themes",
        "consent_contact",
        "consent_publish",
        "consent_edit",
    ]

    # The questions a sender agrees to, recorded with their answers (consent_record).
    consent_field_names = ["consent_contact", "consent_publish", "consent_edit"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial["started"] = make_stamp()
        self.checked_files = []
        self.fields["themes"].queryset = themes_in_active_language()

    def consent_record(self, consent_text=""):
        """What the sender agreed to, as they saw it: the page's consent text (in the page's
        language) and each consent question as labelled for them, ticked or not."""
        lines = []
        intro = html.unescape(strip_tags(consent_text or "")).strip()
        if intro:
            lines += [intro, ""]
        for name in self.consent_field_names:
            ticked = "[x]" if self.cleaned_data.get(name) else "[ ]"
            lines.append(f"{ticked} {self.fields[name].label}")
        return "\n".join(lines)

    def clean_story_text(self):
        # Browsers send textarea line breaks as CRLF; keep the plain text with plain newlines.
        return self.cleaned_data["story_text"].replace("\r\n", "\n").replace("\r", "\n")

    def clean_files(self):
        uploads = self.cleaned_data.get("files") or []
        self.checked_files = check_uploads(uploads)
        return uploads

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("website"):
            raise forms.ValidationError(HONEYPOT_MESSAGE, code="honeypot")
        started = read_stamp(cleaned.get("started"))
        if started is None:
            # Give a fresh stamp so sending again works.
            self.data = self.data.copy()
            self.data["started"] = make_stamp()
            raise forms.ValidationError(STALE_MESSAGE, code="stale")
        if time.time() - started < min_fill_seconds():
            raise forms.ValidationError(TOO_FAST_MESSAGE, code="too-fast")
        return cleaned

    def visible_fields_in_order(self):
        return [self[name] for name in self.visible_field_names]

    def error_summary(self):
        """(anchor id, message) pairs in the order of the form, for the summary at the top."""
        items = [("share-story-form", message) for message in self.non_field_errors()]
        for name in self.visible_field_names:
            bound = self[name]
            for message in bound.errors:
                items.append((anchor_for(bound), message))
        return items


def themes_in_active_language():
    """The themes in the visitor's language; a theme not translated into it yet is offered in
    the default language rather than left out. One query, with the form's choices."""
    default = get_supported_content_language_variant(settings.LANGUAGE_CODE)
    try:
        active = get_supported_content_language_variant(translation.get_language())
    except LookupError:
        active = default
    if active == default:
        return Theme.objects.filter(locale__language_code=default)
    translated_keys = Theme.objects.filter(locale__language_code=active).values("translation_key")
    return Theme.objects.filter(
        Q(locale__language_code=active)
        | (Q(locale__language_code=default) & ~Q(translation_key__in=translated_keys))
    )


def anchor_for(bound_field):
    """The id of the first input of a field (radio and checkbox groups number theirs)."""
    widget = bound_field.field.widget
    if isinstance(widget, forms.RadioSelect | forms.CheckboxSelectMultiple):
        return f"{bound_field.auto_id}_0"
    return bound_field.auto_id


class DeclineForm(forms.Form):
    reason = forms.CharField(
        label="Reason for declining",
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="For the team's records, e.g. 'Outside our themes'. It is not sent to the "
        "sender; avoid repeating their personal details here.",
        error_messages={"required": "Please give a reason for declining."},
    )
