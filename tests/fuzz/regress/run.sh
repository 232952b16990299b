#!/bin/bash
# Fuzzer findings kept as regression tests: every capture in this directory must print as
# Debian's tcpdump prints it (stdout, stderr with "tcpdump: " read as "tcplua: ", exit
# status) under -n and -n -vv -e -x, and tcplua must not fail with a script error.
# Usage: run.sh TCPLUA
set -u
TL=$(readlink -f "$1")
HERE=$(dirname "$(readlink -f "$0")")
T=$(mktemp -d); chmod 755 "$T"; trap 'rm -rf "$T"' EXIT
n=0 bad=0
for f in "$HERE"/*.pcap; do
    for opts in "-n" "-n -vv -e -x"; do
        n=$((n + 1))
        (cd "$T" && TZ=UTC tcpdump $opts -r "$f" >td.out 2>td.err; echo $? >td.rc)
        (cd "$T" && TZ=UTC PATH=/nonexistent "$TL" $opts -r "$f" >tl.out 2>tl.err; echo $? >tl.rc)
        sed -i 's/^tcpdump: /tcplua: /' "$T/td.err"
        if ! cmp -s "$T/td.out" "$T/tl.out" || ! cmp -s "$T/td.err" "$T/tl.err" ||
           ! cmp -s "$T/td.rc" "$T/tl.rc"; then
            bad=$((bad + 1))
            echo "FAIL: ${f##*/} $opts"
            diff "$T/td.out" "$T/tl.out" | head -5
            diff "$T/td.err" "$T/tl.err" | head -5
        fi
    done
done
echo "fuzz regressions: $((n - bad)) passed, $bad failed"
[ $bad = 0 ]
