"""Illustrative merchant profiles, generated: for the benchmark and the tests, never real stores.

Deterministic for a seed; every optional field is exercised across the set.
"""
from __future__ import annotations

import random
from collections.abc import Iterator

from .profile import MerchantProfile

ILLUSTRATIVE = "Generated illustrative merchant; not a real store."
_WORDS = ("Lotus", "Harbour", "Jade", "Pearl", "Nordic", "Maple", "Cedar", "Coral", "Amber", "Willow",
          "Summit", "River", "Lantern", "Bamboo", "Silk", "Orchid", "Granite", "Meadow")
_TRADES = ("Tea", "Books", "Fashion", "Knits", "Ceramics", "Coffee", "Toys", "Garden", "Audio", "Bakery")
_PAY = ("PayPal", "Stripe", "Alipay", "WeChat Pay", "Adyen", "Klarna")
_SHIP = ("SF Express", "DHL Express", "FedEx", "PostNord", "Hongkong Post", "UPS")


def profile_data(i: int, rng: random.Random) -> dict:
    name = f"{rng.choice(_WORDS)} {rng.choice(_TRADES)} {i}"
    slug = f"m{i:06d}"
    data: dict = {
        "id": slug, "illustrative": ILLUSTRATIVE,
        "legal_name": f"{name} Ltd.", "store_name": name,
        "store_url": f"https://{slug}.shop.example.com/",
        "address": f"{rng.randint(1, 999)} Example Road, Hong Kong",
        "contact_email": f"privacy@{slug}.example.com",
        "default_locale": rng.choice(("en", "en", "zh-Hans", "zh-Hant")),
        "processing": {
            "marketing_email": rng.random() < 0.5, "marketing_sms": rng.random() < 0.3,
            "analytics_cookies": rng.random() < 0.6, "special_benefits": rng.random() < 0.2,
            "third_party_login": rng.random() < 0.3,
            "payment_providers": rng.sample(_PAY, rng.randint(0, 3)),
            "shipping_providers": rng.sample(_SHIP, rng.randint(0, 2)),
        },
        "retention": {},
    }
    if rng.random() < 0.3:
        data["dpo"] = {"name": f"DPO of {name}"}
        if rng.random() < 0.7:
            data["dpo"]["email"] = f"dpo@{slug}.example.com"
    if rng.random() < 0.15:
        data["representative"] = {"name": f"{name} Europe B.V.", "region": "European Union",
                                  "email": f"eu@{slug}.example.com"}
    if rng.random() < 0.4:
        data["retention"]["account_years"] = rng.randint(1, 5)
    if rng.random() < 0.4:
        data["retention"]["order_years"] = rng.randint(3, 10)
    if rng.random() < 0.3:
        data["extra_paragraphs"] = [f"Paragraph {k} of {name}: see https://{slug}.shop.example.com/faq."
                                    for k in range(rng.randint(1, 3))]
    return data


def generate(n: int, seed: int = 6) -> Iterator[MerchantProfile]:
    rng = random.Random(seed)
    for i in range(n):
        yield MerchantProfile.model_validate(profile_data(i, rng))


def generate_data(n: int, seed: int = 6) -> list[dict]:
    rng = random.Random(seed)
    return [profile_data(i, rng) for i in range(n)]
