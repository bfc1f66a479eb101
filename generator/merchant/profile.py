"""A merchant's profile: who it is, how its store processes data, what it adds of its own.

Every string here is untrusted (a merchant typed it). The model refuses what no
escaping can make harmless or honest: control characters (line breaks
included), Unicode bidi controls (they reorder what a reader sees: Trojan
Source, CVE-2021-42574) and other invisible format characters, oversize
fields, URLs that are not ``http(s):`` and malformed emails. What remains is
escaped for the format it lands in when the notice is rendered; it is never
compiled as a template. No I/O here: :mod:`.reader` reads YAML and JSON Lines.
"""
from __future__ import annotations

import re
import unicodedata
from typing import Annotated, Literal
from urllib.parse import urlsplit

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from ..i18n.locales import SUPPORTED
from ..model.base import BIDI_CONTROLS as BIDI_CONTROLS  # refused in profile text as in the source
from ..model.base import char_name as _char_name

SCHEMA_ID = "merchant.schema.json"

#: Format characters a name may legitimately need (joiners in emoji and Indic/Persian scripts).
_ALLOWED_FORMAT = frozenset("\u200c\u200d")
_SLUG = r"^[a-z0-9][a-z0-9-]{0,62}$"
_EMAIL = re.compile(
    r"^[A-Za-z0-9._%+-]{1,64}@(?=.{1,253}$)(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+"
    r"[A-Za-z]{2,63}$")
# RFC 3986 characters only: no spaces, quotes, angle brackets, backslashes or backticks
_URL_CHARS = re.compile(r"^[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]+$")



def check_text(value: str, max_length: int) -> str:
    """Refuse empty, oversize and invisible-character text; return it unchanged otherwise."""
    if not value.strip():
        raise ValueError("is empty")
    if len(value) > max_length:
        raise ValueError(f"is too long ({len(value)} characters, at most {max_length})")
    for i, ch in enumerate(value, 1):
        if ch in BIDI_CONTROLS:
            raise ValueError(f"contains the bidi control {_char_name(ch)} at character {i}; "
                             "bidi controls are not allowed")
        cat = unicodedata.category(ch)
        if cat in ("Cc", "Zl", "Zp"):
            raise ValueError(f"contains the control character {_char_name(ch)} at character {i}; "
                             "control characters and line breaks are not allowed")
        if cat in ("Cf", "Cs", "Co", "Cn") and ch not in _ALLOWED_FORMAT:
            raise ValueError(f"contains the invisible or unassigned character {_char_name(ch)} "
                             f"at character {i}")
    return value


def check_url(value: str) -> str:
    """An absolute ``http:`` or ``https:`` URL with a host, and no user name or password."""
    check_text(value, 2000)
    scheme = value.split(":", 1)[0].lower() if ":" in value else ""
    if scheme not in ("http", "https"):
        raise ValueError(f"must be an http:// or https:// URL (got scheme {scheme or 'none'!r})")
    if not _URL_CHARS.match(value):
        bad = next(ch for ch in value if not _URL_CHARS.match(ch))
        raise ValueError(f"contains {bad!r}, which a URL may not contain (percent-encode it)")
    parts = urlsplit(value)
    if not parts.hostname or not value[len(scheme) + 1:].startswith("//"):
        raise ValueError("must be an absolute URL with a host (https://host/...)")
    if "@" in parts.netloc:
        raise ValueError("must not contain a user name or password before the host")
    return value


def check_email(value: str) -> str:
    check_text(value, 254)
    if not _EMAIL.match(value):
        raise ValueError(f"is not a valid email address: {value!r}")
    return value


def _text(max_length: int, description: str):
    return Annotated[str, AfterValidator(lambda v: check_text(v, max_length)),
                     Field(max_length=max_length, description=description)]


Name = _text(200, "A name: one line, no control or bidi characters.")
Line = _text(500, "One line of text: no control or bidi characters.")
Paragraph = _text(2000, "A paragraph of the merchant's own (plain text; URLs and emails become links).")
Url = Annotated[str, AfterValidator(check_url),
                Field(max_length=2000, pattern=r"^[Hh][Tt][Tt][Pp][Ss]?://", description="http(s) URL.")]
Email = Annotated[str, AfterValidator(check_email), Field(max_length=254, description="Email address.")]
Years = Annotated[int, Field(ge=1, le=30)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)


class Contact(_Strict):
    """A data protection officer or other named contact person."""

    name: Name
    email: Email | None = None
    phone: Annotated[str, AfterValidator(lambda v: check_text(v, 40)),
                     Field(max_length=40, pattern=r"^\+?[0-9 ()./-]{3,40}$")] | None = None


class Representative(_Strict):
    """A representative in another jurisdiction (e.g. under GDPR Art. 27)."""

    name: Name
    region: Name = Field(description="Where the representative acts, e.g. 'European Union'.")
    address: Line | None = None
    email: Email | None = None


class Processing(_Strict):
    """Which optional processing the store uses; each switches on the platform clauses it needs."""

    marketing_email: bool = False
    marketing_sms: bool = False
    analytics_cookies: bool = False
    special_benefits: bool = False
    third_party_login: bool = False
    payment_providers: list[Name] = Field(default_factory=list, max_length=10)
    shipping_providers: list[Name] = Field(default_factory=list, max_length=10)


class Retention(_Strict):
    """How long the merchant keeps its customers' data (absent: the platform's rule applies)."""

    account_years: Years | None = Field(None, description="Years after the customer closes the account.")
    order_years: Years | None = Field(None, description="Years order records are kept.")


class MerchantProfile(_Strict):
    """One merchant: the data controller its customers' notice names."""

    id: str = Field(pattern=_SLUG, description="Stable id; names the output files.")
    illustrative: Line | None = Field(None, description="Set on made-up profiles: says so on their face.")
    legal_name: Name
    store_name: Name
    store_url: Url
    address: Line
    contact_email: Email
    dpo: Contact | None = None
    representative: Representative | None = None
    default_locale: Literal[SUPPORTED] = "en"  # type: ignore[valid-type]  # the supported locales
    processing: Processing = Field(default_factory=Processing)
    retention: Retention = Field(default_factory=Retention)
    extra_paragraphs: list[Paragraph] = Field(default_factory=list, max_length=10)


def json_schema() -> dict:
    """The JSON Schema of a profile, generated from the model (``notices/schema/merchant.schema.json``)."""
    schema = MerchantProfile.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = SCHEMA_ID
    return schema
