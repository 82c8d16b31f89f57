#pragma once
// A streaming JSON writer for the `json` output. It writes as it goes, with no document tree:
// a 100,000-row schedule's decision is some 240 MB of JSON, and a tree of it would be several
// times that. The layout is fixed (two-space indentation, "key": value, empty containers as
// [] and {}, numbers in their shortest round-trip form with ".0" on whole numbers), so the same
// decision always gives the same bytes. Text must be valid UTF-8; it is escaped as RFC 8259
// requires and otherwise written as it is.

#include <cstdint>
#include <iosfwd>
#include <string>
#include <string_view>
#include <vector>

namespace candour::detail {

class json_writer {
public:
    /// Writes into `out`. With `sink`, what is written is passed on to it whenever the buffer
    /// grows past a chunk, and at `flush()`, so memory stays flat however large the output.
    explicit json_writer(std::string& out, std::ostream* sink = nullptr);

    json_writer& begin_object();
    json_writer& end_object();
    json_writer& begin_array();
    json_writer& end_array();
    /// The key of the next member; the value follows with one of the calls below.
    json_writer& key(std::string_view k);

    json_writer& value(std::string_view s);
    json_writer& value(const char* s) { return value(std::string_view(s)); }
    json_writer& value(const std::string& s) { return value(std::string_view(s)); }
    json_writer& value(bool b);
    json_writer& value(std::int64_t n);
    json_writer& value(int n) { return value(static_cast<std::int64_t>(n)); }
    json_writer& value(std::size_t n);
    /// Finite numbers in shortest round-trip form ("0.8", "3.0", "1e-05"); NaN and infinities as null.
    json_writer& value(double x);
    json_writer& null();

    /// key(k) then value(v).
    template <class T>
    json_writer& member(std::string_view k, const T& v) {
        key(k);
        return value(v);
    }
    /// An array of strings.
    json_writer& value(const std::vector<std::string>& xs);

    /// Passes everything written so far to the sink (if any).
    void flush();

private:
    void before_value();
    template <class Integer>
    void integer(Integer n);
    void newline_indent(std::size_t depth);
    void maybe_flush();

    std::string& out_;
    std::ostream* sink_;
    struct level {
        bool object = false;
        bool empty = true;
    };
    std::vector<level> stack_;
    bool after_key_ = false;
};

/// `s` as a JSON string literal, quotes included. Throws render_error (R506) on invalid UTF-8.
void append_json_string(std::string& out, std::string_view s);
/// `x` as the writer writes it.
void append_json_number(std::string& out, double x);

} // namespace candour::detail
