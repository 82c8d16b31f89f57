// Evaluation: Rulebook.evaluate and Rulebook.evaluate_many, the latter over
// candour::evaluate_many (a thread pool) with the GIL released and Ctrl-C watched for between
// cases; results come back in input order.

#include "bindings.hpp"

#include <candour/evaluate_many.hpp>

#include <algorithm>
#include <exception>
#include <vector>

namespace candour::python {
namespace {

evaluation_options options_from(const std::optional<date>& as_of) {
    evaluation_options o;
    o.as_of = as_of;
    return o;
}

decision_handle evaluate_one(const rulebook& rules, const case_handle& c, const std::optional<date>& as_of) {
    const auto options = options_from(as_of);
    std::shared_ptr<const decision> d;
    {
        py::gil_scoped_release nogil;
        // The decision shares the Case's C++ object (immutable) instead of copying it.
        d = std::make_shared<const decision>(evaluate(rules, c.c, options));
    }
    return {std::move(d)};
}

py::list evaluate_many(const rulebook& rules, const py::iterable& cases, std::optional<long> jobs,
                       const std::optional<date>& as_of, const std::string& errors) {
    if (errors != "raise" && errors != "return")
        throw py::value_error(cat({"errors must be \"raise\" or \"return\", not '", errors, "'"}));
    if (jobs && *jobs < 1) throw py::value_error("jobs must be at least 1");

    std::vector<std::shared_ptr<const disclosure_case>> input;
    for (const auto& x : cases) {
        if (!py::isinstance<case_handle>(x))
            throw py::type_error(cat({"evaluate_many expects Case objects, not ",
                                      py::str(py::type::handle_of(x).attr("__name__")).cast<std::string>()}));
        input.push_back(x.cast<const case_handle&>().c);
    }
    evaluate_many_options options;
    options.evaluation = options_from(as_of);
    if (jobs) options.jobs = static_cast<unsigned>(std::min<long>(*jobs, 1L << 16));
    // This thread evaluates cases too (with the GIL released) and, between them, takes the GIL
    // back now and then to let Python see Ctrl-C: KeyboardInterrupt, once running cases finish.
    options.poll = [] {
        py::gil_scoped_acquire gil;
        if (PyErr_CheckSignals() != 0) throw py::error_already_set();
    };
    std::vector<evaluation_result> results;
    {
        py::gil_scoped_release nogil;
        results = candour::evaluate_many(rules, input, options);
    }
    if (errors == "raise") {
        for (const auto& r : results)
            if (r.error) std::rethrow_exception(r.error);
    }
    const std::size_t n = results.size();
    py::list out(n);
    for (std::size_t i = 0; i < n; ++i) {
        if (results[i].error)
            out[i] = exception_object(results[i].error);
        else
            out[i] = py::cast(decision_handle{std::move(results[i].decided)});
    }
    return out;
}

} // namespace

void register_evaluate(py::module_& m) {
    py::class_<rulebook> cls = m.attr("Rulebook");
    cls.def("evaluate", &evaluate_one, py::arg("case"), py::kw_only(), py::arg("as_of") = py::none(),
            "Evaluates a Case and returns its Decision. ``as_of`` (a datetime.date or \"YYYY-MM-DD\") assesses "
            "circumstances at that date instead of the case's decision date, like the CLI's --as-of. Raises "
            "LoadError (codes P3xx) if the case names a regime, provision, threshold, grade or weight the "
            "rulebook does not have. The GIL is released while it runs.");
    cls.def("evaluate_many", &evaluate_many, py::arg("cases"), py::kw_only(), py::arg("jobs") = py::none(),
            py::arg("as_of") = py::none(), py::arg("errors") = "raise",
            "Evaluates many cases in parallel (a C++ thread pool of ``jobs`` threads, by default one per core, "
            "with the GIL released) and returns the decisions in input order.\n\n"
            "``errors=\"raise\"`` (the default) lets every case finish, then raises the error of the first case "
            "(by position) that failed. ``errors=\"return\"`` raises nothing: each failed case's place in the "
            "list holds its exception object (a candour.Error such as LoadError) instead of a Decision. Ctrl-C "
            "stops it: cases running finish, no other starts, and KeyboardInterrupt is raised.");
}

} // namespace candour::python
