/* AllValue privacy notices: the pop-up that a material change requires (Section VIII).
 *
 * Plain JavaScript, no framework, no build step. The Rules Center loads it on every page;
 * a storefront can embed it as well.
 *
 * Embedding
 * ---------
 *   <script src="https://<rules-center>/assets/popup.js" defer
 *           data-policy="allvalue-privacy"
 *           data-versions="https://<rules-center>/versions.json"
 *           data-locale="zh-Hans"></script>
 *
 * or, without data attributes, call it yourself:
 *
 *   AllValueNotices.init({policy: "allvalue-privacy", versions: "https://…/versions.json",
 *                         locale: "en"})            // -> Promise<{shown, level, reason}>
 *
 * `versions.json` (built by `notices build`) carries everything: each version's content hash,
 * the level and notification of diff(A, current) for every earlier version A, the texts of
 * the material changes in every locale, the redline links and the dialog's strings. The
 * script does no diffing. `locale` is one of versions.json's `locales` (en, zh-Hans, zh-Hant;
 * anything else falls back to en).
 *
 * Other calls (all synchronous unless noted):
 *   AllValueNotices.state(policy)          -> {acknowledged, receipts} as stored
 *   AllValueNotices.receipts(policy)       -> the receipts (array, oldest first)
 *   AllValueNotices.downloadReceipts(policy)  saves them as <policy>-receipts.json
 *   AllValueNotices.reset(policy)          forgets everything stored for the policy
 *   AllValueNotices.decision               {level, reason, shown} once init() decided
 *   events on window: "av-notices:acknowledged" (detail: the receipt; also for "notified"),
 *                     "av-notices:closed"
 *
 * What it decides
 * ---------------
 * localStorage["av-notices:<policy>"] holds {acknowledged, receipts}. With `last` the
 * version the reader last acknowledged and `current` the current version:
 *   - no record (first visit): no pop-up; the current version is recorded as the reader's
 *     starting point (a receipt with action "first-visit"), so a later material change is
 *     shown to them. A first visit is not an acknowledgment of any change, nor consent.
 *   - diff(last, current) is "material": a dialog lists the material changes, links the
 *     redline, and "I have read this" records a receipt (action "read").
 *   - "consent": the dialog asks "I agree" / "Not now". Only "I agree" records a receipt
 *     (action "agreed"); "Not now", Escape or closing record nothing and it asks again on
 *     the next page load.
 *   - below "material" (none, editorial, review): nothing.
 *   - effective dates: the version in effect is the last whose `effective` date has come,
 *     by the reader's clock (so a site built before a version's effective date switches to
 *     it on that date). A published version still to take effect is announced in advance
 *     once, when it is material or needs consent ("OK" records a receipt with action
 *     "notified", which acknowledges nothing); on its effective date the dialog above asks
 *     for what the change needs.
 *   - a stored version unknown to versions.json: the highest level of any earlier version.
 * Every receipt holds the policy, version, content hash, action, time (ISO 8601 UTC),
 * locale and the version it replaced.
 *
 * Accessibility: role="dialog", aria-modal, labelled by its heading and described by its
 * introduction; focus moves into it and stays there (Tab / Shift+Tab cycle), the page
 * behind is inert, Escape closes it without acknowledging, focus returns where it was.
 */
(function (global) {
  "use strict";

  var PREFIX = "av-notices:";
  var LEVELS = ["none", "editorial", "review", "material", "consent"];
  var STYLE = [
    ".av-notices-backdrop{position:fixed;inset:0;z-index:10000;background:rgba(0,0,0,.55);",
    "display:flex;align-items:center;justify-content:center;padding:1rem}",
    ".av-notices-dialog{background:#fff;color:#1a1a1a;max-width:34rem;width:100%;max-height:90vh;",
    "overflow:auto;border-radius:.4rem;padding:1.25rem 1.5rem;box-shadow:0 .5rem 2rem rgba(0,0,0,.4);",
    "font:16px/1.5 system-ui,-apple-system,\"Segoe UI\",\"Noto Sans\",\"PingFang SC\",\"Microsoft YaHei\",sans-serif}",
    ".av-notices-dialog h2{margin:0 0 .5em;font-size:1.25em;line-height:1.3;color:#1a1a1a}",
    ".av-notices-dialog ul{padding-left:1.25em;margin:.5em 0}",
    ".av-notices-dialog a{color:#1a3fa8}",
    ".av-notices-note{font-size:.9em;color:#333}",
    ".av-notices-actions{display:flex;flex-wrap:wrap;gap:.5rem;justify-content:flex-end;margin-top:1rem}",
    ".av-notices-actions button{font:inherit;padding:.45em 1em;border-radius:.25em;border:1px solid #1a3fa8;",
    "cursor:pointer;background:#fff;color:#1a3fa8}",
    ".av-notices-actions button.av-primary{background:#1a3fa8;color:#fff}",
    ".av-notices-dialog :focus-visible{outline:3px solid #b36b00;outline-offset:2px}"
  ].join("");

  /* ---------------------------------------------------------------- storage */
  function key(policy) { return PREFIX + policy; }

  function state(policy) {
    var raw = null;
    try { raw = global.localStorage.getItem(key(policy)); } catch (e) { /* storage disabled */ }
    if (raw) {
      try {
        var data = JSON.parse(raw);
        if (data && typeof data === "object") {
          return { acknowledged: data.acknowledged || null, receipts: data.receipts || [],
                   notified: data.notified || [] };
        }
      } catch (e) { /* corrupt: start again */ }
    }
    return { acknowledged: null, receipts: [], notified: [] };
  }

  function save(policy, data) {
    try { global.localStorage.setItem(key(policy), JSON.stringify(data)); } catch (e) { /* full or disabled */ }
  }

  function record(policy, version, action, locale, previous) {
    var data = state(policy);
    var receipt = {
      policy: policy, version: version.version, content_hash: version.content_hash,
      action: action, time: new Date().toISOString(), locale: locale,
      previous: previous || null
    };
    if (action === "notified") {  /* told in advance: not an acknowledgment of what applies */
      data.notified.push(version.version);
    } else {
      data.acknowledged = receipt;
    }
    data.receipts.push(receipt);
    save(policy, data);
    if (action !== "first-visit") {
      global.dispatchEvent(new CustomEvent("av-notices:acknowledged", { detail: receipt }));
    }
    return receipt;
  }

  function downloadReceipts(policy) {
    var data = state(policy);
    var blob = new Blob([JSON.stringify({ policy: policy, receipts: data.receipts }, null, 2)],
      { type: "application/json" });
    var a = document.createElement("a");
    a.href = URL.createObjectURL(blob);
    a.download = policy + "-receipts.json";
    document.body.appendChild(a);
    a.click();
    setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 0);
  }

  /* ---------------------------------------------------------------- decision */
  function rank(level) { return LEVELS.indexOf(level); }

  /* The reader's date, YYYY-MM-DD in UTC (versions.json's effective dates are calendar dates). */
  function today() { return new Date().toISOString().slice(0, 10); }

  function sinceEntry(version, from) {
    var entry = version.since[from];
    if (!entry) {  /* a version unknown here: the highest level of any earlier one */
      Object.keys(version.since).forEach(function (k) {
        if (!entry || rank(version.since[k].level) > rank(entry.level)) { entry = version.since[k]; }
      });
    }
    return entry || null;
  }

  /* Which version is in effect is decided by the reader's date, not the build's: a site
   * built before a version's effective date switches to it on that date. */
  function decide(manifest, acknowledged, notified, day) {
    var current = null, built = null, upcoming = null, i, v;
    day = day || today();
    for (i = 0; i < manifest.versions.length; i++) {
      v = manifest.versions[i];
      if (v.current) { built = v; }
      if (!v.effective || v.effective <= day) { current = v; }
      else if (!upcoming) { upcoming = v; }
    }
    current = current || built;
    if (!current) { return { current: null, level: "none", reason: "no-current" }; }
    if (!acknowledged) { return { current: current, level: "none", reason: "first-visit" }; }
    var entry = null;
    if (acknowledged.version !== current.version) {
      entry = sinceEntry(current, acknowledged.version);
      if (!entry) { return { current: current, level: "none", reason: "unknown-version" }; }
      if (rank(entry.level) >= rank("material")) {
        return { current: current, entry: entry, level: entry.level, reason: "changed" };
      }
    }
    /* nothing to ask about what is in effect: announce what is coming, once per version */
    if (upcoming && (notified || []).indexOf(upcoming.version) < 0) {
      var next = sinceEntry(upcoming, acknowledged.version);
      if (next && rank(next.level) >= rank("material")) {
        return { current: current, upcoming: upcoming, entry: next, level: next.level, reason: "upcoming" };
      }
    }
    if (entry) { return { current: current, entry: entry, level: entry.level, reason: "changed" }; }
    return { current: current, level: "none", reason: "up-to-date" };
  }

  /* ---------------------------------------------------------------- dialog */
  /* Every text of the dialog goes in as text (textContent, setAttribute), never as HTML; a
   * link from versions.json is followed only to an http(s) address. */
  function httpUrl(url, base) {
    var u = new URL(url, base);
    return u.protocol === "https:" || u.protocol === "http:" ? u.href : null;
  }

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text != null) { node.textContent = text; }
    return node;
  }

  function injectStyle() {
    if (document.getElementById("av-notices-style")) { return; }
    var style = el("style", { id: "av-notices-style" });
    style.textContent = STYLE;
    document.head.appendChild(style);
  }

  function focusables(root) {
    return Array.prototype.filter.call(
      root.querySelectorAll("a[href], button:not([disabled]), [tabindex]:not([tabindex='-1'])"),
      function (n) { return n.offsetParent !== null || n === document.activeElement; });
  }

  function fill(template, values) {
    return String(template || "").replace(/\{(\w+)\}/g, function (m, k) {
      return values[k] != null ? values[k] : m;
    });
  }

  function showDialog(opts) {
    var s = opts.strings, advance = !!opts.upcoming, base = opts.base;
    var consent = opts.level === "consent" && !advance;
    injectStyle();
    var backdrop = el("div", { "class": "av-notices-backdrop" });
    var dialog = el("div", {
      "class": "av-notices-dialog", role: "dialog", "aria-modal": "true",
      "aria-labelledby": "av-notices-title", "aria-describedby": "av-notices-intro",
      lang: opts.locale, "data-av-level": opts.level, "data-av-kind": advance ? "upcoming" : opts.level
    });
    var shown = opts.upcoming || opts.current;
    dialog.appendChild(el("h2", { id: "av-notices-title", tabindex: "-1" },
      advance ? s["popup.upcoming.title"] : consent ? s["popup.consent.title"] : s["popup.material.title"]));
    dialog.appendChild(el("p", { id: "av-notices-intro" },
      advance ? s["popup.upcoming.intro"] : consent ? s["popup.consent.intro"] : s["popup.material.intro"]));
    dialog.appendChild(el("p", { "class": "av-notices-version" },
      fill(advance ? s["popup.version.upcoming"] : s["popup.version.current"],
           { version: shown.version, date: shown.effective || shown.date })));
    var list = el("ul", { "class": "av-notices-changes" });
    (opts.changes || []).forEach(function (c) {
      var item = el("li", { "data-av-level": c.level }, c.text);
      if (c.level === "consent" || opts.level === "consent") {
        item.appendChild(document.createTextNode(" "));
        item.appendChild(el("strong", { "class": "av-notices-tag" },
          c.level === "consent" ? s["popup.tag.consent"] : s["popup.tag.notice"]));
      }
      list.appendChild(item);
    });
    if (list.children.length) { dialog.appendChild(list); }
    var links = el("p");
    var redline = opts.redline && httpUrl(opts.redline, base);
    var statement = opts.statement && httpUrl(opts.statement, base);
    if (redline) {
      links.appendChild(el("a", { href: redline, "class": "av-notices-redline" }, s["popup.redline"]));
    }
    if (statement) {
      if (links.children.length) { links.appendChild(document.createTextNode(" · ")); }
      links.appendChild(el("a", { href: statement }, s["popup.statement"]));
    }
    if (links.children.length) { dialog.appendChild(links); }
    if (consent) { dialog.appendChild(el("p", { "class": "av-notices-note" }, s["popup.consent.note"])); }
    if (advance && opts.level === "consent") {
      dialog.appendChild(el("p", { "class": "av-notices-note" },
        fill(s["popup.upcoming.consent"], { date: shown.effective })));
    }
    var actions = el("div", { "class": "av-notices-actions" });
    var later = null, primary;
    if (consent) {
      later = el("button", { type: "button", "data-av-action": "later" }, s["popup.later"]);
      actions.appendChild(later);
      primary = el("button", { type: "button", "class": "av-primary", "data-av-action": "agree" }, s["popup.agree"]);
    } else if (advance) {
      primary = el("button", { type: "button", "class": "av-primary", "data-av-action": "notified" }, s["popup.noted"]);
    } else {
      primary = el("button", { type: "button", "class": "av-primary", "data-av-action": "read" }, s["popup.read"]);
    }
    actions.appendChild(primary);
    dialog.appendChild(actions);
    backdrop.appendChild(dialog);

    var opener = document.activeElement;
    var siblings = Array.prototype.filter.call(document.body.children, function (n) {
      return n !== backdrop && !n.hasAttribute("inert") && n.tagName !== "SCRIPT";
    });

    function close(result) {
      document.removeEventListener("keydown", onKey, true);
      siblings.forEach(function (n) { n.removeAttribute("inert"); });
      backdrop.remove();
      if (opener && opener.focus && document.contains(opener)) { opener.focus(); }
      global.dispatchEvent(new CustomEvent("av-notices:closed", { detail: { result: result } }));
      opts.onClose(result);
    }

    function onKey(event) {
      if (event.key === "Escape") {
        event.preventDefault();
        event.stopPropagation();
        close("dismissed");  /* never an acknowledgment, never consent */
        return;
      }
      /* while the dialog is open the page's own shortcuts (Material: "s", "/", "n", "p")
       * must not act behind it; default actions (Enter, Space on a button) still happen */
      event.stopPropagation();
      if (event.key === "Tab") {
        var items = focusables(dialog);
        if (!items.length) { event.preventDefault(); return; }
        var first = items[0], last = items[items.length - 1];
        var inside = dialog.contains(document.activeElement);
        if (event.shiftKey && (document.activeElement === first || !inside)) {
          event.preventDefault(); last.focus();
        } else if (!event.shiftKey && (document.activeElement === last || !inside)) {
          event.preventDefault(); first.focus();
        }
      }
    }

    primary.addEventListener("click", function () { close(consent ? "agreed" : advance ? "notified" : "read"); });
    if (later) { later.addEventListener("click", function () { close("later"); }); }
    document.addEventListener("keydown", onKey, true);
    document.body.appendChild(backdrop);
    siblings.forEach(function (n) { n.setAttribute("inert", ""); });
    (later || primary).focus();
    return dialog;
  }

  /* ---------------------------------------------------------------- receipts panel */
  function renderReceipts(policy, strings, locale) {
    var panels = document.querySelectorAll("[data-av-receipts]");
    Array.prototype.forEach.call(panels, function (panel) {
      var data = state(policy), last = data.acknowledged;
      panel.textContent = "";
      panel.appendChild(el("p", { "class": "av-receipts-title" }, strings["receipts.title"]));
      if (!last) {
        panel.appendChild(el("p", null, strings["receipts.none"]));
        return;
      }
      var template = last.action === "agreed" ? strings["receipts.agreed"]
        : last.action === "read" ? strings["receipts.read"] : strings["receipts.seen"];
      var when = last.time;
      try { when = new Date(last.time).toLocaleString(locale); } catch (e) { /* keep ISO */ }
      panel.appendChild(el("p", { "data-av-receipt": last.version },
        template.replace("{version}", last.version).replace("{time}", when)));
      var button = el("button", { type: "button", "class": "md-button" }, strings["receipts.download"]);
      button.addEventListener("click", function () { downloadReceipts(policy); });
      panel.appendChild(button);
    });
  }

  /* ---------------------------------------------------------------- init */
  function init(options) {
    var policy = options.policy, locale = options.locale || "en";
    var base = new URL(options.versions, global.location.href);
    return fetch(base.href, { cache: "no-cache" }).then(function (response) {
      if (!response.ok) { throw new Error("versions.json: HTTP " + response.status); }
      return response.json();
    }).then(function (manifest) {
      if (manifest.manifest_version !== 1) { throw new Error("versions.json: unsupported manifest_version"); }
      policy = policy || manifest.policy;
      if (manifest.locales.indexOf(locale) < 0) { locale = "en"; }
      var strings = manifest.strings[locale] || manifest.strings.en;
      var stored = state(policy);
      var d = decide(manifest, stored.acknowledged, stored.notified);
      global.AllValueNotices.decision = {
        level: d.level, reason: d.reason, shown: rank(d.level) >= rank("material")
      };
      renderReceipts(policy, strings, locale);
      if (d.reason === "first-visit") {
        record(policy, d.current, "first-visit", locale, null);
        renderReceipts(policy, strings, locale);
        return { shown: false, level: "none", reason: d.reason };
      }
      if (rank(d.level) < rank("material")) {
        return { shown: false, level: d.level, reason: d.reason };
      }
      return new Promise(function (resolve) {
        showDialog({
          level: d.level, locale: locale, strings: strings, base: base,
          current: d.current, upcoming: d.upcoming || null,
          changes: (d.entry.changes && (d.entry.changes[locale] || d.entry.changes.en)) || [],
          redline: d.entry.redline && (d.entry.redline[locale] || d.entry.redline.en),
          statement: d.current.url && (d.current.url[locale] || d.current.url.en),
          onClose: function (result) {
            if (result === "read" || result === "agreed") {
              record(policy, d.current, result, locale, stored.acknowledged.version);
              renderReceipts(policy, strings, locale);
            } else if (result === "notified") {
              record(policy, d.upcoming, "notified", locale, stored.acknowledged.version);
            }
            resolve({ shown: true, level: d.level, reason: d.reason, result: result });
          }
        });
      });
    }).catch(function (error) {
      global.AllValueNotices.decision = { level: "none", reason: "unavailable", shown: false };
      if (global.console) { global.console.warn("AllValue notices: " + error.message); }
      return { shown: false, level: "none", reason: "unavailable" };
    });
  }

  function autoInit() {
    var script = document.currentScript, options = null;
    if (script && script.getAttribute("data-versions")) {
      options = {
        policy: script.getAttribute("data-policy"), versions: script.getAttribute("data-versions"),
        locale: script.getAttribute("data-locale") || document.documentElement.lang || "en"
      };
    }
    function start() {
      if (!options) {
        var config = document.getElementById("av-notices-config");
        if (!config) { return; }
        options = JSON.parse(config.textContent);
      }
      global.AllValueNotices.ready = init(options);
    }
    if (document.readyState === "loading") {
      document.addEventListener("DOMContentLoaded", start);
    } else {
      start();
    }
  }

  global.AllValueNotices = {
    init: init,
    state: function (policy) { return state(policy); },
    receipts: function (policy) { return state(policy).receipts; },
    downloadReceipts: downloadReceipts,
    reset: function (policy) { try { global.localStorage.removeItem(key(policy)); } catch (e) { /* */ } },
    decide: decide,
    ready: null,     /* the Promise of the last init(): resolves when the dialog is closed */
    decision: null   /* {level, reason, shown} once init() has decided */
  };
  autoInit();
})(window);
