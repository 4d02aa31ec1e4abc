"""The case body: is there a story, and is its HTML harmless?

The body is rendered with Python-Markdown (what MkDocs uses) and the result is
read with the standard library's HTML parser, so Markdown links such as
`[x](javascript:...)` are caught as well as raw HTML. Allowed tags are those
the maintained sanitizer nh3 (ammonia) considers safe.
"""

from __future__ import annotations

import html
import html.parser

import markdown
import nh3
import yaml

from .i18n import _
from .model import Problem

BODY = "body"
# MkDocs always renders with these, before those mkdocs.yml lists.
BUILT_IN_EXTENSIONS = ["toc", "tables", "fenced_code"]
SAFE_TAGS = frozenset(nh3.ALLOWED_TAGS) | {"figure", "figcaption", "details", "summary"}
SAFE_SCHEMES = frozenset({"http", "https", "mailto"})
URL_ATTRIBUTES = frozenset({"href", "src", "cite", "action", "formaction", "srcset", "poster", "background", "data", "xlink:href"})
SAFE_ATTRIBUTES = {
    "*": {"class", "id", "title", "lang", "dir"},
    "a": {"href"},
    "img": {"src", "alt", "width", "height", "loading"},
    "td": {"colspan", "rowspan", "align"},
    "th": {"colspan", "rowspan", "align", "scope"},
    "ol": {"start"},
}


_MARKDOWN = markdown.Markdown(extensions=BUILT_IN_EXTENSIONS)
_CONFIGURED: tuple | None = None


def configure(extensions: list, configs: dict | None = None) -> None:
    """Render stories with exactly the site's Markdown extensions.

    The adapter passes MkDocs' own list (built-ins included); `check` reads
    `mkdocs.yml` (`site_markdown`). So raw HTML in any form the site would
    produce is judged on what the site renders, whatever extensions are added.
    """
    global _MARKDOWN, _CONFIGURED
    key = (tuple(extensions), repr(sorted((configs or {}).items())))
    if key != _CONFIGURED:
        _MARKDOWN = markdown.Markdown(extensions=list(extensions), extension_configs=configs or {})
        _CONFIGURED = key


class _TolerantLoader(yaml.SafeLoader):
    """Reads mkdocs.yml, whose !!python/name and !ENV tags a plain loader refuses."""


_TolerantLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def site_markdown(root) -> tuple[list, dict]:
    """The extensions (and their settings) the site renders with, from mkdocs.yml."""
    path = root / "mkdocs.yml"
    config = yaml.load(path.read_text(encoding="utf-8"), Loader=_TolerantLoader) if path.is_file() else {}
    names, configs = list(BUILT_IN_EXTENSIONS), {}
    for entry in (config or {}).get("markdown_extensions") or []:
        name, settings = next(iter(entry.items())) if isinstance(entry, dict) else (entry, None)
        if name not in names:
            names.append(name)
        if settings:
            configs[name] = settings
    return names, configs

# Characters without which Markdown can produce no tag, link or entity beyond
# plain paragraphs and headings: text free of them needs no rendering to check.
MARKUP_CHARACTERS = frozenset("<>&[]`{}\\")  # { }: attr_list can set attributes
FENCES = ("```", "~~~")


def render(body: str) -> str:
    _MARKDOWN.reset()
    return _MARKDOWN.convert(body)


def has_markup(text: str) -> bool:
    return not MARKUP_CHARACTERS.isdisjoint(text) or any(fence in text for fence in FENCES)


def _has_plain_paragraph(body: str) -> bool:
    """A line of running text that Markdown cannot read as anything else:
    it starts with a letter and is not underlined as a heading."""
    lines = body.split("\n") + [""]
    for line, after in zip(lines, lines[1:]):
        underline = bool(after.strip()) and set(after.strip()) <= {"=", "-"}
        if line[:1].isalpha() and not underline:
            return True
    return False


def url_scheme(url: str) -> str:
    """The scheme a browser reads: it drops spaces, tabs and newlines first."""
    cleaned = "".join(ch for ch in url if ch > " " and ch != "\x7f")
    before_path = cleaned.split("/", 1)[0].split("?", 1)[0].split("#", 1)[0]
    return before_path.split(":", 1)[0].lower() if ":" in before_path else ""


def is_safe_url(url: str) -> bool:
    """True for http(s), mailto and relative URLs, as a browser would read them."""
    scheme = url_scheme(url)
    return scheme == "" or scheme in SAFE_SCHEMES


_CLEANER = nh3.Cleaner(  # made once: set up per call, it took an eighth of each page's cleaning
    tags=set(SAFE_TAGS),
    attributes={tag: set(names) for tag, names in SAFE_ATTRIBUTES.items()},
    url_schemes=set(SAFE_SCHEMES),
    link_rel=None,
    strip_comments=True,
)


def sanitize(html_text: str) -> str:
    """Defence in depth for rendered case bodies: keep only harmless markup."""
    return _CLEANER.clean(html_text)


def check_body(body: str, rel: str, first_line: int) -> list[Problem]:
    """Problems with the story: missing, or holding unsafe HTML."""
    if not body.strip():
        return [Problem(rel, first_line, BODY, _("is empty; after the closing '---' write at least one paragraph about the case"))]
    if not has_markup(body) and _has_plain_paragraph(body):
        return []  # no tag, link or entity can come out of it, and it has a paragraph
    finder = _UnsafeFinder()
    finder.feed(render(body))
    finder.close()
    problems = [Problem(rel, _line_of(body, needle, first_line), BODY, message) for needle, message in finder.found]
    if not problems and not finder.paragraph_text:
        problems.append(Problem(rel, first_line, BODY, _("has no paragraph; write at least one paragraph of text, not only headings or lists")))
    return problems


class _UnsafeFinder(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, str]] = []
        self.paragraph_text = False
        self._in_paragraph = 0

    def handle_starttag(self, tag, attrs):
        if tag == "p":
            self._in_paragraph += 1
        if tag not in SAFE_TAGS:
            self.found.append((f"<{tag}", _("contains <{tag}>, which is not allowed; use Markdown text, links and images only").format(tag=tag)))
        for name, value in attrs:
            if name.startswith("on"):
                self.found.append((name, _("contains the attribute {name}= on <{tag}>; event handlers are not allowed").format(name=name, tag=tag)))
            elif name == "style":
                self.found.append((name, _("contains a style= attribute on <{tag}>; styling comes from the site").format(tag=tag)))
            elif name in URL_ATTRIBUTES and value is not None and not is_safe_url(value):
                self.found.append((value, _("contains a link to {link}, read as '{scheme}:'; only http(s), mailto and relative links are allowed").format(link=repr(value[:60]), scheme=url_scheme(value))))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag == "p":
            self._in_paragraph -= 1

    def handle_endtag(self, tag):
        if tag == "p" and self._in_paragraph:
            self._in_paragraph -= 1

    def handle_data(self, data):
        if self._in_paragraph and data.strip():
            self.paragraph_text = True


def _line_of(body: str, needle: str, first_line: int) -> int:
    """The file line where `needle` first appears in the body.

    Lines are compared as written and with entities decoded, since the
    parser reports `&#106;avascript:` as `javascript:`.
    """
    lowered = needle.lower()
    head = lowered.split(":", 1)[0][:10]
    lines = [(text.lower(), html.unescape(text).lower()) for text in body.split("\n")]
    for wanted in (lowered, head):
        for offset, forms in enumerate(lines):
            if wanted and any(wanted in form for form in forms):
                return first_line + offset
    return first_line

