"""The benchmark runs end to end at a small size (its figures are not checked here)."""

from __future__ import annotations

import collections
import gzip
import json
import re
import subprocess
import sys
import urllib.error
import urllib.request

from helpers import REPO

sys.path.insert(0, str(REPO / "benchmarks"))


def test_benchmark_runs_and_writes_its_table(tmp_path):
    output = tmp_path / "RESULTS.md"
    result = subprocess.run([sys.executable, str(REPO / "benchmarks" / "run.py"), "--sizes", "20", "--repeat", "1",
                             "--work", str(tmp_path / "work"), "--output", str(output), "--no-lighthouse"],
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr[-3000:]
    table = output.read_text(encoding="utf-8")
    assert "| showcase build (s, median) |" in table and "| 20 cases |" in table
    assert "| ratio showcase / tags baseline |" in table
    figures = json.loads(output.with_suffix(".json").read_text(encoding="utf-8"))[0]
    assert figures["size"] == 20 and figures["filter_ms"] > 0 and figures["check_ms_per_case"] > 0
    assert figures["header_search_kb"] > 0 and figures["lunr_kb"] > 0 and figures["peak_mb"] > 0
    assert figures["tags_s"] > 0 and figures["tags_ratio"] > 0
    tags_site = tmp_path / "work" / "tags-20" / "site"
    assert (tags_site / "tags" / "index.html").is_file() and not (tags_site / "domein").exists()


def test_generated_cases_are_valid_and_use_every_vocabulary_value(tmp_path, vocabulary):
    from generate import generate
    from showcase.casefiles import load_cases

    (tmp_path / "cases").mkdir()
    generate(60, tmp_path / "cases")
    loaded = load_cases(tmp_path, vocabulary, __import__("datetime").date.today())
    assert loaded.problems == [] and len(loaded.cases) == 60
    for facet, field in (("innovation_type", "innovation_type"), ("domain", "domain"), ("actor", "actors")):
        used = {value for case in loaded.cases for value in getattr(case, field)}
        assert used == set(vocabulary.slugs(facet)), facet


def test_generated_text_has_a_zipf_distribution_and_the_queried_words(tmp_path):
    from generate import QUERY_RANKS, generate, vocabulary_for

    words = vocabulary_for(2026).words
    assert len(set(words)) == len(words) >= 50_000
    assert all(words[rank - 1] == word for word, rank in QUERY_RANKS.items())
    generate(400, tmp_path / "a")
    generate(400, tmp_path / "b")
    texts = [path.read_text(encoding="utf-8") for path in sorted((tmp_path / "a").glob("*.md"))]
    assert texts == [path.read_text(encoding="utf-8") for path in sorted((tmp_path / "b").glob("*.md"))]
    body = [text.split("\n---\n", 1)[1].lower() for text in texts]
    counts = collections.Counter(word for text in body for word in re.findall(r"[^\W\d_]+", text))
    assert len(counts) > 10_000  # a large vocabulary, not a list of 130 words
    assert counts["de"] > 5 * counts[words[9]] > 0  # rank 1 against rank 10: about 10^1.07
    cases_with = {word: sum(re.search(rf"\b{word}\b", text.lower()) is not None for text in texts) for word in QUERY_RANKS}
    assert 0.1 * len(texts) < cases_with["energie"] < 0.5 * len(texts)  # the frequent query word, in titles, summaries, stories
    assert cases_with["coöperatie"] < 0.05 * len(texts)  # the mid-range one


def _get(url, encoding="gzip"):
    request = urllib.request.Request(url, headers={"Accept-Encoding": encoding})

    class Stay(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    try:
        answer = urllib.request.build_opener(Stay).open(request)
    except urllib.error.HTTPError as error:
        answer = error
    return answer.status, answer.headers, answer.read()


def test_lighthouse_server_serves_like_github_pages(tmp_path):
    import lighthouse

    site = tmp_path / "site"
    (site / "a").mkdir(parents=True)
    (site / "index.html").write_text("<!doctype html><title>home</title>" + "x" * 2000, encoding="utf-8")
    (site / "a" / "index.html").write_text("<p>a</p>", encoding="utf-8")
    (site / "404.html").write_text("<p>missing</p>", encoding="utf-8")
    (site / "style.css").write_text("body{}" * 100, encoding="utf-8")
    (site / "pic.png").write_bytes(b"\x89PNG")
    (site / "sitemap.xml").write_text("<urlset><url><loc>https://example.org/showcase/</loc></url></urlset>", encoding="utf-8")
    server = lighthouse.serve(site)
    base = f"http://127.0.0.1:{server.server_address[1]}/showcase/"
    try:
        status, headers, body = _get(base)
        assert status == 200 and headers["Content-Encoding"] == "gzip" and headers["Cache-Control"] == "max-age=600"
        assert headers["Content-Type"] == "text/html; charset=utf-8" and gzip.decompress(body).startswith(b"<!doctype html>")
        status, headers, body = _get(base, "identity")
        assert status == 200 and "Content-Encoding" not in headers and body.startswith(b"<!doctype html>")
        assert _get(base + "style.css")[1]["Content-Type"] == "text/css; charset=utf-8"
        status, headers, body = _get(base + "pic.png")
        assert headers["Content-Type"] == "image/png" and "Content-Encoding" not in headers and body == b"\x89PNG"
        status, headers, _ = _get(base + "a")
        assert status == 301 and headers["Location"] == "/showcase/a/"
        assert gzip.decompress(_get(base + "a/")[2]) == b"<p>a</p>"
        status, _, body = _get(base + "nothing/")
        assert status == 404 and gzip.decompress(body) == b"<p>missing</p>"
        assert _get(base + "../../etc/passwd")[0] == 404
    finally:
        server.shutdown()


def test_lighthouse_table_shows_every_missed_target():
    import lighthouse

    def measured(performance, cls=0.0, seo=100):
        return {"performance": performance, "accessibility": 100, "best-practices": 100, "seo": seo, "cls": cls,
                "lcp_ms": 1500, "transfer_kb": 90, "benchmark_index": 1000, "runs": 3,
                "failing": {"unused-css-rules": {"title": "Reduce unused CSS", "value": "17 KiB", "runs": 3}}}

    pages = {name: {"mobile": measured(97), "desktop": measured(100)} for name in lighthouse.PAGE_NAMES}
    pages["catalogue"] = {"mobile": measured(88, cls=0.03), "desktop": measured(99, seo=92)}
    paths = {name: f"{name}/" for name in lighthouse.PAGE_NAMES}
    figures = {"lighthouse": lighthouse.VERSION, "runs": 3, "load_before": [1.0], "load_after": [1.0],
               "showcase": {"paths": paths, **pages}, "plain": {name: {"mobile": {"performance": 80}, "desktop": {"performance": 100}} for name in paths}}
    table = lighthouse.table(figures, 1000)
    catalogue = next(line for line in table.splitlines() if line.startswith("| catalogue"))
    assert "88 ✗ (< 90)" in catalogue and "99 ✗ (< 100)" in catalogue and "92 ✗ (< 100)" in catalogue and "0.030 ✗" in catalogue
    home = next(line for line in table.splitlines() if line.startswith("| home"))
    assert "✗" not in home and "| 80 | 100 |" in home
    assert "`unused-css-rules`" in table
