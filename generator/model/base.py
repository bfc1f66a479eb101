"""Shared pieces of the model: the strict base class, id and text types, code checks."""
from __future__ import annotations

import unicodedata
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, field_validator

ID_PATTERN = r"^[a-z][a-z0-9-]*(\.[a-z0-9][a-z0-9-]*)*$"


def N_(message: str) -> str:
    """Mark an English msgid for ``notices i18n extract`` without translating it here: the
    report layer says it in the reader's locale."""
    return message


#: Unicode bidi controls: embeddings, overrides, isolates and marks (UAX #9). Neither the
#: statement (English, Chinese) nor a merchant profile needs one, and they make text read
#: other than it is ("Trojan Source"): in a redline, a reviewer would approve what is not there.
BIDI_CONTROLS = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def char_name(ch: str) -> str:
    """``U+202E (RIGHT-TO-LEFT OVERRIDE)``."""
    return f"U+{ord(ch):04X}" + (f" ({unicodedata.name(ch)})" if unicodedata.name(ch, "") else "")


def no_bidi_controls(value: str) -> str:
    for i, ch in enumerate(value, 1):
        if ch in BIDI_CONTROLS:
            raise ValueError(f"contains the bidi control {char_name(ch)} at character {i}; "
                             "bidi controls are not allowed")
    return value


class Strict(BaseModel):
    #: ``defer_build``: a model's validator is built when it is first used, not when the
    #: class is defined, so a command that reads versions from the cache
    #: (:mod:`generator.source.cache`) never builds the ones it does not need (0.1 s).
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    @field_validator("*", mode="after")
    @classmethod
    def _no_bidi_controls(cls, value: Any) -> Any:
        """Every string of the source, and every string in a tuple of them."""
        if isinstance(value, str):
            no_bidi_controls(value)
        elif isinstance(value, tuple):
            for item in value:
                if isinstance(item, str):
                    no_bidi_controls(item)
        return value


def check_code(table: dict, what: str, code: str) -> str:
    if code not in table:
        import difflib

        close = difflib.get_close_matches(code, list(table), n=1, cutoff=0.6)
        hint = f"; did you mean {close[0]}?" if close else " (add it to generator/model/vocabulary.py)"
        raise ValueError(f"unknown {what} code {code!r}{hint}")
    return code


def not_blank(value: str) -> str:
    if not value or not value.strip():
        raise ValueError("text is empty")
    return value


Text = Annotated[str, Field(description="Verbatim wording of the published statement; **strong** marks bold.")]
ClauseId = Annotated[str, Field(pattern=ID_PATTERN, description="Permanent id, never a number.")]
