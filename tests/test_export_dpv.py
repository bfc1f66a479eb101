"""The DPV export: real DPV 2.3 terms only, declared project terms, triples that say what the facts say."""
from __future__ import annotations

import csv
import json

import pytest
from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, RDF, RDFS, XSD

from generator.export.dpv import dpv_document, dpv_jsonld, version_iri
from generator.export.dpv_terms import AV, CONTEXT, DPV_SPELLINGS, PARENTS, PROPERTIES, dpv_terms
from generator.model import vocabulary as vocab

from .conftest import EXAMPLES, FIXTURES
from .export_helpers import without_facts

DPV = Namespace(CONTEXT["dpv"])
AVNS = Namespace(AV)
TERMS_FILE = FIXTURES / "dpv-2.3" / "terms.csv"


def _terms() -> dict[str, str]:
    """prefixed name -> IRI of every DPV 2.3 term kept in the repository."""
    prefix_of = {"dpv": "dpv", "pd": "pd", "eu-gdpr": "eu-gdpr"}
    with TERMS_FILE.open(newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    by_ns = {CONTEXT[p]: p for p in prefix_of}
    out = {}
    for row in rows:
        ns = row["iri"][: -len(row["term"])]
        out[f"{by_ns[ns]}:{row['term']}"] = row["iri"]
    return out


TERMS = _terms()
TERM_IRIS = set(TERMS.values())


def _iri(prefixed: str) -> URIRef:
    prefix, local = prefixed.split(":", 1)
    return URIRef(CONTEXT[prefix] + local)


def _graph(version) -> Graph:
    return Graph().parse(data=dpv_jsonld(version), format="json-ld")


@pytest.fixture(scope="module")
def graph(current):
    return _graph(current)


def test_the_kept_term_list_says_where_it_comes_from():
    readme = (TERMS_FILE.parent / "README.md").read_text(encoding="utf-8")
    assert "f01a55c3c0983e35cdfdf80593ece3353faba7b8" in readme and "software-license-2023" in readme
    assert "W3C Software and Document" in (TERMS_FILE.parent / "LICENSE.md").read_text(encoding="utf-8")
    assert len(TERMS) > 100


def test_every_dpv_code_of_the_vocabulary_is_a_dpv_term():
    codes = [code for code, _label, _kinds in vocab.entries() if code.startswith(("dpv:", "pd:"))]
    assert codes
    not_terms = [c for c in codes if not all(t in TERMS for t in dpv_terms(c))]
    assert not not_terms, f"not DPV 2.3 terms (respell them in DPV_SPELLINGS or fix the code): {not_terms}"


def test_respellings_are_only_for_codes_dpv_does_not_have():
    assert not [code for code in DPV_SPELLINGS if code in TERMS]
    assert all(t in TERMS for terms in DPV_SPELLINGS.values() for t in terms)


def test_every_project_code_has_a_dpv_parent():
    av_codes = {code for code, _label, _kinds in vocab.entries() if code.startswith("av:")}
    assert not av_codes - set(PARENTS), "give these av: codes their nearest DPV parent"
    assert all(p in TERMS for parents in PARENTS.values() for p in parents)
    assert all(parent is None or parent in TERMS for _label, parent in PROPERTIES.values())


def test_the_context_is_self_contained(current):
    doc = dpv_document(current)
    assert isinstance(doc["@context"], dict)  # no remote context to fetch
    assert all(isinstance(v, str) and v.endswith(("#", "/")) for v in doc["@context"].values())
    assert json.loads(dpv_jsonld(current)) == doc


def _check_iris(g: Graph, version) -> None:
    declared = {s for s in g.subjects(RDF.type, RDFS.Class)} | {s for s in g.subjects(RDF.type, RDF.Property)}
    document = version_iri(version)
    allowed = {RDF.type, RDF.value, RDFS.label, RDFS.Class, RDFS.subClassOf, RDFS.subPropertyOf,
               RDF.Property, DCTERMS.identifier, DCTERMS.issued, DCTERMS.source}
    bad = []
    for triple in g:
        for term in triple:
            if not isinstance(term, URIRef) or term in allowed:
                continue
            iri = str(term)
            if iri.startswith(tuple(CONTEXT[p] for p in ("dpv", "pd", "eu-gdpr"))):
                ok = iri in TERM_IRIS
            elif iri.startswith(AV):
                ok = term in declared
            else:
                ok = (iri == document or iri.startswith(document + "#") or iri.startswith("mailto:")
                      or iri == version.source_url)
            if not ok:
                bad.append(iri)
    assert not bad, sorted(set(bad))
    for cls in g.subjects(RDF.type, RDFS.Class):  # a project class always sits under a DPV term
        parents = [str(p) for p in g.objects(cls, RDFS.subClassOf)]
        assert parents and all(p in TERM_IRIS for p in parents), cls


def test_every_iri_of_the_export_is_a_dpv_term_or_declared(graph, current):
    _check_iris(graph, current)


def test_every_iri_of_every_example_version_too():
    from generator import load_source

    for version in load_source(EXAMPLES).policy().versions:
        _check_iris(_graph(version), version)


def _handling(version, clause_id: str) -> URIRef:
    return URIRef(f"{version_iri(version)}#{clause_id}")


def test_triples_say_what_the_facts_say(graph, current):
    g = graph
    for node in current.nodes():
        if not node.facts:
            continue
        h = _handling(current, node.id)
        assert (h, RDF.type, DPV.PersonalDataHandling) in g
        assert (h, DPV.hasNotice, URIRef(version_iri(current))) in g
        for f in node.facts:
            if f.kind == "data":
                for term in dpv_terms(f.code) if not f.code.startswith("av:") else [f.code]:
                    assert (h, DPV.hasPersonalData, _iri(term)) in g, (node.id, f.code)
                    assert ((h, AVNS.hasSensitivePersonalData, _iri(term)) in g) == f.sensitive
            elif f.kind in ("purpose", "legal-basis"):
                prop = DPV.hasPurpose if f.kind == "purpose" else DPV.hasLegalBasis
                assert all((h, prop, _iri(t)) in g for t in dpv_terms(f.code)), (node.id, f.code)
            elif f.kind == "recipient":
                via = {"share": DPV.Share, "transfer": DPV.Transfer, "disclose": DPV.Disclose}[f.via]
                flows = [b for b in g.objects(h, DPV.hasPersonalDataHandling)
                         if (b, DPV.hasRecipient, _iri(f.code)) in g and (b, DPV.hasProcessing, via) in g]
                assert flows, (node.id, f.code, f.via)
            elif f.kind == "right":
                assert (h, DPV.hasRight, _iri(f.code)) in g
                for channel in f.channels:
                    assert any((n, AVNS.channel, _iri(channel)) in g and (n, DPV.hasRight, _iri(f.code)) in g
                               for n in g.objects(h, DPV.hasOrganisationalMeasure)), (node.id, f.code)
            elif f.kind == "transfer":
                assert (h, DPV.hasProcessing, DPV.CrossBorderTransfer) in g
                assert any((loc, DPV.hasIdentifier, Literal(f.destination)) in g
                           for loc in g.objects(h, DPV.hasLocation))
            elif f.kind == "safeguard":
                assert (h, DPV.hasTechnicalMeasure, _iri(f.code)) in g


def test_the_controller_and_its_contacts(graph, current):
    controller = URIRef(version_iri(current) + "#controller")
    assert (URIRef(version_iri(current)), DPV.hasDataController, controller) in graph
    assert (controller, DPV.hasName, Literal("Qima Investment Ltd.")) in graph
    assert (controller, DPV.hasContact, URIRef("mailto:legal@allvalue.com")) in graph
    assert (controller, DPV.hasContact, Literal("(888) 9968926")) in graph
    assert (_handling(current, "def.party"), DPV.hasDataController, controller) in graph
    assert (_handling(current, "collect.account.processor"), DPV.hasDataProcessor, controller) in graph
    place = next(graph.objects(controller, DPV.hasJurisdiction))
    assert (place, DPV.hasIdentifier, Literal("HK")) in graph


def test_qualified_facts_keep_their_qualifiers(graph, current):
    period = _handling(current, "protect.retention.period")
    assert (period, DPV.hasStorageCondition, AVNS.NecessaryForPurpose) in graph
    kept = [n for n in graph.objects(period, DPV.hasStorageCondition) if isinstance(n, BNode)]
    assert [(graph.value(n, RDF.type), graph.value(n, AVNS.minimumYears).toPython()) for n in kept] == [
        (AVNS.EcommerceLawTransactionRecords, 3)]
    child = next(graph.objects(_handling(current, "children.age"), DPV.hasDataSubject))
    assert (child, RDF.type, DPV.Child) in graph and graph.value(child, AVNS.childrenUnderAge).toPython() == 14
    time = next(graph.objects(_handling(current, "rights.respond.time"), DPV.hasOrganisationalMeasure))
    duration = graph.value(time, DPV.hasDuration)
    assert graph.value(duration, RDF.value) == Literal("P15D", datatype=XSD.duration)
    ccpa = next(graph.objects(_handling(current, "share.transfer.ccpa"), DPV.hasProhibition))
    assert (ccpa, DPV.hasPurpose, DPV.SellDataToThirdParties) in graph


def test_respelled_codes_export_as_the_dpv_term(graph, current):
    h = _handling(current, "collect.account.special-benefits.data")
    assert (h, DPV.hasPersonalData, _iri("pd:BirthDate")) in graph
    assert (h, AVNS.hasOptionalPersonalData, _iri("pd:BirthDate")) in graph
    assert not list(graph.triples((None, None, _iri("pd:DateOfBirth"))))


def test_project_codes_are_declared_under_their_dpv_parent(graph):
    assert (AVNS.PaymentProvider, RDF.type, RDFS.Class) in graph
    assert (AVNS.PaymentProvider, RDFS.subClassOf, DPV.Recipient) in graph
    assert (AVNS.PaymentProvider, RDFS.label, Literal("payment providers")) in graph
    assert (AVNS.hasSensitivePersonalData, RDFS.subPropertyOf, DPV.hasPersonalData) in graph


def test_a_version_without_a_kind_of_fact_has_none_of_its_triples(current):
    g = _graph(without_facts(current, "recipient"))
    assert not list(g.triples((None, DPV.hasRecipient, None)))
    assert list(g.triples((None, DPV.hasPurpose, None)))


def test_every_promise_not_to_process_exports_as_a_prohibition(current):
    """A CPRA promise ("we do not share it for cross-context advertising") is a prohibition of
    the use it rules out, never a processing the controller does."""
    from .diff_helpers import edited

    assert all(purpose in TERMS for purpose in vocab.PROHIBITIONS.values())
    version = edited(current, lambda t: t.add_fact("share.transfer.ccpa", kind="processing",
                                                   code="av:NoSharingForCrossContextAdvertising"))
    graph = _graph(version)
    handling = _handling(version, "share.transfer.ccpa")
    ruled_out = {graph.value(p, DPV.hasPurpose) for p in graph.objects(handling, DPV.hasProhibition)}
    assert ruled_out == {DPV.SellDataToThirdParties, DPV.PersonalisedAdvertising}
    assert not any("NoSharing" in str(o) for o in graph.objects(handling, DPV.hasProcessing))
    _check_iris(graph, version)
