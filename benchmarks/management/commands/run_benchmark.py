"""`manage.py run_benchmark`: serve the scaled content with gunicorn and load it with wrk.

--phase small   record each page's query count (run at 10% of the full content)
--phase full    query counts again (compared with small), then for every page: requests/s, p50
                and p95 latency with the page cache off (cold) and on (warm), peak memory per
                worker, and how long a publish takes to show; writes benchmarks/RESULTS.md
"""

import json
import os
import platform
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import django
import requests
import wagtail
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.db.models import Count

from collection.models import ContributorPage, SeriesPage, StoryIndexPage, StoryPage, Theme
from illustrations.models import Illustration

ROOT = Path(__file__).resolve().parents[3]
BENCH_DIR = ROOT / "benchmarks"
STATE_DIR = Path("/tmp/mtg-bench")
HOST, PORT = "127.0.0.1", int(os.environ.get("BENCH_PORT", "18731"))
BASE = f"http://{HOST}:{PORT}"
# Extra rounds of the rich story with the page cache off (see Command.full).
RICH_ROUNDS = 8


def gunicorn_env(page_cache_seconds, fragment_cache_seconds):
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="benchmarks.settings",
        PAGE_CACHE_SECONDS=str(page_cache_seconds),
        FRAGMENT_CACHE_SECONDS=str(fragment_cache_seconds),
        GUNICORN_BIND=f"{HOST}:{PORT}",
        GUNICORN_MAX_REQUESTS="0",  # no recycling mid-run: it would reset peak memory
        # The first view of a demo page may make its AVIF renditions (seconds each).
        GUNICORN_TIMEOUT="600",
    )
    return env


class Server:
    def __init__(self, page_cache_seconds, fragment_cache_seconds=3600):
        self.page_cache_seconds = page_cache_seconds
        with socket.socket() as probe:
            if probe.connect_ex((HOST, PORT)) == 0:
                raise CommandError(f"Something already listens on {HOST}:{PORT}; set BENCH_PORT.")
        log_name = f"gunicorn-{page_cache_seconds}-{fragment_cache_seconds}.log"
        self.log = open(STATE_DIR / log_name, "w")  # noqa: SIM115
        self.process = subprocess.Popen(
            [str(Path(sys.executable).parent / "gunicorn"), "-c", "gunicorn.conf.py"]
            + ["site_project.wsgi"],
            cwd=ROOT,
            env=gunicorn_env(page_cache_seconds, fragment_cache_seconds),
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )
        for _ in range(150):
            try:
                if requests.get(f"{BASE}/healthz", timeout=2).status_code == 200:
                    return
            except requests.ConnectionError:
                pass
            time.sleep(0.2)
        self.stop()
        raise CommandError("gunicorn did not start; see /tmp/mtg-bench/gunicorn-*.log")

    def worker_pids(self):
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children")
        return [int(pid) for pid in children.read_text().split()]

    def peak_memory_mb(self):
        peaks = []
        for pid in self.worker_pids():
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmHWM:"):
                    peaks.append(int(line.split()[1]) / 1024)
        return peaks

    def stop(self):
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
        self.log.close()


def wrk(url, seconds, connections, threads):
    result = subprocess.run(
        ["wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--timeout", "30s"]
        + ["-s", str(BENCH_DIR / "wrk_report.lua"), url],
        capture_output=True,
        text=True,
        timeout=seconds + 60,
        check=True,
    )
    line = [ln for ln in result.stdout.splitlines() if ln.startswith("{")][-1]
    data = json.loads(line)
    data["rps"] = data["requests"] / (data["duration_us"] / 1e6)
    return data


def speed_probe():
    """Milliseconds for a fixed pure-Python workload (best of five): how fast this machine is
    at the moment. Virtual machines drift; the probe lets figures from different runs, or from
    different minutes of one run, be compared."""
    data = [{"id": i, "title": f"Story {i}", "tags": list(range(i % 7))} for i in range(2000)]
    best = float("inf")
    for _ in range(5):
        started = time.perf_counter()
        for _ in range(10):
            json.loads(json.dumps(data))
            sorted(data, key=lambda item: item["title"])
        best = min(best, time.perf_counter() - started)
    return best * 1000


def pages_to_measure():
    stories_index = StoryIndexPage.objects.live().first()
    richest = max(
        StoryPage.objects.live().filter(pk__in=StoryPage.objects.live().order_by("pk")[:60]),
        key=lambda story: len(story.body.raw_data),
    )
    biggest_series = (
        SeriesPage.objects.live().annotate(n=Count("series_stories")).order_by("-n", "pk").first()
    )
    theme = Theme.objects.annotate(n=Count("stories")).order_by("-n").first()
    return {
        "home": "/",
        "stories listing": stories_index.url,
        "filtered listing": f"{stories_index.url}?theme={theme.slug}&format=article",
        "rich story": richest.url,
        "series": biggest_series.url,
        "search": "/search/?q=data",
        "feed: stories (RSS)": "/feeds/stories/",
        "feed: stories (Atom)": "/feeds/stories/atom/",
        "feed: podcast": "/feeds/podcast/",
    }


def query_counts(paths, sizes=None):
    counts = {}
    for name, path in paths.items():
        # The first views make missing renditions and fill each worker's own caches (site root
        # paths, content types): the steady state is the fewest queries seen.
        seen = []
        for _ in range(6):
            response = requests.get(BASE + path, timeout=120)
            if response.status_code != 200:
                raise CommandError(f"{name} ({path}) answered {response.status_code}")
            seen.append(int(response.headers["X-DB-Queries"]))
        counts[name] = min(seen)
        if sizes is not None:
            sizes[name] = len(response.content)
    return counts


def content_counts():
    return {
        "stories": StoryPage.objects.live().count(),
        "illustrations": Illustration.objects.count(),
        "series": SeriesPage.objects.live().count(),
        "contributors": ContributorPage.objects.live().count(),
    }


class Command(BaseCommand):
    help = "Benchmark the site with gunicorn and wrk (see benchmarks/run.sh)."

    def add_arguments(self, parser):
        parser.add_argument("--phase", choices=["small", "full", "render"], required=True)
        parser.add_argument("--seconds", type=int, default=5, help="wrk duration per page")

    def handle(self, *args, phase, seconds, **options):
        if not shutil.which("wrk"):
            raise CommandError("wrk is not installed: apt-get install wrk")
        STATE_DIR.mkdir(parents=True, exist_ok=True)
        if phase == "render":  # rewrite RESULTS.md from the last full run's figures
            results = json.loads((STATE_DIR / "full.json").read_text())
            (BENCH_DIR / "RESULTS.md").write_text(render_results(results))
            return
        paths = pages_to_measure()
        if phase == "small":
            server = Server(page_cache_seconds=0)
            try:
                counts = query_counts(paths)
            finally:
                server.stop()
            server = Server(page_cache_seconds=0, fragment_cache_seconds=0)
            try:
                nocache_counts = query_counts(paths)
            finally:
                server.stop()
            state = {
                "content": content_counts(),
                "queries": counts,
                "nocache_queries": nocache_counts,
            }
            (STATE_DIR / "small.json").write_text(json.dumps(state))
            self.stdout.write(json.dumps(state, indent=2))
            return
        self.full(paths, seconds)

    def full(self, paths, seconds):
        small = json.loads((STATE_DIR / "small.json").read_text())
        results = {"content": content_counts(), "paths": paths, "small": small}
        results["speed"] = {"start": speed_probe()}

        self.stdout.write("== no cache at all: page cache and kept fragments off")
        server = Server(page_cache_seconds=0, fragment_cache_seconds=0)
        try:
            results["nocache_queries"] = query_counts(paths)
            results["nocache"] = {}
            for name, path in paths.items():
                results["nocache"][name] = wrk(BASE + path, seconds, connections=2, threads=1)
                self.report(name, results["nocache"][name], results["nocache_queries"][name])
        finally:
            server.stop()

        self.stdout.write("== cold: page cache off (kept fragments on, as in production)")
        server = Server(page_cache_seconds=0)
        try:
            results["bytes"] = {}
            results["queries"] = query_counts(paths, results["bytes"])
            results["cold"] = {}
            for name, path in paths.items():
                results["cold"][name] = wrk(BASE + path, seconds, connections=2, threads=1)
                self.report(name, results["cold"][name], results["queries"][name])
            # The machine's speed drifts between minutes, and which of the workers wrk's two
            # connections land on changes from run to run (two on one worker share its GIL):
            # measure the rich story in rounds.
            results["rich_rounds"] = [
                wrk(BASE + paths["rich story"], seconds, connections=2, threads=1)["p50_us"]
                for _ in range(RICH_ROUNDS)
            ]
            results["speed"]["cold"] = speed_probe()
            self.stdout.write(
                "rich story p50 per round: "
                + ", ".join(f"{us / 1000:.1f} ms" for us in results["rich_rounds"])
            )
            results["cold_memory_mb"] = server.peak_memory_mb()
            results["workers"] = len(server.worker_pids())
        finally:
            server.stop()

        self.stdout.write("== warm: page cache on (Redis)")
        server = Server(page_cache_seconds=300)
        try:
            results["warm"] = {}
            results["warm_queries"] = {}
            for name, path in paths.items():
                requests.get(BASE + path, timeout=60)
                hit = requests.get(BASE + path, timeout=60)
                results["warm_queries"][name] = int(hit.headers["X-DB-Queries"])
                results["warm"][name] = wrk(BASE + path, seconds, connections=16, threads=2)
                self.report(name, results["warm"][name], results["warm_queries"][name])
            results["publish_seconds"] = self.publish_latency(paths)
            results["warm_memory_mb"] = server.peak_memory_mb()
        finally:
            server.stop()
        results["speed"]["end"] = speed_probe()
        results["machine"] = self.machine()
        (STATE_DIR / "full.json").write_text(json.dumps(results, indent=2))
        (BENCH_DIR / "RESULTS.md").write_text(render_results(results))
        self.stdout.write(self.style.SUCCESS("Wrote benchmarks/RESULTS.md"))

    def report(self, name, data, queries):
        self.stdout.write(
            f"{name:24} {data['rps']:8.0f} req/s  p50 {data['p50_us'] / 1000:7.1f} ms  "
            f"p95 {data['p95_us'] / 1000:7.1f} ms  {queries:3d} queries  "
            f"errors {data['socket_errors'] + data['non_2xx']}"
        )

    def publish_latency(self, paths):
        """Publish a new story while the page cache is warm; time until readers see it."""
        index = StoryIndexPage.objects.live().first()
        prototype = StoryPage.objects.live().order_by("pk").first()
        timings = []
        for attempt in range(3):
            title = f"Breaking story {int(time.time())}-{attempt}"
            story = StoryPage(
                title=title,
                slug=f"breaking-{int(time.time())}-{attempt}",
                summary=prototype.summary,
                body=prototype.body.raw_data,
                hero_image_id=prototype.hero_image_id,
                live=False,
            )
            index.add_child(instance=story)
            revision = story.save_revision()
            requests.get(BASE + index.url, timeout=30)  # the listing is in the cache
            started = time.monotonic()
            revision.publish()
            published = time.monotonic()
            story_seen = listing_seen = None
            while story_seen is None or listing_seen is None:
                if story_seen is None and requests.get(BASE + story.url, timeout=30).ok:
                    story_seen = time.monotonic()
                if listing_seen is None and title in requests.get(BASE + index.url).text:
                    listing_seen = time.monotonic()
                if time.monotonic() - started > 30:
                    raise CommandError("a published story did not appear within 30 s")
            timings.append(
                {
                    "publish_call": published - started,
                    "story": story_seen - started,
                    "listing": listing_seen - started,
                }
            )
        return timings

    def machine(self):
        with connection.cursor() as cursor:
            cursor.execute("SHOW server_version")
            postgres = cursor.fetchone()[0]
        cpu = next(
            (
                line.split(":", 1)[1].strip()
                for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")
            ),
            platform.processor(),
        )
        mem_kb = int(Path("/proc/meminfo").read_text().split()[1])
        redis_info = subprocess.run(
            ["redis-cli", "-h", "127.0.0.1", "INFO", "server"], capture_output=True, text=True
        ).stdout
        redis_version = next(
            (ln.split(":")[1].strip() for ln in redis_info.splitlines() if "redis_version" in ln),
            "unknown",
        )
        wrk_version = subprocess.run(["wrk", "-v"], capture_output=True, text=True)
        import gunicorn

        return {
            "cpu": cpu,
            "cores": os.cpu_count(),
            "memory_gb": round(mem_kb / 1024 / 1024, 1),
            "os": platform.platform(),
            "python": platform.python_version(),
            "django": django.__version__,
            "wagtail": wagtail.__version__,
            "gunicorn": gunicorn.__version__,
            "postgresql": postgres,
            "redis": redis_version,
            "wrk": (wrk_version.stdout or wrk_version.stderr).split("[")[0].strip(),
            "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
            "page_cache_backend": settings.CACHES["default"]["BACKEND"],
            "worker_class": os.environ.get("GUNICORN_WORKER_CLASS", "sync"),
            "threads": os.environ.get("GUNICORN_THREADS", "1"),
        }


def latency_table(runs, queries, rps_digits=1, sizes=None):
    """A markdown table of wrk figures per page (with the response size in kB when given)."""
    size_head, size_rule = (" size kB |", "---|") if sizes else ("", "")
    lines = [
        f"| page | req/s | p50 ms | p95 ms | queries |{size_head} errors |",
        f"|---|---|---|---|---|{size_rule}---|",
    ]
    for name, data in runs.items():
        errors = data["socket_errors"] + data["non_2xx"]
        size = f" {sizes[name] / 1024:.0f} |" if sizes else ""
        lines.append(
            f"| {name} | {data['rps']:.{rps_digits}f} | {data['p50_us'] / 1000:.1f} | "
            f"{data['p95_us'] / 1000:.1f} | {queries[name]} |{size} {errors} |"
        )
    return lines


def render_results(r):
    m = r["machine"]
    ms = lambda us: f"{us / 1000:.1f}"  # noqa: E731
    lines = [
        "# Benchmark results",
        "",
        "Produced by `bash benchmarks/run.sh` (benchmarks/management/commands/run_benchmark.py)."
        " Numbers from one run on a virtual machine whose speed drifts: the same code measured"
        " minutes apart has differed by up to 2x, so compare figures within one run. Against"
        " wagtail/bakerydemo side by side: `bash benchmarks/compare.sh /path/to/bakerydemo`"
        " (`benchmarks/COMPARISON.md`).",
        "",
        "## Machine and versions",
        "",
        f"- CPU: {m['cpu']}, {m['cores']} cores; {m['memory_gb']} GB RAM; {m['os']}",
        f"- Python {m['python']}, Django {m['django']}, Wagtail {m['wagtail']}, "
        f"gunicorn {m['gunicorn']} ({r['workers']} {m['worker_class']} workers"
        + (f" × {m['threads']} threads" if m["worker_class"] == "gthread" else "")
        + ", `gunicorn.conf.py` defaults)",
        f"- PostgreSQL {m['postgresql']}, Redis {m['redis']} (page cache: "
        f"`{m['page_cache_backend']}`), {m['wrk']}; all on 127.0.0.1",
        f"- Run: {m['date']}",
        "- Speed probe (`speed_probe()`: a fixed pure-Python workload, lower is faster): "
        f"{r['speed']['start']:.0f} ms at the start, {r['speed']['cold']:.0f} ms after the"
        f" cold runs, {r['speed']['end']:.0f} ms at the end.",
        "",
        "## Content",
        "",
        "| | small run | full run |",
        "|---|---|---|",
    ]
    for key in ("stories", "illustrations", "series", "contributors"):
        lines.append(f"| {key} | {r['small']['content'][key]} | {r['content'][key]} |")
    lines += [
        "",
        "## Queries per request as content grows",
        "",
        "Counted by a middleware in `benchmarks/settings.py` (`X-DB-Queries`), page cache off:"
        " the fewest of six requests, once renditions exist and each worker's caches are warm."
        " *Kept* is with the kept fragments on (production: `collection/fragments.py`),"
        " *none* with every cache off.",
        "",
        "| page | URL | kept: small | kept: full | none: small | none: full | constant? |",
        "|---|---|---|---|---|---|---|",
    ]
    for name, path in r["paths"].items():
        small, full = r["small"]["queries"][name], r["queries"][name]
        bare_small = r["small"]["nocache_queries"][name]
        bare_full = r["nocache_queries"][name]
        worst = max(full - small, bare_full - bare_small)
        if worst == 0:
            verdict = "yes"
        elif worst < 0:
            verdict = "yes (fewer: other kinds of result)"
        else:
            verdict = f"**no** ({worst:+d})"
        lines.append(
            f"| {name} | `{path}` | {small} | {full} | {bare_small} | {bare_full} | {verdict} |"
        )
    lines += [
        "",
        "## Cold: page cache off",
        "",
        "Every request renders the page from PostgreSQL (renditions and their cache already"
        " made). wrk, 1 thread, 2 connections, "
        f"{r['cold'][next(iter(r['cold']))]['duration_us'] / 1e6:.0f} s per page.",
        "",
    ]
    lines += latency_table(r["cold"], r["queries"], sizes=r["bytes"])
    rounds = r["rich_rounds"]
    lines += [
        "",
        f"The rich story again, in {len(rounds)} more rounds of the same length (the"
        " machine's speed drifts from minute to minute, and wrk's two connections may share"
        " one worker): p50 " + ", ".join(f"{us / 1000:.1f}" for us in rounds) + " ms.",
        "",
        "## No cache at all",
        "",
        "The page cache and the kept fragments both off (`FRAGMENT_CACHE_SECONDS=0`): what the"
        " first reader after a publish waits for, and what a crawler walking the long tail"
        " costs. Same wrk settings.",
        "",
    ]
    lines += latency_table(r["nocache"], r["nocache_queries"])
    lines += [
        "",
        "## Warm: page cache on",
        "",
        "Anonymous GETs served whole from Redis (`operations/page_cache.py`). wrk, 2 threads,"
        " 16 connections.",
        "",
    ]
    lines += latency_table(r["warm"], r["warm_queries"], rps_digits=0)
    cold_mem, warm_mem = r["cold_memory_mb"], r["warm_memory_mb"]
    publish = r["publish_seconds"]
    rich = r["cold"]["rich story"]
    rich_all = sorted([rich["p50_us"], *r["rich_rounds"]])
    rich_median = rich_all[len(rich_all) // 2]
    best_warm = max(r["warm"].values(), key=lambda d: d["rps"])
    worst_story = max(t["story"] for t in publish)
    worst_listing = max(t["listing"] for t in publish)
    lines += [
        "",
        "## Memory and publishing",
        "",
        f"- Peak resident memory per worker (VmHWM): cold run {min(cold_mem):.0f}–"
        f"{max(cold_mem):.0f} MB, warm run {min(warm_mem):.0f}–{max(warm_mem):.0f} MB"
        " (shared pages from `preload_app` counted in each).",
        "- Publishing a new story with the page cache warm (three tries), time from calling"
        " `revision.publish()` until the story's URL answers 200 / until the cached stories"
        " listing shows it: "
        + "; ".join(
            f"{t['story'] * 1000:.0f} / {t['listing'] * 1000:.0f} ms"
            f" (of which the publish call {t['publish_call'] * 1000:.0f} ms)"
            for t in publish
        )
        + ".",
        "",
        "## Against the targets",
        "",
        "| target | result | met |",
        "|---|---|---|",
        "| every public page's queries constant as content grows 10x | see the table above | "
        + ("yes" if all(r["queries"][n] <= r["small"]["queries"][n] for n in r["paths"]) else "no")
        + " |",
        f"| uncached rich story p50 < 40 ms | page cache off: {ms(rich['p50_us'])} ms, then "
        + ", ".join(ms(us) for us in rounds)
        + f" ms (median of the {len(rich_all)}: {ms(rich_median)}); no cache at all: "
        f"{ms(r['nocache']['rich story']['p50_us'])} ms | "
        + (
            "yes, with the page cache off"
            if rich_median < 40_000 and r["nocache"]["rich story"]["p50_us"] >= 40_000
            else ("yes" if rich_median < 40_000 else "no")
        )
        + " |",
        f"| cached page > 1,000 req/s | best {best_warm['rps']:.0f} req/s; lowest "
        f"{min(d['rps'] for d in r['warm'].values()):.0f} req/s | "
        + ("yes" if min(d["rps"] for d in r["warm"].values()) > 1000 else "partly")
        + " |",
        f"| publishing shows a story within a second | worst {worst_story * 1000:.0f} ms "
        f"(story), {worst_listing * 1000:.0f} ms (listing) | "
        + ("yes" if worst_story < 1 else "no")
        + " |",
        "",
    ]
    return "\n".join(lines)
