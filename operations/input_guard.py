"""The site-wide guard against request values a database cannot hold, and bad listing filters.

PostgreSQL refuses text with a NUL character (SQLite cuts it short), and no database driver
can encode a lone UTF-16 surrogate: a request carrying either reached a query and answered 500
(search, the stories listing's filters, every admin listing's search and filters). Rather than
patch each view, `InputGuardMiddleware` (operations/middleware.py) looks at everything a
view might put in a query before any view runs:

- the path, the query string and the form fields (names and values) of a POST, with the names
  of uploaded files, and the cookies (the session key is looked up in the database);
- whether the query string and a url-encoded body are valid UTF-8 once percent-decoded
  (Django would quietly turn bad bytes into U+FFFD; a browser never sends them).

A request that fails is answered 400 with the short page in `400.html`; nothing it sent is
echoed back or logged. A multipart body's bytes are decoded by Django with replacement, so only
its decoded values are checked.

Admin listings (wagtail-modeladmin) raise IncorrectLookupParameters for a filter value of the
wrong kind (`?submitted_at__gte=notadate`): the same middleware answers that with 400 too.
"""

import re
from urllib.parse import parse_qsl

from django.core.exceptions import BadRequest

# NUL, and the surrogate code points, which are not characters at all and cannot be encoded.
UNSTORABLE = re.compile("[\x00\ud800-\udfff]")

REASON = "The request contained characters that cannot be part of a web address or form."


def is_storable(text):
    return not UNSTORABLE.search(text)


def _strict_pairs(raw):
    """Percent-decode a query string or url-encoded body, refusing bytes that are not UTF-8."""
    text = raw.decode("utf-8") if isinstance(raw, bytes) else raw
    return parse_qsl(text, keep_blank_values=True, encoding="utf-8", errors="strict")


def _raw_query_string(request):
    # WSGI hands the query string over as latin-1 text: its bytes are the bytes that were sent.
    return request.META.get("QUERY_STRING", "").encode("iso-8859-1", errors="replace")


def _values(querydict):
    for key, values in querydict.lists():
        yield key
        yield from (value for value in values if isinstance(value, str))


def unstorable_parts(request):
    """The names of the parts of a request that a database could not hold (empty when fine)."""
    found = []
    if not is_storable(request.path_info):
        found.append("path")
    try:
        _strict_pairs(_raw_query_string(request))
    except UnicodeDecodeError:
        found.append("query string")
    if not all(is_storable(text) for text in _values(request.GET)):
        found.append("query string")
    if request.method == "POST":
        content_type = request.META.get("CONTENT_TYPE", "")
        if content_type.startswith("application/x-www-form-urlencoded"):
            try:
                _strict_pairs(request.body)
            except UnicodeDecodeError:
                found.append("form")
        if not all(is_storable(text) for text in _values(request.POST)):
            found.append("form")
        for key, uploads in request.FILES.lists():
            names = [key, *(upload.name or "" for upload in uploads)]
            if not all(is_storable(name) for name in names):
                found.append("files")
    for key, value in request.COOKIES.items():
        if not (is_storable(key) and is_storable(value)):
            found.append("cookies")
            break
    return list(dict.fromkeys(found))


def check_request(request):
    """Raise BadRequest (answered 400 by Django with 400.html) for an unstorable request."""
    parts = unstorable_parts(request)
    if parts:
        # The parts' names only: what was sent stays out of the log.
        raise BadRequest(f"{REASON} ({', '.join(parts)})")
