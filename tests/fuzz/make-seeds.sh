#!/usr/bin/env bash
# Collects the fuzzers' starting inputs from the repository into SEEDS/TARGET (default
# build/fuzz/seeds): the examples, the hostile corpus, the rule files and small generated
# argumentation frameworks. Inputs over 64 KB are left out (libFuzzer sizes its mutations by the
# largest seed; the huge hostile files are ctest's job). The committed corpus,
# tests/fuzz/corpus/TARGET, is these seeds after fuzzing, minimised (docs/testing.md, "Fuzzing").
#
# usage: tests/fuzz/make-seeds.sh [SEEDS] [AF_GENERATE]
#        AF_GENERATE: an af_generate binary (default: the first of build/{dev,ci,release,asan})
set -euo pipefail
cd "$(dirname "$0")/../.."
seeds=${1:-build/fuzz/seeds}
generate=${2:-}
if [ -z "$generate" ]; then # the first build that has the framework generator
  for b in build/dev build/ci build/release build/asan; do
    [ -x "$b/tests/af/af_generate" ] && { generate=$b/tests/af/af_generate; break; }
  done
fi
rm -rf "$seeds"
mkdir -p "$seeds"/{case,evaluate,rules,regime,af_apx,af_tgf,af_i23,yaml}

small() { find "$@" -type f -size -64k; }
copy() { # copy TARGET FILE... : each file under a name made from its path
  local target=$1; shift
  for f in "$@"; do cp "$f" "$seeds/$target/$(echo "$f" | tr '/' '_')"; done
}

copy case $(small examples -name 'case.yaml') tests/cli/good-case.yaml $(small tests/cli/bad-cases -name '*.yaml')
copy rules $(small rules/uk/foia-2000 rules/uk/eir-2004 rules/scotland rules/au -maxdepth 1 -name '*.yaml' ! -name index.yaml)
copy regime $(small rules -name index.yaml) $(small rules/uk/calendars -name '*.yaml')
# fuzz_yaml: every YAML text in the repository, good and bad.
copy yaml $(small rules examples tests/cli -name '*.yaml')
# fuzz_evaluate decodes raw bytes: a few fixed patterns to start from.
printf '\x00\x01\x02\x03\x04\x05\x06\x07\x08\x09\x0a\x0b\x0c\x0d\x0e\x0f' > "$seeds/evaluate/counting"
head -c 512 /dev/zero | tr '\0' '\377' > "$seeds/evaluate/ones"
for n in 1 2 3 5 8 13; do printf "%0${n}d" 7 > "$seeds/evaluate/sevens-$n"; done

if [ -n "$generate" ] && [ -x "$generate" ]; then
  for format in apx tgf i23; do
    for kind in random layered cycles chain; do
      for n in 1 4 20 200; do
        "$generate" --kind $kind --args $n --degree 3 --seed $n --format $format -o "$seeds/af_$format/$kind-$n.$format"
      done
    done
  done
else
  echo "no af_generate at $generate: the af seeds are empty (libFuzzer starts from nothing)" >&2
fi
for target in case evaluate rules regime af_apx af_tgf af_i23 yaml; do
  echo "$target: $(ls "$seeds/$target" | wc -l) seeds"
done
