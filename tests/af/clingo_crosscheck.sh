#!/bin/sh
# Cross-checks `candour af -p SE-GR` against clingo on generated frameworks, in all three
# formats, plus DC-GR / DS-GR spot checks.
#
# usage: clingo_crosscheck.sh CANDOUR AF_GENERATE [WORKDIR]
# exit:  0 all agree, 1 a disagreement or failure, 77 clingo not installed (ctest skip)
set -eu

if ! command -v clingo >/dev/null 2>&1; then
    echo "clingo not found (Debian package gringo); skipping the cross-check"
    exit 77
fi
[ $# -ge 2 ] || { echo "usage: $0 CANDOUR AF_GENERATE [WORKDIR]" >&2; exit 1; }
candour=$1
generate=$2
if [ $# -ge 3 ]; then
    work=$3
    mkdir -p "$work"
else
    work=$(mktemp -d)
    trap 'rm -rf "$work"' EXIT
fi

# Grounded semantics as a positive program: its unique answer set is the least model, which
# is the least fixpoint of the characteristic function, i.e. the grounded extension.
#   in(X):       every attacker of X is defeated (true when X has none)
#   defeated(X): some argument in the extension attacks X
cat >"$work/grounded.lp" <<'EOF'
in(X) :- arg(X), defeated(Y) : att(Y,X).
defeated(X) :- att(Y,X), in(Y).
#show in/1.
EOF

# The in/1 atoms clingo finds for an apx file, as sorted numbers (names are a1..aN).
clingo_grounded() {
    clingo --outf=0 -V0 --warn=none "$work/grounded.lp" "$1" | tr ' ' '\n' |
        sed -n 's/^in(a\{0,1\}\([0-9A-Za-z_]*\))$/\1/p' | sort
}

fail=0

# The encoding itself, on shapes with known answers.
check_encoding() {  # FACTS EXPECTED
    printf '%s\n' "$1" >"$work/shape.apx"
    got=$(clingo_grounded "$work/shape.apx" | tr '\n' ' ')
    if [ "$got" != "$2" ]; then
        echo "FAIL encoding: '$1' gave '$got', expected '$2'"
        fail=1
    fi
}
check_encoding "arg(1). arg(2). arg(3). att(1,2). att(2,3)." "1 3 "
check_encoding "arg(1). arg(2). att(1,2). att(2,1)." ""
check_encoding "arg(1). arg(2). att(1,1). att(1,2)." ""
check_encoding "arg(9). arg(1). arg(2). arg(3). att(9,1). att(1,2). att(2,3). att(3,1)." "2 9 "
check_encoding "arg(1)." "1 "

# kind, arguments, seed, attacks per argument
for spec in "random 1000 1 3" "random 5000 2 1.2" "random 30000 3 3" "layered 2000 4 3" \
            "layered 30000 5 2" "cycles 1000 6 0" "cycles 50000 7 0" "chain 10001 8 0" \
            "random 100000 9 1"; do
    set -- $spec
    base="$work/$1-$2-$3"
    for fo in apx tgf i23; do
        "$generate" --kind "$1" --args "$2" --seed "$3" --degree "$4" --format $fo -o "$base.$fo"
    done
    clingo_grounded "$base.apx" | sort -n >"$base.expected"
    "$candour" af -p SE-GR -f "$base.apx" -fo apx | tr -d '[]\n' | tr ',' '\n' | sed -n 's/^a//p' | sort -n >"$base.got-apx"
    "$candour" af -p SE-GR -f "$base.tgf" -fo tgf | tr -d '[]\n' | tr ',' '\n' | sed -n 's/^a//p' | sort -n >"$base.got-tgf"
    "$candour" af -p SE-GR -f "$base.i23" -fo i23 | tr ' ' '\n' | grep -v '^w$' | grep -v '^$' | sort -n >"$base.got-i23" || true
    for fo in apx tgf i23; do
        if ! cmp -s "$base.expected" "$base.got-$fo"; then
            echo "FAIL $spec ($fo): candour and clingo disagree"
            diff "$base.expected" "$base.got-$fo" | head -5
            fail=1
        fi
    done
    size=$(wc -l <"$base.expected")
    # DC-GR on a member, DS-GR on the first non-member.
    if [ "$size" -gt 0 ]; then
        member=$(head -n 1 "$base.expected")
        answer=$("$candour" af -p DC-GR -f "$base.i23" -fo i23 -a "$member")
        [ "$answer" = YES ] || { echo "FAIL $spec: DC-GR $member gave $answer"; fail=1; }
    fi
    outside=$(awk -v n="$2" 'BEGIN { i = 1 } { if ($1 != i) { found = 1; exit } i++ }
                             END { if (found || i <= n) print i }' "$base.expected")
    if [ -n "$outside" ]; then
        answer=$("$candour" af -p DS-GR -f "$base.i23" -fo i23 -a "$outside")
        [ "$answer" = NO ] || { echo "FAIL $spec: DS-GR $outside gave $answer"; fail=1; }
    fi
    echo "ok   $spec: grounded extension of $size arguments agrees in apx, tgf and i23"
done

exit $fail
