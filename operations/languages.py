"""Languages: which ones the site may publish in, their names in their own language, and the
middleware that takes a request's language from its address alone.

English (the default) is served unprefixed, every other language under its code (/cy/, /ur/).
Taking the language from the path only, never from Accept-Language or a cookie, keeps every
address meaning one page in one language: shared caches and the page cache need no Vary.
"""

import threading
import time

from django.conf import settings
from django.conf.global_settings import LANGUAGES as DJANGO_LANGUAGES
from django.conf.locale import LANG_INFO
from django.db.models.signals import post_delete, post_save
from django.utils import translation

# Languages Django has no entry for, that communities this site serves speak: (code, English
# name, name in the language itself, written right to left).
EXTRA_LANGUAGES = [
    ("so", "Somali", "Soomaali", False),
]

# Names shown to readers where Django's own would mislead ("British English").
LOCAL_NAME_OVERRIDES = {"en-gb": "English"}

# Regional variants that would only duplicate the default's English.
_LEFT_OUT = {"en", "en-au"}


def language_choices(shipped):
    """(code, English name) for every language the site may publish in: the shipped ones
    first, then every language Django knows and a few it does not, by name."""
    names = dict(DJANGO_LANGUAGES)
    names.update({code: name for code, name, _local, _rtl in EXTRA_LANGUAGES})
    rest = sorted(
        (code for code in names if code not in shipped and code not in _LEFT_OUT),
        key=lambda code: str(names[code]),
    )
    return [(code, str(names[code])) for code in [*shipped, *rest]]


def _extra(code):
    for extra in EXTRA_LANGUAGES:
        if extra[0] == code:
            return extra
    return None


def local_name(code):
    """The language's name in the language itself ("Cymraeg", "اردو")."""
    if code in LOCAL_NAME_OVERRIDES:
        return LOCAL_NAME_OVERRIDES[code]
    extra = _extra(code)
    if extra:
        return extra[2]
    info = LANG_INFO.get(code) or LANG_INFO.get(code.split("-")[0]) or {}
    return info.get("name_local", code)


def is_rtl(code):
    """Whether the language is written right to left."""
    extra = _extra(code)
    if extra:
        return extra[3]
    return code.split("-")[0] in settings.LANGUAGES_BIDI or code in settings.LANGUAGES_BIDI


def language_from_path(path):
    """The language a path's first segment names, or the default for an unprefixed path."""
    first = path.lstrip("/").split("/", 1)[0].lower()
    codes = {code.lower() for code, _name in settings.LANGUAGES}
    if first and first in codes and first != settings.LANGUAGE_CODE.lower():
        return first
    return settings.LANGUAGE_CODE


class PathLocaleMiddleware:
    """Activate the language the address names (the default when it names none), for the
    public site. The admin's views choose their own language from the user's preference."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        language = language_from_path(request.path_info)
        translation.activate(language)
        request.LANGUAGE_CODE = translation.get_language()
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        return response


# Locale rows, by language code, remembered per process. Wagtail looks up the active Locale on
# every routed request (`Page.localized`, `Locale.get_active`): one query per page view for a
# row that changes only when an administrator adds or removes a language. Saving or deleting a
# Locale forgets them in this process at once; other processes within LOCALE_MEMO_SECONDS.
LOCALE_MEMO_SECONDS = 60
_locales = {}
_locales_lock = threading.Lock()


_all_locales = {}  # "codes": (expiry, {language code: Locale id})


def forget_locales(**kwargs):
    with _locales_lock:
        _locales.clear()
        _all_locales.clear()


def all_locale_codes():
    """{language code: Locale id} for every Locale, remembered per process like the active
    Locale (forgotten at once when a Locale is saved or deleted here)."""
    from wagtail.models import Locale

    now = time.monotonic()
    with _locales_lock:
        kept = _all_locales.get("codes")
    if kept is not None and kept[0] > now:
        return dict(kept[1])
    codes = dict(Locale.objects.values_list("language_code", "pk"))
    with _locales_lock:
        _all_locales["codes"] = (now + LOCALE_MEMO_SECONDS, codes)
    return dict(codes)


def install_locale_memo():
    """Make `Locale.get_active()` answer from the per-process memo (called once, at start)."""
    from wagtail.models import Locale

    if getattr(Locale.get_active, "_memoised", False):
        return
    uncached = Locale.get_active

    def get_active(cls):
        code = translation.get_language()
        now = time.monotonic()
        with _locales_lock:
            kept = _locales.get(code)
        if kept is not None and kept[0] > now:
            return kept[1]
        locale = uncached()
        # A fallback to the default (a language with no Locale yet) is not remembered, so a
        # Locale added later is seen at once.
        if _answers(code, locale):
            with _locales_lock:
                _locales[code] = (now + LOCALE_MEMO_SECONDS, locale)
        return locale

    get_active._memoised = True
    Locale.get_active = classmethod(get_active)
    post_save.connect(forget_locales, sender=Locale, dispatch_uid="forget-locales-on-save")
    post_delete.connect(forget_locales, sender=Locale, dispatch_uid="forget-locales-on-delete")


def _answers(code, locale):
    """Whether `locale` is the Locale of `code` itself (or its supported variant), not the
    default that Wagtail falls back to."""
    from wagtail.coreutils import get_supported_content_language_variant

    try:
        return get_supported_content_language_variant(code) == locale.language_code
    except LookupError:
        return False
