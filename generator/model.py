"""The typed model of a privacy statement: policy, version, sections, clauses, facts.

No I/O here: :mod:`generator.source` reads YAML into these classes, and every
other layer (render, diff, classify, i18n, site) reads only these classes.
Unknown fields are errors (``extra="forbid"``) so a typo in the source is caught
instead of silently ignored. Numbering is *not* part of the model: clauses
carry permanent ids and the renderer numbers them.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Annotated, Any, Literal, Union

from pydantic import (BaseModel, ConfigDict, Discriminator, Field, PrivateAttr, Tag, field_validator,
                      model_validator)

from . import vocabulary as vocab

ID_PATTERN = r"^[a-z][a-z0-9-]*(\.[a-z0-9][a-z0-9-]*)*$"
SCHEMA_ID = "https://allvalue.example/notices/schema/version.schema.json"


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def _check_code(table: dict, what: str, code: str) -> str:
    if code not in table:
        import difflib

        close = difflib.get_close_matches(code, list(table), n=1, cutoff=0.6)
        hint = f"; did you mean {close[0]}?" if close else " (add it to generator/vocabulary.py)"
        raise ValueError(f"unknown {what} code {code!r}{hint}")
    return code


def _not_blank(value: str) -> str:
    if not value or not value.strip():
        raise ValueError("text is empty")
    return value


Text = Annotated[str, Field(description="Verbatim wording of the published statement.")]
ClauseId = Annotated[str, Field(pattern=ID_PATTERN, description="Permanent id, never a number.")]


# --------------------------------------------------------------------------- facts
class DataFact(Strict):
    """A personal-data category the clause says is collected or processed."""

    kind: Literal["data"]
    code: str = Field(description="DPV pd: code, or a project av: code where none fits.")
    sensitive: bool = Field(False, description="Sensitive under Part 1 Definition 5.")
    optional: bool = Field(False, description="Collected only if the user chooses to provide it.")

    _code = field_validator("code")(lambda c: _check_code(vocab.DATA_CATEGORIES, "data category", c))

    @property
    def key(self) -> tuple:
        return ("data", self.code)


class PurposeFact(Strict):
    kind: Literal["purpose"]
    code: str
    _code = field_validator("code")(lambda c: _check_code(vocab.PURPOSES, "purpose", c))

    @property
    def key(self) -> tuple:
        return ("purpose", self.code)


class LegalBasisFact(Strict):
    kind: Literal["legal-basis"]
    code: str
    _code = field_validator("code")(lambda c: _check_code(vocab.LEGAL_BASES, "legal basis", c))

    @property
    def key(self) -> tuple:
        return ("legal-basis", self.code)


class RecipientFact(Strict):
    """Someone personal data goes to, and how: shared, transferred or publicly disclosed."""

    kind: Literal["recipient"]
    code: str
    via: Literal["share", "transfer", "disclose"] = "share"
    _code = field_validator("code")(lambda c: _check_code(vocab.RECIPIENTS, "recipient", c))

    @property
    def key(self) -> tuple:
        return ("recipient", self.code, self.via)


class TransferFact(Strict):
    """A cross-border destination where data is stored or processed."""

    kind: Literal["transfer"]
    destination: str = Field(description="ISO 3166-1 alpha-2 code.")
    _dest = field_validator("destination")(lambda c: _check_code(vocab.COUNTRIES, "country", c))

    @property
    def key(self) -> tuple:
        return ("transfer", self.destination)


class RightFact(Strict):
    """A right of the user and the channels through which it is exercised."""

    kind: Literal["right"]
    code: str
    channels: tuple[str, ...] = ()
    _code = field_validator("code")(lambda c: _check_code(vocab.RIGHTS, "right", c))

    @field_validator("channels")
    @classmethod
    def _channels(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        for c in value:
            _check_code(vocab.CHANNELS, "channel", c)
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
    _code = field_validator("code")(lambda c: _check_code(vocab.RETENTION, "retention", c))

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
    _code = field_validator("code")(lambda c: _check_code(vocab.PROCESSING, "processing", c))

    @property
    def key(self) -> tuple:
        return ("processing", self.code)


class RoleFact(Strict):
    kind: Literal["role"]
    code: str
    _code = field_validator("code")(lambda c: _check_code(vocab.ROLES, "role", c))

    @property
    def key(self) -> tuple:
        return ("role", self.code)


class DisclosureFact(Strict):
    kind: Literal["disclosure"]
    code: str
    _code = field_validator("code")(lambda c: _check_code(vocab.DISCLOSURES, "disclosure", c))

    @property
    def key(self) -> tuple:
        return ("disclosure", self.code)


class SafeguardFact(Strict):
    kind: Literal["safeguard"]
    code: str
    _code = field_validator("code")(lambda c: _check_code(vocab.SAFEGUARDS, "safeguard", c))

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
            _check_code(vocab.CHANNELS, "channel", c)
        return value

    @property
    def key(self) -> tuple:
        return ("breach-notification",)


class FeeFact(Strict):
    kind: Literal["fee"]
    code: str
    _code = field_validator("code")(lambda c: _check_code(vocab.FEES, "fee", c))

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


# --------------------------------------------------------------------------- prose
class Clause(Strict):
    """A paragraph of the statement, with the facts it states and an optional numbered list."""

    id: ClauseId
    text: Text
    facts: tuple[Fact, ...] = ()
    items: tuple["Block", ...] = Field((), description="A numbered list under this paragraph.")

    _text = field_validator("text")(_not_blank)


class Division(Strict):
    """A numbered heading (or, without a title, a numbered point) and what it contains."""

    id: ClauseId
    title: str | None = None
    facts: tuple[Fact, ...] = ()
    content: tuple["Block", ...] = Field((), description="Paragraphs and numbered sub-divisions.")
    items: tuple["Block", ...] = Field((), description="A numbered list after the content.")

    _title = field_validator("title")(lambda v: v if v is None else _not_blank(v))

    @model_validator(mode="after")
    def _has_body(self) -> "Division":
        if not self.content and not self.items:
            raise ValueError("a division needs content or items")
        if self.title is None and (not self.content or not isinstance(self.content[0], Clause)):
            raise ValueError("a division without a title must start with a paragraph")
        return self


def _block_tag(value: Any) -> str:
    if isinstance(value, dict):
        return "division" if ("content" in value or "title" in value) else "clause"
    return "division" if isinstance(value, Division) else "clause"


Block = Annotated[
    Union[Annotated[Clause, Tag("clause")], Annotated[Division, Tag("division")]],
    Discriminator(_block_tag),
]
Clause.model_rebuild()
Division.model_rebuild()


class Definition(Strict):
    """A defined term of Part 1."""

    id: ClauseId
    term: str
    text: Text
    facts: tuple[Fact, ...] = ()

    _text = field_validator("text")(_not_blank)


class Section(Strict):
    """A top-level section of Part 2 (numbered I, II, ... by the renderer)."""

    id: ClauseId
    title: str
    content: tuple[Block, ...]
    facts: tuple[Fact, ...] = ()

    _title = field_validator("title")(_not_blank)


class ContentsEntry(Strict):
    """A line of the published table of contents, pointing at the section it announces."""

    id: ClauseId
    text: Text
    refers_to: str = Field(description="Id of the section this entry announces.")

    _text = field_validator("text")(_not_blank)


class Contents(Strict):
    id: ClauseId
    text: Text
    items: tuple[ContentsEntry, ...]


class Reminder(Strict):
    id: ClauseId
    title: str
    content: tuple[Clause, ...]


class DefinitionsPart(Strict):
    id: ClauseId
    title: str
    definitions: tuple[Definition, ...]


class StatementPart(Strict):
    id: ClauseId
    title: str
    sections: tuple[Section, ...]


class Statement(Strict):
    """The whole text of one version, in published order."""

    title: str
    reminder: Reminder
    contents: Contents
    definitions: DefinitionsPart
    statement: StatementPart
    closing: Clause


# --------------------------------------------------------------------------- metadata
class Numbering(Strict):
    normalised: bool = Field(description="The renderer's numbering replaces the published one.")
    note: str


class ImpactAssessment(Strict):
    """A personal-information security impact assessment recorded with the version."""

    risk: Literal["low", "medium", "high"]
    date: dt.date
    summary: str


class Decision(Strict):
    """A person's decision on a clause the classifier could not decide (GitHub site-policy style)."""

    clause: str
    level: Literal["none", "editorial", "review", "material", "consent"]
    rationale: str
    decided_by: str
    decided_on: dt.date

    _rationale = field_validator("rationale")(_not_blank)


class VersionMeta(Strict):
    """A version's metadata (``version.yaml``)."""

    policy: str = Field(pattern=r"^[a-z][a-z0-9-]*$")
    version: str = Field(pattern=r"^[0-9A-Za-z][0-9A-Za-z.-]*$")
    updated_on: dt.date
    status: Literal["published", "draft"]
    source_url: str | None = None
    controller: str
    content_hash: str | None = Field(None, pattern=r"^sha256:[0-9a-f]{64}$")
    illustrative: str | None = Field(
        None, description="Set on made-up versions: says on their face that they are illustrative.")
    numbering: Numbering
    impact_assessment: ImpactAssessment | None = None
    decisions: tuple[Decision, ...] = ()

    @field_validator("version", mode="before")
    @classmethod
    def _version_from_date(cls, value: Any) -> Any:
        # YAML reads an unquoted 2023-08-25 as a date; a version id is its text
        return value.isoformat() if isinstance(value, dt.date) else value

    @model_validator(mode="after")
    def _published_has_hash(self) -> "VersionMeta":
        if self.status == "published" and not self.content_hash:
            raise ValueError("a published version needs a content_hash (run `notices hash`)")
        return self


class Version(VersionMeta):
    """One version of a policy: its metadata and its statement (``statement.yaml``)."""

    statement: Statement
    # derived views are computed once: the model is frozen, so they cannot go stale
    _cache: dict = PrivateAttr(default_factory=dict)

    # -- derived views (pure functions of the data) ------------------------------------
    def compute_hash(self) -> str:
        """sha256 of the canonical JSON of the statement: what 'immutable' protects."""
        def digest() -> str:
            payload = json.dumps(self.statement.model_dump(mode="json"), sort_keys=True,
                                 ensure_ascii=False, separators=(",", ":"))
            return "sha256:" + hashlib.sha256(payload.encode("utf-8")).hexdigest()

        return self.derived("hash", digest)

    def derived(self, name: str, compute: Any) -> Any:
        """A view of the statement, computed once per statement object.

        For pure functions of the statement that other layers need often (the diff's
        merged facts, the clause map). Keyed by the statement object itself, so a
        ``model_copy`` with another statement (which shares this dict) never sees a
        stale value.
        """
        hit = self._cache.get(name)
        if hit is None or hit[0] is not self.statement:
            hit = self._cache[name] = (self.statement, compute())
        return hit[1]

    def nodes(self) -> Iterator["Node"]:
        """Every addressable node in document order, with its parent chain."""
        return iter_nodes(self.statement)

    def clause_map(self) -> dict[str, "Node"]:
        """Every node by id (computed once; do not mutate the returned dict)."""
        return self.derived("clause_map", lambda: {n.id: n for n in self.nodes()})

    def all_facts(self) -> list[tuple[str, Any]]:
        """(node id, fact) pairs in document order."""
        return [(n.id, f) for n in self.nodes() for f in n.facts]


def json_schemas() -> dict[str, dict]:
    """JSON Schemas for the two source files, generated from the model."""
    out = {}
    for name, model in (("version", VersionMeta), ("statement", Statement)):
        schema = model.model_json_schema()
        schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
        schema["$id"] = f"{name}.schema.json"
        out[name] = schema
    return out


class Policy(Strict):
    """A policy and all its versions, oldest first."""

    id: str
    title: str
    versions: tuple[Version, ...]

    def get(self, version: str) -> Version:
        for v in self.versions:
            if v.version == version:
                return v
        known = ", ".join(v.version for v in self.versions)
        raise KeyError(f"unknown version {version!r} of {self.id} (known: {known})")

    def latest_published(self) -> Version | None:
        pub = [v for v in self.versions if v.status == "published"]
        return pub[-1] if pub else None

    def newest(self) -> Version:
        return self.versions[-1]


# --------------------------------------------------------------------------- walking
@dataclass(frozen=True)
class Node:
    """A node of the statement in document order.

    ``kind`` is one of reminder, clause, division, definition, section, part,
    contents, contents-entry; ``numbered`` tells whether the renderer numbers it,
    ``depth`` is its numbering depth (sections 0), ``path`` the ids of its ancestors.
    """

    id: str
    kind: str
    obj: Any
    path: tuple[str, ...]
    depth: int
    numbered: bool
    index: int  # 1-based position among numbered siblings (0 when unnumbered)

    @property
    def text(self) -> str | None:
        return getattr(self.obj, "text", None)

    @property
    def title(self) -> str | None:
        return getattr(self.obj, "title", None) or getattr(self.obj, "term", None)

    @property
    def facts(self) -> tuple:
        return getattr(self.obj, "facts", ())

    @property
    def section(self) -> str | None:
        return self.path[2] if len(self.path) > 2 and self.path[0] == "statement" else None


def iter_nodes(st: Statement) -> Iterator[Node]:
    yield Node(st.reminder.id, "reminder", st.reminder, (), 0, False, 0)
    for c in st.reminder.content:
        yield Node(c.id, "clause", c, (st.reminder.id,), 0, False, 0)
    yield Node(st.contents.id, "contents", st.contents, (), 0, False, 0)
    for i, e in enumerate(st.contents.items, 1):
        yield Node(e.id, "contents-entry", e, (st.contents.id,), 1, True, i)
    yield Node(st.definitions.id, "part", st.definitions, (), 0, True, 1)
    for i, d in enumerate(st.definitions.definitions, 1):
        yield Node(d.id, "definition", d, (st.definitions.id,), 1, True, i)
    yield Node(st.statement.id, "part", st.statement, (), 0, True, 2)
    for i, s in enumerate(st.statement.sections, 1):
        path = (st.statement.id,)
        yield Node(s.id, "section", s, path, 0, True, i)
        yield from _iter_blocks(s.content, path + (s.id,), 0, numbered_items=False)
    yield Node(st.closing.id, "clause", st.closing, (), 0, False, 0)


def _iter_blocks(blocks, path, depth, numbered_items):
    """Divisions are always numbered; paragraphs only inside a numbered list."""
    n = 0
    for b in blocks:
        numbered = numbered_items or isinstance(b, Division)
        if numbered:
            n += 1
        yield from _iter_block(b, path, depth + 1 if numbered else depth, numbered, n if numbered else 0)


def _iter_block(b, path, depth, numbered, index):
    kind = "division" if isinstance(b, Division) else "clause"
    yield Node(b.id, kind, b, path, depth, numbered, index)
    sub = path + (b.id,)
    if isinstance(b, Division):
        yield from _iter_blocks(b.content, sub, depth, numbered_items=False)
        # items continue the numbering of the sub-divisions in content
        offset = sum(1 for c in b.content if isinstance(c, Division))
        for i, item in enumerate(b.items, offset + 1):
            yield from _iter_block(item, sub, depth + 1, True, i)
    else:
        for i, item in enumerate(b.items, 1):
            yield from _iter_block(item, sub, depth + 1, True, i)


def normalise_text(text: str) -> str:
    """Whitespace, no-break spaces and quote styles never count as wording."""
    text = text.replace("\u00a0", " ").replace("\u2019", "'").replace("\u2018", "'")
    text = text.replace("\u201c", '"').replace("\u201d", '"')
    return re.sub(r"\s+", " ", text).strip()
