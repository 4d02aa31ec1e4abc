/* Run a page script's setup on every page view.
 *
 * With Material's instant navigation pages are swapped without reloading, and
 * `document$` emits for each; without it (or before the theme's bundle has
 * run) setup runs once the document is ready. Setups must be idempotent.
 */
window.siOnPage = function (setup) {
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(setup);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setup);
  } else {
    setup();
  }
};
