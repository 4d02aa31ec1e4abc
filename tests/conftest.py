from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

# The suite's own expectations are written in English (the messages' source
# language); test_messages.py checks the Dutch default explicitly. Set before
# anything runs, so builds and commands started by the tests inherit it.
os.environ["LANGUAGE"] = "en"

from helpers import REPO, TODAY, built_project, hostile_cases, make_project, serve
from showcase.taxonomy import load_vocabulary


@pytest.fixture(scope="session")
def vocabulary():
    return load_vocabulary(REPO / "cases" / "_taxonomy.yml")


@pytest.fixture
def project(tmp_path) -> Path:
    """An empty project (machinery, vocabulary, no cases) to write cases into."""
    return make_project(tmp_path, cases=None)


class BuiltSite:
    def __init__(self, root: Path):
        self.root = root
        self.site = root / "site"

    def html(self, path: str) -> str:
        return (self.site / path / "index.html").read_text(encoding="utf-8") if not path.endswith((".html", ".xml", ".json")) else (self.site / path).read_text(encoding="utf-8")

    def export(self) -> dict:
        return json.loads((self.site / "praktijkvoorbeelden.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def built(tmp_path_factory) -> BuiltSite:
    """The fixture project (tests/fixtures/cases), built once with --strict."""
    return BuiltSite(built_project(tmp_path_factory.mktemp("fixture-site")))


SITE_URL = "https://sociale-innovatie.github.io/showcase/"  # mkdocs.yml's site_url


@pytest.fixture(scope="session")
def repository_site(tmp_path_factory) -> Path:
    """The repository's own cases, built once with --strict: the project root."""
    return built_project(tmp_path_factory.mktemp("repository-site"), cases=REPO / "cases")


@pytest.fixture(scope="session")
def hostile_site(tmp_path_factory) -> Path:
    """The fixture project plus the hostile cases of helpers.hostile_cases, built once with --strict: its site folder."""
    return built_project(tmp_path_factory.mktemp("hostile-site"), files=hostile_cases()) / "site"


@pytest.fixture
def today():
    return TODAY


# --- browser tests ---------------------------------------------------------

# Debian's chromium (what .ci/run installs); "playwright" uses Playwright's own
# browser download where that works (GitHub's runners).
CHROMIUM = os.environ.get("SHOWCASE_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="session")
def served(built):
    """The built fixture site on a local HTTP server: its base URL."""
    server = serve(built.site)
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


@pytest.fixture(scope="session")
def served_in_subfolder(built, tmp_path_factory):
    """The same site under /showcase/, as GitHub Pages publishes it: its base URL."""
    top = tmp_path_factory.mktemp("pages")
    (top / "showcase").symlink_to(built.site, target_is_directory=True)
    server = serve(top)
    yield f"http://127.0.0.1:{server.server_address[1]}/showcase/"
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    executable = None if CHROMIUM == "playwright" else CHROMIUM
    assert executable is None or Path(executable).exists(), "Debian's chromium is missing: run `bash scripts/bootstrap --browser`"
    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


@pytest.fixture
def page(browser):
    """A fresh desktop page; JavaScript errors fail the test that caused them."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="nl-BE")
    tab = context.new_page()
    tab.errors = []
    tab.on("pageerror", lambda error: tab.errors.append(str(error)))
    tab.on("console", lambda message: tab.errors.append(message.text) if message.type == "error" else None)
    yield tab
    errors = tab.errors
    context.close()
    assert errors == [], errors
