"""Reading case files: encodings, line ends, and YAML that is refused."""

from __future__ import annotations

import time

from helpers import case_text, check_text, messages
from showcase.frontmatter import parse_yaml


def test_utf8_with_byte_order_mark_is_read(tmp_path):
    case, problems = check_text(tmp_path, "\ufeff".encode() + case_text().encode("utf-8"))
    assert problems == [] and case.title == "Buurtmoestuin De Kiem"


def test_windows_line_ends_are_read(tmp_path):
    case, problems = check_text(tmp_path, case_text().replace("\n", "\r\n").encode("utf-8"))
    assert problems == [] and case.body.strip() == "Een verhaal over de moestuin, in één alinea."


def test_file_that_is_not_utf8_is_refused(tmp_path):
    found = messages(tmp_path, case_text(title="Coöperatie Zonnedak").encode("latin-1"))
    assert found == ["cases/buurtmoestuin.md:2: file: is not valid UTF-8; save the file with UTF-8 encoding"]


def test_binary_file_is_refused(tmp_path):
    assert "file: is a binary file" in messages(tmp_path, b"\x89PNG\r\n\x1a\n\x00\x00")[0]


def test_file_over_200_kilobytes_is_refused(tmp_path):
    found = messages(tmp_path, case_text(body="Tekst. " * 40000))
    assert "file: is 273 kB; a case file may be at most 200 kB" in found[0]


def test_duplicate_key_is_refused_with_both_lines(tmp_path):
    text = case_text() + ""
    text = text.replace("added: '2026-11-01'\n", "added: '2026-11-01'\ntitle: Nog een titel\n")
    found = messages(tmp_path, text)
    assert any(":15: title: appears twice (also on line 2); keep one" in m for m in found)


def test_yaml_alias_is_refused(tmp_path):
    text = "---\ntitle: &naam Buurtmoestuin\nsummary: *naam\n---\nTekst.\n"
    assert messages(tmp_path, text) == ["cases/buurtmoestuin.md:2: front matter: YAML anchors (&name) are not allowed; write the value out"]


def test_billion_laughs_fails_fast_without_expanding():
    lines = ["a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    lines += [f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]" for i in range(9)]
    started = time.perf_counter()
    document, problems = parse_yaml("\n".join(lines), "cases/x.md")
    assert document is None
    assert "anchors" in problems[0].message
    assert time.perf_counter() - started < 1


def test_python_object_tag_is_refused(tmp_path):
    text = case_text().replace("title: Buurtmoestuin De Kiem", "title: !!python/object/apply:os.system ['echo hi']")
    found = messages(tmp_path, text)
    assert any(":2: title: uses the YAML tag 'tag:yaml.org,2002:python/object/apply:os.system'; tags are not allowed" in m for m in found)


def test_custom_tag_is_refused(tmp_path):
    text = case_text().replace("title: Buurtmoestuin De Kiem", "title: !include geheim.txt")
    assert any("title: uses the YAML tag '!include'" in m for m in messages(tmp_path, text))


def test_front_matter_that_is_a_list_is_refused(tmp_path):
    assert "front matter: is not a list of keys" in messages(tmp_path, "---\n- a\n- b\n---\nTekst.\n")[0]


def test_empty_front_matter_is_refused(tmp_path):
    assert "front matter: is empty" in messages(tmp_path, "---\n---\nTekst.\n")[0]


def test_deeply_nested_yaml_is_refused_without_crashing(tmp_path):
    text = "---\ntitle: " + "[" * 5000 + "]" * 5000 + "\n---\nTekst.\n"
    found = messages(tmp_path, text)
    assert found and found[0].startswith("cases/buurtmoestuin.md:")
