"""gunicorn settings for production: `gunicorn -c gunicorn.conf.py site_project.wsgi`.

Every value can be overridden from the environment (GUNICORN_* below, or gunicorn's own
GUNICORN_CMD_ARGS). Sync workers: pages are rendered from the database or the cache in tens of
milliseconds and slow clients are buffered by the reverse proxy in front, so threads or async
workers would add complexity without raising throughput on a CPU-bound Django app.
"""

import multiprocessing
import os

from operations.gunicorn_logging import LOGCONFIG

bind = os.environ.get("GUNICORN_BIND", f"0.0.0.0:{os.environ.get('PORT', '8000')}")
# Two per core plus one is gunicorn's own rule of thumb for CPU-bound sync workers.
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count() * 2 + 1))
worker_class = "sync"
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
