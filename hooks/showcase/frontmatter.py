"""Read a case file and parse its YAML front matter, keeping line numbers.

PyYAML's `safe_load` forgets where a value came from, keeps the last of two
equal keys and expands aliases. Here the document is composed into nodes, so
every value keeps its line, and anything a case has no use for (aliases,
anchors, custom tags, duplicate keys, deep nesting) is refused instead of
interpreted.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .i18n import _
from .model import Problem

MAX_FILE_BYTES = 200 * 1024
FRONT_MATTER = "front matter"

# Tags a plain YAML document resolves to on its own; anything else was asked
# for explicitly (`!!python/object`, `!include`) and has no place in a case.
_PLAIN_TAGS = {
    f"tag:yaml.org,2002:{name}"
    for name in ("str", "int", "float", "bool", "null", "timestamp", "seq", "map")
}

@dataclass
class Document:
    """Parsed YAML data and the file line of every key path in it."""

    data: Any
    lines: dict[tuple, int] = field(default_factory=dict)

    def line(self, *path: Any) -> int:
        """The line of `path`, or of its nearest parent that has one."""
        while path and path not in self.lines:
            path = path[:-1]
        return self.lines.get(path, 1)


@dataclass
class SourceFile:
    """A case file split into its front matter and its body."""

    front_matter: str
    front_matter_line: int  # file line of the first front-matter line
    body: str
    body_line: int  # file line of the first body line


MAX_DEPTH = 20  # a case needs three levels (partners -> item -> key)

# libyaml (PyYAML's C loader) when present: about twenty times faster.
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _refusal(text: str) -> tuple[yaml.Mark, str] | None:
    """The first thing a case may not use, found in the event stream before
    any node is built: aliases and anchors (a "billion laughs" document is
    refused here, unexpanded) and nesting deeper than any case needs."""
    depth = 0
    for event in yaml.parse(text, Loader=_Loader):
        if isinstance(event, yaml.AliasEvent):
            return event.start_mark, _("YAML aliases (*name) are not allowed; write the value out")
        if getattr(event, "anchor", None):
            return event.start_mark, _("YAML anchors (&name) are not allowed; write the value out")
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                return event.start_mark, _("is nested too deeply to be a case")
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1
    return None


def _cannot_refuse(text: str) -> bool:
    """True when `_refusal` has nothing to find, told without parsing: no `&`
    or `*` (every anchor and alias has one) and too little indentation and
    too few brackets to nest past MAX_DEPTH. Block collections nest at most
    two levels per column of indentation (a list may sit at its key's
    column, its items' keys one further), flow collections one per bracket."""
    if "&" in text or "*" in text:
        return False
    # `- `, `? ` and `: ` at a line's start open collections on that line too.
    lead = max((len(line) - len(line.lstrip(" -?:")) for line in text.split("\n")), default=0)
    return 2 * lead + 2 + text.count("[") + text.count("{") <= MAX_DEPTH


def read_text(path: Path, rel: str) -> tuple[str | None, list[Problem]]:
    """The file's text, or problems if it is too big, binary or not UTF-8."""
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        return None, [Problem(rel, 1, "file", _("is {size} kB; a case file may be at most {limit} kB").format(size=size // 1024, limit=MAX_FILE_BYTES // 1024))]
    raw = path.read_bytes()
    if b"\x00" in raw:
        return None, [Problem(rel, 1, "file", _("is a binary file; a case is a UTF-8 text file in Markdown"))]
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        return None, [Problem(rel, line, "file", _("is not valid UTF-8; save the file with UTF-8 encoding"))]
    return text.replace("\r\n", "\n").replace("\r", "\n"), []


def split(text: str, rel: str) -> tuple[SourceFile | None, list[Problem]]:
    """Separate the front matter (between two `---` lines) from the body."""
    lines = text.split("\n")
    if not lines or lines[0].rstrip() != "---":
        return None, [Problem(rel, 1, FRONT_MATTER, _("is missing; a case starts with a line '---', its keys, and another line '---'"))]
    for index in range(1, len(lines)):
        if lines[index].rstrip() in ("---", "..."):
            return SourceFile(
                front_matter="\n".join(lines[1:index]),
                front_matter_line=2,
                body="\n".join(lines[index + 1 :]),
                body_line=index + 2,
            ), []
    return None, [Problem(rel, 1, FRONT_MATTER, _("is not closed; end the keys with a line '---' before the story"))]


def parse_yaml(text: str, rel: str, first_line: int = 1) -> tuple[Document | None, list[Problem]]:
    """Parse one YAML document, strictly, into data with line numbers."""
    loader = _Loader(text)
    try:
        refusal = None if _cannot_refuse(text) else _refusal(text)  # most cases: half the parsing
        if refusal is not None:
            mark, message = refusal
            return None, [Problem(rel, mark.line + first_line, FRONT_MATTER, message)]
        node = loader.get_single_node()
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + first_line if mark else first_line
        return None, [Problem(rel, line, FRONT_MATTER, _("is not valid YAML ({error}); check indentation, colons and quotes").format(error=error.problem or error.context))]
    except yaml.YAMLError as error:
        return None, [Problem(rel, first_line, FRONT_MATTER, _("is not valid YAML ({error})").format(error=error))]
    finally:
        loader.dispose()
    if node is None:
        return Document(None, {(): first_line}), []
    builder = _Builder(loader, rel, first_line)
    return Document(builder.build(node, ()), builder.lines), builder.problems


class _Builder:
    """Turns composed nodes into Python values, noting lines and problems."""

    def __init__(self, loader: yaml.SafeLoader, rel: str, first_line: int):
        self.loader = loader
        self.rel = rel
        self.first_line = first_line
        self.lines: dict[tuple, int] = {}
        self.problems: list[Problem] = []

    def build(self, node: yaml.Node, path: tuple) -> Any:
        line = node.start_mark.line + self.first_line
        self.lines.setdefault(path, line)
        key = key_name(path)
        if node.tag not in _PLAIN_TAGS:
            self.problems.append(Problem(self.rel, line, key, _("uses the YAML tag {tag}; tags are not allowed, write a plain value").format(tag=repr(node.tag))))
            return None
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, path)
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, path + (index,)) for index, item in enumerate(node.value)]
        try:
            return self.loader.construct_object(node, deep=True)
        except (yaml.YAMLError, ValueError, OverflowError, KeyError, AttributeError, TypeError):
            # PyYAML's constructors fail with KeyError or AttributeError on a
            # value its own tags cannot build (`!!bool ja`, `!!timestamp x`).
            self.problems.append(Problem(self.rel, line, key, _("cannot be read: {value} is not a valid value here").format(value=repr(node.value))))
            return None

    def _mapping(self, node: yaml.MappingNode, path: tuple) -> dict:
        result: dict = {}
        for key_node, value_node in node.value:
            line = key_node.start_mark.line + self.first_line
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag not in _PLAIN_TAGS:
                self.problems.append(Problem(self.rel, line, key_name(path), _("has a key that is not a plain name")))
                continue
            name = str(key_node.value)
            if name in result:
                first = self.lines[path + (name,)]
                self.problems.append(Problem(self.rel, line, key_name(path + (name,)), _("appears twice (also on line {line}); keep one").format(line=first)))
                continue
            self.lines[path + (name,)] = line
            result[name] = self.build(value_node, path + (name,))
        return result


def key_name(path: tuple) -> str:
    """`("partners", 0, "role")` becomes `partners[1].role` (counting from 1).

    An item of a plain list is named by its list: `("domain", 1)` is `domain`,
    since the line number already points at the item.
    """
    if not path:
        return FRONT_MATTER
    while isinstance(path[-1], int) and len(path) > 1:
        path = path[:-1]
    name = str(path[0]) or "''"
    for part in path[1:]:
        name += f"[{part + 1}]" if isinstance(part, int) else f".{part or repr('')}"
    return name

