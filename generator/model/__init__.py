"""The typed model of a privacy statement: policy, version, sections, clauses, facts.

No I/O here: :mod:`generator.source` reads YAML into these classes, and every
other layer (render, diff, classify, i18n, site) reads only these classes.
Unknown fields are errors (``extra="forbid"``) so a typo in the source is caught
instead of silently ignored. Numbering is *not* part of the model: clauses
carry permanent ids and the renderer numbers them.

- :mod:`.base` — the strict base class, id and text types;
- :mod:`.facts` — the typed facts beside the prose;
- :mod:`.statement` — the prose, and :func:`iter_nodes` walking it in document order;
- :mod:`.version` — version metadata, the content hash, policies, JSON Schemas.
"""
from .base import ID_PATTERN, ClauseId, Strict, Text
from .facts import (FACT_KINDS, FACT_TYPES, fact_type, BreachNotificationFact, ChildrenFact, ContactFact, ControllerFact, DataFact,
                    DisclosureFact, Fact, FeeFact, LegalBasisFact, ProcessingFact, PurposeFact, RecipientFact,
                    ResponseTimeFact, RetentionFact, RightFact, RoleFact, SafeguardFact, TransferFact)
from .statement import (Block, Clause, Contents, ContentsEntry, Definition, DefinitionsPart, Division, Node,
                        Reminder, Section, Statement, StatementPart, iter_nodes, normalise_text)
from .version import (DEFAULT_NOTICE_DAYS, Decision, ImpactAssessment, Numbering, Policy, Version, VersionMeta,
                      clause_hashes, in_effect, json_schemas, today)

__all__ = [
    "ID_PATTERN", "ClauseId", "Strict", "Text",
    "FACT_KINDS", "FACT_TYPES", "fact_type", "Fact", "BreachNotificationFact", "ChildrenFact", "ContactFact", "ControllerFact", "DataFact",
    "DisclosureFact", "FeeFact", "LegalBasisFact", "ProcessingFact", "PurposeFact", "RecipientFact",
    "ResponseTimeFact", "RetentionFact", "RightFact", "RoleFact", "SafeguardFact", "TransferFact",
    "Block", "Clause", "Contents", "ContentsEntry", "Definition", "DefinitionsPart", "Division", "Node",
    "Reminder", "Section", "Statement", "StatementPart", "iter_nodes", "normalise_text",
    "Decision", "ImpactAssessment", "Numbering", "Policy", "Version", "VersionMeta", "json_schemas",
    "DEFAULT_NOTICE_DAYS", "clause_hashes", "in_effect", "today",
]
