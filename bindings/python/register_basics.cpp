// Small value types shared by every area: SourceLocation, Citation, Diagnostic, Factor; the
// output format names and where the bundled rules are.

#include "bindings.hpp"

namespace candour::python {

const std::vector<std::string>& format_names() {
    // The library's own list, so a format added in C++ (graphml, ...) reaches Python unchanged.
    static const std::vector<std::string> names = [] {
        std::vector<std::string> out;
        for (const auto f : all_output_formats()) out.emplace_back(to_string(f));
        return out;
    }();
    return names;
}

output_format format_from_name(const std::string& name) {
    if (const auto f = parse_output_format(name)) return *f;
    std::string expected;
    for (const auto& n : format_names()) {
        if (!expected.empty()) expected += ", ";
        expected += n;
    }
    throw py::value_error(cat({"unknown format '", name, "': expected one of ", expected}));
}

void register_basics(py::module_& m) {
    py::list formats, requester_facing;
    for (const auto& name : format_names()) {
        formats.append(name);
        if (is_requester_facing(*parse_output_format(name))) requester_facing.append(name);
    }
    m.attr("OUTPUT_FORMATS") = py::tuple(formats);
    m.attr("REQUESTER_FACING_FORMATS") = py::tuple(requester_facing);

    m.def("bundled_rules_dir", &bundled_rules_dir,
          "The folder of the rules shipped with candour: $CANDOUR_RULES_DIR if set, else the copy "
          "installed beside the interpreter (<prefix>/share/candour/rules), else the source tree's "
          "rules/ folder, else the install location configured at build time.");

    py::class_<source_location>(m, "SourceLocation",
                                "Where something came from in an input file. Lines and columns are 1-based; "
                                "0 means not known.")
        .def_property_readonly(
            "file", [](const source_location& w) { return w.file.str(); }, "The file name as given to the loader.")
        .def_readonly("line", &source_location::line, "1-based line, 0 when not known.")
        .def_readonly("column", &source_location::column, "1-based column, 0 when not known.")
        .def_property_readonly("known", &source_location::known, "True when the line is known.")
        .def("__str__", [](const source_location& w) { return to_string(w); })
        .def("__repr__",
             [](const source_location& w) {
                 return cat({"SourceLocation(file=", pyrepr(w.file), ", line=", std::to_string(w.line),
                             ", column=", std::to_string(w.column), ")"});
             })
        .def(
            "__eq__", [](const source_location& a, const source_location& b) { return a == b; }, py::is_operator())
        .def("__hash__", [](const source_location& w) { return py::hash(py::make_tuple(w.file.str(), w.line, w.column)); });

    py::class_<citation>(
        m, "Citation",
        "The source an argument or a flag rests on: legislation, guidance, a decision, a fact of the case.")
        .def(py::init([](std::string_view kind, std::string label, std::string uri) {
                 for (const auto k : {source_kind::legislation, source_kind::guidance, source_kind::decision,
                                      source_kind::case_fact, source_kind::calibration})
                     if (kind == to_string(k)) return citation{k, std::move(label), std::move(uri)};
                 throw py::value_error(cat({"unknown citation kind '", kind,
                                            "': expected legislation, guidance, decision, case-fact or calibration"}));
             }),
             py::arg("kind") = "legislation", py::arg("label") = "", py::arg("uri") = "",
             "A citation, for the arguments of a Graph built in Python.")
        .def_property_readonly(
            "kind", [](const citation& c) { return to_string(c.kind); },
            "\"legislation\", \"guidance\", \"decision\", \"case-fact\" or \"calibration\".")
        .def_readonly("label", &citation::label, "As a lawyer writes it, e.g. \"FOIA 2000 s.31(1)(a)\".")
        .def_readonly("uri", &citation::uri, "A stable public address, or \"\".")
        .def("__str__", [](const citation& c) { return c.label; })
        .def("__repr__",
             [](const citation& c) {
                 return cat({"Citation(kind=", pyrepr(to_string(c.kind)), ", label=", pyrepr(c.label),
                             ", uri=", pyrepr(c.uri), ")"});
             })
        .def(
            "__eq__", [](const citation& a, const citation& b) { return a == b; }, py::is_operator())
        .def("__hash__", [](const citation& c) { return py::hash(py::make_tuple(to_string(c.kind), c.label, c.uri)); });

    py::class_<diagnostic>(m, "Diagnostic", "A problem found in an input file, with a stable code (docs/errors.md).")
        .def_readonly("code", &diagnostic::code, "Stable code, e.g. \"P205\".")
        .def_property_readonly(
            "severity", [](const diagnostic& d) { return to_string(d.level); }, "\"error\", \"warning\" or \"note\".")
        .def_readonly("message", &diagnostic::message, "What was found and what was expected.")
        .def_readonly("where", &diagnostic::where, "The location as a SourceLocation.")
        .def_property_readonly(
            "file", [](const diagnostic& d) { return d.where.file.str(); }, "The file (or the name given to Case.from_yaml).")
        .def_property_readonly(
            "line", [](const diagnostic& d) { return d.where.line; }, "1-based line, 0 when not known.")
        .def_property_readonly(
            "column", [](const diagnostic& d) { return d.where.column; }, "1-based column, 0 when not known.")
        .def_readonly("notes", &diagnostic::notes, "Extra lines, e.g. \"did you mean 'items'?\".")
        .def("__str__", [](const diagnostic& d) { return format(d); })
        .def("__repr__", [](const diagnostic& d) {
            return cat({"Diagnostic(code=", pyrepr(d.code), ", severity=", pyrepr(to_string(d.level)),
                        ", file=", pyrepr(d.where.file), ", line=", std::to_string(d.where.line),
                        ", column=", std::to_string(d.where.column), ", message=", pyrepr(d.message), ")"});
        });

    py::class_<load_limits>(m, "LoadLimits",
                            "Limits that keep a hostile file from exhausting time or memory while loading "
                            "(candour::load_limits). Pass one as ``limits=`` to Rulebook.load, Rulebook.check, "
                            "Case.load, Case.from_yaml, Case.from_dict, Rulebook.load_scenarios or Rulebook.run_batch; "
                            "the defaults are those of the C++ library and the CLI.")
        .def(py::init([](std::uintmax_t max_file_bytes, std::size_t max_depth, std::size_t max_nodes,
                         std::size_t max_items, std::size_t max_string_bytes, std::size_t max_text_bytes,
                         std::size_t max_errors) {
                 return load_limits{max_file_bytes,   max_depth,      max_nodes, max_items,
                                    max_string_bytes, max_text_bytes, max_errors};
             }),
             py::kw_only(), py::arg("max_file_bytes") = load_limits{}.max_file_bytes,
             py::arg("max_depth") = load_limits{}.max_depth, py::arg("max_nodes") = load_limits{}.max_nodes,
             py::arg("max_items") = load_limits{}.max_items,
             py::arg("max_string_bytes") = load_limits{}.max_string_bytes,
             py::arg("max_text_bytes") = load_limits{}.max_text_bytes, py::arg("max_errors") = load_limits{}.max_errors,
             "Limits, each defaulting to the library's.")
        .def_readwrite("max_file_bytes", &load_limits::max_file_bytes, "Largest file read, in bytes (16 MiB).")
        .def_readwrite("max_depth", &load_limits::max_depth, "Deepest nesting of mappings and sequences (64).")
        .def_readwrite("max_nodes", &load_limits::max_nodes, "Nodes visited, counting alias re-use (2,000,000).")
        .def_readwrite("max_items", &load_limits::max_items, "Items in one case (1,000,000).")
        .def_readwrite("max_string_bytes", &load_limits::max_string_bytes, "One text value, in bytes (1 MiB).")
        .def_readwrite("max_text_bytes", &load_limits::max_text_bytes,
                       "All text values of one file together, counting each use of an alias (64 MiB).")
        .def_readwrite("max_errors", &load_limits::max_errors,
                       "Errors reported for one file; the rest are counted (1000).")
        .def("__repr__", [](const load_limits& l) {
            return cat({"LoadLimits(max_file_bytes=", std::to_string(l.max_file_bytes),
                        ", max_depth=", std::to_string(l.max_depth), ", max_nodes=", std::to_string(l.max_nodes),
                        ", max_items=", std::to_string(l.max_items), ", max_string_bytes=",
                        std::to_string(l.max_string_bytes), ", max_text_bytes=", std::to_string(l.max_text_bytes),
                        ", max_errors=", std::to_string(l.max_errors), ")"});
        });

    py::class_<factor>(m, "Factor",
                       "A public interest factor: a consideration for maintaining an exemption or for disclosure.")
        .def_readonly("id", &factor::id, "Stable within its provision or claim.")
        .def_property_readonly(
            "side", [](const factor& f) { return to_string(f.side); }, "\"maintain\" or \"disclose\".")
        .def_readonly("description", &factor::description, "Requester-safe wording of the consideration.")
        .def_readonly("weight", &factor::weight, "A named weight of the regime's scale, e.g. \"strong\".")
        .def_readonly("category", &factor::category, "Matched against the regime's irrelevant factors; may be \"\".")
        .def_readonly("ref", &factor::ref, "The provision default this factor adopts, or \"\".")
        .def_readonly("source", &factor::source, "The Citation it rests on.")
        .def_readonly("where", &factor::where, "Where it was written.")
        .def("__repr__", [](const factor& f) {
            return cat(
                {"Factor(id=", pyrepr(f.id), ", side=", pyrepr(to_string(f.side)), ", weight=", pyrepr(f.weight), ")"});
        });
}

} // namespace candour::python
