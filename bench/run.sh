#!/usr/bin/env bash
# run.sh: tcplua's benchmark kit. Runs every speed and memory target of tcplua side by side with
# tcpdump (or with tcplua's own floor) on generated captures, prints median and min-max per target
# and a Markdown table; exits non-zero when a target is missed. A benchmark, not a test.
set -u -o pipefail
export LC_ALL=C # EPOCHREALTIME and awk use '.' as the decimal separator

usage() {
    cat <<'EOF'
usage: bench/run.sh [--packets N] [--tcplua PATH] [--smoke] [--no-fail]
  --packets N    packets in the mixed capture (default 1000000)
  --tcplua PATH  binary to measure (default build/tcplua under the repo root)
  --smoke        2000-packet capture, one repetition, never fails on timing (CI smoke)
  --no-fail      exit 0 even when targets are missed
env: REPEAT (default 5), STARTUP_REPEAT (default 50), FLOWS (default 1000000),
     TCPLUA_BENCH_DIR (work directory, default /tmp/tcplua-bench), TCPDUMP (default /usr/bin/tcpdump)
EOF
}

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
PACKETS=1000000
TCPLUA=$ROOT/build/tcplua
SMOKE=0
NOFAIL=0
while (($#)); do
    case $1 in
    --packets) PACKETS=${2:?--packets needs a number}; shift 2 ;;
    --tcplua) TCPLUA=${2:?--tcplua needs a path}; shift 2 ;;
    --smoke) SMOKE=1; shift ;;
    --no-fail) NOFAIL=1; shift ;;
    -h | --help) usage; exit 0 ;;
    *) echo "run.sh: unknown argument '$1'" >&2; usage >&2; exit 2 ;;
    esac
done
REPEAT=${REPEAT:-5}
STARTUP_REPEAT=${STARTUP_REPEAT:-50}
NFLOWS=${FLOWS:-1000000}
if ((SMOKE)); then
    PACKETS=2000 REPEAT=1 STARTUP_REPEAT=3 NFLOWS=2000
fi
BENCH_DIR=${TCPLUA_BENCH_DIR:-/tmp/tcplua-bench}
TCPDUMP=${TCPDUMP:-/usr/bin/tcpdump}
[[ $TCPLUA == /* ]] || TCPLUA=$PWD/$TCPLUA

die() { echo "run.sh: $*" >&2; exit 2; }
[[ -x $TCPLUA ]] || die "no tcplua binary at $TCPLUA (build it, or pass --tcplua PATH)"
[[ -x $TCPDUMP ]] || die "no tcpdump at $TCPDUMP"
[[ $PACKETS =~ ^[1-9][0-9]*$ ]] || die "--packets wants a positive number"

# tcpdump started as root drops to user tcpdump before opening its -w file, hence mode 1777.
mkdir -p "$BENCH_DIR/logs" || die "cannot create $BENCH_DIR"
chmod 1777 "$BENCH_DIR" 2>/dev/null || true
LOG=$BENCH_DIR/logs

# ---- inputs: the generator, the captures, the scripts ----
GEN=$BENCH_DIR/gen_mixed
if [[ ! -x $GEN || $ROOT/bench/gen_mixed.c -nt $GEN ]]; then
    cc -O2 -o "$GEN" "$ROOT/bench/gen_mixed.c" || die "cannot build gen_mixed"
fi
gen() { # gen FILE ARGS...: writes FILE once; the generator is deterministic
    local f=$1; shift
    [[ -s $f && $f -nt $GEN ]] && return 0
    echo "generating $(basename "$f") ..." >&2
    if ! { "$GEN" "$@" -o "$f.tmp" && mv "$f.tmp" "$f"; }; then
        die "gen_mixed $* failed"
    fi
}
CAP=$BENCH_DIR/mixed-$PACKETS.pcap
FLOWCAP=$BENCH_DIR/flows-$NFLOWS.pcap
ONEFLOW=$BENCH_DIR/flows-1.pcap
ONE=$BENCH_DIR/single.pcap
gen "$CAP" -n "$PACKETS"
gen "$FLOWCAP" --flows-only "$NFLOWS"
gen "$ONEFLOW" --flows-only 1
gen "$ONE" --single
echo 'function filter(p) return p.tcp ~= nil and p.tcp.syn end' >"$BENCH_DIR/filter.lua"
echo 'function packet(p) end' >"$BENCH_DIR/floor.lua"
# the flow target needs flows tracked: a packet hook with a flow parameter asks for them
echo 'function packet(p, flow) end' >"$BENCH_DIR/noop.lua"
OUT_A=$BENCH_DIR/out-tcplua.pcap
OUT_B=$BENCH_DIR/out-tcpdump.pcap

export TZ=UTC # every run, unless a target says env -u TZ

# ---- measuring ----
LAST_US=0
timed() { # timed ERRFILE CMD...: one run, stdout to /dev/null; sets LAST_US, returns CMD's status
    local err=$1 t0 t1 rc
    shift
    t0=${EPOCHREALTIME/./}
    "$@" >/dev/null 2>"$err"
    rc=$?
    t1=${EPOCHREALTIME/./}
    LAST_US=$((t1 - t0))
    return $rc
}

stats() { # stats US...: prints "median min max" in seconds
    printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 }
        END { m = NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
              printf "%.4f %.4f %.4f\n", m / 1e6, v[1] / 1e6, v[NR] / 1e6 }'
}

fmt_time() { # fmt_time MEDIAN MIN MAX
    awk -v m="$1" -v lo="$2" -v hi="$3" 'BEGIN {
        u = m < 0.1 ? 1000 : 1; s = u == 1 ? "s" : "ms"
        printf "%.3g %s (%.3g–%.3g)", m * u, s, lo * u, hi * u }'
}

not_implemented() { grep -qiE 'unrecognized option|unknown option|invalid option' "$1"; }

ROWS=()
MISSED=0
ERRORS=0
record() { # record TARGET TCPLUA BASELINE RATIO GOAL RESULT
    ROWS+=("| $1 | $2 | $3 | $4 | $5 | $6 |")
    printf '%-28s tcplua %-26s base %-26s ratio %-14s goal %-12s %s\n' "$1" "$2" "$3" "$4" "$5" "$6"
    [[ $6 == PASS ]] || MISSED=$((MISSED + 1))
}

fail_row() { # fail_row TARGET GOAL ERRFILE WHO: a run that did not complete
    local why="error (see $3)"
    if [[ $4 == tcplua ]] && not_implemented "$3"; then
        why="n/a (not implemented)"
    else
        ERRORS=$((ERRORS + 1))
        echo "  $4 failed: $(head -c 300 "$3")" >&2
    fi
    record "$1" "$why" "" "" "$2" MISS
}

# pair TARGET GOAL BASE_NAME RUNS: times A[] against B[] RUNS times, interleaved and
# alternating which goes first, so machine noise falls on both alike.
A=()
B=()
pair() {
    local target=$1 goal=$2 runs=$4 slug i
    slug=$(tr -c 'A-Za-z0-9\n' _ <<<"$target")
    local ea=$LOG/$slug.tcplua.err eb=$LOG/$slug.base.err ta=() tb=()
    for ((i = 0; i < runs; i++)); do
        rm -f "$OUT_A" "$OUT_B"
        if ((i % 2)); then
            timed "$eb" "${B[@]}" || { fail_row "$target" "≤ $goal" "$eb" "$3"; return; }
            tb+=("$LAST_US")
        fi
        timed "$ea" "${A[@]}" || { fail_row "$target" "≤ $goal" "$ea" tcplua; return; }
        ta+=("$LAST_US")
        if ((i % 2 == 0)); then
            timed "$eb" "${B[@]}" || { fail_row "$target" "≤ $goal" "$eb" "$3"; return; }
            tb+=("$LAST_US")
        fi
    done
    local sa sb
    read -r -a sa <<<"$(stats "${ta[@]}")"
    read -r -a sb <<<"$(stats "${tb[@]}")"
    local ratio result
    ratio=$(awk -v a="${sa[0]}" -v b="${sb[0]}" 'BEGIN { printf "%.3f", (b > 0 ? a / b : 999) }')
    result=$(awk -v r="$ratio" -v g="$goal" 'BEGIN { print (r <= g ? "PASS" : "MISS") }')
    record "$target" "$(fmt_time "${sa[@]}")" "$3 $(fmt_time "${sb[@]}")" "$ratio" "≤ $goal" "$result"
}

PEAK_KB=0
peak_rss() { # peak_rss ERRFILE CMD...: sets PEAK_KB to CMD's peak RSS, returns CMD's status
    local err=$1 rc
    shift
    if [[ -x /usr/bin/time ]]; then
        /usr/bin/time -f %M -o "$err.rss" "$@" >/dev/null 2>"$err"
        rc=$?
        PEAK_KB=$(tail -n 1 "$err.rss")
    elif command -v python3 >/dev/null; then
        PEAK_KB=$(python3 -c 'import resource, subprocess, sys
rc = subprocess.call(sys.argv[2:], stdout=subprocess.DEVNULL, stderr=open(sys.argv[1], "w"))
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
sys.exit(rc)' "$err" "$@")
        rc=$?
    else
        echo "neither GNU time (apt-get install time) nor python3 to read peak RSS" >"$err"
        return 127
    fi
    return $rc
}

mib() { awk -v k="$1" 'BEGIN { printf "%.1f MiB", k / 1024 }'; }

# memory TARGET GOAL KIND [TCPLUA OPTIONS...]: RSS on NFLOWS flows vs on 1 flow
memory() {
    local target=$1 goal=$2 kind=$3 many one
    shift 3
    local e=$LOG/mem_$kind.err
    peak_rss "$e" "$TCPLUA" "$@" -n -r "$ONEFLOW" -s "$BENCH_DIR/noop.lua" ||
        { fail_row "$target" "$goal" "$e" tcplua; return; }
    one=$PEAK_KB
    peak_rss "$e" "$TCPLUA" "$@" -n -r "$FLOWCAP" -s "$BENCH_DIR/noop.lua" ||
        { fail_row "$target" "$goal" "$e" tcplua; return; }
    many=$PEAK_KB
    local growth ok
    if [[ $kind == perflow ]]; then
        growth=$(awk -v a="$many" -v b="$one" -v n="$NFLOWS" \
            'BEGIN { printf "%.0f B/flow", (a - b) * 1024 / n }')
        ok=$(awk -v a="$many" -v b="$one" -v n="$NFLOWS" 'BEGIN { print ((a - b) * 1024 / n <= 256) }')
    else
        growth=$(awk -v d=$((many - one)) 'BEGIN { printf "%+.1f MiB", d / 1024 }')
        ok=$(((many - one) <= 16 * 1024))
    fi
    record "$target" "$(mib "$many") @ $NFLOWS flows" "$(mib "$one") @ 1 flow" "$growth" \
        "$goal" "$( ((ok)) && echo PASS || echo MISS)"
}

echo "tcplua:  $TCPLUA ($("$TCPLUA" --version 2>&1 | head -n 1))"
echo "tcpdump: $TCPDUMP ($("$TCPDUMP" --version 2>&1 | head -n 1))"
echo "capture: $CAP ($PACKETS packets, $(du -h "$CAP" | cut -f1)); repeats $REPEAT, start-up $STARTUP_REPEAT"
echo "machine: $(nproc) CPUs, load $(cut -d' ' -f1-3 /proc/loadavg)"
echo

# ---- the targets ----
for opts in "-n" "-n -v" "-n -e" "-n -S" "-n -tttt"; do
    read -r -a o <<<"$opts"
    A=("$TCPLUA" "${o[@]}" -r "$CAP")
    B=("$TCPDUMP" "${o[@]}" -r "$CAP")
    pair "print $opts" 0.4 tcpdump "$REPEAT"
done
A=(env -u TZ "$TCPLUA" -n -r "$CAP")
B=(env -u TZ "$TCPDUMP" -n -r "$CAP")
pair "print -n, TZ unset" 0.4 tcpdump "$REPEAT"

A=("$TCPLUA" -s "$BENCH_DIR/filter.lua" -r "$CAP")
B=("$TCPLUA" -s "$BENCH_DIR/floor.lua" -r "$CAP")
pair "filter-only script" 2 floor "$REPEAT"

A=("$TCPLUA" -w "$OUT_A" -r "$CAP" 'tcp port 80')
B=("$TCPDUMP" -w "$OUT_B" -r "$CAP" 'tcp port 80')
pair "-w 'tcp port 80'" 1.2 tcpdump "$REPEAT"

memory "memory per flow" "≤ 256 B/flow" perflow
memory "memory, --max-flows 10000" "≤ +16 MiB" capped --max-flows 10000

A=("$TCPLUA" -n -r "$ONE")
B=("$TCPDUMP" -n -r "$ONE")
pair "start-up (1 packet)" 2 tcpdump "$STARTUP_REPEAT"

echo
echo "| target | tcplua | baseline | ratio | goal | result |"
echo "|---|---|---|---|---|---|"
printf '%s\n' "${ROWS[@]}"
echo
echo "$((${#ROWS[@]} - MISSED)) of ${#ROWS[@]} targets met; logs in $LOG"
if ((SMOKE)); then
    ((ERRORS == 0)) || { echo "smoke: $ERRORS run(s) failed" >&2; exit 1; }
    exit 0
fi
((MISSED == 0 || NOFAIL)) || exit 1
exit 0
