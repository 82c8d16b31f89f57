// Batches and scenarios: Rulebook.run_batch (candour::run_batch, the CLI's `evaluate --batch`) with
// batch_cases and batch_file_name; Rulebook.load_scenarios and Rulebook.run_scenario (`candour
// rules test`). Both wrap the C++ functions as they are, so files, names and results match the CLI.

#include "bindings.hpp"

#include <candour/batch.hpp> // not in candour.hpp

#include <atomic>

namespace candour::python {
namespace {

/// A loaded scenario, shared so that its case can be handed out as a Case without a copy.
struct scenario_handle {
    std::shared_ptr<const scenario> s;
};

std::optional<std::filesystem::path> nonempty(const std::filesystem::path& p) {
    if (p.empty()) return std::nullopt;
    return p;
}

batch_summary run_batch_py(const rulebook& rules, const py::iterable& cases, const std::string& format,
                           std::string language, const std::optional<date>& as_of, std::optional<long> jobs,
                           const std::optional<std::filesystem::path>& out_dir, const load_limits* limits,
                           const std::optional<py::function>& on_result, const py::object& cancel, bool durable) {
    if (jobs && *jobs < 1) throw py::value_error("jobs must be at least 1");
    std::vector<std::filesystem::path> files;
    for (const auto& x : cases) {
        try {
            files.push_back(x.cast<std::filesystem::path>());
        } catch (const py::cast_error&) {
            throw py::type_error(cat({"run_batch expects case file paths (str or os.PathLike), not ",
                                      py::str(py::type::handle_of(x).attr("__name__")).cast<std::string>()}));
        }
    }

    batch_options options;
    options.format = format_from_name(format);
    options.render.language = std::move(language);
    options.evaluation.as_of = as_of;
    options.limits = limits_or_default(limits);
    options.jobs = jobs ? static_cast<unsigned>(*jobs) : 0u;
    if (out_dir) options.out_dir = *out_dir;
    options.durable = durable;
    auto cancelled = [&cancel] { return !cancel.is_none() && cancel.attr("is_set")().cast<bool>(); };
    std::atomic<bool> stop{cancelled()};
    options.cancel = &stop;

    batch_callback callback;
    if (on_result) {
        // run_batch calls this on a worker thread, one call at a time; a Python exception it raises
        // stops the batch and comes back out of run_batch below.
        callback = [&fn = *on_result](const batch_result& r) {
            py::gil_scoped_acquire gil;
            fn(py::cast(r, py::return_value_policy::copy));
        };
    }

    // This thread works through cases too (with the GIL released) and, between them, takes the
    // GIL back now and then: Ctrl-C raises KeyboardInterrupt once running cases finish, and
    // cancel.set() stops the batch through the flag a C++ caller's signal handler would set.
    options.poll = [&] {
        py::gil_scoped_acquire gil;
        if (PyErr_CheckSignals() != 0) throw py::error_already_set();
        if (cancelled()) stop = true;
    };
    py::gil_scoped_release nogil;
    return run_batch(rules, files, options, callback);
}

} // namespace

void register_batch(py::module_& m) {
    py::class_<batch_result>(m, "BatchResult",
                             "One case of a batch: its rendered decision, or the diagnostics that stopped it.")
        .def_readonly("index", &batch_result::index, "Position of the case in the input list.")
        .def_readonly("case_file", &batch_result::case_file, "The case file, a pathlib.Path.")
        .def_readonly("name", &batch_result::name,
                      "Unique within the batch: the file's stem, with \"-2\", \"-3\" on repeats.")
        .def_readonly("decided", &batch_result::decided, "True: ``output`` holds the decision; False: see diagnostics.")
        .def_readonly("output", &batch_result::output, "The rendered decision (when decided), else \"\".")
        .def_readonly("diagnostics", &batch_result::diagnostics,
                      "Why the case failed, or the warnings of a decided case: Diagnostic objects.")
        .def_property_readonly(
            "written", [](const batch_result& r) { return nonempty(r.written); },
            "The file written in out_dir (a pathlib.Path), or None.")
        .def("__repr__", [](const batch_result& r) {
            return cat({"BatchResult(index=", std::to_string(r.index), ", name=", pyrepr(r.name),
                        ", decided=", r.decided ? "True" : "False", ")"});
        });

    py::class_<batch_summary>(m, "BatchSummary", "What a batch did: cases evaluated, failed and not started.")
        .def_readonly("total", &batch_summary::total, "Cases in the input list.")
        .def_readonly("evaluated", &batch_summary::evaluated, "Cases finished, decided or failed.")
        .def_readonly("failed", &batch_summary::failed, "Of those, cases that gave diagnostics instead of a decision.")
        .def_readonly("cancelled", &batch_summary::cancelled,
                      "Stopped early (cancel was set): total - evaluated cases were never started.")
        .def_property_readonly("not_started", &batch_summary::not_started, "total - evaluated.")
        .def("__str__", &batch_summary::to_string)
        .def("__repr__", [](const batch_summary& s) {
            return cat({"BatchSummary(total=", std::to_string(s.total), ", evaluated=", std::to_string(s.evaluated),
                        ", failed=", std::to_string(s.failed), ", cancelled=", s.cancelled ? "True" : "False", ")"});
        });

    m.def(
        "batch_cases",
        [](const std::filesystem::path& folder_or_list) {
            py::gil_scoped_release nogil;
            return batch_cases(folder_or_list);
        },
        py::arg("folder_or_list"),
        "The case files of a batch, as pathlib.Path: the *.yaml files directly in a folder, sorted by name; or, "
        "for a file, one path a line (relative to the list's folder; blank lines and '#' lines skipped). Raises "
        "LoadError (P102) when the folder or list cannot be read.");
    m.def(
        "batch_file_name",
        [](const std::string& name, const std::string& format, bool decided) {
            return batch_file_name(name, format_from_name(format), decided);
        },
        py::arg("name"), py::arg("format"), py::arg("decided") = true,
        "The file name run_batch writes a result under: NAME.record.md, NAME.notice.md, NAME.json, ...; "
        "NAME.diagnostics.txt for a case that failed.");

    py::class_<scenario_expectation>(m, "ScenarioExpectation",
                                     "What a scenario expects of the decision. Only what it names is checked.")
        .def_property_readonly(
            "outcome",
            [](const scenario_expectation& e) -> std::optional<std::string> {
                if (e.outcome) return std::string(to_string(*e.outcome));
                return std::nullopt;
            },
            "The request outcome (\"full\", \"partial\", ...), or None.")
        .def_property_readonly(
            "items",
            [](const scenario_expectation& e) {
                py::dict out;
                for (const auto& [id, outcome] : e.items) out[py::str(id)] = to_string(outcome);
                return out;
            },
            "Item id -> outcome (\"disclose\", \"withhold\", ...).")
        .def_property_readonly(
            "statements",
            [](const scenario_expectation& e) {
                py::dict out;
                for (const auto& [key, l] : e.statements) out[py::str(key)] = to_string(l);
                return out;
            },
            "Statement key -> label (\"accepted\", \"rejected\", \"undecided\").")
        .def_readonly("flags", &scenario_expectation::flags, "Review flag codes that must be raised.")
        .def_readonly("no_flags", &scenario_expectation::no_flags, "Review flag codes that must not be raised.")
        .def("__repr__", [](const scenario_expectation& e) {
            return cat({"ScenarioExpectation(outcome=", e.outcome ? pyrepr(to_string(*e.outcome)) : std::string("None"),
                        ", items=", std::to_string(e.items.size()),
                        ", statements=", std::to_string(e.statements.size()), ")"});
        });

    py::class_<scenario_handle>(m, "Scenario",
                                "A scenario beside the rules (a regime's tests/ folder): a case in, the expected "
                                "outcome out. Run by Rulebook.run_scenario, as `candour rules test` does.")
        .def_property_readonly(
            "name", [](const scenario_handle& h) { return h.s->name; }, "What the scenario shows.")
        .def_property_readonly(
            "covers", [](const scenario_handle& h) { return h.s->covers; }, "The provision ids it exercises.")
        .def_property_readonly(
            "case",
            [](const scenario_handle& h) {
                // Shares the scenario's ownership: no copy of the case.
                return case_handle{std::shared_ptr<const disclosure_case>(h.s, &h.s->input)};
            },
            "The Case it evaluates.")
        .def_property_readonly(
            "as_of", [](const scenario_handle& h) { return h.s->as_of; },
            "The date it is evaluated as at (a datetime.date), or None.")
        .def_property_readonly(
            "expect", [](const scenario_handle& h) -> const scenario_expectation& { return h.s->expect; },
            py::return_value_policy::reference_internal, "What it expects: a ScenarioExpectation.")
        .def_property_readonly(
            "where", [](const scenario_handle& h) { return h.s->where; }, "Where it was written.")
        .def("__repr__", [](const scenario_handle& h) {
            return cat({"Scenario(name=", pyrepr(h.s->name), ")"});
        });

    py::class_<scenario_result>(m, "ScenarioResult", "How a scenario fared: passed, or each way it failed.")
        .def_readonly("name", &scenario_result::name, "The scenario's name.")
        .def_readonly("where", &scenario_result::where, "Where the scenario was written.")
        .def_readonly("failures", &scenario_result::failures, "What differed from the expectation; [] when it passed.")
        .def_property_readonly("passed", &scenario_result::passed, "True when there are no failures.")
        .def("__repr__", [](const scenario_result& r) {
            return cat({"ScenarioResult(name=", pyrepr(r.name), ", passed=", r.passed() ? "True" : "False", ")"});
        });

    py::class_<rulebook> cls = m.attr("Rulebook");
    cls.def(
        "load_scenarios",
        [](const rulebook& rules, const std::optional<std::filesystem::path>& dir, const load_limits* limits) {
            const auto l = limits_or_default(limits);
            std::vector<scenario> loaded;
            {
                py::gil_scoped_release nogil;
                loaded = load_scenarios(rules, dir ? *dir : bundled_rules_dir(), l);
            }
            std::vector<scenario_handle> out;
            out.reserve(loaded.size());
            for (auto& s : loaded) out.push_back({std::make_shared<const scenario>(std::move(s))});
            return out;
        },
        py::arg("path") = py::none(), py::kw_only(), py::arg("limits") = py::none(),
        "Loads every scenario file in the tests/ folders under ``path`` (the bundled rules when None), checking "
        "each case against this rulebook. Raises LoadError with every diagnostic found.");
    cls.def(
        "run_scenario",
        [](const rulebook& rules, const scenario_handle& s) {
            py::gil_scoped_release nogil;
            return run_scenario(rules, *s.s);
        },
        py::arg("scenario"), "Evaluates a Scenario and compares the decision with its expectation: a ScenarioResult.");
    cls.def("run_batch", &run_batch_py, py::arg("cases"), py::kw_only(), py::arg("format") = "record",
            py::arg("language") = render_options{}.language, py::arg("as_of") = py::none(),
            py::arg("jobs") = py::none(), py::arg("out_dir") = py::none(), py::arg("limits") = py::none(),
            py::arg("on_result") = py::none(), py::arg("cancel") = py::none(), py::arg("durable") = true,
            "Loads, evaluates and renders many case files in parallel, as `candour evaluate --batch` does "
            "(candour::run_batch), and returns a BatchSummary. Each case gives exactly one result: its rendered "
            "decision or the diagnostics that stopped it; a failed case never raises.\n\n"
            "``cases``: case file paths (see batch_cases). ``format``, ``language`` and ``as_of`` as for render "
            "and evaluate. ``jobs``: worker threads (default one per core). ``out_dir``: write each result to "
            "its own file there (batch_file_name), through a temporary name and a rename; ``durable=False`` skips "
            "flushing each file to disk first (faster; a file is still whole or absent, but may be lost in a power "
            "failure; the CLI's --no-sync). ``limits``: a "
            "LoadLimits. ``on_result(result)`` is called with each BatchResult as it finishes, one call at a "
            "time; if it raises, no new case starts and the exception is raised once running cases finish. "
            "``cancel``: a threading.Event; once set, no new case starts and the summary says cancelled. "
            "Ctrl-C does the same and then raises KeyboardInterrupt. The GIL is released while cases run.");
}

} // namespace candour::python
