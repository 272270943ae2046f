"""gunicorn's access and error logs as one JSON object per line (python-json-logger).

gunicorn formats its access log with a printf-style string, which cannot escape quotes in a
path or user agent into valid JSON; this logger passes the request's details as fields instead.
Used by gunicorn.conf.py (`logger_class`).
"""

from gunicorn import glogging

JSON_FORMATTER = {
    "()": "pythonjsonlogger.json.JsonFormatter",
    "fmt": "%(asctime)s %(levelname)s %(name)s %(message)s %(process)d",
    "rename_fields": {"asctime": "time", "levelname": "level", "name": "logger"},
}

LOGCONFIG = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"json": JSON_FORMATTER},
    "handlers": {
        "stdout": {
            "class": "logging.StreamHandler",
            "formatter": "json",
            "stream": "ext://sys.stdout",
        },
    },
    "loggers": {
        "gunicorn.error": {"handlers": ["stdout"], "level": "INFO", "propagate": False},
        "gunicorn.access": {"handlers": ["stdout"], "level": "INFO", "propagate": False},
    },
    "root": {"handlers": ["stdout"], "level": "INFO"},
}


class JsonAccessLogger(glogging.Logger):
    def access(self, resp, req, environ, request_time):
        status = resp.status.split(None, 1)[0] if isinstance(resp.status, str) else resp.status
        fields = {
            "method": environ.get("REQUEST_METHOD"),
            "path": environ.get("PATH_INFO"),
            "query": environ.get("QUERY_STRING") or None,
            "status": int(status),
            "bytes": getattr(resp, "sent", None),
            "duration_ms": round(request_time.total_seconds() * 1000, 2),
            "remote_addr": environ.get("REMOTE_ADDR"),
            "user_agent": environ.get("HTTP_USER_AGENT"),
            "page_cache": dict(resp.headers).get("X-Page-Cache"),
        }
        self.access_log.info("request", extra=fields)
