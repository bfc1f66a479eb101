"""Edit classification that knows words: a real word replaced by another is never a typo.

Unit cases for generator.diff.words, generator.diff.wording and is_editorial, and two hypothesis properties on the
real statement: a look-alike word of another meaning is never `none` or `editorial`;
whitespace and YAML layout alone are always `none`.
"""
from __future__ import annotations

import copy
import re
from functools import lru_cache

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.diff.text import is_editorial
from generator.diff.words import (LOADED_PAIRS, LOADED_PREFIXES, PROTECTED, is_english_word, is_loaded,
                                  is_typo_fix, is_variant_spelling)

from .conftest import NOTICES

POLICY = "allvalue-privacy"
BASE = "2023-08-25"


@pytest.mark.parametrize("old,new", [
    ("Our Privacy Statment is subject to change.", "Our Privacy Statement is subject to change."),
    ("to protect your personel information", "to protect your personnel information"),
    ("we will recieve your request", "we will receive your request"),
    ("the organisation of your data", "the organization of your data"),
    ("your behaviour on the site", "your behavior on the site"),
    ("the centre of our service", "the center of our service"),
    ("by e-mail or telephone", "by email or telephone"),
    ("Allvalue customer service", "AllValue customer service"),
    ("information. . However", "information. However"),
    ("you can log in to change it", "you can login to change it"),
    ("was updated on August 25,2023.", "was updated on August 25, 2023."),  # a space, the same date
    ("preferential rights,trading orders", "preferential rights, trading orders"),
])
def test_spacing_case_variants_and_non_words_corrected_are_editorial(old, new):
    assert is_editorial(old, new)


@pytest.mark.parametrize("old,new", [
    ("If handling is lawful", "If handling is unlawful"),           # a prefix that negates
    ("We may share your data.", "We must share your data.", ),      # modal
    ("We will share your data.", "We will not share your data."),   # negation
    ("We share all of your data.", "We share some of your data."),  # quantifier
    ("in the form below", "from the form below"),                   # form/from: both real words
    ("We collect your data.", "We correct your data."),             # collect/correct
    ("Please contract us.", "Please contact us."),                  # a real word "fixed" to another
    ("respond within 15 days", "respond within 16 days"),           # a number
    ("respond within fifteen days", "respond within fifty days"),   # a number word
    ("updated on August 25, 2023", "updated on April 25, 2023"),    # a month
    ("updated on August 25,2023", "updated on August 25, 2024"),    # a year (the space aside)
    ("updated on August 25,2023", "updated on August 2, 2023"),     # a day
    ("25,000 orders", "25, 000 orders"),                            # a number is not a date
    ("within 15 days", "within 15 weeks"),                          # a duration
    ("write to privacy@allvalue.com", "write to privacy@alvalue.com"),  # an email
    ("see https://allvalue.com/privacy", "see https://allvalue.co/privacy"),  # a URL
    ("call (0571) 88888888", "call (0571) 88888889"),               # a phone number
    ("Qima Investment Ltd.", "Qina Investment Ltd."),               # a proper name, not a word
    ("Our Privacy Statement is subject", "Our Privacy Statment is subject"),  # a word made a typo
    ("your personal information", "your personnel information"),   # word to word
    ("We share your data.", "We share your data with partners."),   # words added
])
def test_a_change_of_meaning_is_never_editorial(old, new):
    assert not is_editorial(old, new)


def test_companies_are_read_by_their_legal_form():
    from generator.diff.words import organisations

    assert organisations("In view of this, Qima Investment Ltd. (since 2024 a wholly owned subsidiary of "
                         "Harbourview Commerce Ltd.) and its affiliates") == {
        "Qima Investment Ltd", "Harbourview Commerce Ltd"}
    assert organisations("Amazon Web Services, Inc. and Tencent Cloud Computing (Beijing) Co., Ltd. host it") == {
        "Amazon Web Services, Inc", "Tencent Cloud Computing (Beijing) Co., Ltd"}
    assert organisations("our affiliated companies and service providers") == set()


@pytest.mark.parametrize("text,who", [
    ("please contact Allvalue customer service by phone or ask online customer service for assistance",
     {"allvalue customer service", "online customer service"}),
    ("if you are a customer of a merchant, please contact that merchant, which controls your information",
     {"that merchant"}),
    ("please write to our Data Protection Officer at dpo@example.com.", {"data protection officer"}),
    ("Send your request to the merchant whose store you used.", {"merchant whose store you used"}),
    ("you can ask us to explain", set()),  # "us" names no one new
    ("We will contact you within 15 days.", set()),  # AllValue contacting you is no route for you
    ("our staff may contact you through your contact information (e-mail)", set()),  # nor is the noun
    ("just let AllValue customer service know and we will stop", {"allvalue customer service"}),
    ("you can also file a complaint through Allvalue customer service", {"allvalue customer service"}),
    ("If you don't want to be contacted this way, tell AllValue customer service.", {"allvalue customer service"}),
    ("you can get in touch with our privacy team by post", {"privacy team"}),
    ("customers should file their complaint with that merchant's customer service",
     {"that merchant's customer service"}),
    ("you can also seek a solution by filing a lawsuit in the court with jurisdiction where the defendant is located",
     {"court"}),
    ("you can bring a lawsuit before the people's court with jurisdiction over the place where you live",
     {"people's court"}),
    ("There is no one to contact.", set()),
    # a relative clause after the name ends it; "that" before a name is part of it
    ("by filing a lawsuit in the court that has jurisdiction where the defendant is located", {"court"}),
    ("please contact that merchant", {"that merchant"}),
    ("you can also lodge a complaint with the cyberspace administration or another authority",
     {"cyberspace administration"}),
])
def test_whom_a_clause_tells_you_to_contact(text, who):
    from generator.diff.wording import contacted

    assert contacted(text) == who


@pytest.mark.parametrize("old,new,added", [
    ("If these decisions affect you, you have the right to ask us to explain.",
     "Only if these decisions are made solely by automated means do you have the right to ask us to explain. "
     "We do not provide a method of appeal.", ("not", "only", "solely")),
    ("we will delete your personal information.", "we will delete your personal information only after 3 years.",
     ("after a period", "only")),
    ("You can't withdraw it.", "You can't withdraw it; we won't hold it.", ("not",)),  # "won't" reads as "not"
    ("You can withdraw it.", "You can withdraw it; we don't charge.", ()),  # a negated limit
    ("it may affect your access, and you cannot use some services.",  # "cannot" → "may not": no new limit
     "it will not affect your access, but some features may not be available.", ()),
    ("we do not charge fees in principle.",
     "we do not charge fees in principle, but a copy costs a handling fee of USD 15.", ("a fee",)),
    ("We will not charge, unless the law allows.", "Unless the law allows, we will not charge.", ()),  # moved
    ("You may object at any time.", "You may object at any time, free of charge.", ()),
    ("we will delete your personal information.",  # a delay before the right takes effect
     "we will delete your personal information after a cooling-off period of 180 days.", ("after a period",)),
    ("we will delete it within 15 days.", "we will delete it within 10 days.", ()),
    ("We respond within 15 days.", "We respond within 30 working days.", ("a longer time limit",)),
    ("we will also provide a method of appeal", "we may also provide a method of appeal",
     ("a promise weakened (will → may)",)),
    ("we may provide it and will tell you", "we will provide it and may tell you", ()),  # as many promises
    ("Cookies store your preferences.", "Cookies store your preferences and expire no later than 13 months.", ()),
    ("We will provide a copy upon request.", "We will provide a copy once every twelve months upon request.",
     ("at most so often",)),
    ("We will respond within 15 days.", "We aim to reply within 15 working days.",  # an effort, and 21 days
     ("a longer time limit", "a promise weakened (will → may)")),
    ("We respond within 15 days.", "We respond within 10 working days.", ()),  # 14 calendar days
    # a refusal softened is no promise weakened: "will not be able to respond" had no promise in it
    ("we will not be able to respond to your request:", "as laws allow, we may decline to respond to your request:",
     ()),
    # your consent as a condition of what we do is no limit on you
    ("we may store cookies on your device.", "we may store cookies on your device only after you have accepted them.",
     ()),
    # a promise made firmer and a carve-out added go both ways: no limiting word counted
    ("we will also try our best to notify the recipients.",
     "we will also notify each recipient, unless this proves impossible.", ()),
    ("we will also notify the recipients.", "we will also notify each recipient, unless this proves impossible.",
     ("unless",)),
    ("you need to obtain the guardian's consent.", "you should obtain the guardian's consent where it is practicable.",
     ("where practicable",)),
    # what we did, left to the reader: a step (and the firmer "will" gone: no promise weakened)
    ("we will also try our best to notify the recipients.", "you will need to contact the recipients yourself.",
     ("a step left to you",)),
    ("you need to provide proof.", "you will need to show us proof.", ()),  # as many steps
    ("if you feel the need to withdraw it, email us.", "if you feel you need to withdraw it, email us.", ()),  # a feeling
    ("such a request stops contact.",  # a choice that lapses
     "such a request stops contact for 90 days, after which our staff contact you again.", ("for a limited time",)),
    ("we will provide a method of appeal without infringing on trade secrets.",  # a proviso is a "without"
     "we will provide a way to appeal, provided this does not infringe trade secrets.", ()),
    ("we may charge a fee for repeated requests.",  # how often, counted in requests
     "we may charge a fee after your first two requests in any 12 months.", ("at most so often",)),
])
def test_limiting_words_added_are_counted(old, new, added):
    from generator.diff.wording import limiting_words_added

    assert limiting_words_added(old, new) == added


@pytest.mark.parametrize("old,new,named", [
    ("you provide your name and email.", "you provide your name, email and date of birth.", ("pd:DateOfBirth",)),
    ("you provide your name.", "you provide your name and your children's birthdays.", ("pd:DateOfBirth",)),
    ("you provide your name.", "you provide your name. We never ask for your date of birth.", ()),  # denied
    ("you provide your date of birth.", "your date of birth, which you provide.", ()),  # said as often
    # the longer name wins: a device fingerprint is device data, not a biometric one
    ("we store cookies.", "we store cookies and a device fingerprint.", ("pd:DeviceBased",)),
])
def test_data_named_more_often_reads_what_is_affirmed(old, new, named):
    from generator.diff.wording import data_named_more_often

    assert data_named_more_often(old, new) == named


@pytest.mark.parametrize("old,new,named", [
    ("processed by our servers in China.", "processed by our servers in China and Singapore.", ("SG",)),
    ("stored in the United States.", "stored in the US and Hong Kong SAR China.", ("HK",)),
    ("stored in China.", "stored in China. We never send data to Japan.", ()),  # denied
    ("stored in China.", "stored in china and singapore.", ()),  # names keep their capitals
])
def test_countries_named_more_often(old, new, named):
    from generator.diff.wording import countries_named_more_often

    assert countries_named_more_often(old, new) == named


@pytest.mark.parametrize("old,new,added", [
    ("If it involves children's personal information, get the consent of the child's guardian.",
     "If that person is a child, get the consent of the child's guardian.", ()),  # as many children named
    ("Children are under 14. If you are a minor, ask your parents.", "A child is anyone under 13.", ()),
    ("you provide your name.", "you provide your name and your children's names.", ("children's",)),
])
def test_children_named_more_often_in_all(old, new, added):
    from generator.diff.wording import CHILD_WORDS, words_added_in_all

    assert words_added_in_all(old, new, CHILD_WORDS) == added


def test_the_title_of_a_law_names_no_one():
    from generator.diff.wording import CHILD_WORDS, words_added_in_all

    assert words_added_in_all("Children are under 14.", "Children are under 13, as the United States Children's "
                              "Online Privacy Protection Act says.", CHILD_WORDS) == ()
    assert words_added_in_all("Children are under 14.", "Children and their children's data.", CHILD_WORDS) == (
        "children's",)


@pytest.mark.parametrize("old,new,ages", [
    ("the consent of the child's guardian", "if a child is under 10, the consent of the child's guardian", (10,)),
    ("individuals under the age of 14", "individuals under the age of 13", (13,)),
    ("aged 12 or younger", "aged 12 or younger, again", ()),  # as often
    ("anyone", "We never ask anyone under 10 for data.", ()),  # denied
])
def test_age_limits_said_in_words(old, new, ages):
    from generator.diff.wording import ages_added

    assert ages_added(old, new) == ages


def test_a_circumstance_said_in_words():
    from generator.diff.wording import circumstance_mentions

    statutory = "as required by administrative and judicial authorities in accordance with the law"
    assert circumstance_mentions("av:AuthorityRequest", statutory) == 1
    assert circumstance_mentions("av:AuthorityRequest", statutory + ", or at their request") == 2
    assert circumstance_mentions("dpv:LegalObligation", statutory) == 1
    assert circumstance_mentions("av:MergerOrAcquisition", statutory) == 0
    assert circumstance_mentions("dpv:Consent", "We never share it without your consent.") == 0  # denied


@pytest.mark.parametrize("text,public", [
    ("Your reviews are displayed publicly.", True),
    ("Anyone can view your reviews.", True),
    ("any visitor to the store sees them", True),
    ("In this statement, a child is anyone under 13.", False),  # named, not shown anything
    ("Anyone may ask us for a copy.", False),
])
def test_what_says_data_is_shown_publicly(text, public):
    from generator.diff.wording import PUBLICLY

    assert bool(PUBLICLY.search(text)) is public


def test_contact_details_include_a_postal_address():
    from generator.diff.wording import contact_details

    old = "You can also mail it to us. Our mailing address is: 1st Floor, Building 6, No. 698, Xixi Road, Hangzhou."
    new = old.replace("Building 6, No. 698, Xixi Road", "Building 3, No. 1888, Wenyi West Road")
    assert "1st floor, building 6, no. 698, xixi road, hangzhou" in contact_details(old)
    assert contact_details(old) != contact_details(new)
    assert contact_details(old) == contact_details(old.replace("mailing address is:", "mailing address is :"))
    # a full stop inside the address ends it only before a capitalised word
    assert "1. ordered block 6, hangzhou" in contact_details("Our Address is: 1. ordered Block 6, Hangzhou. Thanks again.")


def test_a_consent_lifted_and_a_fallback():
    from generator.diff.wording import consent_lifted, limiting_words_added, lists_exceptions

    assert consent_lifted("you need to obtain the consent of the guardians before publishing.",
                          "you don't need to obtain the consent of the guardians before publishing a review.")
    assert not consent_lifted("you need their consent.", "you need their consent, always.")
    assert limiting_words_added("You may request us to delete it:",
                                "we will delete it; if we do not, you may request us to delete it:") == ()
    assert not lists_exceptions("we will proactively delete it; if we do not, you may request us to delete it:")
    assert lists_exceptions("In the following cases we will not be able to respond to your request:")


def test_a_use_named_again_is_no_new_use():
    from generator.diff.wording import USE_WORDS, words_new

    assert words_new("Please obtain consent again if you need to send marketing email.",
                     "Before you send marketing email, obtain their consent to marketing separately.", USE_WORDS) == ()
    assert words_new("We use it for marketing.", "We use it for marketing and to train AI models.", USE_WORDS) == (
        "ai", "models", "train")


def test_allvalue_said_to_decide_for_itself():
    from generator.diff.wording import CONTROLLER_SAID, OWN_USE

    assert CONTROLLER_SAID.search("and it is up to us to decide how to use your data in our system")
    assert not CONTROLLER_SAID.search("and it is up to the merchant to decide how to store your data")
    assert OWN_USE.search("segments that they license to their own clients")


def test_an_open_ended_purpose_is_a_phrase_added():
    from generator.diff.wording import OPEN_ENDED_USE, phrases_added

    assert phrases_added(OPEN_ENDED_USE, "We use it to show your orders.",
                         "We use it to show your orders and for our other business needs.") == ("other business needs",)
    assert phrases_added(OPEN_ENDED_USE, "for other purposes", "For other purposes.") == ()  # as often
    assert phrases_added(OPEN_ENDED_USE, "We use it.", "We never use it for any other purpose.") == ()  # denied


def test_affirmed_drops_what_a_sentence_denies():
    from generator.diff.wording import affirmed

    text = affirmed("We use the camera for login. We do not use it for biometric data; we don't sell it. Thanks.")
    assert "login" in text and "Thanks" in text
    assert "biometric" not in text and "sell" not in text
    # "cannot" is one word, and a denial as well: partners that cannot use data for advertising
    # name no use of it for advertising
    text = affirmed("Partners cannot use it for advertising. They deliver orders.")
    assert "advertising" not in text and "deliver" in text
    # a denial inside a relative clause ends with the clause: the sentence still tells you
    # whom to contact, and a denial outside one still runs to the end of its sentence
    text = affirmed("For information that you cannot view or correct, please contact customer service.")
    assert "view" not in text and "contact customer service" in text
    text = affirmed("We do not sell, rent or share it, and partners that do not ask, never see it.")
    assert "rent" not in text and "share" not in text


def test_the_documented_lists_hold_what_they_promise():
    # every loaded pair is two different real words, so neither can be a typo of the other
    for a, b in LOADED_PAIRS:
        assert a != b and is_english_word(a) and is_english_word(b), (a, b)
        assert is_loaded(a, b) and is_loaded(b, a) and not is_typo_fix(a, b) and not is_typo_fix(b, a)
    assert is_loaded("lawful", "unlawful") and is_loaded("disclosed", "nondisclosed")
    assert all(p == p.lower() for p in LOADED_PREFIXES)
    assert {"not", "may", "must", "all", "some", "fifteen", "days", "august"} <= PROTECTED
    assert is_variant_spelling("licence", "license") and not is_variant_spelling("form", "from")
    assert is_typo_fix("Statment", "Statement") and not is_typo_fix("Statement", "Statment")


# ----------------------------------------------------------------------------- properties
@lru_cache(maxsize=1)
def _base():
    from generator.source import load_version

    return load_version(NOTICES / POLICY / BASE, POLICY)


@lru_cache(maxsize=1)
def _clauses() -> tuple[tuple[str, str], ...]:
    """(id, text) of every clause and definition with prose."""
    return tuple((n.id, n.own("text")) for n in _base().nodes() if n.own("text"))


def _with_text(clause_id: str, text: str):
    """The base version with one clause's text replaced (validated again, as an edit in a PR is)."""
    from generator.model import Version

    data = copy.deepcopy(_base().model_dump(mode="json", exclude_none=True))

    def walk(node):
        if isinstance(node, dict):
            if node.get("id") == clause_id and "text" in node:
                node["text"] = text
                return True
            return any(walk(v) for v in node.values())
        if isinstance(node, list):
            return any(walk(v) for v in node)
        return False

    assert walk(data["statement"])
    data.update(status="draft", content_hash=None, version="draft")
    return Version.model_validate(data)


def _level(new) -> str:
    from generator.classify import classify
    from generator.diff import compare

    return classify(compare(_base(), new)).level


def _loaded_edits() -> list[tuple[str, str, str]]:
    """(clause id, word in it, its look-alike of another meaning) for every loaded pair and
    prefix that applies to a word of the real statement."""
    out = []
    for clause_id, text in _clauses():
        words = set(re.findall(r"[A-Za-z]+", text))
        for w in words:
            lw = w.lower()
            out += [(clause_id, w, b) for a, b in LOADED_PAIRS if a == lw]
            out += [(clause_id, w, a) for a, b in LOADED_PAIRS if b == lw]
            out += [(clause_id, w, p + lw) for p in ("un", "non", "dis") if is_english_word(p + lw)
                    and len(lw) > 3]
    return sorted(set(out))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_a_look_alike_of_another_meaning_is_never_none_or_editorial(data):
    edits = _loaded_edits()
    assert len(edits) > 100
    clause_id, word, other = data.draw(st.sampled_from(edits))
    text = dict(_clauses())[clause_id]
    spots = [m.start() for m in re.finditer(rf"\b{re.escape(word)}\b", text)]
    at = data.draw(st.sampled_from(spots))
    edited = text[:at] + other + text[at + len(word):]
    assert _level(_with_text(clause_id, edited)) not in ("none", "editorial"), (clause_id, word, other)


_SPACE = st.sampled_from(["  ", "\u00a0", " \n ", "\t", "   "])


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_whitespace_alone_is_no_change(data):
    clause_id, text = data.draw(st.sampled_from(_clauses()))
    spaces = [m.start() for m in re.finditer(" ", text)] or [len(text)]
    chosen = data.draw(st.lists(st.sampled_from(spaces), min_size=1, max_size=5, unique=True))
    edited = text
    for at in sorted(chosen, reverse=True):
        edited = edited[:at] + data.draw(_SPACE) + edited[at + 1:] if at < len(edited) else edited + "  "
    edited = data.draw(st.sampled_from(["", " ", "\n"])) + edited + data.draw(st.sampled_from(["", " ", "  "]))
    assert _level(_with_text(clause_id, edited)) == "none"


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                  HealthCheck.function_scoped_fixture])
@given(style=st.sampled_from([None, True, False]), indent=st.sampled_from([2, 4, 6]),
       width=st.sampled_from([40, 80, 4096]))
def test_yaml_layout_alone_is_no_change(tmp_path_factory, style, indent, width):
    """The same data written with another YAML layout (flow or block, indentation, line width)
    reads as the same statement: level `none`."""
    import shutil

    from generator.source import load_version
    from generator.source.yaml12 import read_fast

    src = NOTICES / POLICY / BASE
    out = tmp_path_factory.mktemp("layout") / BASE
    shutil.copytree(src, out)
    for name in ("statement.yaml", "version.yaml"):
        data = read_fast(src / name)  # the project's own (YAML 1.2) reading
        (out / name).write_text(yaml.safe_dump(data, default_flow_style=style, indent=indent, width=width,
                                               allow_unicode=True, sort_keys=False), encoding="utf-8")
    relaid = load_version(out, POLICY)
    assert relaid.compute_hash() == _base().compute_hash()
    assert _level(relaid) == "none"


def test_a_value_is_said_in_other_function_words():
    from generator.diff.wording import says_value

    value = "court with jurisdiction where the defendant is located"
    assert says_value(value, "in the court that has jurisdiction where the defendant is located.")
    assert says_value(value, "In the Court with  jurisdiction where the defendant is located")
    assert not says_value(value, "in the court where you live")
    assert not says_value("personal information protection department", "our Data Protection Officer")


@pytest.mark.parametrize("old,new,merchants_customers", [
    ("an email we send you", "an email we send you, or that a merchant sends its customers through AllValue", True),
    ("our staff may contact you", "our staff may contact you and, if you are a merchant, your customers", True),
    ("contact customer service", "contact our customer service or customer support team", False),  # not people
    ("an email we send you", "an email we send you (never one a merchant sends its customers)", False),  # denied
    ("a merchant's customers may ask", "the customers of a merchant may ask", False),  # as often
])
def test_merchants_customers_named_more_often(old, new, merchants_customers):
    from generator.diff.wording import audience_named_more_often

    assert audience_named_more_often(old, new) is merchants_customers


@pytest.mark.parametrize("text, ways", [
    ("You can determine whether these permissions are turned on or off by yourself.", 1),
    ("Once granted, these permissions cannot be turned off.", 0),  # one named, and denied
    ("You can turn off the switch or unsubscribe.", 2),
])
def test_ways_to_stop_something(text, ways):
    from generator.diff.wording import opt_outs

    assert opt_outs(text) == ways


def test_this_rounds_words_read_both_ways():
    """Each reading added from the thirty-fourth and thirty-fifth sets and the paraphrases, and
    the rewording that must not trigger it."""
    from generator.diff.wording import (OTHERS_ACT, RECIPIENT_NAMED, affirmed, channels_named_more_often,
                                        choice_overridden, consent_lifted, data_named_more_often, more_often,
                                        rights_promised)

    # data names in the plural; property information named in other words
    assert data_named_more_often("ID number, mobile phone number", "ID numbers, mobile phone numbers") == ()
    assert data_named_more_often("the payment progress", "the payment progress and your available credit limit") \
        == ("av:PropertyInformation",)
    # a guardian's consent no longer asked, the sentence dropped; still asked in other words
    old = "Please do so. If it involves children's information, you need to obtain the consent of their guardians."
    assert consent_lifted(old, "Please do so.")
    assert not consent_lifted("with the express consent of parents or guardians",
                              "where parents or guardians expressly consent")
    # other merchants than yours; someone acting for us; a choice still followed
    assert more_often(OTHERS_ACT, "SMS for the merchant", "SMS for the merchant, and for other AllValue merchants")
    assert not more_often(OTHERS_ACT, "SMS for the merchant", "SMS on the merchant's behalf")
    assert more_often(RECIPIENT_NAMED, affirmed("our staff may contact you"),
                      affirmed("our staff, or marketing agencies acting on our behalf, may contact you"))
    assert not choice_overridden("We will respect the choice you make.", "We will not disregard the choice you make.")
    assert choice_overridden("We will respect the choice you make.", "The choice you make does not apply to it.")
    # Section VIII ¶2's promise in either order; the letter channel in other words
    assert rights_promised("Without your express consent, we will not limit your rights under it.") == 1
    assert channels_named_more_often("You can also mail your complaint to us.",
                                     "You can also send your complaint to us by post.") == ()
