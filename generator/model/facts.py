"""Typed facts stated beside the prose: what the Section VIII classifier reasons over.

Each fact kind is a small model with a ``kind`` tag and a ``key`` (its identity for
the diff: the same key in two versions is the same fact). Codes are checked against
:mod:`generator.vocabulary`.
"""
from __future__ import annotations

from typing import Annotated, Literal, Union

from pydantic import Field, field_validator

from .. import vocabulary as vocab
from .base import Strict, check_code

class DataFact(Strict):
    """A personal-data category the clause says is collected or processed."""

    kind: Literal["data"]
    code: str = Field(description="DPV pd: code, or a project av: code where none fits.")
    sensitive: bool = Field(False, description="Sensitive under Part 1 Definition 5.")
    optional: bool = Field(False, description="Collected only if the user chooses to provide it.")

    _code = field_validator("code")(lambda c: check_code(vocab.DATA_CATEGORIES, "data category", c))

    @property
    def key(self) -> tuple:
        return ("data", self.code)


class PurposeFact(Strict):
    kind: Literal["purpose"]
    code: str
    _code = field_validator("code")(lambda c: check_code(vocab.PURPOSES, "purpose", c))

    @property
    def key(self) -> tuple:
        return ("purpose", self.code)


class LegalBasisFact(Strict):
    kind: Literal["legal-basis"]
    code: str
    _code = field_validator("code")(lambda c: check_code(vocab.LEGAL_BASES, "legal basis", c))

    @property
    def key(self) -> tuple:
        return ("legal-basis", self.code)


class RecipientFact(Strict):
    """Someone personal data goes to, and how: shared, transferred or publicly disclosed."""

    kind: Literal["recipient"]
    code: str
    via: Literal["share", "transfer", "disclose"] = "share"
    _code = field_validator("code")(lambda c: check_code(vocab.RECIPIENTS, "recipient", c))

    @property
    def key(self) -> tuple:
        return ("recipient", self.code, self.via)


class TransferFact(Strict):
    """A cross-border destination where data is stored or processed."""

    kind: Literal["transfer"]
    destination: str = Field(description="ISO 3166-1 alpha-2 code.")
    _dest = field_validator("destination")(lambda c: check_code(vocab.COUNTRIES, "country", c))

    @property
    def key(self) -> tuple:
        return ("transfer", self.destination)


class RightFact(Strict):
    """A right of the user and the channels through which it is exercised."""

    kind: Literal["right"]
    code: str
    channels: tuple[str, ...] = ()
    _code = field_validator("code")(lambda c: check_code(vocab.RIGHTS, "right", c))

    @field_validator("channels")
    @classmethod
    def _channels(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        for c in value:
            check_code(vocab.CHANNELS, "channel", c)
        return value

    @property
    def key(self) -> tuple:
        return ("right", self.code)


class ResponseTimeFact(Strict):
    kind: Literal["response-time"]
    days: int = Field(gt=0)

    @property
    def key(self) -> tuple:
        return ("response-time",)


class RetentionFact(Strict):
    kind: Literal["retention"]
    code: str
    min_years: int | None = None
    _code = field_validator("code")(lambda c: check_code(vocab.RETENTION, "retention", c))

    @property
    def key(self) -> tuple:
        return ("retention", self.code)


class ControllerFact(Strict):
    """The "Party" of Part 1 Definition 1: who controls the data."""

    kind: Literal["controller"]
    name: str
    jurisdiction: str
    address: str

    @property
    def key(self) -> tuple:
        return ("controller",)


class ContactFact(Strict):
    kind: Literal["contact"]
    channel: Literal["email", "phone", "postal", "department", "complaint"]
    value: str

    @property
    def key(self) -> tuple:
        return ("contact", self.channel, self.value)


class ChildrenFact(Strict):
    kind: Literal["children"]
    max_age: int = Field(gt=0, description="Children are individuals under this age.")
    parental_consent: bool

    @property
    def key(self) -> tuple:
        return ("children",)


class ProcessingFact(Strict):
    """A way of using data: profiling, automated decisions, model training..."""

    kind: Literal["processing"]
    code: str
    _code = field_validator("code")(lambda c: check_code(vocab.PROCESSING, "processing", c))

    @property
    def key(self) -> tuple:
        return ("processing", self.code)


class RoleFact(Strict):
    kind: Literal["role"]
    code: str
    _code = field_validator("code")(lambda c: check_code(vocab.ROLES, "role", c))

    @property
    def key(self) -> tuple:
        return ("role", self.code)


class DisclosureFact(Strict):
    kind: Literal["disclosure"]
    code: str
    _code = field_validator("code")(lambda c: check_code(vocab.DISCLOSURES, "disclosure", c))

    @property
    def key(self) -> tuple:
        return ("disclosure", self.code)


class SafeguardFact(Strict):
    kind: Literal["safeguard"]
    code: str
    _code = field_validator("code")(lambda c: check_code(vocab.SAFEGUARDS, "safeguard", c))

    @property
    def key(self) -> tuple:
        return ("safeguard", self.code)


class BreachNotificationFact(Strict):
    kind: Literal["breach-notification"]
    channels: tuple[str, ...]

    @field_validator("channels")
    @classmethod
    def _channels(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        for c in value:
            check_code(vocab.CHANNELS, "channel", c)
        return value

    @property
    def key(self) -> tuple:
        return ("breach-notification",)


class FeeFact(Strict):
    kind: Literal["fee"]
    code: str
    _code = field_validator("code")(lambda c: check_code(vocab.FEES, "fee", c))

    @property
    def key(self) -> tuple:
        return ("fee", self.code)


Fact = Annotated[
    Union[
        DataFact, PurposeFact, LegalBasisFact, RecipientFact, TransferFact, RightFact,
        ResponseTimeFact, RetentionFact, ControllerFact, ContactFact, ChildrenFact,
        ProcessingFact, RoleFact, DisclosureFact, SafeguardFact, BreachNotificationFact, FeeFact,
    ],
    Field(discriminator="kind"),
]
FACT_KINDS = (
    "data", "purpose", "legal-basis", "recipient", "transfer", "right", "response-time",
    "retention", "controller", "contact", "children", "processing", "role", "disclosure",
    "safeguard", "breach-notification", "fee",
)
