#!/bin/bash
# Runs one libFuzzer target until it has had MIN minutes of CPU time and QUIET minutes (wall
# clock) have passed with no new coverage (libFuzzer's "NEW" lines), or MAX wall minutes in
# all; then prints a summary line for the table in README.md. A crash stops the run
# (libFuzzer writes crash-* in the current directory).
# Usage: run-long.sh TARGET CORPUS_DIR LOG [MIN=30] [QUIET=10] [MAX=90] [-- fuzzer options]
set -u
[ $# -ge 3 ] || { echo "usage: run-long.sh TARGET CORPUS LOG [MIN QUIET MAX] [-- OPTS]" >&2; exit 2; }
target=$1 corpus=$2 log=$3
shift 3
min=30 quiet=10 max=90
for v in min quiet max; do
    if [ $# -gt 0 ] && [ "$1" != -- ]; then printf -v "$v" '%s' "$1"; shift; fi
done
[ "${1:-}" = -- ] && shift
mkdir -p "$corpus"

# CPU seconds (user + system) used so far by process $1
cpu_s() {
    local f
    read -ra f <"/proc/$1/stat" 2>/dev/null || { echo 0; return; }
    echo $(( (f[13] + f[14]) / $(getconf CLK_TCK) ))
}

start=$(date +%s) cpu=0
"$target" "$@" "$corpus" >"$log" 2>&1 &
pid=$!
last_new=$start count=0 why=
while kill -0 "$pid" 2>/dev/null; do
    sleep 20
    now=$(date +%s)
    n=$(grep -cE '[[:space:]]NEW[[:space:]]' "$log")
    if [ "$n" != "$count" ]; then count=$n last_new=$now; fi
    cpu=$(cpu_s "$pid")
    if (( cpu >= min * 60 && now - last_new >= quiet * 60 )); then
        why="quiet for $quiet min"
        break
    fi
    if (( now - start >= max * 60 )); then
        why="time cap ($max min)"
        break
    fi
done
if kill -0 "$pid" 2>/dev/null; then
    kill -INT "$pid"
    wait "$pid"
    status=0
else
    wait "$pid"
    status=$?
    why="fuzzer exited with status $status (see $log)"
fi
end=$(date +%s)
stats=$(grep -E '^#[0-9]+' "$log" | tail -1)
echo "$(basename "$target"): $(( (end - start) / 60 )) min wall, $(( cpu / 60 )) CPU-min, stopped: $why;" \
     "last new coverage $(( (end - last_new) / 60 )) min before the end; $stats"
ls crash-* leak-* timeout-* oom-* 2>/dev/null && exit 1
exit "$status"
