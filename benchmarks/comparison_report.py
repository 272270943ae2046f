"""The Markdown report of `manage.py compare_bakerydemo` (benchmarks/COMPARISON.md)."""

from statistics import median

GOALS = {"no caching at all": 2.0, "kept fragments, no page cache": 5.0}
STATIC_GOAL = 0.60
BAKERY_CACHES = {
    "redis": "Redis `default` and `renditions` caches, as its production settings set up when"
    " REDIS_URL is given (databases 8 and 9 here); no page or fragment cache of its own",
    "locmem": "its production settings without REDIS_URL: a per-process LocMemCache, no"
    " renditions cache; no page or fragment cache of its own",
}
STILL_ON = (
    "Kept in every column of ours, since neither variable reaches them: Wagtail's `renditions`"
    " cache and its site root paths (both in Redis), and per process the compiled templates"
    " (Django's cached loader, DEBUG off), the SQL text of the hot querysets, compiled once and"
    " run with each request's values (`operations/compiled_queries.py`; no rows are kept),"
    " the shared rendition filters"
    " (`illustrations/renditions.py`), Django's content types and the Locale rows"
    " (`operations/languages.py`, as Wagtail's own active-Locale lookup). The site lookup from"
    " the cache (`operations/page_cache.py` `attach_site`) goes with FRAGMENT_CACHE_SECONDS=0:"
    " each request then reads its site and the site's root in every language afresh."
)


def rps(runs):
    return [run["rps"] for run in runs]


def spread(values, fmt, unit=""):
    return f"{fmt(median(values))}{unit} ({fmt(min(values))}–{fmt(max(values))})"


def ratios(ours, theirs):
    return [a / b for a, b in zip(rps(ours), rps(theirs), strict=True) if b]


def errors(runs):
    return sum(run["socket_errors"] + run["non_2xx"] for run in runs)


def header(run):
    m, c = run["machine"], run["content"]
    bakery = run.get("bakerydemo")
    against = (
        f" against wagtail/bakerydemo (`{bakery['path']}`: Wagtail {bakery['wagtail']}, Django"
        f" {bakery['django']}, Python {bakery['python']}; its production settings, DEBUG off,"
        " served with gunicorn)"
        if bakery
        else ""
    )
    lines = [
        "# This project against wagtail/bakerydemo" if bakery else "# This project's figures",
        "",
        "Produced by `bash benchmarks/compare.sh [BAKERYDEMO_PATH]`"
        " (benchmarks/management/commands/compare_bakerydemo.py) on "
        f"{run['finished']}.",
        "",
        f"Measured side by side on one {m['cores']}-core machine ({m['cpu']}), in one"
        f" alternating run (A B A B, {run['rounds']} rounds of {run['seconds']} s, wrk with"
        f" {run['connections']} connections), both sites on the same PostgreSQL"
        f" {m['postgresql'].split()[0]} with {run['workers']} sync gunicorn workers: this project"
        f" (Wagtail {m['wagtail']}, Django {m['django']}, Python {m['python']}) with"
        f" {c['stories']:,} stories, {c['illustrations']:,} illustrations, {c['series']:,}"
        f" series and {c['contributors']:,} contributors{against}.",
        "",
        "Ours: `benchmarks.settings` (production settings; Redis; JSON access log; an"
        " `X-DB-Queries` header from `benchmarks/middleware.py`). Columns: *no caching at all* is"
        " PAGE_CACHE_SECONDS=0 and FRAGMENT_CACHE_SECONDS=0, *kept fragments* is"
        " FRAGMENT_CACHE_SECONDS=3600 alone, *page cache* both. " + STILL_ON,
    ]
    if bakery:
        lines += [
            "",
            f"bakerydemo is served the same way in every column; its caches: "
            f"{BAKERY_CACHES.get(bakery['cache'], bakery['cache'])}.",
        ]
    lines += [
        "",
        "A machine shared with other work drifts from minute to minute: a round's ratio compares"
        " two runs a few seconds apart; read the median and the range over rounds.",
    ]
    return lines


def comparison_tables(run):
    columns = run["columns"]
    names = list(columns)
    head = [f"{name} (goal ≥ {GOALS[name]:.0f}x)" if name in GOALS else name for name in names]
    lines = [
        "",
        "## Ratio: our requests/s over bakerydemo's (>1: we are faster)",
        "",
        "Median over rounds, range in brackets; ✓ where the goal is met.",
        "",
        "| pair (project / bakerydemo) | " + " | ".join(head) + " |",
        "|---" * (len(names) + 1) + "|",
    ]
    for name, ours_path, their_path in run["pairs"]:
        cells = []
        for column in names:
            values = ratios(columns[column]["ours"][name], columns[column]["bakerydemo"][name])
            goal = GOALS.get(column)
            mark = "" if goal is None else (" ✓" if median(values) >= goal else " ✗")
            cells.append(spread(values, lambda v: f"{v:.2f}", "x") + mark)
        lines.append(f"| {name} `{ours_path}` / `{their_path}` | " + " | ".join(cells) + " |")
    lines += [
        "",
        "## Requests/s (median over rounds): ours / bakerydemo; our queries per request",
        "",
        "| pair | " + " | ".join(names) + " |",
        "|---" * (len(names) + 1) + "|",
    ]
    for name, _, _ in run["pairs"]:
        cells = []
        for column in names:
            data = columns[column]
            cells.append(
                f"{median(rps(data['ours'][name])):.0f} / "
                f"{median(rps(data['bakerydemo'][name])):.0f}, {data['queries'][name]} q"
            )
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    return lines


def ours_alone_table(run):
    columns = run["columns"]
    names = list(columns)
    lines = [
        "",
        "## Our requests/s (median over rounds, range) and queries per request",
        "",
        "| page | " + " | ".join(names) + " |",
        "|---" * (len(names) + 1) + "|",
    ]
    for name, path, _ in run["pairs"]:
        cells = [
            spread(rps(columns[c]["ours"][name]), lambda v: f"{v:.0f}")
            + f" req/s, {columns[c]['queries'][name]} q"
            for c in names
        ]
        lines.append(f"| {name} `{path}` | " + " | ".join(cells) + " |")
    return lines


def static_line(run):
    data = run["columns"].get("page cache")
    if not data or not data["static"]:
        return ["", "page cache: the static file of the same size could not be measured."]
    shares = [
        story / static
        for story, static in zip(rps(data["ours"]["rich story"]), rps(data["static"]), strict=True)
    ]
    mark = "✓" if median(shares) >= STATIC_GOAL else "✗"
    return [
        "",
        f"page cache: cached story page served at {median(shares):.0%} of a static file of the"
        f" same size ({run['static_bytes']:,} bytes) through the same gunicorn + WhiteNoise"
        f" (range {min(shares):.0%}–{max(shares):.0%}; static file"
        f" {median(rps(data['static'])):.0f} req/s, cached story"
        f" {median(rps(data['ours']['rich story'])):.0f} req/s; `X-Page-Cache:"
        f" {data.get('cache_header', '?')}`) — goal ≥ {STATIC_GOAL:.0%} {mark}",
    ]


def details(run):
    columns = run["columns"]
    bakery = run.get("bakerydemo")
    lines = ["", "## Pages", "", "| page | our bytes |" + (" bakerydemo bytes |" if bakery else "")]
    lines.append("|---|---|" + ("---|" if bakery else ""))
    first = next(iter(columns.values()))
    for name, _, _ in run["pairs"]:
        theirs = f" {bakery['bytes'][name]:,} |" if bakery else ""
        lines.append(f"| {name} | {first['bytes'][name]:,} |{theirs}")
    failed = [
        f"{column} / {name} / {side}: {errors(data[side][name])}"
        for column, data in columns.items()
        for name, _, _ in run["pairs"]
        for side in ("ours", "bakerydemo")
        if errors(data[side][name])
    ]
    if columns.get("page cache", {}).get("static") and errors(columns["page cache"]["static"]):
        failed.append(f"static file: {errors(columns['page cache']['static'])}")
    lines += ["", "Errors (socket errors and non-2xx answers): " + ("; ".join(failed) or "none.")]
    return lines


def render(run):
    lines = header(run)
    lines += comparison_tables(run) if run.get("bakerydemo") else ours_alone_table(run)
    lines += static_line(run)
    lines += details(run)
    return "\n".join(lines) + "\n"
