/* Locale switcher: keep the reader on the same page and clause.
 *
 * Every locale of the Rules Center has the same tree of pages, so the twin of a page is
 * found by swapping the locale root; the #fragment (a clause's permanent id) is carried
 * over. Material's language menu links (a[hreflang]) point at each locale's root; they are
 * rewritten when the page loads and whenever the fragment changes.
 */
(function () {
  "use strict";
  var rootMeta = document.querySelector('meta[name="av-locale-root"]');
  if (!rootMeta) { return; }

  function localeRoot() {
    return new URL(rootMeta.getAttribute("content"), location.href);
  }

  function twin(link) {
    var root = localeRoot();
    var target = new URL(link.getAttribute("data-av-root") || link.getAttribute("href"), location.href);
    var rest = location.pathname.indexOf(root.pathname) === 0
      ? location.pathname.slice(root.pathname.length) : "";
    return new URL(rest + location.hash, target).href;
  }

  function update() {
    var links = document.querySelectorAll("a.md-select__link[hreflang]"), i;
    for (i = 0; i < links.length; i++) {
      if (!links[i].hasAttribute("data-av-root")) {
        links[i].setAttribute("data-av-root", links[i].getAttribute("href"));
      }
      links[i].setAttribute("href", twin(links[i]));
    }
  }

  update();
  window.addEventListener("hashchange", update);
  /* Follow the link ourselves: Material's own handler would look the page up in a sitemap
   * and, failing that, go to the locale's home page. The hash may also have changed without
   * an event (history.replaceState), so the target is computed at the click. */
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a.md-select__link[hreflang]");
    if (!link) { return; }
    link.setAttribute("href", twin(link));
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) {
      return;  /* new tab or window: the rewritten href does it */
    }
    event.preventDefault();
    event.stopImmediatePropagation();
    location.assign(link.href);
  }, true);
})();
