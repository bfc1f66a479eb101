"""Rules for material changes: Section VIII items 1 to 6 of the statement.

"Material changes referred to in this statement include, but not limited to: (1) our
service model has undergone major changes, such as the purpose of processing personal
information, the type of personal information processed, the way of using personal
information; (2) significant changes in control; (3) the main objects of personal
information sharing, transfer or public disclosure have changed; (4) significant changes
in your rights ... and the way they are exercised; (5) the responsible department, contact
information and complaint channel ... have changed; (6) the personal information security
impact assessment report indicates that there is a high risk." For these AllValue gives
"more prominent notices ... or even pop-up prompts".
"""
from __future__ import annotations

from collections.abc import Iterator

from ..registry import Match, rule


@rule("purpose-changed", "material", "Section VIII item 1", "A purpose of processing was added or removed.")
def purpose_changed(change, diff) -> Iterator[Match]:
    """A purpose fact added to or removed from the whole version."""
    if change.kind == "purpose":
        yield Match(change)


@rule("data-category-changed", "material", "Section VIII item 1",
      "A personal-data category was added or removed (or marked differently).")
def data_category_changed(change, diff) -> Iterator[Match]:
    """A data category added (not sensitive: that needs consent), removed or re-marked."""
    if change.kind == "data":
        yield Match(change)


@rule("processing-changed", "material", "Section VIII item 1",
      "A way of using data (profiling, automated decisions, model training...) was added or removed.")
def processing_changed(change, diff) -> Iterator[Match]:
    """A processing fact changed: a new or dropped way of using personal data."""
    if change.kind == "processing":
        yield Match(change)


@rule("controller-changed", "material", "Section VIII item 2",
      "The controller (the \"Party\") or its control changed.")
def controller_changed(change, diff) -> Iterator[Match]:
    """The controller fact of Part 1 Definition 1 changed: name, jurisdiction or address."""
    if change.kind == "controller":
        yield Match(change)


@rule("recipients-changed", "material", "Section VIII item 3",
      "Who data is shared with, transferred to or publicly disclosed to changed.")
def recipients_changed(change, diff) -> Iterator[Match]:
    """A recipient (keyed by who and how) or a public-disclosure circumstance added or removed."""
    if change.kind in ("recipient", "disclosure"):
        yield Match(change)


@rule("transfer-destination-changed", "material", "Section VIII item 3",
      "A cross-border destination where data is stored or processed was added or removed.")
def transfer_destination_changed(change, diff) -> Iterator[Match]:
    """A transfer fact (ISO country code) added or removed."""
    if change.kind == "transfer":
        yield Match(change)


@rule("rights-changed", "material", "Section VIII item 4",
      "A right, or how it is exercised (channels, response time), changed.")
def rights_changed(change, diff) -> Iterator[Match]:
    """A right added or given channels, or a shorter response time (narrowing needs consent)."""
    if change.kind in ("right", "response-time"):
        yield Match(change)


@rule("contacts-changed", "material", "Section VIII item 5",
      "The responsible department, contact details or complaint channel changed.")
def contacts_changed(change, diff) -> Iterator[Match]:
    """A contact (channel and value) new to the version, or gone from it."""
    if change.kind == "contact":
        yield Match(change)


@rule("impact-assessment-high", "material", "Section VIII item 6",
      "The version records a high-risk personal-information impact assessment.", target="version")
def impact_assessment_high(diff, _diff) -> Iterator[Match]:
    """The new version records a high-risk assessment the old one did not."""
    ia = diff.new.impact_assessment
    if ia is not None and ia.risk == "high" and diff.impact_assessment_changed:
        yield Match(event="impact-assessment", values={"date": ia.date, "summary": ia.summary})
