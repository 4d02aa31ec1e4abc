/* The site search: the header's search form and the results page (zoeken/).
 *
 * Progressive enhancement. Without JavaScript the header form opens the
 * results page, which points to the catalogue. With it, results appear as you
 * type, from the Pagefind index the build writes to pagefind/: the browser
 * loads Pagefind's script and only the index pieces a query needs.
 *
 * Pagefind marks the words found in an excerpt with <mark>; everything else in
 * an excerpt or a title is shown as text, never as markup.
 */
(function () {
  "use strict";

  var PREVIEW = 6;   // results in the header's panel
  var PAGE = 20;     // results per step on the results page
  var DELAY = 80;    // ms of quiet typing before a query runs (and its index pieces are in)
  var MIN_LENGTH = 2;

  var root = null;    // the site's root as an absolute URL, fixed at first load
  var engine = null;  // promise of the Pagefind module, loaded on first use

  function siteRoot(form) {
    if (!root) root = new URL(form.dataset.siRoot || "./", location.href).href;
    return root;
  }

  function pagefind() {
    if (!engine) {
      engine = import(root + "pagefind/pagefind.js").then(function (module) {
        return module.options({ excerptLength: 24 }).then(function () { return module; });
      });
      engine.catch(function () { engine = null; });
    }
    return engine;
  }

  /* ---- results as DOM, text only ---------------------------------------- */

  // Entities decoded, nothing else: a textarea's content is parsed as text,
  // so no element is ever created from it.
  var decoder = document.createElement("textarea");
  function text(html) {
    decoder.innerHTML = html;
    return decoder.value;
  }

  function excerpt(html) {
    var fragment = document.createDocumentFragment();
    var marked = false;
    html.split(/(<mark>|<\/mark>)/).forEach(function (piece) {
      if (piece === "<mark>") { marked = true; return; }
      if (piece === "</mark>") { marked = false; return; }
      if (!piece) return;
      var node = document.createTextNode(text(piece));
      if (marked) {
        var mark = document.createElement("mark");
        mark.appendChild(node);
        node = mark;
      }
      fragment.appendChild(node);
    });
    return fragment;
  }

  // What a failed search says: where every case can still be found.
  function failed(status, catalogue) {
    var link = document.createElement("a");
    link.href = catalogue;
    link.textContent = "de catalogus";
    status.replaceChildren("Zoeken lukt nu niet. Je vindt alle voorbeelden in ", link, ".");
  }

  function href(url) {
    return new URL(url.replace(/^\/+/, ""), new URL("/", root)).href;
  }

  function hit(data) {
    var item = document.createElement("li");
    item.className = "si-hit";
    var link = document.createElement("a");
    link.className = "si-hit__link";
    link.href = href(data.url);
    var kind = document.createElement("span");
    kind.className = "si-hit__kind";
    kind.textContent = text(data.meta.kind || "");
    var title = document.createElement("span");
    title.className = "si-hit__title";
    title.textContent = text(data.meta.title || data.url);
    link.append(kind, title);
    var words = document.createElement("p");
    words.className = "si-hit__excerpt";
    words.appendChild(excerpt(data.excerpt || ""));
    item.append(link, words);
    return item;
  }

  function plural(count) {
    return count === 1 ? "1 resultaat" : count + " resultaten";
  }

  // Pagefind's URLs start at the server's root; a site in a subfolder has
  // that folder in them already, because pagefind.js lives there too.
  function search(words) {
    return pagefind().then(function (module) { return module.search(words); });
  }

  function details(results, from, to) {
    return Promise.all(results.slice(from, to).map(function (result) { return result.data(); }));
  }

  /* ---- the header's panel ----------------------------------------------- */

  function setupHeader(form) {
    if (form.dataset.siSearchReady) return;
    form.dataset.siSearchReady = "true";
    siteRoot(form);
    form.action = root + "zoeken/";
    var input = form.querySelector("[data-si-search-query]");
    var panel = form.querySelector("[data-si-search-panel]");
    var status = form.querySelector("[data-si-search-status]");
    var list = form.querySelector("[data-si-search-results]");
    var all = form.querySelector("[data-si-search-all]");
    var announce = form.querySelector("[data-si-search-announce]");
    var timer = null;
    var asked = 0;
    var dismissed = false;  // closed with Escape: stays closed until typing

    function close() {
      panel.hidden = true;
      input.setAttribute("aria-expanded", "false");
    }

    function open() {
      panel.hidden = false;
      input.setAttribute("aria-expanded", "true");
      announce.textContent = status.textContent;
    }

    function run() {
      var words = input.value.trim();
      var ticket = ++asked;
      if (words.length < MIN_LENGTH) { close(); return; }
      all.href = root + "zoeken/?q=" + encodeURIComponent(words);
      search(words).then(function (found) {
        return details(found.results, 0, PREVIEW).then(function (hits) {
          if (ticket !== asked) return;
          list.replaceChildren.apply(list, hits.map(hit));
          status.textContent = found.results.length ? plural(found.results.length) : "Geen resultaten voor “" + words + "”";
          all.hidden = found.results.length <= PREVIEW;
          all.textContent = "Alle " + plural(found.results.length);
          open();
          form.dataset.siSearchDone = words;
        });
      }).catch(function (error) {
        if (ticket !== asked) return;
        failed(status, form.dataset.siCatalogueUrl);
        list.replaceChildren();
        all.hidden = true;
        open();
        if (window.console) console.warn(error);
      });
    }

    input.addEventListener("input", function () {
      dismissed = false;
      // Fetch what the words need (and Pagefind's WebAssembly, the first
      // time) at once. The query runs after a short pause in typing and once
      // those pieces are in: it could not answer sooner, and while they load
      // the typing may go on, so fewer queries run for words half typed.
      var words = input.value.trim();
      var loaded = words.length >= MIN_LENGTH
        ? pagefind().then(function (module) { return module.preload(words); }).catch(function () {})
        : Promise.resolve();
      clearTimeout(timer);
      timer = setTimeout(function () {
        loaded.then(function () { if (input.value.trim() === words) run(); });  // not for words typed over since
      }, DELAY);
    });
    input.addEventListener("focus", function () {
      pagefind().then(function (module) { return module.init(); }).catch(function () {});
      if (!dismissed && form.dataset.siSearchDone && input.value.trim().length >= MIN_LENGTH) open();
    });
    form.addEventListener("keydown", function (event) {
      var links = Array.prototype.slice.call(panel.querySelectorAll("a:not([hidden])"));
      var at = links.indexOf(document.activeElement);
      if (event.key === "Escape") {
        dismissed = true;
        close();
        input.focus();
      } else if (event.key === "ArrowDown" && !panel.hidden && links.length) {
        event.preventDefault();
        links[Math.min(at + 1, links.length - 1)].focus();
      } else if (event.key === "ArrowUp" && at >= 0) {
        event.preventDefault();
        if (at === 0) input.focus(); else links[at - 1].focus();
      }
    });
    form.addEventListener("focusout", function (event) {
      if (!event.relatedTarget || !form.contains(event.relatedTarget)) close();
    });
    panel.addEventListener("click", function (event) {
      if (event.target.closest("a")) close();
    });
  }

  /* ---- the results page ------------------------------------------------- */

  function setupPage(page) {
    if (page.dataset.siSearchReady) return;
    page.dataset.siSearchReady = "true";
    var form = page.querySelector("form");
    var input = page.querySelector("[data-si-search-page-query]");
    var status = page.querySelector("[data-si-search-page-status]");
    var list = page.querySelector("[data-si-search-page-results]");
    var more = page.querySelector("[data-si-search-page-more]");
    page.querySelectorAll("[data-si-nojs]").forEach(function (node) { node.hidden = true; });
    var found = null;
    var shown = 0;
    var asked = 0;

    // One page at a time: a second click while the first is loading waits
    // for it instead of adding the same page again.
    var loading = null;
    function showMore() {
      if (loading) return loading;
      var ticket = asked;
      var from = shown;
      loading = details(found.results, from, from + PAGE).then(function (hits) {
        loading = null;
        if (ticket !== asked || shown !== from) return;
        hits.forEach(function (data) { list.appendChild(hit(data)); });
        shown += hits.length;
        more.hidden = shown >= found.results.length;
      }, function (error) {
        loading = null;
        throw error;
      });
      return loading;
    }

    function run(words) {
      var ticket = ++asked;
      loading = null;
      list.replaceChildren();
      more.hidden = true;
      if (!words) {
        status.textContent = "Typ een of meer woorden.";
        page.dataset.siSearchDone = "";
        return;
      }
      status.textContent = "Zoeken…";
      search(words).then(function (result) {
        if (ticket !== asked) return;
        found = result;
        shown = 0;
        status.textContent = result.results.length
          ? plural(result.results.length) + " voor “" + words + "”"
          : "Geen resultaten voor “" + words + "”. Probeer een ander of korter woord.";
        return showMore();
      }).then(function () {
        if (ticket === asked) page.dataset.siSearchDone = words;
      }).catch(function (error) {
        if (ticket !== asked) return;
        failed(status, page.dataset.siCatalogueUrl);
        if (window.console) console.warn(error);
      });
    }

    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var words = input.value.trim();
      var url = new URL(location.href);
      if (words) url.searchParams.set("q", words); else url.searchParams.delete("q");
      history.replaceState(history.state, "", url.pathname + url.search);
      run(words);
    });
    more.addEventListener("click", showMore);
    var words = (new URLSearchParams(location.search).get("q") || "").trim();
    input.value = words;
    run(words);
  }

  function start() {
    var header = document.querySelector("[data-si-search]");
    if (!header) return;
    setupHeader(header);
    document.querySelectorAll("[data-si-search-page]").forEach(setupPage);
  }

  window.siOnPage(start);
})();
