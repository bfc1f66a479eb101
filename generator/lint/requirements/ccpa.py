"""CCPA / CPRA notice at collection (Cal. Code Regs. tit. 11, § 7012(e)).

"(1) A list of the categories of personal information about consumers, including
categories of sensitive personal information, to be collected ... (2) The business or
commercial purpose(s) for which the categories of personal information ... are collected
and used. (3) Whether each category of personal information ... is sold or shared. (4) The
length of time the business intends to retain each category of personal information ...,
or if that is not possible, the criteria used to determine the period of time it will be
retained." (The links of (e)(5)-(6) are not facts of a statement.)
"""
from __future__ import annotations

from ...model.base import N_
from ..codes import SALE, SHARING
from ..registry import coverage, element, judge, requirement


@requirement("ccpa-7012-categories", "ccpa", "11 CCR § 7012(e)(1)-(2)",
             N_("Categories of personal information collected, and the purposes for each"))
def categories_and_purposes(book):
    """Data categories collected (sensitive ones marked by the vocabulary), each with a
    purpose in the same passage."""
    data = book.of("data")
    purposes: dict[str, list] = {}
    for s in data:
        purposes.setdefault(s.fact.code, []).extend(book.context(s, "purpose"))
    return judge([element(N_("the categories of personal information"), data),
                  coverage(N_("a purpose for each category"), purposes)], data)


@requirement("ccpa-7012-sold-shared", "ccpa", "11 CCR § 7012(e)(3)",
             N_("Whether personal information is sold or shared"))
def sold_or_shared(book):
    """Whether data is sold (CCPA), and whether it is shared for cross-context behavioural
    advertising (CPRA), either way."""
    uses = book.of("processing")
    sale = [s for s in uses if s.fact.code in SALE]
    sharing = [s for s in uses if s.fact.code in SHARING]
    return judge([element(N_("whether it is sold"), sale),
                  element(N_("whether it is shared for cross-context behavioural advertising"), sharing)],
                 sale + sharing)


@requirement("ccpa-7012-retention", "ccpa", "11 CCR § 7012(e)(4)",
             N_("How long each category of personal information is kept"))
def retention_per_category(book):
    """A retention rule, and for each category collected one in the same passage (a rule for
    all data at once is only part of it)."""
    kept = book.of("retention")
    per: dict[str, list] = {}
    for s in book.of("data"):
        per.setdefault(s.fact.code, []).extend(book.context(s, "retention"))
    return judge([element(N_("how long data is kept"), kept),
                  coverage(N_("how long each category is kept"), per)], kept)
