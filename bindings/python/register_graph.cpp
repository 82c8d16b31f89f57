// The justification graph: Graph, Statement, Argument and Explanation. A decision's graph is read
// through a shared_ptr that aliases the decision (so views keep the decision alive); Graph() builds
// a new one with the engine of argument_graph.hpp, which knows nothing about FOI.

#include "bindings.hpp"

#include <array>

namespace candour::python {
namespace {

constexpr auto ref = py::return_value_policy::reference_internal;

const statement& stmt(const statement_view& s) { return s.g->at(static_cast<statement_id>(s.index)); }
const argument& arg(const argument_view& a) { return a.g->argument_at(static_cast<argument_id>(a.index)); }

/// Labels and statuses exist only once the graph is evaluated; a built graph may not be yet.
const argument_graph& labelled(const graph_ptr& g) {
    if (!g->evaluated()) throw error("the graph is not evaluated: call Graph.evaluate() first");
    return *g;
}

argument_graph& editable(const graph_view& g) {
    if (!g.editable) throw py::type_error("a decision's graph is read-only; build one with candour.Graph()");
    return *g.editable;
}

std::vector<statement_view> statements_of(const graph_ptr& g, std::span<const statement_id> ids) {
    std::vector<statement_view> out;
    out.reserve(ids.size());
    for (auto id : ids) out.push_back(statement_of(g, id));
    return out;
}
std::vector<argument_view> arguments_of(const graph_ptr& g, std::span<const argument_id> ids) {
    std::vector<argument_view> out;
    out.reserve(ids.size());
    for (auto id : ids) out.push_back(argument_of(g, id));
    return out;
}

/// Enum names as Python spells them. The library has to_string for some; the others are here.
constexpr std::array<std::pair<proof_standard::kind, const char*>, 3> standard_names{
    {{proof_standard::kind::scintilla, "scintilla"},
     {proof_standard::kind::balance, "balance"},
     {proof_standard::kind::threshold, "threshold"}}};
constexpr std::array<std::pair<weighing, const char*>, 3> weighing_names{
    {{weighing::sum, "sum"}, {weighing::strongest, "strongest"}, {weighing::criteria, "criteria"}}};

template <class Enum, std::size_t N>
const char* name_of(const std::array<std::pair<Enum, const char*>, N>& names, Enum e) {
    for (const auto& [value, name] : names)
        if (value == e) return name;
    return names[0].second;
}

template <class Enum, std::size_t N>
Enum parse_name(const std::array<std::pair<Enum, const char*>, N>& names, std::string_view what,
                std::string_view name) {
    std::string expected;
    for (const auto& [value, n] : names) {
        if (name == n) return value;
        expected += expected.empty() ? "" : ", ";
        expected += n;
    }
    throw py::value_error(cat({"unknown ", what, " '", name, "': expected one of ", expected}));
}

direction parse_direction(std::string_view name) {
    for (const auto d : {direction::pro, direction::con})
        if (name == to_string(d)) return d;
    throw py::value_error(cat({"direction must be \"pro\" or \"con\", not '", name, "'"}));
}

std::optional<label> parse_fact(const std::optional<std::string>& name) {
    if (!name) return std::nullopt;
    for (const auto l : {label::accepted, label::rejected, label::undecided})
        if (*name == to_string(l)) return l;
    throw py::value_error(cat({"fact must be \"accepted\", \"rejected\", \"undecided\" or None, not '", *name, "'"}));
}

statement_id own(const graph_view& g, const statement_view& s) {
    if (s.g != g.g) throw py::value_error(cat({"statement '", stmt(s).key, "' belongs to another graph"}));
    return static_cast<statement_id>(s.index);
}

statement_view add_statement(const graph_view& g, std::string key, std::string text, std::string_view standard,
                             std::string_view tie_goes_to, double margin, bool strict, std::string_view weighing_name,
                             const std::optional<std::string>& fact) {
    auto& graph = editable(g);
    statement s;
    s.key = key; // the graph copies both
    s.text = text;
    s.standard.type = parse_name(standard_names, "proof standard", standard);
    s.standard.tie = parse_direction(tie_goes_to);
    s.standard.margin = margin;
    s.standard.strict = strict;
    s.standard.weigh = parse_name(weighing_names, "weighing", weighing_name);
    s.fact = parse_fact(fact);
    return statement_of(g.g, graph.add_statement(s));
}

argument_view add_argument(const graph_view& g, std::string key, const statement_view& conclusion, std::string_view dir,
                           std::string text, const std::vector<statement_view>& premises,
                           const std::vector<statement_view>& exceptions, double weight, int category,
                           const citation& source) {
    auto& graph = editable(g);
    if (category < 0 || category > max_argument_category)
        throw py::value_error(cat({"category must be 0 to ", std::to_string(max_argument_category)}));
    argument a;
    a.key = key; // the graph copies both, and the citation
    a.text = text;
    a.conclusion = own(g, conclusion);
    a.dir = parse_direction(dir);
    std::vector<statement_id> premise_ids, exception_ids; // the graph copies both
    for (const auto& p : premises) premise_ids.push_back(own(g, p));
    for (const auto& e : exceptions) exception_ids.push_back(own(g, e));
    a.premises = premise_ids;
    a.exceptions = exception_ids;
    a.weight = weight;
    a.category = static_cast<std::uint8_t>(category);
    a.source = &source;
    return argument_of(g.g, graph.add_argument(a));
}

/// Why a statement got its label (candour::explain), with the graph its ids point into.
struct explanation_view {
    graph_ptr g;
    explanation e;
};
struct explanation_entry_view {
    graph_ptr g;
    explanation::entry e;
};

std::vector<explanation_entry_view> entries_of(const explanation_view& v,
                                               const std::vector<explanation::entry>& entries) {
    std::vector<explanation_entry_view> out;
    out.reserve(entries.size());
    for (const auto& e : entries) out.push_back({v.g, e});
    return out;
}

statement_view find_statement(const graph_ptr& g, std::string_view key) {
    if (const auto id = g->find(key)) return statement_of(g, *id);
    throw py::key_error(std::string(key));
}

argument_view find_argument(const graph_ptr& g, std::string_view key) {
    const auto& args = g->arguments();
    for (std::size_t i = 0; i < args.size(); ++i)
        if (args[i].key == key) return argument_of(g, static_cast<argument_id>(i));
    throw py::key_error(std::string(key));
}

bool same(const graph_part& a, const graph_part& b) { return a.g == b.g && a.index == b.index; }
py::int_ hash_of(const graph_part& v) {
    return py::int_(py::hash(py::make_tuple(reinterpret_cast<std::uintptr_t>(v.g.get()), v.index)));
}

// Views of the first `n` statements or arguments of a graph, in order.
template <class View>
std::vector<View> parts_of(const graph_view& g, std::size_t n) {
    std::vector<View> out;
    out.reserve(n);
    for (std::size_t i = 0; i < n; ++i) out.push_back({{g.g, i}});
    return out;
}

} // namespace

void register_graph(py::module_& m) {
    // Registered before Statement, whose explain() returns one.
    py::class_<explanation_entry_view>(m, "ExplanationEntry",
                                       "One argument in an Explanation: its status and whether it was outweighed.")
        .def_property_readonly(
            "argument", [](const explanation_entry_view& v) { return argument_of(v.g, v.e.argument); }, "The Argument.")
        .def_property_readonly(
            "status", [](const explanation_entry_view& v) { return to_string(v.e.status); },
            "\"applicable\", \"premise-rejected\", \"undercut\" or \"pending\".")
        .def_property_readonly(
            "outweighed", [](const explanation_entry_view& v) { return v.e.outweighed; },
            "True when applicable but on the losing side of the balance.")
        .def("__repr__", [](const explanation_entry_view& v) {
            return cat({"ExplanationEntry(argument=", pyrepr(v.g->argument_at(v.e.argument).key), ", status=",
                        pyrepr(to_string(v.e.status)), ", outweighed=", v.e.outweighed ? "True" : "False", ")"});
        });

    py::class_<explanation_view>(m, "Explanation",
                                 "Why a statement got its label (candour::explain): the arguments that decided it and "
                                 "the ones that lost, each with its reason.")
        .def_property_readonly(
            "label", [](const explanation_view& v) { return to_string(v.e.result); },
            "The statement's label: \"accepted\", \"rejected\" or \"undecided\".")
        .def_property_readonly(
            "pro_weight", [](const explanation_view& v) { return v.e.pro_weight; },
            "Total weight of the applicable pro arguments.")
        .def_property_readonly(
            "con_weight", [](const explanation_view& v) { return v.e.con_weight; },
            "Total weight of the applicable con arguments.")
        .def_property_readonly(
            "deciding", [](const explanation_view& v) { return entries_of(v, v.e.deciding); },
            "ExplanationEntry objects: the applicable arguments on the winning side.")
        .def_property_readonly(
            "losing", [](const explanation_view& v) { return entries_of(v, v.e.losing); },
            "ExplanationEntry objects: every other argument, with its reason.")
        .def("__repr__", [](const explanation_view& v) {
            return cat({"Explanation(label=", pyrepr(to_string(v.e.result)), ", deciding=",
                        std::to_string(v.e.deciding.size()), ", losing=", std::to_string(v.e.losing.size()), ")"});
        });

    py::class_<statement_view>(m, "Statement",
                               "A proposition of the justification graph, labelled accepted, rejected or undecided.")
        .def_property_readonly(
            "key", [](const statement_view& s) { return stmt(s).key; }, "Stable id, e.g. \"c1/engaged\".")
        .def_property_readonly(
            "text", [](const statement_view& s) { return stmt(s).text; }, "The proposition, in full.")
        .def_property_readonly(
            "label",
            [](const statement_view& s) {
                return to_string(labelled(s.g).label_of(static_cast<statement_id>(s.index)));
            },
            "\"accepted\", \"rejected\" or \"undecided\".")
        .def_property_readonly(
            "fact", [](const statement_view& s) { return stmt(s).fact.has_value(); },
            "True for a fact of the case (a fixed label), False for a derived statement.")
        .def_property_readonly(
            "standard", [](const statement_view& s) { return name_of(standard_names, stmt(s).standard.type); },
            "The proof standard: \"scintilla\", \"balance\" or \"threshold\".")
        .def_property_readonly(
            "tie_goes_to",
            [](const statement_view& s) -> std::optional<std::string> {
                const auto& st = stmt(s).standard;
                if (st.type == proof_standard::kind::balance) return std::string(to_string(st.tie));
                return std::nullopt;
            },
            "For the balance standard, the side that wins a tie (\"pro\" or \"con\"); otherwise None.")
        .def_property_readonly(
            "margin",
            [](const statement_view& s) -> std::optional<double> {
                const auto& st = stmt(s).standard;
                if (st.type == proof_standard::kind::threshold) return st.margin;
                return std::nullopt;
            },
            "For the threshold standard, the margin pro - con must reach; otherwise None.")
        .def_property_readonly(
            "strict",
            [](const statement_view& s) -> std::optional<bool> {
                const auto& st = stmt(s).standard;
                if (st.type == proof_standard::kind::threshold) return st.strict;
                return std::nullopt;
            },
            "For the threshold standard, whether the margin must be exceeded (True) or only reached; "
            "otherwise None.")
        .def_property_readonly(
            "weighing", [](const statement_view& s) { return name_of(weighing_names, stmt(s).standard.weigh); },
            "How each side's applicable arguments combine: \"sum\", \"strongest\" or \"criteria\" (by "
            "Argument.category, most important first).")
        .def_property_readonly(
            "pro", [](const statement_view& s) { return arguments_of(s.g, stmt(s).pro); },
            "The Argument objects for it.")
        .def_property_readonly(
            "con", [](const statement_view& s) { return arguments_of(s.g, stmt(s).con); },
            "The Argument objects against it.")
        .def_property_readonly(
            "pro_weight",
            [](const statement_view& s) {
                return labelled(s.g).weight_of(static_cast<statement_id>(s.index), direction::pro);
            },
            "Total weight of its applicable pro arguments (by its weighing).")
        .def_property_readonly(
            "con_weight",
            [](const statement_view& s) {
                return labelled(s.g).weight_of(static_cast<statement_id>(s.index), direction::con);
            },
            "Total weight of its applicable con arguments (by its weighing).")
        .def(
            "explain",
            [](const statement_view& s) {
                return explanation_view{s.g, explain(labelled(s.g), static_cast<statement_id>(s.index))};
            },
            "Why it got its label: an Explanation listing the deciding and the losing arguments.")
        .def(
            "__eq__", [](const statement_view& a, const statement_view& b) { return same(a, b); }, py::is_operator())
        .def("__hash__", [](const statement_view& s) { return hash_of(s); })
        .def("__repr__", [](const statement_view& s) {
            return cat({"Statement(key=", pyrepr(stmt(s).key), ", label=",
                        s.g->evaluated() ? pyrepr(to_string(s.g->label_of(static_cast<statement_id>(s.index))))
                                         : std::string("None"),
                        ")"});
        });

    py::class_<argument_view>(m, "Argument", "A reason for or against a statement, resting on premises and a source.")
        .def_property_readonly(
            "key", [](const argument_view& a) { return arg(a).key; }, "Stable id, e.g. \"c1/factor/crime\".")
        .def_property_readonly(
            "text", [](const argument_view& a) { return arg(a).text; }, "The reason, in full.")
        .def_property_readonly(
            "conclusion", [](const argument_view& a) { return statement_of(a.g, arg(a).conclusion); },
            "The Statement it argues for or against.")
        .def_property_readonly(
            "direction", [](const argument_view& a) { return to_string(arg(a).dir); },
            "\"pro\" or \"con\" its conclusion.")
        .def_property_readonly(
            "premises", [](const argument_view& a) { return statements_of(a.g, arg(a).premises); },
            "Statements that must all be accepted for it to apply.")
        .def_property_readonly(
            "exceptions", [](const argument_view& a) { return statements_of(a.g, arg(a).exceptions); },
            "Statements any of which, accepted, undercuts it.")
        .def_property_readonly(
            "weight", [](const argument_view& a) { return arg(a).weight; }, "Its weight.")
        .def_property_readonly(
            "category", [](const argument_view& a) { return arg(a).category; },
            "Its importance for the criteria weighing, 0 (least) to 7; 0 elsewhere.")
        .def_property_readonly(
            "status",
            [](const argument_view& a) {
                return to_string(labelled(a.g).status_of(static_cast<argument_id>(a.index)));
            },
            "\"applicable\", \"premise-rejected\", \"undercut\" or \"pending\".")
        .def_property_readonly(
            "source", [](const argument_view& a) -> const citation& { return *arg(a).source; }, ref,
            "The Citation it rests on.")
        .def(
            "__eq__", [](const argument_view& a, const argument_view& b) { return same(a, b); }, py::is_operator())
        .def("__hash__", [](const argument_view& a) { return hash_of(a); })
        .def("__repr__", [](const argument_view& a) {
            return cat({"Argument(key=", pyrepr(arg(a).key), ", direction=", pyrepr(to_string(arg(a).dir)), ", status=",
                        a.g->evaluated() ? pyrepr(to_string(a.g->status_of(static_cast<argument_id>(a.index))))
                                         : std::string("None"),
                        ")"});
        });

    py::class_<graph_view>(m, "Graph",
                           "A justification graph: statements, the arguments for and against them, and their labels "
                           "(candour::argument_graph). Iterating yields its statements in order; graph[key] looks a "
                           "statement up by key.\n\n"
                           "A decision's graph (Decision.graph) is evaluated and read-only. Graph() makes an empty one "
                           "to build with add_statement and add_argument and label with evaluate(): the engine knows "
                           "nothing about FOI (docs/reasoning.md).")
        .def(py::init([] {
                 auto g = std::make_shared<argument_graph>();
                 return graph_view{g, g};
             }),
             "An empty graph to build.")
        .def("add_statement", &add_statement, py::arg("key"), py::arg("text") = "", py::kw_only(),
             py::arg("standard") = "balance", py::arg("tie_goes_to") = "con", py::arg("margin") = 0.0,
             py::arg("strict") = true, py::arg("weighing") = "sum", py::arg("fact") = py::none(),
             "Adds a statement and returns it. ``standard``: \"scintilla\" (accepted iff some pro argument "
             "applies), \"balance\" (pro outweighs con; ``tie_goes_to`` \"pro\" or \"con\" decides equality) or "
             "\"threshold\" (pro - con reaches ``margin``, strictly if ``strict``). ``weighing``: \"sum\", "
             "\"strongest\" or \"criteria\" (by Argument.category). ``fact``: a fixed label (\"accepted\", "
             "\"rejected\", \"undecided\") for a fact, or None for a derived statement. Raises TypeError for a "
             "decision's graph.")
        .def("add_argument", &add_argument, py::arg("key"), py::arg("conclusion"), py::kw_only(),
             py::arg("direction") = "pro", py::arg("text") = "", py::arg("premises") = std::vector<statement_view>{},
             py::arg("exceptions") = std::vector<statement_view>{}, py::arg("weight") = 1.0, py::arg("category") = 0,
             py::arg("source") = citation{},
             "Adds an argument \"pro\" or \"con\" its ``conclusion`` (a Statement of this graph) and returns it. It "
             "applies when every premise is accepted and no exception is. ``category`` (0 to 7) ranks it for the "
             "criteria weighing; ``source`` is the Citation it rests on.")
        .def(
            "evaluate",
            [](py::object self) {
                editable(self.cast<const graph_view&>()).evaluate();
                return self;
            },
            "Labels every statement (grounded-style, linear time) and returns the graph. Adding a statement or an "
            "argument afterwards makes it unevaluated again.")
        .def_property_readonly(
            "evaluated", [](const graph_view& g) { return g.g->evaluated(); },
            "Whether labels are current; reading a label or status of an unevaluated graph raises candour.Error.")
        .def_property_readonly(
            "statements",
            [](const graph_view& g) { return parts_of<statement_view>(g, g.g->statements().size()); },
            "Every Statement, in order.")
        .def_property_readonly(
            "arguments",
            [](const graph_view& g) { return parts_of<argument_view>(g, g.g->arguments().size()); },
            "Every Argument, in order.")
        .def(
            "statement", [](const graph_view& g, std::string_view key) { return find_statement(g.g, key); },
            py::arg("key"), "The Statement with this key; raises KeyError.")
        .def(
            "argument", [](const graph_view& g, std::string_view key) { return find_argument(g.g, key); },
            py::arg("key"), "The Argument with this key; raises KeyError.")
        .def(
            "__getitem__", [](const graph_view& g, std::string_view key) { return find_statement(g.g, key); },
            py::arg("key"), "The Statement with this key; raises KeyError.")
        .def(
            "__contains__",
            [](const graph_view& g, const py::object& key) {
                return py::isinstance<py::str>(key) && g.g->find(key.cast<std::string>()).has_value();
            },
            py::arg("key"), "Whether a statement has this key.")
        .def(
            "__len__", [](const graph_view& g) { return g.g->statements().size(); }, "The number of statements.")
        .def(
            "__iter__",
            [](const graph_view& g) {
                py::list out;
                for (std::size_t i = 0; i < g.g->statements().size(); ++i)
                    out.append(py::cast(statement_view{{g.g, i}}));
                return py::iter(out);
            },
            "Iterates over the statements, in order.")
        .def("__repr__", [](const graph_view& g) {
            return cat({"Graph(statements=", std::to_string(g.g->statements().size()),
                        ", arguments=", std::to_string(g.g->arguments().size()), ")"});
        });
}

} // namespace candour::python
