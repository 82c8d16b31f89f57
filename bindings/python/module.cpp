// candour._core: the compiled half of the `candour` Python package. Each register_* function
// adds one area of the API; types are registered before the functions that mention them, so
// every signature in the docstrings names Python types.

#include "bindings.hpp"

PYBIND11_MODULE(_core, m) {
    using namespace candour::python;
    m.doc() = "candour._core: Freedom of Information disclosure decisions (C++ core). "
              "Import the `candour` package rather than this module.";
    m.attr("__version__") = candour::version_string;
    m.attr("version_info") =
        pybind11::make_tuple(candour::version_major, candour::version_minor, candour::version_patch);
    register_errors(m);
    register_basics(m);
    register_rules(m);
    register_case(m);
    register_graph(m);
    register_decision(m);
    register_evaluate(m);
    register_batch(m);
}
