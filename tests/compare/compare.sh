#!/bin/bash
# Runs one case of cases.txt through Debian's tcpdump and through tcplua, and fails unless
# stdout, stderr (tcpdump's "tcpdump: " prefix read as "tcplua: ") and exit code are identical.
# Usage: compare.sh TCPLUA_BIN CAPDIR CASE_NAME     (compare; exit 0 same, 1 differ, 77 skip)
#        compare.sh --show CAPDIR CASE_NAME         (print what tcpdump does for the case)
set -u

# Forks are costly on some hosts (tens of ms): builtins are preferred to small tools below.
HERE=${BASH_SOURCE[0]%/*}
[ "$HERE" != "${BASH_SOURCE[0]}" ] || HERE=.
[[ $HERE = /* ]] || HERE=$PWD/$HERE
# The table is cases.txt plus one file per protocol group in cases.d/.
if [ -n "${CASES_FILE:-}" ]; then CASES=("$CASES_FILE"); else
    CASES=("$HERE/cases.txt"); for f in "$HERE"/cases.d/*.txt; do [ -e "$f" ] && CASES+=("$f"); done
fi
TCPDUMP=${TCPDUMP:-/usr/bin/tcpdump}
LAB_HOSTS=${LAB_HOSTS:-$HERE/../captures/lab_hosts}
MAXDIFF=${MAXDIFF:-200}          # lines of each diff shown

die() { echo "compare.sh: $*" >&2; exit 2; }

[ $# -eq 3 ] || die "usage: compare.sh TCPLUA_BIN|--show CAPDIR CASE_NAME"
BIN=$1 CAPDIR=$2 CASE=$3
SHOW=0
if [ "$BIN" = "--show" ]; then SHOW=1; else
    [ -x "$BIN" ] || die "tcplua binary not found or not executable: $BIN"
    [[ $BIN = /* ]] || BIN=$PWD/$BIN
fi
[ -d "$CAPDIR" ] || die "capture directory missing: $CAPDIR"
[[ $CAPDIR = /* ]] || CAPDIR=$PWD/$CAPDIR
[ -x "$TCPDUMP" ] || die "tcpdump not found: $TCPDUMP"
# tcpdump is started by name through PATH, as a user would: getopt's messages use argv[0].
[ "${TCPDUMP##*/}" = tcpdump ] || die "TCPDUMP must name a file called tcpdump: $TCPDUMP"
for f in "${CASES[@]}"; do [ -r "$f" ] || die "no case table: $f"; done

# trim VAR STRING: VAR = STRING without surrounding blanks (no subshell: forks are slow)
trim() { local s=$2; s=${s#"${s%%[![:space:]]*}"}; printf -v "$1" '%s' "${s%"${s##*[![:space:]]}"}"; }

# ---- find the case: name | capture | options [| flags]
line=
for f in "${CASES[@]}"; do
    while IFS= read -r l || [ -n "$l" ]; do
        case $l in '#'* | '') continue ;; esac
        trim n "${l%%|*}"
        if [ "$n" = "$CASE" ]; then
            [ -z "$line" ] || die "case '$CASE' appears twice in the case tables"
            line=$l
        fi
    done < "$f"
done
[ -n "$line" ] || die "no case '$CASE' in ${CASES[*]}"
IFS='|' read -r _ CAPTURE OPTSTR FLAGSTR EXTRA <<< "$line"
[ -z "${EXTRA:-}" ] || die "case '$CASE': too many '|' columns (options may not contain '|')"
trim CAPTURE "$CAPTURE"
trim OPTSTR "${OPTSTR:-}"
trim FLAGSTR "${FLAGSTR:-}"
eval "OPTS=($OPTSTR)" || die "case '$CASE': cannot split options: $OPTSTR"

# ---- flags (fourth column)
TZMODE=UTC ERROR=0 EMPTY=0 FIRSTLINE=0 WRITABLE=0 NAMES=auto
for f in $FLAGSTR; do
    case $f in
        TZ=unset) TZMODE=unset ;;
        TZ=*) TZMODE=${f#TZ=} ;;
        error) ERROR=1 ;;          # tcpdump must exit non-zero; stdout may be empty
        empty) EMPTY=1 ;;          # tcpdump prints no packet (filter matches nothing)
        stderr1) FIRSTLINE=1 ;;    # compare only stderr's first line (usage banners)
        writable) WRITABLE=1 ;;    # run directories writable by everyone (for -w)
        names) NAMES=1 ;;
        nonames) NAMES=0 ;;
        *) die "case '$CASE': unknown flag '$f'" ;;
    esac
done
# Name-resolution mode when no -n is given: a short option cluster containing n.
if [ "$NAMES" = auto ]; then
    NAMES=1 skip=0
    for o in "${OPTS[@]}"; do
        if [ $skip = 1 ]; then skip=0; continue; fi
        case $o in
            --*) ;;
            -[BcCEFGijMQrsTVwWyzZ]) skip=1 ;;   # option whose argument is the next word
            -*n*) NAMES=0 ;;
        esac
    done
fi

INPUT=()
if [ "$CAPTURE" != "-" ]; then
    INPUT=(-r "$CAPDIR/$CAPTURE")
    if [ ! -e "$CAPDIR/$CAPTURE" ] && [ $ERROR = 0 ]; then
        echo "FAIL: capture $CAPDIR/$CAPTURE not generated (run make_captures.py)"; exit 1
    fi
fi

TMP=$(mktemp -d /tmp/tcplua-compare.XXXXXX) || die "mktemp failed"
trap 'rm -rf "$TMP"' EXIT
[ $WRITABLE = 0 ] || chmod 755 "$TMP"
NSS=$TMP/nsswitch.conf
printf 'hosts: files\nethers: files\nservices: files\nprotocols: files\nnetworks: files\n' > "$NSS"

# Variables passed through to the programs (sanitizer and coverage settings).
PASS=()
for v in ASAN_OPTIONS UBSAN_OPTIONS LSAN_OPTIONS GCOV_PREFIX GCOV_PREFIX_STRIP \
         LLVM_PROFILE_FILE ${!TCPLUA_@}; do
    [ -n "${!v+x}" ] && PASS+=("$v=${!v}")
done

# run LABEL PATHVALUE PROGRAM ARGS...: run in $TMP/LABEL.run, results in $TMP/LABEL.*
run() {
    local label=$1 path=$2; shift 2
    local dir=$TMP/$label.run envv=(env -i "PATH=$path" "${PASS[@]}")
    mkdir "$dir"
    # set the mode the case relies on, whatever the caller's umask
    if [ $WRITABLE = 1 ]; then chmod 1777 "$dir"; else chmod 755 "$dir"; fi
    [ "$TZMODE" = unset ] || envv+=("TZ=$TZMODE")
    if [ $NAMES = 1 ]; then
        (cd "$dir" && exec unshare -m -- /bin/sh -c \
            'mount --bind "$1" /etc/hosts && mount --bind "$2" /etc/nsswitch.conf || exit 125
             shift 2; exec "$@"' sh "$LAB_HOSTS" "$NSS" "${envv[@]}" "$@") \
            > "$TMP/$label.stdout" 2> "$TMP/$label.stderr" < /dev/null
    else
        (cd "$dir" && exec "${envv[@]}" "$@") \
            > "$TMP/$label.stdout" 2> "$TMP/$label.stderr" < /dev/null
    fi
    echo "exit $?" > "$TMP/$label.rc"
}

if [ $NAMES = 1 ]; then
    [ "$EUID" = 0 ] || { echo "SKIP: name-resolution case needs root (unshare -m)"; exit 77; }
    [ -r "$LAB_HOSTS" ] || die "hosts file missing: $LAB_HOSTS"
    unshare -m -- true 2> /dev/null || { echo "SKIP: unshare -m not permitted here"; exit 77; }
fi

CMDLINE="${INPUT[*]} $OPTSTR"
run ref "${TCPDUMP%/*}:/usr/sbin:/usr/bin:/sbin:/bin" tcpdump "${INPUT[@]}" "${OPTS[@]}"
read -r ref_rc < "$TMP/ref.rc"
if [ "$ref_rc" = "exit 125" ] && [ $NAMES = 1 ]; then
    echo "SKIP: could not bind-mount the hosts file"; exit 77
fi

if [ $SHOW = 1 ]; then
    echo "# tcpdump $CMDLINE  (flags: ${FLAGSTR:-none}, names: $NAMES)"
    echo "# --- stdout"; cat "$TMP/ref.stdout"
    echo "# --- stderr"; cat "$TMP/ref.stderr"
    echo "# --- $ref_rc"
    ls -l "$TMP/ref.run" | tail -n +2
    exit 0
fi

# ---- the case must be able to fail: check tcpdump did what the case claims
if [ $ERROR = 1 ]; then
    [ "$ref_rc" != "exit 0" ] || { echo "FAIL: case marked 'error' but tcpdump exited 0"; exit 1; }
elif [ $EMPTY = 1 ]; then
    [ ! -s "$TMP/ref.stdout" ] || { echo "FAIL: case marked 'empty' but tcpdump printed packets"; exit 1; }
else
    [ -s "$TMP/ref.stdout" ] || {
        echo "FAIL: tcpdump printed nothing for $CMDLINE (mark the case 'empty' or 'error')"
        cat "$TMP/ref.stderr"; exit 1; }
fi

HOSTARG=()
[ $NAMES = 1 ] && HOSTARG=(--hosts "$LAB_HOSTS")
run out /nonexistent "$BIN" "${HOSTARG[@]}" "${INPUT[@]}" "${OPTS[@]}"

sed -i 's/^tcpdump: /tcplua: /' "$TMP/ref.stderr"
if [ $FIRSTLINE = 1 ]; then
    for l in ref out; do head -n 1 "$TMP/$l.stderr" > "$TMP/$l.e1"; mv "$TMP/$l.e1" "$TMP/$l.stderr"; done
fi

# Files the runs left behind (-w): same names, same bytes, same owner.
shopt -s nullglob dotglob
for l in ref out; do
    : > "$TMP/$l.files"
    left=("$TMP/$l.run"/*)
    if [ ${#left[@]} -gt 0 ]; then
        (cd "$TMP/$l.run" && find . -mindepth 1 -printf '%P %u:%g %m\n' | sort) > "$TMP/$l.files"
    fi
done
shopt -u nullglob dotglob

status=0
show() {   # show WHAT: diff tcpdump's and tcplua's $TMP/*.WHAT
    [ -s "$TMP/ref.$1" ] || [ -s "$TMP/out.$1" ] || return 0
    cmp -s "$TMP/ref.$1" "$TMP/out.$1" && return 0
    status=1
    echo "--- $1 differs (- tcpdump, + tcplua):"
    diff -a -u --label "tcpdump/$1" --label "tcplua/$1" "$TMP/ref.$1" "$TMP/out.$1" |
        head -n "$MAXDIFF"
}
show stdout
show stderr
read -r out_rc < "$TMP/out.rc"
[ "$ref_rc" = "$out_rc" ] || { status=1; echo "--- exit code differs: tcpdump $ref_rc, tcplua $out_rc"; }
show files
while read -r f _; do
    if [ -f "$TMP/ref.run/$f" ] && ! cmp -s "$TMP/ref.run/$f" "$TMP/out.run/$f"; then
        status=1
        echo "--- written file $f differs:"
        cmp "$TMP/ref.run/$f" "$TMP/out.run/$f" 2>&1 | head -n 3
    fi
done < "$TMP/ref.files"

if [ $status = 0 ]; then
    echo "PASS: $CASE ($CMDLINE)"
else
    echo "FAIL: $CASE: tcplua $CMDLINE"
fi
exit $status
