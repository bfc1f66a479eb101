"""Typed facts stated beside the prose: what the Section VIII classifier reasons over.

Each fact kind is a small model with a ``kind`` tag and a ``key``: its identity for
the diff (the same key in two versions is the same fact; the other fields are what
may change about it). Codes are checked against :mod:`.vocabulary`: most kinds are
one code of one vocabulary table (:class:`CodedFact`).

Everything the rest of the package needs to know about a kind is declared here,
once, on its class: ``label`` (the English name, a msgid of the interface catalog),
``code_field`` (the field holding its vocabulary code) and ``section_viii`` (the item
of Section VIII that names it, or None). :data:`FACT_TYPES` lists the kinds and
:func:`fact_type` finds one by its tag.
"""
from __future__ import annotations

from typing import Annotated, Any, ClassVar, Literal, Union, get_args

from pydantic import Field, field_validator, model_serializer

from . import vocabulary as vocab
from .base import N_, Strict, check_code



class FactBase(Strict):
    """What every fact has: a ``kind`` tag and a ``key`` made of ``key_fields``."""

    #: the fields, besides ``kind``, that identify the fact
    key_fields: ClassVar[tuple[str, ...]] = ()
    #: how a sentence names the kind ("recipient added: ..."), in English (a msgid)
    label: ClassVar[str]
    #: the field that holds a vocabulary code, shown by its localized label (None: no code)
    code_field: ClassVar[str | None] = None
    #: the item of Section VIII that names a change of this kind (None: not listed there)
    section_viii: ClassVar[int | None] = None

    #: fields added after versions were published: left out of the data (and so of the
    #: content hash) while they hold their default, so those versions' hashes stay valid
    omit_when_default: ClassVar[tuple[str, ...]] = ()

    @model_serializer(mode="wrap")
    def _omit_defaults(self, handler: Any) -> Any:
        data = handler(self)
        if isinstance(data, dict):
            for name in self._omitted():
                data.pop(name, None)
        return data

    def _omitted(self) -> list[str]:
        return [name for name in self.omit_when_default
                if getattr(self, name) == type(self).model_fields[name].default]

    def data(self) -> dict[str, Any]:
        """The fact as JSON data, exactly what ``model_dump(mode="json")`` gives (a test
        compares them on every fact of the source).

        Why not ``model_dump``: a fact's fields are JSON scalars and tuples of strings, and
        pydantic would first build the class's serializer (about 3 ms a class), which a
        command that reads its versions from the cache otherwise never needs.
        """
        omitted = self._omitted()
        return {name: list(value) if isinstance(value, tuple) else value
                for name, value in self.__dict__.items()
                if name in type(self).model_fields and name not in omitted}

    @classmethod
    def tag(cls) -> str:
        """The ``kind`` tag of this fact type (``"data"``, ``"legal-basis"``...)."""
        return get_args(cls.model_fields["kind"].annotation)[0]

    @property
    def key(self) -> tuple:
        return (self.kind, *(getattr(self, name) for name in self.key_fields))


class CodedFact(FactBase):
    """A fact naming one code of a vocabulary table (its ``vocabulary``, called ``what``)."""

    vocabulary: ClassVar[dict[str, Any]]
    what: ClassVar[str]
    key_fields = ("code",)
    code_field = "code"

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

    label = N_("personal data")
    section_viii = 1

    vocabulary, what = vocab.DATA_CATEGORIES, "data category"
    kind: Literal["data"]
    code: str = Field(description="DPV pd: code, or a project av: code where none fits.")
    sensitive: bool = Field(False, description="Sensitive under Part 1 Definition 5.")
    optional: bool = Field(False, description="Collected only if the user chooses to provide it.")
    necessity: bool = Field(False, description="The clause says why this (sensitive) data is necessary "
                                               "(PIPL Art. 30).")
    impact: bool = Field(False, description="The clause says how processing it affects the person's "
                                            "rights and interests (PIPL Art. 30).")

    omit_when_default = ("necessity", "impact")
    #: what the clause explains about the data (PIPL Art. 30), not what is processed: a change
    #: of these alone is no change of category (Section VIII item 1)
    notice_fields: ClassVar[frozenset[str]] = frozenset({"necessity", "impact"})


class PurposeFact(CodedFact):
    """A purpose of processing (Section VIII item 1)."""

    label = N_("purpose")
    section_viii = 1

    vocabulary, what = vocab.PURPOSES, "purpose"
    kind: Literal["purpose"]
    code: str


class LegalBasisFact(CodedFact):
    """Why processing is lawful: consent, contract, legal obligation, the exceptions..."""

    label = N_("legal basis")

    vocabulary, what = vocab.LEGAL_BASES, "legal basis"
    kind: Literal["legal-basis"]
    code: str


class RecipientFact(CodedFact):
    """Someone personal data goes to, and how: shared, transferred or publicly disclosed."""

    label = N_("recipient")
    section_viii = 3

    vocabulary, what = vocab.RECIPIENTS, "recipient"
    key_fields = ("code", "via")
    omit_when_default = ("circumstances", "name", "contact")
    kind: Literal["recipient"]
    code: str
    via: Literal["share", "transfer", "disclose"] = "share"
    circumstances: tuple[str, ...] = Field(
        (), description="When data reaches the recipient: legal-basis codes (dpv:Consent, "
                        "dpv:LegalObligation...) or av:AuthorityRequest, av:MergerOrAcquisition.")
    name: str | None = Field(None, description="The recipient's own name, where the clause gives it "
                                               "(PIPL Art. 23).")
    contact: str | None = Field(None, description="How to reach the recipient, where the clause says "
                                                  "(PIPL Art. 23).")

    @field_validator("circumstances")
    @classmethod
    def _known_circumstances(cls, codes: tuple[str, ...]) -> tuple[str, ...]:
        for code in codes:
            check_code({**vocab.LEGAL_BASES, **vocab.CIRCUMSTANCES}, "circumstance", code)
        return codes


class TransferFact(FactBase):
    """A cross-border destination where data is stored or processed."""

    label = N_("cross-border destination")
    section_viii = 3
    code_field = "destination"

    key_fields = ("destination",)
    omit_when_default = ("safeguards", "recipient", "contact")
    kind: Literal["transfer"]
    destination: str = Field(description="ISO 3166-1 alpha-2 code.")
    safeguards: tuple[str, ...] = Field(
        (), description="What makes the transfer lawful (adequacy decision, standard contractual "
                        "clauses...): codes of the transfer-safeguard table (GDPR Art. 13(1)(f)).")
    recipient: str | None = Field(None, description="The overseas recipient's name (PIPL Art. 39).")
    contact: str | None = Field(None, description="How to reach the overseas recipient (PIPL Art. 39).")

    _known_destination = field_validator("destination")(lambda c: check_code(vocab.COUNTRIES, "country", c))

    @field_validator("safeguards")
    @classmethod
    def _known_safeguards(cls, codes: tuple[str, ...]) -> tuple[str, ...]:
        for code in codes:
            check_code(vocab.TRANSFER_SAFEGUARDS, "transfer safeguard", code)
        return codes


class RightFact(CodedFact):
    """A right of the user and the channels through which it is exercised."""

    label = N_("right")
    section_viii = 4

    vocabulary, what = vocab.RIGHTS, "right"
    kind: Literal["right"]
    code: str
    channels: tuple[str, ...] = ()

    _known_channels = field_validator("channels")(_known_channels)


class ResponseTimeFact(FactBase):
    """How many days a request from the user may take to answer."""

    label = N_("response time")
    section_viii = 4

    kind: Literal["response-time"]
    days: int = Field(gt=0)


class RetentionFact(CodedFact):
    """How long data is kept, by which rule."""

    label = N_("retention")

    vocabulary, what = vocab.RETENTION, "retention"
    kind: Literal["retention"]
    code: str
    min_years: int | None = None


class ControllerFact(FactBase):
    """The "Party" of Part 1 Definition 1: who controls the data."""

    label = N_("controller")
    section_viii = 2

    kind: Literal["controller"]
    name: str
    jurisdiction: str
    address: str


class ContactFact(FactBase):
    """A way to reach whoever handles personal-information matters (Section VIII item 5)."""

    label = N_("contact")
    section_viii = 5

    key_fields = ("channel", "value")
    omit_when_default = ("of",)
    kind: Literal["contact"]
    channel: Literal["email", "phone", "postal", "department", "complaint"]
    value: str
    of: Literal["controller", "dpo", "representative"] = Field(
        "controller", description="Whose contact it is: the controller's (default), its data "
                                  "protection officer's or its representative's (GDPR Art. 13(1)(a), (b)).")


class ChildrenFact(FactBase):
    """Who counts as a child, and whether a guardian must consent."""

    label = N_("children's information")

    omit_when_default = ("collected",)
    kind: Literal["children"]
    max_age: int = Field(gt=0, description="Children are individuals under this age.")
    parental_consent: bool
    collected: bool | None = Field(
        None, description="Whether the service collects children's personal information "
                          "(sensitive: Part 1 Definition 5); unset: the statement does not say.")


class ProcessingFact(CodedFact):
    """A way of using data: profiling, automated decisions, model training..."""

    label = N_("use of data")
    section_viii = 1

    vocabulary, what = vocab.PROCESSING, "processing"
    omit_when_default = ("logic", "consequences")
    kind: Literal["processing"]
    code: str
    logic: bool = Field(False, description="The clause explains the logic involved (GDPR Art. 13(2)(f)).")
    consequences: bool = Field(False, description="The clause explains its significance and envisaged "
                                                  "consequences for the person (GDPR Art. 13(2)(f)).")


class RepresentativeFact(FactBase):
    """A representative of the controller in another jurisdiction (GDPR Art. 27)."""

    label = N_("representative")

    key_fields = ("name",)
    kind: Literal["representative"]
    name: str
    region: str = Field(description="Where the representative acts, e.g. EU (ISO 3166-1 or EU).")
    address: str | None = None

    _known_region = field_validator("region")(lambda c: check_code(vocab.COUNTRIES, "country", c))


class ProvisionFact(CodedFact):
    """Whether providing data is required, and what happens if the person does not (GDPR Art. 13(2)(e))."""

    label = N_("provision of data")

    vocabulary, what = vocab.PROVISION, "provision"
    kind: Literal["provision"]
    code: str


class SourceFact(CodedFact):
    """Where data comes from when it is not collected from the person (GDPR Art. 14(2)(f))."""

    label = N_("source of data")

    vocabulary, what = vocab.SOURCES, "source"
    kind: Literal["source"]
    code: str


class RoleFact(CodedFact):
    """Who is controller and who is processor for end users' data."""

    label = N_("role")

    vocabulary, what = vocab.ROLES, "role"
    kind: Literal["role"]
    code: str


class DisclosureFact(CodedFact):
    """Data shown publicly (not to a recipient: to everyone)."""

    label = N_("public disclosure")
    section_viii = 3

    vocabulary, what = vocab.DISCLOSURES, "disclosure"
    kind: Literal["disclosure"]
    code: str


class SafeguardFact(CodedFact):
    """A security measure the statement promises."""

    label = N_("safeguard")

    vocabulary, what = vocab.SAFEGUARDS, "safeguard"
    kind: Literal["safeguard"]
    code: str


class BreachNotificationFact(FactBase):
    """How users are told of a personal-information security incident."""

    label = N_("breach notification")

    kind: Literal["breach-notification"]
    channels: tuple[str, ...]

    _known_channels = field_validator("channels")(_known_channels)


class FeeFact(CodedFact):
    """Whether requests cost the user anything."""

    label = N_("fee")

    vocabulary, what = vocab.FEES, "fee"
    kind: Literal["fee"]
    code: str


#: Every fact kind, in the order the documentation lists them.
FACT_TYPES: tuple[type[FactBase], ...] = (
    DataFact, PurposeFact, LegalBasisFact, RecipientFact, TransferFact, RightFact,
    ResponseTimeFact, RetentionFact, ControllerFact, ContactFact, ChildrenFact,
    ProcessingFact, RoleFact, DisclosureFact, SafeguardFact, BreachNotificationFact, FeeFact,
    RepresentativeFact, ProvisionFact, SourceFact,
)
Fact = Annotated[Union[FACT_TYPES], Field(discriminator="kind")]
_BY_TAG: dict[str, type[FactBase]] = {cls.tag(): cls for cls in FACT_TYPES}
FACT_KINDS: tuple[str, ...] = tuple(_BY_TAG)


def fact_type(kind: str) -> type[FactBase]:
    """The fact class of a ``kind`` tag (KeyError naming the known kinds)."""
    try:
        return _BY_TAG[kind]
    except KeyError:
        raise KeyError(f"unknown fact kind {kind!r} (known: {', '.join(FACT_KINDS)})") from None
