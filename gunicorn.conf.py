"""gunicorn settings for production: `gunicorn -c gunicorn.conf.py site_project.wsgi`.

Every value can be overridden from the environment (GUNICORN_* below, or gunicorn's own
GUNICORN_CMD_ARGS).

Sync workers, two per core plus one. Rendering a page is CPU-bound and holds Python's GIL, so two
requests must run in two processes to run at once. A sync worker takes a connection only when it
is idle; a threaded (gthread) worker keeps accepting keep-alive connections while busy, and
two requests that land in one gthread worker take turns on its GIL. Side by side on the
benchmark machine (benchmarks/, 2 cores, two connections, page cache off), a rich story's p50
was 29-33 ms with 5 sync workers against 45-57 ms with 3 gthread workers of 4 threads; cached
pages were served at about the same rate by both (1,030-1,530 requests/s). Sync workers need a
buffering reverse proxy or CDN in front for slow clients, which every deployment here has
(docs/deployment.md). `GUNICORN_WORKER_CLASS=gthread` with `GUNICORN_THREADS` brings threads
back.
"""

import gc
import multiprocessing
import os

from operations.gunicorn_logging import LOGCONFIG

bind = os.environ.get("GUNICORN_BIND", f"0.0.0.0:{os.environ.get('PORT', '8000')}")
# Two processes per core plus one (gunicorn's own advice): one request at a time each.
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count() * 2 + 1))
worker_class = os.environ.get("GUNICORN_WORKER_CLASS", "sync")
# Only used by the gthread worker class.
threads = int(os.environ.get("GUNICORN_THREADS", "1"))
# A sync worker busy for longer than this is restarted. Without a task worker (TASKS_BACKEND),
# an upload or a publish makes its AVIF renditions inside the request, about a second an image.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "120"))
graceful_timeout = 30
keepalive = 5
# Restart workers now and then so a slow leak cannot grow without bound; jitter staggers them.
# Measured (benchmarks/worker_memory.py, docs/scaling.md): after warm-up a worker gains about
# 70 B per cached request and 550 B per rendered one, so 100,000 bounds the growth at roughly
# 7-52 MiB, where 2,000 restarted every worker every few seconds at cached rates.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "100000"))
max_requests_jitter = int(os.environ.get("GUNICORN_MAX_REQUESTS_JITTER", "10000"))
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


def pre_fork(server, worker):
    """Move everything the preloaded application made into the garbage collector's permanent
    generation before a worker is forked (as Python's `gc.freeze` documentation advises for a
    forking server): the worker's collections no longer walk the tens of thousands of objects
    Django and Wagtail made at start-up on every full pass, nor write to their memory pages,
    which stay shared with the master. In process, a series page read afresh took about 2%
    less time."""
    gc.freeze()
