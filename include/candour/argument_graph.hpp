#pragma once
// The structured argumentation engine: statements, the arguments for and against them, and a
// labelling that decides each statement by its proof standard. It knows nothing about FOI;
// the FOI evaluator builds a graph and every renderer reads the labelled result.
//
// Semantics (docs/reasoning.md): an argument is applicable when every premise is accepted and
// every exception is rejected. A statement is decided by its proof standard over the weights of
// its applicable pro and con arguments, and only when that answer cannot change however its
// still-open arguments turn out. What cannot be decided that way (cycles, undecided premises)
// stays undecided: the labelling is grounded-style, always terminates and never guesses.

#include <candour/citation.hpp>

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace candour {

enum class label : std::uint8_t { undecided, accepted, rejected };
enum class direction : std::uint8_t { pro, con };

/// How the weights of one side's applicable arguments combine.
enum class weighing : std::uint8_t {
    sum,       ///< add them up
    strongest, ///< the single heaviest argument
    criteria   ///< by category, most important first: the first category whose sums differ decides
};

/// Argument categories for `weighing::criteria`: 0 (least important) to this value.
inline constexpr std::uint8_t max_argument_category = 7;

/// Decides a statement from its arguments.
struct proof_standard {
    enum class kind : std::uint8_t {
        scintilla, ///< accepted iff some pro argument is applicable
        balance,   ///< accepted iff pro outweighs con; `tie` decides equality
        threshold  ///< accepted iff pro - con reaches `margin` (strictly, if `strict`)
    };
    kind type = kind::balance;
    direction tie = direction::con; ///< balance: the side that wins when pro == con
    double margin = 0;
    bool strict = true;
    candour::weighing weigh = candour::weighing::sum;

    [[nodiscard]] static proof_standard scintilla() { return {kind::scintilla, direction::con, 0, true, weighing::sum}; }
    [[nodiscard]] static proof_standard balance(direction tie_goes_to, candour::weighing w = candour::weighing::sum) {
        return {kind::balance, tie_goes_to, 0, true, w};
    }
    [[nodiscard]] static proof_standard threshold(double margin, bool strict, candour::weighing w = candour::weighing::sum) {
        return {kind::threshold, direction::con, margin, strict, w};
    }
    /// Decides from the total weights; `any_pro` says whether a pro argument is applicable.
    [[nodiscard]] bool satisfied(double pro, double con, bool any_pro) const noexcept;
};

using statement_id = std::uint32_t;
using argument_id = std::uint32_t;

/// A statement's and an argument's texts (and an argument's premises and exceptions) are views.
/// Passed to `add_statement` or `add_argument` they may view anything that lives until the call
/// returns: the graph copies them into storage of its own (an argument's text and citation once
/// per graph however many arguments repeat them), and the statement or argument it keeps views
/// that copy, valid as long as the graph.
struct statement {
    std::string_view key;  ///< stable id, e.g. "c1/engaged"
    std::string_view text; ///< the proposition, in full
    proof_standard standard = proof_standard::balance(direction::con);
    std::optional<label> fact; ///< fixed label for a fact of the case; empty for derived statements
    /// The arguments for and against it, in the order they were added: filled by `add_argument`
    /// (whatever is passed to `add_statement` is ignored), viewing the graph's storage, valid as
    /// long as the graph. A view taken before another argument for the statement is added does
    /// not show that argument.
    std::span<const argument_id> pro, con;
};

struct argument {
    std::string_view key;
    std::string_view text;  ///< the reason, in full
    statement_id conclusion = 0;
    direction dir = direction::pro;
    std::uint8_t category = 0; ///< for weighing::criteria; higher is more important (at most 7)
    double weight = 1;
    std::span<const statement_id> premises;
    std::span<const statement_id> exceptions; ///< if any is accepted the argument is undercut
    /// The citation it rests on; never null in a graph (null when added: an empty citation).
    const citation* source = nullptr;
};

/// Why an argument does or does not count.
enum class argument_status : std::uint8_t {
    pending,          ///< not decided (a premise or exception is undecided)
    applicable,
    premise_rejected, ///< a premise is rejected
    undercut          ///< an exception is accepted
};

class argument_graph {
public:
    argument_graph();
    /// A copy has storage of its own: its statements and arguments view its own texts.
    argument_graph(const argument_graph& other);
    argument_graph& operator=(const argument_graph& other);
    argument_graph(argument_graph&&) noexcept;
    argument_graph& operator=(argument_graph&&) noexcept;
    ~argument_graph();

    /// Both copy the texts (and the citation) the statement or argument views; see `statement`.
    statement_id add_statement(const statement& s);
    argument_id add_argument(const argument& a);
    /// Room for this many more statements and arguments, so that adding them does not reallocate.
    void reserve(std::size_t statements, std::size_t arguments);

    [[nodiscard]] const std::vector<statement>& statements() const noexcept { return statements_; }
    [[nodiscard]] const std::vector<argument>& arguments() const noexcept { return arguments_; }
    [[nodiscard]] const statement& at(statement_id id) const { return statements_.at(id); }
    [[nodiscard]] const argument& argument_at(argument_id id) const { return arguments_.at(id); }
    [[nodiscard]] std::optional<statement_id> find(std::string_view key) const noexcept;

    /// Computes every label and argument status. Runs in time linear in the size of the graph
    /// (plus re-weighing of statements as their arguments are decided), without recursion.
    void evaluate();
    [[nodiscard]] bool evaluated() const noexcept { return evaluated_; }

    [[nodiscard]] label label_of(statement_id id) const { return labels_.at(id); }
    [[nodiscard]] argument_status status_of(argument_id id) const { return status_.at(id); }
    /// Total weight of the applicable arguments on one side of a statement, by its weighing.
    [[nodiscard]] double weight_of(statement_id id, direction side) const;

private:
    struct storage; // the texts and citations viewed (lib/argument_graph.cpp)
    storage& store();

    std::vector<statement> statements_;
    std::vector<argument> arguments_;
    std::vector<label> labels_;
    std::vector<argument_status> status_;
    std::unique_ptr<storage> store_; // on the heap, so that moving the graph moves no text
    bool evaluated_ = false;
};

/// Why a statement got its label: the arguments that decided it and the ones that lost.
struct explanation {
    struct entry {
        argument_id argument;
        argument_status status;
        bool outweighed = false; ///< applicable but on the losing side of the balance
    };
    label result = label::undecided;
    double pro_weight = 0, con_weight = 0;
    std::vector<entry> deciding; ///< applicable arguments on the winning side
    std::vector<entry> losing;   ///< everything else, with its reason
};

[[nodiscard]] explanation explain(const argument_graph& g, statement_id id);

[[nodiscard]] const char* to_string(label l) noexcept;
[[nodiscard]] const char* to_string(direction d) noexcept;
[[nodiscard]] const char* to_string(argument_status s) noexcept;

} // namespace candour
