"""Evaluate a schedule of withheld information, one case per row, in parallel.

The schedule is a CSV file with one row per item (see schedule.csv beside this script):

    id, description, withheld_content, provision, likelihood, evidence, maintain, disclose, harm,
    causal_chain

``withheld_content`` is empty for information that is released; ``provision`` is the exemption the
authority claims for the row, or empty. ``likelihood`` lists thresholds ("would",
"would-be-likely-to"; several separated by commas), ``evidence`` is an evidence grade,
``maintain`` and ``disclose`` list the provision's default public interest factors by id
(separated by ";"), ``harm`` is the prejudice the authority describes and ``causal_chain`` how
disclosure would bring it about. All the names and products in schedule.csv are fictional.

Each row becomes one case; all are evaluated with Rulebook.evaluate_many (a C++ thread pool), and
each decision is written to OUTPUT/<id>.json, with the requester's notice in OUTPUT/<id>.notice.md.

    PYTHONPATH=build/py/python /usr/bin/python3 examples/python/batch_schedule.py \\
        examples/python/schedule.csv /tmp/schedule-out
"""

from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path
from typing import Any

import candour


def split(text: str, sep: str) -> list[str]:
    return [part.strip() for part in text.split(sep) if part.strip()]


def case_for_row(row: dict[str, str], args: argparse.Namespace) -> dict[str, Any]:
    """The case file, as a dict, for one row of the schedule."""
    item: dict[str, Any] = {"id": row["id"], "description": row["description"]}
    if row.get("withheld_content"):
        item["withheld_content"] = row["withheld_content"]
    case: dict[str, Any] = {
        "id": f"{args.schedule.stem}-{row['id']}",
        "title": f"{args.authority}: schedule row {row['id']}",
        "regime": args.regime,
        "authority": {"name": args.authority},
        "request": {"received": args.received, "wording": args.wording},
        "items": [item],
    }
    if row.get("provision"):
        claim: dict[str, Any] = {
            "id": "c1",
            "provision": row["provision"],
            "items": [row["id"]],
            "harm": row.get("harm", ""),
            "causal_chain": row.get("causal_chain", ""),
            "likelihood": split(row.get("likelihood", ""), ","),
            "factors": {
                "maintain": [{"id": ref, "ref": ref} for ref in split(row.get("maintain", ""), ";")],
                "disclose": [{"id": ref, "ref": ref} for ref in split(row.get("disclose", ""), ";")],
            },
        }
        if row.get("evidence"):
            claim["evidence"] = [{"description": "as stated in the schedule", "grade": row["evidence"]}]
        case["claims"] = [claim]
    return {"case": case}


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("schedule", type=Path, help="the CSV schedule")
    parser.add_argument("output", type=Path, help="folder for one decision per row")
    parser.add_argument("--rules", type=Path, default=None, help="rules folder (default: the bundled rules)")
    parser.add_argument("--regime", default="uk-foia-2000")
    parser.add_argument("--authority", default="Fictional District Council")
    parser.add_argument("--received", default="2024-02-05", help="when the request was received, YYYY-MM-DD")
    parser.add_argument("--wording", default="Please list the IT systems the council uses, with the products.")
    parser.add_argument("--jobs", type=int, default=None, help="threads (default: one per core)")
    args = parser.parse_args(argv)

    rules = candour.Rulebook.load(args.rules)
    with args.schedule.open(newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))

    # Case errors (a mistyped provision, say) are collected per row instead of stopping the batch.
    cases: list[candour.Case | candour.LoadError] = []
    for row in rows:
        try:
            cases.append(candour.Case.from_dict(case_for_row(row, args)))
        except candour.LoadError as e:
            cases.append(e)
    valid = [c for c in cases if isinstance(c, candour.Case)]
    results = iter(rules.evaluate_many(valid, jobs=args.jobs, errors="return"))

    args.output.mkdir(parents=True, exist_ok=True)
    failures = 0
    for row, case in zip(rows, cases):
        result: candour.Decision | candour.Error = case if isinstance(case, candour.LoadError) else next(results)
        if isinstance(result, candour.Error):
            failures += 1
            for d in getattr(result, "diagnostics", []):
                print(f"{row['id']}: {d}", file=sys.stderr)
            continue
        (args.output / f"{row['id']}.json").write_text(result.render("json"), encoding="utf-8")
        try:
            notice = result.render("notice")
        except candour.RenderError as e:  # withheld content in a description: fix the schedule
            print(f"{row['id']}: no notice written: {e}", file=sys.stderr)
            failures += 1
        else:
            (args.output / f"{row['id']}.notice.md").write_text(notice, encoding="utf-8")
        flags = ",".join(f.code for f in result.flags) or "-"
        print(f"{row['id']}  {result.items[0].outcome:<8}  {result.outcome:<8}  flags: {flags}  {row['description']}")
    print(f"{len(rows)} row(s), {failures} failure(s); decisions in {args.output}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
