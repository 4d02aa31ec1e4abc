"""Minified copies of the project's own scripts and stylesheets in the built site.

The sources in overrides/assets stay readable; the built site serves them
minified (Material's own bundles already are). rjsmin and rcssmin only strip
comments and white space, so what runs is what was written.
"""

from __future__ import annotations

from pathlib import Path

import rcssmin
import rjsmin

MINIFIERS = {
    ".js": lambda text: rjsmin.jsmin(text, keep_bang_comments=True),
    ".css": lambda text: rcssmin.cssmin(text, keep_bang_comments=True),
}


def own_assets(theme_dir: Path) -> list[str]:
    """The scripts and stylesheets under `theme_dir`/assets, relative to `theme_dir`."""
    assets = theme_dir / "assets"
    return sorted(path.relative_to(theme_dir).as_posix() for path in assets.rglob("*")
                  if path.suffix in MINIFIERS and path.is_file())


def minify_in_place(site_dir: Path, relative_paths: list[str]) -> None:
    """Rewrite each built file at `site_dir`/path with its minified text."""
    for relative in relative_paths:
        path = site_dir / relative
        if path.is_file():
            path.write_text(MINIFIERS[path.suffix](path.read_text(encoding="utf-8")), encoding="utf-8")
