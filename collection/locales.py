"""Which language's content a request shows, and what happens when a page has no translation in
the language the address asks for.

A page is only ever shown in its own language's frame: an address under /cy/ or /ur/ that
would reach a page in another language (Wagtail falls back to the English home page when a
locale has none; an English-only story asked for under /cy/stories/; a placeholder alias that
wagtail-localize's tree synchronisation made) is redirected to the source page's own address
with `?untranslated=<code>`, and that page then says, in the language the reader asked for,
that it is shown in English for now (`untranslated_note`).

Relations between pages and snippets (a story's themes, contributors, series) are copied as
they are when a page is translated (wagtail-localize synchronises them rather than translating
them), so listings map them to the page's own language through `translation_key`.
"""

from django.conf import settings
from django.http import HttpResponseRedirect
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.http import urlencode
from django.utils.safestring import mark_safe

from operations.languages import all_locale_codes, is_rtl, local_name

# The query parameter naming the language a reader asked for and the page lacks.
UNTRANSLATED_PARAMETER = "untranslated"

# Open Graph wants language_TERRITORY; where a language has no single obvious territory, the
# one its readers here are in (Welsh: Wales; Urdu: Pakistan, where most Urdu speakers live).
OG_LOCALES = {"en-gb": "en_GB", "cy": "cy_GB", "ur": "ur_PK", "so": "so_SO"}


def locale_codes(request=None):
    """{language code: locale id} for every Locale, remembered per process as the active
    Locale is (operations/languages.py): a Locale added or removed is seen at once in this
    process, and in others within LOCALE_MEMO_SECONDS. `request` is no longer needed."""
    return all_locale_codes()


def language_of_locale(request, locale_id):
    """The language code of the Locale with this id, or None."""
    for code, pk in locale_codes(request).items():
        if pk == locale_id:
            return code
    return None


def active_locale_id(request=None):
    """The id of the Locale of the active language (the address's prefix), or None when the
    site has no Locale for it (then nothing is listed in it)."""
    return locale_codes(request).get(translation.get_language())


def og_locale(code):
    """A language code as Open Graph writes it (cy -> cy_GB)."""
    return OG_LOCALES.get(code.lower()) or translation.to_locale(code)


def bcp47(code):
    """A Django language code as a BCP 47 tag (en-gb -> en-GB), for schema.org's inLanguage."""
    language, _, region = code.partition("-")
    if not region:
        return language
    return f"{language}-{region.upper() if len(region) == 2 else region.title()}"


def page_language(page, request=None):
    """The language of the site root (home page translation) the page is under, from Wagtail's
    cached site root paths (no query): the language its address is made in."""
    paths = page._get_relevant_site_root_paths(request)
    return paths[0].language_code if paths else None


def is_untranslated_here(page, request):
    """Whether `page` is in a language other than the one the address asks for, or is a
    placeholder alias of a page in another language (wagtail-localize's synchronised tree).
    Costs no query for a page in the address's language that is not an alias."""
    if page_language(page, request) != translation.get_language():
        return True
    if page.alias_of_id:
        source_locale = type(page).objects.filter(pk=page.alias_of_id).values("locale_id")
        return source_locale.first() != {"locale_id": page.locale_id}
    return False


def source_page(page):
    """The page to send a reader to when `page` is not in their language: the page an alias
    copies, else the page itself."""
    from wagtail.models import Page

    if page.alias_of_id:
        return Page.objects.filter(pk=page.alias_of_id).first() or page
    return page


def redirect_untranslated(page, request, serve_args, serve_kwargs):
    """before_serve_page hook: send a request for a page that is not in the address's language
    to the source page with ?untranslated=<code>; drop an `untranslated` value that names no
    Locale, or a language the page is in after all (nothing to say, nothing to cache)."""
    if getattr(request, "is_preview", False):
        return None
    asked = request.GET.get(UNTRANSLATED_PARAMETER)
    if is_untranslated_here(page, request):
        language = translation.get_language()
        codes = locale_codes(request)
        if language in codes:
            # Translated under another slug (or since the link was made): go straight there.
            translated = page.get_translations().live().filter(locale_id=codes[language])
            translated = translated.first()
            if translated is not None and not translated.alias_of_id:
                return HttpResponseRedirect(translated.get_url(request))
        target = source_page(page)
        # The source page is served in its own language, whatever the prefix said.
        with translation.override(settings.LANGUAGE_CODE):
            url = target.get_url(request)
        if url is None:
            return None
        if language in codes:
            url += "?" + urlencode({UNTRANSLATED_PARAMETER: language})
        return HttpResponseRedirect(url)
    if asked is not None and untranslated_language(page, request) is None:
        # A made-up or pointless value: one address per page, and no cache entry per value.
        # A translation published since the link was made is where the reader wanted to go.
        codes = locale_codes(request)
        translated = None
        if asked in codes and codes[asked] != page.locale_id:
            translated = page.get_translations().live().filter(locale_id=codes[asked]).first()
        if translated is not None:
            return HttpResponseRedirect(translated.get_url(request))
        query = request.GET.copy()
        del query[UNTRANSLATED_PARAMETER]
        url = request.path + ("?" + query.urlencode() if query else "")
        return HttpResponseRedirect(url)
    return None


def untranslated_language(page, request):
    """The language the reader asked for and this page lacks (`?untranslated=cy`), or None.

    Only the codes of existing Locales count, and only when the page really has no live
    translation in that language."""
    if request is None:
        return None
    asked = request.GET.get(UNTRANSLATED_PARAMETER)
    if not asked:
        return None
    memo = getattr(request, "_untranslated_language", None)
    if memo is not None and memo[0] == page.pk:
        return memo[1]
    codes = locale_codes(request)
    language = asked
    if asked not in codes or codes[asked] == page.locale_id:
        language = None
    elif page_language(page, request) != settings.LANGUAGE_CODE:
        language = None  # the note says "here it is in English"
    elif page.get_translations().live().filter(locale_id=codes[asked]).exists():
        language = None
    request._untranslated_language = (page.pk, language)
    return language


def untranslated_note(page, request):
    """The note above an English page shown to a reader who asked for it in another language,
    written in that language (HTML), or "" when there is nothing to say."""
    language = untranslated_language(page, request)
    if language is None:
        return ""
    with translation.override(language):
        html = render_to_string(
            "collection/includes/untranslated_note.html",
            {
                "note_language": language,
                "note_direction": "rtl" if is_rtl(language) else "ltr",
                "note_language_name": local_name(language),
            },
        )
    # Rendered by the template engine (so escaped).
    return mark_safe(html)  # noqa: S308
