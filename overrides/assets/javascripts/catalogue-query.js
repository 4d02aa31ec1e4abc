/*
 * Loaded in <head> of the catalogue only, before Material's bundle.
 *
 * Material's search opens itself for any `?q=` in the address and deletes
 * `q` when it is closed (its bundle: `searchParams.has("q")`). On the
 * catalogue `q` is ours (shared/CASE-FORMAT.md), so it is handed to
 * catalogue.js here and put back in the address once the catalogue runs.
 */
(function () {
  "use strict";
  var parts = location.search.replace(/^\?/, "").split("&").filter(Boolean);
  var kept = parts.filter(function (part) { return part.split("=")[0] !== "q"; });
  if (kept.length === parts.length) return;
  window.siOriginalSearch = location.search;
  history.replaceState(history.state, "", location.pathname + (kept.length ? "?" + kept.join("&") : "") + location.hash);
})();
