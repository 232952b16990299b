#!/usr/bin/env bash
# Runs the truncation test on every capture: bash tests/trunc/run.sh BUILD_DIR [trunc.py options]
# (e.g. --only tcp_options.pcap, --jobs 4, --keep DIR to keep the cut files that differ).
set -euo pipefail
[ $# -ge 1 ] || { echo "usage: run.sh BUILD_DIR [--only CAPTURE]... [--jobs N] [--keep DIR]" >&2; exit 2; }
build=$1; shift
exec /usr/bin/python3 "$(dirname "$0")/trunc.py" "$build/tcplua" "$@"
