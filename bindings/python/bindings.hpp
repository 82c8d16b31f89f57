#pragma once
// Shared by the register_*.cpp files of candour._core: the date conversion, the handles that
// keep a case or a decision alive, and the views that read a decision through such a handle.
//
// Ownership: a Python Case or Decision holds a shared_ptr to an immutable C++ object; every
// view into it (an item finding, a statement, ...) holds the same shared_ptr and an index,
// so no Python object can outlive what it points to. Plain structs of a rulebook or a case
// (Provision, Item, ...) are returned by reference with keep-alive on their parent object.

#include <candour/candour.hpp>

#include <pybind11/pybind11.h>
#include <pybind11/stl.h>
#include <pybind11/stl/filesystem.h>

#include <datetime.h>

#include <cstddef>
#include <initializer_list>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace pybind11::detail {

/// candour::date <-> datetime.date. Loading also accepts an ISO "YYYY-MM-DD" string and raises
/// ValueError for one that is not a real date.
template <> struct type_caster<candour::date> {
public:
    PYBIND11_TYPE_CASTER(candour::date, const_name("datetime.date"));

    bool load(handle src, bool) {
        if (!src) return false;
        if (!PyDateTimeAPI) { PyDateTime_IMPORT; }
        if (!PyDateTimeAPI) throw error_already_set();
        if (PyDate_Check(src.ptr())) {
            const auto d = candour::date::from_ymd(PyDateTime_GET_YEAR(src.ptr()), PyDateTime_GET_MONTH(src.ptr()),
                                                   PyDateTime_GET_DAY(src.ptr()));
            if (!d) return false;
            value = *d;
            return true;
        }
        if (PyUnicode_Check(src.ptr())) {
            const auto text = src.cast<std::string>();
            const auto d = candour::date::parse(text);
            if (!d) throw value_error("expected a real date written YYYY-MM-DD, not '" + text + "'");
            value = *d;
            return true;
        }
        return false;
    }

    static handle cast(const candour::date& d, return_value_policy, handle) {
        if (!PyDateTimeAPI) { PyDateTime_IMPORT; }
        if (!PyDateTimeAPI) throw error_already_set();
        return PyDate_FromDate(d.year(), d.month(), d.day());
    }
};

} // namespace pybind11::detail

namespace candour::python {

namespace py = pybind11;

/// A loaded case as Python sees it: immutable and shared with every decision made from it.
struct case_handle {
    std::shared_ptr<const disclosure_case> c;
};

/// An evaluated decision as Python sees it.
struct decision_handle {
    std::shared_ptr<const decision> d;
};

/// A view of one part of a decision: the decision it belongs to and an index into it.
struct decision_part {
    std::shared_ptr<const decision> d;
    std::size_t index = 0;
};

/// A justification graph as Python sees it: a decision's (shared with the decision by an aliasing
/// shared_ptr, read-only), or one built in Python with Graph(), which `editable` then points to.
using graph_ptr = std::shared_ptr<const argument_graph>;
struct graph_view {
    graph_ptr g;
    std::shared_ptr<argument_graph> editable; ///< null for a decision's graph
};
/// A statement or an argument: the graph it belongs to and its id.
struct graph_part {
    graph_ptr g;
    std::size_t index = 0;
};
struct statement_view : graph_part {};
struct argument_view : graph_part {};

struct item_finding_view : decision_part {};
struct claim_finding_view : decision_part {};
struct factor_view : decision_part {
    std::size_t factor = 0;
};
struct flag_view : decision_part {};
struct aggregate_view : decision_part {};
struct alternative_view : decision_part {};
struct counterfactual_view : decision_part {};
struct deadline_view {
    std::shared_ptr<const decision> d;
};

/// The decision's graph, sharing the decision's ownership (no copy).
inline graph_ptr graph_of(const std::shared_ptr<const decision>& d) { return {d, &d->graph}; }
inline statement_view statement_of(const graph_ptr& g, statement_id id) { return {{g, id}}; }
inline argument_view argument_of(const graph_ptr& g, argument_id id) { return {{g, id}}; }
inline statement_view statement_of(const std::shared_ptr<const decision>& d, statement_id id) {
    return statement_of(graph_of(d), id);
}
inline argument_view argument_of(const std::shared_ptr<const decision>& d, argument_id id) {
    return argument_of(graph_of(d), id);
}

/// Concatenates text. (Used instead of chains of operator+, for which GCC 12 at -O3 with LTO
/// reports a false -Wstringop-overflow.)
inline std::string cat(std::initializer_list<std::string_view> parts) {
    std::size_t size = 0;
    for (const auto p : parts) size += p.size();
    std::string out;
    out.reserve(size);
    for (const auto p : parts) out.append(p.data(), p.size());
    return out;
}

/// Python's repr of a string ('it''s' style quoting, escapes), for __repr__ methods.
inline std::string pyrepr(std::string_view s) { return py::repr(py::str(std::string(s))).cast<std::string>(); }

/// The limits passed as ``limits=`` (None: the library's defaults).
inline load_limits limits_or_default(const load_limits* limits) { return limits ? *limits : load_limits{}; }

/// Output format from its name; raises ValueError for an unknown one.
output_format format_from_name(const std::string& name);

/// The names of the formats this build of the library renders, in the library's order.
const std::vector<std::string>& format_names();

/// The Python exception object for a candour (or standard) C++ exception, not raised: used to
/// raise it and to return it in place from Rulebook.evaluate_many(errors="return").
py::object exception_object(const std::exception_ptr& p);

void register_errors(py::module_& m);
void register_basics(py::module_& m);
void register_rules(py::module_& m);
void register_case(py::module_& m);
void register_graph(py::module_& m);
void register_decision(py::module_& m);
void register_evaluate(py::module_& m);
void register_batch(py::module_& m);

} // namespace candour::python
