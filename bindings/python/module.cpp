// candour._core: the compiled half of the `candour` Python package. Each register_* function
// adds one area of the API; types are registered before the functions that mention them, so
// every signature in the docstrings names Python types.

#include "bindings.hpp"

PYBIND11_MODULE(_core, m) {
    using namespace candour::python;
    m.doc() = "candour._core: Freedom of Information disclosure decisions (C++ core). "
              "Import the `candour` package rather than this module.";
    m.attr("__version__") = candour::version_string;
    register_errors(m);
    register_basics(m);
    register_rules(m);
    register_case(m);
    register_decision(m);
    register_evaluate(m);
}
