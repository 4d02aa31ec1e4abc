"""Reading and splitting a case file, and its YAML with a line for every value (showcase.frontmatter)."""

from __future__ import annotations

import datetime

import pytest

from showcase.frontmatter import MAX_DEPTH, MAX_FILE_BYTES, Document, SourceFile, key_name, parse_yaml, read_text, split
from showcase.model import Problem

REL = "cases/buurtmoestuin.md"


def read(tmp_path, raw: bytes):
    path = tmp_path / "buurtmoestuin.md"
    path.write_bytes(raw)
    return read_text(path, REL)


def refusals(text: str, first_line: int = 1) -> list[str]:
    document, problems = parse_yaml(text, REL, first_line)
    return [str(problem) for problem in problems]


# --- the file --------------------------------------------------------------

def test_a_file_of_200_kilobytes_is_read(tmp_path):
    assert read(tmp_path, b"a" * MAX_FILE_BYTES) == ("a" * MAX_FILE_BYTES, [])


def test_a_file_of_200_kilobytes_and_1_byte_is_refused_with_its_size(tmp_path):
    assert read(tmp_path, b"a" * (MAX_FILE_BYTES + 1)) == (None, [Problem(REL, 1, "file", "is 200 kB; a case file may be at most 200 kB")])


def test_a_file_holding_a_zero_byte_is_refused_as_binary(tmp_path):
    assert read(tmp_path, b"---\ntitle: a\x00b\n") == (None, [Problem(REL, 1, "file", "is a binary file; a case is a UTF-8 text file in Markdown")])


def test_a_file_that_is_not_utf8_is_refused_on_the_line_of_the_first_wrong_byte(tmp_path):
    assert read(tmp_path, b"---\ntitle: a\nsummary: Co\xf6peratie\n") == (None, [Problem(REL, 3, "file", "is not valid UTF-8; save the file with UTF-8 encoding")])


@pytest.mark.parametrize("raw", [b"\xef\xbb\xbfa\r\nb\rc\n", b"a\nb\nc\n"])
def test_a_byte_order_mark_is_dropped_and_every_line_end_becomes_a_newline(tmp_path, raw):
    assert read(tmp_path, raw) == ("a\nb\nc\n", [])


# --- front matter and body -------------------------------------------------

def test_the_front_matter_lies_between_two_dashed_lines_and_the_body_after(tmp_path):
    assert split("---\ntitle: a\nsummary: b\n---\nTekst.\n", REL) == (SourceFile("title: a\nsummary: b", 2, "Tekst.\n", 5), [])


@pytest.mark.parametrize("text", ["---  \ntitle: a\n--- \nTekst.", "---\ntitle: a\n...\nTekst."])
def test_the_dashed_lines_may_end_in_spaces_and_the_closing_one_may_be_dots(text):
    assert split(text, REL) == (SourceFile("title: a", 2, "Tekst.", 4), [])


def test_an_empty_front_matter_is_split_off_too():
    assert split("---\n---\n", REL) == (SourceFile("", 2, "", 3), [])


@pytest.mark.parametrize("text", ["title: a\n---\nTekst.\n", "", " ---\ntitle: a\n---\n"])
def test_a_file_that_does_not_start_with_a_dashed_line_has_no_front_matter(text):
    assert split(text, REL) == (None, [Problem(REL, 1, "front matter", "is missing; a case starts with a line '---', its keys, and another line '---'")])


def test_a_front_matter_without_a_closing_line_is_refused():
    assert split("---\ntitle: a\nTekst.\n", REL) == (None, [Problem(REL, 1, "front matter", "is not closed; end the keys with a line '---' before the story")])


# --- YAML with lines -------------------------------------------------------

def test_every_key_and_item_keeps_its_file_line():
    document, problems = parse_yaml("title: a\ndomain:\n- energie\n- klimaat\nsources:\n- title: b\n  url: c\n", REL, 2)
    assert problems == [] and document.data == {"title": "a", "domain": ["energie", "klimaat"], "sources": [{"title": "b", "url": "c"}]}
    assert {path: document.line(*path) for path in [(), ("title",), ("domain", 0), ("domain", 1), ("sources", 0, "title"), ("sources", 0, "url")]} == {
        (): 2, ("title",): 2, ("domain", 0): 4, ("domain", 1): 5, ("sources", 0, "title"): 7, ("sources", 0, "url"): 8}


def test_a_path_without_a_line_of_its_own_has_the_line_of_its_nearest_parent():
    document, _ = parse_yaml("title: a\nsources:\n- title: b\n", REL, 2)
    assert (document.line("sources", 0, "url"), document.line("website"), document.line("sources", 5)) == (4, 1 + 1, 3)


def test_a_document_without_lines_places_everything_on_line_1():
    assert Document({}).line("title") == 1


def test_plain_values_are_read_as_yaml_reads_them():
    document, problems = parse_yaml("a: 2026-11-01\nb: 12\nc: 1.5\nd: true\ne: null\nf: tekst\n", REL)
    assert problems == [] and document.data == {"a": datetime.date(2026, 11, 1), "b": 12, "c": 1.5, "d": True, "e": None, "f": "tekst"}


def test_an_empty_document_is_no_data_on_its_first_line():
    document, problems = parse_yaml("", REL, 2)
    assert (document.data, document.line(), problems) == (None, 2, [])


def test_a_key_written_twice_is_refused_with_both_lines_and_the_first_kept():
    document, problems = parse_yaml("title: a\nsummary: b\ntitle: c\n", REL, 2)
    assert [str(p) for p in problems] == [f"{REL}:4: title: appears twice (also on line 2); keep one"]
    assert document.data == {"title": "a", "summary": "b"}


def test_a_key_written_twice_inside_an_item_is_named_by_its_item():
    assert refusals("sources:\n- title: a\n  title: b\n", 2) == [f"{REL}:4: sources[1].title: appears twice (also on line 3); keep one"]


@pytest.mark.parametrize("text", ["[a, b]: x\n", "? {a: b}\n: x\n", "!!python/name:os.system x: y\n"])
def test_a_key_that_is_not_a_plain_name_is_refused(text):
    assert refusals(text, 2) == [f"{REL}:2: front matter: has a key that is not a plain name"]


def test_a_key_that_is_not_a_plain_name_inside_an_item_is_named_by_its_list():
    assert refusals("partners:\n- [a]: b\n", 2) == [f"{REL}:3: partners: has a key that is not a plain name"]


def test_a_tag_is_refused_on_its_line_and_the_value_dropped():
    document, problems = parse_yaml("title: a\nsummary: !!binary aGFsbG8=\n", REL, 2)
    assert [str(p) for p in problems] == [f"{REL}:3: summary: uses the YAML tag 'tag:yaml.org,2002:binary'; tags are not allowed, write a plain value"]
    assert document.data == {"title": "a", "summary": None}


@pytest.mark.parametrize("tag", ["!!str", "!!int", "!!float", "!!bool", "!!null", "!!timestamp"])
def test_the_tags_yaml_resolves_on_its_own_may_be_written(tag):
    value = {"!!str": "1", "!!int": "1", "!!float": "1.5", "!!bool": "true", "!!null": "", "!!timestamp": "2026-01-01"}[tag]
    assert refusals(f"a: {tag} {value}\n") == []


def test_sequences_and_maps_may_be_tagged_as_what_they_are():
    assert refusals("a: !!seq [1]\nb: !!map {c: 1}\n") == []


def test_a_value_yaml_cannot_build_is_refused_on_its_line():
    document, problems = parse_yaml("title: a\nadded: 2026-13-45\n", REL, 2)
    assert [str(p) for p in problems] == [f"{REL}:3: added: cannot be read: '2026-13-45' is not a valid value here"]
    assert document.data == {"title": "a", "added": None}


def test_an_alias_is_refused_on_its_line():
    assert refusals("a: x\nb: *naam\n", 2) == [f"{REL}:3: front matter: YAML aliases (*name) are not allowed; write the value out"]


def test_an_anchor_on_a_list_is_refused_on_its_line():
    assert refusals("a: x\nb: &lijst [1, 2]\n", 2) == [f"{REL}:3: front matter: YAML anchors (&name) are not allowed; write the value out"]


def nested(depth: int) -> str:
    return "a: " + "[" * (depth - 1) + "]" * (depth - 1) + "\n"


def test_yaml_nested_as_deep_as_the_limit_is_read():
    assert refusals(nested(MAX_DEPTH)) == []


def test_yaml_nested_one_level_deeper_than_the_limit_is_refused_on_its_line():
    assert refusals("b: 1\n" + nested(MAX_DEPTH + 1), 2) == [f"{REL}:3: front matter: is nested too deeply to be a case"]


def indented(depth: int) -> str:
    """Mappings nested `depth` deep by indentation alone, no brackets."""
    return "".join(" " * (2 * level) + f"k{level}:\n" for level in range(depth - 1)) + " " * (2 * (depth - 1)) + "k: 1\n"


def listed(depth: int) -> str:
    """Lists and mappings nested `depth` deep, each list at its key's column."""
    lines, column = [], 0
    for level in range(0, depth - 1, 2):
        lines.append(" " * column + f"k{level}:")
        lines.append(" " * column + "- x: 1")
        column += 2
    return "\n".join(lines) + "\n"


def test_yaml_indented_as_deep_as_the_limit_is_read():
    assert refusals(indented(MAX_DEPTH)) == []


def test_yaml_indented_one_level_deeper_than_the_limit_is_refused():
    assert refusals(indented(MAX_DEPTH + 1)) == [f"{REL}:{MAX_DEPTH + 1}: front matter: is nested too deeply to be a case"]


def test_lists_at_their_keys_column_count_towards_the_depth():
    assert refusals(listed(MAX_DEPTH + 2)) != []


def test_lists_opened_on_one_line_count_towards_the_depth():
    assert refusals("a:\n" + "? " + "- " * MAX_DEPTH + "x\n: 1\n") != []


def test_closed_collections_do_not_count_towards_the_depth():
    assert refusals("".join(f"k{i}: [[1]]\n" for i in range(MAX_DEPTH + 1))) == []


def test_yaml_nested_too_deeply_after_a_closed_sibling_is_refused():
    assert refusals("a: [[1]]\n" + nested(MAX_DEPTH + 1).replace("a:", "b:")) == [f"{REL}:2: front matter: is nested too deeply to be a case"]


def test_a_control_character_is_refused_as_yaml_on_the_first_line():
    assert refusals("title: a\nsummary: b\x07\n", 2) == [
        f"{REL}:2: front matter: is not valid YAML (unacceptable character #x0007: control characters are not allowed\n"
        '  in "<unicode string>", position 19)']


def test_the_keys_after_a_key_written_twice_are_still_read():
    document, _ = parse_yaml("title: a\ntitle: b\nsummary: c\n", REL)
    assert document.data == {"title": "a", "summary": "c"}


def test_the_keys_after_a_key_that_is_not_a_plain_name_are_still_read():
    document, _ = parse_yaml("[a]: x\nsummary: c\n", REL)
    assert document.data == {"summary": "c"}


def test_broken_yaml_is_refused_on_the_line_of_the_problem_with_its_reason():
    assert refusals("title: a\nsummary: [b\nadded: c\n", 2) == [
        f"{REL}:4: front matter: is not valid YAML (did not find expected ',' or ']'); check indentation, colons and quotes"]


def test_broken_yaml_without_a_problem_mark_is_refused_on_its_context_line():
    found = refusals("a: 'b\n", 2)
    assert len(found) == 1 and found[0].startswith(f"{REL}:3: front matter: is not valid YAML (")


def test_two_documents_are_refused():
    found = refusals("a: 1\n---\nb: 2\n", 2)
    assert found == [f"{REL}:3: front matter: is not valid YAML (but found another document); check indentation, colons and quotes"]


# --- key names -------------------------------------------------------------

@pytest.mark.parametrize("path, name", [
    ((), "front matter"), (("title",), "title"), (("domain", 1), "domain"), (("partners", 0, "role"), "partners[1].role"),
    (("partners", 2), "partners"), (("sources", 0, "url", 1), "sources[1].url"), (("", ), "''"), (("a", ""), "a.''"),
    ((3,), "3"), (("a", 0, 1, "b"), "a[1][2].b"),
])
def test_a_key_path_is_named_as_a_contributor_writes_it(path, name):
    assert key_name(path) == name
