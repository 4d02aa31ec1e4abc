"""The parts of a page that are the same on many pages, rendered once.

Material renders the whole navigation (the sidebar and the tabs), the header's
tools, the footer and the site's configuration, styles and scripts into every
page. On a page that is not in the navigation (every case, place and listing
page: 13,000 of 13,200 at 10,000 cases) nothing in them is marked active, so
their HTML depends only on the addresses they link to as seen from that page.
Those are the same for all pages in one folder, as long as none of the links
points into the page itself. So `shared_part` renders each part once per
folder and navigation (the nav's addresses as seen from the page) and hands
out the same HTML after that. A page in the navigation marks its own
entries, and a page the parts link to (the search page) sees "./" where the
others see its address: both are rendered as usual.
"""

from __future__ import annotations

import posixpath

import jinja2


class SharedParts:
    """One build's rendered parts; made in on_env, so nothing outlives a build."""

    def __init__(self, url_filter, linked_pages: frozenset[str] = frozenset()):
        self._url = url_filter
        self._linked = linked_pages  # page addresses the parts link to
        self._nav = None
        self._pages: list = []
        self._in_nav: set[int] = set()
        self._html: dict[tuple, str] = {}
        self._place: tuple = (None, None)  # (page, where it sees the parts from)

    def render(self, context, name: str, caller) -> str:
        where = self._where(context)
        if where is None:
            return caller()
        key = (name, where)
        if key not in self._html:
            self._html[key] = caller()
        return self._html[key]

    def _where(self, context) -> tuple | None:
        """The page's folder and the nav's addresses from it; None for a page
        that must be rendered on its own."""
        page, nav = context.get("page"), context.get("nav")
        if nav is not self._nav:
            self._nav, self._pages = nav, list(nav.pages) if nav is not None else []
            self._in_nav = {id(item) for item in self._pages}
            self._html.clear()
        if page is None or id(page) in self._in_nav or page.url in self._linked:
            return None
        if self._place[0] is not page:
            folder = posixpath.dirname(page.url.rstrip("/"))
            self._place = (page, (folder, *(self._url(context, item.url) for item in self._pages)))
        return self._place[1]


def material_loader(theme_dirs: list[str], custom_dir: str | None) -> jinja2.BaseLoader:
    """Material's own templates under the prefix `material/`, so that an
    override can wrap the template it replaces."""
    own = [path for path in theme_dirs if path != custom_dir]
    return jinja2.PrefixLoader({"material": jinja2.FileSystemLoader(own)})


def install(env: jinja2.Environment, theme_dirs: list[str], custom_dir: str | None,
            linked_pages: frozenset[str] = frozenset()) -> None:
    parts = SharedParts(env.filters["url"], linked_pages)
    env.loader = jinja2.ChoiceLoader([env.loader, material_loader(theme_dirs, custom_dir)])
    env.globals["shared_part"] = jinja2.pass_context(lambda context, name, caller: parts.render(context, name, caller))
