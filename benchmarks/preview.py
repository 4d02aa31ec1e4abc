"""Edit to preview: from saving a case to the first response that shows the change.

    .venv/bin/python benchmarks/preview.py --sizes 1000 10000 --edits 5
    .venv/bin/python benchmarks/preview.py --sizes 1000 --engines mkdocs properdocs

For each size it generates a project (as benchmarks/run.py does), starts the
engine's `serve` on it, waits for the first build, then edits the newest
case's title several times. Each time it polls, from outside the server, the
case's page and the catalogue's first page (which lists the newest case)
until both show the new title, and reports the time from the save to the
later of the two. Medians of the edits; a timing, so here and not in a test.
"""

from __future__ import annotations

import argparse
import os
import re
import socket
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
sys.path.insert(0, str(BENCH))

from run import project  # noqa: E402


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.read().decode("utf-8", errors="replace")
    except (urllib.error.URLError, OSError):
        return None


def wait_for(url: str, text: str, timeout: float, every: float = 0.02) -> float:
    """Seconds until `url` answers with `text` in it."""
    start = time.monotonic()
    while time.monotonic() - start < timeout:
        body = fetch(url)
        if body is not None and text in body:
            return time.monotonic() - start
        time.sleep(every)
    raise TimeoutError(f"{url} did not show {text!r} within {timeout:.0f} s")


def newest_case(root: Path) -> Path:
    """The case with the latest `added`: the catalogue's first page lists it."""
    def added(path: Path) -> str:
        found = re.search(r'^added: "?(\d{4}-\d{2}-\d{2})', path.read_text(encoding="utf-8"), re.MULTILINE)
        return found.group(1) if found else ""
    return max(sorted((root / "cases").glob("[!_]*.md")), key=added)


def edit_title(path: Path, title: str) -> None:
    text = path.read_text(encoding="utf-8")
    path.write_text(re.sub(r"^title: .*$", f"title: {title}", text, count=1, flags=re.MULTILINE), encoding="utf-8")


def measure(root: Path, engine: str, edits: int) -> dict:
    port = free_port()
    base = f"http://127.0.0.1:{port}/showcase/"
    command = [str(REPO / ".venv" / "bin" / engine), "serve", "--livereload", "-a", f"127.0.0.1:{port}"]
    if engine == "properdocs":
        command += ["-f", "mkdocs.yml"]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    log = open(root / f"serve-{engine}.log", "w", encoding="utf-8")
    server = subprocess.Popen(command, cwd=root, env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        start = time.monotonic()
        wait_for(base + "praktijkvoorbeelden/", "Praktijkvoorbeelden", timeout=1800, every=0.5)
        first = time.monotonic() - start
        case = newest_case(root)
        url = f"{base}praktijkvoorbeelden/{case.stem}/"
        times = []
        for n in range(1, edits + 1):
            title = f"Bewerkte titel {n} {os.getpid()}"
            time.sleep(1.0)  # let the watcher settle after the last build
            saved = time.monotonic()
            edit_title(case, title)
            wait_for(url, title, timeout=600)
            wait_for(base + "praktijkvoorbeelden/", title, timeout=600)
            times.append(time.monotonic() - saved)
        return {"engine": engine, "first": first, "edits": times, "median": statistics.median(times)}
    finally:
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
        log.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--edits", type=int, default=5)
    parser.add_argument("--engines", nargs="+", default=["mkdocs"], choices=["mkdocs", "properdocs"])
    parser.add_argument("--work", type=Path, default=BENCH / "work")
    args = parser.parse_args()
    print("| cases | engine | first build (s) | edit to preview, median (s) | each edit (s) |")
    print("|---|---|---|---|---|")
    for size in args.sizes:
        root = project(args.work, size)
        for engine in args.engines:
            result = measure(root, engine, args.edits)
            each = ", ".join(f"{t:.2f}" for t in result["edits"])
            print(f"| {size:,} | {engine} | {result['first']:.1f} | {result['median']:.2f} | {each} |", flush=True)


if __name__ == "__main__":
    main()
