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

rulebook load_rules(const std::optional<std::filesystem::path>& dir, const load_limits* limits) {
    const auto l = limits_or_default(limits);
    py::gil_scoped_release nogil;
    // load_bundled() is load(bundled_rules_dir()) with default limits; this honours `limits` too.
    return rulebook::load(dir ? *dir : bundled_rules_dir(), l);
}

std::string number(double x) { return py::repr(py::float_(x)).cast<std::string>(); }

/// An optional citation as a pointer into the regime, so Python gets None or a kept-alive Citation.
const citation* maybe(const std::optional<citation>& c) { return c ? &*c : nullptr; }

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

    py::class_<working_day_calendar>(m, "WorkingDayCalendar",
                                     "A regime's working days: the holidays of the regions that count (FOIA "
                                     "s.10(6)). Days are datetime.date or \"YYYY-MM-DD\".")
        .def_property_readonly("id", &working_day_calendar::id, "E.g. \"uk-bank-holidays\".")
        .def("covers", &working_day_calendar::covers, py::arg("day"),
             "Whether the calendar's holiday data covers ``day``.")
        .def("is_working_day", &working_day_calendar::is_working_day, py::arg("day"),
             "False for weekends and the holidays of the regions that count.")
        .def(
            "holiday_name",
            [](const working_day_calendar& c, date d) -> std::optional<std::string> {
                auto name = c.holiday_name(d);
                if (name.empty()) return std::nullopt;
                return name;
            },
            py::arg("day"), "The name of the holiday on ``day``, or None.")
        .def("add_working_days", &working_day_calendar::add_working_days, py::arg("start"), py::arg("n"),
             "The ``n``th working day after ``start`` (the day of receipt does not count).")
        .def("working_days_between", &working_day_calendar::working_days_between, py::arg("start"), py::arg("end"),
             "Working days after ``start`` up to and including ``end``; 0 if ``end`` <= ``start``.")
        .def("__repr__", [](const working_day_calendar& c) {
            return cat({"WorkingDayCalendar(id=", pyrepr(c.id()), ")"});
        });

    py::class_<age_weakening>(m, "AgeWeakening",
                              "Scales the harm when the information is older than ``older_than_years`` at the "
                              "decision date.")
        .def_readonly("older_than_years", &age_weakening::older_than_years, "The age, in years.")
        .def_readonly("weight_multiplier", &age_weakening::weight_multiplier, "The multiplier applied to the harm.")
        .def("__repr__", [](const age_weakening& a) {
            return cat({"AgeWeakening(older_than_years=", std::to_string(a.older_than_years),
                        ", weight_multiplier=", number(a.weight_multiplier), ")"});
        });

    py::class_<harm_weakening>(m, "HarmWeakening",
                               "What weakens the harm side of the balance: availability in the public domain and "
                               "age. The multipliers are candour's calibration.")
        .def_readonly("public_domain_multiplier", &harm_weakening::public_domain_multiplier,
                      "Scales the harm of information already in the public domain.")
        .def_readonly("age", &harm_weakening::age, "AgeWeakening rungs, ascending by years.")
        .def_property_readonly(
            "source", [](const harm_weakening& w) { return maybe(w.source); }, ref,
            "The Citation the weakening rests on, or None.")
        .def("__repr__", [](const harm_weakening& w) {
            return cat({"HarmWeakening(public_domain_multiplier=", number(w.public_domain_multiplier),
                        ", age=", std::to_string(w.age.size()), " rungs)"});
        });

    py::class_<complaint_route>(m, "ComplaintRoute", "Where a requester can complain: the review and the regulator.")
        .def_readonly("review", &complaint_route::review,
                      "The internal review, e.g. \"internal review (s.45 Code of Practice)\".")
        .def_readonly("regulator", &complaint_route::regulator, "E.g. \"the Information Commissioner\".")
        .def_readonly("right", &complaint_route::right, "The Citation of the right to complain (FOIA s.50).")
        .def_readonly("regulator_uri", &complaint_route::regulator_uri, "The regulator's address.")
        .def("__repr__", [](const complaint_route& c) {
            return cat({"ComplaintRoute(regulator=", pyrepr(c.regulator), ")"});
        });

    py::class_<notice_wording>(m, "NoticeWording",
                               "The requester-facing notice's wording in one language (templates/notice.LANG.yaml): "
                               "the language to pass as Decision.render(..., language=...).")
        .def_readonly("language", &notice_wording::language, "E.g. \"en\", \"cy\".")
        .def_readonly("sentences", &notice_wording::sentences,
                      "Every sentence by key (\"thanks\", \"pit_intro\", ...), with {placeholders}.")
        .def_readonly("months", &notice_wording::months, "The twelve month names, January first.")
        .def_readonly("where", &notice_wording::where, "The template file.")
        .def("__repr__", [](const notice_wording& w) {
            return cat({"NoticeWording(language=", pyrepr(w.language),
                        ", sentences=", std::to_string(w.sentences.size()), ")"});
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
        .def_property_readonly(
            "aggregation_authority", [](const regime& r) { return maybe(r.balancing.aggregation_authority); }, ref,
            "The Citation that makes the balancing cumulative (DBT v IC [2025] UKSC 27), or None.")
        .def_property_readonly(
            "aggregation_since", [](const regime& r) { return r.balancing.aggregation_since; },
            "The decision date from which the balancing is cumulative (a datetime.date), or None.")
        .def_property_readonly(
            "ncnd_source", [](const regime& r) { return maybe(r.balancing.ncnd_source); }, ref,
            "The Citation of the test for the duty to confirm or deny, or None.")
        .def_property_readonly(
            "presumption_weight", [](const regime& r) { return r.balancing.presumption_weight; },
            "Weight a statutory presumption adds to the disclosure side (EIR reg 12(2)); 0.0 if none.")
        .def_property_readonly(
            "presumption_source", [](const regime& r) { return maybe(r.balancing.presumption_source); }, ref,
            "The Citation of that presumption, or None.")
        .def_property_readonly(
            "presumption_factor",
            [](const regime& r) -> const factor* {
                return r.balancing.presumption_weight > 0 ? &r.balancing.presumption_factor : nullptr;
            },
            ref,
            "The presumption as the Factor every public interest test weighs (its FactorAssessment's "
            "``factor``), or None.")
        .def_readonly("thresholds", &regime::thresholds, "Likelihood thresholds, lowest first.")
        .def_readonly("evidence_grades", &regime::evidence_grades, "Evidence grades.")
        .def_readonly("weakening", &regime::weakening,
                      "The HarmWeakening: public domain and age multipliers applied to the harm.")
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
            "working_day_calendar", [](const regime& r) -> const working_day_calendar& { return r.deadline.calendar; },
            ref, "The WorkingDayCalendar itself: working days, holidays, deadlines.")
        .def_property_readonly(
            "calendar_regions", [](const regime& r) { return r.deadline.calendar_regions; },
            "The calendar regions whose holidays count ([] : all).")
        .def_property_readonly(
            "extension_note", [](const regime& r) { return r.deadline.extension_note; },
            "How far the time limit may be extended (FOIA s.10(3)), or \"\".")
        .def_readonly("complaints", &regime::complaints, "The ComplaintRoute: internal review and regulator.")
        .def_property_readonly(
            "unstated_threshold_rule", [](const regime& r) { return r.unstated_threshold_rule; },
            "What applies when an authority chooses no likelihood threshold.")
        .def_readonly("unstated_threshold_source", &regime::unstated_threshold_source,
                      "The Citation of that rule (ICO LTT13).")
        .def_readonly("notice_templates", &regime::notice_templates,
                      "The NoticeWording of each language, sorted by language. Empty: the notice uses candour's "
                      "built-in English wording, so only language=\"en\" renders.")
        .def_readonly("verified", &regime::verified, "Whether the regime's rules were checked against their sources.")
        .def_readonly("verification_note", &regime::verification_note, "What was or was not verified.")
        .def_readonly("where", &regime::where, "Where it was loaded from.")
        .def("__repr__", [](const regime& r) {
            return cat({"Regime(id=", pyrepr(r.id), ", title=", pyrepr(r.title), ")"});
        });

    py::class_<information_bar>(m, "InformationBar",
                                "A kind of information a provision cannot be relied on for, and the provision that "
                                "says so: EIR reg 12(9) bars reg 12(5)(d) to (g) for information on emissions.")
        .def_readonly("kind", &information_bar::kind, "Matched against Item.concerns, e.g. \"emissions\".")
        .def_readonly("by", &information_bar::by, "The barring provision, in the same regime, e.g. \"reg.12(9)\".")
        .def("__repr__", [](const information_bar& b) {
            return cat({"InformationBar(kind=", pyrepr(b.kind), ", by=", pyrepr(b.by), ")"});
        });

    py::class_<regime_route>(m, "RegimeRoute",
                             "A route to another rulebook: FOIA s.39 sends environmental information to the EIR 2004.")
        .def_readonly("regime", &regime_route::regime, "The regime the information falls to be dealt with under.")
        .def_readonly("provision", &regime_route::provision, "Optionally, the provision of that regime, or \"\".")
        .def_readonly("where", &regime_route::where, "Where it was written.")
        .def("__repr__", [](const regime_route& r) {
            return cat({"RegimeRoute(regime=", pyrepr(r.regime), ", provision=", pyrepr(r.provision), ")"});
        });

    py::class_<shared_interest>(m, "SharedInterest",
                                "Another provision of the same regime that shares default maintain-side factors "
                                "with the one asked about (Rulebook.shared_interests).")
        .def_readonly("provision_id", &shared_interest::provision_id, "The other provision, e.g. \"s.31(1)(b)\".")
        .def_readonly("factor_ids", &shared_interest::factor_ids, "The factors both carry, by id.")
        .def("__repr__", [](const shared_interest& s) {
            return cat({"SharedInterest(provision_id=", pyrepr(s.provision_id), ", factor_ids=", join_repr(s.factor_ids), ")"});
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
        .def_readonly("presumption_applies", &provision::presumption_applies,
                      "False where the regime's presumption in favour of disclosure (EIR reg 12(2)) is not weighed in "
                      "this exemption's public interest test (EIR reg 13, on the ICO's reading).")
        .def_readonly("unavailable_for", &provision::unavailable_for,
                      "InformationBar objects: kinds of information it cannot be relied on for.")
        .def_property_readonly(
            "historical_limit_years",
            [](const provision& p) -> std::optional<int> {
                if (p.history) return p.history->years;
                return std::nullopt;
            },
            "Years after which it stops applying to a record (FOIA s.63), or None.")
        .def_property_readonly(
            "historical_limit_source",
            [](const provision& p) -> const citation* { return p.history ? &p.history->source : nullptr; }, ref,
            "The Citation of that limit, or None.")
        .def_readonly("routes_to", &provision::routes_to,
                      "RegimeRoute objects: other regimes the information falls to be dealt with under.")
        .def(
            "historical_limit_passed",
            [](const provision& p, date created, date on, std::optional<date> relevant_death) -> std::optional<bool> {
                if (!p.history) return std::nullopt;
                return p.history->on(on).passed(created, relevant_death, on);
            },
            py::arg("created"), py::arg("on"), py::arg("relevant_death") = py::none(),
            "Whether the historical-record limit in force on ``on`` has passed for a record created on "
            "``created`` (FOIA s.63 with SI 2012/3029; FOISA s.57-58); ``relevant_death`` for the s.37(1)(a)-(ad) "
            "and FOISA s.41(a) rule. None when the provision has no limit.")
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
        .def_static("load", &load_rules, py::arg("path") = py::none(), py::kw_only(), py::arg("limits") = py::none(),
                    "Loads every regime under the folder ``path``, or the bundled rules when ``path`` is None "
                    "(see bundled_rules_dir()). ``limits`` (a LoadLimits) bounds what each file may cost. Raises "
                    "LoadError with every diagnostic found.")
        .def_static(
            "check",
            [](const std::optional<std::filesystem::path>& dir, const load_limits* limits) {
                const auto l = limits_or_default(limits);
                py::gil_scoped_release nogil;
                return rulebook::check(dir ? *dir : bundled_rules_dir(), l);
            },
            py::arg("path") = py::none(), py::kw_only(), py::arg("limits") = py::none(),
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
        .def("shared_interests", &rulebook::shared_interests, py::arg("provision"),
             "The provisions of the same regime whose default maintain-side factors overlap this one's: a "
             "list of SharedInterest, in rulebook order (`candour rules show`).")
        .def("__repr__", [](const rulebook& r) {
            std::vector<std::string> ids;
            for (const auto& g : r.regimes()) ids.push_back(g.id);
            return cat(
                {"Rulebook(regimes=", join_repr(ids), ", provisions=", std::to_string(r.provisions().size()), ")"});
        });
}

} // namespace candour::python
