"""Settings shared by every environment.

Nothing secret and nothing deploy-specific lives here: those come from the environment
(read through django-environ) in the environment modules beside this one.
"""

from datetime import timedelta
from pathlib import Path

import environ
from csp.constants import NONCE, NONE, SELF, UNSAFE_INLINE
from django.core.exceptions import ImproperlyConfigured

from operations.languages import language_choices
from operations.origin import origin_setting

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent

env = environ.Env()

INSTALLED_APPS = [
    "home",
    "collection",
    "illustrations",
    "submissions",
    "operations",
    # Background tasks: Django's tasks API, and its RQ backend with django-rq's commands
    # (rqworker) and connection settings (RQ_QUEUES).
    "django_tasks",
    "django_tasks_rq",
    "django_rq",
    "reuse",
    # Translation of pages and snippets, segment by segment (wagtail-localize), and its
    # locale admin in place of wagtail.locales.
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.api.v2",
    "corsheaders",
    "wagtail.contrib.forms",
    "wagtail.contrib.frontend_cache",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail_modeladmin",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "wagtailmedia",
    "modelcluster",
    "taggit",
    "django_filters",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "axes",
]

MIDDLEWARE = [
    # Answers load-balancer probes before host checks and HTTPS redirects (operations/).
    "operations.middleware.HealthCheckMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # 400 for text no database can hold (NUL, lone surrogates, bad UTF-8) in the path, query,
    # form or cookies, and for admin listing filters of the wrong kind (operations/).
    "operations.middleware.InputGuardMiddleware",
    # Strict nonce-based policy on public pages, a relaxed one under /admin/.
    "operations.middleware.ContentSecurityPolicyMiddleware",
    # Whole-page cache for anonymous readers; inside the CSP middleware so every response,
    # cached or not, gets a fresh nonce and header. It also answers conditional requests
    # (ETag over the body without the nonce, 304 from a kept entry without rendering), which
    # Django's ConditionalGetMiddleware could not: its ETag would hash the per-response nonce.
    "operations.middleware.PageCacheMiddleware",
    # CORS for the read API only (CORS_URLS_REGEX): before CommonMiddleware, as documented.
    "corsheaders.middleware.CorsMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # The language comes from the address alone (/cy/..., /ur/...; English unprefixed), so a
    # page never varies by Accept-Language and the page cache keys it by path (operations/).
    "operations.languages.PathLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # People with no page permission (Illustrators) never reach the page admin's views,
    # which show draft titles before checking permissions (illustrations/admin_access.py).
    "illustrations.admin_access.PageAdminAccessMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # An admin action that would publish a page using an incomplete image shows why instead.
    "collection.publish_rules.PublishBlockedMiddleware",
    # "You approved ...": a Reviewer's confirmation after approving, from the editor or dashboard.
    "collection.workflow_messages.ApprovalConfirmationMiddleware",
    # Login throttling: turns a paused sign-in into the lockout response (last, per its docs).
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "site_project.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PROJECT_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

WSGI_APPLICATION = "site_project.wsgi.application"

# SQLite is the embedded default; DATABASE_URL (PostgreSQL in production) overrides it.
DATABASES = {
    "default": env.db_url("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Parameters bound by the server, so psycopg prepares a query run a few times on a
    # connection (persistent in production: CONN_MAX_AGE) and PostgreSQL stops planning it on
    # every request: a page rendered afresh spent a third of its database time planning
    # (docs/scaling.md). Behind a PgBouncer in transaction mode, set
    # DATABASE_PREPARE_THRESHOLD=none (prepared statements would not survive the pooling).
    _threshold = env.str("DATABASE_PREPARE_THRESHOLD", default="5").strip().lower()
    # PostgreSQL's default random_page_cost (4) prices an index lookup for a spinning disk, so
    # it read all 2,400 page rows to join the 38 cards of a series; a site's tables sit in
    # memory or on SSD, where 1.1 is the usual setting (docs/scaling.md). Set per connection,
    # so a shared server's other databases keep theirs; DATABASE_RANDOM_PAGE_COST overrides.
    _page_cost = env.float("DATABASE_RANDOM_PAGE_COST", default=1.1)
    _options = DATABASES["default"].setdefault("OPTIONS", {})
    _options.update(
        {
            "server_side_binding": env.bool("DATABASE_SERVER_SIDE_BINDING", default=True),
            "prepare_threshold": None if _threshold == "none" else int(_threshold),
        }
    )
    _options["options"] = f"{_options.get('options', '')} -c random_page_cost={_page_cost}".strip()
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Login throttling (django-axes; operations/login_throttle.py). Its backend comes first and
# refuses a paused account or address before any password is checked.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Failures counted in the database, so throttling holds while the shared cache is down.
AXES_HANDLER = "axes.handlers.database.AxesDatabaseHandler"
AXES_FAILURE_LIMIT = env.int("LOGIN_FAILURE_LIMIT", default=10)
# Either parameter alone locks: an account name tried from anywhere, or an address trying any.
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_COOLOFF_TIME = timedelta(minutes=env.int("LOGIN_COOLOFF_MINUTES", default=15))
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "submissions.client_ip.client_ip"
AXES_LOCKOUT_CALLABLE = "operations.login_throttle.lockout_response"
# The Django admin is not mounted: a lock is lifted with the axes_reset* commands.
AXES_ENABLE_ADMIN = False
# Wagtail's sign-in form with one refusal message for every reason.
WAGTAILADMIN_USER_LOGIN_FORM = "operations.login_throttle.ThrottledLoginForm"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

# Languages (docs/languages.md). English is the default and keeps its unprefixed addresses;
# every other language lives under its code (/cy/, /ur/). The shipped locales have the site's
# own words translated in site_project/locale/; any language listed here can be added as a
# Locale from the admin (Settings -> Locales) without code, its site words falling back to
# English until a catalogue is added.
SHIPPED_LANGUAGES = ["en-gb", "cy", "ur"]
LANGUAGES = language_choices(SHIPPED_LANGUAGES)
WAGTAIL_I18N_ENABLED = True
# A page submitted for translation starts as a draft, even when its original is live: otherwise
# wagtail-localize publishes the copy at once, in the original's words, past the review workflow.
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
LOCALE_PATHS = [PROJECT_DIR / "locale"]
# Dates per language where Django's own formats are missing (Urdu) or differ from the site's.
FORMAT_MODULE_PATH = ["site_project.formats"]
# Readers never get a language cookie (the address says the language); the admin's own
# language comes from each user's preference.
LANGUAGE_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SAMESITE = "Lax"

STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATICFILES_DIRS = [PROJECT_DIR / "static"]
STATIC_ROOT = env.path("STATIC_ROOT", default=BASE_DIR / "static_collected")
STATIC_URL = "/static/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "media")
MEDIA_URL = "/media/"
# Serve MEDIA_ROOT through Django (with HTTP Range: operations/media_files.py) outside DEBUG too,
# for a deployment without object storage or a web server in front that serves /media/.
SERVE_MEDIA = env.bool("SERVE_MEDIA", default=False)

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    # Files sent with "Share your story": personal data, outside MEDIA_ROOT and never served
    # publicly; editors open them through a permission-checked admin view.
    "submissions": {
        "BACKEND": "submissions.storage.PrivateFileSystemStorage",
        "OPTIONS": {
            "location": env.path("SUBMISSIONS_ROOT", default=BASE_DIR / "private_submissions"),
        },
    },
}

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Wagtail
WAGTAIL_SITE_NAME = "Mind The Gap"
# The public origin readers use, e.g. https://mindthegap.example (operations/origin.py). Unset in
# development: the demo's Site keeps localhost. Production falls back to WAGTAILADMIN_BASE_URL.
SITE_ORIGIN, SITE_URL = origin_setting(env("SITE_URL", default=""))
WAGTAILADMIN_BASE_URL = env("WAGTAILADMIN_BASE_URL", default=SITE_URL or "http://127.0.0.1:8000")
# The podcast channel's <podcast:guid> is derived from the feed's address; set this to the old
# GUID when the feed moves to another domain, so apps keep the subscription (collection/feeds.py).
PODCAST_GUID = env("PODCAST_GUID", default="")
WAGTAILIMAGES_IMAGE_MODEL = "illustrations.Illustration"
WAGTAILMEDIA = {
    "MEDIA_MODEL": "collection.StoryMedia",
    "AUDIO_EXTENSIONS": ["mp3", "m4a"],
    "VIDEO_EXTENSIONS": ["mp4", "webm"],
    # Transcripts and captions in each of the site's other languages (collection/media_forms.py).
    "MEDIA_FORM_BASE": "collection.media_forms.StoryMediaForm",
}
WAGTAILSEARCH_BACKENDS = {
    # Wagtail's database backend, with a text search configuration per language on PostgreSQL.
    "default": {"BACKEND": "collection.search_backend"},
}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "rtf", "txt", "xlsx"]
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAILEMBEDS_RESPONSIVE_HTML = True

# Illustrations (illustrations/forms.py, illustrations/renditions.py)
# The image form requires alt text (or "decorative"), a credit and a licence, and decides a
# file's type from its content.
WAGTAILIMAGES_IMAGE_FORM_BASE = "illustrations.forms.IllustrationForm"
# Commissioned artwork is large: 30 MB per file. The web server in front must allow at least
# this much per request body (e.g. nginx client_max_body_size 32m).
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 30 * 1024 * 1024
# 50 megapixels covers an A3 page at 300 dpi (35 MP) and refuses decompression bombs.
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 50_000_000
# No SVG: it can carry scripts.
WAGTAILIMAGES_EXTENSIONS = ["avif", "gif", "jpg", "jpeg", "png", "webp"]
# The <img> fallback for browsers without AVIF/WebP: keep JPEG as JPEG, others become PNG.
WAGTAILIMAGES_FORMAT_CONVERSIONS = {"avif": "png", "webp": "png"}
# Renditions take quality per kind of image from illustrations/encoding.py (measured floor);
# these two stay as Wagtail's own defaults for anything encoded outside the site's encoders.
WAGTAILIMAGES_AVIF_QUALITY = 60
# libavif encoder speed (0-10): 8 is about five times faster than the default 6
# (see illustrations/avif.py).
WAGTAILIMAGES_AVIF_SPEED = 8
WAGTAILIMAGES_WEBP_QUALITY = 78
WAGTAILIMAGES_JPEG_QUALITY = 80
# Uploads above this size are streamed to a temporary file rather than held in memory.
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
# ...in a private folder of ours (0700), not the system's temp folder, so that a worker killed
# mid-upload leaves a visitor's file where it is cleaned up: on start and by the scheduler
# (operations/upload_spool.py). Beside the private submissions storage by default.
FILE_UPLOAD_TEMP_DIR = str(
    env.path("FILE_UPLOAD_TEMP_DIR", default=BASE_DIR / "private_upload_spool")
)
# A spooled file untouched this long belongs to a dead request: the gunicorn timeout (a
# request cannot live longer) plus a minute.
UPLOAD_SPOOL_STALE_SECONDS = env.int(
    "UPLOAD_SPOOL_STALE_SECONDS", default=env.int("GUNICORN_TIMEOUT", default=120) + 60
)

# Background tasks (django-tasks; operations/tasks_backend.py, docs/deployment.md). Renditions,
# mail, CDN purges, search-index updates and the periodic jobs are tasks. The embedded default,
# the ImmediateBackend, runs each task in the process that queued it, right after the commit:
# zero setup for `bin/serve` and tests. Production sets TASKS_BACKEND to the outbox backend on
# RQ/Redis ("operations.tasks_backend.OutboxRQBackend") and runs workers (`rqworker`).
TASK_QUEUES = ["default", "renditions"]
# Seconds between the retries of a failed task on the RQ backend (five retries, about 1 h 30 in
# all); a task still failing then stays in the admin's failed-task report until retried.
TASK_RETRY_INTERVALS = env.list("TASK_RETRY_INTERVALS", cast=int, default=[15, 60, 300, 1200, 3600])
TASKS = {
    "default": {
        "BACKEND": env("TASKS_BACKEND", default="django_tasks.backends.immediate.ImmediateBackend"),
        "QUEUES": TASK_QUEUES,
        # Read by the RQ backend only (operations/tasks_backend.py).
        "OPTIONS": {
            "RETRY": {"MAX": len(TASK_RETRY_INTERVALS), "INTERVALS": TASK_RETRY_INTERVALS},
            "JOB_TIMEOUT": env.int("TASK_JOB_TIMEOUT", default=600),
            "FAILURE_TTL": -1,
        },
    },
}
# Redis for RQ (django-rq): RQ_REDIS_URL, else REDIS_URL. A short connect timeout: when Redis is
# away, a commit falls back to the outbox at once instead of hanging the request.
_RQ_URL = env("RQ_REDIS_URL", default="") or env("REDIS_URL", default="redis://127.0.0.1:6379/0")
_RQ_URL += ("&" if "?" in _RQ_URL else "?") + "socket_connect_timeout=2"
RQ_QUEUES = {name: {"URL": _RQ_URL, "DEFAULT_TIMEOUT": 600} for name in TASK_QUEUES}

# Mail: every message is queued (operations/mail.py) and delivered by a worker through
# EMAIL_DELIVERY_BACKEND, so no request waits on a mail server; EMAIL_TIMEOUT bounds each SMTP
# connection (connect, and every read and write) so a server that never answers fails the
# attempt, which the queue retries with backoff.
EMAIL_BACKEND = "operations.mail.QueuedEmailBackend"
EMAIL_DELIVERY_BACKEND = env(
    "EMAIL_DELIVERY_BACKEND", default="django.core.mail.backends.smtp.EmailBackend"
)
EMAIL_TIMEOUT = env.int("EMAIL_TIMEOUT", default=10)

# Share your story (submissions app)
# Personal data of declined or archived submissions is erased this many days after the decision.
SUBMISSIONS_RETENTION_DAYS = env.int("SUBMISSIONS_RETENTION_DAYS", default=365)
# Form posts allowed per client address; counted in the default cache, which must be shared
# between processes in production (e.g. Redis) for the limit to hold across workers.
SUBMISSIONS_RATE_LIMIT = env("SUBMISSIONS_RATE_LIMIT", default="5/h")
# With the cache unreachable the limit lets stories through and logs a warning, rather than
# refusing every visitor (submissions/rate_limit.py).
RATELIMIT_FAIL_OPEN = True
# Addresses (or CIDR ranges) of our own reverse proxies. Only they may tell us a client's real
# address through X-Forwarded-For; with none listed, REMOTE_ADDR is the client.
TRUSTED_PROXIES = env.list("TRUSTED_PROXIES", default=[])

# Backups (operations/backup_crypto.py), encrypted at rest with age: the public keys (age1...)
# a backup is encrypted to, comma-separated; the secret key (AGE-SECRET-KEY-1...) or a key file
# that restores it, needed only where restores are run. Production requires encryption.
BACKUP_AGE_RECIPIENTS = env.list("BACKUP_AGE_RECIPIENTS", default=[])
BACKUP_AGE_IDENTITY = env("BACKUP_AGE_IDENTITY", default="")
BACKUP_AGE_IDENTITY_FILE = env("BACKUP_AGE_IDENTITY_FILE", default="")
BACKUP_REQUIRE_ENCRYPTION = env.bool("BACKUP_REQUIRE_ENCRYPTION", default=False)
# Where the plain backup is assembled (and a restore unpacked) for the moment it takes.
BACKUP_STAGING_DIR = env("BACKUP_STAGING_DIR", default="")

# Caches (operations app). Redis in production through CACHE_URL or REDIS_URL
# (redis://host:6379/0); a per-process memory cache otherwise.
_CACHE_URL = (
    env("CACHE_URL", default="") or env("REDIS_URL", default="") or "locmemcache://mind-the-gap"
)
CACHES = {"default": env.cache_url_config(_CACHE_URL)}
# Wagtail looks up renditions in a cache called "renditions" to skip a query per image.
CACHES["renditions"] = {**CACHES["default"], "TIMEOUT": 60 * 60 * 24}
if CACHES["default"]["BACKEND"].endswith("LocMemCache"):
    CACHES["renditions"]["LOCATION"] = "mind-the-gap-renditions"
    CACHES["renditions"]["OPTIONS"] = {"MAX_ENTRIES": 5000}
else:
    CACHES["renditions"]["KEY_PREFIX"] = "renditions"
    # A Redis outage makes pages slower, not broken; /healthz still reports it. A Redis that
    # does not answer at all costs a request at most a second per attempt, not the OS timeout.
    for _alias in ("default", "renditions"):
        _options = CACHES[_alias].setdefault("OPTIONS", {})
        _options["IGNORE_EXCEPTIONS"] = True
        if "redis" in CACHES[_alias]["BACKEND"].lower():
            _options.setdefault("SOCKET_CONNECT_TIMEOUT", 1)
            _options.setdefault("SOCKET_TIMEOUT", 1)
SHARED_CACHE = not CACHES["default"]["BACKEND"].endswith(("LocMemCache", "DummyCache"))

# Whole-page cache for anonymous readers (operations.page_cache); 0 turns it off. Off unless
# asked for, so development and tests always render afresh; production turns it on with a shared
# cache.
PAGE_CACHE_SECONDS = env.int("PAGE_CACHE_SECONDS", default=0)
PAGE_CACHE_ALIAS = "default"
# Entries each worker also keeps in memory (still checked against the shared generation).
PAGE_CACHE_LOCAL_ENTRIES = env.int("PAGE_CACHE_LOCAL_ENTRIES", default=200)
# /api/ is left out: every API call is counted by its rate limit and answers its own ETag / 304
# (reuse/http.py); its responses say how long a CDN may keep them.
PAGE_CACHE_EXCLUDED_PREFIXES = ["/admin/", "/documents/", "/static/", "/media/", "/api/"]
# Where the input guard answers a refused request in JSON (the read API), not the 400 page.
INPUT_GUARD_JSON_PREFIXES = ["/api/"]
HEALTH_CHECK_PATH = "/healthz"
# What pages derive from content (related stories, series navigation, story cards) is kept this
# long under the same generation as the page cache (collection/fragments.py); 0 turns it off.
# Off unless asked for: it needs a cache every worker shares, as the page cache does.
FRAGMENT_CACHE_SECONDS = env.int("FRAGMENT_CACHE_SECONDS", default=0)
FRAGMENT_CACHE_ALIAS = "default"
# Each worker also keeps its own copies of kept values, up to this many bytes (pickled), so most
# reads need no round trip to the shared cache (collection/local_copies.py); 0 turns them off.
FRAGMENT_LOCAL_BYTES = env.int("FRAGMENT_LOCAL_BYTES", default=16 * 1024 * 1024)

# Media and submissions on S3-compatible object storage when AWS_STORAGE_BUCKET_NAME is set
# (django-storages). Submissions get a bucket of their own that is never public: a private
# prefix inside a public bucket would still be readable through the bucket's public policy.
AWS_STORAGE_BUCKET_NAME = env("AWS_STORAGE_BUCKET_NAME", default="")
if AWS_STORAGE_BUCKET_NAME:
    SUBMISSIONS_BUCKET_NAME = env("SUBMISSIONS_BUCKET_NAME", default="")
    if not SUBMISSIONS_BUCKET_NAME or SUBMISSIONS_BUCKET_NAME == AWS_STORAGE_BUCKET_NAME:
        raise ImproperlyConfigured(
            "With media on object storage, set SUBMISSIONS_BUCKET_NAME to a separate, private "
            "bucket: submissions must never share the public media bucket."
        )
    _S3_COMMON = {
        "endpoint_url": env("AWS_S3_ENDPOINT_URL", default=None),
        "region_name": env("AWS_S3_REGION_NAME", default=None),
        "access_key": env("AWS_ACCESS_KEY_ID", default=None),
        "secret_key": env("AWS_SECRET_ACCESS_KEY", default=None),
        "file_overwrite": False,
        # Signature version 4: required by every current AWS region and most S3 clones.
        "signature_version": "s3v4",
    }
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            **_S3_COMMON,
            "bucket_name": AWS_STORAGE_BUCKET_NAME,
            # Public media: plain, cacheable URLs (through a CDN domain when given).
            "custom_domain": env("AWS_S3_CUSTOM_DOMAIN", default=None),
            "querystring_auth": False,
            "object_parameters": {"CacheControl": "public, max-age=31536000, immutable"},
        },
    }
    STORAGES["submissions"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            **_S3_COMMON,
            "bucket_name": SUBMISSIONS_BUCKET_NAME,
            # No per-object ACL: objects are private by default and current buckets refuse ACLs
            # (object ownership "bucket owner enforced"); privacy is the bucket's settings.
            "default_acl": None,
            # Only ever short-lived signed links, never a public address.
            "querystring_auth": True,
            "querystring_expire": 300,
            "custom_domain": None,
        },
    }
    MEDIA_URL = STORAGES["default"]["OPTIONS"]["custom_domain"] or MEDIA_URL
# Origins besides our own that serve media (images, audio, video, captions): the CSP allows them.
MEDIA_ORIGINS = env.list("MEDIA_ORIGINS", default=[])
if AWS_STORAGE_BUCKET_NAME and not MEDIA_ORIGINS:
    _domain = env("AWS_S3_CUSTOM_DOMAIN", default="")
    _endpoint = env("AWS_S3_ENDPOINT_URL", default="")
    MEDIA_ORIGINS = [f"https://{_domain}"] if _domain else [_endpoint or "https://*.amazonaws.com"]
# Captions (WebVTT) on another origin need CORS for <video crossorigin>; the configure_buckets
# command applies this to the media bucket. Our own origins, e.g. https://mindthegap.example.
MEDIA_CORS_ORIGINS = env.list("MEDIA_CORS_ORIGINS", default=["*"])

# Content-Security-Policy (django-csp 4, operations.middleware). Public pages: scripts and
# styles only from our origin or carrying this response's nonce (request.csp_nonce); nothing
# inline. JSON-LD <script type="application/ld+json"> is a data block, not run, and needs none.
_MEDIA_SOURCES = ["'self'", *MEDIA_ORIGINS]
# Click-to-load embeds open these players only after a reader asks.
CSP_FRAME_SOURCES = env.list(
    "CSP_FRAME_SOURCES",
    default=[
        "https://www.youtube-nocookie.com",
        "https://www.youtube.com",
        "https://player.vimeo.com",
        "https://open.spotify.com",
        "https://w.soundcloud.com",
    ],
)
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF, NONCE],
        "img-src": [*_MEDIA_SOURCES, "data:"],
        "media-src": _MEDIA_SOURCES,
        "font-src": [SELF],
        "connect-src": [SELF],
        "frame-src": [SELF, *CSP_FRAME_SOURCES],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        # 'self' rather than 'none': the admin's preview panel frames public templates.
        "frame-ancestors": [SELF],
    }
}
# The admin's editor has inline scripts and styles without nonces; it gets its own policy.
CSP_ADMIN_PATH_PREFIXES = ["/admin/"]
CONTENT_SECURITY_POLICY_ADMIN = {
    "DIRECTIVES": {
        **CONTENT_SECURITY_POLICY["DIRECTIVES"],
        "script-src": [SELF, UNSAFE_INLINE],
        "style-src": [SELF, UNSAFE_INLINE],
        "img-src": [*_MEDIA_SOURCES, "data:", "blob:"],
        "media-src": [*_MEDIA_SOURCES, "blob:"],
        "font-src": [SELF, "data:"],
        "worker-src": [SELF, "blob:"],
    }
}
# The admin would otherwise fetch avatars from gravatar.com (sending a hash of editors' e-mail
# addresses) and a version notice from wagtail.org: neither is allowed by the policy.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_UPDATE_CHECK = False

# CDN purge on publish (wagtail.contrib.frontend_cache), from the environment:
# Cloudflare (CLOUDFLARE_API_TOKEN + CLOUDFLARE_ZONE_ID), CloudFront (CLOUDFRONT_DISTRIBUTION_ID)
# or any cache that accepts HTTP PURGE, e.g. Varnish (FRONTEND_CACHE_PURGE_URL).
WAGTAILFRONTENDCACHE = {}
if env("CLOUDFLARE_ZONE_ID", default=""):
    WAGTAILFRONTENDCACHE["cloudflare"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "BEARER_TOKEN": env("CLOUDFLARE_API_TOKEN"),
        "ZONEID": env("CLOUDFLARE_ZONE_ID"),
    }
if env("CLOUDFRONT_DISTRIBUTION_ID", default=""):
    WAGTAILFRONTENDCACHE["cloudfront"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudfrontBackend",
        "DISTRIBUTION_ID": env("CLOUDFRONT_DISTRIBUTION_ID"),
    }
# Besides the published page and the pages that list it, publishing purges these URLs.
FRONTEND_CACHE_PURGE_URL_NAMES = ["feed-stories", "feed-stories-atom", "feed-podcast", "sitemap"]
if env("FRONTEND_CACHE_PURGE_URL", default=""):
    WAGTAILFRONTENDCACHE["http"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": env("FRONTEND_CACHE_PURGE_URL"),
    }

# The read API, oEmbed and citations (reuse app). Public and read-only: GET from any origin.
CORS_URLS_REGEX = r"^/api/.*$"
CORS_ALLOW_ALL_ORIGINS = True
CORS_ALLOW_METHODS = ["GET", "HEAD", "OPTIONS"]
CORS_ALLOW_CREDENTIALS = False
CORS_EXPOSE_HEADERS = ["ETag", "Retry-After", "X-RateLimit-Limit"]
# Wagtail's API v2: no page of results longer than this.
WAGTAILAPI_LIMIT_MAX = 100
# Calls per client address (django-ratelimit rate, e.g. "120/m") across /api/; 429 past it.
REUSE_API_RATE_LIMIT = env("REUSE_API_RATE_LIMIT", default="120/m")
# The client address for that limit: our own proxies' X-Forwarded-For only (a dotted path, so
# the reuse app needs no import of the submissions app that owns the rule).
REUSE_API_RATE_LIMIT_KEY = "submissions.client_ip.rate_limit_key"
# Seconds a shared cache (CDN) may keep an API response.
REUSE_API_MAX_AGE = env.int("REUSE_API_MAX_AGE", default=60)
# Only these paths may be framed by other sites (CSP frame-ancestors *): the embeddable cards.
CSP_FRAMEABLE_PATH_PREFIXES = ["/embed/"]
