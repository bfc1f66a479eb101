"""Rendering the real statement: fidelity to the published text, numbering, HTML validity."""
from __future__ import annotations

import os
import re
import subprocess
import sys
from collections import Counter

import html5lib
import pytest

from generator import render
from generator.rendering.layout import layout
from generator.rendering.markup import escape_markdown, inline_html, text_to_html

from .conftest import FIXTURES, NOTICES, ROOT

#: AllValue's statement as published, kept as a fixture (its origin: tests/fixtures/published/README.md)
PUBLISHED = FIXTURES / "published" / "allvalue-privacy-statement-2023-08-25.txt"
#: the published copy glues some lost enumerators to their text ("b.user registration")
GLUED_ENUMERATOR = re.compile(r"^(?:\(\d{1,2}\)\.?|\d{1,2}\.|[a-z]\.|[ivx]{1,4}\.|[\u2160-\u216b]\.?)\s*", re.I)


def _paragraph(line: str, published: bool = False) -> str:
    """A line of text as the diff compares wording (the project's own normaliser), lower-cased;
    private-use and format characters of the published copy dropped."""
    import unicodedata

    from generator.diff.text import normalise_prose

    line = unicodedata.normalize("NFKC", line)
    line = "".join(c for c in line if unicodedata.category(c) not in ("Co", "Cf"))
    line = normalise_prose(line)
    return (GLUED_ENUMERATOR.sub("", line) if published else line).lower()


def test_text_rendering_reproduces_the_published_paragraphs(run):
    """Every paragraph of the published page appears in the text rendering, in order
    (verbatim after normalisation, or at least 97 % similar where the source fixed numbering)."""
    import difflib

    res = run("render", "--source", NOTICES, "--format", "text")
    assert res.code == 0, res.err
    rendered = [p for p in map(_paragraph, res.out.splitlines()) if p]
    joined = "\n".join(rendered)
    published = [p for p in (_paragraph(ln, True) for ln in PUBLISHED.read_text(encoding="utf-8").splitlines()) if p]
    assert len(published) > 200
    pos, missing = 0, []
    for para in published:
        at = joined.find(para, pos)
        if at >= 0:
            pos = at
        elif max(difflib.SequenceMatcher(None, para, r, autojunk=False).ratio() for r in rendered) < 0.97:
            missing.append(para[:80])
    assert len(missing) <= len(published) // 100, missing


def test_sections_numbered_one_to_nine_in_order(current):
    headings = [t for t in layout(current) if t.type == "heading" and t.level == 3]
    assert [t.number for t in headings] == ["Ⅰ.", "Ⅱ.", "Ⅲ.", "Ⅳ.", "Ⅴ.", "Ⅵ.", "Ⅶ.", "Ⅷ.", "Ⅸ."]
    assert headings[1].text == "How we use cookies and similar technologies"  # the lost "Ⅱ."


def _sibling_numbers(tokens):
    """Numbers of the numbered children of every container, in order."""
    stack: list[list[str]] = [[]]
    groups = []
    prev = None
    for t in tokens:
        if t.type in ("list_open", "section_open"):
            stack.append([])
        elif t.type == "paragraph" and t.number and prev is not None and prev.type == "section_open":
            stack[-2].append(t.number)  # a numbered point (a division without a title)
        elif t.type in ("list_close", "section_close"):
            groups.append(stack.pop())
        elif t.type == "item_open":
            stack[-1].append(t.number)
        elif t.type == "heading" and t.id and t.number and t.level > 3:
            stack[-2].append(t.number)  # a division's heading numbers it within its parent
    return [g for g in groups if g]


def test_every_list_is_numbered_without_gaps(current):
    from generator.rendering.numbering import numbering_for

    num = numbering_for("en")
    groups = _sibling_numbers(layout(current))
    assert len(groups) >= 25
    for g in groups:
        depth = next(d for d in range(1, 6) if num.list_number(d, 1) == g[0])
        assert g == [num.list_number(depth, i) for i in range(1, len(g) + 1)], g


def test_lost_markers_are_repaired(current):
    text = render(current, "text")
    assert "(6) Other forms of sharing" in text  # "⑹" survived in the published copy
    assert "(2) Sharing with explicit consent" in text  # its marker was lost
    assert "4. Exceptions to prior authorization and consent" in text  # published as "(IV)"
    assert "\u00a0" not in text


def _html_tree(html: str):
    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
    return parser.parse(html)


def test_html_is_valid_accessible_and_every_node_is_an_anchor(current):
    html = render(current, "html")
    tree = _html_tree(html)  # strict: raises on any parse error
    assert tree.get("lang") == "en"
    assert len(tree.findall(".//h1")) == 1
    levels = [int(e.tag[1]) for e in tree.iter() if re.fullmatch(r"h[1-6]", str(e.tag))]
    assert levels[0] == 1
    for a, b in zip(levels, levels[1:]):
        assert b <= a + 1, f"heading level jumps from h{a} to h{b}"
    ids = [e.get("id") for e in tree.iter() if e.get("id")]
    dupes = [i for i, c in Counter(ids).items() if c > 1]
    assert not dupes
    missing = {n.id for n in current.nodes()} - set(ids)
    assert not missing
    hrefs = {e.get("href")[1:] for e in tree.iter("a") if (e.get("href") or "").startswith("#")}
    assert hrefs and hrefs <= set(ids)


def test_html_links_urls_and_emails(current):
    html = render(current, "html")
    assert '<a href="mailto:legal@allvalue.com">legal@allvalue.com</a>' in html
    assert '<a href="https://www.chinayouzan.com/notice?type=0">' in html


def test_rendering_is_deterministic(tmp_path, run_subprocess):
    outs = []
    for i in range(2):
        out = tmp_path / f"r{i}.html"
        res = run_subprocess("render", "--source", NOTICES, "--format", "html", "-o", out)
        assert res.code == 0, res.err
        outs.append(out.read_bytes())
    assert outs[0] == outs[1]


@pytest.mark.parametrize("fmt", ["md", "html", "text"])
def test_every_clause_text_appears(current, fmt):
    out = render(current, fmt)
    if fmt == "html":
        out = re.sub(r"<[^>]+>", "", out).replace("&amp;", "&").replace("&#x27;", "'").replace("&quot;", '"')
    if fmt == "md":
        out = out.replace("\\", "").replace("<", "").replace(">", "")
    for node in current.nodes():
        if node.text:
            assert node.text in out, (fmt, node.id)


def test_failed_render_leaves_previous_output(tmp_path, run):
    out = tmp_path / "statement.md"
    out.write_text("previous", encoding="utf-8")
    res = run("render", "--source", NOTICES, "--version", "nope", "-o", out)
    assert res.code == 2
    assert out.read_text(encoding="utf-8") == "previous"
    assert list(tmp_path.iterdir()) == [out]


def test_output_file_gets_the_usual_permissions(tmp_path, run):
    out = tmp_path / "statement.txt"
    res = run("render", "--source", NOTICES, "--format", "text", "-o", out)
    assert res.code == 0
    umask = os.umask(0)
    os.umask(umask)
    assert out.stat().st_mode & 0o777 == 0o666 & ~umask


def test_output_to_a_pipe_writes_through_it(tmp_path, run):
    """``-o /dev/null`` or a named pipe must never be replaced by a regular file."""
    import stat
    import threading

    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    got = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()))
    reader.start()
    res = run("render", "--source", NOTICES, "--format", "text", "-o", fifo)
    reader.join(timeout=10)
    assert res.code == 0
    assert stat.S_ISFIFO(fifo.stat().st_mode)
    assert got and got[0].startswith("AllValue Privacy Statement".encode())


def test_python_api_matches_cli(run, current):
    res = run("render", "--source", NOTICES, "--format", "md")
    assert res.out == render(current, format="md")


def test_fixture_numbering_nested_list(run):
    res = run("render", "--source", FIXTURES / "minimal", "--version", "v1", "--format", "text")
    assert res.code == 0
    assert "   (1) the first item;\n" in res.out and "   (2) the second item." in res.out
    assert "Ⅰ. What we collect" in res.out and "1. Details" in res.out


@pytest.mark.parametrize("payload", [
    "[click](javascript:alert(1))", "![x](http://e/x.png)", "<script>alert(1)</script>",
    "# heading", "1. list", "- bullet", "> quote", "*em* _em_ `code`", "a | b", "&amp; &#60;",
    "{: #id .cls}", "<http://example.com>",
])
def test_escaped_markdown_renders_literally(payload):
    html = inline_html(escape_markdown(payload))
    assert "<a" not in html and "<img" not in html and "<script" not in html and "<em>" not in html
    text = re.sub(r"<[^>]+>", "", html).replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&") \
        .replace("&quot;", '"')
    assert text == payload


def test_statement_text_keeps_its_strong_markup_only():
    from generator.rendering.markup import statement_html, statement_markdown, statement_plain

    text = "Read **this part** carefully; 2*3 and a_b stay literal, [x](javascript:y) too."
    html = statement_html(text)
    assert html.count("<strong>") == 1 and "<strong>this part</strong>" in html
    assert "<a" not in html and "<em>" not in html and "2*3" in html and "a_b" in html
    assert statement_plain(text) == "Read this part carefully; 2*3 and a_b stay literal, [x](javascript:y) too."
    assert statement_markdown("**bold**") == "**bold**"


def test_merchant_text_never_gets_strong_markup():
    assert "<strong>" not in text_to_html("**not bold**")


def test_autolinks_only_http_and_mailto():
    assert '<a href="https://a.example/x">' in text_to_html("see https://a.example/x.")
    assert "<a" not in text_to_html("javascript:alert(1)")


def test_help_does_not_import_heavy_libraries():
    code = ("import sys; from generator.cli import main\n"
            "try:\n    main(['--help'])\nexcept SystemExit:\n    pass\n"
            "heavy = [m for m in ('pydantic', 'jinja2', 'markdown_it', 'babel', 'mkdocs', 'deepdiff', 'ruamel')"
            " if m in sys.modules]\nprint(heavy)")
    p = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert p.stdout.strip().splitlines()[-1] == "[]"


def test_layout_numbers_agree_with_the_model_walk(current):
    """The renderer and the diff (via Version.nodes) number every node the same way.

    A paragraph that opens a numbered point shows its point's number: the number
    belongs to the division, whose walk position is checked instead.
    """
    from generator.rendering.numbering import numbering_for

    num = numbering_for("en")
    nodes = current.clause_map()
    checked = 0
    for t in layout(current):
        if not (t.id and t.number and t.id in nodes) or t.type not in ("item_open", "heading", "paragraph"):
            continue
        node = nodes[t.id]
        if node.kind == "clause" and not node.numbered:
            node = nodes[node.path[-1]]  # the point this paragraph opens
        expected = {"section": num.section, "part": num.part}.get(
            node.kind, lambda i: num.list_number(node.depth, i))(node.index)
        assert t.number == expected, (t.id, t.number, expected)
        checked += 1
    assert checked > 100


def _point_statement(extra_sub: bool = False):
    """The minimal fixture with an untitled division (a numbered point) in a list, holding a
    sub-division and a list item of its own: the shape where two walks once disagreed."""
    import copy

    from generator.source import load_source

    base = load_source(FIXTURES / "minimal").version("v1")
    data = copy.deepcopy(base.model_dump(mode="json", exclude_none=True))
    subs = [{"id": "collect.list.point.sub", "title": "Sub heading",
             "content": [{"id": "collect.list.point.sub.text", "text": "Sub text."}]}]
    if extra_sub:
        subs.insert(0, {"id": "collect.list.point.new", "title": "New heading",
                        "content": [{"id": "collect.list.point.new.text", "text": "New text."}]})
    intro = data["statement"]["statement"]["sections"][0]["content"][1]["content"][0]
    intro["items"].append({"id": "collect.list.point",
                           "content": [{"id": "collect.list.point.intro", "text": "Point intro."}, *subs],
                           "items": [{"id": "collect.list.point.item", "text": "Point item."}]})
    data.update(status="draft", content_hash=None)
    from generator.model import Version

    return Version.model_validate(data)


def test_one_numbering_walk_for_an_untitled_division_with_a_sub_division():
    """Rendering and diffing take a node's number from the same walk (Version.nodes)."""
    from generator.diff import compare
    from generator.rendering.numbering import numbering_for

    old, new = _point_statement(), _point_statement(extra_sub=True)
    num = numbering_for("en")
    for version in (old, new):
        nodes = version.clause_map()
        item = nodes["collect.list.point.item"]
        sub = nodes["collect.list.point.sub"]
        assert item.index == sub.index + 1  # items continue the numbering of the sub-divisions
        text = render(version, "text")
        for node_id, words in (("collect.list.point.sub", "Sub heading"), ("collect.list.point.item", "Point item.")):
            node = nodes[node_id]
            line = next(ln for ln in text.splitlines() if words in ln)
            assert line.strip().startswith(num.list_number(node.depth, node.index)), (line, node)
    change = compare(old, new).change("collect.list.point.item")
    assert change is not None and change.kinds == ("renumbered",)
    assert (change.old_number, change.new_number) == (2, 3)
    assert "③Point item." in render(new, "text") and "②Point item." in render(old, "text")
