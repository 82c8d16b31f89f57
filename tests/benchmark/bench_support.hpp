#pragma once
// Shared by the benchmarks: where things are, generated inputs (made on first use and kept
// under the build folder), and running a child process with its wall time and peak memory.

#include <candour/candour.hpp>

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace bench {

namespace fs = std::filesystem;

fs::path source_dir();
fs::path work_dir(); ///< created on first use

/// The bundled rules, loaded once per process.
const candour::rulebook& rules();

/// A generated schedule (tests/benchmark/make_schedule.py), written on first use.
/// kind: identical | varied | per-row.
fs::path schedule_file(const std::string& kind, std::size_t items);

/// Limits large enough for every generated schedule (the defaults stop at 16 MB).
candour::load_limits generous_limits();

/// A random framework from af_generate (`--kind random --degree D --seed 1`), written on first use.
fs::path af_file(std::size_t arguments, double degree, const std::string& format);

/// The whole file as a string.
std::string read_file(const fs::path& p);

struct process_result {
    int status = -1;          ///< exit status, or -1 if the process did not exit normally
    double seconds = 0;       ///< wall time from spawn to exit
    double cpu_seconds = 0;   ///< the child's user + system time
};

/// Runs `argv` (argv[0] is a path) with stdout to `stdout_path` (or /dev/null) and stderr to
/// /dev/null, and waits for it.
process_result run_process(const std::vector<std::string>& argv, const std::string& stdout_path = "/dev/null");

/// The peak resident set of `argv` run once, in KiB, measured by /usr/bin/time (GNU time forks
/// the command from its own small process; a child spawned from this large one would report
/// this process's memory, which it shares until exec). 0 when /usr/bin/time is missing.
long peak_rss_kib(const std::vector<std::string>& argv, const std::string& stdout_path = "/dev/null");

/// This process's user + system CPU time, all threads.
double process_cpu_seconds();

/// The candour CLI, clingo: empty when not available.
std::string cli_path();
std::string clingo_path();

} // namespace bench
