"""Serve uploaded media from MEDIA_ROOT with HTTP Range support (206 Partial Content).

Safari will not play an <audio>/<video> whose server ignores `Range`, and podcast apps seek and
resume downloads with it. Django's `django.views.static.serve` answers every request with the
whole file, so the development server's /media/ (and a production without object storage or a
web server in front that serves /media/, with SERVE_MEDIA=true) goes through this view instead.

The HTTP work (Range and If-Range, 206 with Content-Range, 416 for an unsatisfiable range,
ETag / Last-Modified and 304, HEAD, safe joining of the path) is Werkzeug's `send_from_directory`,
a maintained implementation; this module only turns its WSGI response into a Django one.
WhiteNoise, which serves the static files, has Range support too, but refuses single-byte
ranges (`bytes=0-0`, `bytes=-1`) with 416.
"""

import mimetypes

from django.conf import settings
from django.http import Http404, HttpResponse, HttpResponseNotAllowed, StreamingHttpResponse
from werkzeug.exceptions import NotFound, RequestedRangeNotSatisfiable
from werkzeug.utils import send_from_directory

# Uploaded audio and video change name when their file changes (Wagtail and wagtailmedia keep
# the old file), so a day of caching is safe; revalidation is a 304 anyway.
MAX_AGE = 60 * 60 * 24
# Types the standard library may not know on every system.
EXTRA_TYPES = {".m4a": "audio/mp4", ".vtt": "text/vtt", ".webm": "video/webm", ".mp3": "audio/mpeg"}


def content_type(path):
    for suffix, kind in EXTRA_TYPES.items():
        if path.lower().endswith(suffix):
            return kind
    return mimetypes.guess_type(path)[0] or "application/octet-stream"


def serve(request, path, document_root=None):
    """A file under `document_root` (MEDIA_ROOT by default), whole or in part."""
    if request.method not in ("GET", "HEAD"):
        return HttpResponseNotAllowed(["GET", "HEAD"])
    root = str(document_root or settings.MEDIA_ROOT)
    # The server's own file wrapper (gunicorn's) cannot seek: Werkzeug's can, so a range late
    # in a long episode is read from its offset rather than from the start.
    environ = {k: v for k, v in request.META.items() if k != "wsgi.file_wrapper"}
    try:
        response = send_from_directory(
            root, path, environ, mimetype=content_type(path), max_age=MAX_AGE, conditional=True
        )
    except NotFound as error:
        raise Http404("No such file.") from error
    except RequestedRangeNotSatisfiable as error:
        refused = HttpResponse(status=416)
        refused["Content-Range"] = f"bytes */{error.length}"
        refused["Accept-Ranges"] = "bytes"
        return refused
    body = response.get_app_iter(environ)  # empty for HEAD, 304 and 416
    result = StreamingHttpResponse(body, status=response.status_code)
    for name, value in response.get_wsgi_headers(environ).items():
        result[name] = value
    # Werkzeug says so only on 206 and 416; every answer about a file may.
    result["Accept-Ranges"] = "bytes"
    return result
