"""The story of a case (showcase.body): it must be there, hold a paragraph and be harmless HTML."""

from __future__ import annotations

import pytest

from helpers import REPO
from showcase import body

FILE = "cases/buurtmoestuin.md"
FIRST_LINE = 12  # the file line where the story starts
ADMONITION = "!!! note\n    Een opmerking."


@pytest.fixture(autouse=True)
def site_markdown():
    """Every test renders as the site does, and leaves it so."""
    body.configure(*body.site_markdown(REPO))
    yield
    body.configure(*body.site_markdown(REPO))


def problems(text: str) -> list[str]:
    return [str(problem) for problem in body.check_body(text, FILE, FIRST_LINE)]


def test_an_empty_story_is_refused_on_the_line_where_it_should_start():
    assert problems(" \n\n") == [f"{FILE}:{FIRST_LINE}: body: is empty; after the closing '---' write at least one paragraph about the case"]


def test_a_story_of_headings_only_is_refused_on_its_first_line():
    assert problems("# Een kop\n\n## Nog een kop\n") == [
        f"{FILE}:{FIRST_LINE}: body: has no paragraph; write at least one paragraph of text, not only headings or lists"]


def test_a_plain_paragraph_is_a_story():
    assert problems("Een verhaal over de moestuin.\n") == []


def test_a_paragraph_with_markup_is_a_story():
    assert problems("Een verhaal met **nadruk** en een [link](https://example.org/moestuin).\n") == []


def test_an_empty_paragraph_before_a_heading_is_no_paragraph_of_text():
    assert problems("<p></p>\n\n# Alleen een kop\n") == [
        f"{FILE}:{FIRST_LINE}: body: has no paragraph; write at least one paragraph of text, not only headings or lists"]


def test_text_after_inline_markup_inside_a_paragraph_counts_as_a_paragraph():
    assert problems("<p><span></span>Tekst na een lege span.</p>\n") == []


def test_a_paragraph_of_a_character_reference_only_is_text():
    assert problems("&#9829;\n") == []


def test_unsafe_html_without_a_paragraph_is_one_problem_not_two():
    assert problems("<script>alert(1)</script>\n") == [
        f"{FILE}:{FIRST_LINE}: body: contains <script>, which is not allowed; use Markdown text, links and images only"]


@pytest.mark.parametrize("line, message", [
    ('<a href="#" onclick="alert(1)">klik</a>', "contains the attribute onclick= on <a>; event handlers are not allowed"),
    ('<p style="color: red">Rode tekst.</p>', "contains a style= attribute on <p>; styling comes from the site"),
    ("[klik](javascript:alert(1))", "contains a link to 'javascript:alert(1)', read as 'javascript:'; only http(s), mailto and relative links are allowed"),
    ('<img src="vbscript:msgbox(1)" alt="x">', "contains a link to 'vbscript:msgbox(1)', read as 'vbscript:'; only http(s), mailto and relative links are allowed"),
])
def test_unsafe_markup_is_named_on_the_line_that_holds_it(line, message):
    assert problems(f"Een eerste alinea.\n\n{line}\n") == [f"{FILE}:{FIRST_LINE + 2}: body: {message}"]


def test_a_long_unsafe_link_is_quoted_by_its_first_60_characters():
    link = "javascript:" + "a" * 49 + "bcdefghij"  # 60 characters up to the j, 69 in all
    assert problems(f"Een alinea met een [link]({link}).\n")[0].endswith(
        f"contains a link to '{link[:60]}', read as 'javascript:'; only http(s), mailto and relative links are allowed")


def test_an_empty_self_closed_paragraph_before_a_heading_is_no_paragraph_of_text():
    assert problems("<p/>\n\n# Alleen een kop\n") == [
        f"{FILE}:{FIRST_LINE}: body: has no paragraph; write at least one paragraph of text, not only headings or lists"]


def test_an_unsafe_link_written_with_markdown_escapes_is_found_on_its_line_by_its_scheme():
    found = problems("Een alinea.\n\n[klik](data:a\\(b:c\\))\n")
    assert found == [f"{FILE}:{FIRST_LINE + 2}: body: contains a link to 'data:a(b:c)', read as 'data:'; only http(s), mailto and relative links are allowed"]


def test_every_unsafe_thing_in_a_story_is_reported():
    found = problems('Een alinea.\n\n<script>x</script>\n\n<div onclick="x" style="x">Tekst.</div>\n')
    assert [line.split(": body: ")[0] for line in found] == [f"{FILE}:{FIRST_LINE + 2}", f"{FILE}:{FIRST_LINE + 4}", f"{FILE}:{FIRST_LINE + 4}"]


def test_an_attribute_without_a_value_is_no_link():
    assert problems("Een alinea.\n\n<details open><summary>Meer</summary>Tekst.</details>\n") == []


@pytest.mark.parametrize("url, scheme", [
    ("https://example.org/a:b", "https"),
    ("MAILTO:iemand@example.org", "mailto"),
    ("JavaScript:alert(1)", "javascript"),
    (" java\tscript:alert(1)", "javascript"),
    ("java\nscript:alert(1)", "javascript"),
    ("java\x7fscript:alert(1)", "javascript"),
    ("data:text/html:x", "data"),
])
def test_the_scheme_of_a_url_is_read_as_a_browser_reads_it(url, scheme):
    assert body.url_scheme(url) == scheme


@pytest.mark.parametrize("url", ["images/foto:klein.png", "moestuin?tijd=10:00", "#deel:2", "/pad/a:b", "//example.org/a:b", "gewone-tekst"])
def test_a_colon_after_a_path_query_or_fragment_is_no_scheme(url):
    assert body.url_scheme(url) == ""


@pytest.mark.parametrize("url", ["a#b:c#d", "a?b:c?d", "a/b:c/d"])
def test_a_colon_after_the_first_slash_question_or_fragment_mark_is_no_scheme(url):
    assert body.url_scheme(url) == ""


def test_only_the_part_before_the_first_colon_is_the_scheme():
    assert body.url_scheme("javascript:alert(1):x") == "javascript"


@pytest.mark.parametrize("url", ["https://example.org", "http://example.org", "mailto:iemand@example.org", "../foto.png", "#kop"])
def test_web_mail_and_relative_links_are_safe(url):
    assert body.is_safe_url(url)


@pytest.mark.parametrize("url", ["javascript:alert(1)", "data:text/html,x", "file:///etc/passwd"])
def test_other_schemes_are_unsafe(url):
    assert not body.is_safe_url(url)


def test_text_without_markup_characters_or_fences_needs_no_rendering():
    assert not body.has_markup("Gewone tekst, met komma's en punten: niets meer.")


@pytest.mark.parametrize("text", ["```\ncode\n```", "~~~\ncode\n~~~", "a < b", "[x]", "{: .klasse }"])
def test_fences_and_markup_characters_need_rendering(text):
    assert body.has_markup(text)


@pytest.mark.parametrize("text", ["Een alinea.", "U leest een verhaal.", "Kop\n\nEen alinea."])
def test_a_line_starting_with_a_letter_is_a_plain_paragraph(text):
    assert body._has_plain_paragraph(text)


@pytest.mark.parametrize("text", ["Kop\n===", "Kop\n---", "# Kop", "1. Een punt", "    ingesprongen code"])
def test_a_heading_list_or_code_is_no_plain_paragraph(text):
    assert not body._has_plain_paragraph(text)


def test_the_site_markdown_follows_the_extensions_of_mkdocs_yml(tmp_path):
    (tmp_path / "mkdocs.yml").write_text("site_name: x\nmarkdown_extensions:\n  - toc:\n      permalink: true\n  - admonition\n", encoding="utf-8")
    assert body.site_markdown(tmp_path) == (["toc", "tables", "fenced_code", "admonition"], {"toc": {"permalink": True}})


def test_a_folder_without_mkdocs_yml_renders_with_the_built_in_extensions_only(tmp_path):
    assert body.site_markdown(tmp_path) == (["toc", "tables", "fenced_code"], {})


def test_mkdocs_yml_without_extensions_renders_with_the_built_in_extensions_only(tmp_path):
    (tmp_path / "mkdocs.yml").write_text("site_name: x\n", encoding="utf-8")
    assert body.site_markdown(tmp_path) == (["toc", "tables", "fenced_code"], {})


def test_stories_render_with_the_extensions_configured_last():
    body.configure(["admonition"])
    with_admonition = body.render(ADMONITION)
    body.configure(["toc"])
    assert 'class="admonition note"' in with_admonition and 'class="admonition' not in body.render(ADMONITION)


def test_stories_render_with_the_extension_settings_configured_last():
    body.configure(["toc"], {})
    plain = body.render("# Kop")
    body.configure(["toc"], {"toc": {"permalink": True}})
    assert "headerlink" not in plain and 'class="headerlink"' in body.render("# Kop")
