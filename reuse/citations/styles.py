"""APA and Vancouver citations, formatted by citeproc-py with the official CSL styles shipped in
styles/ (CC BY-SA 3.0: see styles/LICENCE.md).

Each style file is parsed once per process; each formatted citation is kept per process by its
record, so the story page pays citeproc's few tens of milliseconds once per story version.
"""

import json
import re
from functools import lru_cache
from pathlib import Path

from citeproc import (
    Citation,
    CitationItem,
    CitationStylesBibliography,
    CitationStylesStyle,
    formatter,
)
from citeproc.source.json import CiteProcJSON
from django.utils.safestring import mark_safe

STYLE_DIR = Path(__file__).resolve().parent / "styles"
STYLES = {"apa": "APA (7th edition)", "vancouver": "Vancouver"}

# A numbered style prints the entry's number ("1.") first: meaningless for a single story.
_LEADING_NUMBER = re.compile(r"^\s*\[?\d+\]?\.?\s*")


@lru_cache(maxsize=len(STYLES))
def _style(name):
    return CitationStylesStyle(str(STYLE_DIR / f"{name}.csl"), validate=False)


@lru_cache(maxsize=2048)
def _format(name, record_json):
    record = json.loads(record_json)
    bibliography = CitationStylesBibliography(_style(name), CiteProcJSON([record]), formatter.html)
    bibliography.register(Citation([CitationItem(record["id"])]))
    entry = str(bibliography.bibliography()[0])
    return _LEADING_NUMBER.sub("", entry) if name == "vancouver" else entry


def formatted(name, record):
    """The record cited in the named style, as HTML (citeproc escapes the text)."""
    return mark_safe(_format(name, json.dumps(record, sort_keys=True)))  # noqa: S308


def all_styles(record):
    return [(label, formatted(name, record)) for name, label in STYLES.items()]
