"""External links in cases (`website`, `sources`): which ones are dead?

Run on a schedule, never in pull requests: other people's servers going down
must not block a contributor.
"""

from __future__ import annotations

import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

from .model import Case
from .i18n import _

USER_AGENT = "showcase-linkcheck/1.0 (+https://github.com/sociale-innovatie/showcase)"


@dataclass(frozen=True)
class Link:
    path: str
    key: str
    url: str


@dataclass(frozen=True)
class Checked:
    link: Link
    status: int | None
    error: str | None = None

    @property
    def dead(self) -> bool:
        return self.status is None or self.status >= 400


def case_links(cases: list[Case]) -> list[Link]:
    links = []
    for case in cases:
        if case.website:
            links.append(Link(case.path, "website", case.website))
        for index, source in enumerate(case.sources, start=1):
            if source.url:
                links.append(Link(case.path, f"sources[{index}].url", source.url))
    return links


def fetch_status(url: str, timeout: float = 15) -> tuple[int | None, str | None]:
    """The HTTP status of `url`: HEAD first, GET when a server refuses HEAD."""
    for method in ("HEAD", "GET"):
        request = urllib.request.Request(url, method=method, headers={"User-Agent": USER_AGENT})
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:
                return response.status, None
        except urllib.error.HTTPError as error:
            if method == "HEAD" and error.code in (403, 405, 501):
                continue
            return error.code, None
        except (urllib.error.URLError, OSError, ValueError) as error:
            return None, str(getattr(error, "reason", error))
    return None, "no answer"


def check_links(links: list[Link], workers: int = 8, timeout: float = 15) -> list[Checked]:
    with ThreadPoolExecutor(max_workers=workers) as pool:
        statuses = list(pool.map(lambda link: fetch_status(link.url, timeout), links))
    return [Checked(link, status, error) for link, (status, error) in zip(links, statuses)]


def stale_cases(cases: list[Case], today) -> list[Case]:
    """Cases whose facts were last checked more than two years ago, oldest first."""
    old = [case for case in cases if case.is_stale(today)]
    return sorted(old, key=lambda case: (case.checked_on, case.path))


def stale_report(cases: list[Case], today) -> str:
    """The part of the weekly report that asks for a new check of old facts."""
    old = stale_cases(cases, today)
    lines = [_("## Facts older than two years: {count} case(s)").format(count=len(old)), ""]
    if old:
        lines += [_("| file | checked on |"), "|---|---|"]
        lines += [f"| `{case.path}` | {case.checked_on.isoformat()} |" for case in old]
    else:
        lines.append(_("Every case was checked in the last two years."))
    return "\n".join(lines) + "\n"


def report(results: list[Checked]) -> str:
    """A Markdown report for the maintainers (job summary or issue)."""
    dead = [result for result in results if result.dead]
    lines = [_("## External links: {dead} of {total} unreachable").format(dead=len(dead), total=len(results)), ""]
    if dead:
        lines += [_("| file | key | link | answer |"), "|---|---|---|---|"]
        for result in dead:
            answer = str(result.status) if result.status else (result.error or _("no answer"))
            lines.append(f"| `{result.link.path}` | `{result.link.key}` | {result.link.url} | {answer} |")
    else:
        lines.append(_("Every link answers."))
    return "\n".join(lines) + "\n"
