"""The customer notice: every profile field's effect, each locale, quotes not retyped, fast == naive."""
from __future__ import annotations

import pytest

from generator.merchant import MerchantProfile, NoticeRenderer, render_naive
from generator.i18n.locales import SUPPORTED
from generator.merchant.samples import generate, generate_data

BASE = {"id": "base", "legal_name": "Base Shop Ltd.", "store_name": "Base Shop",
        "store_url": "https://base.example.com/", "address": "1 Base Road", "contact_email": "a@base.example.com"}


def _profile(**extra) -> MerchantProfile:
    return MerchantProfile.model_validate(BASE | extra)


@pytest.fixture(scope="module")
def md(current):
    renderer = NoticeRenderer(current, "en", "md")
    return renderer.render


# field -> (value, something that appears only then)
EFFECTS = {
    "illustrative": ({"illustrative": "Made up for a test"}, "Illustrative: Made up for a test"),
    "legal_name": ({"legal_name": "Zeta Trading Ltd."}, "Zeta Trading Ltd. is the data controller"),
    "store_name": ({"store_name": "Zeta Store"}, "# Privacy notice of Zeta Store"),
    "store_url": ({"store_url": "https://zeta.example.org/shop"}, "<https://zeta.example.org/shop>"),
    "address": ({"address": "9 Zeta Street"}, "- Address: 9 Zeta Street"),
    "contact_email": ({"contact_email": "zeta@zeta.example.org"}, "- Email: <zeta@zeta.example.org>"),
    "dpo": ({"dpo": {"name": "Zed Officer", "email": "dpo@zeta.example.org", "phone": "+852 1234"}},
            "Zed Officer, <dpo@zeta.example.org>, \\+852 1234"),
    "representative": ({"representative": {"name": "Zeta EU", "region": "European Union",
                                            "address": "1 EU Square", "email": "eu@zeta.example.org"}},
                       "### Our representative in European Union\n\nZeta EU, 1 EU Square, <eu@zeta.example.org>"),
    "marketing_email": ({"processing": {"marketing_email": True}}, "### Marketing email"),
    "marketing_sms": ({"processing": {"marketing_sms": True}}, "clause `collect.rules.marketing-sms`"),
    "analytics_cookies": ({"processing": {"analytics_cookies": True}}, "clause `cookies.use.purpose`"),
    "special_benefits": ({"processing": {"special_benefits": True}}, "clause `collect.account.special-benefits.data`"),
    "third_party_login": ({"processing": {"third_party_login": True}}, "clause `share.active-choice.third-party-login`"),
    "payment_providers": ({"processing": {"payment_providers": ["PayA", "PayB"]}},
                          "clause `collect.payment.share`"),
    "payment_providers_list": ({"processing": {"payment_providers": ["PayA", "PayB"]}},
                               "Our payment providers: PayA and PayB"),
    "shipping_providers": ({"processing": {"shipping_providers": ["ShipA"]}}, "Our delivery companies: ShipA"),
    "account_years": ({"retention": {"account_years": 2}}, "account information for 2 years after you close"),
    "order_years": ({"retention": {"order_years": 1}}, "We keep order records for 1 year."),
    "extra_paragraphs": ({"extra_paragraphs": ["Our own words.", "More words."]},
                         "## More from Base Shop\n\nOur own words.\n\nMore words."),
}


@pytest.mark.parametrize("field", sorted(EFFECTS))
def test_every_field_changes_the_notice(md, field):
    extra, marker = EFFECTS[field]
    assert marker not in md(_profile())
    assert marker in md(_profile(**extra))


def test_default_locale_picks_the_language(run, tmp_path):
    import json

    p = tmp_path / "p.jsonl"
    p.write_text(json.dumps(BASE | {"default_locale": "zh-Hant"}) + "\n")
    r = run("merchant", "render", p, "--format", "html")
    assert r.code == 0 and '<html lang="zh-Hant">' in r.out


def test_quotes_are_the_platform_text_not_retyped(current):
    renderer = NoticeRenderer(current, "en", "text")
    text = renderer.render(_profile(processing={"marketing_sms": True}))
    nodes = current.clause_map()
    for cid in renderer.drawn_clauses(_profile(processing={"marketing_sms": True})):
        assert f'"{nodes[cid].text}"' in text, cid
    assert "Stored or processed in: China" in text and "Response time: 15 days" in text


@pytest.mark.parametrize("locale", ["en", "zh-Hans", "zh-Hant"])
@pytest.mark.parametrize("fmt", ["html", "md", "text"])
def test_fast_equals_naive_in_every_locale_and_format(current, locale, fmt):
    renderer = NoticeRenderer(current, locale, fmt)
    for profile in list(generate(25, seed=11)) + [_profile()]:
        assert renderer.render(profile) == render_naive(profile, current, locale=locale, format=fmt,
                                                        notice=renderer.notice)


@pytest.mark.parametrize("locale, heading, clause", [
    ("en", "Your rights and how to exercise them", "We will respond within 15 days."),
    ("zh-Hans", "您的权利及行使方式", "我们将在15天内作出答复。"),
    ("zh-Hant", "您的權利及行使方式", "15天"),
])
def test_each_locale_translates_headings_and_quotes(current, locale, heading, clause):
    html = NoticeRenderer(current, locale, "html").render(_profile())
    assert f'<html lang="{locale}">' in html
    assert heading in html and clause in html
    if locale != "en":
        assert "Your rights" not in html


def test_unsupported_locale_is_refused(run, tmp_path):
    import json

    p = tmp_path / "p.jsonl"
    p.write_text(json.dumps(BASE) + "\n")
    r = run("merchant", "render", p, "--locale", "xx-Nope")
    assert r.code == 2 and "supported" in r.err


def test_deterministic(current):
    data = generate_data(5)
    a = [NoticeRenderer(current, "en", "html").render(MerchantProfile.model_validate(d)) for d in data]
    b = [NoticeRenderer(current, "en", "html").render(MerchantProfile.model_validate(d)) for d in data]
    assert a == b
