#!/usr/bin/env bash
# Runs the test suite: builds an instrumented copy in ./build-test, runs ctest (decoder unit
# tests, the tcpdump comparison table, engine tests) and prints the decoders' line coverage.
set -euo pipefail
cd "$(dirname "$0")/.."
cmake -S . -B build-test -DCMAKE_BUILD_TYPE=Debug -DTCPLUA_COVERAGE=ON >/dev/null
cmake --build build-test -j"$(nproc)" >/dev/null
find build-test -name '*.gcda' -delete
# tcplua gives up root like tcpdump: the profile data it writes at exit must stay writable
umask 000
find build-test -type d -exec chmod a+rwx {} +
status=0
(cd build-test && ctest --output-on-failure -j"$(nproc)" -LE slow) || status=$?
bash tests/coverage.sh build-test || status=$?
exit $status
