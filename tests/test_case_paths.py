"""Which files in cases/ are cases (showcase.casefiles.case_paths): nothing is skipped silently."""

from __future__ import annotations

from showcase.casefiles import case_paths
from showcase.model import Problem

SUBFOLDER = "is in a subfolder; put case files directly in cases/"
NOT_A_CASE = "is not a case; cases are Markdown files named cases/<slug>.md (images go in cases/images/)"


def found(root, *names: str) -> tuple[list[str], list[Problem]]:
    """Make these files below `root`/cases and list them as case_paths does."""
    for name in names:
        path = root / "cases" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("x", encoding="utf-8")
    paths, problems = case_paths(root)
    return [path.relative_to(root).as_posix() for path in paths], problems


def test_markdown_files_directly_in_cases_are_the_cases_in_name_order(tmp_path):
    assert found(tmp_path, "b.md", "a.md", "c-d.md") == (["cases/a.md", "cases/b.md", "cases/c-d.md"], [])


def test_hidden_files_underscored_files_and_the_image_folder_are_left_out(tmp_path):
    names = (".a.md", "_template.md", "_taxonomy.yml", ".git/config", "images/foto.png", "images/x.md", "z.md")
    assert found(tmp_path, *names) == (["cases/z.md"], [])


def test_a_markdown_file_in_a_subfolder_is_reported_on_line_1(tmp_path):
    assert found(tmp_path, "a.md", "oud/b.md") == (["cases/a.md"], [Problem("cases/oud/b.md", 1, "file", SUBFOLDER)])


def test_a_file_two_folders_deep_is_reported_too(tmp_path):
    assert found(tmp_path, "oud/2024/b.md") == ([], [Problem("cases/oud/2024/b.md", 1, "file", SUBFOLDER)])


def test_an_images_folder_inside_a_subfolder_is_not_left_out(tmp_path):
    assert found(tmp_path, "oud/images/b.png")[1] == [Problem("cases/oud/images/b.png", 1, "file", SUBFOLDER)]


def test_a_file_of_another_kind_is_reported_on_line_1(tmp_path):
    assert found(tmp_path, "a.md", "notities.txt") == (["cases/a.md"], [Problem("cases/notities.txt", 1, "file", NOT_A_CASE)])


def test_files_after_a_hidden_one_are_still_listed(tmp_path):
    assert found(tmp_path, "_a.md", ".b.md", "c.md")[0] == ["cases/c.md"]


def test_file_names_differing_only_in_case_are_reported_on_the_later_one(tmp_path):
    assert found(tmp_path, "Moestuin.md", "moestuin.md")[1] == [
        Problem("cases/moestuin.md", 1, "file name", "differs from cases/Moestuin.md only in upper/lower case; rename one")]


def test_different_file_names_do_not_clash(tmp_path):
    assert found(tmp_path, "moestuin.md", "fietsen.md", "repair.md")[1] == []
