"""The scheduled check of external links, against a server on this machine."""

from __future__ import annotations

import http.server
import threading

import pytest

from showcase import i18n, linkcheck
from showcase.model import Source
from helpers import make_case as make


@pytest.fixture
def dutch():
    """The report as the weekly workflow writes it for maintainers: in Dutch."""
    i18n.set_language("nl")
    yield
    i18n.set_language(None)


class Handler(http.server.BaseHTTPRequestHandler):
    def do_HEAD(self):
        if self.path == "/geen-head":
            self.send_response(405)
        else:
            self.send_response(200 if self.path in ("/ok", "/geen-head") else 404)
        self.end_headers()

    def do_GET(self):
        self.send_response(200 if self.path in ("/ok", "/geen-head") else 404)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def server():
    instance = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=instance.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{instance.server_address[1]}"
    instance.shutdown()


def test_links_come_from_website_and_source_urls():
    case = make("a", website="https://example.org", sources=(Source("Zonder link"), Source("Met link", "https://example.org/b")))
    assert [(link.key, link.url) for link in linkcheck.case_links([case])] == [
        ("website", "https://example.org"), ("sources[2].url", "https://example.org/b")]


def test_dead_and_live_links_are_told_apart(server):
    links = [linkcheck.Link("cases/a.md", "website", f"{server}/ok"), linkcheck.Link("cases/b.md", "website", f"{server}/weg")]
    results = linkcheck.check_links(links, timeout=5)
    assert [result.dead for result in results] == [False, True]
    assert results[1].status == 404


def test_server_that_refuses_head_is_asked_with_get(server):
    result = linkcheck.check_links([linkcheck.Link("cases/a.md", "website", f"{server}/geen-head")], timeout=5)[0]
    assert not result.dead


def test_unreachable_host_is_dead_with_a_reason():
    result = linkcheck.check_links([linkcheck.Link("cases/a.md", "website", "http://127.0.0.1:9/")], timeout=2)[0]
    assert result.dead and result.error


def test_report_lists_dead_links_with_file_and_key(server, dutch):
    results = linkcheck.check_links([linkcheck.Link("cases/b.md", "sources[1].url", f"{server}/weg")], timeout=5)
    text = linkcheck.report(results)
    assert "1 van 1 onbereikbaar" in text and "`cases/b.md` | `sources[1].url`" in text and "| 404 |" in text


def test_report_lists_cases_not_checked_for_two_years_oldest_first(dutch):
    import datetime

    from showcase.linkcheck import stale_report
    from showcase.model import Case

    def case(slug, checked):
        return Case(slug=slug, path=f"cases/{slug}.md", title=slug, summary="Een samenvatting van twintig tekens.",
                    innovation_type=("dienst",), domain=("energie",), region=("utrecht",), added=datetime.date(2020, 1, 1),
                    body="Tekst.", checked=checked)

    today = datetime.date(2026, 12, 1)
    cases = [case("recent", datetime.date(2026, 1, 1)), case("oud", datetime.date(2023, 5, 1)), case("oudst", datetime.date(2021, 2, 1))]
    text = stale_report(cases, today)
    assert "Feiten ouder dan twee jaar: 2" in text
    assert text.index("cases/oudst.md") < text.index("cases/oud.md") and "cases/recent.md" not in text
