#!/usr/bin/env bash
# This project against wagtail/bakerydemo, side by side on this machine (benchmarks/compare.py).
#
#   bash benchmarks/compare.sh [BAKERYDEMO_PATH] [--skip-setup] [--setup-only]
#
# Prepares a PostgreSQL database of our own (mtg_bench: the demo content grown to 2,000 stories,
# 400 illustrations, 60 series, 300 contributors; a few minutes) and, given the path of a
# bakerydemo checkout, bakerydemo beside it (benchmarks/bakerydemo.sh: a Python 3.12 virtualenv,
# database bakery_bench, all outside this repository). Then serves both with gunicorn, 2 sync
# workers each, and loads them with wrk in alternation; prints the comparison table and writes it
# to benchmarks/COMPARISON.md. Without a bakerydemo path it prints this project's figures alone.
#
# --skip-setup   keep the existing databases (mtg_bench must already hold the full content)
# --setup-only   prepare, measure nothing
# ROUNDS (5), SECONDS_PER_ROUND (5), CONNECTIONS (4) set the wrk runs. To rewrite COMPARISON.md
# from the last run: DJANGO_SETTINGS_MODULE=benchmarks.settings manage.py compare_bakerydemo --render
# Needs: PostgreSQL on 127.0.0.1:5432 (user postgres, trust), Redis on 127.0.0.1:6379, wrk.
set -euo pipefail
cd "$(dirname "$0")/.."
skip_setup="" setup_only="" bakery=""
for arg in "$@"; do
  case $arg in
    --skip-setup) skip_setup=1 ;;
    --setup-only) setup_only=1 ;;
    -*) echo "unknown option $arg" >&2; exit 2 ;;
    *) bakery=$(cd "$arg" && pwd) ;;
  esac
done
export DJANGO_SETTINGS_MODULE=benchmarks.settings
export PYTHONUNBUFFERED=1  # progress lines as they come, also into a log file
export DATABASE_URL=${BENCH_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/mtg_bench}
py=.venv/bin/python
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }

if [ -z "$skip_setup" ]; then
  echo "== this project: fresh database mtg_bench, demo content grown to full size"
  psql -h 127.0.0.1 -U postgres -qc 'DROP DATABASE IF EXISTS mtg_bench' 2>/dev/null
  psql -h 127.0.0.1 -U postgres -qc 'CREATE DATABASE mtg_bench'
  mkdir -p /tmp/mtg-bench
  redis-cli -h 127.0.0.1 -n 7 FLUSHDB >/dev/null
  $py manage.py migrate --no-input -v0
  $py manage.py load_demo_content
  $py manage.py collectstatic --no-input -v0
  $py manage.py scale_content --stories 2000 --illustrations 400 --series 60 --contributors 300
fi
if [ -n "$bakery" ]; then
  bash benchmarks/bakerydemo.sh "$bakery" ${skip_setup:+--skip-setup}
fi
[ -n "$setup_only" ] && exit 0

$py manage.py compare_bakerydemo ${bakery:+--bakerydemo "$bakery"} \
  --rounds "${ROUNDS:-5}" --seconds "${SECONDS_PER_ROUND:-5}" --connections "${CONNECTIONS:-4}"
