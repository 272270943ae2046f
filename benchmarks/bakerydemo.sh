#!/usr/bin/env bash
# Prepare a wagtail/bakerydemo checkout to be served beside this project (benchmarks/compare.sh).
#
#   bash benchmarks/bakerydemo.sh /path/to/bakerydemo [--skip-setup]
#
# Everything it makes lives outside this repository, in $BAKERY_BENCH_DIR (/tmp/bakery-bench):
# a Python 3.12 virtualenv with bakerydemo's base requirements plus what its production settings
# need on PostgreSQL (psycopg, whitenoise, django-redis) and gunicorn (not uwsgi, not
# elasticsearch); a settings module over bakerydemo.settings.production; its static and media
# files. Its database is `bakery_bench` on the same PostgreSQL, loaded with its own demo data
# (`load_initial_data`). --skip-setup keeps an existing database and static files.
set -euo pipefail
checkout=$(cd "${1:?give the path of a bakerydemo checkout}" && pwd)
skip_setup=${2:-}
dir=${BAKERY_BENCH_DIR:-/tmp/bakery-bench}
db=${BAKERY_DATABASE:-bakery_bench}
[ -f "$checkout/bakerydemo/settings/production.py" ] || {
  echo "$checkout is not a bakerydemo checkout (no bakerydemo/settings/production.py)" >&2
  exit 1
}
mkdir -p "$dir"

if [ ! -x "$dir/venv/bin/gunicorn" ]; then
  echo "== bakerydemo: Python 3.12 virtualenv in $dir/venv"
  python=${BAKERY_PYTHON:-}
  if [ -z "$python" ]; then
    # pyenv shims exist for versions that are not selected: ask each one to run.
    for candidate in python3.13 python3.12 python3; do
      if "$candidate" -c 'import sys; assert sys.version_info >= (3, 12)' 2>/dev/null; then
        python=$candidate
        break
      fi
    done
  fi
  if [ -z "$python" ] && command -v pyenv >/dev/null; then
    version=$(pyenv versions --bare | grep -E '^3\.1[2-9]' | sort -V | tail -1 || true)
    [ -n "$version" ] && python="env PYENV_VERSION=$version python"
  fi
  [ -n "$python" ] || { echo "bakerydemo needs Python 3.12+; set BAKERY_PYTHON" >&2; exit 1; }
  $python -m venv "$dir/venv"
  "$dir/venv/bin/pip" install -q -r "$checkout/requirements/base.txt" \
    "psycopg[binary]>=3.3.3,<3.4" "whitenoise>=6.11.0,<7" "django-redis>=6.0.0,<7" gunicorn
fi

# Its production settings, with what a benchmark on 127.0.0.1 needs: no HTTPS redirect or HSTS,
# static and media files outside the checkout, and (BAKERY_CACHE=redis, the default) the Redis
# caches production.py configures when REDIS_URL is set, on databases 8 and 9 so that nothing
# else's keys are touched. BAKERY_CACHE=locmem keeps its fallback: a per-process LocMemCache.
cat >"$dir/bakery_bench_settings.py" <<'EOF'
"""bakerydemo.settings.production for a benchmark (written by benchmarks/bakerydemo.sh)."""

import os

from bakerydemo.settings.production import *  # noqa: F403

DEBUG = False
SECURE_SSL_REDIRECT = False
SECURE_HSTS_SECONDS = 0
STATIC_ROOT = os.path.join(os.environ["BAKERY_BENCH_DIR"], "static")
MEDIA_ROOT = os.path.join(os.environ["BAKERY_BENCH_DIR"], "media")
if os.environ.get("BAKERY_CACHE", "redis") == "redis":
    _options = {"IGNORE_EXCEPTIONS": True, "SOCKET_CONNECT_TIMEOUT": 2, "SOCKET_TIMEOUT": 2}
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": "redis://127.0.0.1:6379/8",
            "OPTIONS": _options,
        },
        "renditions": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": "redis://127.0.0.1:6379/9",
            "OPTIONS": _options,
        },
    }
EOF

export BAKERY_BENCH_DIR=$dir
export PYTHONPATH=$dir
export DJANGO_SETTINGS_MODULE=bakery_bench_settings
export DJANGO_SECRET_KEY=benchmark-only-not-secret-bakerydemo
export DJANGO_ALLOWED_HOSTS=127.0.0.1,localhost
export DATABASE_URL=postgres://postgres@127.0.0.1:5432/$db
export DJANGO_LOG_LEVEL=WARNING
cd "$checkout"
if [ "$skip_setup" != "--skip-setup" ]; then
  echo "== bakerydemo: fresh database $db, its demo data, static files"
  psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS $db" 2>/dev/null
  psql -h 127.0.0.1 -U postgres -qc "CREATE DATABASE $db"
  "$dir/venv/bin/python" manage.py migrate --no-input -v0
  "$dir/venv/bin/python" manage.py load_initial_data
  "$dir/venv/bin/python" manage.py collectstatic --no-input -v0
fi
