"""The site's own words in every shipped language: each catalogue is complete, has no fuzzy
entries, keeps the placeholders and HTML tags of its messages, declares the right plural forms,
and holds every message the templates and code ask for (checked by running makemessages).
"""

import os
import re
import shutil
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.core.management import call_command

# The plural rule each shipped language needs (from the CLDR / GNU gettext conventions).
PLURAL_FORMS = {
    "cy": "nplurals=6; plural=(n==0) ? 0 : (n==1) ? 1 : (n==2) ? 2 : (n==3) ? 3 : (n==6) ? 4 : 5;",
    "ur": "nplurals=2; plural=(n != 1);",
}

# What makemessages leaves out: tools, tests and the editors' admin (readers never see it).
# site_project/locale/README.md gives the same command.
MAKEMESSAGES_IGNORE = [
    ".venv",
    "tests",
    "benchmarks",
    "operations",
    "wagtailadmin",
    "admin",
    "admin_views.py",
    "docs",
    "private_upload_spool",
]

PYTHON_FORMAT = re.compile(r"%(?:\([^)]+\))?[#0 +-]*\d*(?:\.\d+)?[sdifr]")
BRACE_FORMAT = re.compile(r"(?<!\{)\{[A-Za-z0-9_]*\}(?!\})")
HTML_TAG = re.compile(r"</?[A-Za-z][^>]*>")

TRANSLATED_LANGUAGES = [
    code for code in settings.SHIPPED_LANGUAGES if code != settings.LANGUAGE_CODE
]


def catalogue_path(code, root=None):
    root = Path(root) if root else Path(settings.LOCALE_PATHS[0])
    return root / code.replace("-", "_") / "LC_MESSAGES" / "django.po"


def placeholders(text):
    return sorted(PYTHON_FORMAT.findall(text) + BRACE_FORMAT.findall(text))


def tags(text):
    return sorted(HTML_TAG.findall(text))


def label(entry):
    return f"{entry.msgctxt + ' | ' if entry.msgctxt else ''}{entry.msgid!r}"


@pytest.fixture(params=TRANSLATED_LANGUAGES)
def catalogue(request):
    path = catalogue_path(request.param)
    assert path.exists(), f"{path} is missing: run makemessages -l {request.param}"
    return request.param, polib.pofile(str(path))


def test_there_is_a_language_to_check():
    assert TRANSLATED_LANGUAGES, "SHIPPED_LANGUAGES lists no language besides the default"


def test_every_message_is_translated(catalogue):
    code, po = catalogue
    assert len(po) > 0
    untranslated = [label(entry) for entry in po.untranslated_entries()]
    assert not untranslated, f"{code}: untranslated: {untranslated}"
    for entry in po:
        if entry.msgid_plural:
            empty = [i for i, form in entry.msgstr_plural.items() if not form.strip()]
            assert not empty, f"{code}: {label(entry)} has empty plural forms {empty}"


def test_nothing_is_fuzzy(catalogue):
    code, po = catalogue
    assert not po.metadata_is_fuzzy, f"{code}: the header is marked fuzzy"
    fuzzy = [label(entry) for entry in po.fuzzy_entries()]
    assert not fuzzy, f"{code}: fuzzy entries: {fuzzy}"
    assert not po.obsolete_entries(), f"{code}: obsolete entries left in the catalogue"


def test_plural_forms_header(catalogue):
    code, po = catalogue
    header = po.metadata.get("Plural-Forms", "")
    assert header, f"{code}: no Plural-Forms header"
    if code in PLURAL_FORMS:
        assert header.replace(" ", "") == PLURAL_FORMS[code].replace(" ", "")
    count = int(re.search(r"nplurals\s*=\s*(\d+)", header).group(1))
    for entry in po:
        if entry.msgid_plural:
            assert sorted(entry.msgstr_plural) == list(range(count)), label(entry)
    assert po.metadata.get("Language") == code


def test_placeholders_and_tags_match(catalogue):
    code, po = catalogue
    problems = []
    for entry in po.translated_entries():
        if not entry.msgid_plural:
            if placeholders(entry.msgstr) != placeholders(entry.msgid):
                problems.append(f"{label(entry)}: placeholders {placeholders(entry.msgstr)}")
            if tags(entry.msgstr) != tags(entry.msgid):
                problems.append(f"{label(entry)}: HTML tags {tags(entry.msgstr)}")
            continue
        allowed = set(placeholders(entry.msgid)) | set(placeholders(entry.msgid_plural))
        forms = [entry.msgstr_plural[i] for i in sorted(entry.msgstr_plural)]
        for form in forms:
            # A form may leave the number out ("There is a problem"), never add an unknown one.
            if not set(placeholders(form)) <= allowed:
                problems.append(f"{label(entry)}: unknown placeholder in {form!r}")
            if tags(form) != tags(entry.msgid_plural):
                problems.append(f"{label(entry)}: HTML tags in {form!r}")
        # The general form must keep every placeholder: it is used for most numbers.
        if set(placeholders(forms[-1])) != set(placeholders(entry.msgid_plural)):
            problems.append(f"{label(entry)}: placeholders of the last form {forms[-1]!r}")
    assert not problems, f"{code}: " + "; ".join(problems)


def test_catalogue_compiles_and_translates(catalogue, tmp_path):
    """The .mo polib writes (as compile_translations does) gives the translation back."""
    import gettext

    code, po = catalogue
    mo = tmp_path / "django.mo"
    po.save_as_mofile(str(mo))
    with mo.open("rb") as handle:
        translations = gettext.GNUTranslations(handle)
    entry = next(e for e in po.translated_entries() if not e.msgid_plural and not e.msgctxt)
    assert translations.gettext(entry.msgid) == entry.msgstr


def copy_catalogues(settings, tmp_path):
    """(the committed catalogues' root, a copy of them under tmp_path) for a command to write
    into instead of the real ones."""
    committed_root = Path(settings.LOCALE_PATHS[0])
    copy_root = tmp_path / "locale"
    for code in TRANSLATED_LANGUAGES:
        target = catalogue_path(code, copy_root)
        target.parent.mkdir(parents=True)
        shutil.copy(catalogue_path(code, committed_root), target)
    return committed_root, copy_root


def gettext_available():
    return shutil.which("xgettext") is not None and shutil.which("msgmerge") is not None


def test_catalogues_hold_every_message_in_the_sources(tmp_path, settings, monkeypatch):
    """makemessages over the sources, into copies of the committed catalogues: a message the
    templates or code ask for that a committed catalogue lacks (or one it still holds that
    nothing asks for any more) fails, so new words cannot ship untranslated."""
    if not gettext_available():
        if os.environ.get("REQUIRE_GETTEXT") == "1":
            pytest.fail("REQUIRE_GETTEXT=1 but GNU gettext (xgettext, msgmerge) is not installed")
        pytest.skip("GNU gettext (xgettext) is not installed: apt-get install gettext")

    committed_root, copy_root = copy_catalogues(settings, tmp_path)

    settings.LOCALE_PATHS = [str(copy_root)]
    # makemessages writes to any "locale" folder it walks past: keep it out of the real one.
    ignore = [*MAKEMESSAGES_IGNORE, "locale"]
    monkeypatch.chdir(settings.BASE_DIR)
    call_command(
        "makemessages",
        locale=TRANSLATED_LANGUAGES,
        ignore_patterns=ignore,
        no_obsolete=True,
        verbosity=0,
    )

    for code in TRANSLATED_LANGUAGES:
        committed = {
            (e.msgctxt, e.msgid, e.msgid_plural)
            for e in polib.pofile(str(catalogue_path(code, committed_root)))
        }
        current = {
            (e.msgctxt, e.msgid, e.msgid_plural)
            for e in polib.pofile(str(catalogue_path(code, copy_root)))
        }
        missing = sorted(current - committed, key=str)
        stale = sorted(committed - current, key=str)
        assert not missing, (
            f"{code}: messages in the sources missing from the committed catalogue (run "
            f"makemessages as site_project/locale/README.md says, then translate): {missing}"
        )
        assert not stale, f"{code}: messages no source asks for any more: {stale}"


def test_the_default_language_has_a_catalogue_of_its_own_words(tmp_path, settings):
    """compile_translations writes British English's catalogue: every message of the translated
    catalogues, each as written (plural forms too), from the committed .po files."""
    from operations.management.commands import compile_translations

    committed_root, copy_root = copy_catalogues(settings, tmp_path)
    settings.LOCALE_PATHS = [str(copy_root)]
    call_command("compile_translations", verbosity=0)

    written = polib.mofile(str(compile_translations.source_catalogue_path()))
    assert written.metadata["Language"] == "en_GB"
    found = {(e.msgctxt, e.msgid): e for e in written}
    for code in TRANSLATED_LANGUAGES:
        for entry in polib.pofile(str(catalogue_path(code, committed_root))):
            kept = found[(entry.msgctxt, entry.msgid)]
            if entry.msgid_plural:
                assert kept.msgstr_plural == {0: entry.msgid, 1: entry.msgid_plural}
            else:
                assert kept.msgstr == entry.msgid


def test_a_site_word_in_english_is_found_without_walking_the_fallbacks(monkeypatch):
    """Django merges 22 catalogues for British English and chains 5 empty English ones behind
    them: a word found in none of them walked them all (12 microseconds, 70 times a page)."""
    from django.utils import translation
    from django.utils.translation import trans_real

    english = trans_real.translation(settings.LANGUAGE_CODE)
    walked = []
    fallback = english._fallback
    while fallback is not None:
        for name in ("gettext", "ngettext"):
            original = getattr(fallback, name)
            monkeypatch.setattr(
                fallback,
                name,
                lambda *args, original=original: walked.append(args) or original(*args),
            )
        fallback = fallback._fallback
    assert english._fallback is not None  # the chain this test watches is there
    with translation.override(settings.LANGUAGE_CODE):
        assert translation.gettext("Related stories") == "Related stories"
        assert translation.pgettext("story in a series", "Next") == "Next"
        assert (
            translation.ngettext("%(minutes)d min listen", "%(minutes)d min listen", 2)
            == "%(minutes)d min listen"
        )
    assert walked == []
