#!/usr/bin/python3
"""Writes case.yaml: a fictional 5,000-row FOIA schedule (an ICT asset and contracts register).

Standard library only, fixed seed, deterministic: running it again writes the same bytes.

    /usr/bin/python3 examples/schedule-5000/generate.py          # writes case.yaml beside this file
    /usr/bin/python3 examples/schedule-5000/generate.py --check  # fails if case.yaml is stale

Each row of the register is one item. A row is one of:

  business   an ordinary business system: released
  published  an ordinary row the authority has already published: released
  security   the product and version of a security system: s.31(1)(a), 'would be likely to',
             specific evidence; withheld unless the product is already public (the vendor's
             published case study names the authority), when the halved harm no longer outweighs
             disclosure
  pricing    a unit price under a contract: s.43(2), no likelihood stated and no evidence, so
             the weak harm fails the public interest test and the row is released
  personal   the name of the junior officer responsible for a row: s.40(3A)(a), absolute, withheld
  not-held   a field the register never recorded: not held

Every name and figure is a fictional placeholder. The summary printed at the end is the count of
each kind and the outcome candour should reach; README.md records the same numbers.
"""

import random
import sys
from pathlib import Path

SEED = 5000
ROWS = 5000

# Weights for drawing a row's kind (relative, not exact counts: the seed fixes the counts).
KINDS = [
    ("business", 76),
    ("published", 3),
    ("security", 5),
    ("pricing", 8),
    ("personal", 6),
    ("not-held", 2),
]
SECURITY_PUBLIC_SHARE = 0.1  # share of security rows whose product the vendor has published

SYSTEMS = [
    "Patient administration system", "Clinical imaging workstation", "Pharmacy stock system",
    "Rostering system", "Payroll system", "Finance ledger", "Procurement portal",
    "Document management system", "Email and calendar", "Telephony platform",
    "Video consultation service", "Laboratory information system", "Estates helpdesk",
    "Learning management system", "Records scanning service", "Reporting and analytics tool",
]
SECURITY = [
    "Firewall", "Intrusion detection system", "Endpoint protection", "Email filtering gateway",
    "Privileged access management", "Remote access gateway", "Security event monitoring",
]
UNRECORDED = ["Contract end date", "Original procurement route", "Warranty expiry date"]


def draw_kinds(rng):
    names = [k for k, _ in KINDS]
    weights = [w for _, w in KINDS]
    return [rng.choices(names, weights)[0] for _ in range(ROWS)]


def q(text):
    """A YAML double-quoted scalar."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def flow_list(ids, indent):
    """A flow sequence of ids, wrapped at about 100 columns."""
    lines, line = [], []
    width = indent + 1
    for i in ids:
        if line and width + len(i) + 2 > 100:
            lines.append(", ".join(line))
            line, width = [], indent + 1
        line.append(i)
        width += len(i) + 2
    lines.append(", ".join(line))
    return "[" + (",\n" + " " * (indent + 1)).join(lines) + "]"


def build(rng):
    kinds = draw_kinds(rng)
    out = []
    groups = {"security": [], "security-public": [], "pricing": [], "personal": []}
    counts = {k: 0 for k, _ in KINDS}
    counts["security-public"] = 0
    items = []
    for n, kind in enumerate(kinds, start=1):
        rid = "R%04d" % n
        counts[kind] += 1
        if kind in ("business", "published"):
            system = rng.choice(SYSTEMS)
            row = ["    - id: " + rid,
                   "      description: " + q("Row %04d: %s, the product used" % (n, system)),
                   "      content: " + q("Placeholder %s %04d (fictional)" % (system.split()[0], n))]
            if kind == "published":
                row.append("      public_domain: true")
        elif kind == "security":
            system = rng.choice(SECURITY)
            version = "%d.%d" % (rng.randint(3, 9), rng.randint(0, 9))
            row = ["    - id: " + rid,
                   "      description: " + q("Row %04d: %s, the product and version used" % (n, system)),
                   "      withheld_content: " + q("FictionalSec-%04d v%s" % (n, version))]
            if rng.random() < SECURITY_PUBLIC_SHARE:
                row.append("      public_domain: true")
                groups["security-public"].append(rid)
                counts["security-public"] += 1
            groups["security"].append(rid)
        elif kind == "pricing":
            system = rng.choice(SYSTEMS)
            price = "%d.%02d" % (rng.randint(100, 9999), rng.randint(0, 99))
            row = ["    - id: " + rid,
                   "      description: " + q("Row %04d: %s, the unit price under the contract" % (n, system)),
                   "      withheld_content: " + q("GBP %s per unit (PRICE-%04d)" % (price, n))]
            groups["pricing"].append(rid)
        elif kind == "personal":
            row = ["    - id: " + rid,
                   "      description: " + q("Row %04d: the name of the officer responsible for the row" % n),
                   "      withheld_content: " + q("Placeholder Officer %04d" % n)]
            groups["personal"].append(rid)
        else:
            field = rng.choice(UNRECORDED)
            row = ["    - id: " + rid,
                   "      description: " + q("Row %04d: %s (never recorded in the register)" % (n, field)),
                   "      held: false"]
        items.extend(row)

    out.append("# Generated by generate.py (seed %d); edit the script, not this file." % SEED)
    out.append("# A fictional 5,000-row FOIA schedule: an ICT asset and contracts register with mixed")
    out.append("# outcomes. Every name and figure is a placeholder. README.md explains the outcome.")
    out.append("case:")
    out.append("  id: schedule-5000")
    out.append("  title: Placeholder Health Board, ICT asset and contracts register (5,000 rows)")
    out.append("  regime: uk-foia-2000")
    out.append("  authority:")
    out.append("    name: Placeholder Health Board (fictional)")
    out.append("    address: Information Governance, Placeholder Health Board, Example House, Sampletown")
    out.append("    review_contact: the Information Governance team at foi@placeholder-health.example")
    out.append("  assumptions:")
    for a in [
        "The authority, every product, supplier, price and officer is a fictional placeholder; "
        "the file is generated by generate.py with a fixed seed.",
        "Security rows: the product and version of each security system. The board relies on "
        "s.31(1)(a) at 'would be likely to', with specific evidence (its own penetration test). "
        "For the rows whose product a vendor case study already names, the harm is halved by "
        "publicity and no longer outweighs disclosure.",
        "Pricing rows: unit prices. The board claimed s.43(2) without saying how likely the "
        "prejudice is and without evidence, and argued only the inherent commercial interest; "
        "the prices are marked withheld_content because the board proposed to redact them, and "
        "the leak guard keeps them out of the notice until a reviewer releases them.",
        "Personal rows: the names of junior officers (not public-facing), withheld under "
        "s.40(2) by virtue of s.40(3A)(a): disclosure would be unfair and so unlawful.",
        "Not-held rows: fields the register never recorded.",
    ]:
        out.append("    - " + q(a))
    out.append("  request:")
    out.append("    received: 2024-09-02")
    out.append("    wording: " + q("Please send me your full ICT asset and contracts register, including the "
                                   "product and version of each system, unit prices, and the officer responsible "
                                   "for each row."))
    out.append("  items:")
    out.extend(items)
    out.append("  claims:")
    out.append("    - id: c1")
    out.append("      provision: s.31(1)(a)")
    out.append("      items: " + flow_list(groups["security"], 13))
    out.append("      harm: " + q("Naming the security products and versions would help attackers target the "
                                  "board's network, and the patient data on it, with attacks known to work "
                                  "against those versions."))
    out.append("      causal_chain: " + q("An attacker who knows the product and version can look up its published "
                                          "vulnerabilities and choose an attack, rather than having to probe the "
                                          "network and risk detection."))
    out.append("      likelihood: would-be-likely-to")
    out.append("      evidence:")
    out.append("        - description: " + q("The board's own penetration test found exploitable weaknesses in "
                                             "several of the listed versions that are not yet patched."))
    out.append("          grade: specific")
    out.append("      factors:")
    out.append("        maintain:")
    out.append("          - {id: crime, ref: crime-prevention}")
    out.append("          - {id: data, ref: data-security}")
    out.append("        disclose:")
    out.append("          - {id: transparency, ref: transparency}")
    out.append("          - {id: accountability, ref: accountability-security}")
    out.append("    - id: c2")
    out.append("      provision: s.43(2)")
    out.append("      items: " + flow_list(groups["pricing"], 13))
    out.append("      harm: " + q("Publishing unit prices would weaken suppliers' positions in other tenders "
                                  "and the board's in future negotiations."))
    out.append("      causal_chain: " + q("Competitors could undercut the prices, and suppliers could refuse "
                                          "discounts that would then become public."))
    out.append("      factors:")
    out.append("        maintain:")
    out.append("          - {id: commercial, ref: commercial-harm}")
    out.append("        disclose:")
    out.append("          - {id: spending, ref: public-spending}")
    out.append("    - id: c3")
    out.append("      provision: s.40(3A)(a)")
    out.append("      items: " + flow_list(groups["personal"], 13))
    out.append("      class_facts:")
    out.append("        - " + q("The names are personal data of junior officers, who are not the requester."))
    out.append("        - " + q("The officers are not public-facing and would not expect their names to be "
                                "published with the register; disclosure would be unfair and so would "
                                "contravene the first data protection principle, and the legitimate interest "
                                "in knowing who manages each row is met by the released team names."))
    out.append("  notice:")
    out.append("    sent: 2024-09-27")
    out.append("    states_exemption: true")
    out.append("    specifies_subsection: true")
    out.append("    explains_engagement: true")
    out.append("    gives_pit_reasons: true")
    out.append("    internal_review: stated")
    out.append("    states_complaint_right: true")
    text = "\n".join(out) + "\n"

    withheld = counts["security"] - counts["security-public"] + counts["personal"]
    disclosed = counts["business"] + counts["published"] + counts["security-public"] + counts["pricing"]
    summary = dict(counts, withhold=withheld, disclose=disclosed, **{"not held": counts["not-held"]})
    return text, summary


def main():
    here = Path(__file__).resolve().parent
    target = here / "case.yaml"
    text, summary = build(random.Random(SEED))
    if "--check" in sys.argv[1:]:
        if not target.exists() or target.read_text(encoding="utf-8") != text:
            print("case.yaml is stale: run generate.py", file=sys.stderr)
            return 1
    else:
        target.write_text(text, encoding="utf-8")
    for k in ("business", "published", "security", "security-public", "pricing", "personal", "not-held",
              "disclose", "withhold", "not held"):
        print("%-16s %5d" % (k, summary[k]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
