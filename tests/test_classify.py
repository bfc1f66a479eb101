"""The Section VIII classifier: every rule triggered once and missed once, decisions, the registry."""
from __future__ import annotations

from generator.report import finding_text
import pytest

from tests.diff_helpers import ROOT, classify_pair, edited, example

BASE = "2023-08-25"


def base():
    return example(BASE)


def rule_hits(report, rule_id):
    return [f for f in report.findings if f.rule == rule_id]


def new_clause(ident, text, *facts):
    return {"id": ident, "text": text, "facts": list(facts)}


def _name_sdk_provider(t, name: str, **more) -> None:
    """Give the security SDK's provider (a recipient fact without a name) a name."""
    [provider] = [f for f in t.find("collect.security.data")["facts"] if f.get("code") == "av:SdkProvider"]
    provider.update(name=name, **more)


# --------------------------------------------------------------------------- triggers
# (rule id, edit of the base version, expected level of the diff, words in the finding)
TRIGGERS = {
    "right-removed": (lambda t: t.drop_fact("rights.copy.request", code="av:RightToCopy"),
                      "consent", "right removed: right to a copy"),
    "right-narrowed": (lambda t: t.find("rights.consent.withdraw")["facts"].__setitem__(
        0, {"kind": "right", "code": "av:RightToWithdrawConsent", "channels": ["av:InProduct"]}),
        "consent", "no longer through customer service"),
    "sensitive-data-added": (lambda t: t.add_fact("collect.optional.camera", kind="data", code="av:HealthData",
                                                  sensitive=True), "consent", "health data (sensitive)"),
    "purpose-for-collected-data": (lambda t: t.add_fact("collect.display.service-log", kind="purpose",
                                                        code="dpv:ResearchAndDevelopment"),
                                   "consent", "for data already collected: service log"),
    "data-to-new-controller": (lambda t: t.add_fact("share.partners.suppliers", kind="recipient",
                                                    code="av:DataBroker", via="share"),
                               "consent", "recipient added: data brokers"),
    "purpose-changed": (lambda t: t.drop_fact("collect.rules.internal-use", code="av:InternalReporting"),
                        "material", "purpose removed: internal policies and reports"),
    "data-category-changed": (lambda t: t.drop_fact("collect.account.special-benefits.data", code="av:WeChatID"),
                              "material", "personal data removed: WeChat ID"),
    "processing-changed": (lambda t: t.add_fact("collect.rules.internal-use", kind="processing",
                                                code="av:ModelTraining"),
                           "material", "use of data added: training machine-learning models"),
    "promise-not-to-process-added": (lambda t: t.add_fact("share.transfer.ccpa", kind="processing",
                                                          code="av:NoSharingForCrossContextAdvertising"),
                                     "review", "no sharing for cross-context behavioural advertising"),
    "data-sold": (lambda t: t.add_fact("share.transfer.ccpa", kind="processing", code="av:SaleOfPersonalData"),
                  "consent", "sale of personal information (CCPA)"),
    # the statutory clause already says "as required by ... authorities in accordance with the law"
    "circumstance-recorded": (lambda t: t.find("share.statutory")["facts"][0].update(
        circumstances=["dpv:LegalObligation", "av:AuthorityRequest"]), "review", "at the request of a competent authority"),
    "controller-changed": (lambda t: t.find("def.party")["facts"][0].update(address="1 Example Road, Hong Kong"),
                           "material", "controller changed"),
    "recipients-changed": (lambda t: t.add_fact("share.partners.suppliers", kind="recipient",
                                                code="av:CloudHostingProvider", via="share"),
                           "material", "recipient added: cloud hosting providers"),
    "transfer-destination-changed": (lambda t: t.add_fact("transfer.global", kind="transfer", destination="US"),
                                     "material", "cross-border destination added: the United States"),
    "rights-changed": (lambda t: t.find("rights.delete.intro")["facts"].__setitem__(
        0, {"kind": "right", "code": "av:RightToErasure", "channels": ["av:Email"]}),
        "material", "right to deletion: now also by email"),
    "contacts-changed": (lambda t: t.add_fact("contact.department", kind="contact", channel="phone",
                                              value="+852 0000 0000"),
                         "material", "contact added: telephone number +852 0000 0000"),
    "unlisted-fact-changed": (lambda t: t.find("protect.retention.period")["facts"][1].update(min_years=5),
                              "review", "retention changed"),
    "prose-substantive": (lambda t: t.find("update.may-change").update(
        text="Our Privacy Statement may change at any time without notice."), "review", "text reworded"),
    # (introducing a misspelling is no typo fix: a word turned into a non-word is substantive)
    "wording-editorial": (lambda t: t.find("update.may-change").update(
        text="Our privacy statement is subject to change;"), "editorial", "typo or punctuation fixed"),
    "clause-reordered": (lambda t: t.insert_after("update.posting", t.remove("update.may-change")),
                         "editorial", "reordered within update"),
    "moved-to-another-parent": (lambda t: t.insert_after("share.exceptions.law", t.remove("share.statutory")),
                                "review", "moved from share.sharing.intro to share.exceptions.intro"),
    "moved-into-new-context": (lambda t: t.find("share.affiliates").setdefault("items", []).append(
        t.remove("share.active-choice.purchase")), "material",
        "moved from share.active-choice.intro to share.affiliates, where it reads differently"),
    "children-data-collected": (lambda t: t.find("children.age")["facts"][0].update(collected=True),
                                "consent", "their data collected (sensitive)"),
    "children-protection-lowered": (lambda t: t.find("children.age")["facts"][0].update(max_age=13),
                                    "material", "under 14, with parental consent → under 13, with parental consent"),
    "children-protection-raised": (lambda t: t.find("children.age")["facts"][0].update(max_age=16),
                                   "review", "→ under 16, with parental consent (in your favour)"),
    "sharing-circumstance-changed": (lambda t: t.find("share.affiliates")["facts"].__setitem__(
        1, {"kind": "legal-basis", "code": "dpv:LegalObligation"}), "material", "legal basis added: legal obligation"),
    "renumbered-only": (lambda t: t.remove("update.material.service-model"),
                        "review", "renumbered 2 → 1"),
    "right-ground-removed": (lambda t: t.remove("rights.delete.account-closed"), "consent",
                             "removed from the cases of rights.delete.intro, which gives a right"),
    "requests-no-longer-free": (lambda t: t.drop_fact("rights.respond.fees", kind="fee"), "consent",
                                "requests are free of charge in principle"),
    "transfer-safeguards-changed": (lambda t: t.find("transfer.global")["facts"][0].update(
        safeguards=["dpv:StandardContractualClauses"]), "review", "(in your favour)"),
    "children-clause-reworded": (lambda t: t.find("children.use").update(text=t.find("children.use")["text"].replace(
        "we will try to delete the relevant data as soon as possible", "we will keep the data for 30 days")),
        "material", "text reworded"),
    "shared-without-a-pipl-basis": (lambda t: t.find("share.explicit-consent")["facts"][1].update(
        circumstances=["dpv:LegitimateInterest"]), "consent", "legitimate interests"),
    "numbered-list-reordered": (lambda t: t.insert_after("collect.optional.system-settings",
                                                         t.remove("collect.optional.camera")),
                                "review", "whose items collect.optional.permissions"),
    "company-named-with-controller": (lambda t: t.find("reminder.trust").update(
        text=t.find("reminder.trust")["text"].replace(
            "Qima Investment Ltd.", "Qima Investment Ltd. (a subsidiary of Example Holdings Ltd.)")),
        "material", "a company named beside the controller, or no longer: Example Holdings Ltd"),
    # deletion after cancellation now waits three years: a retention fact (review) and, in the
    # words, a limit on the right (consent), judged although a fact rule judged the clause
    "right-limited-in-words": (lambda t: (t.find("rights.cancel.effect").update(
        text=t.find("rights.cancel.effect")["text"].replace(
            "we will delete your personal information.",
            "we will delete your personal information only after 3 years.")),
        t.add_fact("rights.cancel.effect", kind="retention", code="av:FixedPeriod", min_years=3)),
        "consent", "words that limit a right added (after a period, only)"),
    "contact-route-changed": (lambda t: t.find("rights.access.customer-service").update(
        text=t.find("rights.access.customer-service")["text"].replace(
            "contact Allvalue customer service", "contact the merchant whose store you used")),
        "material", "whom you are told to contact: allvalue customer service → merchant whose store you used"),
    # an exception to consent dropped: consent is asked again (item 4, in the user's favour)
    "exception-to-consent-changed": (lambda t: t.remove("collect.exceptions.research"), "material",
                                     "(in your favour)"),
    "children-named-in-collection": (lambda t: t.find("collect.account.user-registration.data").update(
        text=t.find("collect.account.user-registration.data")["text"].replace(
            "email address, name, and password", "email address, name, password and your children's birthdays")),
        "consent", "children named where data is collected (children's)"),
    "new-use-named": (lambda t: t.find("collect.rules.internal-use").update(
        text=t.find("collect.rules.internal-use")["text"].replace("troubleshooting,", "troubleshooting, training AI models,")),
        "consent", "a new way of using data named (ai, models, training)"),
    "public-disclosure-named": (lambda t: t.find("collect.account.display.data").update(
        text=t.find("collect.account.display.data")["text"] + " Your reviews will be displayed publicly."),
        "consent", "data said to be shown publicly"),
    "personal-data-no-longer-denied": (lambda t: t.find("collect.optional.system-logs").update(
        text=t.find("collect.optional.system-logs")["text"].replace(
            "does not involve your personal information", "includes your device identifiers")),
        "material", "no longer said to hold no personal information"),
    "circumstance-named": (lambda t: t.find("share.transfer.merger").update(
        text=t.find("share.transfer.merger")["text"].replace(
            "of a service provider,", "of a service provider, a sale of the business,")),
        "material", "a circumstance of sharing named (sale)"),
    "sensitive-data-named": (lambda t: t.find("collect.account.merchant-registration.data").update(
        text=t.find("collect.account.merchant-registration.data")["text"].replace(
            "phone number,", "phone number, bank account number,")),
        "consent", "data named that no fact states (bank account number)"),
    "data-named-in-words": (lambda t: t.find("collect.account.merchant-registration.data").update(
        text=t.find("collect.account.merchant-registration.data")["text"].replace(
            "phone number,", "phone number, date of birth,")),
        "material", "data named that no fact states (date of birth)"),
    "right-deadline-shortened": (lambda t: t.find("rights.respond.time").update(
        text=t.find("rights.respond.time")["text"].replace("15", "10")),
        "material", "time limit 15 → 10 days"),
    "consent-no-longer-said": (lambda t: t.find("share.affiliates").update(
        text=t.find("share.affiliates")["text"].replace("with your consent, Your", "your")),
        "material", "your consent no longer said to be asked"),
    "recipient-named-in-words": (lambda t: t.find("cookies.beacons.use").update(
        text=t.find("cookies.beacons.use")["text"] + " We share these records with our advertising partners."),
        "material", "data said to be shared with someone no fact names"),
    "another-handler-in-words": (lambda t: t.find("collect.contact.email").update(
        text=t.find("collect.contact.email")["text"].replace("our staff may contact you", "we and our partners may contact you")),
        "consent", "others said to use your data, or contact you, themselves"),
    "right-named-in-words": (lambda t: t.find("rights.copy.request").update(
        text=t.find("rights.copy.request")["text"] + " You can also export it as a machine-readable file."),
        "material", "a right named that no fact states (right to data portability)"),
    "right-ground-narrowed": (lambda t: t.find("rights.delete.account-closed").update(text="If you cancel your account;"),
                              "consent", "fewer situations in a case of rights.delete.intro, which gives a right"),
    "children-age-lowered-in-words": (lambda t: t.find("collect.rules.others-data").update(
        text=t.find("collect.rules.others-data")["text"].replace(
            "children's personal information", "the personal information of a child under 10")),
        "material", "an age below the age for children (14) named (10)"),
    "children-protection-weakened-in-words": (lambda t: t.find("collect.rules.others-data").update(
        text=t.find("collect.rules.others-data")["text"].replace("before publishing.",
                                                                 "before publishing, where it is practicable to do so.")),
        "material", "a duty that protects children weakened (where practicable)"),
    "right-ground-added": (lambda t: t.insert_after("rights.delete.service-stopped", {
        "id": "rights.delete.store-closed", "text": "If the merchant whose store you used has closed it."}),
        "material", "added to the cases of rights.delete.intro, which gives a right"),
    "right-exception-added": (lambda t: t.insert_after("rights.respond.limits.trade-secrets", {
        "id": "rights.respond.limits.bad-faith", "text": "Requests made in bad faith."}),
        "consent", "added to the cases in which rights.respond.limits refuses a right"),
    "sharing-list-opened": (lambda t: t.find("share.transfer.intro").update(
        text="We may transfer your personal information to companies, organizations and individuals, including "
             "in the following cases:"), "consent", "the cases in which data is provided to others no longer closed"),
    "contact-details-reworded": (lambda t: t.find("contact.department").update(
        text=t.find("contact.department")["text"].replace("legal@allvalue.com", "privacy@allvalue.com")),
        "material", "contact details: legal@allvalue.com → privacy@allvalue.com"),
    "destination-named-in-words": (lambda t: t.find("transfer.global").update(
        text=t.find("transfer.global")["text"].replace("our servers in China", "our servers in China and Singapore")),
        "material", "a country named that no transfer fact states (SG)"),
    "use-no-longer-named": (lambda t: t.find("collect.display.personalisation").update(
        text=t.find("collect.display.personalisation")["text"].replace(
            "and possible commercial advertisements.", "only; we never use them for commercial advertisements.")),
        "material", "a way of using data no longer named, or now denied (advertisements)"),
    "clauses-joined-or-split": (lambda t: (t.find("rights.cancel.how").update(
        text=t.find("rights.cancel.how")["text"] + " " + t.find("rights.cancel.effect")["text"]),
        t.remove("rights.cancel.effect")), "editorial", "joined with, or split from, rights.cancel.effect"),
    "moved-into-transfers": (lambda t: t.insert_after("share.transfer.merger", t.remove("share.partners.suppliers")),
                             "consent", "moved into share.transfer.intro"),
    "channel-named-in-words": (lambda t: t.find("rights.access.customer-service").update(
        text=t.find("rights.access.customer-service")["text"] + " You can also send your request by email."),
        "material", "a way to exercise a right named that no fact states (by email)"),
    "sharing-list-unclosed": (lambda t: t.find("share.disclosure.intro").update(
        text=t.find("share.disclosure.intro")["text"].replace("We will only publicly disclose",
                                                              "We will publicly disclose")),
        "material", "no longer said to be the only ones"),
    "promise-waived-by-us": (lambda t: t.find("share.partners.intro").update(
        text=t.find("share.partners.intro")["text"].replace("for any other purpose.",
                                                            "for any other purpose without our approval.")),
        "consent", "a promise not to use or pass on data now gives way"),
    "another-handler-named": (lambda t: t.find("share.partners.suppliers").update(
        text=t.find("share.partners.suppliers")["text"].replace(
            "Suppliers, service providers and other", "Suppliers, service providers, data brokers and other")),
        "consent", "a handler in its own right named among the recipients (data brokers)"),
    "opt-out-narrowed-in-words": (lambda t: t.find("collect.display.personalisation").update(
        text=t.find("collect.display.personalisation")["text"].replace(
            "after which we will no longer provide you with the aforementioned personalized services.",
            "after which we will no longer personalize what you see; push information will continue to be "
            "based on your preference features.")),
        "consent", "a way to stop something now said to leave part of it going on"),
    "opt-out-added-in-words": (lambda t: t.find("cookies.beacons.use").update(
        text=t.find("cookies.beacons.use")["text"].replace(
            "unsubscribe from our mailing list at any time.",
            "unsubscribe from our mailing list at any time, or turn off email tracking in your settings.")),
        "material", "more ways to stop something given"),
    "rights-promise-withdrawn": (lambda t: t.find("update.posting").update(
        text=t.find("update.posting")["text"].replace(
            "We will not limit your rights under this Privacy Statement without your express consent.",
            "We may limit your rights under this Privacy Statement where we notify you in advance.")),
        "consent", "the promise not to limit your rights without your express consent made less often"),
    "controller-details-reworded": (lambda t: t.find("def.party").update(
        text=t.find("def.party")["text"].replace("the laws of Hong Kong, China", "the laws of Singapore")),
        "material", "the controller's details no longer said, or another country named ("),
    "controller-role-in-words": (lambda t: t.find("collect.account.processor").update(
        text=t.find("collect.account.processor")["text"] + " We also use your order data for our own purposes."),
        "consent", "AllValue said to act as a controller, or for its own purposes"),
    "definition-narrowed-in-words": (lambda t: t.find("def.personal-information").update(
        text=t.find("def.personal-information")["text"] + " Device identifiers are not personal information."),
        "consent", "a definition limited (not)"),
    # a category no longer defined as sensitive (Part 1 Definition 5): its protections withdrawn
    "sensitive-definition-narrowed": (lambda t: (t.find("def.sensitive-personal-information").update(
        text=t.find("def.sensitive-personal-information")["text"].replace("mobile phone number, ", "")),
        t.drop_fact("def.sensitive-personal-information", code="pd:TelephoneNumber")),
        "consent", "no longer defined as sensitive (phone number)"),
    # one more category defined as sensitive, nothing collected: in your favour, a person confirms
    "sensitive-definition-widened": (lambda t: (t.find("def.sensitive-personal-information").update(
        text=t.find("def.sensitive-personal-information")["text"].replace(
            "bank account number,", "bank account number, health information,")),
        t.add_fact("def.sensitive-personal-information", kind="data", code="pd:MedicalHealth", sensitive=True)),
        "review", "now defined as sensitive (medical or health condition)"),
    "recipient-definition-widened": (lambda t: t.find("def.affiliates").update(
        text=t.find("def.affiliates")["text"].replace(
            "affiliates of Qima Investment Ltd.",
            "affiliates of Qima Investment Ltd. and any company in which it holds an interest of 20% or more")),
        "material", "a kind of recipient defined more widely: Affiliates"),
    "moved-under-no-consent": (lambda t: t.insert_after("share.exceptions.public-sources",
                                                        t.remove("share.other.business-practice")),
                               "material", "moved where your consent is not said to be asked "
                                           "(share.exceptions.intro)"),
    # deletion after cancellation no longer waits for a request: in your favour (item 4)
    "right-made-easier-in-words": (lambda t: t.find("rights.cancel.effect").update(
        text=t.find("rights.cancel.effect")["text"].replace(
            "information.", "information; you do not need to make a separate request for this.")),
        "material", "a step you no longer need to take"),
    # backups kept after deletion put to a use (Art. 14)
    "further-use-allowed-in-words": (lambda t: t.find("rights.delete.backups").update(
        text=t.find("rights.delete.backups")["text"].replace(
            "isolate it from any further processing", "may use it to test our systems")),
        "consent", "data kept is no longer kept from further use"),
    # the SDK provider already listed is named: the same recipient, you are told more
    "recipient-named": (lambda t: _name_sdk_provider(t, "Shieldpoint Security Co., Ltd."),
                        "review", "Shieldpoint Security Co., Ltd."),
    # pixel tracking extended to the e-mails merchants send their customers (item 1)
    "audience-named-in-words": (lambda t: t.find("cookies.beacons.use").update(
        text=t.find("cookies.beacons.use")["text"].replace(
            "an email we send you", "an email we send you, or that a merchant sends its customers through AllValue,")),
        "material", "now said to concern merchants' customers too"),
    # the statement no longer says that data is required for the service (GDPR Art. 13(2)(e))
    "compliance-regression": (lambda t: t.drop_fact("collect.overview.basic", kind="provision"), "review",
                              "compliance regression: Whether data must be provided, and what follows if it "
                              "is not (GDPR Art. 13(2)(e)) is now partly met; lacking: whether data is required"),
}


@pytest.mark.parametrize("rule_id", sorted(TRIGGERS))
def test_rule_triggers(rule_id):
    edit, level, words = TRIGGERS[rule_id]
    report = classify_pair(base(), edited(base(), edit))
    hits = rule_hits(report, rule_id)
    assert hits, [(f.rule, finding_text(f)) for f in report.findings]
    assert any(words in finding_text(f) for f in hits), [finding_text(f) for f in hits]
    assert report.level == level


def test_every_registered_rule_has_a_trigger_and_a_near_miss():
    from generator.classify import default_registry

    ids = {r.id for r in default_registry()}
    assert ids == set(TRIGGERS) | {"impact-assessment-high", "updated-on-note"}
    assert ids == set(NEAR_MISSES) | {"impact-assessment-high", "updated-on-note"}


def _redate(t, text: str) -> None:
    t.find("closing").update(text=text)


def test_updated_on_note_with_the_new_date_is_editorial():
    import datetime as dt

    new = edited(base(), lambda t: _redate(t, "Note: The version of this Privacy Statement was updated on "
                                              "March 5,2024."), updated_on=dt.date(2024, 3, 5))
    report = classify_pair(base(), new)
    [hit] = rule_hits(report, "updated-on-note")
    assert finding_text(hit) == "date of the 'updated on' note: 2023-08-25 → 2024-03-05"
    assert report.level == "editorial"


def test_updated_on_note_with_another_date_is_not_the_date_rule():
    import datetime as dt

    new = edited(base(), lambda t: _redate(t, "Note: The version of this Privacy Statement was updated on "
                                              "March 6,2024."), updated_on=dt.date(2024, 3, 5))
    report = classify_pair(base(), new)
    assert not rule_hits(report, "updated-on-note")
    assert rule_hits(report, "prose-substantive") and report.level == "review"


def test_impact_assessment_high_and_its_near_miss():
    import datetime as dt

    ia = {"risk": "high", "date": dt.date(2024, 4, 1), "summary": "new data centre"}
    report = classify_pair(base(), edited(base(), impact_assessment=ia))
    assert [f.rule for f in report.findings] == ["impact-assessment-high"]
    assert report.level == "material" and report.findings[0].clause is None
    medium = classify_pair(base(), edited(base(), impact_assessment={**ia, "risk": "medium"}))
    assert medium.level == "none" and not medium.findings
    # the same high-risk assessment on both sides is no change
    old = edited(base(), impact_assessment=ia)
    assert classify_pair(old, edited(base(), impact_assessment=ia)).level == "none"


# --------------------------------------------------------------------------- near misses
def _add_channel(t, clause: str, channel: str) -> None:
    fact = t.find(clause)["facts"][0]
    fact["channels"] = [*fact["channels"], channel]


def _same_email_in_new_clause(t):
    t.insert_after("contact.complaint", new_clause(
        "contact.privacy", "Privacy questions can also go to legal@allvalue.com.",
        {"kind": "contact", "channel": "email", "value": "legal@allvalue.com"}))


# (rule id that must NOT fire, edit, rule id that decides instead or None, level)
NEAR_MISSES = {
    # a right no requirement asks for removed: consent (VIII ¶2), no requirement lowered
    "compliance-regression": (lambda t: t.drop_fact("rights.copy.request", code="av:RightToCopy"),
                              "right-removed", "consent"),
    # a right given through one more channel: rights-changed (material), not a removal
    "right-removed": (lambda t: _add_channel(t, "rights.copy.request", "av:Phone"), "rights-changed", "material"),
    # the same channels listed in another order: no change at all
    "right-narrowed": (lambda t: t.find("rights.consent.withdraw")["facts"][0].update(
        channels=["av:CustomerService", "av:InProduct"]), None, "none"),
    # a category that is not sensitive added to a clause: material (VIII item 1), not consent
    "sensitive-data-added": (lambda t: t.add_fact("collect.optional.camera", kind="data", code="pd:EmailAddress"),
                             "data-category-changed", "material"),
    "children-data-collected": (lambda t: t.find("children.age")["facts"][0].update(max_age=16),
                                "children-protection-raised", "review"),
    "purpose-for-collected-data": (lambda t: t.insert_after("collect.rules.internal-use", new_clause(
        "collect.rules.research", "We do research.", {"kind": "purpose", "code": "dpv:ResearchAndDevelopment"})),
        "purpose-changed", "material"),
    "data-to-new-controller": (lambda t: t.add_fact("share.partners.suppliers", kind="recipient",
                                                    code="av:CloudHostingProvider", via="share"),
                               "recipients-changed", "material"),
    # a clause stating purposes, reordered within its list: its purposes did not change
    "purpose-changed": (lambda t: t.insert_after("collect.rules.desensitise", t.remove("collect.rules.internal-use")),
                        "clause-reordered", "editorial"),
    "data-category-changed": (lambda t: t.find("collect.optional.camera").update(
        text=t.find("collect.optional.camera")["text"] + " We will never use it for anything else."),
        "prose-substantive", "review"),
    "processing-changed": (lambda t: t.find("share.transfer.ccpa").update(
        text=t.find("share.transfer.ccpa")["text"].replace("California", "Nevada")),
        "prose-substantive", "review"),
    # a promise not to share added (a prohibition, not a sale): in your favour, a person confirms
    "data-sold": (lambda t: t.add_fact("share.transfer.ccpa", kind="processing",
                                       code="av:NoSharingForCrossContextAdvertising"),
                  "promise-not-to-process-added", "review"),
    # the promise not to sell dropped: a way of using data no longer ruled out, material and against you
    "promise-not-to-process-added": (lambda t: t.drop_fact("share.transfer.ccpa", code="av:NoSaleOfPersonalData"),
                                     "processing-changed", "material"),
    "controller-changed": (lambda t: t.find("def.party").update(
        text=t.find("def.party")["text"].replace("is a company established", "is a limited company established")),
        "prose-substantive", "review"),
    # a recipient's clause reordered within its list: the recipient did not change
    "recipients-changed": (lambda t: t.insert_after("share.partners.suppliers", t.remove("share.partners.merchants")),
                           "clause-reordered", "editorial"),
    "sharing-circumstance-changed": (lambda t: t.add_fact("collect.rules.internal-use", kind="legal-basis",
                                                          code="dpv:Consent"), "unlisted-fact-changed", "review"),
    "transfer-destination-changed": (lambda t: t.find("transfer.global").update(
        text=t.find("transfer.global")["text"].replace("may be", "may  be")), None, "none"),
    "rights-changed": (lambda t: t.drop_fact("rights.copy.request", code="av:RightToCopy"), "right-removed", "consent"),
    "contacts-changed": (_same_email_in_new_clause, "prose-substantive", "review"),
    "children-protection-lowered": (lambda t: t.find("children.age")["facts"][0].update(max_age=16),
                                    "children-protection-raised", "review"),
    "children-protection-raised": (lambda t: t.find("children.age")["facts"][0].update(parental_consent=False),
                                   "children-protection-lowered", "material"),
    "unlisted-fact-changed": (lambda t: t.add_fact("share.affiliates", kind="legal-basis",
                                                   code="dpv:LegalObligation"), "sharing-circumstance-changed", "material"),
    "prose-substantive": (lambda t: t.find("update.may-change").update(
        text="our privacy statement is subject to change!"), "wording-editorial", "editorial"),
    "wording-editorial": (lambda t: t.find("update.may-change").update(
        text="Our Privacy Statement is subject to review."), "prose-substantive", "review"),
    "clause-reordered": (lambda t: t.find("update.may-change").update(
        text="Our\u00a0Privacy  Statement is **subject** to _change_."), None, "none"),
    # moved under another parent whose facts are the same (none): review, not material
    "moved-into-new-context": (lambda t: t.insert_after("share.exceptions.law", t.remove("share.statutory")),
                               "moved-to-another-parent", "review"),
    "moved-to-another-parent": (lambda t: t.insert_after("update.posting", t.remove("update.may-change")),
                                "clause-reordered", "editorial"),
    "renumbered-only": (lambda t: t.insert_after("update.posting", t.remove("update.may-change")),
                        "clause-reordered", "editorial"),
    # a clause removed from a division that states no right: a person decides
    "right-ground-removed": (lambda t: t.remove("rights.delete.notify-recipients"), "prose-substantive", "review"),
    # still free of charge, said in another clause: the fee fact moved (a person decides)
    "requests-no-longer-free": (lambda t: (t.add_fact("rights.respond.time", kind="fee", code="av:FreeInPrinciple"),
                                           t.drop_fact("rights.respond.fees", kind="fee")),
                                "unlisted-fact-changed", "review"),
    # a typo fixed in the children's section: editorial, as anywhere
    "children-clause-reworded": (lambda t: t.find("children.use").update(text=t.find("children.use")["text"].replace(
        "as soon as possible.", "as soon as possible .")), "wording-editorial", "editorial"),
    # the destination itself changes (safeguards kept): Section VIII item 3, material
    "transfer-safeguards-changed": (lambda t: t.find("transfer.global")["facts"][0].update(destination="SG"),
                                    "transfer-destination-changed", "material"),
    # a circumstance the PIPL recognises (a legal obligation): item 3, material, not consent
    "shared-without-a-pipl-basis": (lambda t: t.find("share.explicit-consent")["facts"][1].update(
        circumstances=["dpv:LegalObligation"]), "recipients-changed", "material"),
    # reordered in a list nothing cites by number: editorial
    "numbered-list-reordered": (lambda t: t.insert_after("collect.exceptions.criminal",
                                                         t.remove("collect.exceptions.news")),
                                "clause-reordered", "editorial"),
    # "only" qualifies a recipient's new circumstance (consent given), a listed fact: its rule
    # decides (material, in the user's favour), not the words
    "right-limited-in-words": (lambda t: (t.find("collect.rules.marketing-sms").update(
        text=t.find("collect.rules.marketing-sms")["text"].replace(
            "through the SMS service provider.", "through the SMS service provider, but only if you agreed.")),
        t.find("collect.rules.marketing-sms")["facts"][1].update(circumstances=["dpv:Consent"])),
        "recipients-changed", "material"),
    # the same people to contact, reached another way: a person decides
    "contact-route-changed": (lambda t: t.find("rights.access.customer-service").update(
        text=t.find("rights.access.customer-service")["text"].replace("by phone", "by telephone")),
        "prose-substantive", "review"),
    # a legal basis added where the lead-in does not say consent is not needed: not listed
    "exception-to-consent-changed": (lambda t: t.add_fact("collect.rules.internal-use", kind="legal-basis",
                                                          code="dpv:LegalObligation"),
                                     "unlisted-fact-changed", "review"),
    # children named where no data is collected: a person decides
    "children-named-in-collection": (lambda t: t.find("update.may-change").update(
        text="Our Privacy Statement is subject to change, also where it concerns children."),
        "prose-substantive", "review"),
    # a use named where no purpose is stated: a person decides
    "new-use-named": (lambda t: t.find("update.may-change").update(
        text="Our Privacy Statement is subject to change, for example when we sell a product line."),
        "prose-substantive", "review"),
    # "publicly" where no data is collected or used: a person decides
    "public-disclosure-named": (lambda t: t.find("update.may-change").update(
        text="Our Privacy Statement is subject to change; every change is published publicly."),
        "prose-substantive", "review"),
    # a negation dropped that said nothing about holding personal data (case 007's edit)
    "personal-data-no-longer-denied": (lambda t: t.find("rights.consent.effect").update(
        text=t.find("rights.consent.effect")["text"].replace("will not affect the previous", "will affect the previous")),
        "prose-substantive", "review"),
    # a circumstance named where no recipient is stated: a person decides
    "circumstance-named": (lambda t: t.find("update.may-change").update(
        text="Our Privacy Statement is subject to change after a merger."), "prose-substantive", "review"),
    # a sensitive category named only to say it is not collected: a person decides
    "sensitive-data-named": (lambda t: t.find("collect.account.merchant-registration.data").update(
        text=t.find("collect.account.merchant-registration.data")["text"] + " We never ask for your bank account number."),
        "prose-substantive", "review"),
    # a category named where no data is collected: a person decides
    "data-named-in-words": (lambda t: t.find("update.may-change").update(
        text="Our Privacy Statement is subject to change, including how it treats your date of birth."),
        "prose-substantive", "review"),
    # the time limit made longer: a limit on the right (consent), not this rule
    "right-deadline-shortened": (lambda t: t.find("rights.respond.time").update(
        text=t.find("rights.respond.time")["text"].replace("15", "30")), "right-limited-in-words", "consent"),
    # consent still asked, in other words: a person decides
    "consent-no-longer-said": (lambda t: t.find("share.affiliates").update(
        text=t.find("share.affiliates")["text"].replace("with your consent, Your", "if you agree, with your consent, Your")),
        "prose-substantive", "review"),
    # a recipient named only to say data does not go there: a person decides
    "recipient-named-in-words": (lambda t: t.find("cookies.beacons.use").update(
        text=t.find("cookies.beacons.use")["text"] + " We do not share these records with advertisers."),
        "prose-substantive", "review"),
    # a processor's work for us is no other handler: a person decides
    "another-handler-in-words": (lambda t: t.find("collect.contact.email").update(
        text=t.find("collect.contact.email")["text"].replace("our staff may contact you",
                                                             "our staff, helped by our service providers, may contact you")),
        "prose-substantive", "review"),
    # a right the clause already gives, named again in other words: a person decides
    "right-named-in-words": (lambda t: t.find("rights.delete.intro").update(
        text="You may request erasure of personal information in the following circumstances:"),
        "prose-substantive", "review"),
    # children named, and a protective negation added: no weakening read (a person decides)
    "children-protection-weakened-in-words": (lambda t: t.find("collect.rules.others-data").update(
        text=t.find("collect.rules.others-data")["text"].replace("before publishing.",
                                                                 "before publishing, and never without it.")),
        "prose-substantive", "review"),
    # a case added to the cases we will *not* respond to: a refusal added, not a ground (consent)
    "right-ground-added": (lambda t: t.insert_after("rights.respond.limits.trade-secrets", {
        "id": "rights.respond.limits.bad-faith", "text": "Requests made in bad faith."}),
        "right-exception-added", "consent"),
    # a case added to a list that gives no right and refuses none: a person decides
    "right-exception-added": (lambda t: t.insert_after("collect.optional.system-settings", {
        "id": "collect.optional.new-permission", "text": "Notification permission: to tell you when an order ships."}),
        "prose-substantive", "review"),
    # the only cases said in other words, still closed: a person decides
    "sharing-list-opened": (lambda t: t.find("share.transfer.intro").update(
        text="We transfer your personal information to companies, organizations and individuals only in the "
             "following cases:"), "prose-substantive", "review"),
    # an age above the children's (a minor under 18): no child loses protection; a person decides
    "children-age-lowered-in-words": (lambda t: t.find("collect.rules.others-data").update(
        text=t.find("collect.rules.others-data")["text"].replace(
            "children's personal information", "the personal information of a child or anyone under 18")),
        "prose-substantive", "review"),
    # the authority's request said in words too: a new circumstance (item 3), not one recorded
    "circumstance-recorded": (lambda t: (t.find("share.statutory")["facts"][0].update(
        circumstances=["av:AuthorityRequest"]), t.find("share.statutory").update(
        text=t.find("share.statutory")["text"].replace("in accordance with the law.",
                                                       "in accordance with the law, or at their request."))),
        "recipients-changed", "material"),
    # the same situations in other words (as many alternatives): a person decides
    "right-ground-narrowed": (lambda t: t.find("rights.delete.account-closed").update(
        text="If you stop using our products or services, or you choose to cancel your account;"),
        "prose-substantive", "review"),
    # the same phone number written with its country code: a person decides
    "contact-details-reworded": (lambda t: t.find("contact.department").update(
        text=t.find("contact.department")["text"].replace("(888) 9968926", "+1 (888) 996-8926")),
        "prose-substantive", "review"),
    # a clause removed, its words nowhere else: a person decides
    "clauses-joined-or-split": (lambda t: t.remove("rights.cancel.effect"), "prose-substantive", "review"),
    # recipients moved into another list of sharing (not of transfers), one that asks consent:
    # read there, a person decides
    "moved-into-transfers": (lambda t: t.insert_after("share.partners.suppliers",
                                                      t.remove("share.other.business-practice")),
                             None, "review"),
    # the channel named is the one the right's fact lists: a person decides
    "channel-named-in-words": (lambda t: t.find("rights.access.customer-service").update(
        text=t.find("rights.access.customer-service")["text"] + " Our customer service team will reply."),
        "prose-substantive", "review"),
    # the list still closed, in other words: a person decides
    "sharing-list-unclosed": (lambda t: t.find("share.disclosure.intro").update(
        text=t.find("share.disclosure.intro")["text"].replace("We will only publicly disclose",
                                                              "We shall only publicly disclose")),
        "prose-substantive", "review"),
    # the promise now gives way only with the reader's consent: a person decides
    "promise-waived-by-us": (lambda t: t.find("share.partners.intro").update(
        text=t.find("share.partners.intro")["text"].replace("for any other purpose.",
                                                            "for any other purpose without your consent.")),
        "prose-substantive", "review"),
    # a data broker named only to be denied: a person decides
    "another-handler-named": (lambda t: t.find("share.partners.suppliers").update(
        text=t.find("share.partners.suppliers")["text"].replace(
            "Suppliers, service providers and other", "Suppliers and service providers (never data brokers) and other")),
        "prose-substantive", "review"),
    # a name *and* a circumstance given: the recipient changed (item 3), not only named
    "recipient-named": (lambda t: _name_sdk_provider(t, "Shieldpoint", circumstances=["av:AuthorityRequest"]),
                        "recipients-changed", "material"),
    # merchants' customers named only to be denied: no use extended to them, a person decides
    "audience-named-in-words": (lambda t: t.find("cookies.beacons.use").update(
        text=t.find("cookies.beacons.use")["text"].replace(
            "an email we send you", "an email we send you (never one a merchant sends its customers)")),
        "prose-substantive", "review"),
    # the opt-out reworded, nothing said to go on: a person decides
    "opt-out-narrowed-in-words": (lambda t: t.find("collect.display.personalisation").update(
        text=t.find("collect.display.personalisation")["text"].replace(
            "after which we will no longer provide you with the aforementioned personalized services.",
            "after which we will stop providing you with the aforementioned personalized services.")),
        "prose-substantive", "review"),
    # a way to stop tracking named only to be denied: no more ways to stop it, a person decides
    "opt-out-added-in-words": (lambda t: t.find("cookies.beacons.use").update(
        text=t.find("cookies.beacons.use")["text"].replace(
            "unsubscribe from our mailing list at any time.",
            "unsubscribe from our mailing list at any time, but you cannot opt out of pixel tags.")),
        "prose-substantive", "review"),
    # the purpose still affirmed, in other words: a person decides
    "use-no-longer-named": (lambda t: t.find("collect.display.personalisation").update(
        text=t.find("collect.display.personalisation")["text"].replace(
            "possible commercial advertisements.", "possible advertisements.")),
        "prose-substantive", "review"),
    # the promise made in other words, as often: a person decides
    "rights-promise-withdrawn": (lambda t: t.find("update.posting").update(
        text=t.find("update.posting")["text"].replace(
            "We will not limit your rights under this Privacy Statement without your express consent.",
            "We will never limit any of your rights under this Privacy Statement without your explicit consent.")),
        "prose-substantive", "review"),
    # the Party's name, seat and address all still said: a person decides
    "controller-details-reworded": (lambda t: t.find("def.party").update(
        text=t.find("def.party")["text"].replace("the company is located at", "its registered office is at")),
        "prose-substantive", "review"),
    # the country named is the one the transfer fact states: a person decides
    "destination-named-in-words": (lambda t: t.find("transfer.global").update(
        text=t.find("transfer.global")["text"].replace("our servers in China", "our servers in mainland China")),
        "prose-substantive", "review"),
    # the merchant named as the controller, AllValue still its processor: a person decides
    "controller-role-in-words": (lambda t: t.find("collect.account.processor").update(
        text=t.find("collect.account.processor")["text"] + " The merchant is the controller; we never use your "
             "data for our own purposes."), "prose-substantive", "review"),
    # a definition reworded without a limit: a person decides
    "definition-narrowed-in-words": (lambda t: t.find("def.personal-information").update(
        text=t.find("def.personal-information")["text"].replace("various information", "any information")),
        "prose-substantive", "review"),
    # "locating information" → "location information": the same category, listed already
    "sensitive-definition-narrowed": (lambda t: t.find("def.sensitive-personal-information").update(
        text=t.find("def.sensitive-personal-information")["text"].replace(
            "locating information", "location information")), "prose-substantive", "review"),
    # two categories swap places in the list: none more, none fewer
    "sensitive-definition-widened": (lambda t: t.find("def.sensitive-personal-information").update(
        text=t.find("def.sensitive-personal-information")["text"].replace(
            "ID number, mobile phone number,", "mobile phone number, ID number,")), "prose-substantive", "review"),
    # only the link to the list of affiliates moves: who they are is not in the words
    "recipient-definition-widened": (lambda t: t.find("def.affiliates").update(
        text=t.find("def.affiliates")["text"].replace("https://www.chinayouzan.com/notice?type=0",
                                                      "https://www.allvalue.com/affiliates")),
        "prose-substantive", "review"),
    # a case moved out of the exceptions to consent, carrying no recipient: a person decides
    "moved-under-no-consent": (lambda t: t.insert_after("share.other.business-practice",
                                                        t.remove("share.exceptions.law")),
                               "moved-to-another-parent", "review"),
    # a separate request now said to be needed: a step left to you, not spared (a limit, ¶2)
    "right-made-easier-in-words": (lambda t: t.find("rights.cancel.effect").update(
        text=t.find("rights.cancel.effect")["text"].replace(
            "information.", "information; you need to make a separate request for this.")),
        "right-limited-in-words", "consent"),
    # the promise reworded, as often: no further use allowed
    "further-use-allowed-in-words": (lambda t: t.find("rights.delete.backups").update(
        text=t.find("rights.delete.backups")["text"].replace(
            "isolate it from any further processing", "isolate it from all other processing")),
        "prose-substantive", "review"),
    # the developer of the tool renamed where another term is defined: the Party is untouched,
    # a person decides
    "company-named-with-controller": (lambda t: t.find("def.allvalue").update(
        text=t.find("def.allvalue")["text"].replace("Qima Investment Ltd.", "AllValue Software Ltd.")),
        "prose-substantive", "review"),
}


@pytest.mark.parametrize("rule_id", sorted(NEAR_MISSES))
def test_rule_near_miss(rule_id):
    edit, instead, level = NEAR_MISSES[rule_id]
    report = classify_pair(base(), edited(base(), edit))
    assert not rule_hits(report, rule_id), [(f.rule, finding_text(f)) for f in report.findings]
    if instead:
        assert rule_hits(report, instead), [(f.rule, finding_text(f)) for f in report.findings]
    assert report.level == level, [(f.rule, f.level, finding_text(f)) for f in report.findings]


def test_a_list_field_of_a_fact_is_compared_as_a_set():
    """A transfer's safeguards (a list, like channels and circumstances) once crashed the
    fact merge: every list field is now unioned, and the same safeguards in another order
    are no change."""
    with_scc = edited(base(), lambda t: t.find("transfer.global")["facts"][0].update(
        safeguards=["dpv:StandardContractualClauses", "dpv:AdequacyDecision"]))
    reordered = edited(base(), lambda t: t.find("transfer.global")["facts"][0].update(
        safeguards=["dpv:AdequacyDecision", "dpv:StandardContractualClauses"]))
    assert classify_pair(with_scc, reordered).level == "none"
    report = classify_pair(with_scc, base())
    [hit] = rule_hits(report, "transfer-safeguards-changed")
    assert report.level == "review" and "standard contractual clauses" in finding_text(hit)
    assert hit.match.favourable is False


def test_sharing_on_legitimate_interests_as_a_basis_of_the_clause_needs_consent():
    """The basis PIPL Art. 13 does not list may be the clause's legal-basis fact rather than
    the recipient's circumstance; in a clause that states no recipient, it is not sharing."""
    sharing = classify_pair(base(), edited(base(), lambda t: t.add_fact(
        "share.explicit-consent", kind="legal-basis", code="dpv:LegitimateInterest")))
    assert rule_hits(sharing, "shared-without-a-pipl-basis") and sharing.level == "consent"
    using = classify_pair(base(), edited(base(), lambda t: t.add_fact(
        "collect.rules.internal-use", kind="legal-basis", code="dpv:LegitimateInterest")))
    assert not rule_hits(using, "shared-without-a-pipl-basis") and using.level != "consent"


@pytest.mark.parametrize("words, level", [
    (" whose members use it to assess fraud risk on their own services.", "consent"),  # a handler in its own right
    (" who help us assess fraud risk.", "material"),  # a processor's help: item 3
    (", whose members use it under their own privacy policies.", "consent"),  # their own rules: a handler
])
def test_a_recipient_said_to_use_data_for_its_own_purposes_is_another_handler(words, level):
    def edit(t):
        node = t.find("collect.security.data")
        node.update(text=node["text"] + " We also share your device information with a fraud consortium" + words)
        t.add_fact("collect.security.data", kind="recipient", code="av:BusinessPartner", via="share")

    report = classify_pair(base(), edited(base(), edit))
    assert report.level == level, [(f.rule, finding_text(f)) for f in report.findings]
    assert bool(rule_hits(report, "data-to-new-controller")) == (level == "consent")


def test_a_phone_number_written_another_way_is_not_a_new_contact():
    def edit(t):
        node = t.find("contact.department")
        node.update(text=node["text"].replace("(888) 9968926", "+1 (888) 996-8926"))
        [phone] = [f for f in node["facts"] if f.get("channel") == "phone"]
        phone.update(value="+1 (888) 996-8926")

    report = classify_pair(base(), edited(base(), edit))
    assert report.rules() == ["prose-substantive"] and report.level == "review"
    other = classify_pair(base(), edited(base(), lambda t: (edit(t), [f.update(value="+1 (888) 996-8927") for f in
                                                                      t.find("contact.department")["facts"]
                                                                      if f.get("channel") == "phone"])))
    assert "contacts-changed" in other.rules() and other.level == "material"


def test_a_recipient_beside_cross_context_advertising_is_another_handler():
    def edit(t):
        t.add_fact("share.transfer.ccpa", kind="processing", code="av:SharingForCrossContextAdvertising")
        t.add_fact("share.transfer.ccpa", kind="recipient", code="av:AdvertisingPartner", via="share")

    report = classify_pair(base(), edited(base(), edit))
    assert "data-to-new-controller" in report.rules() and report.level == "consent"


@pytest.mark.parametrize("shown, level", [
    ("your nickname, avatar and city of residence will be displayed publicly, together with your reviews", "consent"),
    ("your nickname and avatar will be shown publicly", "review"),  # the same shown, in other words
])
def test_more_of_what_is_shown_publicly_is_a_public_disclosure(shown, level):
    def edit(t):
        node = t.find("collect.account.special-benefits.data")
        node.update(text=node["text"].replace("your nickname and avatar will be displayed publicly", shown))

    report = classify_pair(base(), edited(base(), edit))
    assert report.level == level, [(f.rule, finding_text(f)) for f in report.findings]


def test_the_same_email_in_a_new_clause_is_not_a_new_contact():
    report = classify_pair(base(), edited(base(), _same_email_in_new_clause))
    assert not report.diff.fact_changes
    [finding] = report.findings
    assert (finding.clause, finding.rule, finding.level) == ("contact.privacy", "prose-substantive", "review")
    assert report.needs_review and report.notification == "notice"


def test_a_category_only_defined_as_sensitive_is_not_yet_collected():
    """Definition 5 names biometrics as sensitive; collecting them is still new (PIPL Art. 29)."""
    edit = lambda t: t.add_fact("collect.optional.camera", kind="data", code="pd:Biometric", sensitive=True)  # noqa: E731
    report = classify_pair(base(), edited(base(), edit))
    assert report.rules() == ["sensitive-data-added"] and report.level == "consent"
    # and editing the definition itself changes no collected data: more is protected, a person
    # confirms (in your favour)
    def define(t):
        t.add_fact("def.sensitive-personal-information", kind="data", code="av:HealthData", sensitive=True)
        node = t.find("def.sensitive-personal-information")
        node["text"] = node["text"].replace("transaction information,", "transaction information, health data,")

    widened = classify_pair(base(), edited(base(), define))
    assert widened.rules() == ["sensitive-definition-widened"] and widened.level == "review"
    assert widened.findings[0].match.favourable is True


def test_facts_decide_where_facts_changed():
    """A clause with a fact change gets no prose finding, however much its wording changed."""
    def edit(t):
        t.find("transfer.global").update(text="Everything is now processed in the United States.")
        t.add_fact("transfer.global", kind="transfer", destination="US")

    report = classify_pair(base(), edited(base(), edit))
    assert [f.rule for f in report.findings] == ["transfer-destination-changed"]


def test_a_change_made_and_undone_is_no_change():
    before, after = example("2024-11-11"), example("2025-01-20")
    assert classify_pair(before, example("2024-12-16")).level == "consent"
    report = classify_pair(before, after)
    assert report.level == "none" and report.notification == "none" and not report.findings


# --------------------------------------------------------------------------- the series
SERIES = [  # (old, new, level, rule ids of the findings above level none)
    ("2023-08-25", "2023-09-15", "editorial", {"wording-editorial"}),
    ("2023-09-15", "2023-10-02", "none", set()),
    ("2023-10-02", "2023-11-06", "review", {"moved-to-another-parent"}),
    ("2023-11-06", "2024-01-10", "material", {"purpose-changed"}),
    ("2024-01-10", "2024-02-20", "consent", {"sensitive-data-added", "purpose-changed"}),
    ("2024-02-20", "2024-03-18", "material", {"recipients-changed"}),
    ("2024-03-18", "2024-04-22", "material", {"transfer-destination-changed", "impact-assessment-high"}),
    ("2024-04-22", "2024-06-03", "material", {"controller-changed"}),
    ("2024-06-03", "2024-07-15", "consent", {"right-narrowed"}),
    ("2024-07-15", "2024-08-19", "material", {"contacts-changed"}),
    ("2024-08-19", "2024-09-30", "consent", {"right-removed"}),
    ("2024-09-30", "2024-11-11", "editorial", {"prose-substantive"}),
    ("2024-11-11", "2024-12-16", "consent", {"data-to-new-controller"}),
    ("2024-12-16", "2025-01-20", "material", {"recipients-changed"}),
    ("2025-01-20", "2025-03-03", "review", {"prose-substantive"}),
]


@pytest.mark.parametrize("old,new,level,rules", SERIES, ids=[f"{o}..{n}" for o, n, *_ in SERIES])
def test_illustrative_series_levels_and_rules(run, old, new, level, rules):
    import json

    result = run("diff", "--source", ROOT / "examples", old, new, "--format", "json")
    assert result.code == 0, result.err
    data = json.loads(result.out)
    assert data["level"] == level
    assert {f["rule"] for f in data["findings"] if f["level"] != "none"} == rules


def test_series_has_an_editorial_a_material_and_a_consent_step():
    levels = {level for _, _, level, _ in SERIES}
    assert {"editorial", "material", "consent"} <= levels


# --------------------------------------------------------------------------- decisions
def test_recorded_decision_replaces_review():
    report = classify_pair(example("2024-09-30"), example("2024-11-11"))
    [finding] = report.findings
    assert (finding.rule, finding.rule_level, finding.level) == ("prose-substantive", "review", "editorial")
    assert finding.decision.decided_by == "AllValue Legal (illustrative)"
    assert finding.decided_in == "2024-11-11"
    assert report.level == "editorial" and not report.needs_review
    undecided = classify_pair(example("2024-09-30"), example("2024-11-11").model_copy(update={"decisions": ()}))
    assert undecided.level == "review" and undecided.needs_review


def test_decision_recorded_earlier_still_settles_the_clause_when_it_reads_the_same():
    report = classify_pair(example("2024-09-30"), example("2025-03-03"))
    assert report.level == "review"  # the 2025-03-03 rewrite is undecided
    from generator.classify import classify
    from generator.diff import compare

    diff = compare(example("2024-09-30"), example("2025-03-03"), between=[example("2024-11-11")])
    decided = [f for f in classify(diff).findings if f.clause == "update.may-change"]
    assert [f.level for f in decided] == ["editorial"] and decided[0].decided_in == "2024-11-11"


def _decision(clause, level):
    import datetime as dt

    from generator.model import Decision

    return Decision(clause=clause, level=level, rationale="because", decided_by="Legal",
                    decided_on=dt.date(2024, 1, 1))


def _delay_deletion(t):
    t.find("rights.cancel.effect").update(text=t.find("rights.cancel.effect")["text"].replace(
        "we will delete your personal information.", "we will delete your personal information only after 3 years."))


def test_a_person_may_set_a_reading_of_the_words_lower():
    """A rule that reads words where the facts are silent reads upwards; a recorded decision
    (a person who read the sentence) sets its level, and says so."""
    read = classify_pair(base(), edited(base(), _delay_deletion))
    [finding] = read.findings
    assert (finding.rule, finding.level, finding.decidable) == ("right-limited-in-words", "consent", True)
    decided = classify_pair(base(), edited(base(), _delay_deletion,
                                           decisions=[_decision("rights.cancel.effect", "material")]))
    [finding] = decided.findings
    assert (finding.rule, finding.rule_level, finding.level) == ("right-limited-in-words", "consent", "material")
    assert finding.decision.rationale == "because" and decided.level == "material"
    # a CI job sees which findings are readings of words (diff JSON 1.2)
    from generator.report import report_to_json

    [as_json] = report_to_json(read)["findings"]
    assert as_json["read_from_words"] is True and as_json["rule"] == "right-limited-in-words"


def test_a_reading_of_the_words_does_not_lower_the_floor_a_fact_rule_sets():
    from generator.classify import DecisionError

    def edit(t):  # the customer-service channel removed (a fact) and the words limited too
        _delay_deletion(t)
        t.find("rights.cancel.how")["facts"][0].update(channels=["av:InProduct"])
        t.find("rights.cancel.how").update(text=t.find("rights.cancel.how")["text"] + " Only in the app.")

    with pytest.raises(DecisionError, match="lower than 'consent' set by rule right-narrowed"):
        classify_pair(base(), edited(base(), edit, decisions=[_decision("rights.cancel.how", "material")]))
    report = classify_pair(base(), edited(base(), edit, decisions=[_decision("rights.cancel.effect", "editorial")]))
    assert report.level == "consent" and report.clause_level("rights.cancel.effect") == "editorial"
    from generator.report import report_to_json

    fact = [f for f in report_to_json(report)["findings"] if f["rule"] == "right-narrowed"]
    assert fact and not any(f["read_from_words"] for f in fact)


def test_decision_on_an_unchanged_clause_is_an_error():
    from generator.classify import DecisionError

    new = example("2024-11-11").model_copy(update={"decisions": (_decision("update.posting", "editorial"),)})
    with pytest.raises(DecisionError) as e:
        classify_pair(example("2024-09-30"), new)
    assert [(p.loc, p.message) for p in e.value.problems] == [
        (("decisions", 0, "clause"), "decision names clause 'update.posting', which this diff does not change")]
    assert str(e.value).endswith(": decisions[0].clause: decision names clause 'update.posting', "
                                 "which this diff does not change")


def test_decision_may_not_lower_a_fact_rule_level():
    from generator.classify import DecisionError

    new = example("2024-08-19").model_copy(update={"decisions": (_decision("contact.department", "editorial"),)})
    with pytest.raises(DecisionError, match="lower than 'material' set by rule contacts-changed"):
        classify_pair(example("2024-07-15"), new)
    raised = example("2024-08-19").model_copy(update={"decisions": (_decision("contact.department", "consent"),)})
    report = classify_pair(example("2024-07-15"), raised)
    assert report.level == "consent" and "recorded-decision" in report.rules()


def test_version_against_itself_ignores_its_decisions():
    v = example("2024-11-11")
    report = classify_pair(v, v)
    assert report.level == "none" and not report.findings


# --------------------------------------------------------------------------- registry
def test_registry_order_levels_and_docs():
    from generator.classify import LEVELS, default_registry

    registry = default_registry()
    rules = list(registry)
    assert rules[0].id == "right-removed" and rules[-1].id == "renumbered-only"
    for r in rules:
        assert r.level in LEVELS and r.citation and r.explanation and r.doc, r.id
    # consent rules come before the material rules that also match their changes
    ranks = [LEVELS.index(r.level) for r in rules if r.target == "fact"]
    assert ranks == sorted(ranks, reverse=True)
    with pytest.raises(KeyError, match="unknown rule 'nope'"):
        registry.disable("nope")
    registry.disable("right-narrowed")
    assert "right-narrowed" not in [r.id for r in registry]


def test_disabled_rule_lets_the_next_one_decide():
    from generator.classify import classify, default_registry
    from generator.diff import compare

    registry = default_registry()
    registry.disable("sensitive-data-added")
    edit = TRIGGERS["sensitive-data-added"][0]
    report = classify(compare(base(), edited(base(), edit)), registry)
    assert report.rules() == ["data-category-changed"] and report.level == "material"


def test_docs_rules_table_is_generated_from_the_registry(run):
    result = run("rules", "--format", "markdown")
    assert result.code == 0
    generated, _evaluation = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8").split("\n<!-- Evaluation:", 1)
    assert generated == result.out


def test_rules_command_text_and_json(run):
    import json

    text = run("rules")
    assert text.code == 0 and "right-removed" in text.out and "Section VIII item 6" in text.out
    data = json.loads(run("rules", "--format", "json").out)
    assert data["levels"] == ["none", "editorial", "review", "material", "consent"]
    from generator.classify import default_registry

    assert [r["id"] for r in data["rules"]] == [r.id for r in default_registry()]
    assert len(data["rules"]) >= 30 and all(r["doc"] for r in data["rules"])


def test_findings_say_when_a_change_favours_the_user():
    """Direction: a right widened or data dropped is material (VIII lists it) and says "in your
    favour"; only changes against the user ever need consent; JSON carries it as data."""
    from generator.report import report_to_json

    cases = [  # (edit, rule, level, favourable)
        (lambda t: _add_channel(t, "rights.copy.request", "av:Phone"), "rights-changed", "material", True),
        (lambda t: t.drop_fact("collect.account.special-benefits.data", code="av:WeChatID"),
         "data-category-changed", "material", True),
        (lambda t: t.drop_fact("rights.copy.request", code="av:RightToCopy"), "right-removed", "consent", False),
        (lambda t: t.find("children.age")["facts"][0].update(max_age=16), "children-protection-raised", "review", True),
    ]
    for edit, rule_id, level, favourable in cases:
        report = classify_pair(base(), edited(base(), edit))
        [hit] = rule_hits(report, rule_id)
        assert (hit.level, hit.match.favourable) == (level, favourable)
        assert finding_text(hit).endswith("(in your favour)") is favourable, finding_text(hit)
        [data] = [f for f in report_to_json(report)["findings"] if f["rule"] == rule_id]
        assert data["favourable"] is favourable
        assert not (favourable and level == "consent")


def test_a_promise_not_to_process_runs_the_other_way():
    """A prohibition ("we do not sell") added is in the user's favour and lists no new use;
    dropped, it is a use no longer ruled out: against the user."""
    added = classify_pair(base(), edited(base(), lambda t: t.add_fact(
        "share.transfer.ccpa", kind="processing", code="av:NoSharingForCrossContextAdvertising")))
    [hit] = rule_hits(added, "promise-not-to-process-added")
    assert hit.match.favourable is True and added.level == "review"
    dropped = classify_pair(base(), edited(base(), lambda t: t.drop_fact(
        "share.transfer.ccpa", code="av:NoSaleOfPersonalData")))
    [hit] = rule_hits(dropped, "processing-changed")
    assert hit.match.favourable is False and dropped.level == "material"
    # a way of using data is still the usual way round
    training = classify_pair(base(), edited(base(), TRIGGERS["processing-changed"][0]))
    assert rule_hits(training, "processing-changed")[0].match.favourable is False


def test_what_a_clause_explains_about_its_data_is_no_new_category():
    """Saying why sensitive data is needed and how it affects you (PIPL Art. 30) is no change of
    category (item 1): review, in the user's favour; dropping it is against the user."""
    def explain(flag: bool):
        def edit(t):
            [fact] = [f for f in t.find("collect.account.special-benefits.data")["facts"] if f.get("code") == "pd:OfficialID"]
            fact.update(necessity=flag, impact=flag)
        return edit

    explained = classify_pair(base(), edited(base(), explain(True)))
    [hit] = rule_hits(explained, "unlisted-fact-changed")
    assert hit.match.favourable is True and explained.level == "review"
    assert not rule_hits(explained, "data-category-changed")
    withdrawn = classify_pair(edited(base(), explain(True)), base())
    assert rule_hits(withdrawn, "unlisted-fact-changed")[0].match.favourable is False
    # the optional mark is still a category marked differently
    required = classify_pair(base(), edited(base(), lambda t: [f.update(optional=False) for f in t.find(
        "collect.account.special-benefits.data")["facts"] if f.get("code") == "pd:OfficialID"]))
    assert rule_hits(required, "data-category-changed") and required.level == "material"


def test_a_prospective_acquirer_receives_data_as_another_handler():
    report = classify_pair(base(), edited(base(), lambda t: t.add_fact(
        "share.other.business-practice", kind="recipient", code="av:Acquirer", via="share")))
    assert rule_hits(report, "data-to-new-controller") and report.level == "consent"


def test_a_case_added_to_the_exceptions_to_a_right_narrows_it():
    """Under a lead-in that lists the cases a right does *not* cover, a case added is no new
    ground but one more refusal: consent (¶2), never "in your favour"."""
    report = classify_pair(base(), edited(base(), lambda t: t.insert_after("rights.respond.limits.trade-secrets", {
        "id": "rights.respond.limits.bad-faith", "text": "Requests made in bad faith."})))
    assert not rule_hits(report, "right-ground-added") and rule_hits(report, "right-exception-added")
    assert report.level == "consent" and not any(f.match.favourable for f in report.findings)
    widened = classify_pair(base(), edited(base(), lambda t: t.insert_after("rights.delete.service-stopped", {
        "id": "rights.delete.store-closed", "text": "If the merchant whose store you used has closed it."})))
    assert rule_hits(widened, "right-ground-added") and widened.level == "material"

def test_a_recipient_added_where_data_is_shared_on_consent_is_another_handler():
    """The consent the user gave covered the recipients named then ("our affiliates"), not
    companies added later (PIPL Art. 23)."""
    report = classify_pair(base(), edited(base(), lambda t: t.add_fact(
        "share.affiliates", kind="recipient", code="av:BusinessPartner", via="share")))
    assert rule_hits(report, "data-to-new-controller") and report.level == "consent"
    elsewhere = classify_pair(base(), edited(base(), lambda t: t.add_fact(
        "share.partners.suppliers", kind="recipient", code="av:BusinessPartner", via="share")))
    assert not rule_hits(elsewhere, "data-to-new-controller") and elsewhere.level == "material"


def test_children_named_again_where_their_data_is_recorded_is_no_new_collection():
    def edit(t):
        node = t.find("collect.order.for-others")
        node.update(text=node["text"].replace("If it involves children's personal information,",
                                              "If it involves children's personal information, for example a gift to a child,"))

    report = classify_pair(base(), edited(base(), edit))
    assert not rule_hits(report, "children-named-in-collection") and report.level == "review"


@pytest.mark.parametrize("clause, old, new, rule_id, level, words", [
    # partners using data for their own products: other handlers (Art. 23)
    ("share.partners.intro", "and cannot use this information",
     "and, apart from improving their own products, cannot use this information",
     "another-handler-in-words", "consent", "others said to use your data"),
    # more of what a public disclosure shows, where data is already disclosed (Art. 25)
    ("share.disclosure.violation", "store subject information and penalties",
     "store subject information and penalties, with the names of its customers",
     "public-disclosure-named", "consent", "data said to be shown publicly"),
    # the phone number put to marketing: "by e-mail" → "by e-mail, telephone or SMS" (Art. 14)
    ("collect.contact.email", "(e-mail)", "(e-mail, telephone or SMS)", "new-use-named", "consent", "sms, telephone"),
    # the department the contact fact names no longer said: the contact changed (item 5)
    ("contact.department", "We have set up a personal information protection department.",
     "We have appointed a Data Protection Officer.", "contact-details-reworded", "material",
     "personal information protection department"),
    # a device fingerprint is device data (the longer name), not a biometric one: material, not consent
    ("cookies.use.purpose", "Flash cookies or", "Flash cookies, device fingerprints or", "data-named-in-words",
     "material", "device information"),
    # advertising named as a use where data is collected, with no purpose fact: a new use (Art. 14)
    ("collect.optional.app-list", "avoid repeated downloads.", "avoid repeated downloads and show you matched "
     "advertisements.", "new-use-named", "consent", "advertisements"),
    # registration open from an age below the statement's 14: children's data newly collected (Art. 31)
    ("collect.account.user-registration.data", "to create your account.",
     "to create your account. You may register from the age of 13.", "children-named-in-collection", "consent",
     "from the age of 13"),
    # the controller's name replaced by another company's where "we" are named: item 2
    ("reminder.trust", "Qima Investment Ltd.", "AllValue Global Pte. Ltd.", "company-named-with-controller",
     "material", "AllValue Global Pte"),
    # a definition that lists fewer alternatives covers less (¶2)
    ("def.personal-information", "independently or in combination with other information", "on its own",
     "definition-narrowed-in-words", "consent", "fewer alternatives"),
    # AllValue called an independent personal information handler (PIPL's word for a controller)
    ("collect.account.processor", "a data processor", "an independent personal information handler",
     "controller-role-in-words", "consent", "AllValue said to act as a controller"),
    # portability in PIPL Art. 45's words: in your favour
    ("rights.copy.request", "feasible.", "feasible. You may also ask us to transfer it to another personal "
     "information handler you designate.", "right-named-in-words", "material", "right to data portability"),
    # a right to refuse automated decisions, and marketing named as what may be refused: no limit,
    # no new use (PIPL Art. 24's words)
    ("rights.automated.object", "interests.", "interests. You also have the right to refuse decisions made "
     "solely by automated means, and where we push commercial marketing to you through automated "
     "decision-making, we will offer an option not targeting your personal characteristics.",
     "right-named-in-words", "material", "right to object to processing"),
    # customers sent to their merchant, "only" the terms of that route: how the right is exercised
    # changed (item 4), not a limit on it
    ("rights.access.customer-service", "information.", "information. If you are a customer of a merchant store, "
     "please contact that merchant instead; Allvalue customer service only assists merchants.",
     "contact-route-changed", "material", "that merchant"),
    # a promise to follow the reader's choice taken back (¶2)
    ("collect.account.display.data", "We will respect the choice you make on the AllValue personal center account.",
     "The choices you make on the AllValue personal center account do not apply to the merchant side.",
     "opt-out-narrowed-in-words", "consent", "your choice no longer said to be followed"),
    # recipients said to use the data to sell to you themselves: other handlers (Art. 23)
    ("share.partners.merchants", "merchants.", "merchants, and we will also provide your order history to other "
     "merchants so that they can offer you similar goods.", "another-handler-in-words", "consent",
     "others said to use your data"),
    # a guardian's consent no longer needed: children's protection lowered
    ("collect.rules.others-data", "you need to obtain the consent", "you do not need to obtain the consent",
     "children-protection-weakened-in-words", "material", "consent no longer needed"),
])
def test_a_change_said_only_in_words_is_read(clause, old, new, rule_id, level, words):
    def edit(t):
        node = t.find(clause)
        assert old in node["text"]
        node.update(text=node["text"].replace(old, new))

    report = classify_pair(base(), edited(base(), edit))
    [hit] = rule_hits(report, rule_id)
    assert words in finding_text(hit) and report.level == level, [(f.rule, finding_text(f)) for f in report.findings]


def test_an_item_moved_within_the_items_a_sentence_cites_keeps_the_citation():
    """Item 5 moved to 7 under "The additional services in items 5-7": the sentence cites the
    same three services (editorial); moved to 4's place it would cite another (review)."""
    within = classify_pair(base(), edited(base(), lambda t: t.insert_after(
        "collect.optional.system-settings", t.remove("collect.optional.app-list"))))
    assert within.level == "editorial" and not rule_hits(within, "numbered-list-reordered")
    across = classify_pair(base(), edited(base(), lambda t: t.insert_after(
        "collect.optional.phone-status", t.remove("collect.optional.app-list"))))
    assert across.level == "review" and rule_hits(across, "numbered-list-reordered")


def test_a_paragraph_moved_among_paragraphs_is_read_where_it_stands():
    """The CCPA no-sale paragraph moved from the sharing section's transfer division to the
    global-transfer section: no lead-in governs it in either place, so a person decides; an
    item moved under a lead-in that governs it is read in its new context (material)."""
    paragraph = classify_pair(base(), edited(base(), lambda t: t.insert_after(
        "transfer.global", t.remove("share.transfer.ccpa"))))
    assert paragraph.level == "review" and rule_hits(paragraph, "moved-to-another-parent")
    assert not rule_hits(paragraph, "moved-into-new-context")


def test_a_list_of_public_disclosures_opened_is_new_circumstances_not_a_new_handler():
    """"We will only publicly disclose ... in the following circumstances" said open: the public
    is no handler (Art. 23), the circumstances are new (item 3); a list of transfers said open
    lets data reach handlers in unnamed cases (Art. 23)."""
    public = classify_pair(base(), edited(base(), lambda t: t.find("share.disclosure.intro").update(
        text="We may publicly disclose your personal information in circumstances such as the following:")))
    assert public.level == "material" and rule_hits(public, "sharing-list-unclosed")
    assert not rule_hits(public, "sharing-list-opened")
    transfer = classify_pair(base(), edited(base(), lambda t: t.find("share.transfer.intro").update(
        text="We may transfer your personal information to companies, organizations or individuals, including in "
             "the following cases:")))
    assert transfer.level == "consent" and rule_hits(transfer, "sharing-list-opened")


def test_a_new_clause_putting_collected_data_to_a_new_purpose_needs_consent():
    """A new clause that names no data of its own ("the records of your conversations with
    customer service") and states a purpose new to the statement: a new use of data already
    collected (Art. 14), not only a purpose added (item 1)."""
    clause = new_clause("collect.contact.service-chats", "We use the records of your conversations with customer "
                        "service to train the models of our automated assistant.",
                        {"kind": "purpose", "code": "av:ModelTraining"})
    report = classify_pair(base(), edited(base(), lambda t: t.insert_after("collect.contact.email", clause)))
    assert report.level == "consent" and rule_hits(report, "purpose-for-collected-data")


def test_a_ground_of_a_right_moved_into_its_refusals_narrows_it():
    """A ground for deletion moved under "we will not be able to respond to your request in the
    following cases": no longer a case the right covers, now one it refuses (¶2)."""
    report = classify_pair(base(), edited(base(), lambda t: t.insert_after(
        "rights.respond.limits.trade-secrets", t.remove("rights.delete.service-stopped"))))
    assert report.level == "consent"
    assert rule_hits(report, "right-ground-removed") or rule_hits(report, "right-exception-added")


@pytest.mark.parametrize("new, level", [
    ("has been encrypted and may involve your personal information.", "review"),  # nothing named
    ("has been encrypted and may include your machine identification code.", "material"),  # a category named
])
def test_personal_data_no_longer_denied_needs_something_named(new, level):
    def edit(t):
        node = t.find("collect.optional.system-logs")
        assert "has been encrypted and does not involve your personal information." in node["text"]
        node.update(text=node["text"].replace("has been encrypted and does not involve your personal information.", new))
    report = classify_pair(base(), edited(base(), edit))
    assert report.level == level, [(f.rule, f.level) for f in report.findings]


def test_a_legal_form_written_out_names_the_same_company():
    """"Qima Investment Ltd." spelt "Qima Investment Limited": no other company, a person decides;
    "AllValue Global Ltd." in its place is another one (item 2)."""
    def spelt(name):
        return lambda t: t.find("reminder.trust").update(
            text=t.find("reminder.trust")["text"].replace("Qima Investment Ltd.", name))
    same = classify_pair(base(), edited(base(), spelt("Qima Investment Limited")))
    assert same.level == "review" and not rule_hits(same, "company-named-with-controller")
    other = classify_pair(base(), edited(base(), spelt("AllValue Global Limited")))
    assert other.level == "material" and rule_hits(other, "company-named-with-controller")


def test_a_recipient_moved_out_of_a_lead_in_that_asks_consent_is_shared_without_it():
    """Sharing with merchants moved from the authorised partners ("we will seek your consent")
    to the active-choice list: no longer said to need consent (item 3); moved the other way, into
    the partners' list, it gains the promise: a person decides."""
    out = classify_pair(base(), edited(base(), lambda t: t.insert_after(
        "share.active-choice.third-party-login", t.remove("share.partners.merchants"))))
    assert out.level == "material" and rule_hits(out, "moved-under-no-consent")
    into = classify_pair(base(), edited(base(), lambda t: t.insert_after(
        "share.partners.merchants", t.remove("share.active-choice.third-party-login"))))
    assert not rule_hits(into, "moved-under-no-consent")
