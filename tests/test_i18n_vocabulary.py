"""The vocabulary domain: one catalog entry per fact code, translated, in sync, and used by notices."""
from __future__ import annotations

import html
import re
import shutil
import subprocess

import pytest

from generator.model import vocabulary as vocab
from generator.i18n import (
    LOCALES_DIR,
    TRANSLATED_LOCALES,
    VOCABULARY_DOMAIN,
    localized_label,
    status,
    translator,
)
from generator.merchant import MerchantProfile, load_profile, render_notice

from .conftest import EXAMPLES, NOTICES
from .test_i18n import _entries, _read, glossary_problems, placeholders

PROFILES = sorted((EXAMPLES / "merchants").glob("*.yaml"))
CODES = [(code, english) for code, english, _kinds in vocab.entries()]


def _po(locale: str):
    return LOCALES_DIR / locale / "LC_MESSAGES" / f"{VOCABULARY_DOMAIN}.po"


# -- the catalogs --------------------------------------------------------------------------
def test_entries_cover_every_code_once():
    tables = [vocab.DATA_CATEGORIES, *(t for _k, t in vocab.TABLES)]
    assert {c for c, _ in CODES} == {c for t in tables for c in t}
    assert len({c for c, _ in CODES}) == len(CODES)
    assert all(vocab.label(c) == english for c, english in CODES)


@pytest.mark.parametrize("locale", TRANSLATED_LOCALES)
def test_every_code_has_a_translation(locale):
    entries = _entries(locale, VOCABULARY_DOMAIN)
    assert [(m.context, m.id) for m in entries] == CODES
    problems = [m.context for m in entries if not m.string.strip() or "fuzzy" in m.flags]
    assert not problems, problems
    assert all(m.string != m.id for m in entries if re.search("[a-z]{3}", m.id)), "left in English"


@pytest.mark.parametrize("locale", TRANSLATED_LOCALES)
def test_msgfmt_check_passes(locale, tmp_path):
    msgfmt = shutil.which("msgfmt")
    assert msgfmt, "gettext's msgfmt is missing: run scripts/install-test-deps.sh"
    p = subprocess.run([msgfmt, "--check", "--statistics", "-o", str(tmp_path / "out.mo"), str(_po(locale))],
                       capture_output=True, text=True)
    assert p.returncode == 0, p.stderr
    assert f"{len(CODES)} translated messages." in p.stderr, p.stderr
    assert "fuzzy" not in p.stderr and "untranslated" not in p.stderr, p.stderr


@pytest.mark.parametrize("locale", TRANSLATED_LOCALES)
def test_header_says_this_is_our_translation(locale):
    catalog = _read(_po(locale))
    assert "Translated by the allvalue-notices project" in catalog.header_comment
    assert "not AllValue's own published text" in catalog.header_comment


def test_template_equals_what_extract_generates(tmp_path, run, monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    res = run("i18n", "extract", "--source", NOTICES, "--locales", tmp_path)
    assert res.code == 0, res.err
    assert f"vocabulary.pot: {len(CODES)} messages" in res.out
    assert (tmp_path / "vocabulary.pot").read_bytes() == (LOCALES_DIR / "vocabulary.pot").read_bytes()


def test_update_changes_nothing(tmp_path, run, monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    copy = tmp_path / "locales"
    shutil.copytree(LOCALES_DIR, copy)
    res = run("i18n", "update", "--source", NOTICES, "--locales", copy)
    assert res.code == 0, res.err
    for locale in TRANSLATED_LOCALES:
        assert f"{locale}/LC_MESSAGES/vocabulary.po: {len(CODES)} unchanged, 0 changed (fuzzy), 0 new" in res.out
        assert _po(locale).read_bytes() == (copy / locale / "LC_MESSAGES" / "vocabulary.po").read_bytes()


def test_update_creates_a_missing_catalog(tmp_path):
    from generator.i18n import update
    from generator.i18n.catalogs import read_catalog
    from generator.source import load_source

    copy = tmp_path / "locales"
    shutil.copytree(LOCALES_DIR, copy)
    (copy / "zh-Hans" / "LC_MESSAGES" / "vocabulary.po").unlink()
    results = update(load_source(NOTICES), copy, ("zh-Hans",))
    r = next(r for r in results if r.domain == VOCABULARY_DOMAIN)
    assert len(r.new) == len(CODES) and r.unchanged == 0
    catalog = read_catalog(copy / "zh-Hans" / "LC_MESSAGES" / "vocabulary.po")
    assert "Translated by the allvalue-notices project" in catalog.header_comment
    assert all(not m.string for m in catalog if m.id)


def test_changed_english_keeps_its_translation_fuzzy():
    """The content domain's merge by id: a label whose English changed stays, fuzzy, with #| msgid."""
    from generator.i18n.catalogs import merge_content, read_catalog

    old = read_catalog(_po("zh-Hans"))
    template = read_catalog(LOCALES_DIR / "vocabulary.pot")
    template.delete("payment providers", "av:PaymentProvider")
    template.add("payment service providers", context="av:PaymentProvider")
    template.delete("the public", "av:Public")
    merged, result = merge_content(old, template, VOCABULARY_DOMAIN)
    assert result.domain == VOCABULARY_DOMAIN
    assert (result.changed, result.new, result.obsolete) == (["av:PaymentProvider"], [], ["av:Public"])
    m = merged.get("payment service providers", "av:PaymentProvider")
    assert m.string == "支付服务提供商" and "fuzzy" in m.flags and m.previous_id == ["payment providers"]


# -- the translations ----------------------------------------------------------------------
@pytest.mark.parametrize("locale", TRANSLATED_LOCALES)
def test_glossary_terms_are_rendered_as_fixed(locale):
    problems = glossary_problems(locale, VOCABULARY_DOMAIN)
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("locale", TRANSLATED_LOCALES)
def test_placeholders_survive(locale):
    problems = [f"{m.context}: {p!r}" for m in _entries(locale, VOCABULARY_DOMAIN)
                for p in placeholders(m.id) if p not in m.string]
    assert not problems, problems


def test_labels_agree_with_the_statement():
    """Terms the statement's own translations fix, where a label names the same thing."""
    same = {
        "av:PaymentProvider": ("支付服务提供商", "支付服務提供者"),
        "av:LogisticsProvider": ("物流服务提供商", "物流服務提供者"),
        "av:SmsProvider": ("短信服务提供商", "簡訊服務提供者"),
        "av:SubProcessor": ("再受托处理者", "再受託處理者"),
        "av:TransactionInformation": ("交易信息", "交易資料"),
        "pd:DeviceBased": ("设备信息", "裝置資料"),
        "pd:EmailAddress": ("电子邮箱地址", "電子郵件地址"),
        "av:RightToWithdrawConsent": ("撤回同意", "撤回同意"),
        "av:RightToErasure": ("删除个人信息", "刪除個人資料"),
        "av:ChildrenData": ("不满14周岁儿童的个人信息", "不滿14歲兒童的個人資料"),
    }
    for code, (hans, hant) in same.items():
        assert hans in localized_label(code, "zh-Hans"), code
        assert hant in localized_label(code, "zh-Hant"), code


def test_traditional_uses_one_word_for_personal_information():
    for m in _entries("zh-Hant", VOCABULARY_DOMAIN):
        assert not re.search("個人信息|個人資訊|个人|信息", m.string), m.context


# -- the API -------------------------------------------------------------------------------
def test_localized_label_and_translator_label(current):
    assert localized_label("pd:EmailAddress", "zh-CN") == "电子邮箱地址"
    assert localized_label("av:PaymentProvider", "zh-TW") == "支付服務提供者"
    assert localized_label("CN", "zh-Hans") == "中国" and localized_label("email", "zh-HK") == "電子郵件地址"
    assert localized_label("pd:EmailAddress", "en-GB") == "email address"
    assert localized_label("x:Unknown", "zh-Hans") == "x:Unknown"
    tr = translator(current, "zh-Hans")
    assert tr.label("av:RightToWithdrawConsent") == "撤回同意的权利"
    assert translator(current, "en").label("av:RightToWithdrawConsent") == "right to withdraw consent"


def test_a_label_whose_english_changed_falls_back_to_english(tmp_path, current):
    loc = tmp_path / "locales"
    shutil.copytree(LOCALES_DIR, loc)
    po = loc / "zh-Hans" / "LC_MESSAGES" / "vocabulary.po"
    text = po.read_text(encoding="utf-8")
    old = 'msgctxt "av:Insurer"\nmsgid "insurers"\n'
    assert old in text
    po.write_text(text.replace(old, 'msgctxt "av:Insurer"\nmsgid "insurance companies"\n'), encoding="utf-8")
    assert localized_label("av:Insurer", "zh-Hans", loc) == "insurers"
    assert translator(current, "zh-Hans", locales_dir=loc).label("av:Insurer") == "insurers"
    assert localized_label("av:Merchant", "zh-Hans", loc) == "商家"
    v = status(current, "zh-Hans", locales_dir=loc).vocabulary
    assert (v.total, v.translated, v.stale, v.fuzzy, v.missing) == (
        len(CODES), len(CODES) - 1, ["av:Insurer"], [], [])


@pytest.mark.parametrize("locale", TRANSLATED_LOCALES)
def test_status_counts_the_vocabulary(current, locale, run):
    v = status(current, locale).vocabulary
    assert (v.total, v.translated, v.fuzzy, v.stale, v.missing) == (len(CODES), len(CODES), [], [], [])
    assert status(current, "en").vocabulary.total == 0


def test_status_cli_names_untranslated_labels(tmp_path, run):
    loc = tmp_path / "locales"
    shutil.copytree(LOCALES_DIR, loc)
    po = loc / "zh-Hant" / "LC_MESSAGES" / "vocabulary.po"
    po.write_text(po.read_text(encoding="utf-8").replace('msgstr "日本"', 'msgstr ""'), encoding="utf-8")
    res = run("i18n", "status", "--source", NOTICES, "--locales", loc, "--locale", "zh-Hant")
    assert res.code == 0, res.err
    assert f"  vocabulary: {len(CODES) - 1}/{len(CODES)} translated, 0 fuzzy, 0 stale, 1 missing" in res.out
    res = run("i18n", "status", "--source", NOTICES, "--locales", loc, "--locale", "zh-Hans")
    assert "vocabulary" not in res.out


# -- the merchant notice -------------------------------------------------------------------
def _strings(value) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, (list, tuple)):
        return [s for v in value for s in _strings(v)]
    return []


def _english_labels_in(text: str, profile: MerchantProfile) -> list[str]:
    """English vocabulary labels left in a rendered notice, the merchant's own words removed."""
    words = profile.model_dump(mode="json", exclude={"id", "default_locale"})
    for s in sorted(_strings(words), key=len, reverse=True):
        text = text.replace(s, " ")
    text = re.sub(r"[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+", " ", text)  # quoted clause ids (rights.consent.withdraw)
    return sorted({english for _c, english in CODES
                   if re.search(r"(?<![A-Za-z0-9-])" + re.escape(english) + r"(?![A-Za-z0-9-])", text, re.I)})


def test_english_notice_shows_english_labels(current):
    """The check below can see labels: an English notice is full of them."""
    profile = load_profile(PROFILES[0])
    found = _english_labels_in(render_notice(profile, current, locale="en", format="text"), profile)
    assert {"email address", "payment providers", "right to withdraw consent", "China"} <= set(found)


@pytest.mark.parametrize("profile_path", PROFILES, ids=lambda p: p.stem)
def test_zh_hans_notice_has_no_english_label_cli(profile_path, run):
    res = run("merchant", "render", profile_path, "--source", NOTICES, "--locale", "zh-Hans", "--format", "text")
    assert res.code == 0, res.err
    assert "支付服务提供商" in res.out or "涉及的信息" in res.out
    assert _english_labels_in(res.out, load_profile(profile_path)) == []


@pytest.mark.parametrize("locale", TRANSLATED_LOCALES)
@pytest.mark.parametrize("fmt", ["text", "md", "html"])
def test_notice_with_every_part_has_no_english_label(current, locale, fmt):
    profile = MerchantProfile.model_validate({
        "id": "every-part", "legal_name": "Every Part Ltd.", "store_name": "Every Part",
        "store_url": "https://every.example.com/", "address": "1 Road", "contact_email": "a@every.example.com",
        "processing": {"marketing_email": True, "marketing_sms": True, "analytics_cookies": True,
                       "special_benefits": True, "third_party_login": True,
                       "payment_providers": ["PayA"], "shipping_providers": ["ShipA"]}})
    text = render_notice(profile, current, locale=locale, format=fmt)
    if fmt == "html":
        text = html.unescape(re.sub(r"<[^>]*>", " ", text))
    assert _english_labels_in(text, profile) == []
    assert localized_label("av:ThirdPartyPlatform", locale) in text
