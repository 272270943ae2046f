"""How much memory one gunicorn worker gains per request: the measurement behind max_requests.

    .venv/bin/python benchmarks/worker_memory.py [--cached 20000] [--uncached 2000]

Builds (once) a PostgreSQL database with the demo content, starts gunicorn with the production
settings (benchmarks/settings.py), one sync worker, no recycling (max_requests 0) and the page
cache on Redis, then sends every public page of the demo in turn: a warm-up pass, `--cached`
requests answered from the page cache, and `--uncached` requests that bypass it (a session
cookie makes each one render, with kept fragments, as after a publish). It prints the worker's
resident and private memory every 1,000 requests and the growth per request of each phase.

Environment: BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/deploy_bench),
BENCH_REDIS_URL (default redis://127.0.0.1:6379/5, emptied first), BENCH_PORT (default 8300).
Everything listens on 127.0.0.1 and is stopped at the end.
"""

import argparse
import http.client
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[1]
STATE = Path("/tmp/mtg-deploy-bench")
PY = str(ROOT / ".venv" / "bin" / "python")
HOST = "127.0.0.1"


def bench_env(port):
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="benchmarks.settings",
        DATABASE_URL=os.environ.get(
            "BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/deploy_bench"
        ),
        REDIS_URL=os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/5"),
        STATIC_ROOT=str(STATE / "static"),
        MEDIA_ROOT=str(STATE / "media"),
        SUBMISSIONS_ROOT=str(STATE / "submissions"),
        PAGE_CACHE_SECONDS="3600",
        FRAGMENT_CACHE_SECONDS="3600",
        GUNICORN_BIND=f"{HOST}:{port}",
        GUNICORN_WORKERS="1",
        GUNICORN_MAX_REQUESTS="0",  # the point: no recycling while we watch it grow
        GUNICORN_TIMEOUT="600",  # a first view may make AVIF renditions
        LOG_LEVEL="WARNING",
    )
    return env


def manage(env, *args):
    subprocess.run([PY, "manage.py", *args], cwd=ROOT, env=env, check=True)


def set_up(env):
    """A database with the demo content, once; static files collected for WhiteNoise."""
    url = urlsplit(env["DATABASE_URL"])
    name = url.path.lstrip("/")
    exists = subprocess.run(
        [
            "psql",
            "-h",
            url.hostname,
            "-U",
            url.username or "postgres",
            "-tAc",
            f"SELECT 1 FROM pg_database WHERE datname = '{name}'",
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    STATE.mkdir(exist_ok=True)
    if not exists:
        subprocess.run(
            ["createdb", "-h", url.hostname, "-U", url.username or "postgres", name], check=True
        )
    if not exists or not (STATE / "loaded").exists():
        print("== migrate and load the demo content (once)", flush=True)
        manage(env, "migrate", "--no-input", "-v0")
        manage(env, "load_demo_content")
        (STATE / "loaded").touch()
    if not (STATE / "static" / "staticfiles.json").exists():
        manage(env, "collectstatic", "--no-input", "-v0")


def flush_redis(env):
    import redis

    redis.Redis.from_url(env["REDIS_URL"]).flushdb()


def get(port, path, cookie=None):
    connection = http.client.HTTPConnection(HOST, port, timeout=600)
    headers = {"Host": HOST}
    if cookie:
        headers["Cookie"] = cookie
    connection.request("GET", path, headers=headers)
    response = connection.getresponse()
    body = response.read()
    connection.close()
    return response.status, response.getheader("X-Page-Cache"), body


def memory(pid):
    """(resident, private) in MiB: private is what copy-on-write has made the worker's own."""
    values = {}
    for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines()[1:]:
        key, _, rest = line.partition(":")
        values[key] = int(rest.split()[0])
    private = values["Private_Clean"] + values["Private_Dirty"]
    return values["Rss"] / 1024, private / 1024


def worker_pid(master):
    children = Path(f"/proc/{master}/task/{master}/children").read_text().split()
    return int(children[0]) if children else None


def public_paths(port):
    status, _, body = get(port, "/sitemap.xml")
    assert status == 200, status
    paths = [urlsplit(loc).path for loc in re.findall(r"<loc>(.*?)</loc>", body.decode())]
    return paths + ["/feeds/stories/", "/feeds/podcast/", "/search/?q=consent", "/stories/?page=2"]


def run_phase(name, count, port, pid, paths, cookie=None, every=1000):
    samples = [(0, *memory(pid))]
    started = time.monotonic()
    statuses = {}
    for n in range(1, count + 1):
        status, cache, _ = get(port, paths[n % len(paths)], cookie)
        statuses[(status, cache)] = statuses.get((status, cache), 0) + 1
        if n % every == 0 or n == count:
            samples.append((n, *memory(pid)))
            rss, private = samples[-1][1:]
            print(f"  {name:8} {n:6d} requests  RSS {rss:7.1f} MiB  private {private:7.1f} MiB")
    seconds = time.monotonic() - started
    first, last = samples[0], samples[-1]
    # The second half's slope leaves out the first fills of caches that stop growing.
    middle = samples[len(samples) // 2]
    per_request = (last[2] - first[2]) * 1024 * 1024 / count
    late = (last[2] - middle[2]) * 1024 * 1024 / max(1, last[0] - middle[0])
    print(
        f"  {name}: {count} requests in {seconds:.1f} s ({count / seconds:.0f}/s), "
        f"statuses {statuses}; private memory {first[2]:.1f} -> {last[2]:.1f} MiB: "
        f"{per_request:.0f} B/request overall, {late:.0f} B/request in the second half"
    )
    return {"count": count, "start": first, "end": last, "per_request": per_request, "late": late}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cached", type=int, default=20_000)
    parser.add_argument("--uncached", type=int, default=2_000)
    args = parser.parse_args()
    port = int(os.environ.get("BENCH_PORT", "8300"))
    env = bench_env(port)
    set_up(env)
    flush_redis(env)
    log = open(STATE / "gunicorn.log", "w")  # noqa: SIM115 - open for the server's lifetime
    server = subprocess.Popen(
        [str(ROOT / ".venv" / "bin" / "gunicorn"), "-c", "gunicorn.conf.py", "site_project.wsgi"],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        for _ in range(120):
            try:
                if get(port, "/healthz")[0] == 200:
                    break
            except OSError:
                time.sleep(0.5)
        else:
            sys.exit("gunicorn did not start: see " + str(STATE / "gunicorn.log"))
        pid = worker_pid(server.pid)
        paths = public_paths(port)
        print(f"== {len(paths)} public pages, worker {pid}; warm-up (two passes)")
        for _ in range(2):
            for path in paths:
                get(port, path)
        print(f"  after warm-up: RSS {memory(pid)[0]:.1f} MiB, private {memory(pid)[1]:.1f} MiB")
        print("== cached (page cache hits)")
        cached = run_phase("cached", args.cached, port, pid, paths)
        print("== uncached (rendered each time, kept fragments on)")
        uncached = run_phase(
            "uncached", args.uncached, port, pid, paths, cookie="sessionid=benchmark-no-cache"
        )
        print("== summary")
        for name, phase in (("cached", cached), ("uncached", uncached)):
            print(
                f"  {name:8} {phase['count']:6d} requests: private "
                f"{phase['start'][2]:.1f} -> {phase['end'][2]:.1f} MiB, "
                f"{phase['per_request']:.0f} B/request (second half {phase['late']:.0f})"
            )
        assert worker_pid(server.pid) == pid, "the worker was restarted during the run"
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=60)
        log.close()
        flush_redis(env)


if __name__ == "__main__":
    main()
