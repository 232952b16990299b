#!/usr/bin/env bash
# Runs the test suite twice: in an instrumented build (./build-test: every ctest test,
# including every capture cut at every length, then the decoders' line coverage) and under
# AddressSanitizer + UBSan (./build-asan, see scripts/test-sanitize.sh), cut captures
# included. The cut captures are checked one file per capture first (TRUNC_MERGED, see
# tests/trunc/trunc.py); set TRUNC_MERGED=0 for one file per length. The benchmark is
# bench/run.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
cmake -S . -B build-test -DCMAKE_BUILD_TYPE=Debug -DTCPLUA_COVERAGE=ON >/dev/null
cmake --build build-test -j"$(nproc)" >/dev/null
find build-test -name '*.gcda' -delete
# tcplua gives up root like tcpdump: the profile data it writes at exit must stay writable
find build-test -type d -exec chmod a+rwx {} +
export TRUNC_MERGED=${TRUNC_MERGED:-1}
status=0
(umask 000; cd build-test && ctest --output-on-failure -j"$(nproc)") || status=$?
bash tests/coverage.sh build-test || status=$?
echo "== the same suite under AddressSanitizer and UBSan"
bash scripts/test-sanitize.sh || status=$?
exit $status
