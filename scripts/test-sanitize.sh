#!/usr/bin/env bash
# Builds tcplua with AddressSanitizer + UBSan in ./build-asan and runs the whole ctest suite
# there, every capture cut at every length included (label `slow`; TRUNC_MERGED=1 by default,
# see tests/trunc/trunc.py). Any sanitizer report, leaks included, fails the test that hit
# it: the programs exit non-zero, and the comparison tests also see the report on stderr.
# Usage: scripts/test-sanitize.sh [ctest arguments, e.g. -LE slow to leave out the cuts]
set -euo pipefail
cd "$(dirname "$0")/.."
start=$SECONDS
cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DTCPLUA_SANITIZE=ON -DTCPLUA_COVERAGE=OFF \
    >/dev/null
cmake --build build-asan -j"$(nproc)" >/dev/null
echo "test-sanitize: built in $((SECONDS - start)) s"
# halt_on_error: the first report ends the run with exit 1, for UBSan too (it recovers by
# default). detect_leaks: LeakSanitizer works after tcplua drops root to user tcpdump (it
# makes the process dumpable again for its ptrace-based stop-the-world; tested), but not
# under strace/gdb. Caller's settings are appended, so they win.
export ASAN_OPTIONS="halt_on_error=1:abort_on_error=0:detect_leaks=1:print_stacktrace=1${ASAN_OPTIONS:+:$ASAN_OPTIONS}"
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1${UBSAN_OPTIONS:+:$UBSAN_OPTIONS}"
export TRUNC_MERGED=${TRUNC_MERGED:-1}
status=0
(cd build-asan && ctest --output-on-failure -j"$(nproc)" "$@") || status=$?
echo "test-sanitize: $((SECONDS - start)) s in total, exit $status"
exit $status
