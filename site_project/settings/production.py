"""Production: everything secret or deploy-specific comes from the environment.

Refuses to start without SECRET_KEY. Served by gunicorn (gunicorn.conf.py) behind a reverse
proxy or load balancer; static files by WhiteNoise with hashed, compressed names (run
`manage.py collectstatic` at build time); see docs/deployment.md for every variable.
"""

from django.core.exceptions import ImproperlyConfigured

from operations.origin import origin_setting

from .base import *  # noqa: F403
from .base import MIDDLEWARE, SHARED_CACHE, STORAGES, TASKS, WAGTAILADMIN_BASE_URL, env

DEBUG = False

SECRET_KEY = env("SECRET_KEY", default="")
if not SECRET_KEY:
    raise ImproperlyConfigured("Set the SECRET_KEY environment variable to run in production.")

# The public origin, from SITE_URL (or, as before it existed, WAGTAILADMIN_BASE_URL): applied to
# the default Site on release (`manage.py apply_site_url`, Procfile) and checked by
# `check --deploy` (operations/checks.py), which fails while it or the Site is loopback.
SITE_ORIGIN, SITE_URL = origin_setting(
    env("SITE_URL", default="") or env("WAGTAILADMIN_BASE_URL", default="")
)
WAGTAILADMIN_BASE_URL = env("WAGTAILADMIN_BASE_URL", default=SITE_URL or WAGTAILADMIN_BASE_URL)

# Explicit values win; otherwise the origin's host and the origin itself.
if "ALLOWED_HOSTS" in env.ENVIRON or SITE_ORIGIN is None:
    ALLOWED_HOSTS = env.list("ALLOWED_HOSTS")
else:
    ALLOWED_HOSTS = [SITE_ORIGIN.hostname]
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[SITE_URL] if SITE_URL else [])

# HTTPS. Behind a TLS-terminating proxy that already redirects, its owner may set
# SECURE_SSL_REDIRECT=False; the proxy must then set X-Forwarded-Proto (and strip a client's).
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=60 * 60 * 24 * 365)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=True)
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=True)
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
LANGUAGE_COOKIE_SECURE = True
SESSION_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"  # CSP frame-ancestors 'self' lets the admin's preview frame pages.
USE_X_FORWARDED_HOST = env.bool("USE_X_FORWARDED_HOST", default=False)

# Databases: keep connections open between requests and check them before use.
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)  # noqa: F405
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True  # noqa: F405

# Static files: WhiteNoise right after SecurityMiddleware, serving collectstatic's hashed and
# pre-compressed files with far-future cache headers (and CORS, which fonts need on a CDN).
MIDDLEWARE = list(MIDDLEWARE)
MIDDLEWARE.insert(
    MIDDLEWARE.index("django.middleware.security.SecurityMiddleware") + 1,
    "whitenoise.middleware.WhiteNoiseMiddleware",
)
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
STATIC_URL = env("STATIC_URL", default="/static/")

# Background tasks on RQ/Redis through the outbox (operations/tasks_backend.py): a request only
# writes a row; workers (`manage.py rqworker --job-class django_tasks_rq.Job default renditions`)
# do the work; the scheduler hands over what Redis missed (docs/deployment.md).
TASKS["default"]["BACKEND"] = env(
    "TASKS_BACKEND", default="operations.tasks_backend.OutboxRQBackend"
)
# The page cache needs a cache every worker and node shares, or a publish would clear only one
# process's copy; with the local-memory default it stays off.
PAGE_CACHE_SECONDS = env.int("PAGE_CACHE_SECONDS", default=300) if SHARED_CACHE else 0
FRAGMENT_CACHE_SECONDS = env.int("FRAGMENT_CACHE_SECONDS", default=3600) if SHARED_CACHE else 0

# Backups hold personal data: `backup_site` refuses to write one without BACKUP_AGE_RECIPIENTS
# unless told --unencrypted (docs/backup.md).
BACKUP_REQUIRE_ENCRYPTION = env.bool("BACKUP_REQUIRE_ENCRYPTION", default=True)

EMAIL_BACKEND = env("EMAIL_BACKEND", default="operations.mail.QueuedEmailBackend")
EMAIL_HOST = env("EMAIL_HOST", default="localhost")
EMAIL_PORT = env.int("EMAIL_PORT", default=587)
EMAIL_HOST_USER = env("EMAIL_HOST_USER", default="")
EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD", default="")
EMAIL_USE_TLS = env.bool("EMAIL_USE_TLS", default=True)
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="stories@mindthegap.example")
SERVER_EMAIL = env("SERVER_EMAIL", default=DEFAULT_FROM_EMAIL)

# Public pages are upgraded to HTTPS sub-resources too.
CONTENT_SECURITY_POLICY["DIRECTIVES"]["upgrade-insecure-requests"] = True  # noqa: F405

# Structured logs: one JSON object per line on stdout, for the platform's log collector.
LOG_LEVEL = env("LOG_LEVEL", default="INFO")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "json": {
            "()": "pythonjsonlogger.json.JsonFormatter",
            "fmt": "%(asctime)s %(levelname)s %(name)s %(message)s %(process)d",
            "rename_fields": {"asctime": "time", "levelname": "level", "name": "logger"},
        },
    },
    "handlers": {"stdout": {"class": "logging.StreamHandler", "formatter": "json"}},
    "root": {"handlers": ["stdout"], "level": LOG_LEVEL},
    "loggers": {
        "django": {"handlers": ["stdout"], "level": LOG_LEVEL, "propagate": False},
        # Host-header probes from scanners are noise, not errors worth a page.
        "django.security.DisallowedHost": {"handlers": [], "propagate": False},
        "gunicorn.error": {"handlers": ["stdout"], "level": LOG_LEVEL, "propagate": False},
        "gunicorn.access": {"handlers": ["stdout"], "level": LOG_LEVEL, "propagate": False},
    },
}
