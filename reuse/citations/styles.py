"""APA and Vancouver citations, formatted by citeproc-py with the official CSL styles shipped in
styles/ (CC BY-SA 3.0: see styles/LICENCE.md).

Each style file is parsed once per process; each formatted citation is kept per process by its
record, so the story page pays citeproc's few tens of milliseconds once per story version.

citeproc-py's HTML formatter escapes the style's own terms but not the record's text (a title
with `</script>` would come out as markup), so every text of the record is escaped before
formatting, and the result is cleaned down to the few tags a style uses (nh3) after.
"""

import html
import json
import re
from functools import lru_cache
from pathlib import Path

import nh3
from citeproc import (
    Citation,
    CitationItem,
    CitationStylesBibliography,
    CitationStylesStyle,
    formatter,
)
from citeproc.source.json import CiteProcJSON
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

STYLE_DIR = Path(__file__).resolve().parent / "styles"
# The labels readers see under "Cite this story" (lazy: kept citations show the reader's language).
STYLES = {"apa": _("APA (7th edition)"), "vancouver": "Vancouver"}

# A numbered style prints the entry's number ("1.") first: meaningless for a single story.
_LEADING_NUMBER = re.compile(r"^\s*\[?\d+\]?\.?\s*")


@lru_cache(maxsize=len(STYLES))
def _style(name):
    return CitationStylesStyle(str(STYLE_DIR / f"{name}.csl"), validate=False)


# What the styles' HTML uses (italics, bold, small capitals as spans, super- and subscript).
ALLOWED_TAGS = {"i", "b", "span", "sup", "sub"}


def _escaped(value):
    if isinstance(value, str):
        return html.escape(value, quote=False)
    if isinstance(value, list):
        return [_escaped(item) for item in value]
    if isinstance(value, dict):
        return {key: _escaped(item) for key, item in value.items()}
    return value


@lru_cache(maxsize=2048)
def _format(name, record_json):
    record = _escaped(json.loads(record_json))
    bibliography = CitationStylesBibliography(_style(name), CiteProcJSON([record]), formatter.html)
    bibliography.register(Citation([CitationItem(record["id"])]))
    entry = str(bibliography.bibliography()[0])
    entry = nh3.clean(entry, tags=ALLOWED_TAGS, attributes={})
    return _LEADING_NUMBER.sub("", entry) if name == "vancouver" else entry


def formatted(name, record):
    """The record cited in the named style, as HTML (citeproc escapes the text)."""
    return mark_safe(_format(name, json.dumps(record, sort_keys=True)))  # noqa: S308


def all_styles(record):
    return [(label, formatted(name, record)) for name, label in STYLES.items()]
