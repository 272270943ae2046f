"""A CSL-JSON record written as RIS, BibTeX and CSL-JSON files for reference managers."""

import json
import re

_BIBTEX_SPECIAL = re.compile(r"([\\{}%&$#_^~])")
_BIBTEX_REPLACEMENTS = {"\\": r"\textbackslash{}", "^": r"\^{}", "~": r"\~{}"}


def _names(record):
    for name in record.get("author", []):
        if "literal" in name:
            yield name["literal"], None
        else:
            yield name["family"], name.get("given")


def _date(record):
    return record["issued"]["date-parts"][0]


def ris(record):
    """RIS (TY ELEC: a web page), one tag per line, CRLF as the format asks."""
    year, month, day = _date(record)
    lines = ["TY  - ELEC", f"TI  - {record['title']}"]
    for family, given in _names(record):
        lines.append(f"AU  - {family}, {given}" if given else f"AU  - {family}")
    lines += [
        f"PY  - {year:04d}",
        f"DA  - {year:04d}/{month:02d}/{day:02d}",
        f"T2  - {record['container-title']}",
        f"PB  - {record['container-title']}",
        f"UR  - {record['URL']}",
        f"LA  - {record['language']}",
        f"M3  - {record['genre']}",
        f"AB  - {_one_line(record.get('abstract', ''))}",
        "ER  - ",
    ]
    return "\r\n".join(lines) + "\r\n"


def _one_line(text):
    return " ".join(str(text).split())


def _bibtex_escape(text):
    return _BIBTEX_SPECIAL.sub(
        lambda match: _BIBTEX_REPLACEMENTS.get(match.group(1), "\\" + match.group(1)),
        _one_line(text),
    )


def bibtex_key(record):
    family = next((family for family, _ in _names(record)), "mindthegap")
    stem = re.sub(r"[^A-Za-z0-9]", "", family.lower()) or "mindthegap"
    return f"{stem}{_date(record)[0]}-{record['id'].rsplit('-', 1)[-1]}"


def bibtex(record):
    """BibTeX @misc (read by BibTeX and biblatex alike) with the address in `url`."""
    year, month, day = _date(record)
    authors = " and ".join(
        f"{{{_bibtex_escape(family)}}}, {_bibtex_escape(given)}"
        if given
        else f"{{{_bibtex_escape(family)}}}"
        for family, given in _names(record)
    )
    fields = [
        ("title", "{" + _bibtex_escape(record["title"]) + "}"),
        ("author", authors),
        ("year", str(year)),
        ("month", str(month)),
        ("date", f"{year:04d}-{month:02d}-{day:02d}"),
        ("howpublished", _bibtex_escape(record["container-title"])),
        ("url", record["URL"]),
        ("language", record["language"]),
        ("note", _bibtex_escape(record["genre"])),
    ]
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields if value)
    return f"@misc{{{bibtex_key(record)},\n{body}\n}}\n"


def csl_json(record):
    return json.dumps([record], ensure_ascii=False, indent=2) + "\n"


FORMATS = {
    "ris": (ris, "application/x-research-info-systems", "ris"),
    "bib": (bibtex, "application/x-bibtex", "bib"),
    "json": (csl_json, "application/vnd.citationstyles.csl+json", "json"),
}
