"""Findings and fact changes in words, in the reader's locale.

The classifier's findings are data (:class:`generator.classify.Match`: a fact change
and its qualifiers, or a clause event and its values). This module is the one place
that says them in a language. Every sentence is a msgid of the interface catalog
(``messages.po``), every fact code a label of the vocabulary catalog, and the name of
each fact kind is declared on its class (``label``, :mod:`generator.model.facts`).
English is one catalog among three: :data:`ENGLISH` uses the msgids themselves.

The callers bring the locale's ``gettext`` and ``label`` (an
:class:`generator.i18n.Translator` has both), so this module reads no catalog itself.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from functools import cached_property
from typing import TYPE_CHECKING, Any

from ..model import fact_type
from ..model.base import N_
from ..model import vocabulary as vocab

if TYPE_CHECKING:
    from ..classify import Finding, Report
    from ..diff import FactChange
    from ..lint import Element
    from ..model import Version

Merged = dict[str, list[Any]]



#: The sentences a finding can be told with (msgids; ``{name}`` fields filled in here).
EVENTS: dict[str, str] = {
    "clause-added": N_("clause added: {label}"),
    "moved-into-transfers": N_("moved into {parent}, a list of the cases data is transferred or disclosed: "
                               "{label}"),
    "joined-or-split": N_("joined with, or split from, {other}, word for word: {label}"),
    "clause-removed": N_("clause removed: {label}"),
    "company-named": N_("a company named beside the controller, or no longer: {companies}: {label}"),
    "right-ground-removed": N_("removed from the cases of {parent}, which gives a right: {label}"),
    "right-ground-narrowed": N_("fewer situations in a case of {parent}, which gives a right: {label}"),
    "right-limited-words": N_("words that limit a right added ({words}): {label}"),
    "contact-route-changed": N_("whom you are told to contact: {before} → {after}: {label}"),
    "children-named": N_("children named where data is collected ({words}): {label}"),
    "children-age-named": N_("an age below the age for children ({age}) named ({ages}): {label}"),
    "children-protection-weakened": N_("a duty that protects children weakened ({words}): {label}"),
    "right-ground-added": N_("added to the cases of {parent}, which gives a right: {label}"),
    "right-exception-added": N_("added to the cases in which {parent} refuses a right: {label}"),
    "promise-waived-by-us": N_("a promise not to use or pass on data now gives way when AllValue or a recipient "
                               "agrees: {label}"),
    "sharing-list-unclosed": N_("the cases in which data is provided to others no longer said to be the only ones: "
                                "{label}"),
    "sharing-list-opened": N_("the cases in which data is provided to others no longer closed: {label}"),
    "use-named": N_("a new way of using data named ({words}): {label}"),
    "use-no-longer-named": N_("a way of using data no longer named, or now denied ({words}): {label}"),
    "rights-promise-withdrawn": N_("the promise not to limit your rights without your express consent "
                                   "made less often: {label}"),
    "controller-details": N_("the controller's details no longer said, or another country named ({details}): "
                             "{label}"),
    "public-named": N_("data said to be shown publicly: {label}"),
    "data-named": N_("data named that no fact states ({data}): {label}"),
    "recipient-definition-widened": N_("a kind of recipient defined more widely: {label}"),
    "sensitive-definition-narrowed": N_("no longer defined as sensitive ({data}): {label}"),
    "sensitive-definition-widened": N_("now defined as sensitive ({data}): {label}"),
    "deadline-shortened": N_("time limit {old} → {new} days: {label}"),
    "right-made-easier": N_("a step you no longer need to take: {label}"),
    "further-use-allowed": N_("data kept is no longer kept from further use: {label}"),
    "channel-named": N_("a way to exercise a right named that no fact states ({channels}): {label}"),
    "right-named": N_("a right named that no fact states ({rights}): {label}"),
    "consent-no-longer-said": N_("your consent no longer said to be asked: {label}"),
    "recipient-named": N_("data said to be shared with someone no fact names: {label}"),
    "opt-out-narrowed": N_("a way to stop something now said to leave part of it going on: {label}"),
    "choice-overridden": N_("your choice no longer said to be followed: {label}"),
    "opt-out-denied": N_("a way to stop it no longer given, or now denied: {label}"),
    "audience-named": N_("now said to concern merchants' customers too: {label}"),
    "opt-out-added": N_("more ways to stop something given: {label}"),
    "another-handler-named": N_("a handler in its own right named among the recipients ({recipients}): {label}"),
    "another-handler": N_("others said to use your data, or contact you, themselves: {label}"),
    "contact-details": N_("contact details: {before} → {after}: {label}"),
    "destination-named": N_("a country named that no transfer fact states ({countries}): {label}"),
    "controller-role": N_("AllValue said to act as a controller, or for its own purposes: {label}"),
    "definition-narrowed": N_("a definition limited ({words}): {label}"),
    "personal-data-no-longer-denied": N_("no longer said to hold no personal information: {label}"),
    "circumstance-named": N_("a circumstance of sharing named ({words}): {label}"),
    "reworded": N_("{fields} reworded: {label}"),
    "typo": N_("typo or punctuation fixed: {label}"),
    "facts-regrouped": N_("facts regrouped (no fact changed): {label}"),
    "moved": N_("moved from {old} to {parent}: {label}"),
    "moved-context": N_("moved from {old} to {parent}, where it reads differently: {label}"),
    "moved-under-no-consent": N_("moved where your consent is not said to be asked ({parent}): {label}"),
    "reordered": N_("reordered within {parent}: {label}"),
    "reordered-cited": N_("reordered within {parent}, whose items {citing} cite by number: {label}"),
    "renumbered": N_("renumbered {old} → {new}: {label}"),
    "updated-on-note": N_("date of the 'updated on' note: {old} → {new}"),
    "impact-assessment": N_("high-risk impact assessment recorded ({date}): {summary}"),
    "decision": "{rationale}",
    "compliance-regression": N_("compliance regression: {title} ({citation}) is now {status}; lacking: {lacking}"),
}
#: The levels of Section VIII, as a reader reads them (the same msgids as the site's labels).
LEVEL_NAMES: dict[str, str] = {"none": N_("No change"), "editorial": N_("Editorial"),
                               "review": N_("Needs review"), "material": N_("Material"),
                               "consent": N_("Consent required")}
#: What each notification means for the reader.
NOTIFICATION_NAMES: dict[str, str] = {"none": N_("None"), "changelog": N_("Change history only"),
                                      "notice": N_("Prominent notice (pop-up)"),
                                      "consent": N_("Express consent")}
#: The prose fields of a clause (``diff.clauses.PROSE_FIELDS``) in words.
FIELD_NAMES: dict[str, str] = {"term": N_("term"), "title": N_("title"), "text": N_("text"),
                               "refers_to": N_("link target")}
#: What happened to a clause (``diff.clauses.ChangeKind``) in words.
KIND_NAMES: dict[str, str] = {"added": N_("added"), "removed": N_("removed"), "modified": N_("changed"),
                              "moved": N_("moved"), "renumbered": N_("renumbered")}
#: How a recipient receives data, when it is not simply shared with it.
VIA: dict[str, str] = {"share": N_("shared"), "transfer": N_("by transfer"),
                       "disclose": N_("by public disclosure")}


def _english_label(code: str) -> str:
    return vocab.label(code)


class Words:
    """The words of one locale: ``gettext`` for sentences, ``label`` for fact codes."""

    def __init__(self, locale: str = "en", gettext: Callable[[str], str] = lambda s: s,
                 label: Callable[[str], str] = _english_label,
                 clause_names: "Callable[[Version], Mapping[str, str]] | None" = None,
                 clause_href: "Callable[[Version, str], str] | None" = None):
        """``clause_names``: a version's clauses as a reader names them (its number and
        heading in this locale, :func:`.clauses.clause_names`); without it a finding names
        a clause by the diff's English label. ``clause_href``: where a clause of a version
        is (its permalink), for outputs that link to it (the Rules Center)."""
        self.locale, self.gettext, self._label = locale, gettext, label
        self.clause_names, self.clause_href = clause_names, clause_href
        self._names: Mapping[str, str] = {}

    def bound(self, *versions: "Version") -> "Words":
        """These words naming the clauses of ``versions`` (the later win: pass old, new)."""
        words = Words(self.locale, self.gettext, self._label, self.clause_names, self.clause_href)
        if self.clause_names is not None:
            words._names = {k: v for version in versions for k, v in self.clause_names(version).items()}
        return words

    def clause_name(self, clause: str | None) -> str | None:
        """A clause's number and heading, where these words are :meth:`bound` to its version."""
        return self._names.get(clause) if clause else None

    # -- levels and rules -------------------------------------------------------------
    def level_name(self, level: str) -> str:
        return self.gettext(LEVEL_NAMES.get(level, level))

    def notification_name(self, notification: str) -> str:
        return self.gettext(NOTIFICATION_NAMES.get(notification, notification))

    def field_name(self, field: str) -> str:
        return self.gettext(FIELD_NAMES.get(field, field))

    def kind_name(self, kind: str) -> str:
        return self.gettext(KIND_NAMES.get(kind, kind))

    def reason(self, finding: "Finding") -> str:
        """Why the finding's rule sets its level, in plain words (the rule's explanation)."""
        return self.gettext(finding.explanation)

    def citation(self, finding: "Finding") -> str:
        """What the rule cites (Section VIII item 3, PIPL Art. 23...)."""
        return self.gettext(finding.citation)

    def counts(self, findings: "Sequence[Finding]") -> str:
        """``3 changes: 1 Consent required, 2 Material`` (the findings given, by level)."""
        _ = self.gettext
        parts = self.separator.join(
            _("{n} {level}").format(n=n, level=self.level_name(lv))
            for lv in ("consent", "material", "review", "editorial", "none")
            if (n := sum(1 for f in findings if f.level == lv)))
        if not findings:
            return _("No change to the wording")
        return _("{n} changes: {parts}").format(n=len(findings), parts=parts)

    @cached_property
    def separator(self) -> str:
        """Between the items of an inline list (read when first needed: the catalogs' package
        is not loaded by a report that lists nothing)."""
        from ..i18n.locales import punctuation

        return punctuation(self.locale).list_separator

    # -- facts ------------------------------------------------------------------------
    def label(self, code: Any) -> str:
        return self._label(str(code))

    def join(self, values: Iterable[Any], label: bool = True) -> str:
        return self.separator.join(self.label(v) if label else str(v) for v in values)

    def fact_value(self, kind: str, value: Merged) -> str:
        """One fact (its merged values) as a short phrase: ``data brokers (by transfer)``."""
        _ = self.gettext
        if kind == "recipient":
            via = value.get("via", ["share"])
            codes = self.join(value.get("code", []))
            if via != ["share"]:
                codes = codes + self._paren(self.separator.join(_(VIA.get(v, v)) for v in via))
            circumstances = value.get("circumstances", [])
            if circumstances:
                codes += _(" — when: {circumstances}").format(circumstances=self.join(circumstances))
            return codes
        if kind == "data":
            text = self.join(value.get("code", []))
            if True in value.get("sensitive", []):
                text += _(" (sensitive)")
            if True in value.get("optional", []):
                text += _(" (optional)")
            return text
        if kind == "contact":
            return f"{self.join(value.get('channel', []))} {self.join(value.get('value', []), label=False)}"
        if kind == "controller":
            return self.join(value.get('name', []), label=False) + self._paren(self.join(value.get('jurisdiction', [])))
        if kind == "response-time":
            return _(" or ").join(_("{days} days").format(days=d) for d in value.get("days", []))
        if kind == "children":
            parts = [_("under {age}").format(age=self.join(value.get("max_age", []), label=False))]
            consent = value.get("parental_consent", [])
            if consent:
                parts.append(_("with parental consent") if True in consent else _("without parental consent"))
            collected = value.get("collected", [])
            if collected:
                parts.append(_("their data collected") if True in collected else _("their data not collected"))
            return self.separator.join(parts)
        if kind == "breach-notification":
            return self.join(value.get("channels", []))
        if kind == "transfer":
            text = self.join(value.get("destination", []))
            safeguards = value.get("safeguards", [])
            if safeguards:
                text += _(" — safeguards: {safeguards}").format(safeguards=self.join(safeguards))
            return text
        if kind == "right":
            channels = value.get("channels", [])
            rights = self.join(value.get("code", []))
            return rights + self._paren(self.join(channels)) if channels else rights
        field = fact_type(kind).code_field or "code"
        return self.join(value.get(field, []))

    def fact_change(self, change: "FactChange") -> str:
        """``recipient added: data brokers``, ``response time changed: 15 days → 30 days``."""
        _ = self.gettext
        what = _(fact_type(change.kind).label)
        if change.change == "added":
            return _("{what} added: {value}").format(what=what, value=self.fact_value(change.kind, change.new or {}))
        if change.change == "removed":
            return _("{what} removed: {value}").format(what=what, value=self.fact_value(change.kind, change.old or {}))
        old, new = change.old or {}, change.new or {}
        if change.kind in ("right", "breach-notification"):
            before, after = set(old.get("channels", [])), set(new.get("channels", []))
            parts = []
            if after - before:
                parts.append(_("now also {channels}").format(channels=self.join(sorted(after - before))))
            if before - after:
                parts.append(_("no longer {channels}").format(channels=self.join(sorted(before - after))))
            if parts:
                name = self.join(new.get("code", [])) if change.kind == "right" else _("channels")
                detail = f"{name}{self._colon()}{_('; ').join(parts)}"
                return _("{what} changed: {detail}").format(what=what, detail=detail)
        before, after = self.fact_value(change.kind, old), self.fact_value(change.kind, new)
        if before == after:  # what differs is not in the short form: name the fields
            before = self._fields(old, change.fields)
            after = self._fields(new, change.fields)
        return _("{what} changed: {old} → {new}").format(what=what, old=before, new=after)

    def _fields(self, value: Merged, fields: Iterable[str]) -> str:
        return self.separator.join(f"{name}{self._colon()}{self.join(value.get(name, []) or ['—'], label=False)}"
                                   for name in fields)

    def _paren(self, text: str) -> str:
        """`` (text)`` in English, ``（text）`` (full-width, no space) in Chinese."""
        return f"（{text}）" if self.locale.startswith("zh") else f" ({text})"

    def _colon(self) -> str:
        from ..i18n.locales import punctuation

        return punctuation(self.locale).colon

    # -- findings ---------------------------------------------------------------------
    def finding(self, finding: "Finding", source: "Callable[[str], Any] | None" = None) -> str:
        """What a finding saw, in one sentence.

        ``source`` (for HTML): wraps the source text a sentence quotes (a clause's English
        label, an impact assessment's summary, a decision's rationale: English, whatever the
        locale) in markup that says so; the sentence is then Markup, everything else in it
        escaped."""
        _ = self.gettext
        m = finding.match
        if m.fact is not None:
            text = self.fact_change(m.fact)
            if m.sensitive and _(" (sensitive)") not in text:
                text += _(" (sensitive)")
            if m.collected:
                text = _("{change}, for data already collected: {data}").format(
                    change=text, data=self.join(m.collected))
            return self._direction(text, m.favourable)
        values = dict(m.values)
        quoted = {"summary", "rationale", "companies", "before", "after"}  # English source text
        if "label" in values and self.clause_name(finding.clause):
            values["label"] = self.clause_name(finding.clause)
            if getattr(values["label"], "lang", ""):
                quoted.add("label")
        elif "label" in values:
            quoted.add("label")
        if m.event == "reworded":
            values["fields"] = self.separator.join(self.field_name(f) for f in values["fields"])
        for place in ("parent", "old"):
            if place in values and values[place] is None:
                values[place] = _("the top")
            elif place in values and m.event != "renumbered" and self.clause_name(values[place]):
                values[place] = self.clause_name(values[place])
        if m.event == "impact-assessment":
            values["date"] = values["date"].isoformat()
        if m.event == "compliance-regression":
            values.update(self._compliance(values))
        sentence = _(EVENTS[m.event])
        if source is not None:
            from markupsafe import Markup, escape

            values = {k: source(v) if k in quoted and v else v for k, v in values.items()}
            return self._direction(Markup(escape(sentence)).format(**values), m.favourable)
        return self._direction(sentence.format(**values), m.favourable)

    def _compliance(self, values: dict) -> dict:
        """A lint requirement's title, status and lacking elements, in this locale."""
        return {"title": self.gettext(values["title"]), "status": self.gettext(STATUS_WORDS[values["status"]]),
                "lacking": self.gettext("; ").join(element_text(e, self) for e in values["lacking"])}

    def _direction(self, text: str, favourable: bool | None) -> str:
        return text + self.gettext(" (in your favour)") if favourable else text

    def summary(self, report: "Report") -> str:
        """``A → B: material (Prominent notice ...); 3 findings (1 consent, 2 material).``"""
        _ = self.gettext
        diff = report.diff
        if not report.findings:
            return _("{old} → {new}: no change.").format(old=diff.old_label, new=diff.new_label)
        counts = [(lv, sum(1 for f in report.findings if f.level == lv))
                  for lv in ("consent", "material", "review", "editorial", "none")]
        parts = ", ".join(f"{n} {lv}" for lv, n in counts if n)
        return _("{old} → {new}: {level} ({label}); {n} findings ({parts}).").format(
            old=diff.old_label, new=diff.new_label, level=report.level,
            label=_(report.notification_label), n=len(report.findings), parts=parts)

    def headline(self, deciding: "Iterable[Finding]", level: str,
                 source: "Callable[[str], Any] | None" = None) -> str:
        """The change history's one line: the findings that decided the ``level`` (those at
        it), the first two in full ("recipient added: data brokers" says more than the level
        and the counts)."""
        deciding = list(deciding)
        if level == "none" or not deciding:
            return self.gettext("No change to the wording")
        texts = list(dict.fromkeys(self.finding(f, source) for f in deciding))  # the same change in two clauses: once
        more = self._paren(f"+{len(texts) - 2}") if len(texts) > 2 else ""
        if source is not None:  # Markup: the separators are escaped as they join
            from markupsafe import escape

            return escape(self.gettext("; ")).join(texts[:2]) + more
        return self.gettext("; ").join(texts[:2]) + more


#: The words of the source language: the msgids themselves, the vocabulary's English labels.
ENGLISH = Words()


def finding_text(finding: "Finding", words: Words = ENGLISH) -> str:
    """A finding in one sentence (English unless ``words`` says otherwise)."""
    return words.finding(finding)


def fact_change_text(change: "FactChange", words: Words = ENGLISH) -> str:
    """A fact change in one sentence (English unless ``words`` says otherwise)."""
    return words.fact_change(change)


def summary_text(report: "Report", words: Words = ENGLISH) -> str:
    """The one-line summary of a report."""
    return words.summary(report)


#: a lint requirement's status, in words (msgids)
STATUS_WORDS: dict[str, str] = {"met": N_("met"), "partial": N_("partly met"), "missing": N_("missing"),
                                "not-applicable": N_("not applicable")}


def element_text(element: "Element", words: Words = ENGLISH) -> str:
    """``a legal basis for each purpose (lacking for: account management, delivery of goods)``."""
    text = words.gettext(element.what)
    if element.lacking:
        text = words.gettext("{what} (lacking for: {codes})").format(what=text, codes=words.join(element.lacking))
    return text
