#!/bin/sh
# `candour evaluate` on the MOPAC example from a cold process (docs/performance.md).
# Target: < 20 ms. Uses hyperfine when installed (Debian package hyperfine), else a loop
# timed with /usr/bin/time and the median reported.
#
# usage: tests/benchmark/cli_cold.sh [BUILD_DIR] [RUNS]      (default build/bench, 50 runs)
set -eu
here=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:-$here/build/bench}
runs=${2:-50}
cli=$build/bindings/cli/candour
case_file=$here/examples/mopac-it-systems/case.yaml
[ -x "$cli" ] || { echo "no candour CLI at $cli; build first" >&2; exit 1; }

echo "machine: $(nproc) cores; $(uptime | sed 's/.*load/load/')"
if command -v hyperfine >/dev/null 2>&1; then
    hyperfine -N --warmup 5 --runs "$runs" \
        "$cli evaluate $case_file" \
        "$cli evaluate $case_file --format json" \
        "$cli --version"
else
    for args in "evaluate $case_file" "evaluate $case_file --format json" "--version"; do
        for i in $(seq "$runs"); do
            /usr/bin/time -f "%e" "$cli" $args 2>&1 >/dev/null | tail -n 1
        done | sort -n | awk -v what="candour $args" '{ t[NR] = $1 } END { printf "%s: median %.1f ms over %d runs\n", what, 1000 * t[int((NR + 1) / 2)], NR }'
    done
fi
