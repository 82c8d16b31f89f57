#pragma once
// `candour af`: an ICCMA-style solver interface over candour::af.
//   candour af -p SE-GR -f FILE [-fo apx|tgf|i23] [-a ARG]
//   candour af --formats | --problems | --help

#include <iosfwd>
#include <string>
#include <vector>

namespace candour::cli {

/// `args` excludes the leading "af". Returns 0 on success, 1 when the input cannot be read or
/// does not fit (diagnostics on `err`), 2 on a usage error.
int run_af(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

} // namespace candour::cli
