"""The Content-Security-Policy: the theme's inline scripts by hash, nothing else."""

from __future__ import annotations

from showcase import csp

PAGE = ('<html><head><meta charset="utf-8"><script>var a=1;</script>'
        '<script id="__config" type="application/json">{"x": 1}</script>'
        '<script src="x.js"></script></head><body><script>var b=2;</script></body></html>')


def test_only_inline_executable_scripts_are_found():
    assert csp.inline_scripts(PAGE) == ["var a=1;", "var b=2;"]


def test_policy_allows_inline_scripts_by_hash_only():
    policy = csp.policy_for(PAGE)
    assert csp.script_hash("var a=1;") in policy and csp.script_hash("var b=2;") in policy
    assert "'unsafe-inline'" not in policy.split("script-src")[1].split(";")[0]
    assert "object-src 'none'" in policy


def test_policy_comes_before_any_script():
    page = csp.with_policy(PAGE)
    assert page.index('http-equiv="Content-Security-Policy"') < page.index("<script")


def test_built_pages_carry_the_policy(built):
    for path in ("index.html", "404.html", "praktijkvoorbeelden/index.html", "praktijkvoorbeelden/fietsbieb/index.html"):
        assert 'http-equiv="Content-Security-Policy"' in (built.site / path).read_text(encoding="utf-8"), path


def test_browser_refuses_an_injected_event_handler(page, served):
    page.goto(served + "praktijkvoorbeelden/fietsbieb/")
    page.evaluate("""() => { const img = document.createElement('img');
        img.setAttribute('onerror', 'window.injected = 1'); img.src = 'geen-afbeelding.png';
        document.body.appendChild(img); }""")
    page.wait_for_timeout(300)
    assert page.evaluate("window.injected") is None
    assert any("Content Security Policy" in error for error in page.errors)
    page.errors.clear()  # the refusal itself is what this test expects


def test_main_pages_run_without_policy_violations(page, served):
    for path in ("", "praktijkvoorbeelden/?domein=energie", "regio/vlaanderen/", "praktijkvoorbeelden/fietsbieb/", "woordenlijst/"):
        page.goto(served + path)
        page.wait_for_load_state("networkidle")
    page.click("[data-si-search-query]")
    page.keyboard.type("fiets")
    page.wait_for_selector("[data-si-search-results] .si-hit")
    assert page.errors == []
