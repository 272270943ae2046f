"""gunicorn settings for production: `gunicorn -c gunicorn.conf.py site_project.wsgi`.

Every value can be overridden from the environment (GUNICORN_* below, or gunicorn's own
GUNICORN_CMD_ARGS). Threaded workers (gthread): they keep connections alive, so a reverse proxy
or CDN reuses them instead of opening one per request, and a thread waiting on PostgreSQL or
Redis lets another serve a cached page. Side by side on the benchmark machine (benchmarks/),
a cached page went from about 300 requests/s with sync workers to about 600 with these. Slow
clients are buffered by the proxy in front.
"""

import multiprocessing
import os

from operations.gunicorn_logging import LOGCONFIG

bind = os.environ.get("GUNICORN_BIND", f"0.0.0.0:{os.environ.get('PORT', '8000')}")
# One process per core plus one (rendering is CPU-bound and holds the GIL), a few threads each.
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count() + 1))
worker_class = os.environ.get("GUNICORN_WORKER_CLASS", "gthread")
threads = int(os.environ.get("GUNICORN_THREADS", "4"))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 30
keepalive = 5
# Restart workers now and then so a slow leak cannot grow without bound; jitter staggers them.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "2000"))
max_requests_jitter = 200
# Load the application once in the master so workers share its memory (copy-on-write).
preload_app = os.environ.get("GUNICORN_PRELOAD", "true").lower() == "true"
# Trust X-Forwarded-* only from the proxies we run (comma-separated addresses).
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
# Worker heartbeat files in memory, not on a possibly slow disk.
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None

# Logs on stdout as JSON lines (operations/gunicorn_logging.py) for the platform's collector.
logger_class = "operations.gunicorn_logging.JsonAccessLogger"
logconfig_dict = LOGCONFIG
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-")
loglevel = os.environ.get("LOG_LEVEL", "info").lower()
