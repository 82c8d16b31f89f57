#pragma once
// The candour command line, callable in-process so tests need not start a process.

#include <iosfwd>
#include <string>
#include <vector>

namespace candour::cli {

/// Exit codes: documented in docs/cli.md.
enum exit_code : int { ok = 0, input_error = 1, usage_error = 2 };

/// Runs `candour ARGS...` (args excludes the program name), writing results to `out` and
/// diagnostics to `err`. Never throws.
int run(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

} // namespace candour::cli
