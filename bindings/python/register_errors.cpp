// Exceptions: candour::error and its subclasses become candour.Error, LoadError, RenderError
// and NotFoundError. The base is registered first: pybind11 tries the newest translator first,
// so each derived translator sees its own exceptions before the base one would.

#include "bindings.hpp"

#include <new>
#include <stdexcept>

namespace candour::python {
namespace {

// Borrowed from the module's attributes, which keep the types alive for the process.
py::handle error_type, load_error_type, render_error_type, not_found_type;

void raise(const py::object& exc) { PyErr_SetObject(reinterpret_cast<PyObject*>(Py_TYPE(exc.ptr())), exc.ptr()); }

py::handle make_type(py::module_& m, const char* name, py::handle base, const char* doc) {
    py::handle t = py::exception<void>(m, name, base).release();
    t.attr("__doc__") = doc;
    return t;
}

} // namespace

py::object exception_object(const std::exception_ptr& p) {
    try {
        std::rethrow_exception(p);
    } catch (const load_error& e) {
        py::object exc = load_error_type(e.what());
        exc.attr("diagnostics") = py::cast(e.diagnostics());
        return exc;
    } catch (const render_error& e) {
        py::object exc = render_error_type(e.what());
        exc.attr("code") = e.code();
        return exc;
    } catch (const lookup_error& e) { return not_found_type(e.what()); } catch (const error& e) {
        return error_type(e.what());
    } catch (py::error_already_set& e) { return e.value(); } catch (const py::builtin_exception& e) {
        e.set_error();
        return py::error_already_set().value();
    } catch (const std::bad_alloc&) {
        return py::reinterpret_borrow<py::object>(PyExc_MemoryError)();
    } catch (const std::exception& e) { return py::reinterpret_borrow<py::object>(PyExc_RuntimeError)(e.what()); }
}

void register_errors(py::module_& m) {
    error_type =
        make_type(m, "Error", PyExc_RuntimeError, "Base of every exception candour raises (candour::error in C++).");
    py::register_exception_translator([](std::exception_ptr p) {
        try {
            if (p) std::rethrow_exception(p);
        } catch (const error&) { raise(exception_object(std::current_exception())); }
    });

    load_error_type =
        make_type(m, "LoadError", error_type,
                  "A rules folder or a case could not be loaded, or a case does not fit the rulebook "
                  "(candour::load_error).\n\n"
                  "``diagnostics`` lists every problem found, each with a stable ``code`` (docs/errors.md), "
                  "``file``, ``line``, ``column``, ``message`` and ``severity``.");
    load_error_type.attr("diagnostics") = py::list();
    py::register_exception_translator([](std::exception_ptr p) {
        try {
            if (p) std::rethrow_exception(p);
        } catch (const load_error&) { raise(exception_object(std::current_exception())); }
    });

    render_error_type =
        make_type(m, "RenderError", error_type,
                  "An output could not be produced safely (candour::render_error). ``code`` is R501 when "
                  "withheld content would reach a requester-facing output such as the notice.");
    render_error_type.attr("code") = "";
    py::register_exception_translator([](std::exception_ptr p) {
        try {
            if (p) std::rethrow_exception(p);
        } catch (const render_error&) { raise(exception_object(std::current_exception())); }
    });

    not_found_type = make_type(m, "NotFoundError", py::make_tuple(error_type, py::handle(PyExc_LookupError)),
                               "A regime or provision was looked up by an id the rulebook does not have "
                               "(candour::lookup_error). Also a LookupError.");
    py::register_exception_translator([](std::exception_ptr p) {
        try {
            if (p) std::rethrow_exception(p);
        } catch (const lookup_error&) { raise(exception_object(std::current_exception())); }
    });
}

} // namespace candour::python
