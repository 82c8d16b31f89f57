#!/bin/sh
# Peak memory and phase times of generated schedules (docs/performance.md): for each kind and
# size, make_schedule.py writes the case, candour_schedule_run loads, evaluates and renders it
# under /usr/bin/time -v. Target at 100,000 rows: evaluate + JSON < 1 s, peak < 300 MB, growing
# linearly. Columns: phase wall times, the process's CPU time (user + system) and wall time,
# the live heap of the loaded case and of the decision, and the peak RSS (GNU time).
#
# usage: tests/benchmark/schedule_memory.sh [BUILD_DIR] [FORMAT] [KINDS] [SIZES]
#        defaults: build/bench, json, "identical varied", "10000 30000 100000"
set -eu
here=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:-$here/build/bench}
format=${2:-json}
kinds=${3:-identical varied}
sizes=${4:-10000 30000 100000}
run=$build/tests/benchmark/candour_schedule_run
work=$build/tests/benchmark/data
mkdir -p "$work"
[ -x "$run" ] || { echo "no candour_schedule_run at $run; build first" >&2; exit 1; }

echo "machine: $(nproc) cores; $(uptime | sed 's/.*load/load/')"
printf '%-10s %8s %8s %8s %9s %9s %8s %8s %9s %9s %9s\n' kind rows file_MB load_s eval_s render_s cpu_s wall_s case_MiB dec_MiB peak_MiB
for kind in $kinds; do
    for n in $sizes; do
        file=$work/schedule-$kind-$n.yaml
        [ -f "$file" ] || /usr/bin/python3 "$here/tests/benchmark/make_schedule.py" --items "$n" --kind "$kind" -o "$file"
        out=$( { /usr/bin/time -v "$run" "$file" --format "$format" 2>&1; } )
        echo "$out" | awk -v kind="$kind" -v n="$n" -v mb="$(stat -c %s "$file")" '
            /^rules .* load / { load = $6; eval = $10; render = $15 }
            /^live heap/ { heap_case = $6; heap_decision = $10 }
            /User time/ { cpu += $4 }
            /System time/ { cpu += $4 }
            /Maximum resident set size/ { rss = $6 }
            /Elapsed \(wall clock\)/ { k = split($8, t, ":"); wall = k == 3 ? t[1] * 3600 + t[2] * 60 + t[3] : t[1] * 60 + t[2] }
            END { printf "%-10s %8d %8.1f %8.2f %9.3f %9.3f %8.2f %8.2f %9.1f %9.1f %9.1f\n", kind, n, mb / 1e6, load, eval, render, cpu, wall, heap_case, heap_decision - heap_case, rss / 1024 }'
    done
done
