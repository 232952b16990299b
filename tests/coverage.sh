#!/usr/bin/env bash
# Prints gcov line coverage of the C decoders (src/decode) after a test run in an
# instrumented build; fails when it is under the bar the project holds itself to.
set -euo pipefail
build=${1:-build-test}
bar=${TCPLUA_COVERAGE_BAR:-90}
objdir=$(find "$build" -type d -path '*tcplua_core.dir/src/decode' | head -n1)
[ -n "$objdir" ] || { echo "coverage: no instrumented objects under $build"; exit 1; }
total=0; hit=0
for gcda in "$objdir"/*.gcda; do
  [ -e "$gcda" ] || continue
  out=$(cd "$objdir" && gcov -n "$(basename "$gcda")" 2>/dev/null | grep -A1 "^File '.*src/decode/" || true)
  while read -r line; do
    if [[ $line =~ Lines\ executed:([0-9.]+)%\ of\ ([0-9]+) ]]; then
      pct=${BASH_REMATCH[1]}; n=${BASH_REMATCH[2]}
      total=$((total + n)); hit=$(awk -v p="$pct" -v n="$n" -v h="$hit" 'BEGIN{printf "%d", h + p*n/100 + 0.5}')
    fi
  done <<< "$out"
done
[ "$total" -gt 0 ] || { echo "coverage: no decoder lines executed"; exit 1; }
pct=$(awk -v h="$hit" -v t="$total" 'BEGIN{printf "%.1f", 100*h/t}')
echo "decoder line coverage: $pct% ($hit of $total lines, bar $bar%)"
awk -v p="$pct" -v b="$bar" 'BEGIN{exit !(p >= b)}'
