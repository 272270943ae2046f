"""Production settings for a local benchmark: gunicorn on 127.0.0.1, PostgreSQL, Redis.

Everything production does (WhiteNoise, CSP, the page cache with Redis, JSON logs) stays on;
only what needs a real domain is relaxed: no HTTPS redirect, hosts limited to this machine.
"""

import os

os.environ.setdefault("SECRET_KEY", "benchmark-only-not-secret-" + "x" * 40)
os.environ.setdefault("ALLOWED_HOSTS", "127.0.0.1,localhost")
os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/mtg_bench")
os.environ.setdefault("REDIS_URL", "redis://127.0.0.1:6379/7")
os.environ.setdefault("SECURE_SSL_REDIRECT", "false")
os.environ.setdefault("STATIC_ROOT", "/tmp/mtg-bench/static")
os.environ.setdefault("MEDIA_ROOT", "/tmp/mtg-bench/media")
os.environ.setdefault("SUBMISSIONS_ROOT", "/tmp/mtg-bench/submissions")
os.environ.setdefault("LOG_LEVEL", "WARNING")

from site_project.settings.production import *  # noqa: E402, F403
from site_project.settings.production import INSTALLED_APPS, MIDDLEWARE  # noqa: E402

INSTALLED_APPS = [*INSTALLED_APPS, "benchmarks"]
# Outermost, so a page served from the cache reports the queries it really cost (none).
MIDDLEWARE = ["benchmarks.middleware.QueryCountMiddleware", *MIDDLEWARE]
# Plain HTTP on 127.0.0.1: cookies cannot be Secure-only or the admin login would not stick.
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
SECURE_HSTS_SECONDS = 0
CONTENT_SECURITY_POLICY["DIRECTIVES"].pop("upgrade-insecure-requests", None)  # noqa: F405
# Make renditions inline on first view, as the demo loader expects without a worker.
# The backend must still accept every queue the site's tasks name (TASK_QUEUES), or importing the
# renditions task fails.
TASKS = {
    "default": {
        "BACKEND": "django_tasks.backends.dummy.DummyBackend",
        "QUEUES": TASK_QUEUES,  # noqa: F405
    }
}
