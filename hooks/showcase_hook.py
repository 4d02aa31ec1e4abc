"""MkDocs adapter for the showcase: translates MkDocs events into core calls.

All logic lives in the `showcase` package next to this file, which imports
nothing from MkDocs. Moving to another engine means rewriting only this file
and showcase_preview.py, which makes `mkdocs serve` rebuild only what changed.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, InclusionLevel
from mkdocs.utils.meta import get_data

import showcase
import showcase.addresses
import showcase.body
import showcase.csp
import showcase.minify
import showcase.reuse
import showcase.search
import showcase.site
import showcase_parts
import showcase_preview
import showcase_split

log = get_plugin_logger(__name__)

# Rebuilt in on_config on every build: MkDocs imports a hook module once per
# process, so under `mkdocs serve` state left here would leak between builds.
_site: showcase.site.Showcase | None = None
_pages: dict[str, showcase.site.GeneratedPage] = {}
_search: showcase.search.SearchIndex | None = None
_command: str | None = None  # "build", "serve" or "gh-deploy", from on_startup
_dirty = False
_split: showcase_split.Split | None = None  # this build renders its case pages in two processes
# Kept on purpose between the rebuilds of one `serve`, and only there.
_preview: showcase_preview.Preview | None = None

HOME = "index.md"


def on_startup(command, dirty):
    # Told once per process which command runs: `serve` renders in threads,
    # where forking a second process to read cases is not safe.
    global _command, _dirty, _preview
    _command, _dirty = command, dirty
    _preview = showcase_preview.Preview() if command == "serve" else None


def on_serve(server, config, builder):
    # Called once the first build is done, before the server schedules
    # `watch:` from mkdocs.yml (cases/ among them).
    _preview.settle()
    cases = Path(config.config_file_path).resolve().parent / showcase.site.CASES_DIR
    server.observer = showcase_preview.FolderEvents(server.observer, [cases])
    return server


def on_config(config):
    global _site, _pages, _split, _search
    _split = None
    root = Path(config.config_file_path).resolve().parent  # ProperDocs may give a relative path
    # Stories are validated with exactly the extensions MkDocs renders them with.
    _site = showcase.site.Showcase.load(root, base_url=config.site_url or "", site_name=config.site_name,
                                        parallel=_command in ("build", "gh-deploy"),
                                        markdown=(list(config.markdown_extensions), dict(config.mdx_configs)),
                                        cache=_preview.cases if _preview else None)
    if _site.problems:
        # A PluginError stops the build with or without --strict: a broken
        # case must never publish, and every problem is listed at once.
        raise PluginError(_site.report())
    if not _preview:
        # Pagefind indexes the cases on the second core while MkDocs reads its files,
        # at the same priority: the build ends when the search is written.
        _stop_search()
        _search = showcase.search.SearchIndex(_site.catalogue.cases, _site.vocabulary, later=True, nice=0)
    _pages = {page.src: page for page in _site.pages()}
    log.info("showcase: %d cases, %d generated pages", len(_site.cases), len(_pages))
    return config


def on_pre_build(config):
    if _preview:
        _preview.begin(Path(config.site_dir))


def on_files(files, config):
    if _preview:
        _preview.restore(Path(config.site_dir))
    unchanged = _preview.unchanged(_page_prints(config)) if _preview else set()
    clashes = sorted(_pages.keys() & files.src_uris.keys())  # one pass: a lookup per page costs seconds at 10,000
    if clashes:
        raise PluginError("\n".join(f"content/{src} clashes with a page the showcase generates; rename or remove it" for src in clashes))
    for page in _pages.values():
        # Generated pages stay out of the nav unless mkdocs.yml lists them;
        # NOT_IN_NAV only quiets MkDocs' "not included in the nav" notice.
        if page.src in unchanged:
            files.append(_preview.page_file(config, page.src))
        else:
            files.append(File.generated(config, page.src, content=page.source, inclusion=InclusionLevel.NOT_IN_NAV))
    for extra in _site.files():
        if extra.content is not None:
            files.append(File.generated(config, extra.dest, content=extra.content))
        else:
            files.append(File.generated(config, extra.dest, abs_src_path=str(extra.source)))
    _finish_search(files, config)
    if _preview:
        _preview.record(files)
    return files


def _page_prints(config) -> dict[str, str]:
    """Each generated page's fingerprint: its Markdown, its view, its
    breadcrumbs and kind (with the view and the site's name and address,
    what its structured data is made of) and what all pages share. Whatever
    else a template reads must go in here, or a preview would keep a stale page."""
    shared = _preview.shared_print(config, Path(showcase.__file__).parent)
    value_print, combine = _preview.cases.value_print, showcase.reuse.combine
    return {src: combine(shared, page.fingerprint(value_print)) for src, page in _pages.items()}


def _finish_search(files, config):
    """Send the hand-written pages to the search, which indexes on another core while pages render."""
    pages = []
    for file in files.documentation_pages():
        if file.src_uri not in _pages and file.src_uri != HOME:  # the home page only lists cases
            markdown, meta = get_data(file.content_string)
            pages.append(showcase.search.page_record(file.url, markdown, str(meta.get("title") or "")))
    if _preview:
        _preview.plan_search(_site.catalogue.cases, _site.vocabulary, pages)
    else:
        _search.finish(pages, near=Path(config.site_dir))


def _stop_search():
    global _search
    if _search is not None:
        _search.close()
        _search = None


def on_nav(nav, config, files):
    # Every page is known and none is read yet: a one-off build forks here.
    global _split, _search
    if _command not in ("build", "gh-deploy") or _dirty:
        return nav
    case_pages = sorted(src for src, page in _pages.items() if page.case is not None)
    if showcase_split.wanted(len(case_pages)):
        _split = showcase_split.Split.fork(files, config, showcase_split.second_share(case_pages), set(_pages))
        if _split.second:
            _search = None  # the first process writes the search bundle; not closed here, it is the first's
    return nav


def on_pre_page(page, config, files):
    if _split:
        _split.reading(page.file.src_uri)
    return page


def on_page_markdown(markdown, page, config, files):
    generated = _pages.get(page.file.src_uri)
    if generated is not None:
        page.meta = dict(generated.meta)  # its front matter, without the YAML (see GeneratedPage.source)
    return markdown


def on_env(env, config, files):
    if _preview:
        env.bytecode_cache = _preview.templates
    showcase_parts.install(env, config.theme.dirs, config.theme.custom_dir, frozenset({showcase.addresses.SEARCH_PAGE}))
    env.globals["card_html"] = _card_renderer(env)
    env.globals["catalogue_url"] = showcase.addresses.CATALOGUE
    if _split and _split.second:
        _split.render_only_ours(files)
        return env  # it writes no sitemap: the first process does
    # overrides/sitemap.xml: MkDocs' sitemap, with the pages a preview reused.
    env.globals["sitemap_urls"] = showcase_preview.sitemap(files, config, _split.theirs if _split else set())
    return env


def _card_renderer(env):
    """`card_html(card, base_url)`: a case card's HTML, rendered once per case
    and page depth by the `case_card` macro; one cache per build."""
    template = env.get_template("partials/case-card.html")
    macros, cards = {}, {}

    def card_html(card, base_url):
        key = (card["slug"], base_url)
        if key not in cards:
            if base_url not in macros:
                macros[base_url] = template.make_module({"base_url": base_url}).case_card
            cards[key] = str(macros[base_url](card))
        return cards[key]

    return card_html


def on_page_content(html, page, config, files):
    generated = _pages.get(page.file.src_uri)
    if generated is not None and generated.case is not None:
        return showcase.body.sanitize(html)
    return html


def on_page_context(context, page, config, nav):
    generated = _pages.get(page.file.src_uri)
    if generated is not None:
        context["structured_data"] = _site.structured_data(generated)
    else:
        context["structured_data"] = _site.page_structured_data(page.url, page.title or "")
    if generated is not None:
        context["showcase"] = generated.view
        if generated.case is not None and config.repo_url and config.edit_uri:
            # Generated files get no edit_url; point it at the case's own file.
            page.edit_url = showcase.addresses.edit_url(config.repo_url, config.edit_uri, generated.case.path)
    elif page.file.src_uri == HOME:
        context["showcase"] = _site.home_view()
    return context


def on_post_page(output, page, config):
    generated = _pages.get(page.file.src_uri)
    if generated is not None and not _preview:
        generated.forget_view()  # a one-off build writes each page once: its view need not stay
    return showcase.csp.with_policy(output)


def on_post_build(config):
    global _search
    if _split is not None:
        _join_split(config)
    site_dir = Path(config.site_dir)
    if config.theme.custom_dir:
        showcase.minify.minify_in_place(site_dir, showcase.minify.own_assets(Path(config.theme.custom_dir)))
    if _preview:
        _preview.finish(site_dir)
        return
    if _search is None:
        return
    try:
        _search.write(site_dir / showcase.addresses.SEARCH_BUNDLE)
    except Exception as error:
        raise PluginError(f"the site search (Pagefind) could not be written: {error}") from error
    finally:
        _search = None


def _join_split(config):
    global _split
    split, _split = _split, None
    if split.second:
        split.leave()  # does not return
    report = split.join()
    if report.get("error"):
        raise PluginError(f"the case pages rendered by the build's second process failed: {report['error']}")
    if report.get("warnings") and config.strict:
        # Shown above by the second process; counted here, where --strict counts.
        log.warning("%d warning(s) above came from the case pages rendered by the second process", report["warnings"])


def on_build_error(error):
    global _split
    if _split is not None:
        split, _split = _split, None
        if split.second:
            split.leave(error)  # does not return; the first process reports it
        split.stop()
    _stop_search()
    if _preview:
        _preview.failed()


def on_post_template(output_content, template_name, config):
    # 404.html is rendered as a template, not a page; it gets the policy too.
    return showcase.csp.with_policy(output_content) if template_name.endswith(".html") else output_content
