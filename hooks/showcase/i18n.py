"""Messages in the contributor's language: Dutch by default, English on request.

Every message a contributor or reader sees is written in English in the code as
`_("... {name} ...").format(name=...)`, extracted by Babel into
`locale/showcase.pot` and translated in `locale/nl/LC_MESSAGES/showcase.po`
(`scripts/messages` extracts and updates). The Dutch catalogue is compiled by
Babel when first needed, so no compiled file has to be kept in step.

English is chosen with `--lang en` on the command line or the usual locale
variables (`LANGUAGE`, `LC_ALL`, `LC_MESSAGES`, `LANG`: the first one set wins,
and a value starting with `en` means English). Keys and values (`domain`,
`mobiliteit`) are never translated: they are what a contributor types.
"""

from __future__ import annotations

import gettext
import io
import os
from functools import lru_cache
from pathlib import Path

LOCALE = Path(__file__).with_name("locale")
DOMAIN = "showcase"
DEFAULT = "nl"
LANGUAGES = ("nl", "en")
_chosen: str | None = None


def language() -> str:
    """The language messages are written in now."""
    if _chosen:
        return _chosen
    for variable in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(variable, "").strip()
        if value:
            return "en" if value.lower().startswith("en") else DEFAULT
    return DEFAULT


def set_language(code: str | None) -> None:
    """Choose the language for this process (None: from the environment again)."""
    global _chosen
    if code is not None and code not in LANGUAGES:
        raise ValueError(f"unknown language {code!r}; choose one of {', '.join(LANGUAGES)}")
    _chosen = code


@lru_cache(maxsize=4)
def translations(code: str) -> gettext.NullTranslations:
    if code == "en":
        return gettext.NullTranslations()
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with (LOCALE / code / "LC_MESSAGES" / f"{DOMAIN}.po").open("rb") as po:
        catalogue = read_po(po, locale=code)
    compiled = io.BytesIO()
    write_mo(compiled, catalogue)
    compiled.seek(0)
    return gettext.GNUTranslations(compiled)


def _(message: str) -> str:
    """`message` in the current language."""
    return translations(language()).gettext(message)


def ngettext(singular: str, plural: str, count: int) -> str:
    return translations(language()).ngettext(singular, plural, count)
