"""The showcase at scale: build, size, browser and `check` figures in one run.

    .venv/bin/python benchmarks/run.py                       # 100, 1,000, 10,000 cases
    .venv/bin/python benchmarks/run.py --sizes 100 1000 --repeat 3 --output /tmp/r.md
    .venv/bin/python benchmarks/run.py --site benchmarks/work/showcase-10000/site   # browser figures only
    .venv/bin/python benchmarks/lighthouse.py benchmarks/work/showcase-10000/site     # Lighthouse only

For each size it generates synthetic valid cases (benchmarks/generate.py),
builds the showcase, a plain Material site of the same pages (same
Markdown, cases out of the nav, search on, no hooks) and stock Material with
only the case pages and its tags plugin, and measures medians of repeated
runs; then Lighthouse on five pages of the largest size (benchmarks/lighthouse.py).
Results go to benchmarks/RESULTS.md as a Markdown table.
Not a test: timings belong here, where the machine and versions are written
next to them.
"""

from __future__ import annotations

import argparse
import datetime
import functools
import gzip
import http.server
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

import yaml

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
sys.path.insert(0, str(REPO / "hooks"))
sys.path.insert(0, str(BENCH))

import lighthouse  # noqa: E402
from generate import QUERIES, QUERY_RANKS, generate  # noqa: E402
from showcase.site import Showcase  # noqa: E402

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
CHROMIUM = os.environ.get("SHOWCASE_CHROMIUM", "/usr/bin/chromium")
NOTES = "<!-- notes: kept when the table is measured again -->"
TARGETS = {
    "build ratio (showcase / plain)": "≤ 1.1× (issue 20; ≤ 1.3× before)",
    "build ratio (showcase / stock Material with its tags plugin)": "≤ 1.3× (issue 20)",
    "per-case build cost, 10k vs 1k": "≤ 1.2×",
    "peak memory of the build": "≤ 2 GB",
    "largest generated HTML page": "≤ 500 kB",
    "catalogue: downloaded before first results (gzip)": "≤ 400 kB",
    "catalogue: filter change to updated list (median)": "≤ 50 ms",
    "catalogue: typed query to results (median)": "≤ 100 ms",
    "header search: downloaded for one query (gzip)": "≤ 300 kB",
    "header search: typed word to shown results, first query (median)": "≤ 500 ms (issue 20)",
    "`check`: time per case": "≤ 1 ms",
    **{f"Lighthouse {name}": target for name, target in lighthouse.TARGETS.items()},
}


def project(work: Path, size: int) -> Path:
    """A project with `size` synthetic cases and the real machinery."""
    root = work / f"showcase-{size}"
    if root.exists():
        shutil.rmtree(root)
    root.mkdir(parents=True)
    shutil.copy(REPO / "mkdocs.yml", root)
    for folder in ("hooks", "overrides", "content"):
        shutil.copytree(REPO / folder, root / folder, ignore=shutil.ignore_patterns("__pycache__"))
    (root / "cases" / "images").mkdir(parents=True)
    shutil.copy(REPO / "cases" / "_taxonomy.yml", root / "cases")
    generate(size, root / "cases")
    return root


def _page(title: str, body: str, **meta) -> str:
    lines = [f"{key}: {json.dumps(value, ensure_ascii=False)}" for key, value in {"title": title.replace("\n", " "), **meta}.items()]
    return "---\n" + "\n".join(lines) + "\n---\n\n" + body


def _existing_nav(nav: list, docs: Path) -> list:
    """The nav entries whose pages exist in `docs` (sections kept while they have any)."""
    kept = []
    for entry in nav:
        value = next(iter(entry.values())) if isinstance(entry, dict) else entry
        if isinstance(value, list):
            inner = _existing_nav(value, docs)
            if inner:
                kept.append({next(iter(entry)): inner})
        elif (docs / value).is_file():
            kept.append(entry)
    return kept


def _stock_project(showcase_root: Path, root: Path, files, plugins: list, extra_nav: list | None = None) -> Path:
    """A stock Material site: the showcase's hand-written pages, `files`
    ((source, Markdown) pairs) and its mkdocs.yml without hooks, scripts and
    overrides. With `extra_nav`, the nav keeps only pages that exist, then those."""
    if root.exists():
        shutil.rmtree(root)
    shutil.copytree(showcase_root / "content", root / "content")
    for src, text in files:
        target = root / "content" / src
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    (root / "content" / "index.md").write_text("# Home\n", encoding="utf-8")
    config = yaml.safe_load((showcase_root / "mkdocs.yml").read_text(encoding="utf-8"))
    for key in ("hooks", "watch", "extra_javascript", "extra_css"):
        config.pop(key, None)
    config["plugins"] = plugins
    config["theme"].pop("custom_dir", None)
    if extra_nav is not None:
        config["nav"] = _existing_nav(config["nav"], root / "content") + extra_nav
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    return root


def plain_project(showcase_root: Path, work: Path, size: int, site: Showcase | None = None) -> Path:
    """The same pages as plain Markdown files in a stock Material site, its
    own search on (the baseline of the issue on scale)."""
    site = site or Showcase.load(showcase_root)
    files = ((page.src, _page(page.title, page.body)) for page in site.pages())
    return _stock_project(showcase_root, work / f"plain-{size}", files, [{"search": {"lang": "nl"}}])


def tags_project(showcase_root: Path, work: Path, size: int, site: Showcase | None = None) -> Path:
    """What a user would pick instead (issue 20): stock Material with the same
    case pages, their domains as tags of Material's tags plugin (with its one
    tags index page), search on, cases out of the nav, and none of the
    showcase's generated listing pages."""
    site = site or Showcase.load(showcase_root)

    def files():
        for page in site.pages():
            if page.case is not None:
                tags = [site.vocabulary.label("domain", slug) for slug in page.case.domain]
                yield page.src, _page(page.title, page.body, description=page.case.summary, tags=tags)
        yield "tags.md", "# Domeinen\n\n<!-- material/tags -->\n"

    return _stock_project(showcase_root, work / f"tags-{size}", files(), [{"search": {"lang": "nl"}}, "tags"], [{"Domeinen": "tags.md"}])


def _tree_memory_kb(root_pid: int) -> tuple[int, int]:
    """Memory of a process and all its descendants, from /proc: (PSS, RSS) in kB.

    PSS (proportional set size) counts a memory page shared by n processes
    1/n in each, so the sum is what the tree takes of the machine. Summed RSS
    counts a shared page once per process: the build's forked processes (cases
    read by two, pages rendered by two) share most of theirs."""
    parents = {}
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            parents[int(proc.name)] = int((proc / "stat").read_text().rsplit(")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue
    tree, grew = {root_pid}, True
    while grew:
        children = {pid for pid, parent in parents.items() if parent in tree} - tree
        tree |= children
        grew = bool(children)
    pss = rss = 0
    for pid in tree:
        try:
            rollup = Path(f"/proc/{pid}/smaps_rollup").read_text()
        except OSError:
            continue
        fields = dict(line.split(":", 1) for line in rollup.splitlines()[1:] if ":" in line)
        pss += int(fields.get("Pss", "0 kB").split()[0])
        rss += int(fields.get("Rss", "0 kB").split()[0])
    return pss, rss


def timed_build(root: Path) -> tuple[float, int, int]:
    """Wall time (s) and peak memory (PSS and summed RSS, kB) of one `mkdocs build`.

    Memory is sampled every 0.1 s over the build and every process it starts
    (Pagefind's indexer runs beside MkDocs), summed: the machine's real peak.
    """
    shutil.rmtree(root / "site", ignore_errors=True)
    command = [sys.executable, "-m", "mkdocs", "build", "--quiet"]
    started = time.perf_counter()
    build = subprocess.Popen(command, cwd=root, env=ENV, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    peak_pss = peak_rss = 0
    while build.poll() is None:
        pss, rss = _tree_memory_kb(build.pid)
        peak_pss, peak_rss = max(peak_pss, pss), max(peak_rss, rss)
        time.sleep(0.1)
    elapsed = time.perf_counter() - started
    stderr = build.stderr.read()
    if build.returncode != 0:
        raise SystemExit(f"build failed in {root}:\n{stderr[-2000:]}")
    return elapsed, peak_pss, peak_rss


def gzip_size(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), 6))


def page_assets(site: Path, page: Path, kinds: tuple[str, ...]) -> list[Path]:
    """Local stylesheets and scripts a page links to."""
    html = page.read_text(encoding="utf-8")
    found = []
    for kind in kinds:
        pattern = r'<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"' if kind == "css" else r'<script[^>]+src="([^"]+)"'
        for href in re.findall(pattern, html):
            path = (page.parent / href.split("?")[0]).resolve()
            if path.is_file() and site.resolve() in path.parents:
                found.append(path)
    return found


def sizes(site: Path) -> dict[str, float]:
    pages = list(site.rglob("*.html"))
    catalogue = site / "praktijkvoorbeelden" / "index.html"
    first = [catalogue, *page_assets(site, catalogue, ("css",))]
    loaded = first + page_assets(site, catalogue, ("js",))
    scripted = loaded + [site / "praktijkvoorbeelden" / "catalogus.json"]
    return {
        "site_mb": sum(p.stat().st_size for p in site.rglob("*") if p.is_file()) / 1e6,
        "largest_page_kb": max(p.stat().st_size for p in pages) / 1e3,
        "largest_page": str(max(pages, key=lambda p: p.stat().st_size).relative_to(site)),
        "first_results_kb": sum(gzip_size(p) for p in first) / 1e3,
        "loaded_kb": sum(gzip_size(p) for p in loaded) / 1e3,
        "scripted_results_kb": sum(gzip_size(p) for p in scripted if p.is_file()) / 1e3,
        "catalogue_text_kb": gzip_size(site / "praktijkvoorbeelden" / "catalogus-tekst.json") / 1e3,
        "pagefind_index_mb": sum(p.stat().st_size for p in (site / "pagefind").rglob("*") if p.is_file()) / 1e6,
    }


def lunr_index_kb(plain_site: Path) -> float:
    """What Material's search would load on every page: its whole index, gzip."""
    return gzip_size(plain_site / "search" / "search_index.json") / 1e3


def check_per_case_ms(root: Path, size: int, repeat: int) -> float:
    """`python -m showcase check` on all cases, in process, per case."""
    from showcase import cli

    times = []
    cwd = Path.cwd()
    os.chdir(root)
    try:
        for _ in range(repeat):
            started = time.perf_counter()
            with open(os.devnull, "w") as sink:
                status = cli.check([], root, out=sink)
            times.append(time.perf_counter() - started)
            assert status == 0, "synthetic cases must be valid"
    finally:
        os.chdir(cwd)
    return statistics.median(times) / size * 1000


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve(site: Path) -> http.server.ThreadingHTTPServer:
    """The built site on a local port, in a background thread; shut it down after."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def browser_timings(site: Path, repeat: int) -> dict[str, float]:
    """Median ms from a filter change, and from a typed query, to the redrawn list."""
    from playwright.sync_api import sync_playwright

    server = serve(site)
    url = f"http://127.0.0.1:{server.server_address[1]}/praktijkvoorbeelden/"
    # The handlers run synchronously in the event dispatch; reading offsetHeight
    # forces style and layout, so the figure includes the redrawn list.
    measure_filter = """(selector) => { const input = document.querySelector(selector);
        const started = performance.now(); input.click(); document.body.offsetHeight;
        return performance.now() - started; }"""
    measure_query = """(text) => { const input = document.querySelector('[data-si-query]');
        input.value = text; const started = performance.now();
        input.dispatchEvent(new Event('input', {bubbles: true})); document.body.offsetHeight;
        return performance.now() - started; }"""
    filters, queries = [], []
    try:
        with sync_playwright() as playwright:
            executable = None if CHROMIUM == "playwright" else CHROMIUM
            browser = playwright.chromium.launch(executable_path=executable, args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"])
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.goto(url)
            page.focus("[data-si-query]")  # the data loads at the first sign of use
            page.wait_for_selector("[data-si-catalogue][data-si-ready=true]", timeout=120_000)
            # The summaries follow the filter data; a query measured before
            # they are in would time only the "Zoeken…" notice.
            page.fill("[data-si-query]", "fiets")
            page.wait_for_selector("[data-si-results]:not([aria-busy])", state="attached", timeout=120_000)
            page.fill("[data-si-query]", "")
            choices = ["input[name=domein][value=energie]", "input[name=regio][value=vlaanderen]", "input[name=type][value=dienst]"]
            for round_ in range(repeat * 3):
                filters.append(page.evaluate(measure_filter, choices[round_ % len(choices)]))
            for word in ["coöperatie", "fiets", "energie", "wijk", "cooperaties", "zorg"][: max(3, repeat * 2)]:
                queries.append(page.evaluate(measure_query, word))
            browser.close()
    finally:
        server.shutdown()
    return {"filter_ms": statistics.median(filters), "query_ms": statistics.median(queries)}


# Timed in the page, from the input event the typing fires to the moment the
# results are in the panel: what the reader waits. Timed from outside, the
# automation's own checks and round trips would count too (the table shows
# that figure beside it).
TIME_HEADER_SEARCH = """() => {
  const form = document.querySelector('[data-si-search]');
  const times = window.siTimes = {};
  form.querySelector('[data-si-search-query]').addEventListener('input', () => { times.typed = times.typed || performance.now(); }, true);
  new MutationObserver(() => { times.shown = times.shown || performance.now(); })
    .observe(form, {attributes: true, attributeFilter: ['data-si-search-done']});
}"""


def header_search_figures(site: Path, words=QUERIES) -> dict[str, float]:
    """What the browser downloads for one query in the header search, through
    the real page and script: Pagefind's scripts and WebAssembly, the index
    pieces for the words, and the excerpts of the results shown. The median
    over a few words, each in a fresh browser (nothing cached): by default a
    frequent, a mid-range and a rare word of the generated text."""
    from playwright.sync_api import sync_playwright

    server = serve(site)
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    per_query, latency, outside = [], [], []
    # Most requests come from Pagefind's worker, which the page's resource
    # timing does not see; the browser's responses do. Index, fragment and
    # wasm files are compressed by Pagefind itself; its scripts are gzipped here.
    try:
        with sync_playwright() as playwright:
            executable = None if CHROMIUM == "playwright" else CHROMIUM
            browser = playwright.chromium.launch(executable_path=executable, args=["--no-sandbox", "--disable-gpu"])
            for word in words:
                downloaded = []

                def note(response):
                    if "/pagefind/" in response.url:
                        body = response.body()
                        downloaded.append(len(gzip.compress(body)) if response.url.split("?")[0].endswith(".js") else len(body))

                page = browser.new_page()
                page.on("response", note)
                page.goto(base)
                page.wait_for_load_state("networkidle")
                page.evaluate(TIME_HEADER_SEARCH)
                started = time.perf_counter()
                page.fill("[data-si-search-query]", word)
                page.wait_for_selector(f"[data-si-search][data-si-search-done='{word}']", timeout=60_000)
                outside.append((time.perf_counter() - started) * 1000)
                latency.append(page.evaluate("window.siTimes.shown - window.siTimes.typed"))
                page.wait_for_timeout(300)
                per_query.append(sum(downloaded) / 1e3)
                page.close()
            browser.close()
    finally:
        server.shutdown()
    return {"header_search_kb": statistics.median(per_query), "header_search_max_kb": max(per_query),
            "header_search_ms": statistics.median(latency), "header_search_outside_ms": statistics.median(outside)}


def measure(size: int, work: Path, repeat: int, browser: bool, lighthouse_runs: int = 0) -> dict:
    print(f"[{size}] generating", flush=True)
    root = project(work, size)
    loaded = Showcase.load(root)
    plain = plain_project(root, work, size, loaded)
    tags = tags_project(root, work, size, loaded)
    del loaded
    showcase_times, plain_times, tags_times, memory, memory_rss = [], [], [], [], []
    for run in range(repeat):
        # The three builds alternate, so all see the same machine load.
        print(f"[{size}] build {run + 1}/{repeat}", flush=True)
        elapsed, peak, peak_rss = timed_build(root)
        showcase_times.append(elapsed)
        memory.append(peak)
        memory_rss.append(peak_rss)
        plain_times.append(timed_build(plain)[0])
        tags_times.append(timed_build(tags)[0])
    result = {
        "size": size,
        "showcase_s": statistics.median(showcase_times),
        "plain_s": statistics.median(plain_times),
        "tags_s": statistics.median(tags_times),
        "peak_mb": max(memory) / 1024,
        "peak_rss_mb": max(memory_rss) / 1024,
        "check_ms_per_case": check_per_case_ms(root, size, repeat),
        **sizes(root / "site"),
        "lunr_kb": lunr_index_kb(plain / "site"),
    }
    result["ratio"] = result["showcase_s"] / result["plain_s"]
    result["tags_ratio"] = result["showcase_s"] / result["tags_s"]
    if browser:
        print(f"[{size}] browser", flush=True)
        result.update(browser_timings(root / "site", repeat))
        print(f"[{size}] header search", flush=True)
        result.update(header_search_figures(root / "site"))
    if lighthouse_runs:
        print(f"[{size}] lighthouse", flush=True)
        result["lighthouse"] = lighthouse.compare(root / "site", plain / "site", lighthouse_runs, work / "lighthouse")
    return result


def versions() -> str:
    import markdown
    import material
    import mkdocs

    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines() if line.startswith("model name")), platform.processor())
    return (f"{datetime.date.today().isoformat()}, {os.cpu_count()} cores ({cpu}), Python {platform.python_version()}, "
            f"MkDocs {mkdocs.__version__}, Material {material.__version__}, Markdown {markdown.__version__}")


def table(results: list[dict], repeat: int) -> str:
    rows = ["| measure | " + " | ".join(f"{r['size']:,} cases" for r in results) + " |", "|---|" + "---|" * len(results)]

    def row(name, key, fmt):
        rows.append(f"| {name} | " + " | ".join(fmt(r[key]) if key in r else "–" for r in results) + " |")

    row("showcase build (s, median)", "showcase_s", lambda v: f"{v:.1f}")
    row("plain Material build of the same pages (s, median)", "plain_s", lambda v: f"{v:.1f}")
    row("ratio showcase / plain", "ratio", lambda v: f"{v:.2f}×")
    row("stock Material with the case pages and its tags plugin, no listing pages (s, median)", "tags_s", lambda v: f"{v:.1f}")
    row("ratio showcase / tags baseline", "tags_ratio", lambda v: f"{v:.2f}×")
    row("peak memory of the showcase build (all its processes, PSS: a shared page counted once)", "peak_mb", lambda v: f"{v:,.0f} MB")
    row("the same as summed RSS (a page the forked processes share counted in each)", "peak_rss_mb", lambda v: f"{v:,.0f} MB")
    row("built site", "site_mb", lambda v: f"{v:,.1f} MB")
    row("largest generated HTML page", "largest_page_kb", lambda v: f"{v:,.0f} kB")
    row("catalogue: HTML + CSS before first results (gzip)", "first_results_kb", lambda v: f"{v:,.0f} kB")
    row("catalogue: + scripts, all a page load downloads (gzip)", "loaded_kb", lambda v: f"{v:,.0f} kB")
    row("catalogue: + filter data, before the first filtered results (gzip; loaded at first use)", "scripted_results_kb", lambda v: f"{v:,.0f} kB")
    row("catalogue: filter change to updated list (ms, median)", "filter_ms", lambda v: f"{v:.1f}")
    row("catalogue: typed query to results (ms, median)", "query_ms", lambda v: f"{v:.1f}")
    row("catalogue: summaries and search text, after first results (gzip)", "catalogue_text_kb", lambda v: f"{v:,.0f} kB")
    row(f"header search (Pagefind): downloaded for one query, median of 3 words: {', '.join(QUERIES)} (gzip)", "header_search_kb", lambda v: f"{v:,.0f} kB")
    row("header search (Pagefind): largest of those 3 queries (gzip)", "header_search_max_kb", lambda v: f"{v:,.0f} kB")
    row("header search: typed word to shown results, first query (ms, median, timed in the page)", "header_search_ms", lambda v: f"{v:,.0f}")
    row("header search: the same, timed from outside the browser (Playwright's fill to its selector wait)", "header_search_outside_ms", lambda v: f"{v:,.0f}")
    row("Pagefind index on disk", "pagefind_index_mb", lambda v: f"{v:,.1f} MB")
    row("for comparison: Material's lunr index in the plain build (whole, gzip)", "lunr_kb", lambda v: f"{v:,.0f} kB")
    row("`check`: time per case (ms, median)", "check_ms_per_case", lambda v: f"{v:.2f}")
    per_case = {r["size"]: r["showcase_s"] / r["size"] for r in results}
    lines = ["\n".join(rows), ""]
    if 1000 in per_case and 10000 in per_case:
        lines.append(f"Per-case build cost, 10,000 vs 1,000 cases: {per_case[10000] / per_case[1000]:.2f}× (target ≤ 1.2×).")
    lines.append(f"Medians of {repeat} runs; builds of the showcase, the plain site and the tags baseline alternate, so all see the same machine load.")
    lines.append("The header search queries a frequent, a mid-range and a rare word of the generated text "
                 "(benchmarks/generate.py: Zipf ranks " + ", ".join(f"`{word}` {rank:,}" for word, rank in QUERY_RANKS.items()) + ").")
    measured = [r for r in results if "lighthouse" in r]
    if measured:
        lines += ["", "### Lighthouse", "", lighthouse.table(measured[-1]["lighthouse"], measured[-1]["size"])]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 10000])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--no-browser", action="store_true", help="skip the Chromium measurements")
    parser.add_argument("--work", type=Path, default=BENCH / "work", help="where projects are generated (git-ignored)")
    parser.add_argument("--output", type=Path, default=BENCH / "RESULTS.md")
    parser.add_argument("--lighthouse-runs", type=int, default=3, help="Lighthouse runs per page and form factor, on the largest size")
    parser.add_argument("--no-lighthouse", action="store_true", help="skip Lighthouse (benchmarks/lighthouse.py runs it alone too)")
    parser.add_argument("--site", type=Path, help="only the browser and header-search figures, on this already built site")
    args = parser.parse_args()
    if args.site:
        print(json.dumps({**browser_timings(args.site, args.repeat), **header_search_figures(args.site)}, indent=1))
        return
    runs = 0 if args.no_lighthouse or args.no_browser else args.lighthouse_runs
    largest = max(args.sizes)
    results = [measure(size, args.work, args.repeat, not args.no_browser, runs if size == largest else 0) for size in args.sizes]
    reproduce = f"--sizes {' '.join(map(str, args.sizes))} --repeat {args.repeat}" + (f" --lighthouse-runs {runs}" if runs else " --no-lighthouse")
    header = "# Benchmark results\n\n" + f"Measured {versions()}.\nReproduce: `.venv/bin/python benchmarks/run.py {reproduce}`.\n\n"
    targets = "\n\nTargets (issue: scale to 10,000 cases):\n\n" + "\n".join(f"- {name}: {target}" for name, target in TARGETS.items()) + "\n"
    # Hand-written notes (decisions, what misses its target) below NOTES survive a rerun.
    notes = ""
    if args.output.exists() and NOTES in args.output.read_text(encoding="utf-8"):
        notes = "\n" + NOTES + args.output.read_text(encoding="utf-8").split(NOTES, 1)[1]
    args.output.write_text(header + table(results, args.repeat) + targets + notes, encoding="utf-8")
    (args.output.with_suffix(".json")).write_text(json.dumps(results, indent=1), encoding="utf-8")
    print(args.output.read_text(encoding="utf-8"))


if __name__ == "__main__":
    main()
