"""Catalogs and their content: msgfmt, Babel, the glossary, placeholders, negotiation, staleness."""
from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from generator.errors import UsageError
from generator.i18n import LOCALES_DIR, TRANSLATED_LOCALES, content_entries, status, translator
from generator.i18n.locales import SUPPORTED, negotiate

from .conftest import NOTICES

CATALOGS = sorted(LOCALES_DIR.glob("*/LC_MESSAGES/*.po"))
DOMAINS = ("statement", "messages", "vocabulary")
GLOSSARY = LOCALES_DIR / "glossary.yaml"
CLAUSE = "rights.respond.time"
OLD = "We will respond within 15 days."
NEW = "We will respond within 30 days."


def _read(path: Path):
    from babel.messages.pofile import read_po

    with path.open("rb") as f:
        return read_po(f, abort_invalid=True)


def _entries(locale: str, domain: str = "statement"):
    return [m for m in _read(LOCALES_DIR / locale / "LC_MESSAGES" / f"{domain}.po") if m.id]


# -- negotiation -------------------------------------------------------------------------
@pytest.mark.parametrize("tag, locale", [
    ("en", "en"), ("en-GB", "en"), ("en_US", "en"), ("EN-au", "en"),
    ("zh", "zh-Hans"), ("zh-CN", "zh-Hans"), ("zh-SG", "zh-Hans"), ("zh_cn", "zh-Hans"),
    ("zh-Hans", "zh-Hans"), ("zh-Hans-HK", "zh-Hans"), ("zh-hans-cn", "zh-Hans"),
    ("zh-TW", "zh-Hant"), ("zh-HK", "zh-Hant"), ("zh-MO", "zh-Hant"), ("zh_Hant_TW", "zh-Hant"),
    ("zh-Hant", "zh-Hant"), ("zh-Hant-CN", "zh-Hant"),
])
def test_negotiate(tag, locale):
    assert negotiate(tag) == locale


@pytest.mark.parametrize("tag", ["fr", "fr-FR", "ja-JP", "zh-US", "", "x", "zh--CN", "../zh"])
def test_negotiate_unknown_lists_supported(tag):
    with pytest.raises(UsageError) as e:
        negotiate(tag)
    assert str(e.value).startswith(f"unsupported locale {tag!r}: supported locales are en, zh-Hans, zh-Hant")


def test_cli_unknown_locale_exits_2(run):
    res = run("render", "--source", NOTICES, "--locale", "fr-FR")
    assert res.code == 2
    assert "unsupported locale 'fr-FR': supported locales are en, zh-Hans, zh-Hant" in res.err
    assert "Traceback" not in res.err


# -- the catalogs as files -------------------------------------------------------------------
def test_every_locale_has_every_domain():
    assert SUPPORTED == ("en", "zh-Hans", "zh-Hant")
    assert {p.relative_to(LOCALES_DIR).as_posix() for p in CATALOGS} == {
        f"{loc}/LC_MESSAGES/{d}.po" for loc in TRANSLATED_LOCALES for d in DOMAINS}
    assert all((LOCALES_DIR / f"{d}.pot").exists() for d in DOMAINS)


@pytest.mark.parametrize("path", CATALOGS, ids=lambda p: f"{p.parent.parent.name}/{p.name}")
def test_msgfmt_check_passes(path, tmp_path):
    msgfmt = shutil.which("msgfmt")
    assert msgfmt, "gettext's msgfmt is missing: run scripts/install-test-deps.sh"
    p = subprocess.run([msgfmt, "--check", "--statistics", "-o", str(tmp_path / "out.mo"), str(path)],
                       capture_output=True, text=True)
    assert p.returncode == 0, p.stderr
    assert "fuzzy" not in p.stderr and "untranslated" not in p.stderr, p.stderr


@pytest.mark.parametrize("path", CATALOGS, ids=lambda p: f"{p.parent.parent.name}/{p.name}")
def test_header_says_this_is_our_translation(path):
    catalog = _read(path)
    assert "Translated by the allvalue-notices project" in catalog.header_comment
    assert "not AllValue's own published text" in catalog.header_comment
    assert catalog.charset.lower() == "utf-8"


def test_no_mo_files_are_committed():
    assert not list(LOCALES_DIR.rglob("*.mo"))


def test_content_catalog_is_one_entry_per_text_with_id_as_context(current):
    expected = content_entries(current)
    assert len(expected) > 200
    for locale in TRANSLATED_LOCALES:
        got = [(m.context, m.id) for m in _entries(locale)]
        assert got == expected, locale
        assert all(m.string and "fuzzy" not in m.flags for m in _entries(locale))


def test_catalogs_are_in_sync_with_the_source(tmp_path, run, monkeypatch):
    """`i18n update` on the committed catalogs changes no content entry (nothing to translate)."""
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    copy = tmp_path / "locales"
    shutil.copytree(LOCALES_DIR, copy)
    res = run("i18n", "update", "--source", NOTICES, "--locales", copy)
    assert res.code == 0, res.err
    for locale in TRANSLATED_LOCALES:
        rel = f"{locale}/LC_MESSAGES/statement.po"
        assert (copy / rel).read_bytes() == (LOCALES_DIR / rel).read_bytes(), rel
    assert (copy / "statement.pot").read_bytes() == (LOCALES_DIR / "statement.pot").read_bytes()


@pytest.mark.parametrize("locale", TRANSLATED_LOCALES)
def test_status_is_complete(current, locale):
    s = status(current, locale)
    assert (s.translated, s.stale, s.missing) == (s.total, 0, 0)
    assert s.total == len(content_entries(current))
    # the statement's own interface strings (other outputs' strings are their owners' to check)
    ours = [m for m in _entries(locale, "messages")
            if any(f.startswith("templates/statement/") for f, _ in m.locations)]
    assert len(ours) >= 2 and all(m.string and "fuzzy" not in m.flags for m in ours)


def test_status_cli_require_complete_passes(run):
    res = run("i18n", "status", "--source", NOTICES, "--format", "json", "--require-complete")
    assert res.code == 0, res.err
    reports = json.loads(res.out)
    assert {(r["locale"], r["version"]) for r in reports} >= {("zh-Hans", "2023-08-25"), ("zh-Hant", "2023-08-25")}
    assert all(r["complete"] for r in reports)


def test_english_needs_no_catalog(current):
    tr = translator(current, "en-GB")
    assert tr.locale == "en" and tr.translate("title", "X") == ("X", "")
    assert status(current, "en").complete


def test_interface_strings_compile_in_memory(current):
    tr = translator(current, "zh-TW")
    assert tr.gettext("English original: not yet translated") == "英文原文：尚未翻譯"
    assert tr.translations.gettext("Updated on") == tr.gettext("Updated on") == "更新於"
    assert tr.gettext("A string nobody marked") == "A string nobody marked"


# -- the glossary --------------------------------------------------------------------------
def _glossary_file() -> dict:
    from ruamel.yaml import YAML

    return YAML(typ="safe").load(GLOSSARY.read_text(encoding="utf-8"))


def _glossary() -> list[dict]:
    return _glossary_file()["terms"]


def test_glossary_covers_every_defined_term(current):
    patterns = [re.compile(t["en"], 0 if t.get("case") else re.I) for t in _glossary()]
    for d in current.statement.definitions.definitions:
        assert any(p.search(d.term) for p in patterns), d.term
    for t in _glossary():
        assert t["zh-Hans"] and t["zh-Hant"], t["id"]
        assert "个人信息" not in t["zh-Hant"] and "個人信息" not in t["zh-Hant"]


def test_glossary_is_consistent_with_itself():
    """Ids are unique; no term's rendering is another rendering some term avoids (or a regional
    form), so the checks below can never contradict each other."""
    terms = _glossary()
    assert len({t["id"] for t in terms}) == len(terms)
    for locale in TRANSLATED_LOCALES:
        avoided = [(t["id"], re.compile(a)) for t in terms for a in t.get("avoid", {}).get(locale, [])]
        avoided += [("regional", re.compile(r["avoid"])) for r in _glossary_file().get("regional", {}).get(locale, [])]
        for t in terms:
            clashes = [tid for tid, a in avoided if a.search(t[locale])]
            assert not clashes, f"{locale}: {t['id']} → {t[locale]} is avoided by {clashes}"


def glossary_check(locale: str, messages) -> list[str]:
    """What is wrong with these catalog entries against the glossary:
    - the English uses a term and the translation lacks the term's fixed rendering;
    - the translation renders a term another way (one of the term's `avoid` renderings), whatever
      the English says;
    - (zh-Hant) the translation uses a mainland or Hong Kong word where Taiwan has its own."""
    data = _glossary_file()
    terms = [(t["id"], re.compile(t["en"], 0 if t.get("case") else re.I), t[locale],
              [re.compile(a) for a in t.get("avoid", {}).get(locale, [])]) for t in data["terms"]]
    regional = [(re.compile(r["avoid"]), r["use"]) for r in data.get("regional", {}).get(locale, [])]
    problems = []
    for m in messages:
        if not m.id:
            continue
        english = m.id if isinstance(m.id, str) else " ".join(m.id)
        string = m.string if isinstance(m.string, str) else " ".join(m.string)
        where = repr(m.context or english)
        for tid, pattern, rendering, avoid in terms:
            if pattern.search(english) and rendering not in string:
                problems.append(f"{where}: {tid} → {rendering}")
            for a in avoid:
                if hit := a.search(string):
                    problems.append(f"{where}: {tid} rendered as {hit.group(0)!r}, not {rendering}")
        for a, use in regional:
            if hit := a.search(string):
                problems.append(f"{where}: {hit.group(0)!r} is not {locale} usage: {use}")
    return problems


def glossary_problems(locale: str, domain: str) -> list[str]:
    """Glossary problems of ``domain`` in ``locale`` (also used by test_i18n_vocabulary)."""
    return glossary_check(locale, _entries(locale, domain))


@pytest.mark.parametrize("locale", TRANSLATED_LOCALES)
@pytest.mark.parametrize("domain", ["statement", "messages"])
def test_glossary_terms_are_rendered_as_fixed(locale, domain):
    problems = glossary_problems(locale, domain)
    assert not problems, "\n".join(problems)


BAD_CATALOG = """\
msgid ""
msgstr ""
"Content-Type: text/plain; charset=utf-8\\n"

msgctxt "a"
msgid "You, as a data controller, collect their personal information."
msgstr "{first}"

msgctxt "b"
msgid "Changes of information controllers caused by mergers."
msgstr "{second}"
"""


@pytest.mark.parametrize("locale, first, second, found", [
    # each clause alone uses the fixed rendering: fine
    ("zh-Hans", "您作为个人信息处理者收集其个人信息。", "并购引起的个人信息处理者变更。", []),
    ("zh-Hant", "您作為個人資料控管者蒐集其個人資料。", "併購引起的個人資料控管者變更。", []),
    # the second clause renders "controller" another way, though it also contains the fixed one
    ("zh-Hans", "您作为个人信息处理者收集其个人信息。", "并购引起的信息控制者（个人信息处理者）变更。",
     ["'b': controller rendered as '控制者'"]),
    ("zh-Hant", "您作為個人資料控管者蒐集其個人資料。", "併購引起的個人資料處理者變更。",
     ["'b': controller → 控管者", "'b': controller rendered as '個人資料處理者'",
      "'b': controller rendered as '處理者'"]),
    # a second rendering of "collect", and a mainland word in Traditional characters
    ("zh-Hant", "您作為個人資料控管者收集其個人信息。", "併購引起的個人資料控管者變更。",
     ["'a': collect → 蒐集", "'a': collect rendered as '收集'", "'a': personal-information rendered as '個人信息'",
      "'a': '信息' is not zh-Hant usage"]),
])
def test_glossary_check_catches_a_second_rendering(tmp_path, locale, first, second, found):
    path = tmp_path / "bad.po"
    path.write_text(BAD_CATALOG.format(first=first, second=second), encoding="utf-8")
    problems = glossary_check(locale, _read(path))
    for f in found:
        assert any(p.startswith(f) for p in problems), (f, problems)
    assert len(problems) == len(found), problems


def test_traditional_uses_one_word_for_personal_information():
    for m in _entries("zh-Hant"):
        assert not re.search("個人信息|個人資訊|个人", m.string), m.context


# -- punctuation ---------------------------------------------------------------------------
CJK = "[\u3400-\u9fff\uf900-\ufaff]"
HALF_WIDTH = re.compile(f"{CJK}\\s*[(),;:!?\\[\\]]|[(),;:!?\\[\\]]\\s*{CJK}")
QUOTES = {"zh-Hans": re.compile("[「」『』\"]"), "zh-Hant": re.compile("[“”‘’\"]")}


@pytest.mark.parametrize("locale", TRANSLATED_LOCALES)
@pytest.mark.parametrize("domain", DOMAINS)
def test_chinese_text_uses_full_width_punctuation(locale, domain):
    """，。：；（）and the locale's quotation marks (zh-Hans “”, zh-Hant 「」) in Chinese text; the
    English a translation must keep (placeholders, phone numbers) is left out first."""
    problems = []
    for m in _entries(locale, domain):
        text = m.string if isinstance(m.string, str) else " ".join(m.string)
        text = re.sub(r"%\(\w+\)s|\{\w+\}", "", text)
        for p in PHONE.findall(m.id if isinstance(m.id, str) else m.id[0]):
            text = text.replace(p, "")
        problems += [f"{m.context or m.id!r}: {h.group(0)!r}" for h in HALF_WIDTH.finditer(text)]
        problems += [f"{m.context or m.id!r}: quotation mark {h.group(0)!r}" for h in QUOTES[locale].finditer(text)]
    assert not problems, "\n".join(problems)


# -- placeholders: emails, URLs, phone numbers, numbers, dates ------------------------------
MONTHS = {m: i for i, m in enumerate(["January", "February", "March", "April", "May", "June", "July",
                                       "August", "September", "October", "November", "December"], 1)}
CN_NUM = {str(i): c for i, c in enumerate("零一二三四五六七八九十", 0)}
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
URL = re.compile(r"https?://[^\s)]+[^\s).,;]")
PHONE = re.compile(r"\(\d{3}\) ?\d{7}")
DATE = re.compile(r"(" + "|".join(MONTHS) + r") (\d{1,2}), ?(\d{4})")
NUMBER = re.compile(r"\d+")


def placeholders(english: str) -> list[str]:
    """What must appear unchanged in a translation; a date as the Chinese Y年M月D日."""
    out = EMAIL.findall(english) + URL.findall(english) + PHONE.findall(english)
    rest = PHONE.sub(" ", URL.sub(" ", EMAIL.sub(" ", english)))
    for month, day, year in DATE.findall(rest):
        out.append(f"{year}年{MONTHS[month]}月{day}日")
    rest = DATE.sub(" ", rest)
    # a cross-reference "Part 1" is written 第一部分, as the renderer numbers parts
    for n in re.findall(r"\bPart (\d)\b", rest):
        out.append(f"第{CN_NUM[n]}部分")
    rest = re.sub(r"\bPart \d\b", " ", rest)
    return out + NUMBER.findall(rest)


def test_placeholders_helper():
    assert placeholders("mail legal@allvalue.com or (888) 9968926 within 15 days") == [
        "legal@allvalue.com", "(888) 9968926", "15"]
    assert placeholders("updated on August 25,2023.") == ["2023年8月25日"]
    assert placeholders("see https://x.example/a?type=0 .") == ["https://x.example/a?type=0"]
    assert placeholders('(see "Part 1" of this)') == ["第一部分"]


@pytest.mark.parametrize("locale", TRANSLATED_LOCALES)
@pytest.mark.parametrize("domain", ["statement", "messages"])
def test_placeholders_survive_translation(locale, domain):
    problems = []
    for m in _entries(locale, domain):
        for p in placeholders(m.id):
            if p not in m.string:
                problems.append(f"{m.context or m.id!r}: {p!r} missing")
        for p in re.findall(r"%\(\w+\)s|\{\w+\}", m.id):
            if p not in m.string:
                problems.append(f"{m.id!r}: format placeholder {p} missing")
    assert not problems, "\n".join(problems)


def test_closing_date_is_localized():
    for locale in TRANSLATED_LOCALES:
        closing = next(m for m in _entries(locale) if m.context == "closing")
        assert "2023年8月25日" in closing.string and "August" not in closing.string


# -- staleness, per clause -----------------------------------------------------------------
@pytest.fixture
def edited(tmp_path):
    """A copy of the source with one clause's English changed (and rehashed), and of the catalogs."""
    from generator.source import load_version_unchecked
    from generator.workflow.hashes import write_hashes

    src, loc = tmp_path / "notices", tmp_path / "locales"
    shutil.copytree(NOTICES, src)
    shutil.copytree(LOCALES_DIR, loc)
    vdir = src / "allvalue-privacy" / "2023-08-25"
    st = vdir / "statement.yaml"
    text = st.read_text(encoding="utf-8")
    assert text.count(OLD) == 1
    st.write_text(text.replace(OLD, NEW), encoding="utf-8")
    write_hashes(vdir, load_version_unchecked(src, "2023-08-25"))  # as if published so
    return src, loc


def test_edited_clause_becomes_stale_in_both_locales(edited, run):
    src, loc = edited
    res = run("i18n", "update", "--source", src, "--locales", loc)
    assert res.code == 0, res.err
    assert res.out.count(f"changed: {CLAUSE}") == 2
    assert "1 changed (fuzzy), 0 new, 0 obsolete" in res.out

    from generator.source import load_source

    version = load_source(src).version()
    for locale in TRANSLATED_LOCALES:
        s = status(version, locale, locales_dir=loc)
        assert (s.stale_ids, s.missing_ids) == ([CLAUSE], []), locale
        assert s.translated == s.total - 1
        po = (loc / locale / "LC_MESSAGES" / "statement.po").read_text(encoding="utf-8")
        entry = po.split(f'msgctxt "{CLAUSE}"')[0].rsplit("\n\n", 1)[1]
        assert "#, fuzzy" in entry and '#| msgid ""\n#| "' + OLD in entry, entry
        from generator.i18n.catalogs import read_catalog

        m = read_catalog(loc / locale / "LC_MESSAGES" / "statement.po").get(
            version.clause_map()[CLAUSE].text, CLAUSE)
        assert m.previous_id[0].startswith(OLD) and m.id.startswith(NEW) and "fuzzy" in m.flags

    res = run("i18n", "status", "--source", src, "--locales", loc)
    assert res.code == 0
    assert f"  stale: {CLAUSE}" in res.out
    res = run("i18n", "status", "--source", src, "--locales", loc, "--require-complete", "--format", "json")
    assert res.code == 1
    assert [r["stale_ids"] for r in json.loads(res.out)] == [[CLAUSE], [CLAUSE]]


def test_publishing_a_stale_locale_fails_and_fallback_marks_english(edited, run):
    src, loc = edited
    assert run("i18n", "update", "--source", src, "--locales", loc).code == 0
    for tag in ("zh-CN", "zh-TW"):
        res = run("render", "--source", src, "--locales", loc, "--locale", tag, "--format", "html")
        assert res.code == 2 and res.out == ""
        assert "is incomplete (1 stale, 0 missing)" in res.err and f"  stale: {CLAUSE}" in res.err
        assert "--allow-fallback" in res.err

    res = run("render", "--source", src, "--locales", loc, "--locale", "zh-Hans", "--format", "html",
              "--allow-fallback")
    assert res.code == 0, res.err
    para = re.search(r"<p[^>]*>.*?" + re.escape(NEW) + r".*?</p>", res.out).group(0)
    assert 'lang="en"' in para and "英文原文：尚未翻译" in para
    assert res.out.count('lang="en"') == 1  # only that clause falls back
    assert '<html lang="zh-Hans">' in res.out and "我们如何收集和使用您的个人信息" in res.out
    for fmt, note in (("md", "*(英文原文：尚未翻譯)*"), ("text", "(英文原文：尚未翻譯)")):
        res = run("render", "--source", src, "--locales", loc, "--locale", "zh-Hant", "--format", fmt,
                  "--allow-fallback")
        assert res.code == 0 and NEW in res.out and note in res.out, fmt


def test_translator_api_names_stale_clauses(edited):
    from generator.i18n import IncompleteTranslation, update
    from generator.rendering import render_localized
    from generator.source import load_source

    src, loc = edited
    source = load_source(src)
    update(source, loc)
    version = source.version()
    with pytest.raises(IncompleteTranslation) as e:
        translator(version, "zh-Hans", locales_dir=loc)
    assert isinstance(e.value, UsageError) and CLAUSE in str(e.value)
    tr = translator(version, "zh-Hans", allow_fallback=True, locales_dir=loc)
    assert tr.translate(CLAUSE, NEW) == (NEW, "en")
    assert tr.fallback_ids == [CLAUSE]
    assert NEW in render_localized(version, "text", "zh-Hans", allow_fallback=True, locales_dir=loc)


def test_fuzzy_entry_still_serves_the_english_it_was_made_from(edited, current):
    """The old version's English is the entry's #| msgid: that version stays translated."""
    from generator.i18n import update
    from generator.source import load_source

    src, loc = edited
    update(load_source(src), loc)
    assert status(current, "zh-Hans", locales_dir=loc).complete


def test_new_clause_is_missing_and_removed_clause_obsolete(tmp_path):
    from generator.i18n.catalogs import merge_content, read_catalog

    old = read_catalog(LOCALES_DIR / "zh-Hans" / "LC_MESSAGES" / "statement.po")
    template = read_catalog(LOCALES_DIR / "statement.pot")
    template.delete(template.get("Others", "rights.others").id, "rights.others")
    template.add("A brand-new clause.", context="rights.new")
    merged, result = merge_content(old, template)
    assert result.new == ["rights.new"] and result.obsolete == ["rights.others"] and result.changed == []
    assert merged.get("A brand-new clause.", "rights.new").string == ""
