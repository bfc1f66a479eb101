"""Rebuild the illustrative series under examples/ from the real 2023-08-25 version.

Every version after 2023-08-25 here is MADE UP: the published text with one kind of
change each, so that `notices diff`, the change history and the pop-up can be shown
and tested. Run it again if the real 2023-08-25 source is corrected::

    python examples/make_series.py && notices validate --source examples

The edits are cumulative (each version starts from the previous one); published ones
get the hashes `notices publish` records (content, facts, one per clause).
"""
import shutil
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from generator.source import load_version  # noqa: E402
from generator.workflow.hashes import write_hashes  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
REAL = ROOT / "notices/allvalue-privacy/2023-08-25"
OUT = ROOT / "examples/allvalue-privacy"
NB = "\u00a0"

def sub(text, old, new, count=1):
    n = text.count(old)
    if n != count:
        sys.exit(f"expected {count} of {old!r}, found {n}")
    return text.replace(old, new)

def insert_after_block(text, start_marker, block):
    """Insert block after the YAML item that starts with start_marker (ends at next line with <= indent)."""
    lines = text.split("\n")
    idx = next(i for i, l in enumerate(lines) if l.strip() == start_marker.strip() and l.startswith(start_marker.split("-")[0] + "-"))
    indent = len(lines[idx]) - len(lines[idx].lstrip())
    j = idx + 1
    while j < len(lines) and (not lines[j].strip() or len(lines[j]) - len(lines[j].lstrip()) > indent):
        j += 1
    return "\n".join(lines[:j] + block.rstrip("\n").split("\n") + lines[j:])

def remove_block(text, start_marker):
    lines = text.split("\n")
    idx = next(i for i, l in enumerate(lines) if l.strip() == start_marker.strip())
    indent = len(lines[idx]) - len(lines[idx].lstrip())
    j = idx + 1
    while j < len(lines) and (not lines[j].strip() or len(lines[j]) - len(lines[j].lstrip()) > indent):
        j += 1
    return "\n".join(lines[:idx] + lines[j:]), "\n".join(lines[idx:j])

HEADER_OLD = "# AllValue Privacy Statement as published (http://link.allvalue.com/privacyPolicy.html),\n# transcribed verbatim, typos included."
def statement_header(text, version, what):
    return sub(text, HEADER_OLD,
               f"# ILLUSTRATIVE, MADE UP: version {version} was never published by AllValue. It is the\n"
               f"# 2023-08-25 statement with made-up edits ({what}) to exercise `notices diff`.\n"
               "# Based on the AllValue Privacy Statement as published (http://link.allvalue.com/privacyPolicy.html),\n# transcribed verbatim, typos included.")

# ---------------------------------------------------------------- the edits, cumulative
def v_typos(t):
    t = sub(t, "public Disclosure, use", "public disclosure, use")
    t = sub(t, "use and access customers personal information", "use and access customers' personal information")
    t = sub(t, "title: How we process childrens personal information", "title: How we process children's personal information")
    return t

def v_reformat(t):
    t = sub(t, "We will respond within 15 days.", f"We will respond within{NB}15{NB}days.")
    t = sub(t, '(referred as "AllValue" or "we")', "(referred as \u201cAllValue\u201d or \u201cwe\u201d)")
    t = sub(t, "99 Queen's Road Central.\n", "99 Queen\u2019s Road Central.\n")
    t = sub(t, "You should read it carefully and confirm that you fully understand and agree before starting to use it.",
            "**You should read it carefully and confirm that you fully understand and agree before starting to use it.**")
    t = sub(t, "text: In order to provide you with the basic functions of AllValue,", "text: (1) In order to provide you with the basic functions of AllValue,")
    return t

def v_move(t):
    t, block = remove_block(t, "            - id: collect.rules.desensitise")
    return insert_after_block(t, "            - id: protect.measures.encryption", block)

def v_purpose(t):
    return insert_after_block(t, "            - id: collect.rules.internal-use", """\
            - id: collect.rules.research
              text: We may use de-identified service logs for the research and development of new AllValue features.
              facts:
                - {kind: purpose, code: dpv:ResearchAndDevelopment}""")

def v_sensitive(t):
    return insert_after_block(t, "                - id: collect.optional.system-settings", """\
                - id: collect.optional.health
                  text: 'Additional services based on health data: if you connect a fitness device to your store, we collect the step counts and heart rate it records to show you health insights.'
                  facts:
                    - {kind: data, code: av:HealthData, sensitive: true, optional: true}
                    - {kind: purpose, code: av:HealthInsights}""")

def v_recipient(t):
    return insert_after_block(t, "                        - id: share.partners.suppliers", """\
                        - id: share.partners.cloud
                          text: Cloud hosting providers. We store and process your information on servers operated by cloud hosting providers, under our instructions and under data protection agreements.
                          facts:
                            - {kind: recipient, code: av:CloudHostingProvider, via: share}""")

def v_transfer(t):
    t = sub(t, "processed by our servers in China.\n", "processed by our servers in China and Singapore.\n")
    return sub(t, "            - {kind: transfer, destination: CN}\n",
               "            - {kind: transfer, destination: CN}\n            - {kind: transfer, destination: SG}\n")

def v_controller(t):
    t = sub(t, "means that Qima Investment Ltd. is a company established under the laws of Hong Kong, China, and the company is located at Room 2708, 27th Floor, Central Centre, 99 Queen\u2019s Road Central.",
            "means that AllValue Global Pte. Ltd. (an illustrative, made-up company) is a company established under the laws of Singapore, and the company is located at 1 Example Boulevard, Singapore.")
    return sub(t, """{kind: controller, name: Qima Investment Ltd., jurisdiction: HK, address: "Room 2708, 27th Floor, Central Centre, 99 Queen's Road Central"}""",
               """{kind: controller, name: AllValue Global Pte. Ltd., jurisdiction: SG, address: "1 Example Boulevard, Singapore"}""")

def v_response(t):
    t = sub(t, f"We will respond within{NB}15{NB}days.", f"We will respond within{NB}30{NB}days.")
    t = sub(t, "we will respond to your request within 15 days.", "we will respond to your request within 30 days.")
    return sub(t, "- {kind: response-time, days: 15}", "- {kind: response-time, days: 30}", count=2)

def v_email(t):
    t = sub(t, "you can send an email to legal@allvalue.com , if you", "you can send an email to legal@allvalue.com or privacy@allvalue.com , if you")
    return sub(t, "            - {kind: contact, channel: email, value: legal@allvalue.com}\n",
               "            - {kind: contact, channel: email, value: legal@allvalue.com}\n            - {kind: contact, channel: email, value: privacy@allvalue.com}\n")

def v_remove_right(t):
    t, _ = remove_block(t, "        - id: rights.copy")
    return t

def v_rewrite(t):
    return sub(t, "text: Our Privacy Statement is subject to change.",
               "text: We may revise this Privacy Statement from time to time, for example when our services or the law change.")

BROKER = """\
                        - id: share.other.audiences
                          text: 'Audience partners: we may provide your browsing and purchase behaviour to data brokers, who combine it with other sources to build advertising audiences.'
                          facts:
                            - {kind: recipient, code: av:DataBroker, via: share}"""

def v_broker(t):
    return insert_after_block(t, "                        - id: share.other.business-practice", BROKER)

def v_unbroker(t):
    t, _ = remove_block(t, "                        - id: share.other.audiences")
    return t

def v_draft(t):
    return sub(t, "We will post any changes to the Privacy Statement on a dedicated page in the AllValue Rules Center.",
               "Every change to this Privacy Statement is posted, with a summary of what changed, on a dedicated page of the AllValue Rules Center.")

IA = """impact_assessment:
  risk: high
  date: 2024-04-01
  summary: Illustrative. Processing in a new Singapore data centre was assessed as high risk until its safeguards are audited.
"""
DECISION = """decisions:
  - clause: update.may-change
    level: editorial
    rationale: Illustrative. The rewrite says when the statement may change; no right, fact or obligation changes.
    decided_by: AllValue Legal (illustrative)
    decided_on: 2024-11-04
"""

SERIES = [
    # version, updated_on, status, what, edit, extra version.yaml
    ("2023-09-15", "published", "a typo fix", v_typos, ""),
    ("2023-10-02", "published", "reformatting: no-break spaces, curly quotes, bold, an enumerator", v_reformat, ""),
    ("2023-11-06", "published", "a clause moved to another section", v_move, ""),
    ("2024-01-10", "published", "a new purpose", v_purpose, ""),
    ("2024-02-20", "published", "a new sensitive data category", v_sensitive, ""),
    ("2024-03-18", "published", "a new recipient", v_recipient, ""),
    ("2024-04-22", "published", "a new cross-border destination and a high-risk impact assessment", v_transfer, IA),
    ("2024-06-03", "published", "a change of controller", v_controller, ""),
    ("2024-07-15", "published", "the response time 15 -> 30 days", v_response, ""),
    ("2024-08-19", "published", "a new contact email", v_email, ""),
    ("2024-09-30", "published", "a removed right (to a copy of your information)", v_remove_right, ""),
    ("2024-11-11", "published", "a prose rewrite with no fact change, and its recorded decision", v_rewrite, DECISION),
    ("2024-12-16", "published", "a new recipient that is another controller (undone in 2025-01-20)", v_broker, ""),
    ("2025-01-20", "published", "the 2024-12-16 change undone", v_unbroker, ""),
    ("2025-03-03", "draft", "a prose rewrite with no fact change, not yet decided", v_draft, ""),
]

def version_yaml(version, status, what, extra, controller):
    return f"""# yaml-language-server: $schema=../../../notices/schema/version.schema.json
# ILLUSTRATIVE, MADE UP: AllValue never published this version. It exists to exercise
# `notices diff`, the change history and the pop-up. Change: {what}.
policy: allvalue-privacy
version: {version}
updated_on: {version}
status: {status}
illustrative: "Made-up revision of the 2023-08-25 statement: {what}."
controller: {controller}
CONTENT_HASH
numbering:
  normalised: true
  note: Numbering is generated by the renderer, as for the published 2023-08-25 version.
{extra}"""

def main():
    if OUT.exists():
        shutil.rmtree(OUT)
    OUT.mkdir(parents=True)
    (OUT / "policy.yaml").write_text(
        "# ILLUSTRATIVE source tree (`notices diff --source examples`): the real 2023-08-25 version\n"
        "# followed by made-up revisions, each marked `illustrative` in its version.yaml.\n"
        "id: allvalue-privacy\ntitle: AllValue Privacy Statement\n", encoding="utf-8")
    base = OUT / "2023-08-25"
    base.mkdir()
    shutil.copy(REAL / "statement.yaml", base / "statement.yaml")
    meta = (REAL / "version.yaml").read_text(encoding="utf-8")
    meta = meta.replace("$schema=../../schema/", "$schema=../../../notices/schema/")
    (base / "version.yaml").write_text(
        "# A verbatim copy of notices/allvalue-privacy/2023-08-25 (the real, published text): the\n"
        "# illustrative series below starts from it.\n" + meta, encoding="utf-8")
    text = (REAL / "statement.yaml").read_text(encoding="utf-8")
    controller = "Qima Investment Ltd."
    for version, status, what, edit, extra in SERIES:
        text = edit(text)
        if edit is v_controller:
            controller = "AllValue Global Pte. Ltd."
        d = OUT / version
        d.mkdir()
        body = text.replace("$schema=../../schema/", "$schema=../../../notices/schema/")
        (d / "statement.yaml").write_text(statement_header(body, version, what), encoding="utf-8")
        vy = version_yaml(version, status, what, extra, controller)
        (d / "version.yaml").write_text(vy.replace("CONTENT_HASH\n", "").replace("status: published", "status: draft"), encoding="utf-8")
        if status == "published":  # the hashes `notices publish` records
            write_hashes(d, load_version(d, "allvalue-privacy"), {"status": "published"})


if __name__ == "__main__":
    main()
