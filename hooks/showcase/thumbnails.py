"""Case images as published: their size, and a small cover-cropped copy for cards.

A thumbnail is named and cached by the hash of its image and of the settings
below, so a rebuild resizes only images that changed, and a changed image
gets a new address that no browser has cached.
"""

from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass, field
from pathlib import Path

from PIL import Image, ImageOps

from . import addresses

THUMBNAIL_SIZE = (480, 270)
QUALITY = 80
SETTINGS = f"{THUMBNAIL_SIZE} webp q{QUALITY}".encode()
CACHE = Path(".cache") / "showcase" / "thumbnails"  # below the project root
ROTATED = (5, 6, 7, 8)  # EXIF orientations that swap width and height
EXIF_ORIENTATION = 0x0112


@dataclass(frozen=True)
class Picture:
    """A case image: its address and size, and its thumbnail's address and bytes."""

    url: str
    width: int
    height: int
    thumbnail_url: str
    thumbnail: bytes = field(repr=False)


def displayed_size(path: Path) -> tuple[int, int]:
    """Width and height as a browser shows the image, after its EXIF rotation."""
    with Image.open(path) as image:
        width, height = image.size
        return (height, width) if image.getexif().get(EXIF_ORIENTATION) in ROTATED else (width, height)


def make_thumbnail(path: Path) -> bytes:
    """The image cropped to fill THUMBNAIL_SIZE from its centre, as WebP."""
    with Image.open(path) as image:
        upright = ImageOps.exif_transpose(image)
        if upright.mode not in ("RGB", "RGBA"):
            upright = upright.convert("RGBA")
        thumbnail = ImageOps.fit(upright, THUMBNAIL_SIZE, Image.Resampling.LANCZOS)
        out = io.BytesIO()
        thumbnail.save(out, "WEBP", quality=QUALITY)
        return out.getvalue()


def cached_thumbnail(path: Path, cache: Path) -> tuple[str, bytes]:
    """The thumbnail's content hash and bytes, made only if the cache lacks it."""
    digest = hashlib.sha256(path.read_bytes() + SETTINGS).hexdigest()[:16]
    stored = cache / f"{digest}.webp"
    if stored.is_file():
        return digest, stored.read_bytes()
    content = make_thumbnail(path)
    cache.mkdir(parents=True, exist_ok=True)
    stored.write_bytes(content)
    return digest, content


def thumbnail_url(image: str, digest: str) -> str:
    """`images/x.jpg` -> praktijkvoorbeelden/images/klein/x-<hash>.webp"""
    return addresses.thumbnail_url(f"{Path(image).stem}-{digest}.webp")


def picture(root: Path, cases_dir: str, image: str) -> Picture:
    source = root / cases_dir / image
    digest, content = cached_thumbnail(source, root / CACHE)
    width, height = displayed_size(source)
    return Picture(addresses.image_url(image), width, height, thumbnail_url(image, digest), content)
