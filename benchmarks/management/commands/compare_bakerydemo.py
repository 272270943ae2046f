"""`manage.py compare_bakerydemo`: this project against wagtail/bakerydemo, side by side.

Run through `bash benchmarks/compare.sh [BAKERYDEMO_PATH]`, which prepares both databases. Both
sites are served by gunicorn with 2 sync workers on the same PostgreSQL; bakerydemo the same way
in every column (its production settings, DEBUG off, benchmarks/bakerydemo.sh). Ours runs in
three configurations, one gunicorn at a time:

- no caching at all         PAGE_CACHE_SECONDS=0, FRAGMENT_CACHE_SECONDS=0
- kept fragments            PAGE_CACHE_SECONDS=0, FRAGMENT_CACHE_SECONDS=3600
- page cache                PAGE_CACHE_SECONDS=300, FRAGMENT_CACHE_SECONDS=3600

In each, after warming every page, wrk loads the pages in one alternation: per round, each
pair's page of ours (A) then bakerydemo's (B), so both sides see the same minute of a machine
whose speed drifts; the ratio of a round is A's requests/s over the B beside it. In the page
cache column a static file of the cached rich story's byte size, served by WhiteNoise through
the same gunicorn, joins the alternation after the rich story. Prints the Markdown table and
writes it to benchmarks/COMPARISON.md.
"""

import json
import os
import socket
import subprocess
import time
from pathlib import Path

import requests
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from benchmarks.comparison_report import render as render_report
from benchmarks.management.commands.run_benchmark import (
    BASE,
    BENCH_DIR,
    STATE_DIR,
    Server,
    content_counts,
    wrk,
)
from benchmarks.management.commands.run_benchmark import (
    Command as RunBenchmark,
)

# (name, our path, bakerydemo's path)
PAIRS = [
    ("home", "/", "/"),
    ("listing", "/stories/", "/blog/"),
    (
        "rich story",
        "/stories/why-genomic-data-comes-from-a-fraction-of-the-world/",
        "/blog/wild-yeast/",
    ),
    ("series", "/series/whose-samples/", "/breads/"),
]
# (column, PAGE_CACHE_SECONDS, FRAGMENT_CACHE_SECONDS)
CONFIGS = [
    ("no caching at all", 0, 0),
    ("kept fragments, no page cache", 0, 3600),
    ("page cache", 300, 3600),
]
FULL_CONTENT = {"stories": 2000, "illustrations": 400, "series": 60, "contributors": 300}
WORKERS = 2
WRK_THREADS = 2
BAKERY_HOST = "127.0.0.1"
BAKERY_PORT = int(os.environ.get("BAKERY_PORT", "18732"))
BAKERY_BASE = f"http://{BAKERY_HOST}:{BAKERY_PORT}"
STATIC_NAME = "bench-same-size-as-rich-story.html"


def bakery_env(bench_dir):
    """bakerydemo's environment, as benchmarks/bakerydemo.sh prepared it."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "DATABASE_", "GUNICORN_", "PAGE_CACHE", "FRAGMENT_"))
    }
    env.update(
        BAKERY_BENCH_DIR=str(bench_dir),
        PYTHONPATH=str(bench_dir),
        DJANGO_SETTINGS_MODULE="bakery_bench_settings",
        DJANGO_SECRET_KEY="benchmark-only-not-secret-bakerydemo",
        DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost",
        DATABASE_URL="postgres://postgres@127.0.0.1:5432/"
        + os.environ.get("BAKERY_DATABASE", "bakery_bench"),
        DJANGO_LOG_LEVEL="WARNING",
    )
    return env


class BakeryServer(Server):
    """bakerydemo under gunicorn: 2 sync workers, gunicorn's defaults otherwise (stopped as
    our own server is)."""

    def __init__(self, checkout, bench_dir):
        with socket.socket() as probe:
            if probe.connect_ex((BAKERY_HOST, BAKERY_PORT)) == 0:
                raise CommandError(f"Something listens on port {BAKERY_PORT}; set BAKERY_PORT.")
        self.log = open(STATE_DIR / "gunicorn-bakerydemo.log", "w")  # noqa: SIM115
        self.process = subprocess.Popen(
            [str(bench_dir / "venv/bin/gunicorn"), "--workers", str(WORKERS)]
            + ["--worker-class", "sync", "--bind", f"{BAKERY_HOST}:{BAKERY_PORT}"]
            + ["--timeout", "600", "bakerydemo.wsgi"],
            cwd=checkout,
            env=bakery_env(bench_dir),
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )
        for _ in range(150):
            try:
                requests.get(BAKERY_BASE + "/", timeout=600)
                return
            except requests.ConnectionError:
                time.sleep(0.2)
        self.stop()
        raise CommandError("bakerydemo did not start; see /tmp/mtg-bench/gunicorn-bakerydemo.log")


def warm(base, path, header=None):
    """Request a page until its renditions exist and each worker's caches are filled; returns
    its size in bytes and (given a header name) the smallest value of that header seen."""
    seen = []
    for _ in range(8):
        response = requests.get(base + path, timeout=600)
        if response.status_code != 200 or b"<html" not in response.content[:2000].lower():
            raise CommandError(f"{base}{path} answered {response.status_code}, not a page")
        if header:
            seen.append(int(response.headers[header]))
    return len(response.content), (min(seen) if seen else None)


def bakery_versions(bench_dir):
    script = "import django, wagtail, sys; print(sys.version.split()[0], django.__version__,"
    script += " wagtail.__version__)"
    result = subprocess.run(
        [str(bench_dir / "venv/bin/python"), "-c", script], capture_output=True, text=True
    )
    python, django, wagtail = (result.stdout.split() + ["?"] * 3)[:3]
    return {"python": python, "django": django, "wagtail": wagtail}


class Command(BaseCommand):
    help = "Compare this project with wagtail/bakerydemo (see benchmarks/compare.sh)."

    def add_arguments(self, parser):
        parser.add_argument("--bakerydemo", help="path of a bakerydemo checkout (optional)")
        parser.add_argument("--rounds", type=int, default=5)
        parser.add_argument("--seconds", type=int, default=5, help="wrk duration per run")
        parser.add_argument("--connections", type=int, default=4)
        parser.add_argument(
            "--render", action="store_true", help="rewrite COMPARISON.md from the last run"
        )

    def handle(self, *args, bakerydemo, rounds, seconds, connections, render, **options):
        if render:
            self.write_report(json.loads((STATE_DIR / "comparison.json").read_text()))
            return
        content = content_counts()
        if any(content[key] < count for key, count in FULL_CONTENT.items()):
            raise CommandError(f"mtg_bench holds {content}: run compare.sh without --skip-setup")
        STATE_DIR.mkdir(parents=True, exist_ok=True)
        os.environ["GUNICORN_WORKERS"] = str(WORKERS)
        os.environ["GUNICORN_WORKER_CLASS"] = "sync"
        self.rounds, self.seconds, self.connections = rounds, seconds, connections
        bench_dir = Path(os.environ.get("BAKERY_BENCH_DIR", "/tmp/bakery-bench"))
        run = {
            "pairs": PAIRS,
            "content": content,
            "rounds": rounds,
            "seconds": seconds,
            "connections": connections,
            "workers": WORKERS,
            "machine": RunBenchmark().machine(),
            "columns": {},
        }
        bakery = None
        if bakerydemo:
            run["bakerydemo"] = {
                "path": bakerydemo,
                "cache": os.environ.get("BAKERY_CACHE", "redis"),
                **bakery_versions(bench_dir),
            }
            bakery = BakeryServer(Path(bakerydemo), bench_dir)
        try:
            if bakery:
                self.stdout.write("== warming bakerydemo (its first views make renditions)")
                run["bakerydemo"]["bytes"] = {
                    name: warm(BAKERY_BASE, path)[0] for name, _, path in PAIRS
                }
            for column, page_cache, fragments in CONFIGS:
                run["columns"][column] = self.measure(column, page_cache, fragments, bakery, run)
        finally:
            if bakery:
                bakery.stop()
        run["finished"] = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
        (STATE_DIR / "comparison.json").write_text(json.dumps(run, indent=2))
        self.write_report(run)

    def write_report(self, run):
        report = render_report(run)
        self.stdout.write("\n" + report)
        (BENCH_DIR / "COMPARISON.md").write_text(report)
        self.stdout.write(self.style.SUCCESS("Wrote benchmarks/COMPARISON.md"))

    def measure(self, column, page_cache, fragments, bakery, run):
        self.stdout.write(
            f"== {column}: PAGE_CACHE_SECONDS={page_cache}, FRAGMENT_CACHE_SECONDS={fragments}"
        )
        server = Server(page_cache_seconds=page_cache, fragment_cache_seconds=fragments)
        try:
            # /healthz answers as soon as one worker is up; the other may still be forking.
            for _ in range(50):
                workers = len(server.worker_pids())
                if workers == WORKERS:
                    break
                time.sleep(0.2)
            else:
                raise CommandError(f"our gunicorn runs {workers} workers, not {WORKERS}")
            result = {"queries": {}, "bytes": {}, "ours": {}, "bakerydemo": {}, "static": []}
            for name, path, _ in PAIRS:
                size, queries = warm(BASE, path, "X-DB-Queries")
                result["bytes"][name], result["queries"][name] = size, queries
                result["ours"][name], result["bakerydemo"][name] = [], []
            static_path = self.static_file(result["bytes"]["rich story"], run)
            if page_cache and not static_path:
                # The file was (re)written after this gunicorn listed STATIC_ROOT: restart it.
                server.stop()
                server = Server(page_cache_seconds=page_cache, fragment_cache_seconds=fragments)
                for _name, path, _ in PAIRS:
                    warm(BASE, path)
                static_path = self.static_file(result["bytes"]["rich story"], run)
            if page_cache:
                cached = requests.get(BASE + PAIRS[2][1], timeout=60)
                result["cache_header"] = cached.headers.get("X-Page-Cache", "absent")
            for number in range(1, self.rounds + 1):
                for name, path, bakery_path in PAIRS:
                    result["ours"][name].append(self.wrk(BASE + path))
                    if bakery:
                        result["bakerydemo"][name].append(self.wrk(BAKERY_BASE + bakery_path))
                    if page_cache and name == "rich story" and static_path:
                        result["static"].append(self.wrk(BASE + static_path))
                self.progress(number, result)
        finally:
            server.stop()
        return result

    def static_file(self, rich_story_bytes, run):
        """A file of the rich story's byte size in STATIC_ROOT. WhiteNoise lists the files
        there when gunicorn starts, so it is written in the first column, before the page
        cache's gunicorn starts; returns its URL path once a running server serves it."""
        target = Path(settings.STATIC_ROOT) / STATIC_NAME
        if run.get("static_bytes") != rich_story_bytes:
            filler = b"<!-- same size as the rich story -->\n"
            body = b"<!doctype html><html><body>\n" + filler * (rich_story_bytes // len(filler))
            target.write_bytes(body.ljust(rich_story_bytes, b" ")[:rich_story_bytes])
            run["static_bytes"] = rich_story_bytes
        path = settings.STATIC_URL + STATIC_NAME
        response = requests.get(BASE + path, timeout=60)
        if response.status_code == 200 and len(response.content) == rich_story_bytes:
            return path
        return None

    def wrk(self, url):
        return wrk(url, self.seconds, connections=self.connections, threads=WRK_THREADS)

    def progress(self, number, result):
        parts = []
        for name, _, _ in PAIRS:
            ours = result["ours"][name][-1]["rps"]
            theirs = result["bakerydemo"][name][-1]["rps"] if result["bakerydemo"][name] else 0
            parts.append(f"{name} {ours:.0f}" + (f"/{theirs:.0f}" if theirs else ""))
        if result["static"]:
            parts.append(f"static {result['static'][-1]['rps']:.0f}")
        self.stdout.write(f"round {number}: " + ", ".join(parts) + " req/s")
