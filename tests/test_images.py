"""A case's image (showcase.images): a readable image file of at most 1 MB inside cases/images/."""

from __future__ import annotations

import os

import pytest
from PIL import Image

from helpers import case_text, messages

FILE = "cases/buurtmoestuin.md"
IMAGE_LINE = 15  # case_text's first added key
ALLOWED = "a path such as images/naam.jpg to a file in cases/images/"
LIMIT = 1024 * 1024


def image_messages(root, value) -> list[str]:
    return messages(root, case_text(image=value, image_alt="Een foto van de moestuin"))


def save(root, name: str, size=(4, 3), **options):
    path = root / "cases" / "images" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    Image.new("RGB", size, "green").save(path, **options)
    return path


def padded_png(root, name: str, size: int):
    """A readable PNG of exactly `size` bytes: trailing bytes after its end are ignored."""
    path = save(root, name)
    path.write_bytes(path.read_bytes().ljust(size, b"\0"))
    return path


@pytest.mark.parametrize("name", ["foto.jpg", "foto.jpeg", "foto.png", "foto.webp", "foto.gif", "FOTO.PNG"])
def test_an_image_in_a_supported_format_is_allowed(tmp_path, name):
    save(tmp_path, name, format="PNG" if name.lower().endswith("png") else None)
    assert image_messages(tmp_path, f"images/{name}") == []


def test_an_image_in_a_subfolder_of_the_image_folder_is_allowed(tmp_path):
    save(tmp_path, "tuinen/foto.png")
    assert image_messages(tmp_path, "images/tuinen/foto.png") == []


def test_an_image_of_exactly_1_megabyte_is_allowed(tmp_path):
    padded_png(tmp_path, "groot.png", LIMIT)
    assert image_messages(tmp_path, "images/groot.png") == []


def test_an_image_of_1_megabyte_and_1_byte_is_refused_with_its_size(tmp_path):
    padded_png(tmp_path, "groot.png", LIMIT + 1)
    assert image_messages(tmp_path, "images/groot.png") == [
        f"{FILE}:{IMAGE_LINE}: image: 'images/groot.png' is 1024 kB; an image may be at most 1024 kB (1 MB)"]


def test_the_size_of_a_refused_image_is_given_in_whole_kilobytes(tmp_path):
    padded_png(tmp_path, "groot.png", 2 * LIMIT + 1023)
    assert "is 2048 kB;" in image_messages(tmp_path, "images/groot.png")[0]


@pytest.mark.parametrize("value, described", [(42, "a number (42)"), (True, "a yes/no value (true)"), (["images/foto.png"], "a list")])
def test_an_image_that_is_not_a_path_names_what_it_is(tmp_path, value, described):
    assert image_messages(tmp_path, value) == [f"{FILE}:{IMAGE_LINE}: image: must be {ALLOWED}, not {described}"]


@pytest.mark.parametrize("value", ["/etc/passwd", "images/../geheim.png", "foto.png", "fotos/foto.png", "images"])
def test_an_image_outside_the_image_folder_is_refused(tmp_path, value):
    assert image_messages(tmp_path, value) == [f"{FILE}:{IMAGE_LINE}: image: {value!r} is outside cases/images/; use {ALLOWED}"]


@pytest.mark.parametrize("value", ["images/foto.bmp", "images/foto", "images/foto.svg"])
def test_an_image_in_another_format_is_refused_with_the_formats_allowed(tmp_path, value):
    assert image_messages(tmp_path, value) == [
        f"{FILE}:{IMAGE_LINE}: image: {value!r} is not a supported image; use .jpg, .jpeg, .png, .webp, .gif, .avif"]


def test_a_missing_image_is_refused(tmp_path):
    assert image_messages(tmp_path, "images/weg.png") == [
        f"{FILE}:{IMAGE_LINE}: image: 'images/weg.png' does not exist; add the file to cases/images/ or fix the name"]


def test_a_folder_named_as_an_image_is_refused_as_missing(tmp_path):
    (tmp_path / "cases" / "images" / "map.png").mkdir(parents=True)
    assert "'images/map.png' does not exist" in image_messages(tmp_path, "images/map.png")[0]


def test_an_image_reached_through_a_linked_subfolder_is_refused(tmp_path):
    save(tmp_path, "echt/foto.png")
    os.symlink(tmp_path / "cases" / "images" / "echt", tmp_path / "cases" / "images" / "link")
    assert image_messages(tmp_path, "images/link/foto.png") == [
        f"{FILE}:{IMAGE_LINE}: image: 'images/link/foto.png' is a symbolic link; put the image file itself in cases/images/"]


def test_a_file_that_pillow_does_not_know_is_refused(tmp_path):
    (tmp_path / "cases" / "images").mkdir(parents=True)
    (tmp_path / "cases" / "images" / "tekst.png").write_text("geen afbeelding", encoding="utf-8")
    assert image_messages(tmp_path, "images/tekst.png") == [
        f"{FILE}:{IMAGE_LINE}: image: 'images/tekst.png' is not a readable image (not a format Pillow knows); save it again as JPEG, PNG or WebP"]


def test_a_damaged_image_is_refused_with_pillows_reason(tmp_path):
    path = save(tmp_path, "kapot.png", size=(40, 30))
    path.write_bytes(path.read_bytes()[:60])
    assert image_messages(tmp_path, "images/kapot.png") == [
        f"{FILE}:{IMAGE_LINE}: image: 'images/kapot.png' is not a readable image (Truncated File Read); save it again as JPEG, PNG or WebP"]


def test_a_damaged_image_without_a_reason_is_refused_with_the_kind_of_error(tmp_path, monkeypatch):
    def broken(path):
        raise ValueError()

    save(tmp_path, "kapot.png")
    monkeypatch.setattr(Image, "open", broken)
    assert "'images/kapot.png' is not a readable image (ValueError);" in image_messages(tmp_path, "images/kapot.png")[0]
