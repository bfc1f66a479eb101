"""The statement's processing as W3C DPV 2.x JSON-LD (``notices export --format dpv``).

One ``dpv:PersonalDataHandling`` node per clause that states facts, named by the
clause's permanent id, so every triple says which clause stated it; the handling is
linked to the version (a ``dpv:PrivacyNotice``) and, through the controller, to its
contacts. A bare code is its IRI (``dpv:hasPurpose dpv:AccountManagement``); a fact with
qualifiers (a recipient and how data reaches it, a right's channels, a retention's
minimum) is a node of its own carrying them. ``av:`` codes and the few properties DPV
lacks are declared in the document (:mod:`.dpv_terms`). The context holds only
prefixes: nothing is fetched to read the document.
"""
from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from ..model import vocabulary as vocab
from .dpv_terms import CONTEXT, PARENTS, PROPERTIES, VIA, dpv_terms

if TYPE_CHECKING:
    from ..model import Version

Node = dict[str, Any]


def version_iri(version: "Version") -> str:
    """The IRI naming a version of a policy (a URN: it names, it does not resolve)."""
    return f"urn:allvalue-notices:{version.policy}:{version.version}"


def _ref(code: str) -> list[Node]:
    """The IRI node(s) of a vocabulary code: its DPV term(s), or the av: class itself."""
    if code.startswith("av:"):
        return [{"@id": code}]
    return [{"@id": term} for term in dpv_terms(code)]


def _add(node: Node, prop: str, values: Iterable[Any]) -> None:
    for value in values:
        existing = node.setdefault(prop, [])
        if value not in existing:
            existing.append(value)


def _place(code: str) -> Node:
    return {"@type": "dpv:Location", "dpv:hasIdentifier": code, "rdfs:label": vocab.label(code)}


def _data(node: Node, fact: Any, ctx: "_Context") -> None:
    refs = _ref(fact.code)
    _add(node, "dpv:hasPersonalData", refs)
    if fact.sensitive:
        _add(node, "av:hasSensitivePersonalData", refs)
    if fact.optional:
        _add(node, "av:hasOptionalPersonalData", refs)


def _coded(prop: str) -> Callable[[Node, Any, "_Context"], None]:
    def map_fact(node: Node, fact: Any, ctx: "_Context") -> None:
        _add(node, prop, _ref(fact.code))
    return map_fact


def _named(code: str, name: str | None, contact: str | None) -> list[Node]:
    """A recipient named by the clause: a node of its class with its name and contact."""
    if not name and not contact:
        return []
    node: Node = {"@type": code if code.startswith("av:") else "dpv:Recipient"}
    if name:
        node["dpv:hasName"] = name
    if contact:
        node["dpv:hasContact"] = contact
    return [node]


def _recipient(node: Node, fact: Any, ctx: "_Context") -> None:
    named = _named(fact.code, getattr(fact, "name", None), getattr(fact, "contact", None))
    flow: Node = {"@type": "dpv:PersonalDataHandling", "dpv:hasRecipient": _ref(fact.code) + named,
                  "dpv:hasProcessing": [{"@id": VIA[fact.via]}]}
    for code in fact.circumstances:
        _add(flow, "dpv:hasLegalBasis" if code in vocab.LEGAL_BASES else "dpv:hasContext", _ref(code))
    _add(node, "dpv:hasPersonalDataHandling", [flow])


def _transfer(node: Node, fact: Any, ctx: "_Context") -> None:
    _add(node, "dpv:hasProcessing", [{"@id": "dpv:CrossBorderTransfer"}])
    _add(node, "dpv:hasLocation", [_place(fact.destination)])
    _add(node, "dpv:hasLegalMeasure", [r for c in getattr(fact, "safeguards", ()) for r in _ref(c)])
    _add(node, "dpv:hasRecipient", _named("dpv:Recipient", getattr(fact, "recipient", None),
                                          getattr(fact, "contact", None)))


def _right(node: Node, fact: Any, ctx: "_Context") -> None:
    _add(node, "dpv:hasRight", _ref(fact.code))
    if fact.channels:
        _add(node, "dpv:hasOrganisationalMeasure", [{
            "@type": "dpv:RightExerciseNotice", "dpv:hasRight": _ref(fact.code),
            "av:channel": [r for c in fact.channels for r in _ref(c)]}])


def _response_time(node: Node, fact: Any, ctx: "_Context") -> None:
    _add(node, "dpv:hasOrganisationalMeasure", [{
        "@type": "dpv:RightFulfilmentNotice",
        "dpv:hasDuration": {"@type": "dpv:TemporalDuration",
                            "rdf:value": {"@value": f"P{fact.days}D", "@type": "xsd:duration"}}}])


def _retention(node: Node, fact: Any, ctx: "_Context") -> None:
    if fact.min_years is None:
        _add(node, "dpv:hasStorageCondition", _ref(fact.code))
    else:
        _add(node, "dpv:hasStorageCondition", [{"@type": [r["@id"] for r in _ref(fact.code)],
                                                     "av:minimumYears": fact.min_years}])


def _controller(node: Node, fact: Any, ctx: "_Context") -> None:
    ctx.controller["dpv:hasName"] = fact.name
    _add(ctx.controller, "dpv:hasAddress", [fact.address])
    ctx.controller["dpv:hasJurisdiction"] = _place(fact.jurisdiction)
    _add(node, "dpv:hasDataController", [{"@id": ctx.controller["@id"]}])


def _contact(node: Node, fact: Any, ctx: "_Context") -> None:
    value: Any
    whose = getattr(fact, "of", "controller")  # controller, dpo or representative
    prop, value = {
        "email": ("dpv:hasContact", {"@id": f"mailto:{fact.value}"}),
        "phone": ("dpv:hasContact", fact.value),
        "postal": ("dpv:hasAddress", fact.value),
        "department": ("dpv:hasOrganisationalUnit", {"@type": "dpv:OrganisationalUnit",
                                                      "dpv:hasName": fact.value}),
        "complaint": ("av:complaintChannel", fact.value),
    }[fact.channel]
    _add(ctx.entity(whose), prop, [value])


def _children(node: Node, fact: Any, ctx: "_Context") -> None:
    child: Node = {"@type": "dpv:Child", "av:childrenUnderAge": fact.max_age,
                   "av:parentalConsentRequired": fact.parental_consent}
    if fact.collected is not None:
        child["av:childrenDataCollected"] = fact.collected
    _add(node, "dpv:hasDataSubject", [child])


def _representative(node: Node, fact: Any, ctx: "_Context") -> None:
    rep = ctx.entity("representative")
    rep["dpv:hasName"] = fact.name
    rep["dpv:hasJurisdiction"] = _place(fact.region)
    if fact.address:
        _add(rep, "dpv:hasAddress", [fact.address])
    _add(node, "dpv:hasRepresentative", [{"@id": rep["@id"]}])


def _processing(node: Node, fact: Any, ctx: "_Context") -> None:
    if fact.code in vocab.PROHIBITIONS:  # a promise not to: a prohibition, not processing
        _add(node, "dpv:hasProhibition", [{"@type": ["dpv:Prohibition", fact.code],
                                           "dpv:hasPurpose": {"@id": vocab.PROHIBITIONS[fact.code]}}])
    else:
        _add(node, "dpv:hasProcessing", _ref(fact.code))


def _role(node: Node, fact: Any, ctx: "_Context") -> None:
    _add(node, "dpv:hasContext", _ref(fact.code))
    if fact.code == "av:MerchantIsController":
        _add(node, "dpv:hasDataController", [{"@id": "av:Merchant"}])
        ctx.codes.add("av:Merchant")
    elif fact.code == "av:AllValueIsProcessor":
        _add(node, "dpv:hasDataProcessor", [{"@id": ctx.controller["@id"]}])


def _breach(node: Node, fact: Any, ctx: "_Context") -> None:
    _add(node, "dpv:hasOrganisationalMeasure", [{
        "@type": "dpv:DataBreachNotice", "av:channel": [r for c in fact.channels for r in _ref(c)]}])


#: fact kind -> how it lands on its clause's handling node. A kind missing here and from
#: :data:`UNMAPPED` makes the export fail (``check_coverage``), never vanish.
MAPPERS: dict[str, Callable[[Node, Any, "_Context"], None]] = {
    "data": _data,
    "purpose": _coded("dpv:hasPurpose"),
    "legal-basis": _coded("dpv:hasLegalBasis"),
    "recipient": _recipient,
    "transfer": _transfer,
    "right": _right,
    "response-time": _response_time,
    "retention": _retention,
    "controller": _controller,
    "contact": _contact,
    "children": _children,
    "processing": _processing,
    "role": _role,
    "disclosure": _coded("dpv:hasProcessing"),
    "safeguard": _coded("dpv:hasTechnicalMeasure"),
    "breach-notification": _breach,
    "fee": _coded("dpv:hasFee"),
    "representative": _representative,
    "provision": _coded("dpv:hasNecessity"),
    "source": _coded("dpv:hasDataSource"),
}
#: fact kinds deliberately left out of the DPV export, with why.
UNMAPPED: dict[str, str] = {}


class _Context:
    """What the mappers share: the controller node and the av: codes to declare."""

    def __init__(self, version: "Version"):
        self.controller: Node = {"@id": version_iri(version) + "#controller",
                                 "@type": "dpv:DataController", "dpv:hasName": version.controller}
        self.codes: set[str] = set()
        self.others: dict[str, Node] = {}

    def entity(self, whose: str) -> Node:
        """The controller, or its data protection officer or representative (made on first use)."""
        if whose == "controller":
            return self.controller
        if whose not in self.others:
            kind, link = {"dpo": ("dpv:DataProtectionOfficer", "dpv:hasDataProtectionOfficer"),
                          "representative": ("dpv:Representative", "dpv:hasRepresentative")}[whose]
            self.others[whose] = {"@id": f"{self.controller['@id']}-{whose}", "@type": kind}
            _add(self.controller, link, [{"@id": self.others[whose]["@id"]}])
        return self.others[whose]


def dpv_document(version: "Version") -> dict[str, Any]:
    """The version as a JSON-LD document (a dict; :func:`dpv_jsonld` serialises it)."""
    from .coverage import check_coverage

    check_coverage("dpv", MAPPERS, UNMAPPED)
    notice = version_iri(version)
    ctx = _Context(version)
    notice_node: Node = {"@id": notice, "@type": "dpv:PrivacyNotice", "rdfs:label": version.statement.title,
                         "dct:identifier": version.version,
                         "dct:issued": {"@value": version.updated_on.isoformat(), "@type": "xsd:date"},
                         "dpv:hasDataController": {"@id": ctx.controller["@id"]}}
    if version.source_url:
        notice_node["dct:source"] = {"@id": version.source_url}
    handlings = []
    for n in version.nodes():
        if not n.facts:
            continue
        node: Node = {"@id": f"{notice}#{n.id}", "@type": "dpv:PersonalDataHandling",
                      "dct:identifier": n.id, "dpv:hasNotice": {"@id": notice}}
        for fact in n.facts:
            MAPPERS[fact.kind](node, fact, ctx)
        handlings.append(node)
    ctx.codes |= _codes_in(handlings) | _codes_in(list(ctx.others.values()))
    return {"@context": CONTEXT,
            "@graph": [notice_node, ctx.controller, *ctx.others.values(), *handlings,
                       *_declarations(ctx.codes)]}


def dpv_jsonld(version: "Version") -> str:
    """The DPV export as text: deterministic, UTF-8, one trailing newline."""
    return json.dumps(dpv_document(version), indent=2, ensure_ascii=False) + "\n"


def _codes_in(value: Any) -> set[str]:
    """Every av: code the nodes name as an IRI or a type."""
    found: set[str] = set()
    if isinstance(value, dict):
        for key, item in value.items():
            if key in ("@id", "@type"):
                for v in item if isinstance(item, list) else [item]:
                    if isinstance(v, str) and v.startswith("av:"):
                        found.add(v)
            else:
                found |= _codes_in(item)
    elif isinstance(value, list):
        for item in value:
            found |= _codes_in(item)
    return found


def _declarations(codes: set[str]) -> list[Node]:
    """The av: classes used, each under its nearest DPV term, then the av: properties."""
    classes = [{"@id": code, "@type": "rdfs:Class", "rdfs:label": vocab.label(code),
                "rdfs:subClassOf": [{"@id": p} for p in PARENTS[code]]} for code in sorted(codes)]
    properties = []
    for name, (label, parent) in PROPERTIES.items():
        prop: Node = {"@id": name, "@type": "rdf:Property", "rdfs:label": label}
        if parent:
            prop["rdfs:subPropertyOf"] = {"@id": parent}
        properties.append(prop)
    return classes + properties
