"""The Play Data safety CSV: Play's header, known ids only, answers that follow from the facts."""
from __future__ import annotations

import csv
import io

import pytest

from generator.export import play, play_questions as q
from generator.model import vocabulary as vocab

from .conftest import NOTICES
from .export_helpers import without_facts


def _rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def _answers(version) -> dict[tuple[str, str], str]:
    return {(r[q.HEADER[0]], r[q.HEADER[1]]): r[q.HEADER[2]] for r in _rows(play.play_csv(version))}


@pytest.fixture(scope="module")
def answers(current):
    return _answers(current)


def _usage(data_type: str, sub: str) -> str:
    return f"{q.USAGE_PREFIX}:{data_type}:{sub}"


def _known(question: str, response: str) -> tuple[str, str] | None:
    """(answer requirement, label) of a known (question, response) pair, else None."""
    if question in q.GENERAL:
        responses, requirement, _label = q.GENERAL[question]
        return (requirement, "") if response in responses else None
    if question in q.DATA_TYPES:
        return ("MULTIPLE_CHOICE", "") if response in q.DATA_TYPES[question][1] else None
    prefix, data_type, sub = (question.split(":") + ["", ""])[:3]
    if prefix != q.USAGE_PREFIX or sub not in q.USAGE:
        return None
    if not any(data_type in types for _cat, types in q.DATA_TYPES.values()):
        return None
    responses, requirement, _label = q.USAGE[sub]
    return (requirement, "") if response in responses else None


def test_the_csv_has_plays_header_and_only_known_ids(run):
    out = run("export", "--source", NOTICES, "--format", "play-data-safety")
    assert out.code == 0, out.err
    header = next(csv.reader(io.StringIO(out.out)))
    assert header == ["Question ID (machine readable)", "Response ID (machine readable)", "Response value",
                      "Answer requirement", "Human-friendly question label"]
    rows = _rows(out.out)
    assert rows and all(len(r) == 5 for r in rows)
    for r in rows:
        known = _known(r[header[0]], r[header[1]])
        assert known, (r[header[0]], r[header[1]])
        assert r[header[3]] == known[0]
        assert r[header[2]] in ("", "true") and r[header[4]]
    assert len({(r[header[0]], r[header[1]]) for r in rows}) == len(rows)  # each answer once


def test_every_data_category_and_purpose_is_mapped_or_left_out_with_a_reason():
    categories = set(vocab.DATA_CATEGORIES)
    assert not categories - set(play.DATA_TYPES) - set(play.NO_PLAY_TYPE)
    assert not set(play.DATA_TYPES) & set(play.NO_PLAY_TYPE)
    assert not set(vocab.PURPOSES) - set(play.PURPOSES)
    assert set(play.PURPOSES.values()) - {None} <= set(q.PURPOSES)
    assert set(play.NOT_SHARING) <= set(vocab.RECIPIENTS)
    assert all(_known(question, response) for pairs in play.DATA_TYPES.values() for question, response in pairs)


def test_the_data_types_collected_are_the_statements(answers, current):
    expected = {response for n in current.nodes() if n.kind != "definition"
                for f in n.facts if f.kind == "data" for _question, response in play.DATA_TYPES.get(f.code, ())}
    chosen = {response for (question, response), value in answers.items()
              if question in q.DATA_TYPES and value == "true"}
    assert chosen == expected
    assert {"PSL_EMAIL", "PSL_NAME", "PSL_ADDRESS", "PSL_PRECISE_LOCATION", "PSL_PURCHASE_HISTORY",
            "PSL_CREDIT_DEBIT_BANK_ACCOUNT_NUMBER", "PSL_DEVICE_ID", "PSL_APPS_ON_DEVICE"} <= chosen
    # "location information" without its precision is not turned into an approximate location
    assert answers[("PSL_DATA_TYPES_LOCATION", "PSL_APPROX_LOCATION")] == ""
    assert answers[(q.COLLECTS, "")] == "true"


def test_shared_only_where_a_clause_names_the_data_and_a_recipient(answers):
    shared = {question.split(":")[1] for (question, response), value in answers.items()
              if response == "PSL_DATA_USAGE_ONLY_SHARED" and value == "true"}
    # collect.delivery.share: the address to logistics providers; collect.payment.share: card
    # number and transaction to payment providers and banks; collect.security.data: the
    # service log and transactions to a security SDK's provider
    assert shared == {"PSL_ADDRESS", "PSL_CREDIT_DEBIT_BANK_ACCOUNT_NUMBER", "PSL_PURCHASE_HISTORY",
                      "PSL_USER_INTERACTION", "PSL_IN_APP_SEARCH_HISTORY"}
    assert answers[(_usage("PSL_ADDRESS", q.SHARING_PURPOSE), "PSL_APP_FUNCTIONALITY")] == "true"
    assert (_usage("PSL_EMAIL", q.SHARING_PURPOSE), "PSL_APP_FUNCTIONALITY") not in answers


def test_purposes_and_choice_follow_the_clauses(answers):
    email = {response for (question, response), value in answers.items()
             if question == _usage("PSL_EMAIL", q.COLLECTION_PURPOSE) and value == "true"}
    assert email == {"PSL_ACCOUNT_MANAGEMENT", "PSL_APP_FUNCTIONALITY"}
    # a WeChat ID is asked for only for special benefits, marked optional there
    assert answers[(_usage("PSL_USER_ACCOUNT", q.USER_CONTROL), "PSL_DATA_USAGE_USER_CONTROL_OPTIONAL")] == "true"
    assert answers[(_usage("PSL_USER_ACCOUNT", q.USER_CONTROL), "PSL_DATA_USAGE_USER_CONTROL_REQUIRED")] == ""
    assert answers[(_usage("PSL_EMAIL", q.USER_CONTROL), "PSL_DATA_USAGE_USER_CONTROL_REQUIRED")] == "true"


def test_security_and_deletion_answers(answers):
    assert answers[(q.ENCRYPTED, "")] == "true"  # protect.measures.encryption
    assert answers[(q.DELETION, "DATA_DELETION_YES")] == "true"  # rights.delete.intro
    assert answers[(q.DELETION, "DATA_DELETION_NO")] == ""


def test_what_the_statement_does_not_say_is_left_unanswered(answers, current):
    assert all(value == "" for (question, _r), value in answers.items() if question.endswith(q.EPHEMERAL))
    silent = _answers(without_facts(current, "safeguard", "right"))
    assert silent[(q.ENCRYPTED, "")] == ""  # not "false": the statement would be silent, not saying no
    assert silent[(q.DELETION, "DATA_DELETION_YES")] == silent[(q.DELETION, "DATA_DELETION_NO")] == ""
    nothing = _answers(without_facts(current, "data"))
    assert nothing[(q.COLLECTS, "")] == ""
    assert not [k for k in nothing if k[0].startswith(q.USAGE_PREFIX)]


def test_rows_end_with_crlf_as_play_exports_them(current):
    text = play.play_csv(current)
    assert text.startswith(",".join(q.HEADER) + "\r\n") and text.endswith("\r\n")
