"""The navigation, rendered once for all the pages that see it alike.

Material renders the whole navigation (the sidebar and the tabs) into every
page. For a page that is not in the navigation (every case, place and
listing page: 13,000 of 13,200 at 10,000 cases) nothing in it is marked
active, so its HTML depends only on the addresses of the navigation's pages
as seen from that page. `shared_part` renders each part once per set of
those addresses and hands out the same HTML after that; a page in the
navigation marks its own entries and is rendered as usual.
"""

from __future__ import annotations

import jinja2


class SharedParts:
    """One build's rendered parts; made in on_env, so nothing outlives a build."""

    def __init__(self, url_filter):
        self._url = url_filter
        self._nav = None
        self._pages: list = []
        self._in_nav: set[int] = set()
        self._html: dict[tuple, str] = {}

    def render(self, context, name: str, caller) -> str:
        page, nav = context.get("page"), context.get("nav")
        if nav is not self._nav:
            self._nav, self._pages = nav, list(nav.pages) if nav is not None else []
            self._in_nav = {id(item) for item in self._pages}
            self._html.clear()
        if page is None or id(page) in self._in_nav:
            return caller()
        key = (name, *(self._url(context, item.url) for item in self._pages))
        if key not in self._html:
            self._html[key] = caller()
        return self._html[key]


def material_loader(theme_dirs: list[str], custom_dir: str | None) -> jinja2.BaseLoader:
    """Material's own templates under the prefix `material/`, so that an
    override can wrap the template it replaces."""
    own = [path for path in theme_dirs if path != custom_dir]
    return jinja2.PrefixLoader({"material": jinja2.FileSystemLoader(own)})


def install(env: jinja2.Environment, theme_dirs: list[str], custom_dir: str | None) -> None:
    parts = SharedParts(env.filters["url"])
    env.loader = jinja2.ChoiceLoader([env.loader, material_loader(theme_dirs, custom_dir)])
    env.globals["shared_part"] = jinja2.pass_context(lambda context, name, caller: parts.render(context, name, caller))
