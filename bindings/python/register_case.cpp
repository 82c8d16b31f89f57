// Cases: Case (loading from a file, YAML text or a dict) and its parts, read-only. A Case holds
// its C++ case by shared_ptr; the parts are returned by reference and keep the Case alive.

#include "bindings.hpp"

namespace candour::python {
namespace {

constexpr auto ref = py::return_value_policy::reference_internal;

case_handle share(disclosure_case&& c) { return {std::make_shared<const disclosure_case>(std::move(c))}; }

} // namespace

void register_case(py::module_& m) {
    py::class_<request>(m, "Request", "The request as received.")
        .def_readonly("received", &request::received, "The day it was received, a datetime.date.")
        .def_readonly("wording", &request::wording, "What was asked for.")
        .def_readonly("where", &request::where, "Where it was written.")
        .def("__repr__", [](const request& r) {
            return cat({"Request(received=", pyrepr(r.received.iso()), ")"});
        });

    py::class_<authority>(m, "Authority", "The public authority that answered.")
        .def_readonly("name", &authority::name, "Its name.")
        .def_readonly("address", &authority::address, "Where to ask for an internal review.")
        .def_readonly("review_contact", &authority::review_contact, "Who handles internal reviews.")
        .def_readonly("where", &authority::where, "Where it was written.")
        .def("__repr__", [](const authority& a) {
            return cat({"Authority(name=", pyrepr(a.name), ")"});
        });

    py::class_<item>(m, "Item", "One unit of requested information: a spreadsheet row, a document, a passage.")
        .def_readonly("id", &item::id, "Its id within the case.")
        .def_readonly("description", &item::description,
                      "Requester-safe: what the item is, never its withheld content.")
        .def_readonly("held", &item::held, "Whether the authority holds it.")
        .def_readonly("content", &item::content, "Released content, if recorded.")
        .def_readonly("withheld_content", &item::withheld_content, "Text that must never reach the requester.")
        .def_property_readonly("has_withheld_content", &item::has_withheld_content,
                               "True when withheld_content is not empty.")
        .def_readonly("created", &item::created, "When it was created (a datetime.date), or None.")
        .def_readonly("public_domain", &item::public_domain, "Already available to the public.")
        .def_readonly("concerns", &item::concerns,
                      "Kinds of information the item is, where a provision turns on it: [\"emissions\"] (EIR reg "
                      "12(9)).")
        .def("is_about", &item::is_about, py::arg("kind"), "Whether ``kind`` is among ``concerns``.")
        .def_readonly("relevant_death", &item::relevant_death,
                      "The death a historical-record limit may run from (FOIA s.63(2C); FOISA s.57(1C)), a "
                      "datetime.date, or None.")
        .def_readonly("where", &item::where, "Where it was written.")
        .def("__repr__", [](const item& i) {
            return cat({"Item(id=", pyrepr(i.id), ", description=", pyrepr(i.description),
                        std::string_view(i.has_withheld_content() ? ", withheld" : ""), ")"});
        });

    py::class_<evidence_item>(m, "Evidence", "Evidence for a claimed prejudice, with its grade.")
        .def_readonly("description", &evidence_item::description, "What the evidence is.")
        .def_readonly("grade", &evidence_item::grade, "A regime evidence grade: \"specific\", \"generic\", ...")
        .def_readonly("where", &evidence_item::where, "Where it was written.")
        .def("__repr__", [](const evidence_item& e) {
            return cat({"Evidence(grade=", pyrepr(e.grade), ")"});
        });

    py::class_<claim>(m, "Claim", "The authority's claim that a provision applies to some items.")
        .def_readonly("id", &claim::id, "Its id within the case.")
        .def_readonly("provision", &claim::provision, "The provision id within the case's regime.")
        .def_readonly("items", &claim::items, "The item ids.")
        .def_readonly("harm", &claim::harm, "The prejudice claimed (prejudice-based provisions).")
        .def_readonly("causal_chain", &claim::causal_chain, "How disclosure would bring the harm about.")
        .def_readonly("likelihood", &claim::likelihood,
                      "Likelihood thresholds named: [] not stated, two when both are named.")
        .def_readonly("evidence", &claim::evidence, "Evidence objects.")
        .def_readonly("class_facts", &claim::class_facts, "Why the information is in the class (class-based).")
        .def_readonly("purposes", &claim::purposes, "Purposes relied on, where the provision lists some.")
        .def_readonly("factors", &claim::factors, "The public interest factors argued, as Factor objects.")
        .def_readonly("reasons_withheld", &claim::reasons_withheld,
                      "The provision that lets the authority leave out its reasons because stating them would itself "
                      "disclose exempt information (FOIA s.17(4)), or \"\" when the reasons are given.")
        .def_readonly("in_the_alternative_to", &claim::in_the_alternative_to,
                      "Claim ids this claim is pleaded in the alternative to (FCDO v IC [2021] UKUT 248 (AAC)).")
        .def_readonly("where", &claim::where, "Where it was written.")
        .def("__repr__", [](const claim& c) {
            return cat({"Claim(id=", pyrepr(c.id), ", provision=", pyrepr(c.provision), ")"});
        });

    py::class_<notice_record>(m, "Notice",
                              "What the authority's notice did, so that the notice itself can be reviewed.")
        .def_readonly("sent", &notice_record::sent, "When it was sent (a datetime.date), or None.")
        .def_readonly("acknowledges_delay", &notice_record::acknowledges_delay, "It apologises for a delay.")
        .def_readonly("states_exemption", &notice_record::states_exemption, "s.17(1)(a)")
        .def_readonly("specifies_subsection", &notice_record::specifies_subsection, "s.17(1)(b), to the paragraph")
        .def_readonly("explains_engagement", &notice_record::explains_engagement, "s.17(1)(c)")
        .def_readonly("gives_pit_reasons", &notice_record::gives_pit_reasons, "s.17(3)")
        .def_property_readonly(
            "internal_review", [](const notice_record& n) { return to_string(n.internal_review); },
            "s.17(7)(a): \"stated\", \"by-reference\" or \"absent\".")
        .def_readonly("internal_review_reference", &notice_record::internal_review_reference,
                      "What it points to for the review.")
        .def_readonly("states_complaint_right", &notice_record::states_complaint_right, "s.17(7)(b)")
        .def_readonly("confirms_held", &notice_record::confirms_held,
                      "The notice says or shows that information is held.")
        .def_readonly("extended_to", &notice_record::extended_to,
                      "A public interest extension claimed (FOIA s.10(3)) to this date, or None.")
        .def_readonly("where", &notice_record::where, "Where it was written.")
        .def("__repr__", [](const notice_record& n) {
            return cat({"Notice(sent=", n.sent ? pyrepr(n.sent->iso()) : std::string("None"), ", internal_review=",
                        pyrepr(to_string(n.internal_review)), ", confirms_held=", n.confirms_held ? "True" : "False",
                        ", extended_to=", n.extended_to ? pyrepr(n.extended_to->iso()) : std::string("None"), ")"});
        });

    py::class_<case_handle>(m, "Case",
                            "A disclosure case: the request, the information item by item, the authority's claims "
                            "and what its notice did (docs/case-format.md). Immutable.")
        .def_static(
            "load",
            [](const std::filesystem::path& file, const rulebook* rules, const load_limits* limits) {
                const auto l = limits_or_default(limits);
                py::gil_scoped_release nogil;
                return share(load_case(file, rules, l));
            },
            py::arg("path"), py::arg("rules") = py::none(), py::kw_only(), py::arg("limits") = py::none(),
            "Loads a case file. Raises LoadError with every diagnostic found. References to items are "
            "checked here; references to provisions too when ``rules`` is given (otherwise at evaluation). "
            "``limits`` (a LoadLimits) bounds what the file may cost.")
        .def_static(
            "from_yaml",
            [](std::string_view text, std::string_view name, const rulebook* rules, const load_limits* limits) {
                const auto l = limits_or_default(limits);
                py::gil_scoped_release nogil;
                return share(parse_case(text, name, rules, l));
            },
            py::arg("text"), py::arg("name") = "<string>", py::arg("rules") = py::none(), py::kw_only(),
            py::arg("limits") = py::none(),
            "Parses a case from YAML text; ``name`` stands for the file name in diagnostics. Raises LoadError.")
        .def_static(
            "from_dict",
            [](const py::dict& d, const rulebook* rules, const load_limits* limits) {
                // YAML is a superset of JSON: the dict's JSON text is a valid case document. Dates (as
                // yaml.safe_load gives them) are written YYYY-MM-DD; non-ASCII text stays UTF-8.
                const auto date_type = py::module_::import("datetime").attr("date");
                const py::cpp_function iso([date_type](const py::object& x) -> py::object {
                    if (py::isinstance(x, date_type)) return x.attr("isoformat")();
                    throw py::type_error(
                        cat({"Case.from_dict: cannot write a ",
                             py::str(py::type::handle_of(x).attr("__name__")).cast<std::string>(),
                             " as case data; use str, int, float, bool, None, list, dict or datetime.date"}));
                });
                const auto text = py::module_::import("json")
                                      .attr("dumps")(d, py::arg("default") = iso, py::arg("ensure_ascii") = false)
                                      .cast<std::string>();
                const auto l = limits_or_default(limits);
                py::gil_scoped_release nogil;
                return share(parse_case(text, "<dict>", rules, l));
            },
            py::arg("data"), py::arg("rules") = py::none(), py::kw_only(), py::arg("limits") = py::none(),
            "Builds a case from a dict shaped like a case file ({\"case\": {...}}), e.g. from yaml.safe_load. "
            "The dict is serialised with json.dumps (datetime.date values as \"YYYY-MM-DD\") and parsed as "
            "YAML, so diagnostics name the file \"<dict>\" and their lines and columns refer to that JSON "
            "text (a single line), not to any file the dict came from. Raises LoadError.")
        .def_property_readonly(
            "id", [](const case_handle& h) { return h.c->id; }, "The case id.")
        .def_property_readonly(
            "title", [](const case_handle& h) { return h.c->title; }, "The case title.")
        .def_property_readonly(
            "regime", [](const case_handle& h) { return h.c->regime; }, "The regime id, e.g. \"uk-foia-2000\".")
        .def_property_readonly(
            "authority", [](const case_handle& h) -> const authority& { return h.c->authority; }, ref, "The Authority.")
        .def_property_readonly(
            "assumptions", [](const case_handle& h) { return h.c->assumptions; },
            "What the case author assumed where the source is silent.")
        .def_property_readonly(
            "request", [](const case_handle& h) -> const request& { return h.c->request; }, ref, "The Request.")
        .def_property_readonly(
            "items", [](const case_handle& h) -> const std::vector<item>& { return h.c->items; }, ref,
            "The Item objects, in case order.")
        .def_property_readonly(
            "claims", [](const case_handle& h) -> const std::vector<claim>& { return h.c->claims; }, ref,
            "The Claim objects, in case order.")
        .def_property_readonly(
            "notice",
            [](const case_handle& h) -> const notice_record* { return h.c->notice ? &*h.c->notice : nullptr; }, ref,
            "The Notice, or None when the case records none.")
        .def_property_readonly(
            "decision_date", [](const case_handle& h) { return h.c->decision_date; },
            "When circumstances are assessed (a datetime.date), or None.")
        .def_property_readonly(
            "where", [](const case_handle& h) { return h.c->where; }, "Where the case was written.")
        .def(
            "item",
            [](const case_handle& h, std::string_view id) -> const item& {
                if (const item* i = h.c->find_item(id)) return *i;
                throw py::key_error(std::string(id));
            },
            ref, py::arg("id"), "The Item with this id; raises KeyError.")
        .def("__repr__", [](const case_handle& h) {
            return cat({"Case(id=", pyrepr(h.c->id), ", regime=", pyrepr(h.c->regime), ", items=",
                        std::to_string(h.c->items.size()), ", claims=", std::to_string(h.c->claims.size()), ")"});
        });
}

} // namespace candour::python
