"""The evaluation set of revisions for the Section VIII classifier (tests/fixtures/revisions/).

Each case is one made-up revision of the real statement (notices/allvalue-privacy/2023-08-25)
with the level a legal reading of Section VIII gives it. The measure is the agreement over
the whole set, not a test per case:

- :func:`test_cases_are_well_formed` — every case file is valid, its ``before``s are the real
  statement's clauses, the set is large and varied enough;
- :func:`test_classifier_agrees_with_the_set` — runs every case, prints the disagreements and
  the agreement figure, and asks for >= 95 % agreement and no material/consent case below
  ``material``;
- :func:`evaluate` — the same run for a script (``benchmarks/eval_revisions.py``).
"""
from __future__ import annotations

import copy
import re
from collections import Counter
from functools import lru_cache
from pathlib import Path
from typing import Any, NamedTuple

import pytest

ROOT = Path(__file__).resolve().parent.parent
POLICY = "allvalue-privacy"
VERSION_DIR = ROOT / "notices" / POLICY / "2023-08-25"
REVISIONS = Path(__file__).resolve().parent / "fixtures" / "revisions"
CASES = REVISIONS / "cases"
#: revisions written blind (without the classifier's code or results), in the order they were
#: written: see each folder's README.md
BLIND_SETS = ["holdout", *(f"holdout-{n}" for n in range(2, 36))]
#: how docs/rules.md names each set's figure
ORDINALS = ["", "Second ", "Third ", "Fourth ", "Fifth ", "Sixth ", "Seventh ", "Eighth ", "Ninth ", "Tenth ",
            "Eleventh ", "Twelfth ", "Thirteenth ", "Fourteenth ", "Fifteenth ", "Sixteenth ", "Seventeenth ",
            "Eighteenth ", "Nineteenth ", "Twentieth ", "Twenty-first ",
            "Twenty-second ", "Twenty-third ", "Twenty-fourth ", "Twenty-fifth ",
            "Twenty-sixth ", "Twenty-seventh ",
            "Twenty-eighth ", "Twenty-ninth ", "Thirtieth ", "Thirty-first ", "Thirty-second ", "Thirty-third ",
            "Thirty-fourth ", "Thirty-fifth "]
HOLDOUT = REVISIONS / "holdout"
#: meaning-preserving rewrites of fifty clauses, every one `review`, written blind as well: a
#: rule that reads a change of meaning into plain words shows here (see its README.md)
PARAPHRASES = REVISIONS / "paraphrases"
SETS = [CASES, *(REVISIONS / name for name in BLIND_SETS), PARAPHRASES]
SET_IDS = ["cases", *BLIND_SETS, "paraphrases"]

LEVELS = ("none", "editorial", "review", "material", "consent")
HEADER = "# Illustrative revision, not AllValue's text."
CASE_KEYS = {"expected", "rationale", "patterns", "meta", "edits"}
META_KEYS = {"updated_on", "controller", "impact_assessment"}
#: a rationale cites Section VIII (items 1-6, ¶2), Part 1 (Definition 5) or a PIPL article
CITATION = re.compile(r"Section VIII|Part 1|PIPL Arts?\. \d+")
MIN_CASES = {CASES: 85, HOLDOUT: 45, REVISIONS / "holdout-2": 40, REVISIONS / "holdout-3": 30,
             **{REVISIONS / name: 35 for name in BLIND_SETS[3:]}, REVISIONS / "holdout-23": 34, PARAPHRASES: 50}
#: cases per pattern group and per Section VIII item; the fourth and later blind sets' authors
#: were asked for one of each at least (their spread is their own, not topped up afterwards)
MIN_PER_GROUP = {REVISIONS / name: 1 for name in [*BLIND_SETS[3:], "paraphrases"]}
#: pattern groups a blind set's author did not write (from the twenty-fourth set on the brief
#: no longer asked for every group; each set's README says what it covers)
GROUPS_NOT_WRITTEN = {REVISIONS / "holdout-24": {"circumstances"},
                      PARAPHRASES: {"moves", "circumstances", "direction", "section-viii", "multi"}}
AGREEMENT = 0.95

#: Pattern tags by group; every group needs at least 3 cases.
PATTERN_GROUPS: dict[str, frozenset[str]] = {
    "word": frozenset({"word", "negation", "modal", "quantifier", "number", "date", "duration",
                       "contact-text", "name", "typo", "case", "punctuation", "spacing",
                       "variant", "reformat"}),
    "per-clause": frozenset({"per-clause-fact", "audience"}),
    "moves": frozenset({"reorder", "move"}),
    "circumstances": frozenset({"circumstance"}),
    "children": frozenset({"children"}),
    "direction": frozenset({"favourable"}),
    "section-viii": frozenset({"viii-1", "viii-2", "viii-3", "viii-4", "viii-5", "viii-6",
                               "consent-right", "consent-sensitive", "consent-purpose",
                               "consent-controller"}),
    "multi": frozenset({"multi"}),
}
PATTERNS = frozenset().union(*PATTERN_GROUPS.values())
#: each Section VIII item and each consent rule needs at least 2 cases
MIN_PER_RULE = 2


class Row(NamedTuple):
    """One case run: what the set expects and what the classifier said."""

    case: str
    expected: str
    got: str
    rules: tuple[str, ...]
    patterns: tuple[str, ...]

    @property
    def agreed(self) -> bool:
        return self.expected == self.got


class CaseError(AssertionError):
    """A case that does not fit the real statement (drifted, unknown id, bad shape)."""


# --------------------------------------------------------------------------- loading
@lru_cache(maxsize=None)
def real_version():
    from generator.source import load_version

    return load_version(VERSION_DIR, POLICY)


@lru_cache(maxsize=None)
def _raw_statement() -> Any:
    """The statement as its YAML reads (the ``before``s must equal its nodes exactly)."""
    from generator.source.yaml12 import read_fast

    return read_fast(VERSION_DIR / "statement.yaml")


@lru_cache(maxsize=None)
def _real_dump() -> dict:
    return real_version().model_dump(mode="json", exclude_none=True)


def case_paths(folder: Path = CASES) -> list[Path]:
    return sorted(folder.glob("*.yaml"))


def load_case(path: Path) -> dict:
    from generator.source.yaml12 import read_fast

    data = read_fast(path)
    if not isinstance(data, dict):
        raise CaseError(f"{path.name}: not a mapping")
    return data


# --------------------------------------------------------------------------- edits
def _walk(node: Any, container: Any = None, key: Any = None):
    """Every node with an ``id``, with the list (or mapping) and index (or key) holding it."""
    if isinstance(node, dict):
        if isinstance(node.get("id"), str) and container is not None:
            yield node, container, key
        for k, value in node.items():
            yield from _walk(value, node, k)
    elif isinstance(node, list):
        for i, item in enumerate(node):
            yield from _walk(item, node, i)


def _locate(tree: Any, ident: str, where: str) -> tuple[dict, Any, Any]:
    found = [hit for hit in _walk(tree) if hit[0]["id"] == ident]
    if len(found) != 1:
        raise CaseError(f"{where}: {'no' if not found else 'more than one'} node {ident!r} in the statement")
    return found[0]


def _insert_after(tree: Any, anchor: str, node: dict, where: str) -> None:
    _, container, key = _locate(tree, anchor, where)
    if not isinstance(container, list):
        raise CaseError(f"{where}: {anchor!r} is not in a list; nothing can follow it")
    container.insert(key + 1, node)


def apply_edits(statement: dict, case: dict, name: str) -> dict:
    """``statement`` (a dump) with the case's edits applied; every ``before`` checked."""
    raw = _raw_statement()
    tree = copy.deepcopy(statement)
    for i, edit in enumerate(case.get("edits") or [], 1):
        where = f"{name}: edit {i}"
        if not isinstance(edit, dict):
            raise CaseError(f"{where}: not a mapping")
        if set(edit) == {"clause", "before", "after"}:
            ident = edit["clause"]
            real, _, _ = _locate(raw, ident, where)
            if edit["before"] != real:
                raise CaseError(f"{where}: 'before' of {ident!r} is not the real statement's clause "
                                f"(it drifted from notices/{POLICY}/2023-08-25/statement.yaml)")
            _, container, key = _locate(tree, ident, where)
            after = edit["after"]
            if after is None:
                if not isinstance(container, list):
                    raise CaseError(f"{where}: {ident!r} cannot be removed")
                del container[key]
            else:
                if not isinstance(after, dict) or after.get("id") != ident:
                    raise CaseError(f"{where}: 'after' must be the same clause (id {ident!r}) or null")
                container[key] = copy.deepcopy(after)
        elif set(edit) == {"insert"}:
            spec = edit["insert"]
            if not isinstance(spec, dict) or set(spec) != {"after", "node"} or not isinstance(spec["node"], dict):
                raise CaseError(f"{where}: insert needs 'after' (an id) and 'node'")
            new_id = spec["node"].get("id")
            if any(hit[0]["id"] == new_id for hit in _walk(tree)):
                raise CaseError(f"{where}: inserted id {new_id!r} already exists")
            _insert_after(tree, spec["after"], copy.deepcopy(spec["node"]), where)
        elif set(edit) == {"move"}:
            spec = edit["move"]
            if not isinstance(spec, dict) or set(spec) != {"id", "after"}:
                raise CaseError(f"{where}: move needs 'id' and 'after'")
            node, container, key = _locate(tree, spec["id"], where)
            if not isinstance(container, list):
                raise CaseError(f"{where}: {spec['id']!r} cannot be moved")
            del container[key]
            if any(hit[0]["id"] == spec["after"] for hit in _walk(node)):
                raise CaseError(f"{where}: cannot move {spec['id']!r} into itself")
            _insert_after(tree, spec["after"], node, where)
        else:
            raise CaseError(f"{where}: an edit is {{clause, before, after}}, {{insert}} or {{move}}; "
                            f"got keys {sorted(edit)}")
    return tree


def edited_version(case: dict, name: str):
    """The real version with the case's edits and metadata: a draft called ``revision``."""
    from generator.model import Version

    data = copy.deepcopy(_real_dump())
    data["statement"] = apply_edits(data["statement"], case, name)
    data.update({"status": "draft", "version": "revision",
                 "illustrative": "A made-up revision of the evaluation set (tests/fixtures/revisions)."})
    data.pop("content_hash", None)
    data.update(copy.deepcopy(case.get("meta") or {}))
    return Version.model_validate(data)


# --------------------------------------------------------------------------- evaluation
def run_case(path: Path) -> Row:
    """Classify one case (an exception of the classifier is reported as its result)."""
    from generator.classify import classify
    from generator.diff import compare

    case = load_case(path)
    new = edited_version(case, path.name)
    try:
        report = classify(compare(real_version(), new))
    except Exception as e:  # the measure goes on; the row says what went wrong
        return Row(path.stem, case["expected"], "error", (f"{type(e).__name__}: {e}",),
                   tuple(case["patterns"]))
    return Row(path.stem, case["expected"], report.level, tuple(report.rules()), tuple(case["patterns"]))


def evaluate(folder: Path = CASES) -> tuple[int, int, list[Row]]:
    """Run every case of ``folder``: ``(agreed, total, rows)``, one row per case in file order."""
    rows = [run_case(p) for p in case_paths(folder)]
    return sum(r.agreed for r in rows), len(rows), rows


def below_material(rows: list[Row]) -> list[Row]:
    """Cases expected ``material`` or ``consent`` that came out lower than ``material``."""
    floor = LEVELS.index("material")
    return [r for r in rows if LEVELS.index(r.expected) >= floor
            and (r.got not in LEVELS or LEVELS.index(r.got) < floor)]


def table(agreed: int, total: int, rows: list[Row]) -> str:
    """The disagreements and the agreement figure, as a Markdown table."""
    lines = ["| case | expected | got | rules |", "|---|---|---|---|"]
    lines += [f"| {r.case} | {r.expected} | {r.got} | {', '.join(r.rules) or '-'} |"
              for r in rows if not r.agreed]
    if len(lines) == 2:
        lines.append("| (none) | | | |")
    low = below_material(rows)
    lines += ["", f"Agreement: {agreed}/{total} = {agreed / total:.1%} (target {AGREEMENT:.0%}); "
                  f"material or consent cases below material: {len(low)}"]
    return "\n".join(lines)


# --------------------------------------------------------------------------- tests
@pytest.mark.parametrize("folder", SETS, ids=SET_IDS)
def test_cases_are_well_formed(folder):
    from generator.classify import LEVELS as CLASSIFIER_LEVELS
    from generator.model import Version

    assert LEVELS == tuple(CLASSIFIER_LEVELS)
    # the harness's round trip loses nothing: the unedited dump is the real statement
    assert Version.model_validate(_real_dump()).compute_hash() == real_version().compute_hash()

    paths = case_paths(folder)
    problems: list[str] = []
    tags: Counter[str] = Counter()
    for path in paths:
        name = path.name
        if not re.fullmatch(r"\d{3,4}-[a-z0-9]+(-[a-z0-9]+)*\.yaml", name):
            problems.append(f"{name}: name is not NNN-short-slug.yaml")
        if not path.read_text(encoding="utf-8").startswith(HEADER):
            problems.append(f"{name}: first line must be {HEADER!r}")
        try:
            case = load_case(path)
        except Exception as e:  # noqa: BLE001 - every problem at once
            problems.append(f"{name}: {e}")
            continue
        if set(case) - CASE_KEYS or not {"expected", "rationale", "patterns", "edits"} <= set(case):
            problems.append(f"{name}: keys {sorted(case)} (want {sorted(CASE_KEYS)}, meta optional)")
            continue
        if case["expected"] not in LEVELS:
            problems.append(f"{name}: expected {case['expected']!r} is not one of {LEVELS}")
        rationale = case["rationale"]
        if not isinstance(rationale, str) or "\n" in rationale.strip() or not CITATION.search(rationale):
            problems.append(f"{name}: rationale must be one line citing Section VIII, Part 1 or a PIPL article")
        patterns = case["patterns"]
        if not isinstance(patterns, list) or not patterns or set(patterns) - PATTERNS:
            problems.append(f"{name}: patterns {patterns!r} (known: {sorted(PATTERNS)})")
        else:
            tags.update(set(patterns))
            if "multi" in patterns and not 2 <= len(case["edits"] or []) <= 3:
                problems.append(f"{name}: a multi case has 2-3 edits")
        if set(case.get("meta") or {}) - META_KEYS:
            problems.append(f"{name}: meta keys {sorted(case['meta'])} (known: {sorted(META_KEYS)})")
        if not isinstance(case["edits"], list) or not (case["edits"] or case.get("meta")):
            problems.append(f"{name}: no edits")
            continue
        try:
            version = edited_version(case, name)
        except Exception as e:  # noqa: BLE001 - drift and invalid 'after's are problems of the case
            problems.append(f"{name}: {type(e).__name__}: {e}")
            continue
        if version.compute_hash() == real_version().compute_hash() and not case.get("meta"):
            problems.append(f"{name}: the edits change nothing")
    assert not problems, "\n".join(problems)

    assert len(paths) >= MIN_CASES[folder], f"{len(paths)} cases, want at least {MIN_CASES[folder]}"
    for group, members in PATTERN_GROUPS.items():
        if group in GROUPS_NOT_WRITTEN.get(folder, ()):
            continue
        count = sum(1 for p in paths if set(load_case(p)["patterns"]) & members)
        want = MIN_PER_GROUP.get(folder, 3)
        assert count >= want, f"pattern group {group!r} has {count} cases, want at least {want}"
    thin = {t: tags[t] for t in PATTERN_GROUPS["section-viii"] if tags[t] < MIN_PER_GROUP.get(folder, MIN_PER_RULE)
            and "section-viii" not in GROUPS_NOT_WRITTEN.get(folder, ())}
    assert not thin, f"Section VIII items / consent rules with fewer than {MIN_PER_RULE} cases: {thin}"


#: material or consent cases a set's reader expects that the classifier still reads lower, and why:
#: a change of meaning no rule reads yet. Each must come out `review` ("a person decides"),
#: never lower; docs/rules.md reports them.
KNOWN_MISSES = {
    REVISIONS / "holdout-29": {"3304-def-sensitive-adds-health":
                               "a category added to Definition 5: `sensitive-definition-widened` reads it review, "
                               "in your favour, as the readers of 1127 and 1318 label the same widening",
                               "3311-def-deletion-means-hiding":
                               "'deletion' defined to include hiding: a definition a right rests on, reworded; "
                               "which way it goes is not read"},
    REVISIONS / "holdout-17": {"2132-affiliate-consent-condition-moved":
                               "'with your consent' moved within the sentence to govern one purpose only: as many "
                               "consent words, and no fact changed"},
    REVISIONS / "holdout-34": {"3813-order-auto-fraud-cancel":
                               "orders scored for fraud and cancelled 'without human review', in prose: an "
                               "automated decision said in words; a use named in words reads consent (Art. 14), "
                               "this reader labels it item 1, so it is left to a person",
                               "3826-access-order-details":
                               "order and delivery details added to what a right lets you see, in prose: a right "
                               "widened in what it covers is not read"},
    REVISIONS / "holdout-20": {"2421-customer-requests-routed-to-merchant":
                               "customers sent to the merchant for their rights, in a clause that states no right "
                               "or contact (the processor's role)"},
}
#: cases the classifier reads higher than the set's reader, and why the rules keep the higher
#: reading (docs/rules.md reports each). Upwards only: a person decides, and may lower it.
READ_HIGHER = {
    CASES: {"082-deletion-ground-added":
            "relabelled review by the product rule that prose alone cannot decide; `right-ground-added` now "
            "reads a new ground as item 4, as holdout-14's reader does (1829)",
            "115-new-limit-on-requests":
            "relabelled review from consent by the same product rule; `right-exception-added` reads one more "
            "case of refusal as ¶2, as holdout-21's reader does (2535)",
            "057-move-deletion-ground-to-limits":
            "relabelled review from consent by the same product rule; a ground of deletion moved into the "
            "cases of refusal is read as ¶2, as holdout-26's reader reads the same move (3029)",
            "009-quantifier-only-dropped":
            "'only' dropped from the public-disclosure lead-in: `sharing-list-unclosed` reads new, unnamed "
            "circumstances (item 3), as holdout-27's reader does (3120)"},
    REVISIONS / "holdout-10": {"1417-children-data-deleted-30-days":
                               "a duration in the children's section: a rewording there is read as material"},
    REVISIONS / "holdout-11": {"1505-merchant-signup-optional-wechat-id":
                               "a purpose and a category added together: which data the purpose serves is "
                               "not in the facts, so the reading stays upwards (Art. 14)"},
    REVISIONS / "holdout-12": {"1611-separate-consent-id-number":
                               "a legal basis added in a clause that also discloses data publicly: which the basis "
                               "governs is not in the facts, so it is read as a circumstance of sharing (item 3)",
                               "1627-allvalue-controller-for-customer-security-data":
                               "AllValue said to act as an independent controller: holdout-9's reader labels the same "
                               "change (1335) consent (Art. 23, 14)"},
    REVISIONS / "holdout-13": {"1729-children-deletion-reworded":
                               "a substantive rewording of the children's section is read as material (Definition 5)"},
    REVISIONS / "holdout-18": {"2218-fake-review-disclosure-high-risk":
                               "more of the violator named in a public disclosure is read as data newly disclosed "
                               "(Art. 25), as holdout-14's 1821 is"},
    REVISIONS / "holdout-29": {"3308-def-party-address":
                               "the Party's address changed in its fact: controller-changed (item 2), as other "
                               "readers label it (089, 623)"},
    REVISIONS / "holdout-35": {"3908-merchant-consent-sms-and-forum":
                               "SMS and forum messages added where marketing is stated: `new-use-named` reads the "
                               "phone number put to a new use (Art. 14); that the duty is the merchant's, toward "
                               "its customers, is not read"},
    REVISIONS / "paraphrases": {"4044-children-age-plain":
                                "a rewording of the children's section is read as material (Definition 5), even "
                                "with the same age and consent",
                                "4045-children-use-plain":
                                "the same: the children's section reworded is read upwards"},
    REVISIONS / "holdout-23": {"2715-children-must-ask-parents":
                               "a rewording of the children's section is read as material (Definition 5), here a "
                               "protection raised ('it is recommended' → 'you must')"},
}
#: consent cases the classifier reads `material`, and why: still a prominent notice, never lower.
READ_LOWER = {
    REVISIONS / "holdout-7": {"1109-affiliates-without-consent":
                              "'with your consent' dropped before sharing with affiliates: a new circumstance, "
                              "without consent (item 3, the product brief's table), as holdout-11's 1518, "
                              "holdout-19's 2323 and holdout-21's 2521 are labelled; affiliates are not "
                              "handlers in their own right in the vocabulary"},
    REVISIONS / "holdout-8": {"1229-contact-merchants-customers":
                              "merchants' customers added, in prose, to whom AllValue's staff e-mail: "
                              "`audience-named-in-words` reads a use extended to the other audience (item 1); "
                              "that the e-mails market AllValue's own services with data held for merchants "
                              "(a new purpose, Art. 14) is not read"},
    REVISIONS / "holdout-20": {"2435-guardian-requests-birth-certificate":
                               "a guardian's route added in the children's section (material); the birth certificate "
                               "it asks for is read as a word, not as sensitive data collected"},
}


@pytest.mark.parametrize("folder", SETS, ids=SET_IDS)
def test_classifier_agrees_with_the_set(folder):
    """The repository's own set agrees at 95 % at least; in every set, each disagreement is one
    documented above (a new one fails, and so does a fixed one still listed)."""
    agreed, total, rows = evaluate(folder)
    report = table(agreed, total, rows)
    print(report)
    known, higher, lower = KNOWN_MISSES.get(folder, {}), READ_HIGHER.get(folder, {}), READ_LOWER.get(folder, {})
    assert {r.case for r in rows if not r.agreed} == set(known) | set(higher) | set(lower), report
    assert all(r.got == "review" for r in rows if r.case in known), report  # never a guess downwards
    assert all(LEVELS.index(r.got) > LEVELS.index(r.expected) for r in rows if r.case in higher), report
    assert all(r.got == "material" and r.expected == "consent" for r in rows if r.case in lower), report
    if folder == CASES:
        assert agreed / total >= AGREEMENT and not below_material(rows), report


@pytest.mark.parametrize("folder, label", [(CASES, "Agreement"), *(
    (REVISIONS / name, f"{ordinal}held-out agreement".capitalize()) for name, ordinal in zip(BLIND_SETS, ORDINALS)),
    (PARAPHRASES, "Paraphrase agreement")], ids=SET_IDS)
def test_docs_report_the_current_agreement(folder, label):
    """docs/rules.md states the figure each set gives today."""
    import re as _re

    agreed, total, rows = evaluate(folder)
    docs = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    stated = _re.search(rf"{label}: (\d+)/(\d+) \(([\d.]+) %\)", docs)
    assert stated, f"docs/rules.md has no '{label}: n/N (x %)' line"
    assert (int(stated.group(1)), int(stated.group(2))) == (agreed, total)
    assert stated.group(3) == f"{100 * agreed / total:.1f}"
