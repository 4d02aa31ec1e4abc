"""`mkdocs serve` rebuilds only what an edit changed, and ends in the very site a clean build makes.

tests/preview_driver.py rebuilds a project the way serve does (same hooks,
told `serve`, a new config per build, one output folder); after every edit
the whole output, the search bundle included, is compared byte for byte with
a clean `mkdocs build` of the same files.
"""

from __future__ import annotations

import datetime
import os
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import case_text, make_project

DRIVER = Path(__file__).with_name("preview_driver.py")
# Both builds see the same moment (the start of today), so the JSON export's
# `generated` and the feed's dates cannot differ between them.
MIDNIGHT = datetime.datetime.combine(datetime.date.today(), datetime.time(), datetime.timezone.utc)
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": str(int(MIDNIGHT.timestamp()))}


class Preview:
    def __init__(self, root: Path):
        self.root = root
        self.process = subprocess.Popen([sys.executable, str(DRIVER), str(root)], cwd=root, env=ENV, text=True,
                                        stdin=subprocess.PIPE, stdout=subprocess.PIPE)

    def rebuild(self) -> tuple[Path | None, int, int]:
        """(output folder, pages reused, generated pages), or (None, 0, 0) when the build failed."""
        self.process.stdin.write("\n")
        self.process.stdin.flush()
        answer = self.process.stdout.readline().split()
        assert answer, "the preview driver stopped"
        if answer[0] != "ok":
            return None, 0, 0
        return Path(answer[1]), int(answer[2]), int(answer[3])

    def close(self) -> None:
        self.process.stdin.close()
        self.process.wait(timeout=60)


@pytest.fixture(scope="module")
def preview(tmp_path_factory):
    session = Preview(make_project(tmp_path_factory.mktemp("preview")))
    assert session.rebuild()[0] is not None, "the first preview build failed"
    yield session
    session.close()


def clean_build(root: Path, out: Path) -> Path:
    command = [sys.executable, "-m", "mkdocs", "build", "--quiet", "--strict", "-d", str(out)]
    subprocess.run(command, cwd=root, env=ENV, check=True, capture_output=True, timeout=300)
    return out


def differences(preview_site: Path, clean_site: Path) -> list[str]:
    files = lambda site: {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()}
    ours, theirs = files(preview_site), files(clean_site)
    found = [f"only in the preview: {name}" for name in sorted(ours - theirs)]
    found += [f"only in the clean build: {name}" for name in sorted(theirs - ours)]
    found += [f"differs: {name}" for name in sorted(ours & theirs) if (preview_site / name).read_bytes() != (clean_site / name).read_bytes()]
    return found


def rebuilt_as_clean(preview, tmp_path) -> tuple[int, int]:
    site, reused, total = preview.rebuild()
    assert site is not None, "the preview build failed"
    assert differences(site, clean_build(preview.root, tmp_path / "clean")) == []
    return reused, total


def case_file(preview, slug: str) -> Path:
    return preview.root / "cases" / f"{slug}.md"


def test_a_rebuild_without_changes_renders_no_generated_page(preview, tmp_path):
    reused, total = rebuilt_as_clean(preview, tmp_path)
    assert reused == total > 0


def test_editing_a_story_renders_only_its_case_page(preview, tmp_path):
    path = case_file(preview, "fietsbieb")
    path.write_text(path.read_text(encoding="utf-8") + "\nEen zin die er net bij kwam.\n", encoding="utf-8")
    reused, total = rebuilt_as_clean(preview, tmp_path)
    assert reused == total - 1


def test_editing_a_title_updates_every_page_that_lists_the_case(preview, tmp_path):
    path = case_file(preview, "herbruikbare-bekers")
    path.write_text(path.read_text(encoding="utf-8").replace("title: ", "title: Vernieuwd ", 1), encoding="utf-8")
    reused, total = rebuilt_as_clean(preview, tmp_path)
    assert 0 < reused < total - 1


def test_an_added_case_appears_as_in_a_clean_build(preview, tmp_path):
    case_file(preview, "buurtmoestuin").write_text(case_text(place="Antwerpen"), encoding="utf-8")
    rebuilt_as_clean(preview, tmp_path)
    assert (preview.rebuild()[0] / "praktijkvoorbeelden" / "buurtmoestuin" / "index.html").is_file()


def test_a_deleted_case_leaves_no_page_behind(preview, tmp_path):
    case_file(preview, "deelplatform-brussel").unlink()
    rebuilt_as_clean(preview, tmp_path)
    assert not (preview.rebuild()[0] / "praktijkvoorbeelden" / "deelplatform-brussel").exists()


def test_an_edited_vocabulary_label_shows_everywhere(preview, tmp_path):
    taxonomy = preview.root / "cases" / "_taxonomy.yml"
    text = taxonomy.read_text(encoding="utf-8")
    assert "label: Mobiliteit" in text
    taxonomy.write_text(text.replace("label: Mobiliteit", "label: Vervoer en mobiliteit", 1), encoding="utf-8")
    reused, total = rebuilt_as_clean(preview, tmp_path)
    assert reused < total


def test_after_a_broken_case_is_mended_the_site_is_whole_again(preview, tmp_path):
    path = case_file(preview, "zonnecooperatie-utrecht")
    good = path.read_text(encoding="utf-8")
    path.write_text(good.replace("domain:", "domain: [geen-domein]\nx-domain:", 1), encoding="utf-8")
    assert preview.rebuild()[0] is None
    path.write_text(good.replace("title: ", "title: Hersteld ", 1), encoding="utf-8")
    reused, total = rebuilt_as_clean(preview, tmp_path)
    assert reused > 0, "a broken case stops the build before anything is written: the rest is reused"


def test_after_a_template_breaks_a_build_halfway_the_next_one_starts_clean(preview, tmp_path):
    template = preview.root / "overrides" / "case.html"
    good = template.read_text(encoding="utf-8")
    template.write_text(good.replace("{% block content %}", "{% block content %}{% if %}", 1), encoding="utf-8")
    assert preview.rebuild()[0] is None
    template.write_text(good, encoding="utf-8")
    reused, total = rebuilt_as_clean(preview, tmp_path)
    assert reused == 0



def test_relative_and_absolute_paths_to_the_same_files_give_the_same_shared_print(tmp_path, monkeypatch):
    # ProperDocs' serve loads its first configuration with relative paths, later ones absolute.
    from types import SimpleNamespace

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "hooks"))
    import showcase_preview

    root = make_project(tmp_path)
    monkeypatch.chdir(root)
    config = lambda base: SimpleNamespace(config_file_path=f"{base}mkdocs.yml", docs_dir=f"{base}content",
                                          theme=SimpleNamespace(custom_dir=f"{base}overrides"), site_url="http://127.0.0.1:8000/")
    preview = showcase_preview.Preview()
    core = Path("hooks/showcase")
    assert preview.shared_print(config(""), core) == preview.shared_print(config(f"{root}/"), root / core)


@pytest.mark.parametrize("src", ["praktijkvoorbeelden/fietsbieb.md", "domein/mobiliteit/2.md", "index.md", "regio/index.md", "a/README.md", "top.md"])
@pytest.mark.parametrize("directory_urls", [True, False])
def test_a_reused_page_is_written_where_mkdocs_writes_the_page(src, directory_urls):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "hooks"))
    import showcase_preview
    from mkdocs.structure.files import File

    page = File(src, src_dir=None, dest_dir="/site", use_directory_urls=directory_urls)
    assert showcase_preview.page_dest(src, directory_urls) == page.dest_uri

