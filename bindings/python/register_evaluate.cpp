// Evaluation: Rulebook.evaluate and Rulebook.evaluate_many. candour::evaluate only reads the
// rulebook (immutable, shared) and its own copy of the case, so evaluations run in parallel on
// a std::thread pool with the GIL released; results come back in input order.

#include "bindings.hpp"

#include <algorithm>
#include <atomic>
#include <exception>
#include <system_error>
#include <thread>
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
    const auto options = options_from(as_of);
    const std::size_t n = input.size();
    std::vector<std::shared_ptr<const decision>> results(n);
    std::vector<std::exception_ptr> failures(n);

    {
        py::gil_scoped_release nogil;
        const std::size_t cores = std::max(1u, std::thread::hardware_concurrency());
        const std::size_t workers =
            std::min<std::size_t>(jobs ? static_cast<std::size_t>(*jobs) : cores, std::max<std::size_t>(n, 1));
        // Cases are handed out in runs of consecutive ones: one atomic step per run instead of
        // per case, and each thread writes its own stretch of `results` rather than every other
        // slot (two threads writing neighbouring slots would share, and fight over, cache lines).
        // Runs are short enough that the threads still finish together.
        const std::size_t run = std::clamp<std::size_t>(n / (workers * 8), 1, 16);
        std::atomic<std::size_t> next{0};
        auto work = [&] {
            for (std::size_t first = next.fetch_add(run); first < n; first = next.fetch_add(run)) {
                for (std::size_t i = first, end = std::min(first + run, n); i < end; ++i) {
                    try {
                        results[i] = std::make_shared<const decision>(evaluate(rules, input[i], options));
                    } catch (...) { failures[i] = std::current_exception(); }
                }
            }
        };
        if (workers <= 1) {
            work();
        } else {
            std::vector<std::thread> pool;
            pool.reserve(workers - 1);
            try {
                for (std::size_t t = 1; t < workers; ++t) pool.emplace_back(work);
            } catch (const std::system_error&) {
                // No more threads to be had: the ones started (and this one) still do all the work.
            }
            work();
            for (auto& t : pool) t.join();
        }
    }

    if (errors == "raise") {
        for (const auto& f : failures)
            if (f) std::rethrow_exception(f);
    }
    py::list out(n);
    for (std::size_t i = 0; i < n; ++i) {
        if (failures[i])
            out[i] = exception_object(failures[i]);
        else
            out[i] = py::cast(decision_handle{std::move(results[i])});
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
            "list holds its exception object (a candour.Error such as LoadError) instead of a Decision.");
}

} // namespace candour::python
