// GraphML output of the justification graph (http://graphml.graphdrawing.org/xmlns), for yEd,
// Gephi, NetworkX and other graph tools. Every statement and every argument is one node, with
// its data under declared keys; every premise, exception and conclusion is one edge. Nodes come
// in the order the DOT output writes them (render_diagram.cpp), edges argument by argument.
//
// yEd reads only its own graphics extension, so each node and edge also carries yEd's
// y:ShapeNode / y:PolyLineEdge (namespace http://www.yworks.com/xml/graphml): the DOT colours
// by label, shapes by kind (facts rectangles, derived statements rounded, arguments ellipses),
// and a left-to-right placement by reasoning depth, so that the file opens readable before any
// layout is run. Other tools ignore that data. Like the DOT, the file shows what the record
// shows to a reviewer and never reads withheld content.

#include "render_parts.hpp"
#include "text_util.hpp"

#include <algorithm>

namespace candour::detail {
namespace {

// Text for XML element content and attribute values. Characters XML 1.0 cannot carry (control
// characters, U+FFFE, U+FFFF) become U+FFFD, so that any case text gives a well-formed file;
// a carriage return is kept as a character reference, which parsers do not normalise away.
std::string xml(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        switch (c) {
        case '&': out += "&amp;"; continue;
        case '<': out += "&lt;"; continue;
        case '>': out += "&gt;"; continue;
        case '"': out += "&quot;"; continue;
        case '\'': out += "&apos;"; continue;
        case '\r': out += "&#13;"; continue;
        case '\n':
        case '\t': out += c; continue;
        default: break;
        }
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) {
            out += "\xEF\xBF\xBD";
            continue;
        }
        if (c == '\xEF' && i + 2 < s.size() && s[i + 1] == '\xBF' && (s[i + 2] == '\xBE' || s[i + 2] == '\xBF')) {
            out += "\xEF\xBF\xBD";
            i += 2;
            continue;
        }
        out += c;
    }
    return out;
}


std::string data(const char* key, std::string_view value) {
    return std::string("      <data key=\"") + key + "\">" + xml(value) + "</data>\n";
}

// The size yEd should give a node for its label: yEd does not size nodes when it opens a file.
struct box {
    int width = 0, height = 0, x = 0, y = 0;
};

box size_for(const std::string& label) {
    std::size_t widest = 0, lines = 1, chars = 0;
    for (char c : label) {
        if (c == '\n') {
            ++lines;
            chars = 0;
            continue;
        }
        if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) widest = std::max(widest, ++chars);
    }
    return {static_cast<int>(widest) * 7 + 20, static_cast<int>(lines) * 16 + 12, 0, 0};
}

std::string geometry(const box& b) {
    return "<y:Geometry height=\"" + std::to_string(b.height) + ".0\" width=\"" + std::to_string(b.width) +
           ".0\" x=\"" + std::to_string(b.x) + ".0\" y=\"" + std::to_string(b.y) + ".0\"/>";
}

std::string node_graphics(const box& b, const std::string& fill, const std::string& border, bool dashed,
                          const std::string& label, const char* shape) {
    return "      <data key=\"graphics\"><y:ShapeNode>" + geometry(b) + "<y:Fill color=\"" + fill +
           "\" transparent=\"false\"/><y:BorderStyle color=\"" + border + "\" type=\"" + (dashed ? "dashed" : "line") +
           "\" width=\"1.0\"/><y:NodeLabel alignment=\"center\" autoSizePolicy=\"content\" fontFamily=\"Dialog\" "
           "fontSize=\"11\" fontStyle=\"plain\" modelName=\"internal\" modelPosition=\"c\" textColor=\"#000000\" "
           "visible=\"true\">" +
           xml(label) + "</y:NodeLabel><y:Shape type=\"" + shape + "\"/></y:ShapeNode></data>\n";
}

constexpr const char* header =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
    "         xmlns:y=\"http://www.yworks.com/xml/graphml\"\n"
    "         xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
    "http://www.yworks.com/xml/schema/graphml/1.1/ygraphml.xsd\">\n"
    "  <key id=\"title\" for=\"graph\" attr.name=\"title\" attr.type=\"string\"/>\n"
    "  <key id=\"kind\" for=\"node\" attr.name=\"kind\" attr.type=\"string\"/>\n"
    "  <key id=\"key\" for=\"node\" attr.name=\"key\" attr.type=\"string\"/>\n"
    "  <key id=\"group\" for=\"node\" attr.name=\"group\" attr.type=\"string\"/>\n"
    "  <key id=\"label\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>\n"
    "  <key id=\"status\" for=\"node\" attr.name=\"status\" attr.type=\"string\"/>\n"
    "  <key id=\"text\" for=\"node\" attr.name=\"text\" attr.type=\"string\"/>\n"
    "  <key id=\"weight\" for=\"node\" attr.name=\"weight\" attr.type=\"double\"/>\n"
    "  <key id=\"direction\" for=\"node\" attr.name=\"direction\" attr.type=\"string\"/>\n"
    "  <key id=\"citation\" for=\"node\" attr.name=\"citation\" attr.type=\"string\"/>\n"
    "  <key id=\"citation_uri\" for=\"node\" attr.name=\"citation_uri\" attr.type=\"string\"/>\n"
    "  <key id=\"graphics\" for=\"node\" yfiles.type=\"nodegraphics\"/>\n"
    "  <key id=\"role\" for=\"edge\" attr.name=\"role\" attr.type=\"string\"/>\n"
    "  <key id=\"edge_graphics\" for=\"edge\" yfiles.type=\"edgegraphics\"/>\n";

} // namespace

std::string render_graphml(const decision& d) {
    const auto& g = d.graph;
    const auto& reg = d.governing_regime();
    const auto groups = diagram_groups(d);

    // Placement, left to right by reasoning depth: a statement stands one column right of the
    // arguments for and against it, an argument one column right of its premises and exceptions.
    // Taken in reasoning order (premises first), so a cycle ends the climb instead of looping.
    std::vector<int> statement_column(g.statements().size(), 0), argument_column(g.arguments().size(), 0);
    for (auto s : reasoning_order(g)) {
        const auto& st = g.at(s);
        for (const auto* side : {&st.pro, &st.con})
            for (auto a : *side) {
                int column = 0;
                for (const auto* from : {&g.argument_at(a).premises, &g.argument_at(a).exceptions})
                    for (auto p : *from) column = std::max(column, statement_column[p] + 1);
                argument_column[a] = column;
                statement_column[s] = std::max(statement_column[s], column + 1);
            }
    }
    std::vector<box> statement_box(g.statements().size()), argument_box(g.arguments().size());
    std::vector<int> column_width, column_fill;
    auto place = [&](box& b, int column) {
        const auto c = static_cast<std::size_t>(column);
        if (column_width.size() <= c) column_width.resize(c + 1, 0), column_fill.resize(c + 1, 0);
        column_width[c] = std::max(column_width[c], b.width);
        b.y = column_fill[c];
        column_fill[c] += b.height + 20;
    };
    for (const auto& grp : groups) {
        for (auto i : grp.statements)
            place(statement_box[i] = size_for(diagram_statement_label(g, i)), statement_column[i]);
        for (auto i : grp.arguments)
            place(argument_box[i] = size_for(diagram_argument_label(reg, g, i)), argument_column[i]);
    }
    std::vector<int> column_x(column_width.size(), 0);
    for (std::size_t c = 1; c < column_width.size(); ++c) column_x[c] = column_x[c - 1] + column_width[c - 1] + 60;
    // Centred in their column.
    for (statement_id i = 0; i < g.statements().size(); ++i) {
        const auto c = static_cast<std::size_t>(statement_column[i]);
        statement_box[i].x = column_x[c] + (column_width[c] - statement_box[i].width) / 2;
    }
    for (argument_id i = 0; i < g.arguments().size(); ++i) {
        const auto c = static_cast<std::size_t>(argument_column[i]);
        argument_box[i].x = column_x[c] + (column_width[c] - argument_box[i].width) / 2;
    }

    std::string out = header;
    out += "  <graph id=\"justification\" edgedefault=\"directed\">\n";
    out += "    <data key=\"title\">" + xml("Justification: " + d.source->title) + "</data>\n";
    for (const auto& grp : groups) {
        for (auto i : grp.statements) {
            const auto& s = g.at(i);
            out += "    <node id=\"s" + std::to_string(i) + "\">\n";
            out += data("kind", s.fact ? "fact" : "statement");
            out += data("key", s.key);
            out += data("group", grp.title);
            out += data("label", to_string(g.label_of(i)));
            out += data("text", s.text);
            out += node_graphics(statement_box[i], diagram_fill(g, i), "#000000", false, diagram_statement_label(g, i),
                                 s.fact ? "rectangle" : "roundrectangle");
            out += "    </node>\n";
        }
        for (auto i : grp.arguments) {
            const auto& a = g.argument_at(i);
            const auto st = g.status_of(i);
            out += "    <node id=\"a" + std::to_string(i) + "\">\n";
            out += data("kind", "argument");
            out += data("key", a.key);
            out += data("group", grp.title);
            out += data("status", to_string(st));
            out += data("text", a.text);
            out += data("weight", text::number(a.weight, 4)) /* four decimals, as in the JSON */;
            out += data("direction", to_string(a.dir));
            out += data("citation", a.source->label);
            if (!a.source->uri.empty()) out += data("citation_uri", a.source->uri);
            out += node_graphics(argument_box[i], "#ffffff", diagram_colour(a.dir), st != argument_status::applicable,
                                 diagram_argument_label(reg, g, i), "ellipse");
            out += "    </node>\n";
        }
    }
    std::size_t edge = 0;
    auto edge_to = [&](const std::string& from, const std::string& to, const char* role, const char* colour,
                       bool unless) {
        out += "    <edge id=\"e" + std::to_string(edge++) + "\" source=\"" + from + "\" target=\"" + to + "\">\n";
        out += data("role", role);
        out += std::string("      <data key=\"edge_graphics\"><y:PolyLineEdge><y:LineStyle color=\"") + colour +
               "\" type=\"" + (unless ? "dashed" : "line") + "\" width=\"1.0\"/><y:Arrows source=\"none\" target=\"" +
               (unless ? "t_shape" : "standard") + "\"/>" + (unless ? "<y:EdgeLabel>unless</y:EdgeLabel>" : "") +
               "<y:BendStyle smoothed=\"false\"/></y:PolyLineEdge></data>\n";
        out += "    </edge>\n";
    };
    for (argument_id i = 0; i < g.arguments().size(); ++i) {
        const auto& a = g.argument_at(i);
        const std::string arg = "a" + std::to_string(i);
        for (auto p : a.premises) edge_to("s" + std::to_string(p), arg, "premise", "#000000", false);
        for (auto e : a.exceptions) edge_to("s" + std::to_string(e), arg, "exception", "#c62828", true);
        edge_to(arg, "s" + std::to_string(a.conclusion), "conclusion", diagram_colour(a.dir), false);
    }
    out += "  </graph>\n</graphml>\n";
    return out;
}

} // namespace candour::detail
