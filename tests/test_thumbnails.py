"""Case images: their displayed size and cached, cover-cropped thumbnails."""

from __future__ import annotations

import io

import pytest
from PIL import Image

from showcase import thumbnails


def save(path, size=(1000, 300), colour="red", **options):
    path.parent.mkdir(parents=True, exist_ok=True)
    Image.new("RGB", size, colour).save(path, **options)
    return path


def test_thumbnail_is_cover_cropped_to_the_fixed_size_as_webp(tmp_path):
    content = thumbnails.make_thumbnail(save(tmp_path / "breed.png"))
    with Image.open(io.BytesIO(content)) as image:
        assert (image.format, image.size) == ("WEBP", thumbnails.THUMBNAIL_SIZE)


def test_thumbnail_is_read_from_the_cache_the_second_time(tmp_path, monkeypatch):
    source, cache = save(tmp_path / "foto.png"), tmp_path / "cache"
    first = thumbnails.cached_thumbnail(source, cache)
    monkeypatch.setattr(thumbnails, "make_thumbnail", lambda path: pytest.fail("made the thumbnail again"))
    assert thumbnails.cached_thumbnail(source, cache) == first


def test_changed_image_gets_a_new_thumbnail_address(tmp_path):
    source, cache = tmp_path / "foto.png", tmp_path / "cache"
    before = thumbnails.cached_thumbnail(save(source, colour="red"), cache)[0]
    after = thumbnails.cached_thumbnail(save(source, colour="blue"), cache)[0]
    assert before != after
    assert thumbnails.thumbnail_url("images/foto.png", after) == f"praktijkvoorbeelden/images/klein/foto-{after}.webp"


def test_rotated_photo_reports_the_size_a_browser_shows(tmp_path):
    exif = Image.Exif()
    exif[thumbnails.EXIF_ORIENTATION] = 6
    assert thumbnails.displayed_size(save(tmp_path / "staand.jpg", size=(400, 300), exif=exif)) == (300, 400)


def test_picture_has_the_original_address_and_size_and_its_thumbnail(tmp_path):
    save(tmp_path / "cases" / "images" / "fiets.png", size=(640, 360))
    picture = thumbnails.picture(tmp_path, "cases", "images/fiets.png")
    assert (picture.url, picture.width, picture.height) == ("praktijkvoorbeelden/images/fiets.png", 640, 360)
    assert (tmp_path / thumbnails.CACHE).is_dir() and picture.thumbnail.startswith(b"RIFF")
