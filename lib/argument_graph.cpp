// Labelling of the structured argument graph: a worklist fixpoint that decides a statement
// only when no outcome of its open arguments could change the answer (docs/reasoning.md).

#include <candour/argument_graph.hpp>

#include "position_index.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <cstring>
#include <deque>
#include <functional>
#include <stdexcept>

namespace candour {
namespace {

// Weights are decimal fractions scaled by multipliers, so mathematically equal sides can differ
// in the last bit; a tie is decided by the law's tie rule, never by rounding noise.
bool nearly_equal(double a, double b) noexcept {
    return std::fabs(a - b) <= 1e-9 * std::max({1.0, std::fabs(a), std::fabs(b)});
}

// One side's weights: index 0 for `sum` and `strongest`; one slot per category for `criteria`.
using category_weights = std::array<double, max_argument_category + 1>;

// The slots a weighing fills: all for `criteria`, slot 0 for the others.
std::size_t slots(weighing how) { return how == weighing::criteria ? max_argument_category + 1 : 1; }

// Only the slots the weighing fills are set, and only they are read (by total and compare):
// a statement is weighed each time one of its arguments is decided.
struct side_weights {
    category_weights sure;     // applicable arguments only
    category_weights possible; // applicable and still-open arguments
    bool any_sure = false, any_possible = false;
};

side_weights weigh_side(const std::vector<argument>& args, const std::vector<argument_status>& status,
                        std::span<const argument_id> ids, weighing how) {
    side_weights w;
    std::fill_n(w.sure.begin(), slots(how), 0.0);
    std::fill_n(w.possible.begin(), slots(how), 0.0);
    for (argument_id id : ids) { // ids are in insertion order: sums are deterministic
        const auto st = status[id];
        const bool sure = st == argument_status::applicable;
        const bool open = st == argument_status::pending;
        if (!sure && !open) continue;
        const double x = args[id].weight;
        const std::size_t slot = how == weighing::criteria ? std::min<std::size_t>(args[id].category, max_argument_category) : 0;
        if (how == weighing::strongest) {
            if (sure) w.sure[0] = std::max(w.sure[0], x);
            w.possible[0] = std::max(w.possible[0], x);
        } else {
            if (sure) w.sure[slot] += x;
            w.possible[slot] += x;
        }
        w.any_sure = w.any_sure || sure;
        w.any_possible = true;
    }
    return w;
}

double total(const category_weights& w, weighing how) {
    double t = 0;
    for (std::size_t i = 0; i < slots(how); ++i) t += w[i];
    return t;
}

// Lexicographic comparison, most important category first: -1, 0 or 1.
int compare(const category_weights& pro, const category_weights& con, weighing how) {
    for (std::size_t i = slots(how); i-- > 0;) {
        if (nearly_equal(pro[i], con[i])) continue;
        return pro[i] > con[i] ? 1 : -1;
    }
    return 0;
}

// The standard applied to category vectors. Balance compares lexicographically (for `sum` and
// `strongest` only slot 0 is used, so this is the plain comparison); threshold and scintilla
// look at the totals.
bool satisfied_by(const proof_standard& ps, const category_weights& pro, const category_weights& con, bool any_pro) {
    if (ps.type == proof_standard::kind::balance) {
        const int c = compare(pro, con, ps.weigh);
        return c > 0 || (c == 0 && ps.tie == direction::pro);
    }
    if (ps.type == proof_standard::kind::scintilla) return any_pro; // as satisfied() decides it, without the totals
    return ps.satisfied(total(pro, ps.weigh), total(con, ps.weigh), any_pro);
}

} // namespace

bool proof_standard::satisfied(double pro, double con, bool any_pro) const noexcept {
    switch (type) {
    case kind::scintilla: return any_pro;
    case kind::balance:
        if (nearly_equal(pro, con)) return tie == direction::pro;
        return pro > con;
    case kind::threshold: {
        const double d = pro - con;
        if (nearly_equal(d, margin)) return !strict;
        return d > margin;
    }
    }
    return false;
}

// Values copied into blocks that never move, so that views of them stay valid. The blocks grow
// from `first` to `most` elements, doubling: a small graph (one request's) wastes little, a large
// one (a schedule's) needs few blocks. A value longer than a quarter block gets one of its own.
template <class T, std::size_t first, std::size_t most>
class block_store {
public:
    /// Room for `count` values, left uninitialised.
    T* allocate(std::size_t count) {
        if (count > most / 4) { // the current block stays in use
            blocks_.push_back(std::make_unique_for_overwrite<T[]>(count));
            return blocks_.back().get();
        }
        if (count > left_) {
            size_ = size_ == 0 ? first : std::min(most, 2 * size_);
            if (size_ < count) size_ = most;
            blocks_.push_back(std::make_unique_for_overwrite<T[]>(size_));
            free_ = blocks_.back().get();
            left_ = size_;
        }
        T* at = free_;
        free_ += count;
        left_ -= count;
        return at;
    }
    std::span<const T> copy(std::span<const T> values) {
        if (values.empty()) return {};
        T* at = allocate(values.size());
        std::copy(values.begin(), values.end(), at);
        return {at, values.size()};
    }

private:
    std::vector<std::unique_ptr<T[]>> blocks_;
    T* free_ = nullptr;
    std::size_t left_ = 0, size_ = 0;
};

// What a graph's statements and arguments view: texts, premises and exceptions, the statements'
// pro and con lists, citations. An argument's text and citation are kept once however many
// arguments repeat them (an evaluator gives every item the same rule and source). The indexes
// that find a repeat are only needed while the graph is built: evaluate() drops them and they
// are rebuilt if the graph is extended afterwards.
struct argument_graph::storage {
    block_store<char, 1024, 4096> texts;
    block_store<std::uint32_t, 64, 1024> ids; // premises, exceptions, pro and con lists
    std::deque<citation> citations; // a deque: adding one moves none of the others

    // Each text by the first argument that has it; each citation by its place in `citations`.
    detail::position_index text_index, citation_index;
    bool indexed = true; // false once evaluate() has dropped the indexes
    // The texts and citations kept last: an evaluator repeats a few of them in turn (each item's
    // rule and duty), and comparing with these is cheaper than hashing.
    std::array<std::string_view, 4> recent_texts{};
    std::array<const citation*, 4> recent_citations{};
    std::size_t next_text = 0, next_citation = 0;

    static std::size_t hash(std::string_view s) noexcept { return std::hash<std::string_view>()(s); }
    static std::size_t hash(const citation& c) noexcept {
        return hash(c.label) * 31 + hash(c.uri) * 7 + static_cast<std::size_t>(c.kind);
    }

    std::span<const statement_id> copy(std::span<const statement_id> values) { return ids.copy(values); }
    std::string_view copy(std::string_view s) {
        const auto kept = texts.copy(std::span<const char>(s.data(), s.size()));
        return {kept.data(), kept.size()};
    }
    // A statement's pro or con list, with room for std::bit_ceil(size) ids: it grows in place
    // until its size is a power of two, then moves to twice the room (the old room is left
    // unused: at most as much again as the list). Most lists hold one argument and waste nothing.
    void append(std::span<const argument_id>& list, argument_id id) {
        const std::size_t n = list.size();
        argument_id* at = const_cast<argument_id*>(list.data()); // the room is this storage's own
        if (n == 0 || std::has_single_bit(n)) {
            at = ids.allocate(n == 0 ? 1 : 2 * n);
            std::copy(list.begin(), list.end(), at);
        }
        at[n] = id;
        list = {at, n + 1};
    }
    // A copy of a list, with the room append() expects.
    std::span<const argument_id> copy_list(std::span<const argument_id> list) {
        if (list.empty()) return {};
        argument_id* at = ids.allocate(std::bit_ceil(list.size()));
        std::copy(list.begin(), list.end(), at);
        return {at, list.size()};
    }
    // The text of argument `position` (added after the ones already indexed), kept once.
    std::string_view intern(std::string_view s, const std::vector<argument>& arguments, std::size_t position) {
        if (s.empty()) return {};
        for (auto r : recent_texts)
            if (r == s) return r;
        reindex(arguments);
        const auto h = hash(s);
        std::string_view kept;
        if (const auto at = text_index.find(h, [&](std::uint32_t i) { return arguments[i].text == s; })) {
            kept = arguments[*at].text;
        } else {
            kept = copy(s);
            text_index.insert(h, static_cast<std::uint32_t>(position));
        }
        recent_texts[next_text++ % recent_texts.size()] = kept;
        return kept;
    }
    const citation* intern(const citation& c, const std::vector<argument>& arguments) {
        for (auto r : recent_citations)
            if (r && (r == &c || *r == c)) return r;
        reindex(arguments);
        const auto h = hash(c);
        const citation* kept;
        if (const auto at = citation_index.find(h, [&](std::uint32_t i) { return citations[i] == c; })) {
            kept = &citations[*at];
        } else {
            citation_index.insert(h, static_cast<std::uint32_t>(citations.size()));
            kept = &citations.emplace_back(c);
        }
        recent_citations[next_citation++ % recent_citations.size()] = kept;
        return kept;
    }
    void drop_indexes() {
        text_index = {};
        citation_index = {};
        indexed = false;
    }
    void reindex(const std::vector<argument>& arguments) {
        if (indexed) return;
        indexed = true;
        for (std::size_t i = 0; i < arguments.size(); ++i) {
            const auto s = arguments[i].text;
            if (s.empty()) continue;
            const auto h = hash(s);
            if (!text_index.find(h, [&](std::uint32_t j) { return arguments[j].text == s; }))
                text_index.insert(h, static_cast<std::uint32_t>(i));
        }
        citation_index.reserve(citations.size());
        for (std::size_t i = 0; i < citations.size(); ++i) citation_index.insert(hash(citations[i]), static_cast<std::uint32_t>(i));
    }
};

argument_graph::argument_graph() = default;
argument_graph::~argument_graph() = default;
argument_graph::argument_graph(argument_graph&&) noexcept = default;
argument_graph& argument_graph::operator=(argument_graph&&) noexcept = default;

argument_graph::argument_graph(const argument_graph& other)
    : statements_(other.statements_), arguments_(other.arguments_), labels_(other.labels_), status_(other.status_),
      evaluated_(other.evaluated_) {
    auto& st = store();
    for (auto& s : statements_) {
        s.key = st.copy(s.key);
        s.text = st.copy(s.text);
        s.pro = st.copy_list(s.pro);
        s.con = st.copy_list(s.con);
    }
    for (std::size_t i = 0; i < arguments_.size(); ++i) {
        auto& a = arguments_[i];
        a.key = st.copy(a.key);
        a.premises = st.copy(a.premises);
        a.exceptions = st.copy(a.exceptions);
        a.text = st.intern(a.text, arguments_, i); // the index starts empty: nothing to rebuild yet
        a.source = st.intern(*a.source, arguments_);
    }
}

argument_graph& argument_graph::operator=(const argument_graph& other) {
    if (this != &other) *this = argument_graph(other);
    return *this;
}

argument_graph::storage& argument_graph::store() {
    if (!store_) store_ = std::make_unique<storage>();
    return *store_;
}

void argument_graph::reserve(std::size_t statements, std::size_t arguments) {
    statements_.reserve(statements_.size() + statements);
    arguments_.reserve(arguments_.size() + arguments);
    // Distinct argument texts are at most as many (a schedule's repeat: the index grows past this as needed).
    store().text_index.reserve(std::min<std::size_t>(arguments, 1024));
}

// Both build the element in place from its fields: a copy of the whole struct, just after its
// fields were written one by one, stalls on store forwarding (it showed in every evaluation).
statement_id argument_graph::add_statement(const statement& s) {
    auto& st = store();
    const auto key = st.copy(s.key);
    const auto text = st.copy(s.text);
    // Field by field into the new element: Clang 14 has no aggregate initialisation with
    // parentheses, which emplace_back(fields...) needs.
    auto& added = statements_.emplace_back();
    added.key = key;
    added.text = text;
    added.standard = s.standard;
    added.fact = s.fact;
    evaluated_ = false;
    return static_cast<statement_id>(statements_.size() - 1);
}

argument_id argument_graph::add_argument(const argument& a) {
    const auto n = statements_.size();
    auto check = [&](statement_id s) {
        if (s >= n)
            throw std::out_of_range("argument '" + std::string(a.key) + "' refers to a statement that does not exist");
    };
    check(a.conclusion);
    for (auto s : a.premises) check(s);
    for (auto s : a.exceptions) check(s);
    auto& st = store();
    const auto key = st.copy(a.key);
    const auto text = st.intern(a.text, arguments_, arguments_.size());
    const auto premises = st.copy(a.premises);
    const auto exceptions = st.copy(a.exceptions);
    static const citation none;
    const citation* source = st.intern(a.source ? *a.source : none, arguments_);
    const auto id = static_cast<argument_id>(arguments_.size());
    auto& target = statements_[a.conclusion];
    st.append(a.dir == direction::pro ? target.pro : target.con, id);
    auto& added = arguments_.emplace_back();
    added.key = key;
    added.text = text;
    added.conclusion = a.conclusion;
    added.dir = a.dir;
    added.category = a.category;
    added.weight = a.weight;
    added.premises = premises;
    added.exceptions = exceptions;
    added.source = source;
    evaluated_ = false;
    return id;
}

std::optional<statement_id> argument_graph::find(std::string_view key) const noexcept {
    for (std::size_t i = 0; i < statements_.size(); ++i)
        if (statements_[i].key == key) return static_cast<statement_id>(i);
    return std::nullopt;
}

void argument_graph::evaluate() {
    const std::size_t n = statements_.size();
    const std::size_t m = arguments_.size();
    labels_.assign(n, label::undecided);
    status_.assign(m, argument_status::pending);

    // The work arrays, in one allocation: where each statement is used as a premise or an
    // exception (CSR: `first`, n + 1 offsets, into `uses`, each an argument id shifted left by
    // one with the low bit set for an exception), each argument's inputs not yet decided, and the
    // worklist of statements newly labelled accepted or rejected (each is labelled once).
    std::size_t total_uses = 0;
    for (const auto& a : arguments_) total_uses += a.premises.size() + a.exceptions.size();
    std::vector<std::uint32_t> work(n + 1 + total_uses + m + n, 0);
    const auto first = std::span(work).subspan(0, n + 1);
    const auto uses = std::span(work).subspan(n + 1, total_uses);
    const auto open_inputs = std::span(work).subspan(n + 1 + total_uses, m);
    const auto decided = std::span(work).subspan(n + 1 + total_uses + m, n);
    std::size_t decided_count = 0;
    for (const auto& a : arguments_) {
        for (auto s : a.premises) ++first[s + 1];
        for (auto s : a.exceptions) ++first[s + 1];
    }
    for (std::size_t i = 0; i < n; ++i) first[i + 1] += first[i];
    {
        const auto fill = decided; // the worklist's room, unused until the labelling starts
        std::copy(first.begin(), first.end() - 1, fill.begin());
        for (std::size_t a = 0; a < m; ++a) {
            const auto id = static_cast<std::uint32_t>(a) << 1;
            for (auto s : arguments_[a].premises) uses[fill[s]++] = id;
            for (auto s : arguments_[a].exceptions) uses[fill[s]++] = id | 1;
            open_inputs[a] = static_cast<std::uint32_t>(arguments_[a].premises.size() + arguments_[a].exceptions.size());
        }
    }

    auto recheck = [&](statement_id s) {
        if (labels_[s] != label::undecided) return;
        const auto& st = statements_[s];
        if (st.fact) {
            labels_[s] = *st.fact;
            if (*st.fact != label::undecided) decided[decided_count++] = s;
            return;
        }
        const auto pro = weigh_side(arguments_, status_, st.pro, st.standard.weigh);
        const auto con = weigh_side(arguments_, status_, st.con, st.standard.weigh);
        // The standard is monotone: more pro weight never hurts, more con weight never helps.
        if (satisfied_by(st.standard, pro.sure, con.possible, pro.any_sure)) {
            labels_[s] = label::accepted;
            decided[decided_count++] = s;
        } else if (!satisfied_by(st.standard, pro.possible, con.sure, pro.any_possible)) {
            labels_[s] = label::rejected;
            decided[decided_count++] = s;
        }
    };
    auto settle = [&](argument_id a, argument_status st) {
        status_[a] = st;
        recheck(arguments_[a].conclusion);
    };

    for (std::size_t a = 0; a < m; ++a)
        if (open_inputs[a] == 0) status_[a] = argument_status::applicable;
    for (std::size_t s = 0; s < n; ++s) recheck(static_cast<statement_id>(s));

    for (std::size_t next = 0; next < decided_count; ++next) {
        const statement_id s = decided[next];
        const bool accepted = labels_[s] == label::accepted;
        for (auto i = first[s]; i < first[s + 1]; ++i) {
            const argument_id a = uses[i] >> 1;
            const bool is_exception = (uses[i] & 1) != 0;
            if (status_[a] != argument_status::pending) continue;
            if (!is_exception && !accepted) { settle(a, argument_status::premise_rejected); continue; }
            if (is_exception && accepted) { settle(a, argument_status::undercut); continue; }
            if (--open_inputs[a] == 0) settle(a, argument_status::applicable);
        }
    }
    evaluated_ = true;
    if (store_) store_->drop_indexes();
}

double argument_graph::weight_of(statement_id id, direction side) const {
    const auto& st = statements_.at(id);
    const auto w = weigh_side(arguments_, status_, side == direction::pro ? st.pro : st.con, st.standard.weigh);
    return total(w.sure, st.standard.weigh);
}

explanation explain(const argument_graph& g, statement_id id) {
    explanation e;
    e.result = g.label_of(id);
    e.pro_weight = g.weight_of(id, direction::pro);
    e.con_weight = g.weight_of(id, direction::con);
    const auto& st = g.at(id);
    const bool pro_won = e.result == label::accepted;
    const bool con_won = e.result == label::rejected;
    auto sort_side = [&](std::span<const argument_id> ids, bool won) {
        for (auto a : ids) {
            const auto status = g.status_of(a);
            explanation::entry entry{a, status, false};
            if (status == argument_status::applicable && won) {
                e.deciding.push_back(entry);
            } else {
                entry.outweighed = status == argument_status::applicable && (pro_won || con_won);
                e.losing.push_back(entry);
            }
        }
    };
    sort_side(st.pro, pro_won);
    sort_side(st.con, con_won);
    return e;
}

const char* to_string(label l) noexcept {
    switch (l) {
    case label::undecided: return "undecided";
    case label::accepted: return "accepted";
    case label::rejected: return "rejected";
    }
    return "undecided";
}

const char* to_string(direction d) noexcept { return d == direction::pro ? "pro" : "con"; }

const char* to_string(argument_status s) noexcept {
    switch (s) {
    case argument_status::pending: return "pending";
    case argument_status::applicable: return "applicable";
    case argument_status::premise_rejected: return "premise-rejected";
    case argument_status::undercut: return "undercut";
    }
    return "pending";
}

} // namespace candour
