// Grounded semantics by a worklist, and a labelling search for complete, preferred and stable.

#include <candour/af/semantics.hpp>

#include <algorithm>
#include <bit>

namespace candour::af {

const char* to_string(label l) noexcept {
    switch (l) {
    case label::in: return "in";
    case label::out: return "out";
    case label::undec: return "undec";
    }
    return "?";
}

extension in_set(const labelling& labels) {
    extension in;
    in.reserve(static_cast<std::size_t>(std::count(labels.begin(), labels.end(), label::in)));
    for (std::size_t a = 0; a < labels.size(); ++a)
        if (labels[a] == label::in) in.push_back(static_cast<arg_id>(a));
    return in;
}

// An argument becomes in once every attacker is out; the queue holds each in argument once,
// so each attack is looked at O(1) times and nothing recurses (a 10^6 chain is one loop).
grounded_result grounded(const framework& af) {
    const std::size_t n = af.size();
    grounded_result result;
    labelling& labels = result.labels;
    labels.assign(n, label::undec);
    std::vector<std::uint32_t> live(n);  // attackers not yet out
    std::vector<arg_id> queue;
    queue.reserve(n);
    for (std::size_t i = 0; i < n; ++i) {
        const auto a = static_cast<arg_id>(i);
        live[a] = static_cast<std::uint32_t>(af.attackers_of(a).size());
        if (live[a] == 0) {
            labels[a] = label::in;
            queue.push_back(a);
        }
    }
    for (std::size_t head = 0; head < queue.size(); ++head) {
        for (arg_id t : af.attacks_of(queue[head])) {
            if (labels[t] == label::out) continue;
            labels[t] = label::out;  // t cannot be in: its attacker queue[head] is not out
            for (arg_id u : af.attacks_of(t))
                if (labels[u] == label::undec && --live[u] == 0) {
                    labels[u] = label::in;
                    queue.push_back(u);
                }
        }
    }
    queue.clear();
    queue.shrink_to_fit();
    result.in = in_set(labels);
    return result;
}

namespace {

label expected_label(const framework& af, const labelling& labels, arg_id a) {
    bool all_out = true;
    for (arg_id b : af.attackers_of(a)) {
        if (labels[b] == label::in) return label::out;
        if (labels[b] != label::out) all_out = false;
    }
    return all_out ? label::in : label::undec;
}

} // namespace

bool is_complete(const framework& af, const labelling& labels) {
    if (labels.size() != af.size()) return false;
    for (std::size_t a = 0; a < labels.size(); ++a)
        if (labels[a] != expected_label(af, labels, static_cast<arg_id>(a))) return false;
    return true;
}

// ---------------------------------------------------------------------------------------------
// Complete labellings: constraint search over the arguments grounded leaves undec.
// Each argument has a domain (a subset of {in, out, undec}); every argument `a` carries the
// constraint label(a) = in iff all attackers out, out iff some attacker in, else undec.
// Propagation only removes values the constraint rules out, branching splits a domain into
// its values, so every complete labelling is found exactly once.

namespace {

using domain = std::uint8_t;
constexpr domain d_in = 1, d_out = 2, d_undec = 4, d_all = 7;

constexpr domain bit(label l) noexcept {
    return l == label::in ? d_in : l == label::out ? d_out : d_undec;
}

class complete_search {
public:
    complete_search(const framework& af, bool stable_only) : af_(af), dom_(af.size()), queued_(af.size(), 0) {
        const auto g = grounded(af);
        const domain open = stable_only ? domain(d_in | d_out) : d_all;
        for (std::size_t i = 0; i < af.size(); ++i) {
            const auto a = static_cast<arg_id>(i);
            if (g.labels[a] == label::undec) {
                dom_[a] = open;
                open_.push_back(a);
            } else {
                dom_[a] = bit(g.labels[a]);
            }
        }
        // Constraints of grounded-decided arguments hold whatever the search does (an out one
        // has an in attacker, an in one only out attackers), so only the open ones are checked.
        for (arg_id a : open_) enqueue(a);
        consistent_ = propagate();
        trail_.clear();
    }

    // Narrows for every later run; false (and every later run finds nothing) if that leaves
    // no complete labelling.
    bool commit(std::span<const pin> fixed) {
        for (const pin& p : fixed)
            consistent_ = consistent_ && narrow(p.argument, static_cast<domain>(dom_[p.argument] & bit(p.value)));
        consistent_ = consistent_ && propagate();
        trail_.clear();
        return consistent_;
    }

    // Visits the labellings that respect `fixed` and what was committed, then restores the
    // state, so one search object answers many queries. False if the visitor stopped it.
    bool run(std::span<const pin> fixed, const labelling_visitor& visit) {
        if (!consistent_) return true;
        const bool finished = search(fixed, visit);
        undo(0);
        for (arg_id a : queue_) queued_[a] = 0;
        queue_.clear();
        return finished;
    }

private:
    bool search(std::span<const pin> fixed, const labelling_visitor& visit) {
        for (const pin& p : fixed) {
            if (!narrow(p.argument, static_cast<domain>(dom_[p.argument] & bit(p.value)))) return true;
        }
        if (!propagate()) return true;

        struct choice {
            arg_id var;
            domain left;
            std::size_t mark;
        };
        std::vector<choice> stack;
        labelling labels(af_.size());
        std::size_t cursor = 0;  // open_[0..cursor) are decided on the current branch
        std::vector<std::size_t> cursors;
        bool descend = true;
        while (true) {
            if (descend) {
                while (cursor < open_.size() && std::has_single_bit(dom_[open_[cursor]])) ++cursor;
                if (cursor == open_.size()) {
                    for (std::size_t i = 0; i < labels.size(); ++i)
                        labels[i] = dom_[i] == d_in ? label::in : dom_[i] == d_out ? label::out : label::undec;
                    if (!visit(labels)) return false;
                } else {
                    stack.push_back({open_[cursor], dom_[open_[cursor]], trail_.size()});
                    cursors.push_back(cursor);
                }
            }
            // Try the next value of the innermost choice with one left.
            descend = false;
            while (!stack.empty() && !descend) {
                choice& c = stack.back();
                undo(c.mark);
                cursor = cursors.back();
                if (c.left == 0) {
                    stack.pop_back();
                    cursors.pop_back();
                    continue;
                }
                const auto value = static_cast<domain>(c.left & -c.left);  // in, then out, then undec
                c.left = static_cast<domain>(c.left & ~value);
                descend = narrow(c.var, value) && propagate();
            }
            if (!descend) return true;
        }
    }

    bool narrow(arg_id a, domain d) {
        if (d == dom_[a]) return true;
        if (d == 0) return false;
        trail_.emplace_back(a, dom_[a]);
        dom_[a] = d;
        enqueue(a);
        return true;
    }

    void enqueue(arg_id a) {
        if (!queued_[a]) {
            queued_[a] = 1;
            queue_.push_back(a);
        }
    }

    void undo(std::size_t mark) {
        while (trail_.size() > mark) {
            dom_[trail_.back().first] = trail_.back().second;
            trail_.pop_back();
        }
    }

    bool propagate() {
        while (!queue_.empty()) {
            const arg_id x = queue_.back();
            queue_.pop_back();
            queued_[x] = 0;
            bool ok = revise(x);
            for (auto it = af_.attacks_of(x).begin(); ok && it != af_.attacks_of(x).end(); ++it) ok = revise(*it);
            if (!ok) {
                for (arg_id a : queue_) queued_[a] = 0;
                queue_.clear();
                return false;
            }
        }
        return true;
    }

    // Narrows `a` and its attackers under a's constraint; false when a domain empties.
    bool revise(arg_id a) {
        bool all_can_out = true, none_must_in = true, self = false;
        std::size_t can_in = 0, can_undec = 0;
        arg_id last_in = 0, last_undec = 0;
        for (arg_id b : af_.attackers_of(a)) {
            const domain d = dom_[b];
            if (b == a) self = true;
            if (!(d & d_out)) all_can_out = false;
            if (d == d_in) none_must_in = false;
            if (d & d_in) {
                ++can_in;
                last_in = b;
            }
            if (d & d_undec) {
                ++can_undec;
                last_undec = b;
            }
        }
        domain d = dom_[a];
        if (!all_can_out || self) d &= static_cast<domain>(~d_in);  // in would need itself out
        if (can_in == 0) d &= static_cast<domain>(~d_out);
        if (!none_must_in || can_undec == 0) d &= static_cast<domain>(~d_undec);
        if (!narrow(a, d)) return false;

        if (d == d_in) {
            for (arg_id b : af_.attackers_of(a))
                if (!narrow(b, static_cast<domain>(dom_[b] & d_out))) return false;
        } else if (!(d & d_out)) {
            for (arg_id b : af_.attackers_of(a))
                if (!narrow(b, static_cast<domain>(dom_[b] & ~d_in))) return false;
        }
        if (d == d_out && can_in == 1) return narrow(last_in, static_cast<domain>(dom_[last_in] & d_in));
        if (d == d_undec && can_undec == 1) return narrow(last_undec, static_cast<domain>(dom_[last_undec] & d_undec));
        return true;
    }

    const framework& af_;
    std::vector<domain> dom_;
    std::vector<arg_id> open_;
    std::vector<std::pair<arg_id, domain>> trail_;
    std::vector<arg_id> queue_;
    std::vector<std::uint8_t> queued_;
    bool consistent_ = true;  // false once the committed state has no complete labelling
};

// Keeps the sets no other set strictly contains.
std::vector<extension> maximal(std::vector<extension> sets) {
    std::sort(sets.begin(), sets.end(), [](const extension& a, const extension& b) { return a.size() > b.size(); });
    std::vector<extension> kept;
    for (auto& s : sets) {
        const bool covered = std::any_of(kept.begin(), kept.end(), [&](const extension& k) {
            return k.size() > s.size() && std::includes(k.begin(), k.end(), s.begin(), s.end());
        });
        if (!covered) kept.push_back(std::move(s));
    }
    return kept;
}

std::vector<extension> all_complete(const framework& af, bool stable_only) {
    std::vector<extension> found;
    for_each_complete(af, stable_only, {}, [&](const labelling& l) {
        found.push_back(in_set(l));
        return true;
    });
    return found;
}

std::optional<labelling> first(complete_search& search, std::span<const pin> fixed) {
    std::optional<labelling> found;
    search.run(fixed, [&](const labelling& l) {
        found = l;
        return false;
    });
    return found;
}

std::optional<labelling> first_complete(const framework& af, bool stable_only, std::span<const pin> fixed) {
    complete_search search(af, stable_only);
    return first(search, fixed);
}

// One preferred extension without enumerating: grow a complete extension one argument at a
// time, committing each larger one. If no complete extension holds S + c, none holds a
// superset of S + c either, so each candidate is tried once and the result is maximal.
extension one_preferred(const framework& af) {
    complete_search search(af, false);
    labelling current = grounded(af).labels;
    std::vector<pin> grown;
    for (std::size_t i = 0; i < current.size(); ++i) {
        const auto c = static_cast<arg_id>(i);
        if (current[c] != label::undec) continue;  // in already, or attacked by an in argument
        const pin try_c[] = {{c, label::in}};
        auto bigger = first(search, try_c);
        if (!bigger) continue;
        grown.clear();
        for (std::size_t j = 0; j < current.size(); ++j)
            if ((*bigger)[j] == label::in && current[j] != label::in) grown.push_back({static_cast<arg_id>(j), label::in});
        search.commit(grown);
        current = std::move(*bigger);
    }
    return in_set(current);
}

} // namespace

bool for_each_complete(const framework& af, bool stable_only, std::span<const pin> fixed,
                       const labelling_visitor& visit) {
    return complete_search(af, stable_only).run(fixed, visit);
}

std::vector<extension> extensions(const framework& af, semantics sem) {
    std::vector<extension> result;
    switch (sem) {
    case semantics::grounded: result.push_back(grounded(af).in); break;
    case semantics::complete: result = all_complete(af, false); break;
    case semantics::preferred: result = maximal(all_complete(af, false)); break;
    case semantics::stable: result = all_complete(af, true); break;
    }
    std::sort(result.begin(), result.end());
    return result;
}

std::optional<extension> some_extension(const framework& af, semantics sem) {
    switch (sem) {
    case semantics::grounded:
    case semantics::complete: return grounded(af).in;
    case semantics::preferred: return one_preferred(af);
    case semantics::stable:
        if (auto l = first_complete(af, true, {})) return in_set(*l);
        return std::nullopt;
    }
    return std::nullopt;
}

bool credulously_accepted(const framework& af, semantics sem, arg_id a) {
    const pin in[] = {{a, label::in}};
    switch (sem) {
    case semantics::grounded: return grounded(af).labels[a] == label::in;
    // In some complete extension iff in some preferred one (each complete extends to one).
    case semantics::complete:
    case semantics::preferred: return first_complete(af, false, in).has_value();
    case semantics::stable: return first_complete(af, true, in).has_value();
    }
    return false;
}

bool skeptically_accepted(const framework& af, semantics sem, arg_id a) {
    switch (sem) {
    // Grounded is the least complete extension, so it is also the complete skeptical answer.
    case semantics::grounded:
    case semantics::complete: return grounded(af).labels[a] == label::in;
    case semantics::preferred: {
        if (grounded(af).labels[a] == label::in) return true;
        complete_search search(af, false);
        const pin in[] = {{a, label::in}}, out[] = {{a, label::out}}, undec[] = {{a, label::undec}};
        if (!first(search, in)) return false;   // in no complete, so in no preferred extension
        if (first(search, out)) return false;   // an extension attacking a grows to a preferred one
        if (!first(search, undec)) return true; // in every complete extension
        // a is undec in some complete extension: whether a preferred one leaves it out takes
        // the preferred extensions themselves.
        const auto all = extensions(af, semantics::preferred);
        return std::all_of(all.begin(), all.end(),
                           [&](const extension& e) { return std::binary_search(e.begin(), e.end(), a); });
    }
    case semantics::stable: {
        const pin out[] = {{a, label::out}};
        return !first_complete(af, true, out).has_value();
    }
    }
    return false;
}

} // namespace candour::af
