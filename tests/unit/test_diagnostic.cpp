#include <candour/diagnostic.hpp>
#include <candour/error.hpp>
#include <candour/source_location.hpp>

#include <doctest/doctest.h>

#include <string>
#include <string_view>

using namespace candour;

TEST_SUITE("diagnostic") {
    TEST_CASE("locations print as file:line:column, as far as known") {
        CHECK(to_string(source_location{"a.yaml", 12, 7}) == "a.yaml:12:7");
        CHECK(to_string(source_location{"a.yaml", 12, 0}) == "a.yaml:12");
        CHECK(to_string(source_location{"a.yaml", 0, 0}) == "a.yaml");
        CHECK(to_string(source_location{}) == "<input>");
        CHECK_FALSE(source_location{"a.yaml", 0, 0}.known());
    }
    TEST_CASE("a file name is shared by the locations that copy it and compares by its text") {
        const file_name none;
        CHECK(none.empty());
        CHECK(none.str().empty());
        CHECK(none == "");
        const source_location a{"case.yaml", 3, 1};
        const source_location b = a;
        CHECK(b.file.str().data() == a.file.str().data()); // one text, not a copy
        CHECK(a.file == "case.yaml");
        CHECK(a.file == std::string("case.yaml"));
        CHECK(a.file == std::string_view("case.yaml"));
        CHECK(a.file == file_name(std::string("case.yaml"))); // equal text, made apart
        CHECK(a.file != "other.yaml");
        CHECK(std::string_view(a.file) == "case.yaml");
        CHECK(a == b);
        CHECK(a != source_location{"other.yaml", 3, 1});
    }
    TEST_CASE("diagnostics print GCC style with code and notes") {
        diagnostic d{severity::error, "P203", "unknown key 'titel' in a provision", {"r.yaml", 3, 5}, {"did you mean 'title'?"}};
        CHECK(format(d) == "r.yaml:3:5: error: unknown key 'titel' in a provision [P203]\nr.yaml:3:5: note: did you mean 'title'?");
        CHECK(has_errors({d}));
        d.level = severity::warning;
        CHECK_FALSE(has_errors({d}));
        CHECK_FALSE(has_errors({}));
    }
    TEST_CASE("load_error carries every diagnostic and summarises the first error") {
        load_error e({{severity::warning, "P402", "late item", {"c.yaml", 1, 1}, {}},
                      {severity::error, "P207", "bad date", {"c.yaml", 4, 15}, {}},
                      {severity::error, "P302", "unknown item", {"c.yaml", 9, 7}, {}}});
        CHECK(e.diagnostics().size() == 3);
        CHECK(std::string(e.what()).find("2 errors") == 0);
        CHECK(std::string(e.what()).find("c.yaml:4:15: error: bad date [P207]") != std::string::npos);
        const error& base = e; // catchable as the library's base class
        CHECK(std::string(base.what()).size() > 0);
    }
    TEST_CASE("render_error keeps its code") {
        render_error e("R501", "withheld content");
        CHECK(e.code() == "R501");
        CHECK(std::string(e.what()) == "withheld content [R501]");
    }
}
