"""The rule for a case's `image`: a readable image file inside cases/images/."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Iterator

from PIL import Image, UnidentifiedImageError

from .fields import IMAGE_SUFFIXES, MAX_IMAGE_KB
from .i18n import _
from .model import Problem
from .values import describe

if TYPE_CHECKING:
    from .validate import Draft

MAX_IMAGE_BYTES = MAX_IMAGE_KB * 1024


def check_image(draft: "Draft") -> Iterator[Problem]:
    if not draft.has("image"):
        return
    value = draft.data["image"]
    allowed = _("a path such as images/naam.jpg to a file in cases/images/")
    if not isinstance(value, str) or not value.strip():
        yield draft.problem("image", _("must be {allowed}, not {value}").format(allowed=allowed, value=describe(value)))
        return
    images = (draft.root / "cases" / "images").resolve()
    relative = Path(value)
    if relative.is_absolute() or ".." in relative.parts or relative.parts[:1] != ("images",) or len(relative.parts) < 2:
        yield draft.problem("image", _("{value} is outside cases/images/; use {allowed}").format(value=repr(value), allowed=allowed))
        return
    target = draft.root / "cases" / relative
    if target.suffix.lower() not in IMAGE_SUFFIXES:
        yield draft.problem("image", _("{value} is not a supported image; use {allowed}").format(value=repr(value), allowed=", ".join(IMAGE_SUFFIXES)))
    elif _passes_symlink(draft.root / "cases", relative):
        yield draft.problem("image", _("{value} is a symbolic link; put the image file itself in cases/images/").format(value=repr(value)))
    elif not target.is_file():
        yield draft.problem("image", _("{value} does not exist; add the file to cases/images/ or fix the name").format(value=repr(value)))
    elif images not in target.resolve().parents:
        yield draft.problem("image", _("{value} is outside cases/images/; use {allowed}").format(value=repr(value), allowed=allowed))
    elif target.stat().st_size > MAX_IMAGE_BYTES:
        yield draft.problem("image", _("{value} is {size} kB; an image may be at most {limit} kB (1 MB)").format(value=repr(value), size=target.stat().st_size // 1024, limit=MAX_IMAGE_KB))
    elif (error := _unreadable_image(target)) is not None:
        yield draft.problem("image", _("{value} is not a readable image ({error}); save it again as JPEG, PNG or WebP").format(value=repr(value), error=error))


def _unreadable_image(path: Path) -> str | None:
    """Why Pillow cannot read the file as an image, or None if it can."""
    try:
        with Image.open(path) as image:
            image.verify()
    except UnidentifiedImageError:
        return _("not a format Pillow knows")
    except Exception as error:  # Pillow raises many kinds for damaged files
        return str(error) or type(error).__name__
    return None


def _passes_symlink(base: Path, relative: Path) -> bool:
    path = base
    for part in relative.parts:
        path = path / part
        if path.is_symlink():
            return True
    return False
