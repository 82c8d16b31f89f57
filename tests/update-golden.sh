#!/usr/bin/env bash
# Rewrites every golden file and expected-diagnostics file from the current build, for review
# with `git diff` before committing. Uses its own build folder so no other build changes mode.
set -euo pipefail
cd "$(dirname "$0")/.."
cmake -S . -B build/golden -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCANDOUR_BUILD_PYTHON=OFF -DCANDOUR_UPDATE_GOLDEN=ON >/dev/null
nice cmake --build build/golden -j2 >/dev/null  # nice: the machine has two cores, shared with other work
(cd build/golden && ctest -L cli -j2 >/dev/null) || true
git status --short -- tests/golden tests/cli
echo "Review the changes with: git diff -- tests/golden tests/cli"
