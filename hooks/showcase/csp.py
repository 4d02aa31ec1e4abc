"""A Content-Security-Policy for every built page.

The theme ships a few small inline scripts (its scope, colour palette and tab
state). The policy allows exactly those, by hash, and scripts from the site
itself; the browser refuses every other inline script, every inline event
handler (`onclick=`) and every script from another host.
"""

from __future__ import annotations

import base64
import hashlib
from functools import lru_cache

POLICY = (
    ("default-src", "'self'"),
    # Pagefind, the site search, runs WebAssembly: 'wasm-unsafe-eval' allows
    # compiling it and nothing else (no eval of strings).
    ("script-src", "'self' 'wasm-unsafe-eval'"),
    ("style-src", "'self' 'unsafe-inline'"),
    ("img-src", "'self' data:"),
    ("font-src", "'self'"),
    ("connect-src", "'self'"),
    ("object-src", "'none'"),
    ("base-uri", "'self'"),
    ("form-action", "'self'"),
)
DATA_TYPES = ("application/json", "application/ld+json")


def inline_scripts(page: str) -> list[str]:
    """The text of every inline script the browser would run.

    A plain scan for `<script` suffices: it runs over the theme's and our own
    template output, in which content can never open a tag (it is escaped).
    """
    found = []
    start = page.find("<script")
    while start >= 0:
        tag_end = page.find(">", start)
        close = page.find("</script>", tag_end)
        if tag_end < 0 or close < 0:
            break
        attributes = page[start + len("<script") : tag_end]
        if "src=" not in attributes and not any(kind in attributes for kind in DATA_TYPES):
            found.append(page[tag_end + 1 : close])
        start = page.find("<script", close)
    return found


@lru_cache(maxsize=256)  # the same few scripts are on every page
def script_hash(script: str) -> str:
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def policy_for(page: str) -> str:
    hashes = sorted({script_hash(script) for script in inline_scripts(page)})
    parts = []
    for name, value in POLICY:
        if name == "script-src" and hashes:
            value = " ".join([value, *hashes])
        parts.append(f"{name} {value}")
    return "; ".join(parts)


def with_policy(page: str) -> str:
    """The page with its policy as the first element of <head>, before any script."""
    head = page.find("<head>")
    if head < 0:
        return page
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy_for(page)}">'
    cut = head + len("<head>")
    return page[:cut] + meta + page[cut:]
