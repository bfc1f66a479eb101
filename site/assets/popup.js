/* AllValue privacy notices: the pop-up that a material change requires (Section VIII).
 *
 * Plain JavaScript, no framework, no build step, no eval, no inline script, text always
 * inserted as text. The Rules Center loads it on every page; a storefront can embed it.
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
 *   AllValueNotices.init({
 *     policy: "allvalue-privacy",
 *     versions: "https://<rules-center>/versions.json",
 *     locale: "en",
 *     onAcknowledge: function (receipt) {       // optional: send it to your own back end
 *       return fetch("/my/receipts", {method: "POST", body: JSON.stringify(receipt),
 *                                     headers: {"Content-Type": "application/json"}});
 *     }
 *   })                                          // -> Promise<{shown, level, reason, result}>
 *
 * What it fetches. `versions` says where the Rules Center is: versions.json itself (every
 * version, for tools) is never fetched. The pop-up reads the small file beside it,
 * notices/<policy>/current.json (`current` / data-current give its URL directly), whose
 * size does not grow with the history: the current and upcoming versions, their content
 * hashes and the dialog's strings. Only when the reader's version is not the one in
 * effect (or a version is to be announced) does it fetch
 * notices/<policy>/since/<version>.json: for that reader, diff(version, current) compared
 * directly, with its level, redline link and the texts of its material changes in every
 * locale. The script does no diffing. From another origin both files need the Rules
 * Center to send `Access-Control-Allow-Origin` (the storefront's origin, or *); when a
 * file cannot be loaded the script says so in the page (a small note, role="status") and
 * in the console, and decides nothing. `locale` is one of the file's `locales` (en,
 * zh-Hans, zh-Hant; anything else falls back to en).
 *
 * onAcknowledge(receipt) is called, like the "av-notices:acknowledged" event, for every
 * receipt the reader makes ("read", "agreed", and "notified" for an advance notice), never
 * for a first visit; an error it throws (or a Promise it rejects) is logged and changes
 * nothing stored.
 *
 * Other calls (all synchronous unless noted):
 *   AllValueNotices.state(policy)          -> {acknowledged, receipts, notified} as stored
 *   AllValueNotices.receipts(policy)       -> the receipts (array, oldest first)
 *   AllValueNotices.downloadReceipts(policy)  saves them as <policy>-receipts.json
 *   AllValueNotices.reset(policy)          forgets everything stored for the policy
 *   AllValueNotices.decision               {level, reason, shown} once init() decided
 *   AllValueNotices.decide(current, acknowledged, notified, day, against)  the decision alone
 *   events on window: "av-notices:acknowledged" (detail: the receipt; also for "notified"),
 *                     "av-notices:closed"
 *
 * What it decides
 * ---------------
 * localStorage["av-notices:<policy>"] holds {acknowledged, receipts, notified}. With
 * `last` the version the reader last acknowledged and `current` the current version:
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
 *   - a stored version the site does not know (no since/<version>.json): what a reader of
 *     the version with the highest-level diff is told (current.json's `fallback`).
 *   - on the redline page the dialog links to, the dialog does not cover the page: the
 *     question is asked in a panel at the top of the page instead (same answers, not
 *     modal), so the reader can read every change before answering.
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
  var MANIFEST_VERSION = 2;  /* notices/<policy>/current.json and since/<version>.json */
  var LEVELS = ["none", "editorial", "review", "material", "consent"];
  /* The note shown when the pop-up's file cannot be loaded, when there are no strings to
   * read it from: templates/site/strings.json.j2's "popup.unavailable" and "popup.dismiss"
   * as the catalogs translate them (tests/test_site_growth.py keeps them equal). */
  var UNAVAILABLE = {
    "en": { "popup.unavailable": "We could not load the notices about changes to our Privacy Statement.",
            "popup.dismiss": "Dismiss" },
    "zh-Hans": { "popup.unavailable": "我们无法加载有关隐私声明变更的通知。", "popup.dismiss": "关闭" },
    "zh-Hant": { "popup.unavailable": "我們無法載入有關隱私聲明變更的通知。", "popup.dismiss": "關閉" }
  };
  var STYLE = [
    ".av-notices-backdrop{position:fixed;inset:0;z-index:10000;background:rgba(0,0,0,.55);",
    "display:flex;align-items:center;justify-content:center;padding:1rem}",
    ".av-notices-dialog{background:#fff;color:#1a1a1a;max-width:34rem;width:100%;max-height:90vh;",
    "overflow:auto;border-radius:.4rem;padding:1.25rem 1.5rem;box-shadow:0 .5rem 2rem rgba(0,0,0,.4);",
    "font:16px/1.5 system-ui,-apple-system,\"Segoe UI\",\"Noto Sans\",\"PingFang SC\",\"Microsoft YaHei\",sans-serif}",
    ".av-notices-dialog h2,.av-notices-inline h2{margin:0 0 .5em;font-size:1.25em;line-height:1.3;color:#1a1a1a}",
    ".av-notices-dialog ul{padding-left:1.25em;margin:.5em 0}",
    ".av-notices-dialog a{color:#1a3fa8}",
    ".av-notices-inline{background:#fff;color:#1a1a1a;border:2px solid #1a3fa8;border-radius:.4rem;",
    "padding:1rem 1.25rem;margin:0 0 1.5rem;font:16px/1.5 system-ui,-apple-system,\"Segoe UI\",\"Noto Sans\",",
    "\"PingFang SC\",\"Microsoft YaHei\",sans-serif}",
    ".av-notices-inline p{margin:.25em 0}",
    ".av-notices-note{font-size:.9em;color:#333}",
    ".av-notices-actions{display:flex;flex-wrap:wrap;gap:.5rem;justify-content:flex-end;margin-top:1rem}",
    ".av-notices-actions button,.av-notices-status button{font:inherit;padding:.45em 1em;border-radius:.25em;",
    "border:1px solid #1a3fa8;cursor:pointer;background:#fff;color:#1a3fa8}",
    ".av-notices-actions button.av-primary{background:#1a3fa8;color:#fff}",
    ".av-notices-status{position:fixed;left:1rem;bottom:1rem;z-index:10000;max-width:22rem;background:#fff;",
    "color:#1a1a1a;border:1px solid #666;border-radius:.4rem;padding:.6rem .8rem;",
    "box-shadow:0 .25rem 1rem rgba(0,0,0,.25);font:14px/1.4 system-ui,-apple-system,\"Segoe UI\",\"Noto Sans\",",
    "\"PingFang SC\",\"Microsoft YaHei\",sans-serif}",
    ".av-notices-status p{margin:0 0 .4em}",
    ".av-notices-dialog :focus-visible,.av-notices-inline :focus-visible,.av-notices-status :focus-visible",
    "{outline:3px solid #b36b00;outline-offset:2px}"
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

  /* Store a receipt; for anything but a first visit, tell the page (the event) and the
   * storefront's hook, whose failure is logged and changes nothing stored. */
  function record(policy, version, action, locale, previous, hook) {
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
      callHook(hook, receipt);
    }
    return receipt;
  }

  function callHook(hook, receipt) {
    if (typeof hook !== "function") { return; }
    function failed(error) { warn("onAcknowledge failed: " + (error && error.message || error)); }
    try {
      var done = hook(JSON.parse(JSON.stringify(receipt)));  /* a copy: the stored one stays as it is */
      if (done && typeof done.then === "function") { done.then(null, failed); }
    } catch (e) { failed(e); }
  }

  function warn(message) {
    if (global.console) { global.console.warn("AllValue notices: " + message); }
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

  /* The reader's date, YYYY-MM-DD in UTC (the files' effective dates are calendar dates). */
  function today() { return new Date().toISOString().slice(0, 10); }

  /* Which version is in effect is decided by the reader's date, not the build's: a site
   * built before a version's effective date switches to it on that date. `manifest` is
   * current.json: the current version and the upcoming ones, oldest first. */
  function inEffect(manifest, day) {
    var current = null, built = null, upcoming = null, i, v;
    for (i = 0; i < manifest.versions.length; i++) {
      v = manifest.versions[i];
      if (v.current) { built = v; }
      if (!v.effective || v.effective <= day) { current = v; }
      else if (!upcoming) { upcoming = v; }
    }
    return { current: current || built, upcoming: upcoming };
  }

  /* The version whose since/<version>.json the decision needs, or null: none is needed for
   * a first visit, nor for a reader up to date with nothing (new) to announce. */
  function needed(manifest, acknowledged, notified, day) {
    var now = inEffect(manifest, day);
    if (!now.current || !acknowledged || !acknowledged.version) { return null; }
    if (ahead(manifest, now.current, acknowledged.version)) { return null; }
    if (acknowledged.version !== now.current.version) { return acknowledged.version; }
    if (now.upcoming && (notified || []).indexOf(now.upcoming.version) < 0) { return acknowledged.version; }
    return null;
  }

  /* Is `version` a version later than the one in effect (read by a reader whose clock was
   * ahead)? Nothing to tell them then. */
  function ahead(manifest, current, version) {
    var names = manifest.versions.map(function (v) { return v.version; });
    return names.indexOf(version) > names.indexOf(current.version);
  }

  /* `against`: the `against` map of since/<acknowledged version>.json (diff(A, T) for each
   * current or upcoming T later than A), or null when it could not be had. */
  function decide(manifest, acknowledged, notified, day, against) {
    var now = inEffect(manifest, day || today()), current = now.current, upcoming = now.upcoming;
    if (!current) { return { current: null, level: "none", reason: "no-current" }; }
    if (!acknowledged) { return { current: current, level: "none", reason: "first-visit" }; }
    if (ahead(manifest, current, acknowledged.version)) {
      return { current: current, level: "none", reason: "up-to-date" };
    }
    var entry = null;
    if (acknowledged.version !== current.version) {
      if (!against) { return { current: current, level: "none", reason: "unknown-version" }; }
      entry = against[current.version] || null;  /* none: the reader's version is not older */
      if (entry && rank(entry.level) >= rank("material")) {
        return { current: current, entry: entry, level: entry.level, reason: "changed" };
      }
    }
    /* nothing to ask about what is in effect: announce what is coming, once per version */
    if (upcoming && against && (notified || []).indexOf(upcoming.version) < 0) {
      var next = against[upcoming.version];
      if (next && rank(next.level) >= rank("material")) {
        return { current: current, upcoming: upcoming, entry: next, level: next.level, reason: "upcoming" };
      }
    }
    if (entry) { return { current: current, entry: entry, level: entry.level, reason: "changed" }; }
    return { current: current, level: "none", reason: "up-to-date" };
  }

  /* ---------------------------------------------------------------- loading */
  /* The URL of current.json: given, or notices/<policy>/current.json beside versions.json. */
  function popupFile(options) {
    if (options.current) { return new URL(options.current, global.location.href); }
    if (!options.versions) { throw new Error("init() needs `versions` (or `current`)"); }
    if (!options.policy) { throw new Error("init() needs `policy` with `versions`"); }
    return new URL("notices/" + encodeURIComponent(options.policy) + "/current.json",
                   new URL(options.versions, global.location.href));
  }

  /* A failed fetch, in words a developer can act on: from another origin a network error is
   * usually a missing Access-Control-Allow-Origin header. */
  function loadError(url, error) {
    var here = global.location.origin;
    if (error instanceof TypeError && url.origin !== here) {
      return new Error("could not load " + url.href + " from " + here + ": the Rules Center must send " +
                       "Access-Control-Allow-Origin: " + here + " (or *) with it (CORS), or the network failed (" +
                       error.message + ")");
    }
    return new Error("could not load " + url.href + ": " + error.message);
  }

  /* fetch JSON; resolves null for a 404 when `missingOk`, rejects on anything else. */
  function getJSON(url, missingOk) {
    return fetch(url.href, { cache: "no-cache", credentials: "omit" }).then(function (response) {
      if (missingOk && response.status === 404) { return null; }
      if (!response.ok) { throw new Error("HTTP " + response.status); }
      return response.json();
    }).then(function (data) {
      if (data && data.manifest_version !== MANIFEST_VERSION) {
        throw new Error(url.href + ": unsupported manifest_version " + data.manifest_version + " (this script reads " +
                        MANIFEST_VERSION + ")");
      }
      return data;
    }, function (error) { throw loadError(url, error); });
  }

  /* The `against` map for a reader of `version`; for a version the site does not know, that
   * of the fallback (the version with the highest-level diff against the one in effect). */
  function loadAgainst(manifest, source, version, fallback) {
    function file(v) { return new URL(manifest.since.replace("{version}", encodeURIComponent(v)), source); }
    return getJSON(file(version), true).then(function (data) {
      if (data) { return data.against || {}; }
      if (!fallback || fallback === version) { return null; }
      return getJSON(file(fallback), true).then(function (other) { return other ? other.against || {} : null; });
    });
  }

  /* ---------------------------------------------------------------- the note on failure */
  function showUnavailable(locale) {
    if (!document.body || document.getElementById("av-notices-status")) { return; }
    var s = UNAVAILABLE[locale] || UNAVAILABLE.en;
    injectStyle();
    var note = el("div", { id: "av-notices-status", "class": "av-notices-status", role: "status",
                           lang: UNAVAILABLE[locale] ? locale : "en" });
    document.body.appendChild(note);  /* the live region first, its text next: announced */
    var text = el("p", null, s["popup.unavailable"]);
    var dismiss = el("button", { type: "button" }, s["popup.dismiss"]);
    dismiss.addEventListener("click", function () { note.remove(); });
    note.appendChild(text);
    note.appendChild(dismiss);
  }

  /* ---------------------------------------------------------------- dialog */
  /* Every text of the dialog goes in as text (textContent, setAttribute), never as HTML; a
   * link from the pop-up's files is followed only to an http(s) address. */
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

  /* The same page, whatever its form (directory URL or .../index.html). */
  function samePage(href) {
    var a = new URL(href), here = global.location;
    function path(p) { return p.replace(/index\.html$/, ""); }
    return a.origin === here.origin && path(a.pathname) === path(here.pathname);
  }

  function kindOf(opts) {
    var advance = !!opts.upcoming;
    return { advance: advance, consent: opts.level === "consent" && !advance };
  }

  function titleText(s, kind) {
    return kind.advance ? s["popup.upcoming.title"] : kind.consent ? s["popup.consent.title"] : s["popup.material.title"];
  }

  function versionLine(opts, kind) {
    var s = opts.strings, shown = opts.upcoming || opts.current;
    return el("p", { "class": "av-notices-version" },
      fill(kind.advance ? s["popup.version.upcoming"] : s["popup.version.current"],
           { version: shown.version, date: shown.effective || shown.date }));
  }

  function notes(container, opts, kind) {
    var s = opts.strings, shown = opts.upcoming || opts.current;
    if (kind.consent) { container.appendChild(el("p", { "class": "av-notices-note" }, s["popup.consent.note"])); }
    if (kind.advance && opts.level === "consent") {
      container.appendChild(el("p", { "class": "av-notices-note" },
        fill(s["popup.upcoming.consent"], { date: shown.effective })));
    }
  }

  /* The answers: "I agree" / "Not now" for consent, "OK, noted" in advance, else "I have
   * read this". Returns the buttons, the one to focus first and the result of each. */
  function actions(container, opts, kind, close) {
    var s = opts.strings, box = el("div", { "class": "av-notices-actions" }), later = null, primary;
    if (kind.consent) {
      later = el("button", { type: "button", "data-av-action": "later" }, s["popup.later"]);
      box.appendChild(later);
      primary = el("button", { type: "button", "class": "av-primary", "data-av-action": "agree" }, s["popup.agree"]);
    } else if (kind.advance) {
      primary = el("button", { type: "button", "class": "av-primary", "data-av-action": "notified" }, s["popup.noted"]);
    } else {
      primary = el("button", { type: "button", "class": "av-primary", "data-av-action": "read" }, s["popup.read"]);
    }
    box.appendChild(primary);
    container.appendChild(box);
    primary.addEventListener("click", function () {
      close(kind.consent ? "agreed" : kind.advance ? "notified" : "read");
    });
    if (later) { later.addEventListener("click", function () { close("later"); }); }
    return { first: later || primary, primary: primary };
  }

  function changeList(opts) {
    var s = opts.strings, list = el("ul", { "class": "av-notices-changes" });
    (opts.changes || []).forEach(function (c) {
      var item = el("li", { "data-av-level": c.level }, c.text);
      if (c.level === "consent" || opts.level === "consent") {
        item.appendChild(document.createTextNode(" "));
        item.appendChild(el("strong", { "class": "av-notices-tag" },
          c.level === "consent" ? s["popup.tag.consent"] : s["popup.tag.notice"]));
      }
      list.appendChild(item);
    });
    return list;
  }

  function links(opts) {
    var s = opts.strings, box = el("p");
    var redline = opts.redline && httpUrl(opts.redline, opts.base);
    var statement = opts.statement && httpUrl(opts.statement, opts.base);
    if (redline) {
      box.appendChild(el("a", { href: redline, "class": "av-notices-redline" }, s["popup.redline"]));
    }
    if (statement) {
      if (box.children.length) { box.appendChild(document.createTextNode(" · ")); }
      box.appendChild(el("a", { href: statement }, s["popup.statement"]));
    }
    return box;
  }

  /* On the redline page the dialog links to, the question is asked in a panel at the top of
   * the page, not in a modal dialog: the page is the list of changes, readable in full. */
  function showInline(opts) {
    var kind = kindOf(opts);
    injectStyle();
    var panel = el("section", {
      "class": "av-notices-inline", role: "region", "aria-labelledby": "av-notices-title",
      lang: opts.locale, "data-av-level": opts.level, "data-av-kind": kind.advance ? "upcoming" : opts.level
    });
    panel.appendChild(el("h2", { id: "av-notices-title" }, titleText(opts.strings, kind)));
    panel.appendChild(versionLine(opts, kind));
    notes(panel, opts, kind);
    actions(panel, opts, kind, function (result) {
      panel.remove();
      global.dispatchEvent(new CustomEvent("av-notices:closed", { detail: { result: result } }));
      opts.onClose(result);
    });
    var host = document.querySelector(".md-content__inner") || document.body;
    host.insertBefore(panel, host.firstChild);
    return panel;
  }

  function showDialog(opts) {
    var s = opts.strings, kind = kindOf(opts);
    injectStyle();
    var backdrop = el("div", { "class": "av-notices-backdrop" });
    var dialog = el("div", {
      "class": "av-notices-dialog", role: "dialog", "aria-modal": "true",
      "aria-labelledby": "av-notices-title", "aria-describedby": "av-notices-intro",
      lang: opts.locale, "data-av-level": opts.level, "data-av-kind": kind.advance ? "upcoming" : opts.level
    });
    dialog.appendChild(el("h2", { id: "av-notices-title", tabindex: "-1" }, titleText(s, kind)));
    dialog.appendChild(el("p", { id: "av-notices-intro" },
      kind.advance ? s["popup.upcoming.intro"] : kind.consent ? s["popup.consent.intro"] : s["popup.material.intro"]));
    dialog.appendChild(versionLine(opts, kind));
    var list = changeList(opts);
    if (list.children.length) { dialog.appendChild(list); }
    var linkBox = links(opts);
    if (linkBox.children.length) { dialog.appendChild(linkBox); }
    notes(dialog, opts, kind);
    var buttons = actions(dialog, opts, kind, close);
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

    document.addEventListener("keydown", onKey, true);
    document.body.appendChild(backdrop);
    siblings.forEach(function (n) { n.setAttribute("inert", ""); });
    buttons.first.focus();
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
    options = options || {};
    var policy = options.policy, locale = options.locale || "en", source;
    try {
      source = popupFile(options);
    } catch (e) {
      return Promise.resolve(unavailable(e, locale));
    }
    return getJSON(source, false).then(function (manifest) {
      policy = policy || manifest.policy;
      if (manifest.locales.indexOf(locale) < 0) { locale = "en"; }
      var strings = manifest.strings[locale] || manifest.strings.en;
      var stored = state(policy), day = today();
      var want = needed(manifest, stored.acknowledged, stored.notified, day);
      var now = inEffect(manifest, day);
      var against = want ? loadAgainst(manifest, source, want, now.current && now.current.fallback)
                         : Promise.resolve(null);
      return against.then(function (map) {
        return answer(options, manifest, source, policy, locale, strings, stored,
                      decide(manifest, stored.acknowledged, stored.notified, day, map));
      });
    }).catch(function (error) { return unavailable(error, locale); });
  }

  /* The pop-up's files could not be had: say so (page and console) and decide nothing. */
  function unavailable(error, locale) {
    global.AllValueNotices.decision = { level: "none", reason: "unavailable", shown: false };
    warn(error.message);
    showUnavailable(locale);
    return { shown: false, level: "none", reason: "unavailable" };
  }

  /* Act on a decision: record a first visit, or ask the reader (a dialog, or the panel on
   * the redline page the dialog would link to). */
  function answer(options, manifest, source, policy, locale, strings, stored, d) {
    var base = new URL(manifest.site || "./", source);
    global.AllValueNotices.decision = { level: d.level, reason: d.reason, shown: rank(d.level) >= rank("material") };
    renderReceipts(policy, strings, locale);
    if (d.reason === "first-visit") {
      record(policy, d.current, "first-visit", locale, null);
      renderReceipts(policy, strings, locale);
      return { shown: false, level: "none", reason: d.reason };
    }
    if (rank(d.level) < rank("material")) {
      return { shown: false, level: d.level, reason: d.reason };
    }
    var redline = d.entry.redline && (d.entry.redline[locale] || d.entry.redline.en);
    var opts = {
      level: d.level, locale: locale, strings: strings, base: base,
      current: d.current, upcoming: d.upcoming || null,
      changes: (d.entry.changes && (d.entry.changes[locale] || d.entry.changes.en)) || [],
      redline: redline,
      statement: d.current.url && (d.current.url[locale] || d.current.url.en)
    };
    var href = redline && httpUrl(redline, base);
    var inline = !!href && samePage(href);
    return new Promise(function (resolve) {
      opts.onClose = function (result) {
        var previous = stored.acknowledged.version;
        if (result === "read" || result === "agreed") {
          record(policy, d.current, result, locale, previous, options.onAcknowledge);
          renderReceipts(policy, strings, locale);
        } else if (result === "notified") {
          record(policy, d.upcoming, "notified", locale, previous, options.onAcknowledge);
        }
        resolve({ shown: true, level: d.level, reason: d.reason, result: result, inline: inline });
      };
      if (inline) { showInline(opts); } else { showDialog(opts); }
    });
  }

  function autoInit() {
    var script = document.currentScript, options = null;
    if (script && (script.getAttribute("data-versions") || script.getAttribute("data-current"))) {
      options = {
        policy: script.getAttribute("data-policy"), versions: script.getAttribute("data-versions"),
        current: script.getAttribute("data-current"),
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
