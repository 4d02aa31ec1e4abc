"""Hostile and broken input: nothing gets in, nothing gets lost, nothing crashes.

The payload lists below are the inputs tried; each list is one kind.
"""

from __future__ import annotations

import os

import pytest

from helpers import REPO, SCRIPT_PAYLOADS, case_text, messages, serve

URL_PAYLOADS = [
    "javascript:alert(1)", "JavaScript:alert(1)", "JAVASCRIPT:alert(1)", " javascript:alert(1)",
    "java\tscript:alert(1)", "java\nscript:alert(1)", "&#106;avascript:alert(1)", "javascript&colon;alert(1)",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==", "vbscript:msgbox(1)", "//evil.example/x",
    "https://example.org/\"><script>alert(1)</script>", "file:///etc/passwd",
]
BODY_PAYLOADS = [
    ("<script>alert(1)</script>", "<script>"),
    ("<SCRIPT SRC=//evil.example/x.js></SCRIPT>", "<script>"),
    ('<iframe src="https://evil.example"></iframe>', "<iframe>"),
    ('<object data="x.swf"></object>', "<object>"),
    ('<embed src="x.swf">', "<embed>"),
    ("<style>body{display:none}</style>", "<style>"),
    ('<a href="#" onclick="alert(1)">klik</a>', "onclick="),
    ("<img src=x onerror=alert(1)>", "onerror="),
    ('<div onmouseover="alert(1)">x</div>', "onmouseover="),
    ("[klik](javascript:alert(1))", "javascript:"),
    ("[klik](JaVaScRiPt:alert(1))", "javascript:"),
    ("[klik](java&#x09;script:alert(1))", "javascript:"),
    ("[klik](&#106;avascript:alert(1))", "javascript:"),
    ('<a href=" javascript:alert(1)">klik</a>', "javascript:"),
    ("[klik](data:text/html,<script>alert(1)</script>)", "data:"),
    ("![x](data:image/svg+xml;base64,PHN2Zz4=)", "data:"),
    ('<svg><script>alert(1)</script></svg>', "<svg>"),
    ('<form action="https://evil.example"><input></form>', "<form>"),
    ('<meta http-equiv="refresh" content="0;url=https://evil.example">', "<meta>"),
    ('<base href="https://evil.example/">', "<base>"),
    ('<link rel="stylesheet" href="https://evil.example/x.css">', "<link>"),
    ('<p style="background:url(javascript:alert(1))">x</p>', "style="),
    ('Een alinea met een attribuut.\n{: onclick="alert(1)" }', "onclick="),
    ("[klik][ref]\n\n[ref]: javascript:alert(1)", "javascript:"),
]
TYPE_PAYLOADS = [
    ("title", "yes", "must be text, not a yes/no value"),
    ("title", "[een, lijst]", "must be text, not a list"),
    ("title", "12345", "must be text, not a number"),
    ("summary", "{a: b}", "must be text, not a group of keys"),
    ("added", "20261101", "must be a date written as YYYY-MM-DD"),
    ("added", "2026-11-01 10:00:00", "must be a date written as YYYY-MM-DD"),
    ("started", "'2016'", "must be a year such as 2016"),
    ("featured", "'ja'", "must be true or false"),
    ("organisation", "[a, b]", "must be text, not a list"),
    ("website", "42", "must be a full web address"),
    ("partners", "Stad Gent", "must be a list of items with name, role"),
    ("sources", "{title: x}", "must be a list of items with title, url (optional)"),
]
IMAGE_PATH_PAYLOADS = ["../../mkdocs.yml", "/etc/passwd", "images/../../mkdocs.yml", "images/../_taxonomy.yml", "../cases/images/x.png", "C:/Windows/x.png", "images/"]


def test_script_payloads_in_every_text_field_are_published_escaped(hostile_site):
    assert len(list(hostile_site.glob("praktijkvoorbeelden/vijandig-*/index.html"))) == len(SCRIPT_PAYLOADS)
    for path in hostile_site.rglob("*"):
        if path.suffix in (".html", ".xml"):
            text = path.read_text(encoding="utf-8")
            for needle in ("<script>alert(1)", "<img src=x onerror", "<svg onload", "<iframe src=javascript", 'onmouseover="alert(1)"'):
                assert needle not in text, (path, needle)


def test_script_payloads_do_not_run_in_the_browser(hostile_site, browser):
    server = serve(hostile_site)
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    context = browser.new_context()
    tab = context.new_page()
    try:
        for path in ("praktijkvoorbeelden/vijandig/", "praktijkvoorbeelden/?q=img", "", "regio/antwerpen/"):
            tab.goto(base + path)
            tab.wait_for_load_state("networkidle")
            assert tab.evaluate("window.hit") is None, path
            assert tab.locator("img[src=x], svg[onload]").count() == 0, path
    finally:
        context.close()
        server.shutdown()


@pytest.mark.parametrize("url", URL_PAYLOADS)
def test_non_http_urls_are_refused_in_website_and_sources(tmp_path, url):
    for fields in ({"website": url}, {"sources": [{"title": "Een bron", "url": url}]}):
        found = messages(tmp_path, case_text(**fields))
        assert found and ("website" in found[0] or "sources[1].url" in found[0]), (url, found)


@pytest.mark.parametrize("payload, named", BODY_PAYLOADS)
def test_unsafe_body_html_is_refused_with_file_and_line(tmp_path, payload, named):
    body = f"Een eerste alinea.\n\nEen tweede alinea.\n\n{payload}\n"
    found = messages(tmp_path, case_text(body=body))
    payload_line = case_text(body="").count("\n") + 1 + 4  # the story's first line, then two paragraphs
    # A payload of several lines is named on the line that holds what is refused.
    offset = next((n for n, text in enumerate(payload.split("\n")) if named.rstrip(">") in text.lower()), 0)
    assert found, payload
    assert found[0].startswith(f"cases/buurtmoestuin.md:{payload_line + offset}: body: "), found
    assert named in found[0].lower(), found


def test_harmless_html_in_the_body_is_allowed(tmp_path):
    body = 'Een alinea met <strong>nadruk</strong>, <em>cursief</em> en een <a href="https://example.org">link</a>.\n\n<details><summary>Meer</summary>Tekst.</details>\n'
    assert messages(tmp_path, case_text(body=body)) == []


@pytest.mark.parametrize("key, value, message", TYPE_PAYLOADS)
def test_wrong_types_name_the_key_and_the_type_expected(tmp_path, key, value, message):
    text = case_text(drop=(key,)).replace("---\n\n", f"{key}: {value}\n---\n\n", 1)
    found = messages(tmp_path, text)
    assert any(f": {key}: {message}" in line for line in found), found


def test_an_impossible_date_is_refused_by_the_date_rule_or_by_yaml_naming_key_and_value(tmp_path):
    """Quoted, 2026-13-45 is text that reaches the rule for `added`; written
    plainly, YAML itself cannot read it, and the reader names the key."""
    quoted = messages(tmp_path, case_text(added="2026-13-45"))
    assert quoted == ["cases/buurtmoestuin.md:14: added: must be a date written as YYYY-MM-DD, such as 2026-11-23, not '2026-13-45'"]
    plain = messages(tmp_path, case_text().replace("added: '2026-11-01'", "added: 2026-13-45"))
    assert plain[0] == "cases/buurtmoestuin.md:14: added: cannot be read: '2026-13-45' is not a valid value here"


@pytest.mark.parametrize("path", IMAGE_PATH_PAYLOADS)
def test_image_paths_outside_the_image_folder_are_refused(tmp_path, path):
    found = messages(tmp_path, case_text(image=path, image_alt="Een afbeelding"))
    assert found and f": image: '{path}' is outside cases/images/" in found[0], found


def test_image_that_is_a_symbolic_link_is_refused(tmp_path):
    (tmp_path / "cases" / "images").mkdir(parents=True)
    (tmp_path / "geheim.png").write_bytes(b"\x89PNG")
    os.symlink(tmp_path / "geheim.png", tmp_path / "cases" / "images" / "link.png")
    found = messages(tmp_path, case_text(image="images/link.png", image_alt="Een afbeelding"))
    assert "image: 'images/link.png' is a symbolic link" in found[0]


def test_image_folder_that_is_a_symbolic_link_is_refused(tmp_path):
    (tmp_path / "elders").mkdir()
    (tmp_path / "elders" / "foto.png").write_bytes(b"\x89PNG")
    (tmp_path / "cases").mkdir()
    os.symlink(tmp_path / "elders", tmp_path / "cases" / "images")
    found = messages(tmp_path, case_text(image="images/foto.png", image_alt="Een afbeelding"))
    assert "is a symbolic link" in found[0]


def test_case_file_names_differing_only_in_case_are_refused(tmp_path):
    from showcase.casefiles import case_paths

    (tmp_path / "cases").mkdir()
    (tmp_path / "cases" / "moestuin.md").write_text(case_text(), encoding="utf-8")
    (tmp_path / "cases" / "Moestuin.md").write_text(case_text(), encoding="utf-8")
    _, problems = case_paths(tmp_path)
    assert any("differs from cases/Moestuin.md only in upper/lower case" in str(p) or "differs from cases/moestuin.md only" in str(p) for p in problems)


def test_misplaced_files_are_reported_not_skipped(tmp_path):
    from showcase.casefiles import case_paths

    (tmp_path / "cases" / "sub").mkdir(parents=True)
    (tmp_path / "cases" / "sub" / "verstopt.md").write_text(case_text(), encoding="utf-8")
    (tmp_path / "cases" / "notities.txt").write_text("x", encoding="utf-8")
    (tmp_path / "cases" / "moestuin.markdown").write_text(case_text(), encoding="utf-8")
    _, problems = case_paths(tmp_path)
    assert sorted(p.path for p in problems) == ["cases/moestuin.markdown", "cases/notities.txt", "cases/sub/verstopt.md"]


def test_the_validator_renders_stories_with_the_sites_markdown_extensions(tmp_path):
    from showcase import body

    (tmp_path / "mkdocs.yml").write_text("site_name: x\nmarkdown_extensions:\n  - admonition\n  - toc:\n      permalink: true\n", encoding="utf-8")
    names, configs = body.site_markdown(tmp_path)
    assert names == ["toc", "tables", "fenced_code", "admonition"] and configs == {"toc": {"permalink": True}}
    try:
        body.configure(names, configs)
        assert 'class="admonition note"' in body.render("!!! note\n    Een opmerking.")
        body.configure(*body.site_markdown(tmp_path.parent))  # a folder without mkdocs.yml: MkDocs' built-ins only
        assert 'class="admonition' not in body.render("!!! note\n    Een opmerking.")
    finally:
        body.configure(*body.site_markdown(REPO))


def test_the_repository_validator_follows_mkdocs_yml():
    from showcase import body

    names, _ = body.site_markdown(REPO)
    assert names[:3] == body.BUILT_IN_EXTENSIONS and {"attr_list", "md_in_html", "footnotes", "admonition"} <= set(names)


def test_a_value_yaml_cannot_read_gets_one_message_not_a_second_about_nothing(tmp_path):
    text = case_text().replace("added: '2026-11-01'", "added: 2026-13-45")
    assert messages(tmp_path, text) == ["cases/buurtmoestuin.md:14: added: cannot be read: '2026-13-45' is not a valid value here"]


@pytest.mark.parametrize("value", ["!!bool ja", "!!timestamp x", "!!int x"])
def test_a_value_its_own_yaml_tag_cannot_build_is_refused_with_key_and_line(tmp_path, value):
    text = case_text().replace("added:", f"featured: {value}\nadded:", 1)
    assert messages(tmp_path, text) == [f"cases/buurtmoestuin.md:14: featured: cannot be read: {value.split()[1]!r} is not a valid value here"]
