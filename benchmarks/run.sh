#!/usr/bin/env bash
# Benchmark: a PostgreSQL database of its own (mtg_bench), the demo content scaled to 10% and
# then to full size (2,000 stories, 400 illustrations, 60 series, 300 contributors), gunicorn
# with the production settings, wrk from this machine. About 5-8 minutes. Writes RESULTS.md.
# Needs: PostgreSQL on 127.0.0.1:5432, Redis on 127.0.0.1:6379, wrk (apt-get install wrk).
set -euo pipefail
cd "$(dirname "$0")/.."
export DJANGO_SETTINGS_MODULE=benchmarks.settings
export DATABASE_URL=${BENCH_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/mtg_bench}
SECONDS_PER_PAGE=${SECONDS_PER_PAGE:-5}
py=.venv/bin/python
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }
redis-cli -h 127.0.0.1 -n 7 FLUSHDB >/dev/null

echo "== fresh database"
psql -h 127.0.0.1 -U postgres -qc 'DROP DATABASE IF EXISTS mtg_bench' 2>/dev/null
psql -h 127.0.0.1 -U postgres -qc 'CREATE DATABASE mtg_bench'
mkdir -p /tmp/mtg-bench
$py manage.py migrate --no-input -v0
$py manage.py load_demo_content
$py manage.py collectstatic --no-input -v0

echo "== 10% of the content"
$py manage.py scale_content --stories 200 --illustrations 40 --series 6 --contributors 30
$py manage.py run_benchmark --phase small

echo "== full content"
$py manage.py scale_content --stories 2000 --illustrations 400 --series 60 --contributors 300
$py manage.py run_benchmark --phase full --seconds "$SECONDS_PER_PAGE"
