// Rulebooks: Regime (with its thresholds, evidence grades, irrelevant factors and notice
// requirements), Provision and Rulebook itself (loading, checking and look-ups; evaluation is
// added in register_evaluate.cpp).

#include "bindings.hpp"

namespace candour::python {
namespace {

constexpr auto ref = py::return_value_policy::reference_internal;

std::string join_repr(const std::vector<std::string>& xs) {
    std::string out = "[";
    for (std::size_t i = 0; i < xs.size(); ++i) {
        if (i) out += ", ";
        out += pyrepr(xs[i]);
    }
    out += ']';
    return out;
}

rulebook load_rules(const std::optional<std::filesystem::path>& dir) {
    py::gil_scoped_release nogil;
    return dir ? rulebook::load(*dir) : rulebook::load_bundled();
}

} // namespace

void register_rules(py::module_& m) {
    py::class_<likelihood_threshold>(
        m, "LikelihoodThreshold", "One rung of a regime's likelihood vocabulary (\"would be likely to\", \"would\").")
        .def_readonly("id", &likelihood_threshold::id, "E.g. \"would-be-likely-to\".")
        .def_readonly("phrase", &likelihood_threshold::phrase, "E.g. \"would be likely to\".")
        .def_readonly("meaning", &likelihood_threshold::meaning, "What the threshold requires.")
        .def_readonly("weight_multiplier", &likelihood_threshold::weight_multiplier,
                      "Scales the harm in the public interest balance.")
        .def_readonly("source", &likelihood_threshold::source, "The Citation it rests on.")
        .def("__repr__", [](const likelihood_threshold& t) {
            return cat({"LikelihoodThreshold(id=", pyrepr(t.id),
                        ", weight_multiplier=", py::repr(py::float_(t.weight_multiplier)).cast<std::string>(), ")"});
        });

    py::class_<evidence_grade>(
        m, "EvidenceGrade",
        "How strongly evidence ties a prejudice to the information (\"specific\", \"generic\", \"none\").")
        .def_readonly("id", &evidence_grade::id, "E.g. \"generic\".")
        .def_readonly("meaning", &evidence_grade::meaning, "What the grade means.")
        .def_readonly("weight_multiplier", &evidence_grade::weight_multiplier,
                      "Scales the harm in the public interest balance.")
        .def("__repr__", [](const evidence_grade& g) {
            return cat({"EvidenceGrade(id=", pyrepr(g.id),
                        ", weight_multiplier=", py::repr(py::float_(g.weight_multiplier)).cast<std::string>(), ")"});
        });

    py::class_<irrelevant_factor>(m, "IrrelevantFactor", "A consideration the law says must not be weighed.")
        .def_readonly("category", &irrelevant_factor::category, "E.g. \"requester-identity\".")
        .def_readonly("description", &irrelevant_factor::description, "Why it is irrelevant.")
        .def_readonly("source", &irrelevant_factor::source, "The Citation it rests on.")
        .def("__repr__", [](const irrelevant_factor& f) {
            return cat({"IrrelevantFactor(category=", pyrepr(f.category), ")"});
        });

    py::class_<notice_requirement>(m, "NoticeRequirement", "An element a refusal notice must contain (FOIA s.17).")
        .def_readonly("id", &notice_requirement::id, "E.g. \"complaint-right\".")
        .def_readonly("provision", &notice_requirement::provision, "E.g. \"s.17(7)(b)\".")
        .def_readonly("description", &notice_requirement::description, "What the notice must say.")
        .def_readonly("qualified_only", &notice_requirement::qualified_only,
                      "Only when a qualified exemption is relied on.")
        .def("__repr__", [](const notice_requirement& r) {
            return cat({"NoticeRequirement(id=", pyrepr(r.id), ", provision=", pyrepr(r.provision), ")"});
        });

    py::class_<regime>(m, "Regime", "One access-to-information law (e.g. FOIA 2000) and what all its provisions share.")
        .def_readonly("id", &regime::id, "E.g. \"uk-foia-2000\".")
        .def_readonly("title", &regime::title, "E.g. \"Freedom of Information Act 2000\".")
        .def_readonly("short_title", &regime::short_title, "E.g. \"FOIA\".")
        .def_readonly("jurisdiction", &regime::jurisdiction, "Where the law applies.")
        .def_readonly("uri", &regime::uri, "The legislation's address.")
        .def_property_readonly(
            "balancing_test", [](const regime& r) { return r.balancing.test; },
            "The public interest test in the law's words.")
        .def_property_readonly(
            "balancing_source", [](const regime& r) -> const citation& { return r.balancing.source; }, ref,
            "The Citation of the balancing rule (FOIA s.2(2)(b)).")
        .def_property_readonly(
            "ncnd_test", [](const regime& r) { return r.balancing.ncnd_test; },
            "The test for the duty to confirm or deny (FOIA s.2(1)(b)), or \"\" if the regime has none.")
        .def_property_readonly(
            "tie", [](const regime& r) { return to_string(r.balancing.tie); },
            "Who wins an evenly balanced public interest: \"disclose\" or \"withhold\".")
        .def_property_readonly(
            "aggregation", [](const regime& r) { return to_string(r.balancing.aggregation); },
            "\"per-exemption\" or \"cumulative\".")
        .def_readonly("thresholds", &regime::thresholds, "Likelihood thresholds, lowest first.")
        .def_readonly("evidence_grades", &regime::evidence_grades, "Evidence grades.")
        .def_property_readonly(
            "weights",
            [](const regime& r) {
                py::dict out;
                for (const auto& w : r.weights) out[py::str(w.name)] = w.value;
                return out;
            },
            "The named weights, lightest first: {\"slight\": 1.0, ...}.")
        .def_readonly("irrelevant_factors", &regime::irrelevant_factors, "Considerations that must not be weighed.")
        .def_readonly("notice_requirements", &regime::notice_requirements, "What a refusal notice must contain.")
        .def_property_readonly(
            "period", [](const regime& r) { return r.deadline.period; },
            "The time limit for a response, in days counted as ``days`` says.")
        .def_property_readonly(
            "days", [](const regime& r) { return to_string(r.deadline.days); },
            "How the time limit is counted: \"working\" or \"calendar\" days.")
        .def_property_readonly(
            "deadline_source", [](const regime& r) -> const citation& { return r.deadline.source; }, ref,
            "The Citation of the time limit (FOIA s.10(1)).")
        .def_property_readonly(
            "calendar", [](const regime& r) { return r.deadline.calendar.id(); }, "The id of the working-day calendar.")
        .def_property_readonly(
            "unstated_threshold_rule", [](const regime& r) { return r.unstated_threshold_rule; },
            "What applies when an authority chooses no likelihood threshold.")
        .def_readonly("verified", &regime::verified, "Whether the regime's rules were checked against their sources.")
        .def_readonly("verification_note", &regime::verification_note, "What was or was not verified.")
        .def_readonly("where", &regime::where, "Where it was loaded from.")
        .def("__repr__", [](const regime& r) {
            return cat({"Regime(id=", pyrepr(r.id), ", title=", pyrepr(r.title), ")"});
        });

    py::class_<provision>(m, "Provision",
                          "A provision of a regime: an exemption such as s.31(1)(a), a duty, or a procedural rule.")
        .def_readonly("id", &provision::id, "As cited within its regime, e.g. \"s.31(1)(a)\".")
        .def_readonly("regime", &provision::regime, "The regime id.")
        .def_readonly("title", &provision::title, "E.g. \"Law enforcement: prevention or detection of crime\".")
        .def_readonly("citation", &provision::citation_text,
                      "E.g. \"Freedom of Information Act 2000, section 31(1)(a)\".")
        .def_readonly("uri", &provision::uri, "The legislation.gov.uk address.")
        .def_readonly("text", &provision::text, "The operative words, quoted.")
        .def_property_readonly(
            "role", [](const provision& p) { return to_string(p.role); },
            "\"exemption\", \"duty\", \"procedure\" or \"definition\".")
        .def_property_readonly(
            "status", [](const provision& p) { return to_string(p.status); },
            "\"absolute\", \"qualified\" or \"not-applicable\".")
        .def_property_readonly(
            "test", [](const provision& p) { return to_string(p.test); },
            "\"class\", \"prejudice\", \"reasonable-opinion\", \"necessity\" or \"not-applicable\".")
        .def_readonly("protected_interest", &provision::protected_interest,
                      "The interest a prejudice-based exemption protects.")
        .def_readonly("class_conditions", &provision::class_conditions,
                      "What puts information in the class (class-based).")
        .def_readonly("ncnd", &provision::ncnd, "The provision excluding the duty to confirm or deny, or \"\".")
        .def_readonly("subsidiary_to", &provision::subsidiary_to, "Applies only to information not exempt under these.")
        .def_readonly("exclusive_with", &provision::exclusive_with, "Cannot apply together with these.")
        .def_readonly("purposes", &provision::purposes, "Purposes a claim may rely on (e.g. the s.31(2) purposes).")
        .def_property_readonly(
            "historical_limit_years",
            [](const provision& p) -> std::optional<int> {
                if (p.history) return p.history->years;
                return std::nullopt;
            },
            "Years after which it stops applying to a record (FOIA s.63), or None.")
        .def_readonly("in_force_from", &provision::in_force_from, "A datetime.date, or None.")
        .def_readonly("in_force_to", &provision::in_force_to, "A datetime.date, or None.")
        .def_readonly("factors", &provision::default_factors, "The default public interest factors, as Factor objects.")
        .def_readonly("verified", &provision::verified, "Whether it was checked against its source.")
        .def_readonly("verification_note", &provision::verification_note, "What was or was not verified.")
        .def_readonly("where", &provision::where, "Where it was loaded from.")
        .def("in_force_on", &provision::in_force_on, py::arg("day"),
             "Whether it was in force on ``day`` (a datetime.date or \"YYYY-MM-DD\").")
        .def("__repr__", [](const provision& p) {
            return cat({"Provision(regime=", pyrepr(p.regime), ", id=", pyrepr(p.id),
                        ", status=", pyrepr(to_string(p.status)), ", test=", pyrepr(to_string(p.test)), ")"});
        });

    py::class_<rulebook>(m, "Rulebook",
                         "The regimes and provisions loaded from a rules folder. Immutable; one rulebook serves "
                         "any number of evaluations, on any number of threads.")
        .def_static("load", &load_rules, py::arg("path") = py::none(),
                    "Loads every regime under the folder ``path``, or the bundled rules when ``path`` is None "
                    "(see bundled_rules_dir()). Raises LoadError with every diagnostic found.")
        .def_static(
            "check",
            [](const std::optional<std::filesystem::path>& dir) {
                py::gil_scoped_release nogil;
                return rulebook::check(dir ? *dir : bundled_rules_dir());
            },
            py::arg("path") = py::none(),
            "Loads and checks a rules folder (the bundled rules when None) without raising: a list of "
            "Diagnostic for every problem, errors, warnings and notes (`candour rules check`).")
        .def_property_readonly("regimes", &rulebook::regimes, ref, "Every Regime, in load order.")
        .def_property_readonly("provisions", &rulebook::provisions, ref, "Every Provision of every regime.")
        .def("regime", &rulebook::get_regime, ref, py::arg("id"), "The Regime with this id; raises NotFoundError.")
        .def(
            "provision",
            [](const rulebook& r, std::string_view id, std::optional<std::string> regime_id) -> const provision& {
                if (regime_id) return r.get_provision(*regime_id, id);
                const provision* found = nullptr;
                for (const auto& p : r.provisions()) {
                    if (p.id != id) continue;
                    if (found)
                        throw lookup_error(
                            cat({"provision '", std::string(id), "' is in several regimes; name the regime"}));
                    found = &p;
                }
                if (!found) throw lookup_error(cat({"unknown provision '", std::string(id), "'"}));
                return *found;
            },
            ref, py::arg("id"), py::arg("regime") = py::none(),
            "The Provision with this id, in ``regime`` (a regime id) or in the only regime that has it; "
            "raises NotFoundError.")
        .def("__repr__", [](const rulebook& r) {
            std::vector<std::string> ids;
            for (const auto& g : r.regimes()) ids.push_back(g.id);
            return cat(
                {"Rulebook(regimes=", join_repr(ids), ", provisions=", std::to_string(r.provisions().size()), ")"});
        });
}

} // namespace candour::python
