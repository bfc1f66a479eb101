"""Typed facts stated beside the prose: what the Section VIII classifier reasons over.

Each fact kind is a small model with a ``kind`` tag and a ``key``: its identity for
the diff (the same key in two versions is the same fact; the other fields are what
may change about it). Codes are checked against :mod:`generator.vocabulary`: most
kinds are one code of one vocabulary table (:class:`CodedFact`).
"""
from __future__ import annotations

from typing import Annotated, Any, ClassVar, Literal, Union

from pydantic import Field, field_validator

from . import vocabulary as vocab
from .base import Strict, check_code


class FactBase(Strict):
    """What every fact has: a ``kind`` tag and a ``key`` made of ``key_fields``."""

    #: the fields, besides ``kind``, that identify the fact
    key_fields: ClassVar[tuple[str, ...]] = ()

    @property
    def key(self) -> tuple:
        return (self.kind, *(getattr(self, name) for name in self.key_fields))


class CodedFact(FactBase):
    """A fact naming one code of a vocabulary table (its ``vocabulary``, called ``what``)."""

    vocabulary: ClassVar[dict[str, Any]]
    what: ClassVar[str]
    key_fields = ("code",)

    @field_validator("code", check_fields=False)
    @classmethod
    def _known_code(cls, code: str) -> str:
        return check_code(cls.vocabulary, cls.what, code)


def _known_channels(channels: tuple[str, ...]) -> tuple[str, ...]:
    for channel in channels:
        check_code(vocab.CHANNELS, "channel", channel)
    return channels


class DataFact(CodedFact):
    """A personal-data category the clause says is collected or processed."""

    vocabulary, what = vocab.DATA_CATEGORIES, "data category"
    kind: Literal["data"]
    code: str = Field(description="DPV pd: code, or a project av: code where none fits.")
    sensitive: bool = Field(False, description="Sensitive under Part 1 Definition 5.")
    optional: bool = Field(False, description="Collected only if the user chooses to provide it.")


class PurposeFact(CodedFact):
    """A purpose of processing (Section VIII item 1)."""

    vocabulary, what = vocab.PURPOSES, "purpose"
    kind: Literal["purpose"]
    code: str


class LegalBasisFact(CodedFact):
    """Why processing is lawful: consent, contract, legal obligation, the exceptions..."""

    vocabulary, what = vocab.LEGAL_BASES, "legal basis"
    kind: Literal["legal-basis"]
    code: str


class RecipientFact(CodedFact):
    """Someone personal data goes to, and how: shared, transferred or publicly disclosed."""

    vocabulary, what = vocab.RECIPIENTS, "recipient"
    key_fields = ("code", "via")
    kind: Literal["recipient"]
    code: str
    via: Literal["share", "transfer", "disclose"] = "share"


class TransferFact(FactBase):
    """A cross-border destination where data is stored or processed."""

    key_fields = ("destination",)
    kind: Literal["transfer"]
    destination: str = Field(description="ISO 3166-1 alpha-2 code.")

    _known_destination = field_validator("destination")(lambda c: check_code(vocab.COUNTRIES, "country", c))


class RightFact(CodedFact):
    """A right of the user and the channels through which it is exercised."""

    vocabulary, what = vocab.RIGHTS, "right"
    kind: Literal["right"]
    code: str
    channels: tuple[str, ...] = ()

    _known_channels = field_validator("channels")(_known_channels)


class ResponseTimeFact(FactBase):
    """How many days a request from the user may take to answer."""

    kind: Literal["response-time"]
    days: int = Field(gt=0)


class RetentionFact(CodedFact):
    """How long data is kept, by which rule."""

    vocabulary, what = vocab.RETENTION, "retention"
    kind: Literal["retention"]
    code: str
    min_years: int | None = None


class ControllerFact(FactBase):
    """The "Party" of Part 1 Definition 1: who controls the data."""

    kind: Literal["controller"]
    name: str
    jurisdiction: str
    address: str


class ContactFact(FactBase):
    """A way to reach whoever handles personal-information matters (Section VIII item 5)."""

    key_fields = ("channel", "value")
    kind: Literal["contact"]
    channel: Literal["email", "phone", "postal", "department", "complaint"]
    value: str


class ChildrenFact(FactBase):
    """Who counts as a child, and whether a guardian must consent."""

    kind: Literal["children"]
    max_age: int = Field(gt=0, description="Children are individuals under this age.")
    parental_consent: bool


class ProcessingFact(CodedFact):
    """A way of using data: profiling, automated decisions, model training..."""

    vocabulary, what = vocab.PROCESSING, "processing"
    kind: Literal["processing"]
    code: str


class RoleFact(CodedFact):
    """Who is controller and who is processor for end users' data."""

    vocabulary, what = vocab.ROLES, "role"
    kind: Literal["role"]
    code: str


class DisclosureFact(CodedFact):
    """Data shown publicly (not to a recipient: to everyone)."""

    vocabulary, what = vocab.DISCLOSURES, "disclosure"
    kind: Literal["disclosure"]
    code: str


class SafeguardFact(CodedFact):
    """A security measure the statement promises."""

    vocabulary, what = vocab.SAFEGUARDS, "safeguard"
    kind: Literal["safeguard"]
    code: str


class BreachNotificationFact(FactBase):
    """How users are told of a personal-information security incident."""

    kind: Literal["breach-notification"]
    channels: tuple[str, ...]

    _known_channels = field_validator("channels")(_known_channels)


class FeeFact(CodedFact):
    """Whether requests cost the user anything."""

    vocabulary, what = vocab.FEES, "fee"
    kind: Literal["fee"]
    code: str


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
