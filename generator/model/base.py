"""Shared pieces of the model: the strict base class, id and text types, code checks."""
from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

ID_PATTERN = r"^[a-z][a-z0-9-]*(\.[a-z0-9][a-z0-9-]*)*$"


def N_(message: str) -> str:
    """Mark an English msgid for ``notices i18n extract`` without translating it here: the
    report layer says it in the reader's locale."""
    return message


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


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
