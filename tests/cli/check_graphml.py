#!/usr/bin/env python3
"""Checks `candour evaluate CASE --format graphml` against the same decision's JSON graph.

The file must parse as XML (xml.etree, the standard library's parser), be GraphML in its
namespace, declare every key it uses for the right element, and hold exactly one node per
statement and argument and one edge per premise, exception and conclusion, between the right
nodes, with each statement's label and each argument's direction, weight and citation. Every
node and edge carries yEd's graphics. Usage: check_graphml.py CANDOUR CASE
"""
import json
import subprocess
import sys
import xml.etree.ElementTree as ET

G = "{http://graphml.graphdrawing.org/xmlns}"
Y = "{http://www.yworks.com/xml/graphml}"


def run(candour, case, fmt):
    return subprocess.run([candour, "evaluate", case, "--format", fmt], check=True, capture_output=True).stdout


def main():
    candour, case = sys.argv[1], sys.argv[2]
    decision = json.loads(run(candour, case, "json"))
    root = ET.fromstring(run(candour, case, "graphml"))
    problems = []

    def expect(ok, message):
        if not ok:
            problems.append(message)

    expect(root.tag == G + "graphml", f"root element is {root.tag}, not graphml")
    keys = {k.get("id"): k for k in root.findall(G + "key")}
    graphs = root.findall(G + "graph")
    expect(len(graphs) == 1, f"{len(graphs)} graph elements")
    graph = graphs[0]
    expect(graph.get("edgedefault") == "directed", "the graph is not directed")

    def data(element, scope):
        out = {}
        for d in element.findall(G + "data"):
            key = keys.get(d.get("key"))
            expect(key is not None and key.get("for") == scope, f"data key {d.get('key')!r} is not declared for {scope}")
            out[d.get("key")] = d
        return out

    statements = {s["id"]: s for s in decision["graph"]["statements"]}
    arguments = {a["id"]: a for a in decision["graph"]["arguments"]}
    nodes = graph.findall(G + "node")
    expect(len(nodes) == len(statements) + len(arguments),
           f"{len(nodes)} nodes for {len(statements)} statements and {len(arguments)} arguments")
    by_id = {}
    for n in nodes:
        d = data(n, "node")
        key = d["key"].text
        by_id[n.get("id")] = key
        kind = d["kind"].text
        shape = d["graphics"].find(Y + "ShapeNode")
        expect(shape is not None and shape.find(Y + "Fill") is not None and shape.find(Y + "Shape") is not None,
               f"node {key} has no yEd ShapeNode with a fill and a shape")
        if kind == "argument":
            a = arguments.get(key)
            expect(a is not None, f"argument node {key} is not an argument of the decision")
            if a:
                expect(d["direction"].text == a["direction"], f"{key}: direction")
                expect(abs(float(d["weight"].text) - a["weight"]) < 1e-9, f"{key}: weight")
                expect(d["citation"].text == a["source"]["label"], f"{key}: citation")
                expect(d["text"].text == a["text"], f"{key}: text")
                expect(d["status"].text == a["status"], f"{key}: status")
        else:
            s = statements.get(key)
            expect(s is not None, f"statement node {key} is not a statement of the decision")
            if s:
                expect(kind == ("fact" if s["fact"] else "statement"), f"{key}: kind {kind}")
                expect(d["label"].text == s["label"], f"{key}: label")
                expect(d["text"].text == s["text"], f"{key}: text")
    expect(len(by_id) == len(nodes), "node ids are not unique")

    expected_edges = []
    for a in decision["graph"]["arguments"]:
        expected_edges += [(p, a["id"], "premise") for p in a["premises"]]
        expected_edges += [(e, a["id"], "exception") for e in a["exceptions"]]
        expected_edges.append((a["id"], a["conclusion"], "conclusion"))
    edges = []
    for e in graph.findall(G + "edge"):
        d = data(e, "edge")
        expect(d["edge_graphics"].find(Y + "PolyLineEdge") is not None, f"edge {e.get('id')} has no yEd PolyLineEdge")
        edges.append((by_id.get(e.get("source")), by_id.get(e.get("target")), d["role"].text))
    expect(edges == expected_edges, f"{len(edges)} edges do not match the {len(expected_edges)} of the JSON graph, in order")

    for p in problems:
        print(f"{case}: {p}", file=sys.stderr)
    print(f"{case}: {len(nodes)} nodes, {len(edges)} edges, {len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
