#!/usr/bin/python3
"""Validates `candour evaluate CASE --format json` for every case given against
docs/schema/decision.schema.json (JSON Schema 2020-12), with Debian's python3-jsonschema.

Usage: validate_decisions.py CANDOUR SCHEMA CASE...

Two checks per case: the document is valid against the published schema, and it is valid
against a strict copy in which every object with declared properties allows no others, so a
field added to the JSON without being documented in the schema fails here."""

import copy
import json
import subprocess
import sys

import jsonschema


def strict(schema):
    """A copy of the schema in which objects allow only their declared properties."""
    s = copy.deepcopy(schema)

    def walk(node):
        if isinstance(node, dict):
            if "properties" in node and "additionalProperties" not in node:
                node["additionalProperties"] = False
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(s)
    return s


def main(argv):
    if len(argv) < 4:
        print(__doc__, file=sys.stderr)
        return 2
    exe, schema_path, cases = argv[1], argv[2], argv[3:]
    with open(schema_path, encoding="utf-8") as f:
        schema = json.load(f)
    cls = jsonschema.validators.validator_for(schema)
    if cls is not jsonschema.Draft202012Validator:
        print(f"{schema_path}: expected a JSON Schema 2020-12 document, got {cls.__name__}", file=sys.stderr)
        return 1
    cls.check_schema(schema)
    checker = jsonschema.FormatChecker()
    validators = [("schema", cls(schema, format_checker=checker)),
                  ("strict schema", cls(strict(schema), format_checker=checker))]
    failures = 0
    for case in cases:
        run = subprocess.run([exe, "evaluate", case, "--format", "json"], capture_output=True, text=True)
        if run.returncode != 0:
            print(f"{case}: candour exited with {run.returncode}:\n{run.stderr}", file=sys.stderr)
            failures += 1
            continue
        document = json.loads(run.stdout)
        before = failures
        for name, validator in validators:
            errors = sorted(validator.iter_errors(document), key=lambda e: list(e.absolute_path))
            for e in errors[:10]:
                where = "/".join(str(p) for p in e.absolute_path) or "(root)"
                print(f"{case}: {name}: at {where}: {e.message}", file=sys.stderr)
            failures += bool(errors)
        if document.get("schema") != "candour.decision" or not str(document.get("schema_version", "")).startswith("0."):
            print(f"{case}: unexpected schema name or version", file=sys.stderr)
            failures += 1
        if failures == before:
            print(f"{case}: valid ({len(document['items'])} items, {len(document['graph']['statements'])} statements)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
