"""The diff report's HTML (`notices diff --format html`, the redline the site embeds) and its
Markdown: hostile text in every source field that reaches them stays text, in Chromium."""
from __future__ import annotations

import re

import pytest

from generator.report import render_report

from .diff_helpers import classify_pair, edited, example
from .test_merchant_injection import PAYLOADS


#: a company's name with the characters markup cares about that a name may hold
COMPANY = "O'Neil&Sons Ltd."
NEW_FINDINGS = {"company-named-with-controller", "transfer-safeguards-changed", "right-ground-removed",
                "numbered-list-reordered", "contact-route-changed", "right-limited-in-words",
                "contact-details-reworded", "another-handler-in-words", "right-ground-narrowed",
                "right-named-in-words", "children-age-lowered-in-words", "right-exception-added",
                "sharing-list-opened", "another-handler-named", "opt-out-added-in-words", "opt-out-narrowed-in-words",
                "rights-promise-withdrawn", "channel-named-in-words", "sharing-list-unclosed", "promise-waived-by-us",
                "sensitive-definition-narrowed", "recipient-definition-widened", "right-made-easier-in-words",
                "further-use-allowed-in-words", "moved-under-no-consent", "recipient-named",
                "audience-named-in-words"}


def _hostile_pair(payload: str):
    """A revision with ``payload`` in a clause text, a heading, a definition term, a contact
    value, the controller's name, and a recorded decision's rationale and author."""
    base = example("2023-08-25")

    def edit(t):
        t.find("update.may-change").update(text=f"Our statement may change. {payload}")
        t.find("collect")["title"] = f"Collection {payload}"
        t.find("def.party")["term"] = f"Party {payload}"
        t.find("def.party")["facts"][0].update(name=f"Qima {payload}")
        t.add_fact("contact.department", kind="contact", channel="email", value=f"x{payload}@example.com")
        # the findings this round added, with what of the source they show: a company named
        # beside the controller (its name is prose), a transfer's safeguards, a case of a
        # right taken out, a list the statement cites by number reordered
        trust = t.find("reminder.trust")
        trust.update(text=f"{trust['text']} It is owned by {payload} {COMPANY}.")
        t.find("transfer.global")["facts"][0].update(safeguards=["dpv:StandardContractualClauses"])
        t.remove("rights.delete.account-closed")
        t.insert_after("collect.optional.system-settings", t.remove("collect.optional.camera"))
        # whom a right's clause tells you to contact (words of the prose), and a limit in words
        access = t.find("rights.access.customer-service")
        access.update(text=access["text"].replace("contact Allvalue customer service",
                                                  f"contact O'Neil-Smith support {payload}"))
        explain = t.find("rights.automated.object")
        explain.update(text=f"{explain['text']} We do not answer {payload} requests.")
        # contact details quoted from the prose: a URL may hold & ; = and backticks
        complaint = t.find("contact.complaint")
        complaint.update(text=f"{complaint['text']} Write to privacy@allvalue.com or https://x.example/a&b=`c`;d{payload}"
                              f" Our mailing address is: {payload} 1 Example Road, Hangzhou.")
        # partners acting themselves, a case of a right with fewer alternatives, a right named,
        # an age below the children's: the findings name what they read, never the payload
        email = t.find("collect.contact.email")
        email.update(text=email["text"].replace("our staff may contact you", f"we and our partners may contact you {payload}"))
        t.find("rights.delete.service-stopped").update(text=f"If we stop providing you with products {payload}.")
        copy = t.find("rights.copy.request")
        copy.update(text=f"{copy['text']} You can also export it {payload}.")
        # one more case of refusal, and the cases of transfer opened
        t.insert_after("rights.respond.limits.trade-secrets", {"id": "rights.respond.limits.hostile",
                                                               "text": f"Requests about {payload}."})
        t.find("share.transfer.intro").update(text=f"We may transfer your personal information {payload}, including "
                                                   "in the following cases:")
        # a data broker among the recipients, a way to stop tracking added, one narrowed, and
        # Section VIII ¶2's own promise withdrawn
        suppliers = t.find("share.partners.suppliers")
        suppliers.update(text=suppliers["text"].replace("Suppliers, service providers and other",
                                                        f"Suppliers, data brokers {payload} and other"))
        beacons = t.find("cookies.beacons.use")
        beacons.update(text=beacons["text"].replace("at any time.", f"at any time, or turn off tracking {payload}."))
        shown = t.find("collect.display.personalisation")
        shown.update(text=shown["text"].replace(
            "after which we will no longer provide you with the aforementioned personalized services.",
            f"after which we will no longer personalize it; push information will continue to be sent {payload}."))
        posting = t.find("update.posting")
        posting.update(text=posting["text"].replace("We will not limit your rights", f"We may limit your rights {payload}")
                       .replace("without your express consent", "where we notify you"))
        # another way to exercise a right, the cases of public disclosure no longer the only
        # ones, and a promise that gives way when AllValue agrees
        cancel = t.find("rights.cancel.how")
        cancel.update(text=f"{cancel['text']} You can also email us {payload}.")
        disclosure = t.find("share.disclosure.intro")
        disclosure.update(text=disclosure["text"].replace("We will only publicly disclose",
                                                          f"We will publicly disclose {payload}"))
        partners = t.find("share.partners.intro")
        partners.update(text=partners["text"].replace("for any other purpose.",
                                                      f"for any other purpose without our approval {payload}."))
        others = t.find("collect.rules.others-data")
        others.update(text=others["text"].replace("children's personal information",
                                                  f"the personal information of a child under 10 {payload}"))

        # a category no longer defined as sensitive, affiliates defined more widely, a step spared,
        # backups put to a use, sharing moved where consent is not asked
        sensitive = t.find("def.sensitive-personal-information")
        sensitive.update(text=sensitive["text"].replace("mobile phone number, ", f"{payload} "))
        t.drop_fact("def.sensitive-personal-information", code="pd:TelephoneNumber")
        affiliates = t.find("def.affiliates")
        affiliates.update(text=affiliates["text"].replace("Qima Investment Ltd.", f"Qima Investment Ltd. and any "
                                                                               f"company {payload}", 1))
        effect = t.find("rights.cancel.effect")
        effect.update(text=f"{effect['text']} You do not need to make a separate request {payload}.")
        backups = t.find("rights.delete.backups")
        backups.update(text=backups["text"].replace("isolate it from any further processing",
                                                    f"may use it to test our systems {payload}"))
        t.insert_after("share.exceptions.public-sources", t.remove("share.other.business-practice"))
        # the SDK's provider named, and a use extended to merchants' customers
        [provider] = [f for f in t.find("collect.security.data")["facts"] if f.get("code") == "av:SdkProvider"]
        provider.update(name=f"Shieldpoint {payload}")
        cart = t.find("collect.cart.data")
        cart.update(text=f"{cart['text']} It also covers your customers {payload}.")
        # a way to stop something the old words gave, now denied
        withdraw = t.find("collect.optional.withdraw")
        withdraw.update(text=withdraw["text"].replace(
            "You can determine whether these permissions are turned on or off by yourself",
            f"Once granted, these permissions cannot be turned off {payload}"))

    new = edited(base, edit, decisions=[{"clause": "update.may-change", "level": "review",
                                         "rationale": f"Checked. {payload}", "decided_by": f"Legal {payload}",
                                         "decided_on": "2024-01-01"}])
    return classify_pair(base, new)


@pytest.mark.browser
def test_no_payload_executes_in_the_diff_html(browser):
    page = browser.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    try:
        for payload in PAYLOADS:
            html = render_report(_hostile_pair(payload), "html")
            page.set_content(html)
            page.evaluate("() => { for (const el of document.querySelectorAll('*')) {"
                          " for (const ev of ['mouseover','click','focus','toggle','load','error'])"
                          " el.dispatchEvent(new Event(ev)); } }")
            assert page.evaluate("() => window.__pwned") is None, payload
            # the page's own markup only: no element a payload could have opened
            assert page.evaluate("() => document.querySelectorAll('script,iframe,svg,math,img,object,embed,"
                                 "form,input,a[href^=javascript]').length") == 0, payload
            text = " ".join(page.evaluate("() => document.body.textContent").split())
            for shown in (f"Checked. {payload}", f"Legal {payload}", "O'Neil&Sons Ltd", "o'neil-smith support",
                          "contact details: - → ", "https://x.example/a&b=c;d", "1 example road, hangzhou"):
                assert " ".join(shown.split()) in text, payload  # shown as written, as text
    finally:
        page.close()
    assert dialogs == []


def test_the_hostile_revision_reaches_the_new_findings():
    """The payloads above go through every finding this round added, not around them."""
    for payload in PAYLOADS[:3]:
        report = _hostile_pair(payload)
        assert NEW_FINDINGS <= {f.rule for f in report.findings}, payload
        assert "opt-out-denied" in {f.match.event for f in report.findings if f.match}, payload
        [named] = [f for f in report.findings if f.rule == "company-named-with-controller"]
        assert "O'Neil&Sons Ltd" in dict(named.match.values)["companies"]
        [details] = [f for f in report.findings if f.rule == "contact-details-reworded"]
        # (the backticks are Markdown's code marks: the diff compares prose without markup)
        assert "https://x.example/a&b=c;d" in dict(details.match.values)["after"], details.match.values
        assert "1 example road, hangzhou" in dict(details.match.values)["after"], details.match.values  # the address
        [contact] = [f for f in report.findings if f.rule == "contact-route-changed"]
        assert dict(contact.match.values)["after"].startswith("o'neil-smith support"), contact.match.values


def test_markdown_report_escapes_every_payload():
    """A PR comment (GitHub renders HTML in Markdown): no raw tag or link from the source."""
    for payload in PAYLOADS:
        md = render_report(_hostile_pair(payload), "markdown")
        assert not re.search(r"<(?:script|img|svg|iframe|a)\b", md, re.I), payload  # tags escaped (&lt;)
        assert not re.search(r"(?<!\\)\]\((?:javascript|data):", md, re.I), payload  # no live link
