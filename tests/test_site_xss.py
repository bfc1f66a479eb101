"""Stored XSS on the Rules Center: source text is text in every site output.

A statement's strings reach the site through several doors: the page front matter
(Material prints ``page.title`` as HTML in the header and the ``<title>``, and stores it
as the search title, which the search results insert as HTML), the Markdown headings,
the statement body, the navigation, the change history, the redlines and
``versions.json`` (the pop-up). Every string field of a published version (the title,
headings, clause texts, definition terms, facts' free text, ``source_url``, the
illustrative note, decisions) gets a payload of :data:`PAYLOADS`, each behind its own
marker; two builds spread them over several versions, rotating payloads through the
fields so that every payload lands in many fields and every field takes many payloads.

- fast: the raw payloads never reach a page's HTML, a page's front matter or
  ``search_index.json`` unescaped, and the front matter title is the escaped title;
- browser (Debian's Chromium): every page of every locale, search results and the pop-up
  run nothing (a ``window.__xss`` hook, a dialog handler, a scan of the DOM for event
  handlers, ``javascript:`` URLs and foreign elements), and every payload reads as text
  where its field is shown.
"""
from __future__ import annotations

import functools
import html
import json
import re
import shutil
import threading
from dataclasses import dataclass
from pathlib import Path

import pytest

from .site_support import pair_changes, popup_view
from .test_site_browser import _Quiet, _Server

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "minimal"
POLICY = "demo-policy"
LOCALES = ("en", "zh-Hans", "zh-Hant")

# Each JavaScript action names its payload: alert(N) or window.__xss=N.
PAYLOADS = [
    "<script>alert(0)</script>",
    "<img src=x onerror=alert(1)>",
    "<svg onload=alert(2)>",
    "<svg><script>window.__xss=3</script></svg>",
    "\"><script>alert(4)</script>",
    "'><img src=x onerror=alert(5)>",
    "\" autofocus onfocus=\"alert(6)\" onmouseover=\"alert(6)\" x=\"",
    "' autofocus onfocus='alert(7)' x='",
    "<a href=\"javascript:alert(8)\">click</a>",
    "javascript:alert(9)",
    "[click](javascript:alert(10))",
    "![x](javascript:alert(11))",
    "![x](x\" onerror=\"alert(12))",
    "[x][r]\n[r]: javascript:alert(13)",
    "<javascript:alert(14)>",
    "{: onclick=\"alert(15)\" }",
    "heading {: #x onmouseover=alert(16) }",
    "{{ 7*7 }} {{ config.__class__ }} {{ lipsum.__globals__['os'] }}",
    "{% for x in range(3) %}{{ x }}{% endfor %}{% raw %}",
    "{# comment #}{%- if true -%}window.__xss=19{%- endif -%}",
    "</textarea><script>alert(20)</script>",
    "</title><script>alert(21)</script>",
    "</script><script>alert(22)</script>",
    "<!-- <img src=x onerror=alert(23)> -->",
    "--><img src=x onerror=alert(24)><!--",
    "&lt;script&gt;alert(25)&lt;/script&gt;",
    "&#60;img src=x onerror=alert(26)&#62;",
    "&amp;lt;img src=x onerror=alert(27)&amp;gt;",
    "&#x3C;svg onload=alert(28)&#x3E;",
    "\\<script\\>alert(29)\\</script\\>",
    "<iframe src=\"javascript:alert(30)\"></iframe>",
    "<details open ontoggle=alert(31)>",
    "<math><mi xlink:href=\"javascript:alert(32)\">x</mi></math>",
    "<input autofocus onfocus=alert(33)>",
    "<object data=\"javascript:alert(34)\"></object>",
    "<base href=\"javascript:alert(35)//\">",
    "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(36)\">",
    "<<script>alert(37)//<</script>",
    "<\u017fcript>alert(38)</\u017fcript>",
    "\uff1cscript\uff1ealert(39)\uff1c/script\uff1e",
    "\u200d<img src=x onerror=alert(40)>\u200d",  # (bidi controls are refused by the source itself)
    "<scr\u200bipt>alert(41)</scr\u200bipt><img src=x one\u200crror=alert(41)>",
    "<img src=x onerror=\\u0061lert(42)>",
    "<a href=\"jav&#x09;ascript:alert(43)\">x</a> <a href=\" javascript:alert(43)\">y</a>",
    "`${alert(44)}` ${window.__xss=44}",
    "**<img src=x onerror=alert(45)>** __<b onclick=alert(45)>b</b>__",
    "https://example.com/\"><img src=x onerror=alert(46)>",
    "mailto:a@example.com?subject=\"><svg onload=alert(47)>",
    "<div markdown=\"1\">[x](javascript:alert(48))</div>",
    "!!! note \"<img src=x onerror=alert(49)>\"",
    "| <img src=x onerror=alert(50)> | x |\n|---|---|",
    "\n\n<script>alert(51)</script>\n\n[x](javascript:alert(51))\n\n    <img src=x onerror=alert(51)>",
    "%(title)s {label} {0} {rationale!r} %s \\x3cscript\\x3ealert(52)",
    "<style>*{display:none}</style><link rel=stylesheet href=\"javascript:alert(53)\">",
    "<form><button formaction=\"javascript:alert(54)\">x</button></form>",
    "<body onload=alert(55)>",
    "<x tabindex=1 autofocus onfocusin=alert(56)>x</x>",
    "data:text/html,<script>alert(57)</script>",
    "\"><img src=x onerror=alert(58)>\r\n\r\n<script>alert(58)</script>",
]


def marker(i: int) -> str:
    """A word unique to payload ``i``: search finds it, and a reader can see it."""
    return f"xssm{i:02d}q"


def value(i: int) -> str:
    return f"{marker(i)} {PAYLOADS[i]}"


def test_corpus_is_large_enough():
    assert len(PAYLOADS) >= 40
    assert len(set(PAYLOADS)) == len(PAYLOADS)


# --------------------------------------------------------------------------- the source
@dataclass(frozen=True)
class Slot:
    """A string field of a version: where it is (``file`` and a path into its data), how it
    is shown (``kind``), and whether the statement pages show it (``on_page``)."""

    name: str
    file: str  # "statement" | "version"
    path: tuple
    kind: str  # title | heading | text | plain | term | note | hidden | finding
    on_page: bool = True


def _slots(extra_items: int) -> list[Slot]:
    S = "statement"
    slots = [
        Slot("title", S, ("title",), "title"),
        Slot("reminder.title", S, ("reminder", "title"), "heading"),
        Slot("reminder.intro", S, ("reminder", "content", 0, "text"), "text"),
        Slot("contents", S, ("contents", "text"), "text"),
        Slot("contents.collect", S, ("contents", "items", 0, "text"), "plain"),
        Slot("definitions.title", S, ("definitions", "title"), "heading"),
        Slot("def.party.term", S, ("definitions", "definitions", 0, "term"), "term"),
        Slot("def.party", S, ("definitions", "definitions", 0, "text"), "text"),
        Slot("def.extra.term", S, ("definitions", "definitions", 1, "term"), "term"),
        Slot("def.extra", S, ("definitions", "definitions", 1, "text"), "text"),
        Slot("statement.title", S, ("statement", "title"), "heading"),
        Slot("collect.title", S, ("statement", "sections", 0, "title"), "heading"),
        Slot("collect.email", S, ("statement", "sections", 0, "content", 0, "text"), "text"),
        Slot("collect.list.title", S, ("statement", "sections", 0, "content", 1, "title"), "heading"),
        Slot("collect.list.intro", S, ("statement", "sections", 0, "content", 1, "content", 0, "text"), "text"),
        Slot("closing", S, ("closing", "text"), "text"),
        # facts: shown only in the findings of a change (history, redlines, pop-up)
        Slot("controller.name", S, ("definitions", "definitions", 0, "facts", 0, "name"), "finding", False),
        Slot("controller.jurisdiction", S, ("definitions", "definitions", 0, "facts", 0, "jurisdiction"),
             "finding", False),
        Slot("controller.address", S, ("definitions", "definitions", 0, "facts", 0, "address"), "hidden", False),
        Slot("contact.value", S, ("statement", "sections", 0, "content", 0, "facts", 2, "value"), "finding", False),
        # metadata
        Slot("illustrative", "version", ("illustrative",), "note"),
        Slot("source_url", "version", ("source_url",), "hidden", False),
        Slot("controller", "version", ("controller",), "hidden", False),
        Slot("numbering.note", "version", ("numbering", "note"), "hidden", False),
        Slot("impact_assessment.summary", "version", ("impact_assessment", "summary"), "finding", False),
        Slot("decision.rationale", "version", ("decisions", 0, "rationale"), "finding", False),
        Slot("decision.decided_by", "version", ("decisions", 0, "decided_by"), "finding", False),
    ]
    for k in range(extra_items):
        slots.append(Slot(f"collect.list.x{k:02d}", S,
                          ("statement", "sections", 0, "content", 1, "content", 0, "items", 2 + k, "text"),
                          "text"))
    return slots


SLOTS = _slots(max(0, len(PAYLOADS) - len(_slots(0))))
assert len(SLOTS) == len(PAYLOADS)


def _put(data, path: tuple, text: str) -> None:
    for key in path[:-1]:
        data = data[key]
    data[path[-1]] = text


def _skeleton(fixture_statement: dict, extra_items: int) -> dict:
    """The minimal fixture's statement, with the nodes and facts the slots need."""
    st = json.loads(json.dumps(fixture_statement))
    party = st["definitions"]["definitions"][0]
    party["facts"] = [{"kind": "controller", "name": "-", "jurisdiction": "HK", "address": "-"}]
    st["definitions"]["definitions"].append({"id": "def.extra", "term": "-", "text": "-"})
    email = st["statement"]["sections"][0]["content"][0]
    email["facts"].append({"kind": "contact", "channel": "email", "value": "-"})
    intro = st["statement"]["sections"][0]["content"][1]["content"][0]
    intro["items"] += [{"id": f"collect.list.x{k:02d}", "text": "-"} for k in range(extra_items)]
    return st


@dataclass(frozen=True)
class Build:
    """A payload source: ``placed[version][slot name]`` is the index of the payload there."""

    source: Path
    versions: tuple[str, ...]
    placed: dict

    @property
    def current(self) -> str:
        return self.versions[-1]

    def text(self, version: str, slot: str) -> str:
        return value(self.placed[version][slot])


def write_payload_source(root: Path, n_versions: int, offset: int, step: int = 7) -> Build:
    """A copy of the minimal fixture with ``n_versions`` published versions; in version k
    payload i is in slot (i + offset + k * step) mod n: every version holds every payload,
    each version in other fields (so every diff changes every field)."""
    import yaml

    from generator.source import load_source

    shutil.copytree(FIXTURE, root)
    pdir = root / POLICY
    fixture_dir = pdir / "v1"
    base_statement = yaml.safe_load((fixture_dir / "statement.yaml").read_text(encoding="utf-8"))
    base_meta = yaml.safe_load((fixture_dir / "version.yaml").read_text(encoding="utf-8"))
    shutil.rmtree(fixture_dir)
    extra = len(SLOTS) - len(_slots(0))
    n = len(SLOTS)
    versions, placed = [], {}
    for k in range(n_versions):
        vid = f"v{k + 1}"
        day = f"2024-{k + 1:02d}-15"
        statement = _skeleton(base_statement, extra)
        meta = {**base_meta, "version": vid, "updated_on": day, "status": "published",
                "content_hash": "sha256:" + "0" * 64,
                "impact_assessment": {"risk": "high", "date": day, "summary": "-"},
                "decisions": [{"clause": "reminder.intro", "level": "material", "rationale": "-",
                               "decided_by": "-", "decided_on": day}],
                "source_url": "-"}
        where = {}
        for i in range(n):
            slot = SLOTS[(i + offset + k * step) % n]
            _put(statement if slot.file == "statement" else meta, slot.path, value(i))
            where[slot.name] = i
        vdir = pdir / vid
        vdir.mkdir()
        # JSON is YAML: no YAML writer, and every string round-trips exactly
        (vdir / "statement.yaml").write_text(json.dumps(statement, ensure_ascii=False, indent=1), encoding="utf-8")
        (vdir / "version.yaml").write_text(json.dumps(meta, ensure_ascii=False, indent=1), encoding="utf-8")
        versions.append(vid)
        placed[vid] = where
    # published versions carry the hash of their content (`notices hash`)
    for v in load_source(root, verify_hash=False).policy().versions:
        meta_path = pdir / v.version / "version.yaml"
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
        meta["content_hash"] = v.compute_hash()
        meta_path.write_text(json.dumps(meta, ensure_ascii=False, indent=1), encoding="utf-8")
    return Build(root, tuple(versions), placed)


# --------------------------------------------------------------------------- the builds
#: (name, versions, offset, locales): every payload in every version of both builds; the
#: titles (the field an outside review found open) rotate over ten payloads.
BUILDS = {
    "a": (5, 0, ("en", "zh-Hans", "zh-Hant")),
    "b": (5, 3, ("en",)),
}


def _shared_dir(tmp_path_factory) -> Path:
    import os

    base = tmp_path_factory.getbasetemp()
    return base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base


@pytest.fixture(scope="module")
def builds(tmp_path_factory) -> dict[str, tuple[Build, Path]]:
    """Both payload sites, built once per session (the first xdist worker builds, the
    other waits and reuses; the sources are deterministic)."""
    import fcntl
    import os

    from generator.site import build_site

    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    shared = _shared_dir(tmp_path_factory)
    out = {}
    for name, (n_versions, offset, locales) in BUILDS.items():
        src = write_payload_source(tmp_path_factory.mktemp(f"xss-src-{name}") / "notices", n_versions, offset)
        site = shared / f"site-xss-{name}"
        with open(shared / f"site-xss-{name}.lock", "w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            try:
                if not (site / "versions.json").exists():
                    build_site(src.source, site, locales=locales, site_url="http://127.0.0.1/")
            finally:
                fcntl.flock(lock, fcntl.LOCK_UN)
        out[name] = (src, site)
    return out


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u00a0", " ")).strip()


def _shown(slot: Slot, text: str) -> str:
    """How a reader sees ``text`` in ``slot``: statement prose keeps its one markup
    (``**strong**``), everything else is shown exactly as written."""
    from generator.rendering.markup import statement_plain

    return _norm(statement_plain(text) if slot.kind in ("text", "heading") else text)


# --------------------------------------------------------------------------- fast
#: payloads that would be markup if they reached HTML raw
RAW_MARKUP = [p for p in PAYLOADS if re.search(r"<[A-Za-z/!]", p)]


def test_raw_payloads_never_reach_html_or_search_index(builds):
    for name, (build, site) in builds.items():
        files = sorted(site.rglob("*.html")) + sorted(site.rglob("search_index.json"))
        assert len(files) > 10
        for path in files:
            text = path.read_text(encoding="utf-8")
            if path.suffix == ".json":  # the strings the search results insert as HTML
                docs = json.loads(text)["docs"]
                text = "\n".join(d["title"] + "\n" + d["text"] for d in docs)
            found = [p for p in RAW_MARKUP if p in text]
            assert not found, (name, str(path.relative_to(site)), found[:3])


def test_search_index_titles_are_escaped(builds):
    build, site = builds["a"]
    index = json.loads((site / "en" / "search" / "search_index.json").read_text(encoding="utf-8"))
    title = build.text(build.current, "title")
    titles = [d["title"] for d in index["docs"] if marker(build.placed[build.current]["title"]) in d["title"]]
    assert titles, "the current statement's title is not in the search index"
    for t in titles:
        # HTML that reads as the title, whatever the search results do with it (a clause
        # under no heading is titled by the page's title and its number)
        shown = _norm(html.unescape(re.sub(r"<[^>]*>", "", t)))
        assert shown == _norm(title) or re.fullmatch(re.escape(_norm(title)) + r" · \S+", shown), shown
        assert not re.search(r"<(?!/?(p|code|pre|li|ol|ul|sub|sup)>)", t), t


def _front_matter(text: str) -> dict:
    from mkdocs.utils import meta

    return meta.get_data(text)[1]


def test_every_payload_as_title_is_escaped_in_front_matter_and_heading(builds):
    """Each payload as the statement title: the front matter (which Material prints as
    HTML) holds it HTML-escaped, and the page's heading shows exactly it."""
    import markdown

    from generator.site import pages
    from generator.site.l10n import site_translator
    from generator.source import load_source

    build, _site = builds["b"]
    version = load_source(build.source).policy().get(build.current)
    md = markdown.Markdown(extensions=["attr_list", "admonition", "md_in_html", "tables", "toc"],
                           extension_configs={"toc": {"permalink": True}})

    class History:  # a one-version history: the page needs no comparisons
        current = version
        pairs: dict = {}
        upcoming = ()

        @staticmethod
        def announcing(v):
            return None

    for i in range(len(PAYLOADS)):
        title = value(i)
        v = version.model_copy(update={"statement": version.statement.model_copy(update={"title": title})})
        tr = site_translator(v, "en")
        for path in ("index.md", f"versions/{v.version}/index.md"):
            page = pages.statement_page(v, History, tr, path, body="")
            meta_title = _front_matter(page.text)["title"]
            # HTML that reads as the title (Material prints it as HTML)
            assert "<" not in meta_title and html.unescape(meta_title) == title, (i, meta_title)
            body = page.text.split("\n---\n", 1)[1]
            heading = next(line for line in body.splitlines() if line.startswith("# "))
            out = md.reset().convert(heading)
            m = re.fullmatch(r'<h1 id="[^"<>]*">(.*?)<a class="headerlink" href="#[^"<>]*" title="[^"<>]*">'
                             r'&para;</a></h1>', out, re.S)
            assert m and "<" not in m.group(1), (i, out)
            assert _norm(html.unescape(m.group(1))) == _norm(title), (i, out)


def test_navigation_entries_are_escaped():
    from generator.site import pages

    class V:
        def __init__(self, version):
            self.version = version

    class History:
        versions = (V("v1"), V("v2"))

    strings = {"nav.statement": "<img src=x onerror=alert(1)>", "nav.history": "a & b",
               "nav.versions": "\"><script>alert(2)</script>"}
    entries = pages.nav(History, strings)
    keys = [next(iter(e)) for e in entries]
    assert keys == [html.escape(s) for s in strings.values()]
    assert [next(iter(e)) for e in entries[2][keys[2]]] == ["v2", "v1"]


def test_pages_run_no_inline_script_under_their_csp(builds):
    """The second wall: a CSP comes before any script or title, allows scripts from the site
    only (never inline ones), and no page needs an inline script."""
    _build, site = builds["b"]
    pages = sorted((site / "en").rglob("*.html"))
    assert len(pages) > 10
    for path in pages:
        text = path.read_text(encoding="utf-8")
        csp = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">', text)
        assert csp, path
        assert csp.start() < text.index("<script") and csp.start() < text.index("<title>"), path
        directives = dict((d.split()[0], d.split()[1:]) for d in csp.group(1).split(";") if d.strip())
        assert directives["default-src"] == ["'none'"]
        assert "'unsafe-inline'" not in directives["script-src"], path
        assert directives["script-src"] == ["'self'"], path
        assert directives["object-src" if "object-src" in directives else "default-src"] == ["'none'"]
        assert directives["base-uri"] == ["'none'"]
        for attrs, body in re.findall(r"<script([^>]*)>(.*?)</script>", text, re.S):
            assert "src=" in attrs or 'type="application/json"' in attrs, (path, attrs, body[:80])


def test_root_page_csp_allows_exactly_its_script(builds):
    """The locale chooser (the site's root) runs its one inline script under a CSP."""
    import base64
    import hashlib

    _build, site = builds["b"]
    text = (site / "index.html").read_text(encoding="utf-8")
    scripts = re.findall(r"<script>(.*?)</script>", text, re.S)
    assert len(scripts) == 1
    digest = base64.b64encode(hashlib.sha256(scripts[0].encode("utf-8")).digest()).decode()
    csp = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">', text)
    assert csp and f"'sha256-{digest}'" in csp.group(1), csp and csp.group(1)


# --------------------------------------------------------------------------- browser
@pytest.fixture(scope="module")
def served(builds):
    """Each payload site served over loopback: name -> (build, site dir, base URL)."""
    servers, out = [], {}
    for name, (build, site) in builds.items():
        server = _Server(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        out[name] = (build, site, f"http://127.0.0.1:{server.server_address[1]}/")
    yield out
    for server in servers:
        server.shutdown()
        server.server_close()


#: Everything a payload could have planted: event handler attributes, script URLs,
#: elements the site never has, styles and scripts that are not the site's.
SCAN = r"""() => {
  const bad = [];
  const urls = new Set(["href", "src", "action", "formaction", "data", "xlink:href", "poster", "background"]);
  const foreign = new Set(["IFRAME", "FRAME", "FRAMESET", "OBJECT", "EMBED", "APPLET", "BASE", "DETAILS",
                           "MATH", "X", "XSS", "TEXTAREA", "BUTTON", "AUDIO", "VIDEO", "B"]);
  for (const el of document.querySelectorAll("*")) {
    const tag = el.tagName.toUpperCase();
    for (const a of el.attributes) {
      const name = a.name.toLowerCase(), v = a.value.replace(/[\u0000-\u0020]+/g, "").toLowerCase();
      if (name.startsWith("on")) { bad.push(`<${tag} ${name}="${a.value}">`); }
      else if (name === "srcdoc") { bad.push(`<${tag} srcdoc>`); }
      else if (urls.has(name) && /^(javascript|vbscript|data:text\/html)/.test(v)) {
        bad.push(`<${tag} ${name}="${a.value}">`);
      }
    }
    if (foreign.has(tag) && !el.closest(".md-header, .md-search, .av-notices-dialog, [data-av-receipts]")) {
      bad.push(`<${tag}>`);
    }
    if (tag === "STYLE" && el.id !== "av-notices-style") { bad.push("<STYLE>"); }
    if (tag === "META" && /refresh/i.test(el.getAttribute("http-equiv") || "")) { bad.push("<META refresh>"); }
    if (tag === "SCRIPT" && /alert\(|__xss/.test(el.textContent)) { bad.push(`<SCRIPT>${el.textContent.slice(0, 60)}`); }
  }
  return bad;
}"""


class Reader:
    """One browser context: every dialog, ``window.__xss``, console error and foreign
    request is recorded as a problem, with the page it happened on."""

    def __init__(self, browser, base: str, locales: list[str], acknowledged: str | None = None):
        self.base, self.problems = base, []
        # Material's language menu reads every locale's sitemap: a build of fewer locales lacks some
        absent = tuple(f"{base}{loc}/sitemap.xml" for loc in LOCALES if loc not in locales)
        self.ctx = browser.new_context(viewport={"width": 1280, "height": 800})
        self.ctx.add_init_script("window.__xss = 0;")
        if acknowledged:
            key = f"av-notices:{POLICY}"
            state = json.dumps({"acknowledged": {"version": acknowledged}, "receipts": []})
            self.ctx.add_init_script(f"if (!localStorage.getItem({key!r})) localStorage.setItem({key!r}, {state!r});")
        self.page = page = self.ctx.new_page()
        page.on("dialog", lambda d: (self.problems.append(f"{page.url}: {d.type}({d.message})"), d.dismiss()))
        page.on("console", lambda m: m.type == "error" and not m.text.startswith("Failed to load resource")
                and self.problems.append(f"{page.url}: console: {m.text}"))
        page.on("response", lambda r: r.status >= 400 and not r.url.startswith(absent)
                and self.problems.append(f"{page.url}: HTTP {r.status} {r.url}"))
        page.on("pageerror", lambda e: self.problems.append(f"{page.url}: error: {e}"))
        page.on("request", lambda r: r.url.startswith((base, "data:", "blob:"))
                or self.problems.append(f"{page.url}: request to {r.url}"))

    def visit(self, path: str) -> None:
        self.page.goto(self.base + path, wait_until="load")
        self.check()

    def check(self) -> None:
        page = self.page
        page.wait_for_timeout(60)  # error, toggle and focus events fire after load
        for frame in page.frames:
            try:
                hit = frame.evaluate("window.__xss")
            except Exception:  # a frame that went away
                continue
            if hit:
                self.problems.append(f"{page.url}: window.__xss = {hit}")
        self.problems.extend(f"{page.url}: {b}" for b in page.evaluate(SCAN))

    def text(self, selector: str = "article") -> str:
        return _norm(self.page.locator(selector).first.inner_text())

    def close(self) -> None:
        self.ctx.close()


def _pages(site: Path, locale: str) -> list[str]:
    root = site / locale
    paths = [str(p.relative_to(site)).removesuffix("index.html") for p in sorted(root.rglob("index.html"))]
    return paths + [f"{locale}/404.html"]


@pytest.mark.browser
def test_no_payload_runs_and_every_payload_reads_as_text(browser, served):
    problems, missing = [], []
    for name, (build, site, base) in served.items():
        manifest = json.loads((site / "versions.json").read_text(encoding="utf-8"))
        versions = list(build.versions)
        reader = Reader(browser, base, manifest["locales"])
        for locale in manifest["locales"]:
            for path in _pages(site, locale):
                reader.visit(path)
                rel = path[len(locale) + 1:]
                shown_version = (build.current if rel == "" else
                                 rel.split("/")[1] if rel.startswith("versions/") else None)
                if shown_version:  # a statement page: every field it shows, as written
                    article = reader.text()
                    for slot in SLOTS:
                        text = _shown(slot, build.text(shown_version, slot.name))
                        if slot.on_page and text not in article:
                            missing.append((name, path, slot.name, text))
                    title = _norm(build.text(shown_version, "title"))
                    if reader.text(".md-header__topic[data-md-component=header-topic]") != title:
                        missing.append((name, path, "header", title))
                    site_name = {"en": "AllValue Rules Center", "zh-Hans": "AllValue 规则中心",
                                 "zh-Hant": "AllValue 規則中心"}[locale]
                    if _norm(reader.page.title()) != f"{title} - {site_name}":
                        missing.append((name, path, "<title>", reader.page.title()))
                elif rel == "history/":  # each step's line: the first two findings at its level
                    article = reader.text()
                    for old, new in zip(versions, versions[1:]):
                        level, changes = pair_changes(build.source, old, new, locale, manifest["current"])
                        deciding = [c["text"] for c in changes if c["level"] == level]
                        missing += [(name, path, f"{old}->{new}", t) for t in map(_norm, deciding[:2])
                                    if t not in article]
                elif rel.startswith("changes/"):
                    old, new = rel.split("/")[1].split("-to-")
                    article = reader.text()
                    expected = [c["text"] for c in pair_changes(build.source, old, new, locale, manifest["current"])[1]]
                    expected += [build.text(new, "decision.decided_by"), build.text(new, "decision.rationale")]
                    missing += [(name, path, "finding", t) for t in map(_norm, expected) if t not in article]
        # search results insert titles and texts as HTML: the title's marker finds the current
        # statement (its whole text comes with it), the impact assessment's the history (in
        # English: in Chinese the marker follows a full-width colon, which is no separator)
        current = build.placed[build.current]
        for locale in manifest["locales"][:2]:
            reader.visit(f"{locale}/")
            reader.page.click("input.md-search__input")
            for i in (current["title"], current["impact_assessment.summary"])[:2 if locale == "en" else 1]:
                reader.page.fill("input.md-search__input", marker(i))
                reader.page.keyboard.press("End")
                try:
                    reader.page.locator(".md-search-result__item").first.wait_for(timeout=10000)
                except Exception:  # noqa: BLE001 - reported below, with what the page shows
                    pass
                reader.check()
                results = reader.text(".md-search-result")
                if _norm(value(i)) not in results:
                    missing.append((name, f"{locale}/ search {marker(i)}", value(i), results[:300]))
        problems += reader.problems
        reader.close()
        # the pop-up lists the changes since the reader's version: as text
        for locale in manifest["locales"]:
            reader = Reader(browser, base, manifest["locales"], acknowledged=versions[0])
            reader.visit(f"{locale}/")
            reader.page.locator(".av-notices-dialog").wait_for()
            reader.check()
            items = [_norm(t) for t in reader.page.locator(".av-notices-changes li").all_inner_texts()]
            expected = [_norm(c["text"]) for c in popup_view(site, manifest)["since"][versions[0]]["changes"][locale]]
            if items != expected:
                missing.append((name, f"{locale}/ pop-up", "changes", items[:3]))
            problems += reader.problems
            reader.close()
    live = sorted({int(n) for p in problems for n in re.findall(r"(?:alert\(|__xss = )(\d+)", p)})
    assert not problems and not missing, (
        f"{len(problems)} problems (payloads run or planted: {live}):\n" + "\n".join(problems[:50])
        + f"\n{len(missing)} texts not shown as written:\n" + "\n".join(map(repr, missing[:30])))
