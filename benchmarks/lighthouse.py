"""Lighthouse on five pages of a built site, served the way GitHub Pages serves it.

    .venv/bin/python benchmarks/lighthouse.py benchmarks/work/showcase-10000/site
    .venv/bin/python benchmarks/lighthouse.py SITE --plain benchmarks/work/plain-10000/site --runs 3

Lighthouse 12.2.3 (the last release that runs on Node 20) is installed with
npm into .cache/lighthouse/ the first time. Each page runs on mobile (the
default: simulated slow 4G and a 4x slower CPU) and desktop (`--preset=desktop`);
every figure is the median of the runs. The server gzips text types, sends
GitHub Pages' `Cache-Control: max-age=600`, content types by extension,
`index.html` for folders and 404.html for what is missing; it speaks
HTTP/1.1 on 127.0.0.1 (GitHub Pages: HTTP/2 over TLS, which Lighthouse's
simulated throttling models from the same requests).
Every report is kept as JSON under --reports, to look up an audit's details.
"""

from __future__ import annotations

import argparse
import email.utils
import gzip
import http.server
import json
import os
import re
import shutil
import statistics
import subprocess
import tempfile
import threading
import time
import urllib.parse
from pathlib import Path

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
VERSION = "12.2.3"  # pinned: 12.3 and later need Node 22
INSTALL = REPO / ".cache" / "lighthouse"
CHROMIUM = os.environ.get("SHOWCASE_CHROMIUM", "/usr/bin/chromium")
CHROME_FLAGS = "--headless=new --no-sandbox"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
FORM_FACTORS = ("mobile", "desktop")
PAGE_NAMES = ("home", "catalogue", "case", "showcase", "overview")
# What the issues ask (19: outside checks; 20: mobile performance 95).
TARGETS = {"performance mobile": "≥ 90 (issue 19), ≥ 95 (issue 20)", "performance desktop": "100",
           "accessibility, best practices, SEO": "100", "cumulative layout shift": "< 0.02"}

# --- the server --------------------------------------------------------------

TYPES = {
    ".html": "text/html; charset=utf-8", ".css": "text/css; charset=utf-8",
    ".js": "application/javascript; charset=utf-8", ".mjs": "application/javascript; charset=utf-8",
    ".json": "application/json; charset=utf-8", ".xml": "application/xml", ".svg": "image/svg+xml",
    ".txt": "text/plain; charset=utf-8", ".csv": "text/csv; charset=utf-8", ".ttl": "text/turtle; charset=utf-8",
    ".webmanifest": "application/manifest+json", ".map": "application/json; charset=utf-8",
    ".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".gif": "image/gif", ".webp": "image/webp",
    ".avif": "image/avif", ".ico": "image/x-icon", ".woff": "font/woff", ".woff2": "font/woff2",
    ".wasm": "application/wasm", ".gz": "application/gzip", ".pdf": "application/pdf",
}
COMPRESSED_TYPES = ("text/", "application/javascript", "application/json", "application/xml", "image/svg+xml",
                    "application/manifest+json")
MAX_AGE = 600  # GitHub Pages' Cache-Control


def content_type(path: Path) -> str:
    return TYPES.get(path.suffix.lower(), "application/octet-stream")


def accepts_gzip(header: str | None) -> bool:
    for part in (header or "").split(","):
        name, _, params = part.strip().partition(";")
        if name.strip().lower() in ("gzip", "*"):
            quality = re.search(r"q\s*=\s*([0-9.]+)", params)
            return not quality or float(quality.group(1)) > 0
    return False


class PagesHandler(http.server.BaseHTTPRequestHandler):
    """A static site as GitHub Pages serves it (see the module's docstring)."""

    protocol_version = "HTTP/1.1"
    site: Path
    prefix: str = "/"
    _bodies: dict = {}
    _lock = threading.Lock()

    def log_message(self, *args):
        pass

    def do_HEAD(self):
        self._answer(head=True)

    def do_GET(self):
        self._answer(head=False)

    def _resolve(self) -> tuple[int, Path | None, str | None]:
        """(status, file, redirect location)."""
        split = urllib.parse.urlsplit(self.path)
        path = urllib.parse.unquote(split.path)
        if not path.startswith(self.prefix) and path + "/" != self.prefix:
            return 404, None, None
        if path + "/" == self.prefix:
            return 301, None, self.prefix
        target = (self.site / path[len(self.prefix):]).resolve()
        if target != self.site and self.site not in target.parents:
            return 404, None, None
        if target.is_dir():
            if not path.endswith("/"):
                return 301, None, split.path + "/" + (f"?{split.query}" if split.query else "")
            target = target / "index.html"
        elif not target.is_file() and target.with_name(target.name + ".html").is_file():
            target = target.with_name(target.name + ".html")
        if target.is_file():
            return 200, target, None
        return 404, None, None

    def _body(self, path: Path, compress: bool) -> tuple[bytes, os.stat_result]:
        stat = path.stat()
        key = (path, stat.st_mtime_ns, stat.st_size, compress)
        body = self._bodies.get(key)
        if body is None:
            body = path.read_bytes()
            if compress:
                body = gzip.compress(body, 6, mtime=0)
            with self._lock:
                self._bodies[key] = body
        return body, stat

    def _answer(self, head: bool) -> None:
        status, path, location = self._resolve()
        if status == 301:
            self.send_response(301)
            self.send_header("Location", location)
            self.send_header("Content-Length", "0")
            self.send_header("Cache-Control", f"max-age={MAX_AGE}")
            self.end_headers()
            return
        if path is None:
            missing = self.site / "404.html"
            path = missing if missing.is_file() else None
        if path is None:
            self.send_response(404)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        kind = content_type(path)
        compressible = kind.startswith(COMPRESSED_TYPES)
        compress = compressible and accepts_gzip(self.headers.get("Accept-Encoding"))
        body, stat = self._body(path, compress)
        etag = f'"{stat.st_mtime_ns:x}-{stat.st_size:x}{"-gz" if compress else ""}"'
        if status == 200 and self.headers.get("If-None-Match") == etag:
            status, body = 304, b""
        self.send_response(status)
        if status != 304:
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
        if compress:
            self.send_header("Content-Encoding", "gzip")
        if compressible:
            self.send_header("Vary", "Accept-Encoding")
        self.send_header("Cache-Control", f"max-age={MAX_AGE}")
        self.send_header("Expires", email.utils.formatdate(time.time() + MAX_AGE, usegmt=True))
        self.send_header("Last-Modified", email.utils.formatdate(stat.st_mtime, usegmt=True))
        self.send_header("ETag", etag)
        self.send_header("Access-Control-Allow-Origin", "*")
        self.end_headers()
        if not head and status != 304:
            self.wfile.write(body)


def base_path(site: Path) -> str:
    """The path the site is published under (GitHub Pages: /<repository>/), from its sitemap."""
    sitemap = site / "sitemap.xml"
    if sitemap.is_file():
        found = re.search(r"<loc>\s*([^<\s]+)", sitemap.read_text(encoding="utf-8"))
        if found:
            path = urllib.parse.urlsplit(found.group(1)).path or "/"
            return path if path.endswith("/") else path.rsplit("/", 1)[0] + "/"
    return "/"


def serve(site: Path, prefix: str | None = None) -> http.server.ThreadingHTTPServer:
    """The site at http://127.0.0.1:<port><prefix>, in a background thread; shut it down after."""
    handler = type("Handler", (PagesHandler,), {"site": site.resolve(), "prefix": prefix or base_path(site), "_bodies": {}})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


# --- Lighthouse --------------------------------------------------------------

def install() -> Path:
    """Lighthouse's command-line entry, installed with npm (pinned) if it is not there yet."""
    entry = INSTALL / "node_modules" / "lighthouse" / "cli" / "index.js"
    package = INSTALL / "node_modules" / "lighthouse" / "package.json"
    if entry.is_file() and json.loads(package.read_text(encoding="utf-8")).get("version") == VERSION:
        return entry
    INSTALL.mkdir(parents=True, exist_ok=True)
    if not (INSTALL / "package.json").exists():
        (INSTALL / "package.json").write_text('{"private": true}\n', encoding="utf-8")
    subprocess.run(["npm", "install", "--save-exact", "--no-audit", "--no-fund", "--silent", f"lighthouse@{VERSION}"],
                   cwd=INSTALL, check=True)
    return entry


def pages(site: Path) -> dict[str, str]:
    """The five pages the issues name, as paths below the site's root: home,
    the catalogue, the first case the catalogue shows, a showcase page (the
    energy domain, else the first domain) and the overview."""
    catalogue = (site / "praktijkvoorbeelden" / "index.html").read_text(encoding="utf-8")
    slugs = [slug for slug in re.findall(r'href="(?:\.\./)?praktijkvoorbeelden/([^/"#?]+)/"', catalogue) if not slug.isdigit()]
    if not slugs:
        raise SystemExit(f"no case linked from {site}/praktijkvoorbeelden/")
    domains = sorted(p.name for p in (site / "domein").iterdir() if (p / "index.html").is_file())
    showcase = "energie" if "energie" in domains else domains[0]
    return {"home": "", "catalogue": "praktijkvoorbeelden/", "case": f"praktijkvoorbeelden/{slugs[0]}/",
            "showcase": f"domein/{showcase}/", "overview": "overzicht/"}


def _details(audit: dict, limit: int = 4) -> list[str]:
    """A few lines of what an audit found: URLs, elements, savings."""
    details = audit.get("details") or {}
    items = details.get("items") or []
    lines = []
    for item in items[:limit]:
        if not isinstance(item, dict):
            continue
        node = item.get("node") if isinstance(item.get("node"), dict) else {}
        source = item.get("source") if isinstance(item.get("source"), dict) else {}
        where = item.get("url") or source.get("url") or node.get("selector")
        what = node.get("snippet") or item.get("label") or item.get("groupLabel") or item.get("statistic") or item.get("description") \
            or " ".join(str(item[key]) for key in ("reason", "failureType") if item.get(key))
        extra = []
        if isinstance(item.get("value"), dict) and isinstance(item["value"].get("value"), (int, float)):
            extra.append(f"{item['value']['value']:,.0f}")
        for key, unit in (("wastedBytes", "B"), ("wastedMs", "ms"), ("totalBytes", "B"), ("cacheLifetimeMs", "ms"),
                          ("duration", "ms"), ("total", "ms"), ("scripting", "ms")):
            if isinstance(item.get(key), (int, float)):
                extra.append(f"{key} {item[key]:,.0f} {unit}")
        text = " ".join(str(part) for part in (where, what) if part)
        if node.get("explanation") and node.get("explanation") != what:
            text += " — " + node["explanation"].replace("\n", " ")
        lines.append((text[:300] + (f" ({', '.join(extra)})" if extra else "")).strip())
    if len(items) > limit:
        lines.append(f"… {len(items) - limit} more")
    return lines


def figures(report: dict) -> dict:
    """The figures of one Lighthouse report, and its audits that did not pass."""
    audits = report["audits"]
    scored = {ref["id"] for category in report["categories"].values() for ref in category["auditRefs"]}
    failing = {}
    for name, audit in audits.items():
        if name in scored and audit.get("score") is not None and audit["score"] < 0.9 \
                and audit.get("scoreDisplayMode") not in ("informative", "notApplicable", "manual", "error"):
            failing[name] = {"score": audit["score"], "title": audit.get("title", ""),
                             "value": audit.get("displayValue", ""), "details": _details(audit)}
    result = {key: round(report["categories"][key]["score"] * 100) for key in CATEGORIES
              if key in report["categories"] and report["categories"][key]["score"] is not None}
    result.update({
        "cls": audits["cumulative-layout-shift"].get("numericValue"),
        "lcp_ms": audits["largest-contentful-paint"].get("numericValue"),
        "fcp_ms": audits["first-contentful-paint"].get("numericValue"),
        "tbt_ms": audits["total-blocking-time"].get("numericValue"),
        "transfer_kb": audits["total-byte-weight"]["numericValue"] / 1e3,
        "benchmark_index": report.get("environment", {}).get("benchmarkIndex"),
        "failing": failing,
    })
    return result


def run_once(entry: Path, url: str, form_factor: str, categories: tuple[str, ...], keep: Path | None) -> dict:
    with tempfile.TemporaryDirectory() as temp:
        output = Path(temp) / "report.json"
        command = ["node", str(entry), url, "--output=json", f"--output-path={output}", "--quiet",
                   f"--chrome-flags={CHROME_FLAGS}", f"--only-categories={','.join(categories)}"]
        if form_factor == "desktop":
            command.append("--preset=desktop")
        problem = ""
        for _ in range(3):  # a headless Chromium on a loaded machine sometimes fails to start or times out
            try:
                done = subprocess.run(command, env={**os.environ, "CHROME_PATH": CHROMIUM}, capture_output=True, text=True, timeout=300)
            except subprocess.TimeoutExpired:
                problem = "timed out after 300 s"
                continue
            if done.returncode == 0 and output.is_file():
                break
            problem = done.stderr[-2000:]
        else:
            raise RuntimeError(f"Lighthouse failed on {url} ({form_factor}):\n{problem}")
        # Addresses in the details without the local server's origin.
        origin = url.split("/", 3)
        report = json.loads(output.read_text(encoding="utf-8").replace(f"{origin[0]}//{origin[2]}", ""))
        if report.get("runtimeError"):
            raise RuntimeError(f"Lighthouse on {url}: {report['runtimeError']}")
        if keep:
            keep.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(output, keep)
    return figures(report)


def median(runs: list[dict]) -> dict:
    """Each figure's median over the runs; a failing audit with how many runs it failed in."""
    result = {}
    for key in runs[0]:
        if key == "failing":
            continue
        values = [run[key] for run in runs if run.get(key) is not None]
        if values:
            result[key] = statistics.median(values)
    failing = {}
    for run in runs:
        for name, audit in run["failing"].items():
            failing.setdefault(name, {**audit, "runs": 0})["runs"] += 1
    result["failing"] = failing
    result["runs"] = len(runs)
    return result


def measure(site: Path, runs: int = 3, categories: tuple[str, ...] = CATEGORIES, paths: dict[str, str] | None = None,
            reports: Path | None = None, label: str = "site") -> dict:
    """{page: {form factor: median figures}} for one built site."""
    entry = install()
    paths = paths or pages(site)
    server = serve(site)
    base = f"http://127.0.0.1:{server.server_address[1]}{server.RequestHandlerClass.prefix}"
    result = {"paths": paths}
    try:
        for name, path in paths.items():
            result[name] = {}
            for form_factor in FORM_FACTORS:
                measured = []
                for number in range(runs):
                    print(f"  lighthouse {label} {name} {form_factor} {number + 1}/{runs}", flush=True)
                    keep = reports / label / f"{name}-{form_factor}-{number + 1}.json" if reports else None
                    measured.append(run_once(entry, base + path, form_factor, categories, keep))
                result[name][form_factor] = median(measured)
    finally:
        server.shutdown()
    return result


def compare(site: Path, plain: Path | None, runs: int, reports: Path | None) -> dict:
    """The showcase with every category; plain Material's build of the same pages, performance only."""
    paths = pages(site)
    load = os.getloadavg()
    result = {"lighthouse": VERSION, "runs": runs, "load_before": [round(v, 2) for v in load],
              "showcase": measure(site, runs, CATEGORIES, paths, reports, "showcase")}
    if plain:
        result["plain"] = measure(plain, runs, ("performance",), paths, reports, "plain")
    result["load_after"] = [round(v, 2) for v in os.getloadavg()]
    return result


# --- the table ---------------------------------------------------------------

def _score(value, *minimums) -> str:
    if value is None:
        return "–"
    missed = [m for m in minimums if value < m]
    return f"{value:.0f}" + (f" ✗ (< {min(missed)})" if missed else "")


def table(figures: dict, size: int | None = None) -> str:
    """The Markdown table for RESULTS.md, targets first; a missed target is marked ✗."""
    shown = figures["showcase"]
    plain = figures.get("plain", {})
    rows = ["| page | performance mobile | performance desktop | accessibility | best practices | SEO | CLS (worse of mobile, desktop) "
            "| LCP mobile / desktop (s) | transferred (kB, mobile) | plain Material: performance mobile | plain Material: performance desktop |",
            "|---|---|---|---|---|---|---|---|---|---|---|",
            "| **target** | ≥ 90 (issue 19), ≥ 95 (issue 20) | 100 | 100 | 100 | 100 | < 0.02 | – | – | – | – |"]
    for name in PAGE_NAMES:
        if name not in shown:
            continue
        mobile, desktop = shown[name]["mobile"], shown[name]["desktop"]
        lowest = {key: min(v for v in (mobile.get(key), desktop.get(key)) if v is not None) for key in ("accessibility", "best-practices", "seo")}
        cls = max(mobile["cls"], desktop["cls"])
        plain_cells = ["–", "–"]
        if name in plain:
            plain_cells = [_score(plain[name][ff].get("performance")) for ff in FORM_FACTORS]
        rows.append(" | ".join([
            f"| {name} (`/{shown['paths'][name]}`)",
            _score(mobile.get("performance"), 90, 95), _score(desktop.get("performance"), 100),
            _score(lowest["accessibility"], 100), _score(lowest["best-practices"], 100), _score(lowest["seo"], 100),
            f"{cls:.3f}" + (" ✗" if cls >= 0.02 else ""),
            f"{mobile['lcp_ms'] / 1000:.1f} / {desktop['lcp_ms'] / 1000:.1f}", f"{mobile['transfer_kb']:,.0f}",
            *plain_cells]) + " |")
    index = statistics.median([shown[n][ff]["benchmark_index"] for n in PAGE_NAMES if n in shown for ff in FORM_FACTORS
                               if shown[n][ff].get("benchmark_index")] or [0])
    where = f" on the {size:,}-case site" if size else ""
    lines = ["\n".join(rows), "",
             f"Lighthouse {figures['lighthouse']}{where}, headless Chromium, median of {figures['runs']} runs per page and form factor "
             f"(mobile: Lighthouse's default simulated slow 4G and 4× CPU slowdown; desktop: `--preset=desktop`), "
             f"served with gzip and `Cache-Control: max-age={MAX_AGE}` as GitHub Pages does (benchmarks/lighthouse.py). "
             f"Accessibility, best practices and SEO: the lower of mobile and desktop. Plain Material: performance only. "
             f"Lighthouse's CPU benchmark index {index:.0f}; load average {figures['load_before'][0]:.2f} before, "
             f"{figures['load_after'][0]:.2f} after."]
    by_audit = {}
    for page, audits in failing_audits(figures).items():
        for audit, info in audits.items():
            by_audit.setdefault(audit, {"title": info["title"], "where": []})["where"].append((page, info))
    if by_audit:
        everywhere = sum(1 for name in PAGE_NAMES if name in shown) * len(FORM_FACTORS)
        lines += ["", "Audits that did not pass (score < 0.9) on the showcase: page and form factor, in how many runs "
                  "(details: `benchmarks/lighthouse.py SITE --details`, or the JSON reports):", ""]
        for audit, info in sorted(by_audit.items()):
            values = {found["value"] for _, found in info["where"]}
            every = len(info["where"]) == everywhere and all(found["runs"] == found["of"] for _, found in info["where"])
            if every:
                where = "every page, mobile and desktop, every run" + (f": {values.pop()}" if len(values) == 1 and "" not in values else "")
            else:
                where = "; ".join(f"{page} {found['runs']}/{found['of']}" + (f" ({found['value']})" if found["value"] else "") for page, found in info["where"])
            lines.append(f"- `{audit}` ({info['title']}): {where}")
    return "\n".join(lines)


def failing_audits(figures: dict) -> dict[str, dict]:
    """{"page form factor": {audit id: info}} for the showcase."""
    shown = figures["showcase"]
    found = {}
    for name in PAGE_NAMES:
        for form_factor in FORM_FACTORS:
            measured = shown.get(name, {}).get(form_factor)
            if measured and measured["failing"]:
                found[f"{name} {form_factor}"] = {audit: {**info, "of": measured["runs"]} for audit, info in sorted(measured["failing"].items())}
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("site", type=Path, help="a built showcase site (its site/ folder)")
    parser.add_argument("--plain", type=Path, help="plain Material's build of the same pages, for comparison")
    parser.add_argument("--runs", type=int, default=3, help="runs per page and form factor (the median is reported)")
    parser.add_argument("--reports", type=Path, default=BENCH / "work" / "lighthouse", help="where every JSON report is kept")
    parser.add_argument("--details", action="store_true", help="also print what each failing audit found")
    args = parser.parse_args()
    result = compare(args.site, args.plain, args.runs, args.reports)
    print(table(result))
    if args.details:
        for name, audits in failing_audits(result).items():
            print(f"\n## {name}")
            for audit, info in audits.items():
                print(f"- {audit} ({info['title']}): {info['value']} [{info['runs']}/{info['of']} runs]")
                for line in info["details"]:
                    print(f"    {line}")


if __name__ == "__main__":
    main()
