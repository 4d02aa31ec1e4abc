/*
 * The catalogue's facets, search, sorting and URL state.
 *
 * Progressive enhancement: the page already lists every case as links (paged)
 * without this script. Here the form is revealed and the list is redrawn from
 * the catalogue's data file. State lives in the query string with the
 * parameters of shared/CASE-FORMAT.md (the facets' parameters, which the data
 * file lists in `fields`, and those of the words and the order, in
 * `parameters`), so a selection can be bookmarked;
 * back and forward restore it. Parameters of others (utm_source, ...) and the
 * fragment are kept as they are. The orders, how many cards show at a time
 * and the addresses of case pages and the site search come from the data
 * file too: the site declares them once (hooks/showcase/addresses.py).
 *
 * Material's instant navigation swaps pages without reloading: setup runs on
 * every `document$` emission and is idempotent per catalogue element.
 */
(function () {
  "use strict";

  // The catalogue page carries this script; instant navigation inserts it
  // again on every visit, but one subscription to page views is enough.
  if (window.siCatalogue) return;
  window.siCatalogue = true;

  // All from the data file (see prepare): the facets' URL parameters; those
  // of the search words and the order; each order's URL value and what it
  // sorts on, the default first; the number of cards shown at a time.
  var FACETS = [];
  var SEARCH = "";
  var SORT = "";
  var SORTS = [];
  var ORDERS = {};
  var PAGE = 0;
  var cache = {};
  // One collator for the whole sort: localeCompare with a locale builds one per call.
  var COLLATOR = new Intl.Collator("nl", { sensitivity: "base" });

  /* ---- text: accents, case and Dutch plural forms ---------------------- */

  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  // Both endings in turn, so a singular and its plural meet in one stem:
  // "fiets", "fietsen" and "kinderfietsen" all end in "fiet".
  function stem(word) {
    if (word.length > 5 && /en$/.test(word)) {
      word = word.slice(0, -2);
      if (/([bdfgklmnprst])\1$/.test(word)) word = word.slice(0, -1);
    }
    if (word.length > 4 && /'?s$/.test(word) && !/ss$/.test(word)) {
      word = word.replace(/'?s$/, "");
    }
    return word;
  }

  function words(text) {
    return fold(text).split(/[^a-z0-9']+/).filter(Boolean).map(stem);
  }

  /* ---- state <-> URL ---------------------------------------------------- */

  function has(map, key) {
    return Object.prototype.hasOwnProperty.call(map, key);
  }

  // A repeated parameter (?domein=a&domein=b, what a plain form sends) counts
  // like commas; values the catalogue does not know are set aside, named in
  // `unknown`, and leave the rest of the selection as it is.
  function readState(search, known) {
    var params = new URLSearchParams(search);
    var state = { facets: {}, unknown: [], q: (params.get(SEARCH) || "").trim(), sort: SORTS[0], other: [] };
    FACETS.forEach(function (facet) {
      params.getAll(facet).join(",").split(",").map(function (v) { return v.trim(); }).filter(Boolean).forEach(function (value) {
        var list = state.facets[facet] || (state.facets[facet] = []);
        if (has(known[facet], value)) {
          if (list.indexOf(value) < 0) list.push(value);
        } else {
          state.unknown.push(facet + "=" + value);
        }
      });
      state.facets[facet] = state.facets[facet] || [];
    });
    if (SORTS.indexOf(params.get(SORT)) >= 0) state.sort = params.get(SORT);
    params.forEach(function (value, name) {
      if (name !== SEARCH && name !== SORT && FACETS.indexOf(name) < 0) state.other.push([name, value]);
    });
    return state;
  }

  function toQuery(state) {
    var parts = (state.other || []).map(function (pair) {
      return encodeURIComponent(pair[0]) + "=" + encodeURIComponent(pair[1]);
    });
    FACETS.forEach(function (facet) {
      if (state.facets[facet].length) parts.push(facet + "=" + state.facets[facet].map(encodeURIComponent).join(","));
    });
    if (state.q) parts.push(SEARCH + "=" + encodeURIComponent(state.q));
    if (state.sort !== SORTS[0]) parts.push(SORT + "=" + state.sort);
    return parts.length ? "?" + parts.join("&") : "";
  }

  /* ---- data ------------------------------------------------------------- */

  // Records are [slug, title, [positions per facet], thumbnail?]; regions
  // are widened here to the regions above them, so filters are set look-ups.
  function prepare(data) {
    FACETS = data.fields.slice();
    SEARCH = data.parameters.search;
    SORT = data.parameters.sort;
    SORTS = data.sorts.map(function (sort) { return sort[0]; });
    data.sorts.forEach(function (sort) { ORDERS[sort[0]] = sort[1]; });
    PAGE = data.page_size;
    var known = {};
    var labels = {};
    var card = { chips: data.card.chips, places: data.card.places, shorts: {} };
    FACETS.forEach(function (facet) {
      known[facet] = Object.create(null);
      data.facets[facet].forEach(function (term) {
        known[facet][term.slug] = term;
        labels[facet + ":" + term.slug] = term.label;
        if (term.short) card.shorts[facet + ":" + term.slug] = term.short;
      });
    });
    var cases = data.cases.map(function (record, index) {
      var item = { order: index, slug: record[0], title: record[1], thumbnail: record[3] || null,
        url: data.case_folder + record[0] + "/", organisation: "", summary: "", haystack: null, written: {}, filters: {}, sets: {} };
      data.fields.forEach(function (facet, position) {
        var slugs = record[2][position].map(function (at) { return data.facets[facet][at].slug; });
        item.written[facet] = slugs;
        var widened = {};
        slugs.forEach(function (slug) {
          for (var term = known[facet][slug]; term && !widened[term.slug]; term = term.parent && has(known[facet], term.parent) ? known[facet][term.parent] : null) widened[term.slug] = true;
        });
        item.sets[facet] = widened;
        item.filters[facet] = Object.keys(widened);
      });
      return item;
    });
    var alphabetical = cases.slice().sort(function (a, b) {
      return COLLATOR.compare(a.title, b.title);
    });
    return { cases: cases, alphabetical: alphabetical, known: known, labels: labels, card: card, searched: data.searched,
      textReady: false, searchUrl: data.search_url };
  }

  function fetchJson(url) {
    return fetch(url, { credentials: "same-origin" }).then(function (response) {
      if (!response.ok) throw new Error("catalogus niet geladen: " + response.status);
      return response.json();
    });
  }

  function load(url) {
    if (!cache[url]) cache[url] = fetchJson(url).then(prepare);
    return cache[url];
  }

  // Summaries, organisations and partners: fetched after the first results
  // are shown. Search reads them with the title and the labels of the case's
  // types, domains and regions; the stories themselves are the site search's.
  function loadText(data, url) {
    if (!data.textLoading) {
      data.textLoading = fetchJson(url).then(function (text) {
        text.cases.forEach(function (record, index) {
          var item = data.cases[index];
          item.summary = record[0];
          item.organisation = record[1];
          var labels = data.searched.filter(function (facet) { return item.written[facet]; }).map(function (facet) {
            return item.written[facet].map(function (slug) { return data.labels[facet + ":" + slug]; }).join(" ");
          });
          item.haystack = words([item.title, record[1], record[0], record[2]].concat(labels).join(" ")).join(" ");
        });
        data.textReady = true;
      });
    }
    return data.textLoading;
  }

  /* ---- filtering and counting ------------------------------------------- */

  // A term may sit inside a word: Dutch glues words together, and
  // "cooperatie" should find "zonnecooperatie".
  function matchesText(item, terms) {
    var haystack = item.haystack === null ? words(item.title).join(" ") : item.haystack;
    return terms.every(function (term) {
      return haystack.indexOf(term) >= 0;
    });
  }

  // The one facet a case fails ("q" for the text), "" if none, or null if it
  // fails two or more: then it counts for no value at all.
  function failing(item, chosen, terms) {
    var failed = "";
    for (var f = 0; f < FACETS.length; f++) {
      var values = chosen[f];
      if (!values.length) continue;
      var set = item.sets[FACETS[f]];
      var hit = false;
      for (var v = 0; v < values.length && !hit; v++) hit = set[values[v]] === true;
      if (!hit) {
        if (failed) return null;
        failed = FACETS[f];
      }
    }
    if (terms.length && !matchesText(item, terms)) {
      if (failed) return null;
      failed = "q";
    }
    return failed;
  }

  // One pass: the matching cases, and per facet value the number of cases it
  // would show given every other choice (OR within a facet, AND across).
  // Plain loops: at 10,000 cases this runs on every click and keystroke.
  function select(data, state) {
    var terms = words(state.q);
    var chosen = FACETS.map(function (facet) { return state.facets[facet]; });
    var counts = {};
    FACETS.forEach(function (facet) { counts[facet] = {}; });
    // The data lists the cases newest first; "title" is the one other order.
    var list = ORDERS[state.sort] === "title" ? data.alphabetical : data.cases;
    var hits = [];
    for (var i = 0; i < list.length; i++) {
      var item = list[i];
      var failed = failing(item, chosen, terms);
      if (failed === null) continue;
      for (var f = 0; f < FACETS.length; f++) {
        var facet = FACETS[f];
        if (failed && failed !== facet) continue;
        var slugs = item.filters[facet];
        var tally = counts[facet];
        for (var s = 0; s < slugs.length; s++) tally[slugs[s]] = (tally[slugs[s]] || 0) + 1;
      }
      if (!failed) hits.push(item);
    }
    return { hits: hits, counts: counts };
  }

  /* ---- drawing ---------------------------------------------------------- */

  function drawCard(template, item, data, base) {
    var labels = data.labels;
    var card = data.card;
    var node = template.content.firstElementChild.cloneNode(true);
    var link = node.querySelector(".si-card__title a");
    link.href = new URL(item.url, base).href;
    link.textContent = item.title;
    var image = node.querySelector(".si-card__image");
    if (item.thumbnail) image.src = new URL(item.thumbnail, base).href;
    else image.remove();
    var summary = node.querySelector(".si-card__summary");
    if (item.summary) summary.textContent = item.summary;
    else summary.remove();
    var organisation = node.querySelector(".si-card__organisation");
    if (item.organisation) organisation.textContent = item.organisation;
    else organisation.remove();
    var place = node.querySelector(".si-card__place");
    var places = (item.written[card.places] || []).map(function (slug) { return labels[card.places + ":" + slug]; });
    if (places.length) place.textContent = places.join(", ");
    else place.remove();
    var chips = node.querySelector(".si-chips");
    card.chips.forEach(function (kind) {
      var model = chips.querySelector(".si-chip--" + kind[1]);
      (item.written[kind[0]] || []).forEach(function (slug) {
        var chip = model.cloneNode(false);
        var key = kind[0] + ":" + slug;
        chip.textContent = card.shorts[key] || labels[key];
        if (card.shorts[key]) chip.title = labels[key];  // a short label (a goal by its number), the full one as title
        chips.appendChild(chip);
      });
      model.remove();
    });
    var wrapper = document.createElement("li");
    wrapper.className = "si-cards__item";
    wrapper.dataset.slug = item.slug;
    wrapper.appendChild(node);
    return wrapper;
  }

  function plural(count) {
    return count === 1 ? "1 praktijkvoorbeeld" : count + " praktijkvoorbeelden";
  }

  function render(root, data, state, shown) {
    var result = select(data, state);
    var template = root.querySelector("template[data-si-card]");
    var nodes = [];
    // A card is drawn once per case (and again once its summary and
    // organisation arrive); going back and forth between selections reuses
    // the drawn nodes, and a list that already shows exactly these nodes is
    // left as it is (no new paint, no new largest paint).
    result.hits.slice(0, shown).forEach(function (item) {
      if (!item.node || (!item.fromPage && item.nodeHasText !== data.textReady)) {
        item.node = drawCard(template, item, data, root.dataset.siBase);
        item.nodeHasText = data.textReady;
      }
      nodes.push(item.node);
    });
    var holder = root.querySelector("[data-si-results]");
    holder.removeAttribute("aria-busy");
    var current = holder.querySelector("ul.si-cards");
    var same = !!current && holder.children.length === 1 && current.children.length === nodes.length &&
      nodes.every(function (node, index) { return current.children[index] === node; });
    if (!same) {
      var list = document.createElement("ul");
      list.className = "si-cards";
      nodes.forEach(function (node) { list.appendChild(node); });
      holder.replaceChildren(list);
    }

    var total = Number(root.dataset.siTotal);
    var status = root.querySelector("[data-si-status]");
    status.textContent = result.hits.length === total
      ? plural(total)
      : plural(result.hits.length) + " van de " + total;
    var notice = root.querySelector("[data-si-notice]");
    var notes = [];
    if (state.unknown && state.unknown.length) notes.push("Onbekende filter genegeerd: " + state.unknown.join(", ") + ".");
    if (data.textFailed && state.q) notes.push("De samenvattingen konden niet geladen worden; er is alleen in de titels gezocht.");
    notice.textContent = notes.join(" ");
    notice.hidden = !notes.length;
    root.querySelector("[data-si-empty]").hidden = result.hits.length > 0;
    // Words that only occur in a story are found by the site search.
    root.querySelector("[data-si-fulltext]").hidden = !state.q;
    if (state.q) root.querySelector("[data-si-fulltext-link]").href = root.dataset.siBase + data.searchUrl + "?" + SEARCH + "=" + encodeURIComponent(state.q);
    showMore(root.querySelector("[data-si-more]"), result.hits.length - shown);

    root.querySelectorAll("[data-si-facet]").forEach(function (fieldset) {
      var facet = fieldset.dataset.siFacet;
      fieldset.querySelectorAll("input").forEach(function (input) {
        var count = String(result.counts[facet][input.value] || 0);
        var option = input.closest(".si-option");
        var shownCount = option.querySelector("[data-si-count]");
        if (shownCount.textContent !== count) shownCount.textContent = count;  // untouched nodes need no new layout
        option.classList.toggle("si-option--empty", count === "0" && !input.checked);
      });
    });
    return result.hits.length;
  }

  // The chosen values as buttons that take them away again.
  function drawChosen(root, data, state) {
    var list = root.querySelector("[data-si-chosen]");
    var items = [];
    FACETS.forEach(function (facet) {
      state.facets[facet].forEach(function (slug) {
        var item = document.createElement("li");
        var button = document.createElement("button");
        button.type = "button";
        button.className = "si-chosen__chip";
        button.dataset.facet = facet;
        button.dataset.value = slug;
        button.textContent = data.labels[facet + ":" + slug] + " ";
        var cross = document.createElement("span");
        cross.setAttribute("aria-hidden", "true");
        cross.textContent = "×";
        button.appendChild(cross);
        button.setAttribute("aria-label", "Filter weghalen: " + data.labels[facet + ":" + slug]);
        item.appendChild(button);
        items.push(item);
      });
    });
    list.replaceChildren.apply(list, items);
    list.hidden = !items.length;
  }

  function syncForm(root, state) {
    root.querySelector("[data-si-query]").value = state.q;
    root.querySelector("[data-si-sort]").value = state.sort;
    root.querySelectorAll("[data-si-facet] input").forEach(function (input) {
      input.checked = state.facets[input.name].indexOf(input.value) >= 0;
      if (input.checked) input.closest("details").open = true;
    });
  }

  function formState(root) {
    var state = { facets: {}, unknown: [], other: [], q: root.querySelector("[data-si-query]").value.trim(), sort: root.querySelector("[data-si-sort]").value };
    FACETS.forEach(function (facet) {
      state.facets[facet] = Array.prototype.map.call(
        root.querySelectorAll('[data-si-facet="' + facet + '"] input:checked'), function (input) { return input.value; });
    });
    return state;
  }

  // "Toon meer" while `left` cases are not shown yet.
  function showMore(more, left) {
    more.hidden = left <= 0;
    more.textContent = "Toon meer (nog " + Math.max(0, left) + ")";
  }

  /* ---- wiring ----------------------------------------------------------- */

  // The form shows at once, from the page's own HTML; the data file is
  // fetched on the first sign of use (focus or pointer in the catalogue, or a
  // selection already in the address), not at load. What is chosen before it
  // arrives is read from the form once it has.
  // --- a catalogue's life: set up at once, its data loaded at first use ---

  function setup(root) {
    if (root.dataset.siReady) return;
    root.dataset.siReady = "waiting";
    root.dataset.siBase = new URL(root.dataset.siRoot, location.href).href;
    var catalogue = {
      root: root,
      form: root.querySelector("[data-si-filters]"),
      more: root.querySelector("[data-si-more]"),
      touched: false,  // the form changed before the data arrived
      extra: 0,        // "Toon meer" pressed before the data arrived
      api: null        // set once the data is in (wire)
    };
    showForm(catalogue);
    listen(catalogue);
    loadWhenUsed(catalogue);
  }

  // The form replaces the plain list's links; on a phone the results come
  // first and the filters open on demand.
  function showForm(catalogue) {
    var root = catalogue.root;
    var toggle = root.querySelector("[data-si-toggle]");
    var facets = root.querySelector("[data-si-facets]");
    function showFacets(open) {
      toggle.setAttribute("aria-expanded", String(open));
      facets.classList.toggle("si-facets--closed", !open);
    }
    root.querySelectorAll("[data-si-nojs]").forEach(function (node) { node.hidden = true; });
    if (window.matchMedia("(max-width: 59.99em)").matches) {
      root.querySelectorAll("details.si-facet").forEach(function (details) { details.open = false; });
      showFacets(false);
    }
    toggle.addEventListener("click", function () { showFacets(toggle.getAttribute("aria-expanded") !== "true"); });
    catalogue.form.hidden = false;
    showMore(catalogue.more, Number(root.dataset.siTotal) - root.querySelectorAll("[data-si-results] li.si-cards__item").length);
  }

  // Until the data is in, a change only marks the form; wire() reads it.
  function listen(catalogue) {
    var root = catalogue.root;
    var query = root.querySelector("[data-si-query]");
    catalogue.form.addEventListener("submit", function (event) {
      event.preventDefault();
      if (catalogue.api) catalogue.api.update(true); else catalogue.touched = true;
    });
    catalogue.form.addEventListener("change", function (event) {
      if (event.target.matches("[data-si-query]")) return;
      if (catalogue.api) catalogue.api.update(true); else catalogue.touched = true;
    });
    var typing = null;
    query.addEventListener("input", function () {
      if (!catalogue.api) { catalogue.touched = true; return; }
      // Each keystroke redraws at once; the history gets one entry per pause.
      var firstKey = typing === null;
      clearTimeout(typing);
      catalogue.api.update(firstKey);
      typing = setTimeout(function () { typing = null; }, 800);
    });
    root.querySelectorAll("[data-si-reset]").forEach(function (button) {
      button.addEventListener("click", function () {
        if (!catalogue.api) {
          root.querySelectorAll("[data-si-facet] input:checked").forEach(function (input) { input.checked = false; });
          query.value = "";
          catalogue.touched = true;
          return;
        }
        catalogue.api.reset();
        query.focus();
      });
    });
    catalogue.more.addEventListener("click", function () {
      if (catalogue.api) catalogue.api.more(); else catalogue.extra += 1;
    });
  }

  // A selection in the address (a bookmark, a shared link) loads at once;
  // otherwise the first focus or tap in the catalogue does.
  function loadWhenUsed(catalogue) {
    var root = catalogue.root;
    var names = {};
    catalogue.form.querySelectorAll("[name]").forEach(function (field) { names[field.name] = true; });
    var selected = false;
    new URLSearchParams(location.search).forEach(function (value, name) { if (names[name]) selected = true; });
    function used() {
      root.removeEventListener("focusin", used);
      root.removeEventListener("pointerdown", used);
      loadData(catalogue);
    }
    if (selected) loadData(catalogue);
    else { root.addEventListener("focusin", used); root.addEventListener("pointerdown", used); }
  }

  function loadData(catalogue) {
    var root = catalogue.root;
    if (root.dataset.siReady !== "waiting") return;
    root.dataset.siReady = "loading";
    load(root.dataset.siIndex).then(function (data) { wire(catalogue, data); }).catch(function (error) {
      root.dataset.siReady = "failed";
      // Without its data the catalogue stays the plain list: show its links again.
      document.documentElement.classList.remove("si-js");
      catalogue.form.hidden = true;
      catalogue.more.hidden = true;
      root.querySelectorAll("[data-si-nojs]").forEach(function (node) { node.hidden = false; });
      if (window.console) console.warn(error);
    });
  }

  // The cards the page came with are complete (summary, organisation):
  // the first draw keeps them instead of drawing them without text.
  function adoptPageCards(root, data) {
    var bySlug = {};
    data.cases.forEach(function (item) { bySlug[item.slug] = item; });
    root.querySelectorAll("[data-si-results] li.si-cards__item[data-slug]").forEach(function (node) {
      var item = bySlug[node.dataset.slug];
      if (item && !item.node) { item.node = node; item.fromPage = true; }
    });
  }

  // A chosen value's chip removes it.
  function listenToChips(root, update) {
    root.querySelector("[data-si-chosen]").addEventListener("click", function (event) {
      var chip = event.target.closest("[data-facet]");
      if (!chip) return;
      var input = root.querySelector('[data-si-facet="' + chip.dataset.facet + '"] input[value="' + CSS.escape(chip.dataset.value) + '"]');
      if (input) input.checked = false;
      update(true);
      root.querySelector("[data-si-query]").focus();
    });
  }

  function wire(catalogue, data) {
    var root = catalogue.root;
    var shown = PAGE;
    var state = readState(location.search, data.known);
    if (toQuery(state) !== location.search) history.replaceState(history.state, "", location.pathname + toQuery(state) + location.hash);

    // If the summaries cannot load, the catalogue searches the titles and says so.
    function draw() {
      if (state.q && !data.textReady && !data.textFailed) {
        // The list still shows the previous selection: say it is about to change.
        root.querySelector("[data-si-results]").setAttribute("aria-busy", "true");
        root.querySelector("[data-si-status]").textContent = "Zoeken…";
        loadText(data, root.dataset.siText).then(draw, function () { data.textFailed = true; draw(); });
        return;
      }
      render(root, data, state, shown);
      drawChosen(root, data, state);
    }

    function update(push) {
      var other = state.other;
      state = formState(root);
      state.other = other;
      shown = PAGE;
      var query = toQuery(state);
      if (query !== location.search) {
        history[push ? "pushState" : "replaceState"](history.state, "", location.pathname + query + location.hash);
      }
      draw();
    }

    // Instant navigation replaces the page without unloading it: a listener
    // whose catalogue is gone removes itself.
    function restore() {
      if (!document.body.contains(root)) {
        window.removeEventListener("popstate", restore);
        return;
      }
      state = readState(location.search, data.known);
      syncForm(root, state);
      shown = PAGE;
      draw();
    }

    adoptPageCards(root, data);
    listenToChips(root, update);
    catalogue.api = {
      update: update,
      reset: function () {
        var cleared = { facets: {}, unknown: [], other: state.other, q: "", sort: state.sort };
        FACETS.forEach(function (facet) { cleared.facets[facet] = []; });
        syncForm(root, cleared);
        update(true);
      },
      more: function () { shown += PAGE; draw(); }
    };
    if (catalogue.touched) update(true);
    else { syncForm(root, state); draw(); }
    if (catalogue.extra) { shown += catalogue.extra * PAGE; draw(); }
    // Summaries and search text: once the catalogue is in use they follow.
    loadText(data, root.dataset.siText).then(draw, function () { data.textFailed = true; draw(); });
    root.dataset.siReady = "true";
    window.addEventListener("popstate", restore);
  }

  function start() {
    document.querySelectorAll("[data-si-catalogue]").forEach(setup);
  }

  window.siOnPage(start);

})();
