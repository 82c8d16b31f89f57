#!/bin/sh
# Runs `candour ARGS...` under valgrind's memcheck: any invalid access or leak fails the test.
# Exit 77 (skipped) when valgrind is not installed.
#   run_valgrind.sh CANDOUR ARGS...
command -v valgrind >/dev/null 2>&1 || { echo "valgrind is not installed: skipped"; exit 77; }
exe=$1
shift
exec valgrind --error-exitcode=1 --leak-check=full -q "$exe" "$@" >/dev/null
