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

struct graph_view {
    std::shared_ptr<const decision> d;
};
struct statement_view : decision_part {};
struct argument_view : decision_part {};
struct item_finding_view : decision_part {};
struct claim_finding_view : decision_part {};
struct factor_view : decision_part {
    std::size_t factor = 0;
};
struct flag_view : decision_part {};
struct aggregate_view : decision_part {};
struct counterfactual_view : decision_part {};
struct deadline_view {
    std::shared_ptr<const decision> d;
};

inline statement_view statement_of(const std::shared_ptr<const decision>& d, statement_id id) { return {{d, id}}; }
inline argument_view argument_of(const std::shared_ptr<const decision>& d, argument_id id) { return {{d, id}}; }

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
void register_decision(py::module_& m);
void register_evaluate(py::module_& m);

} // namespace candour::python
