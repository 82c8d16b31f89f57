#pragma once
// Batches: evaluate many case files in parallel and account for every one of them. Each case
// gives exactly one result: its rendered decision, or the diagnostics that stopped it. With an
// output folder, each result is written to its own file through a temporary name and a rename,
// so a reader never sees a half-written file, whenever the batch is stopped.
//
//     std::atomic<bool> stop{false};
//     candour::batch_options options;
//     options.out_dir = "decisions";
//     options.cancel = &stop;                       // set it (even from a signal handler) to stop
//     auto summary = candour::run_batch(rules, candour::batch_cases("cases"), options,
//                                       [](const candour::batch_result& r) { ... });

#include <candour/diagnostic.hpp>
#include <candour/evaluate.hpp>
#include <candour/render.hpp>
#include <candour/rulebook.hpp>

#include <atomic>
#include <chrono>
#include <cstddef>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace candour {

struct batch_options {
    output_format format = output_format::record;
    render_options render;
    evaluation_options evaluation;
    load_limits limits;
    /// Worker threads; 0 means std::thread::hardware_concurrency() (at least 1).
    unsigned jobs = 0;
    /// Where to write one file per case (created if missing); empty: write nothing, results
    /// reach the callback only.
    std::filesystem::path out_dir;
    /// Flush each file to disk (fsync) before renaming it into place, so that a result the
    /// batch reported survives a power failure. Without it each file is still written whole or
    /// not at all, but the flushes are skipped: on small cases they cost more than deciding the
    /// case, and they serialise the threads on the file system's journal.
    bool durable = true;
    /// When it becomes true, no new case is started; cases already running finish and are
    /// written. Lock-free, so a signal handler may set it. May be null.
    const std::atomic<bool>* cancel = nullptr;
    /// Called on the calling thread (which works through cases too) between cases, at most
    /// every `poll_every`, for a caller that must watch for something only that thread can see
    /// (Python checks for Ctrl-C here) and then set `cancel`. If it throws, no new case is
    /// started and run_batch rethrows the exception once running cases finish. May be empty.
    std::function<void()> poll;
    /// The least time between two polls (0: before every case).
    std::chrono::milliseconds poll_every{50};
};

struct batch_result {
    std::size_t index = 0;              ///< position of the case in the input list
    std::filesystem::path case_file;
    std::string name;                   ///< unique within the batch: the file's stem, "-2", "-3" on repeats
    bool decided = false;               ///< true: `output` holds the decision; false: see `diagnostics`
    std::string output;                 ///< the rendered decision (when decided)
    std::vector<diagnostic> diagnostics; ///< why the case failed, or warnings of a decided case
    std::filesystem::path written;      ///< the file written in out_dir (empty if none)
};

struct batch_summary {
    std::size_t total = 0;     ///< cases in the input list
    std::size_t evaluated = 0; ///< cases finished, decided or failed
    std::size_t failed = 0;    ///< of those, cases that gave diagnostics instead of a decision
    bool cancelled = false;    ///< stopped early: total - evaluated cases were never started

    [[nodiscard]] std::size_t not_started() const noexcept { return total - evaluated; }
    /// "N evaluated, M failed", plus ", K not started (interrupted)" when cancelled.
    [[nodiscard]] std::string to_string() const;
};

/// Called once per case as it finishes, on a worker thread, never by two threads at once.
/// The result file (if any) is complete and renamed into place before the call. If it throws,
/// no new case is started and run_batch rethrows the exception once running cases finish.
using batch_callback = std::function<void(const batch_result&)>;

/// The cases of a batch: the *.yaml files directly in a folder, sorted by name; or, for a
/// regular file, one path a line (relative paths are taken from the list file's folder;
/// blank lines and lines starting with '#' are skipped). Throws load_error (P102) when the
/// folder or list cannot be read.
[[nodiscard]] std::vector<std::filesystem::path> batch_cases(const std::filesystem::path& folder_or_list);

/// The file name a result is written under: NAME.record.md, NAME.notice.md, NAME.notice.txt,
/// NAME.json, NAME.dot, NAME.svg, NAME.html, NAME.graphml; NAME.diagnostics.txt for a case that
/// failed.
[[nodiscard]] std::string batch_file_name(const std::string& name, output_format format, bool decided);

/// Evaluates every case: loads it against `rules`, evaluates and renders it. A case that
/// fails (load errors, a render_error, a result file that cannot be written) is a failed
/// result, never an exception; the batch carries on. Throws only if out_dir cannot be created.
batch_summary run_batch(const rulebook& rules, const std::vector<std::filesystem::path>& cases,
                        const batch_options& options, const batch_callback& on_result = {});

} // namespace candour
