// Output dispatch and the leak guard for requester-facing outputs.

#include "render_parts.hpp"
#include "text_util.hpp"

#include <candour/error.hpp>
#include <candour/render.hpp>

namespace candour {

std::optional<output_format> parse_output_format(std::string_view name) noexcept {
    if (name == "record") return output_format::record;
    if (name == "notice") return output_format::notice;
    if (name == "json") return output_format::json;
    if (name == "dot") return output_format::dot;
    return std::nullopt;
}

const char* to_string(output_format f) noexcept {
    switch (f) {
    case output_format::record: return "record";
    case output_format::notice: return "notice";
    case output_format::json: return "json";
    case output_format::dot: return "dot";
    }
    return "record";
}

bool is_requester_facing(output_format f) noexcept { return f == output_format::notice; }

std::vector<std::string> find_withheld_content(const decision& d, std::string_view text) {
    std::vector<std::string> found;
    const std::string haystack = text::lower(text);
    for (const auto& it : d.source->items) {
        for (const auto& w : it.withheld_content) {
            if (!w.empty() && haystack.find(text::lower(w)) != std::string::npos) found.push_back(w);
        }
    }
    return found;
}

std::string render(const decision& d, output_format f) {
    std::string out;
    switch (f) {
    case output_format::record: out = detail::render_record(d); break;
    case output_format::notice: out = detail::render_notice(d); break;
    case output_format::json: out = detail::render_json(d); break;
    case output_format::dot: out = detail::render_dot(d); break;
    }
    // Security property: a requester-facing output never carries withheld content, whatever
    // field it came through (an item description, the authority's reasoning quoted back).
    if (is_requester_facing(f)) {
        const auto leaked = find_withheld_content(d, out);
        if (!leaked.empty())
            throw render_error("R501", std::string("refusing to render the ") + to_string(f) + ": " +
                                           std::to_string(leaked.size()) +
                                           " withheld string(s) appear in requester-facing text (for example in an item "
                                           "description or the authority's reasoning); remove them from those fields");
    }
    return out;
}

} // namespace candour
